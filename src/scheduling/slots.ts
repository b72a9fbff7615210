import type { Slot } from '../api/schemas.js';
import { addDays, dayOf, startOfDay } from './zones.js';

export interface DaySlots {
  /** `'YYYY-MM-DD'` in the zone the slots were grouped in. */
  day: string;
  /** Sorted by start. */
  slots: Slot[];
}

/**
 * Groups slots by the civil day their start falls on in `timeZone`, days and slots in order.
 * A slot is identified by its start instant: a second slot with the same start is dropped.
 */
export function slotsByDay(slots: Slot[], timeZone: string): DaySlots[] {
  const timed = slots
    .map((slot) => ({ slot, at: Date.parse(slot.start) }))
    .filter(({ at }) => !Number.isNaN(at))
    .sort((a, b) => a.at - b.at);
  const days: DaySlots[] = [];
  let current: DaySlots | undefined;
  let nextDayAt = -Infinity;
  let previousAt = NaN;
  for (const { slot, at } of timed) {
    if (at === previousAt) continue;
    previousAt = at;
    // One zone look-up per day rather than per slot: a fortnight of 15-minute slots is >1000.
    if (at >= nextDayAt) {
      const day = dayOf(new Date(at), timeZone);
      current = { day, slots: [] };
      days.push(current);
      nextDayAt = Date.parse(startOfDay(addDays(day, 1), timeZone));
    }
    current!.slots.push(slot);
  }
  return days;
}

/** The seven days of the week that starts on `weekStartDay`. */
export function weekDays(weekStartDay: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStartDay, i));
}

/**
 * The most days one `GET availability` may span. The reference backend refuses more (422), so a
 * flood of requests cannot each make it compute months; `<kap-booking>` asks for 9 (`weekAvailabilityRange`).
 */
export const MAX_AVAILABILITY_DAYS = 14;

/**
 * What `<kap-booking>` asks availability for to show the week starting `weekStartDay`: a day
 * either side, so the week is complete in whichever zone it is finally shown in, and nothing that
 * began more than a minute before `now`. Nine days at most (and a daylight-saving hour).
 */
export function weekAvailabilityRange(weekStartDay: string, timeZone: string, now: number): { from: string; to: string } {
  const from = Math.max(Date.parse(startOfDay(addDays(weekStartDay, -1), timeZone)), now - 60_000);
  return { from: new Date(from).toISOString().replace(/\.\d{3}Z$/, 'Z'), to: startOfDay(addDays(weekStartDay, 8), timeZone) };
}

/** The instants bounding that week in `timeZone`: `from` inclusive, `to` exclusive. */
export function weekQuery(weekStartDay: string, timeZone: string): { from: string; to: string } {
  return { from: startOfDay(weekStartDay, timeZone), to: startOfDay(addDays(weekStartDay, 7), timeZone) };
}
