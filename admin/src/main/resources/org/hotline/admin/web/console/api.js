// The HTTP calls of the console and the wallboard, and the signed-in user. The session cookie
// (HttpOnly, SameSite=Strict) set by the login authenticates them; the page keeps the login's
// answer for this tab (role, CSRF token), never the token itself.

import { ApiError, request } from '/shared/http.js';
import { readTabSession, keepTabSession } from '/shared/tab-session.js';

const SESSION_KEY = 'hotline.console.session';

/** Who may use which console page, by role; a role not listed may not use the console. */
const PAGES_BY_ROLE = {
  admin: ['reports', 'agents', 'queues', 'users', 'security', 'audit'],
  supervisor: ['reports', 'agents', 'queues', 'security'],
};

export { ApiError };

let session = readSession();
const expiredListeners = new Set();

function readSession() {
  return readTabSession(SESSION_KEY, (stored) => stored.role);
}

function keep(value) {
  session = value;
  keepTabSession(SESSION_KEY, value);
}

/** The signed-in user ({user, role, csrfToken, expiresAt}) of this tab, or null. */
export function currentSession() {
  return session;
}

/** The console pages role may open, in the nav's order; empty when it may use none. */
export function pagesFor(role) {
  return PAGES_BY_ROLE[role] ?? [];
}

/** Calls listener() when the server answers 401 to a call: the session is gone. */
export function onSessionExpired(listener) {
  expiredListeners.add(listener);
}

/** One HTTP call; resolves with the parsed JSON answer (null for none), rejects with an ApiError. */
export async function call(method, path, body) {
  try {
    return await request(method, path, body, session?.csrfToken);
  } catch (error) {
    if (error.status === 401 && path !== '/api/login') {
      expiredListeners.forEach((listener) => listener(error));
    }
    throw error;
  }
}

/** POST /api/login; keeps the answer for this tab and resolves with it. */
export async function login(user, password) {
  const answer = await call('POST', '/api/login', { user, password });
  keep({ user, role: answer.role, csrfToken: answer.csrfToken ?? null, expiresAt: answer.expiresAt ?? null });
  return session;
}

/** POST /api/logout, and forgets the session whatever the answer. */
export async function logout() {
  try {
    await call('POST', '/api/logout');
  } finally {
    keep(null);
  }
}

/** Forgets the session of this tab without asking the server (it ended there). */
export function forget() {
  keep(null);
}

/** path with the query of params, leaving out null, undefined and empty values. */
export function withQuery(path, params) {
  const query = new URLSearchParams();
  Object.entries(params).forEach(([name, value]) => {
    if (value !== null && value !== undefined && value !== '') {
      query.set(name, String(value));
    }
  });
  const q = query.toString();
  return q ? `${path}?${q}` : path;
}
