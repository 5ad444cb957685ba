// Numbers, ratios, durations and times as supervisors read them, in the page's language.

import { locale } from './i18n.js';
import { clock, missing, dateTime as sharedDateTime } from '/shared/format.js';

/** Seconds (an average may have a fraction) as m:ss, or h:mm:ss from an hour on; '–' for null. */
export function duration(seconds) {
  return missing(seconds) ? '–' : clock(Math.max(0, Math.round(Number(seconds))));
}

/** A share from 0 to 1 as a whole percentage (87%); '–' for null. */
export function percent(ratio) {
  if (missing(ratio)) {
    return '–';
  }
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(Number(ratio));
}

/**
 * A service level (answered within the threshold / answered, from 0 to 1) as a percentage; '—'
 * when no call was answered (null), never a full 100% for a queue without calls.
 */
export function serviceLevel(ratio) {
  return missing(ratio) ? '—' : percent(ratio);
}

/** A count with the language's grouping (1,234). */
export function count(n) {
  return n === null || n === undefined ? '–' : new Intl.NumberFormat(locale()).format(Number(n));
}

/** An ISO instant as a short local date and time, in zone when given. */
export function dateTime(iso, zone) {
  return sharedDateTime(locale(), iso, zone);
}

/** The calendar date (YYYY-MM-DD) of an instant in zone. */
export function dateIn(iso, zone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** A bucket's start as its label for interval (hour: 09:00, day: 11-25, week: 11-23, month: 2026-11). */
export function bucketLabel(iso, interval, zone) {
  const at = new Date(iso);
  const options = { timeZone: zone, hour12: false };
  if (interval === 'hour') {
    Object.assign(options, { hour: '2-digit', minute: '2-digit' });
  } else if (interval === 'month') {
    Object.assign(options, { year: 'numeric', month: 'short' });
  } else {
    Object.assign(options, { month: 'short', day: 'numeric' });
  }
  return new Intl.DateTimeFormat(locale(), options).format(at);
}

/** The date YYYY-MM-DD plus days. */
export function addDays(date, days) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Minutes zone is ahead of UTC at epoch milliseconds ms. */
function offsetMinutes(ms, zone) {
  const parts = {};
  new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms)).forEach((p) => { parts[p.type] = Number(p.value); });
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60000);
}

/** The epoch milliseconds of wall-clock time local ('2026-11-25T09:00') in zone. */
export function zonedMillis(local, zone) {
  const asUtc = Date.parse(`${local}:00Z`);
  let ms = asUtc - offsetMinutes(asUtc, zone) * 60000;
  const again = asUtc - offsetMinutes(ms, zone) * 60000;
  if (again !== ms) {
    ms = again;
  }
  return ms;
}

/**
 * The starts (epoch milliseconds) of every bucket of interval from date from to date to
 * (excluded) in zone, as the reports count them: hours, days, weeks from Monday, months. At most
 * limit; empty past it.
 */
export function bucketStarts(from, to, interval, zone, limit = 1000) {
  const end = zonedMillis(`${to}T00:00`, zone);
  const starts = [];
  let date = from;
  if (interval === 'week') {
    const weekday = (new Date(`${from}T00:00:00Z`).getUTCDay() + 6) % 7;
    date = addDays(from, -weekday);
  } else if (interval === 'month') {
    date = `${from.slice(0, 7)}-01`;
  }
  while (starts.length <= limit) {
    if (interval === 'hour') {
      for (let h = 0; h < 24; h++) {
        starts.push(zonedMillis(`${date}T${String(h).padStart(2, '0')}:00`, zone));
      }
    } else {
      starts.push(zonedMillis(`${date}T00:00`, zone));
    }
    if (interval === 'month') {
      const d = new Date(`${date}T00:00:00Z`);
      d.setUTCMonth(d.getUTCMonth() + 1);
      date = d.toISOString().slice(0, 10);
    } else {
      date = addDays(date, interval === 'week' ? 7 : 1);
    }
    if (zonedMillis(`${date}T00:00`, zone) >= end) {
      break;
    }
  }
  const kept = [...new Set(starts)].filter((ms) => ms < end).sort((a, b) => a - b);
  return kept.length > limit ? [] : kept;
}
