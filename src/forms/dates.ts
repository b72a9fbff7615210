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

import { daysInMonth } from '../api/civil-date.js';
import { intlObject } from '../text/intl.js';
import { now as clockNow } from '../time/clock.js';

export { daysInMonth, isIsoDate, isRealDate } from '../api/civil-date.js';

/**
 * Shifts a date by whole days, months or years. Months and years keep the day of the month where
 * it exists and otherwise take the month's last day (29 February − 1 year → 28 February).
 */
export function shiftDate(iso: string, amount: number, unit: 'd' | 'm' | 'y'): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  if (unit === 'd') {
    const shifted = new Date(0);
    shifted.setUTCFullYear(year, month - 1, day + amount); // unlike Date.UTC, keeps years < 100 literal
    return isoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
  }
  const months = year * 12 + (month - 1) + (unit === 'y' ? amount * 12 : amount);
  const newYear = Math.floor(months / 12);
  const newMonth = (months % 12) + 1;
  return isoDate(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** Resolves a definition's date bound (`YYYY-MM-DD`, `today`, `-18y`, `+30d`, `-6m`) against today. */
export function resolveDateBound(bound: string, today: string): string {
  if (bound === 'today') return today;
  const relative = /^([+-]\d+)([dmy])$/.exec(bound);
  if (relative) return shiftDate(today, Number(relative[1]), relative[2] as 'd' | 'm' | 'y');
  return bound;
}

/** A long date for messages, e.g. "January 1, 1900" (en-US) or "1 January 1900" (en-GB). */
export function formatLongDate(iso: string, locale: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return intlObject(`long date ${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })).format(date);
}
