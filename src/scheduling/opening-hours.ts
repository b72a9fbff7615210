/**
 * Slot arithmetic for one clinician, in the clinic's IANA time zone. Pure functions over epoch
 * milliseconds: a store feeds them the rules and the busy intervals, the routes turn the result
 * into `Z` instants. Wall-clock opening hours are resolved per day (`wallClockInstant`), so a day
 * on which the clocks change still opens and closes at the right local time.
 */
import { addDays, dayOf, isoWeekday, startOfDay, wallClockInstant } from './zones.js';

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
  /** When the clinic is closed although its hours say open (a holiday, a closed afternoon): no slot overlaps one. */
  closures?: readonly Interval[];
}

/** A closure as the clinic writes it: a day, or part of one, in wall-clock minutes. */
export interface ClosedDay {
  /** `YYYY-MM-DD` in the clinic's zone. */
  date: string;
  /** With `toMinute`: closed only in [fromMinute, toMinute); without both, the whole day. */
  fromMinute?: number;
  toMinute?: number;
}

/** Time kept free around each session of a service, in minutes. */
export interface Buffers {
  beforeMinutes: number;
  afterMinutes: number;
}

/** A half-open interval [start, end) in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const MINUTES_PER_DAY = 24 * 60;

/** The instant the clinic day containing `ms` begins, and the next one. */
export function clinicDay(ms: number, timeZone: string): Interval {
  const day = dayOf(new Date(ms), timeZone);
  return { start: Date.parse(startOfDay(day, timeZone)), end: Date.parse(startOfDay(addDays(day, 1), timeZone)) };
}

/**
 * Every start the opening hours allow for a service of `durationMinutes`, whose start lies in
 * [from, to), ignoring notice, horizon and other bookings. A wall-clock time that does not exist
 * on that day (skipped by a daylight-saving change) yields no slot; one that happens twice yields
 * one slot, at its first occurrence.
 */
export function scheduledSlots(rules: SchedulingRules, durationMinutes: number, from: number, to: number): Interval[] {
  const slots: Interval[] = [];
  if (!(to > from)) return slots;
  const duration = durationMinutes * MINUTE;
  for (let day = dayOf(new Date(from), rules.timeZone); Date.parse(startOfDay(day, rules.timeZone)) < to; day = addDays(day, 1)) {
    const weekday = isoWeekday(day);
    const periods = rules.openingHours.filter((period) => period.weekday === weekday).sort((a, b) => a.opensMinute - b.opensMinute);
    for (const period of periods) {
      const closes = closingInstant(day, period.closesMinute, rules.timeZone);
      for (let minute = period.opensMinute; minute < period.closesMinute; minute += rules.slotStepMinutes) {
        const start = wallClockInstant(day, minute, rules.timeZone);
        if (start === undefined) continue;
        const end = start + duration;
        if (end > closes) break;
        if (start >= from && start < to && !rules.closures?.some((closed) => overlaps({ start, end }, closed))) slots.push({ start, end });
      }
    }
  }
  return slots;
}

/**
 * When a period closing at `minute` ends: that wall-clock time (its first occurrence), midnight at
 * the end of the day for 24:00, and for a time the clocks skip, the moment they jump past it.
 */
function closingInstant(day: string, minute: number, timeZone: string): number {
  if (minute >= MINUTES_PER_DAY) return Date.parse(startOfDay(addDays(day, 1), timeZone));
  const exact = wallClockInstant(day, minute, timeZone);
  if (exact !== undefined) return exact;
  // The first reading after the gap is the instant the clocks jumped.
  let later = minute + 1;
  while (later < MINUTES_PER_DAY && wallClockInstant(day, later, timeZone) === undefined) later += 1;
  return later < MINUTES_PER_DAY ? wallClockInstant(day, later, timeZone)! : Date.parse(startOfDay(addDays(day, 1), timeZone));
}

/** The instants a closure covers, in `timeZone`: its whole day, or its hours on that day. */
export function closureInterval(closure: ClosedDay, timeZone: string): Interval {
  const dayStart = Date.parse(startOfDay(closure.date, timeZone));
  const dayEnd = Date.parse(startOfDay(addDays(closure.date, 1), timeZone));
  if (closure.fromMinute === undefined || closure.toMinute === undefined) return { start: dayStart, end: dayEnd };
  const at = (minute: number) =>
    minute <= 0
      ? dayStart
      : minute >= MINUTES_PER_DAY
        ? dayEnd
        : (wallClockInstant(closure.date, minute, timeZone) ?? closingInstant(closure.date, minute, timeZone));
  return { start: at(closure.fromMinute), end: at(closure.toMinute) };
}

/** A session's interval with the time its service keeps free before and after it. */
export function padded(slot: Interval, buffers: Buffers | undefined): Interval {
  if (!buffers) return slot;
  return { start: slot.start - buffers.beforeMinutes * MINUTE, end: slot.end + buffers.afterMinutes * MINUTE };
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
  /**
   * Intervals in which the clinician is taken: active bookings and live holds of any service,
   * each with its own service's buffers (`padded`).
   */
  busy: readonly Interval[];
  /** The buffers of the service asked for: a slot is free when it, so padded, overlaps nothing busy. */
  buffers?: Buffers;
}

/**
 * The slots a client may book now: scheduled, within notice and horizon, overlapping nothing busy
 * once both sides are padded with their buffers (so two sessions are at least one's after-buffer
 * plus the other's before-buffer apart).
 * This is the definition; a store may answer the same from remembered days (the SQLite store's
 * availability cache), and the store suite compares the two.
 */
export function freeSlots(query: FreeSlotsQuery): Interval[] {
  const window = bookableWindow(query.rules, query.now);
  const from = Math.max(query.from, window.start);
  const to = Math.min(query.to, window.end);
  return scheduledSlots(query.rules, query.durationMinutes, from, to).filter(
    (slot) => !query.busy.some((taken) => overlaps(padded(slot, query.buffers), taken)),
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
