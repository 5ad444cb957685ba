// The server's clock as the page sees it. Times on screen (since when in a state, how long on a
// call, the wrap-up left) count from the server's timestamps, not from when the page heard of
// them, so a reload does not start them over. The PC's clock may differ from the server's: every
// timestamp the server sends is at most its now, so now on the PC minus the timestamp bounds the
// difference from above, and the smallest such bound (a fresh event's) is the estimate. The tab
// keeps it across reloads, where the first events are replays of older ones.

const KEY = 'hotline.desk.clockOffset';

/** PC's clock minus the server's, in milliseconds, or null before any timestamp. */
let offset = stored();

function stored() {
  try {
    const value = Number.parseFloat(sessionStorage.getItem(KEY));
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}

/** A timestamp (ISO instant) the server just sent. */
export function heard(instant) {
  const at = Date.parse(instant);
  if (Number.isNaN(at)) {
    return;
  }
  const bound = Date.now() - at;
  if (offset === null || bound < offset) {
    offset = bound;
    try {
      sessionStorage.setItem(KEY, String(offset));
    } catch {
      // A tab that keeps nothing estimates again after a reload.
    }
  }
}

/** The server's now, in epoch milliseconds. */
export function serverNow() {
  return Date.now() - (offset ?? 0);
}
