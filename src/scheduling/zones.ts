/**
 * Civil days and IANA time zones with nothing but `Intl`. A day is a `'YYYY-MM-DD'` string
 * with no zone attached; an instant is an ISO string ending in `Z`.
 */
import { intlObject } from '../text/intl.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The browser's IANA zone, or `'UTC'` when the runtime does not say. */
export function browserTimeZone(): string {
  try {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

// Asked for once per instant (hundreds for a calendar): keyed by the zone alone, with no options to serialise.
function wallFormat(timeZone: string): Intl.DateTimeFormat {
  return intlObject(
    `wall ${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        calendar: 'gregory',
        numberingSystem: 'latn',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        hourCycle: 'h23',
      }),
  );
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading in `timeZone` at `ms` (whole seconds). */
function wallAt(ms: number, timeZone: string): Wall {
  const wall: Wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of wallFormat(timeZone).formatToParts(ms)) {
    if (part.type in wall) wall[part.type as keyof Wall] = Number(part.value);
  }
  return wall;
}

function toMs(instant: string | Date): number {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Invalid instant: ${String(instant)}`);
  return ms;
}

/** `'YYYY-MM-DD'` → milliseconds of that day's 00:00 UTC. */
export function parseDay(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`Invalid day (expected YYYY-MM-DD): ${day}`);
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, date);
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== date) throw new RangeError(`Invalid day: ${day}`);
  return d.getTime();
}

function formatDay(year: number, month: number, date: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

function dayOfUTC(ms: number): string {
  const d = new Date(ms);
  return formatDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** An instant as `YYYY-MM-DDTHH:MM:SSZ` (milliseconds only when there are some). */
export function toInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** The civil date of `instant` as seen on a wall clock in `timeZone`. */
export function dayOf(instant: string | Date, timeZone: string): string {
  const wall = wallAt(toMs(instant), timeZone);
  return formatDay(wall.year, wall.month, wall.day);
}

export function addDays(day: string, n: number): string {
  return dayOfUTC(parseDay(day) + n * DAY);
}

/** The first day of the week containing `day`; weeks start on Monday unless told Sunday (0). */
export function weekStart(day: string, weekStartsOn: 0 | 1 = 1): string {
  const weekday = new Date(parseDay(day)).getUTCDay();
  return addDays(day, -((weekday - weekStartsOn + 7) % 7));
}

/** Minutes `timeZone` is ahead of UTC at `instant` (New York in winter: -300). */
export function zoneOffsetMinutes(instant: string | Date, timeZone: string): number {
  const ms = Math.floor(toMs(instant) / 1000) * 1000;
  return Math.round((wallAsUTC(wallAt(ms, timeZone)) - ms) / MINUTE);
}

function wallAsUTC(wall: Wall): number {
  const d = new Date(0);
  d.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  d.setUTCHours(wall.hour, wall.minute, wall.second);
  return d.getTime();
}

/**
 * The instant `day` begins in `timeZone`: local midnight, or — where a daylight-saving change
 * skips midnight (America/Santiago, America/Havana, Asia/Beirut) — the first instant that
 * exists on that day; where midnight happens twice, the earlier one.
 */
export function startOfDay(day: string, timeZone: string): string {
  const midnightUTC = parseDay(day);
  // Fast path: midnight exists, and one second before it is still the previous day.
  const first = midnightUTC - zoneOffsetMinutes(new Date(midnightUTC), timeZone) * MINUTE;
  const second = midnightUTC - zoneOffsetMinutes(new Date(first), timeZone) * MINUTE;
  for (const candidate of [first, second]) {
    if (wallAsUTC(wallAt(candidate, timeZone)) === midnightUTC && dayOf(new Date(candidate - 1000), timeZone) < day) {
      return toInstant(candidate);
    }
  }
  // Otherwise find the first second whose wall date is `day`. Offsets stay within ±26 h.
  let before = Math.floor((midnightUTC - 26 * HOUR) / 1000);
  let after = Math.floor((midnightUTC + 26 * HOUR) / 1000);
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (dayOf(new Date(middle * 1000), timeZone) >= day) after = middle;
    else before = middle;
  }
  return toInstant(after * 1000);
}

/** The ISO weekday of a civil day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  return new Date(parseDay(day)).getUTCDay() || 7;
}

/**
 * The instant (epoch ms) at which a wall clock in `timeZone` reads `minute` minutes after midnight
 * on `day` (0 ≤ minute < 1440). `undefined` when the clocks skip that reading (spring forward);
 * when they show it twice (fall back), the earlier of the two.
 */
export function wallClockInstant(day: string, minute: number, timeZone: string): number | undefined {
  if (!Number.isInteger(minute) || minute < 0 || minute >= 24 * 60) throw new RangeError(`Invalid minute of the day: ${minute}`);
  const reading = parseDay(day) + minute * MINUTE;
  // The instant lies within [reading - 14 h, reading + 12 h] (the widest offsets there are); with
  // at most one change of offset in that span, it carries the offset of one end or the other.
  const offsets = new Set([offsetAt(reading - 14 * HOUR, timeZone), offsetAt(reading + 12 * HOUR, timeZone)]);
  let earliest: number | undefined;
  for (const offset of offsets) {
    const candidate = reading - offset * MINUTE;
    if (offsets.size > 1 && offsetAt(candidate, timeZone) !== offset) continue;
    if (earliest === undefined || candidate < earliest) earliest = candidate;
  }
  return earliest;
}

function offsetAt(ms: number, timeZone: string): number {
  return zoneOffsetMinutes(new Date(ms), timeZone);
}
