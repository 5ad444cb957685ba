package org.hotline.admin.http;

/**
 * Tells who sends a request that changes data, for routes that record it (a ticket's {@code
 * createdBy}). Runs on the route's worker thread.
 */
@FunctionalInterface
public interface Authenticator {
  /**
   * The name of the user {@code request} comes from: an agent's id, or an integration's user name.
   *
   * @throws UnauthenticatedException when the request proves no user, with the status and
   *     one-line reason to answer
   */
  String user(Request request);
}
