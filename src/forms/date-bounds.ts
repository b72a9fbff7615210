/**
 * A date question's bounds as a definition gives them (`YYYY-MM-DD`, `today`, `-18y`, `+30d`,
 * `-6m`), resolved against today's civil date. Only the answer checks read them, so the first page
 * of a form never loads this (in the drop-in files it comes with the checks).
 */
import { daysInMonth } from '../api/civil-date.js';
import { isoDate } from './dates.js';

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
