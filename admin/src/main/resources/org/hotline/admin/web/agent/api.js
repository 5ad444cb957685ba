// The HTTP calls of the agent desktop. The session cookie (HttpOnly, SameSite=Strict) that the
// login sets authenticates the rest; the page never keeps the token itself. Writes carry the
// login's CSRF token (X-CSRF-Token), which the server requires with the cookie.

let csrfToken = null;

/** The CSRF token of the login's answer, sent with every write from now on; null to forget it. */
export function useCsrfToken(token) {
  csrfToken = token || null;
}

/** A failed HTTP call: the status and the server's one-line error. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message || `HTTP ${status}`);
    this.status = status;
  }
}

async function call(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (method !== 'GET' && csrfToken) {
    init.headers['X-CSRF-Token'] = csrfToken;
  }
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, e.message);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, json && typeof json.error === 'string' ? json.error : `HTTP ${response.status}`);
  }
  return json;
}

/** POST /api/login: {token, role, agentId, expiresAt, csrfToken, breakReasons}; an ApiError with status 401 when refused. */
export function login(user, password) {
  return call('POST', '/api/login', { user, password });
}

/** POST /api/logout: ends the session and clears its cookie. */
export function logout() {
  return call('POST', '/api/logout');
}

/** POST /api/tickets: the ticket created, with its id. */
export function createTicket(ticket) {
  return call('POST', '/api/tickets', ticket);
}
