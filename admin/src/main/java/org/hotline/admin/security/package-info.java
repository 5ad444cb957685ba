/**
 * Who may do what: logins for every role ({@link org.hotline.admin.security.LoginRoute}, {@link
 * org.hotline.admin.security.Logins}), slow salted password hashes, slowing down and locking out
 * password guessing, the gate that tells who sends an API request (Bearer, Basic, the session
 * cookie with its CSRF token), the first administrator, the users API and the audit log. Which role
 * may use which route is declared where each route is registered ({@link
 * org.hotline.admin.http.Access}); docs/security.md lists them all.
 */
package org.hotline.admin.security;
