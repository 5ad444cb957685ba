// The HTTP calls of the agent desktop. The session cookie (HttpOnly, SameSite=Strict) that the
// login sets authenticates the rest; the page never keeps the token itself. Writes carry the
// login's CSRF token (X-CSRF-Token), which the server requires with the cookie.

import { ApiError, request } from '/shared/http.js';

let csrfToken = null;

/** The CSRF token of the login's answer, sent with every write from now on; null to forget it. */
export function useCsrfToken(token) {
  csrfToken = token || null;
}

export { ApiError };

function call(method, path, body) {
  return request(method, path, body, csrfToken);
}

/** POST /api/login: {token, role, agentId, expiresAt, csrfToken, breakReasons}; an ApiError with status 401 when refused. */
export function login(user, password) {
  return call('POST', '/api/login', { user, password });
}

/** POST /api/logout: ends the session and clears its cookie. */
export function logout() {
  return call('POST', '/api/logout');
}

/**
 * PUT /api/me/password: changes the agent's desk password. Every session of the agent ends with
 * it, this one too; an ApiError (400 with parameter 'current' for a wrong current password, 429
 * after too many) when refused.
 */
export function changePassword(current, password) {
  return call('PUT', '/api/me/password', { current, password });
}

/** POST /api/tickets: the ticket created, with its id. */
export function createTicket(ticket) {
  return call('POST', '/api/tickets', ticket);
}

/** GET /api/queues/{name}/settings: the queue's routing rules, its wrapUpSeconds among them. */
export function queueSettings(name) {
  return call('GET', `/api/queues/${encodeURIComponent(name)}/settings`);
}
