// Times and durations as the agent reads them, in the page's language.

import { locale } from './i18n.js';

/** Whole seconds as m:ss, or h:mm:ss from an hour on; '' for null. */
export function duration(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(Number(seconds))) {
    return '';
  }
  const s = Math.max(0, Math.floor(Number(seconds)));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** Seconds from since (an ISO instant or epoch milliseconds) to now, never negative. */
export function secondsSince(since, now = Date.now()) {
  const at = typeof since === 'number' ? since : Date.parse(since);
  return Number.isNaN(at) ? null : Math.max(0, Math.floor((now - at) / 1000));
}

/** An ISO instant as the local time of day (08:03:10). */
export function timeOfDay(iso) {
  const at = new Date(iso);
  return Number.isNaN(at.getTime())
    ? ''
    : new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(at);
}

/** An ISO instant as a short local date and time (2026/3/1 08:03). */
export function dateTime(iso) {
  const at = new Date(iso);
  return Number.isNaN(at.getTime())
    ? ''
    : new Intl.DateTimeFormat(locale(), { dateStyle: 'short', timeStyle: 'short', hour12: false }).format(at);
}
