// One HTTP call of a Hotline page to the server's API. The session cookie (HttpOnly,
// SameSite=Strict) that the login sets authenticates it; a write carries the login's CSRF token.

/**
 * A failed HTTP call: the status (0 when the server was not reached), its one-line error, and
 * the body field at fault of a 400 (null when the server named none).
 */
export class ApiError extends Error {
  constructor(status, message, parameter = null) {
    super(message || `HTTP ${status}`);
    this.status = status;
    this.parameter = parameter;
  }
}

/**
 * Sends one request; resolves with the parsed JSON answer (null for none), rejects with an
 * ApiError.
 *
 * @param csrfToken sent as X-CSRF-Token with every method but GET, when there is one
 */
export async function request(method, path, body, csrfToken) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) {
    init.headers['X-CSRF-Token'] = csrfToken;
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
    throw new ApiError(response.status, json && typeof json.error === 'string' ? json.error : `HTTP ${response.status}`,
      json && typeof json.parameter === 'string' ? json.parameter : null);
  }
  return json;
}
