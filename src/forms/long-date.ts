/**
 * A civil date written out for people, apart from dates.ts: only what shows one (a consent's
 * signature, check-your-answers, a date's error message) imports it, and in the drop-in files
 * those come in chunks.
 */
import { intlObject } from '../text/intl.js';

/** A long date for messages, e.g. "January 1, 1900" (en-US) or "1 January 1900" (en-GB). */
export function formatLongDate(iso: string, locale: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return intlObject(`long date ${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })).format(date);
}
