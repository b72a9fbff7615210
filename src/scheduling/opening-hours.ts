/**
 * Slot arithmetic for one clinician, in the clinic's IANA time zone. Pure functions over epoch
 * milliseconds: the store feeds them the rules and the busy intervals, the routes turn the
 * result into `Z` instants. Wall-clock opening hours are resolved per day with luxon, so a day
 * on which the clocks change still opens and closes at the right local time.
 */
import { DateTime } from 'luxon';

/** One opening period on one weekday, in the clinic's wall-clock minutes after midnight. */
export interface OpeningPeriod {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  opensMinute: number;
  closesMinute: number;
}

export interface SchedulingRules {
  timeZone: string;
  openingHours: readonly OpeningPeriod[];
  /** Slots start on this grid, counted from the opening time of each period. */
  slotStepMinutes: number;
  /** The earliest bookable start is this long after now. */
  minNoticeMinutes: number;
  /** Nothing can start this far or further after now. */
  horizonDays: number;
}

/** A half-open interval [start, end) in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * Every start the opening hours allow for a service of `durationMinutes`, whose start lies in
 * [from, to), ignoring notice, horizon and other bookings. A wall-clock time that does not exist
 * on that day (skipped by a daylight-saving change) yields no slot.
 */
export function scheduledSlots(
  rules: SchedulingRules,
  durationMinutes: number,
  from: number,
  to: number,
): Interval[] {
  const slots: Interval[] = [];
  if (!(to > from)) return slots;
  const duration = durationMinutes * MINUTE;
  let day = DateTime.fromMillis(from, { zone: rules.timeZone }).startOf('day');
  while (day.toMillis() < to) {
    const periods = rules.openingHours
      .filter((period) => period.weekday === day.weekday)
      .sort((a, b) => a.opensMinute - b.opensMinute);
    for (const period of periods) {
      const closes = atWallMinute(day, period.closesMinute).toMillis();
      for (let minute = period.opensMinute; minute < period.closesMinute; minute += rules.slotStepMinutes) {
        const local = atWallMinute(day, minute);
        if (local.hour * 60 + local.minute !== minute || !local.hasSame(day, 'day')) continue;
        const start = local.toMillis();
        const end = start + duration;
        if (end > closes) break;
        if (start >= from && start < to) slots.push({ start, end });
      }
    }
    day = day.plus({ days: 1 }).startOf('day');
  }
  return slots;
}

/** The window in which a start may be booked at `now`: [earliest, latest). */
export function bookableWindow(rules: SchedulingRules, now: number): Interval {
  return { start: now + rules.minNoticeMinutes * MINUTE, end: now + rules.horizonDays * DAY };
}

export interface FreeSlotsQuery {
  rules: SchedulingRules;
  durationMinutes: number;
  from: number;
  to: number;
  now: number;
  /** Intervals in which the clinician is taken: active bookings and live holds of any service. */
  busy: readonly Interval[];
}

/**
 * The slots a client may book now: scheduled, within notice and horizon, overlapping nothing busy.
 * This is the definition; the availability cache (availability-cache.ts) answers the same from
 * remembered days, and its tests compare the two.
 */
export function freeSlots(query: FreeSlotsQuery): Interval[] {
  const window = bookableWindow(query.rules, query.now);
  const from = Math.max(query.from, window.start);
  const to = Math.min(query.to, window.end);
  return scheduledSlots(query.rules, query.durationMinutes, from, to).filter(
    (slot) => !query.busy.some((taken) => overlaps(slot, taken)),
  );
}

/** Whether the opening hours offer a slot for this service starting exactly at `start`. */
export function isScheduledStart(rules: SchedulingRules, durationMinutes: number, start: number): boolean {
  const [slot] = scheduledSlots(rules, durationMinutes, start, start + 1);
  return slot !== undefined && slot.start === start;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

function atWallMinute(day: DateTime, minute: number): DateTime {
  if (minute >= 24 * 60) return day.plus({ days: 1 }).startOf('day');
  return day.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 });
}
