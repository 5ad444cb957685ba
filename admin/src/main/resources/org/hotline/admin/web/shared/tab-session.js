// The signed-in user of this browser tab, kept in sessionStorage so that a reload stays signed
// in (the cookie alone does not say who it is). Gone with the tab; never shared between tabs.

/** The value kept under `key`, or null when there is none or `isValid` refuses it. */
export function readTabSession(key, isValid) {
  try {
    const stored = JSON.parse(sessionStorage.getItem(key));
    return stored && isValid(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** Keeps `value` under `key`; null forgets it. */
export function keepTabSession(key, value) {
  try {
    if (value) {
      sessionStorage.setItem(key, JSON.stringify(value));
    } else {
      sessionStorage.removeItem(key);
    }
  } catch {
    // Without storage a reload asks for the login again.
  }
}
