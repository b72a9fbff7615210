/** Words for days, times and zones in the reader's locale, all through `Intl`. */
import { dateFormat } from '../text/intl.js';
import { parseDay, zoneOffsetMinutes } from './zones.js';

// A day is formatted at its noon in UTC, in UTC, so no zone can move it to another date.
function dayNoon(day: string): number {
  return parseDay(day) + 12 * 3_600_000;
}

/** "Wednesday, 4 March 2026" (en-GB), "Wednesday, March 4, 2026" (en-US). */
export function formatDayLong(day: string, locale: string): string {
  return dateFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(dayNoon(day));
}

/** "Wed 4 Mar" (en-GB), "Wed, Mar 4" (en-US). */
export function formatDayShort(day: string, locale: string): string {
  return dateFormat(locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(dayNoon(day));
}

/** "9:00 AM" (en-US), "09:00" (en-GB): the locale decides the clock. */
export function formatTime(instant: string, timeZone: string, locale: string): string {
  // A 24-hour clock reads best with two-digit hours, so a column of times lines up.
  const { hourCycle } = dateFormat(locale, { hour: 'numeric' }).resolvedOptions();
  const hour = hourCycle === 'h23' || hourCycle === 'h24' ? '2-digit' : 'numeric';
  return dateFormat(locale, { timeZone, hour, minute: '2-digit' }).format(Date.parse(instant));
}

/**
 * The zone's long generic name ("Eastern Time"), else its long name ("Coordinated Universal
 * Time"), else its IANA id — except `Etc/GMT+5`-style ids, whose POSIX sign is inverted, which
 * read better as the runtime's "GMT-05:00".
 */
export function formatZoneName(timeZone: string, locale: string, at?: string): string {
  const when = at === undefined ? Date.now() : Date.parse(at);
  let offsetName: string | undefined;
  for (const timeZoneName of ['longGeneric', 'long'] as const) {
    try {
      const name = dateFormat(locale, { timeZone, timeZoneName })
        .formatToParts(when)
        .find((p) => p.type === 'timeZoneName')?.value;
      if (name && !/^(?:GMT|UTC)(?:[+\-\u2212]\d|$)/.test(name)) return name;
      offsetName ??= name;
    } catch {
      // Older engines lack 'longGeneric'; an unknown zone throws: both fall through.
    }
  }
  return timeZone.startsWith('Etc/') && offsetName ? offsetName : timeZone;
}

/** Whether clocks in both zones read the same at `instant`. */
export function sameOffsetAt(instant: string, zoneA: string, zoneB: string): boolean {
  return zoneOffsetMinutes(instant, zoneA) === zoneOffsetMinutes(instant, zoneB);
}
