/**
 * Civil dates as `YYYY-MM-DD` strings: no time zones, no `Date` arithmetic surprises. `today` is
 * always passed in (the element passes the client's local date), so results are reproducible.
 */

/** The local civil date of `now` (by default the clock's), as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date(clockNow())): string {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

import { now as clockNow } from '../time/clock.js';

export { daysInMonth, isIsoDate, isRealDate } from '../api/civil-date.js';
