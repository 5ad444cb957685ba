// How the pages write durations and times; each page adds its own language and its own mark for
// a missing value.

/** Whole seconds (a number of at least 0) as m:ss, or h:mm:ss from an hour on. */
export function clock(seconds) {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** Whether a value is no number to show (null, undefined, not a number). */
export function missing(value) {
  return value === null || value === undefined || Number.isNaN(Number(value));
}

/** An instant (ISO text or a Date) as the time of day in locale (08:03:10); '' when it is none. */
export function timeOfDay(locale, instant) {
  const at = new Date(instant);
  return Number.isNaN(at.getTime())
    ? ''
    : new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(at);
}

/** An ISO instant as a short date and time in locale, in zone when given; '' when it is none. */
export function dateTime(locale, iso, zone) {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) {
    return '';
  }
  const options = { dateStyle: 'short', timeStyle: 'short', hour12: false };
  if (zone) {
    options.timeZone = zone;
  }
  return new Intl.DateTimeFormat(locale, options).format(at);
}
