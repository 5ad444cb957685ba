// Times and durations as the agent reads them, in the page's language.

import { locale } from './i18n.js';
import { clock, missing, dateTime as sharedDateTime, timeOfDay as sharedTimeOfDay } from '/shared/format.js';

/** Seconds as m:ss, or h:mm:ss from an hour on, counting whole seconds gone; '' for null. */
export function duration(seconds) {
  return missing(seconds) ? '' : clock(Math.max(0, Math.floor(Number(seconds))));
}

/** Seconds from since (an ISO instant or epoch milliseconds) to now, never negative. */
export function secondsSince(since, now = Date.now()) {
  const at = typeof since === 'number' ? since : Date.parse(since);
  return Number.isNaN(at) ? null : Math.max(0, Math.floor((now - at) / 1000));
}

/** An ISO instant as the local time of day (08:03:10). */
export function timeOfDay(iso) {
  return sharedTimeOfDay(locale(), iso);
}

/** An ISO instant as a short local date and time (2026/3/1 08:03). */
export function dateTime(iso) {
  return sharedDateTime(locale(), iso);
}
