/**
 * When checklist items are due, and where a client stands.
 *
 * A due offset is EXACT ELAPSED TIME from the session's start: "4 hours before" (-240) is 240 real
 * minutes before, and "24 hours before" (-1440) is 1440 real minutes before. So when the clocks
 * change in between, the wall-clock time moves: for a session at 10:00 on the Sunday the clocks
 * spring forward, "24 hours before" is 09:00 on Saturday, not 10:00. Fasting and abstinence
 * windows are about how long the body has had, which a clock change does not shorten; the element
 * shows the resulting local time, so the client is never told a time that is an hour off.
 */
import { toInstant } from '../scheduling/zones.js';

const MINUTE = 60_000;

/** An item counts as "due soon" from this long before it is due. */
export const DUE_SOON_MINUTES = 24 * 60;

export type DueStatus = 'done' | 'overdue' | 'due-soon' | 'upcoming' | 'untimed';

/** The parts of a checklist item (`ChecklistItemState`) that these functions read. */
export interface DueItem {
  done: boolean;
  dueOffsetMinutes?: number | undefined;
}

export interface ChecklistProgress {
  done: number;
  total: number;
  requiredDone: number;
  requiredTotal: number;
  /** Every required item is done; with no required items, every item. Never true for an empty list. */
  complete: boolean;
}

type InstantLike = string | number | Date;

/**
 * Whether an item lasts until its time rather than being due by it: one timed after the session
 * has started ("no driving until the next day") is a restriction that ends then, not a deadline.
 */
export function dueLasts(dueOffsetMinutes: number): boolean {
  return dueOffsetMinutes > 0;
}

/** The instant an item is due: `dueOffsetMinutes` real minutes after the session's start (before, if negative). */
export function dueAt(sessionStart: InstantLike, dueOffsetMinutes: number): string {
  if (!Number.isFinite(dueOffsetMinutes)) throw new RangeError(`Invalid due offset: ${dueOffsetMinutes}`);
  return toInstant(toMs(sessionStart) + dueOffsetMinutes * MINUTE);
}

/**
 * Where an item stands at `now`: `done`; `untimed` (no due time); `overdue` (its due time has
 * passed); `due-soon` (due within `soonMinutes`, default 24 hours, due time included); else `upcoming`.
 */
export function dueStatus(item: DueItem, sessionStart: InstantLike, now: InstantLike, soonMinutes: number = DUE_SOON_MINUTES): DueStatus {
  if (item.done) return 'done';
  if (item.dueOffsetMinutes === undefined) return 'untimed';
  const due = toMs(sessionStart) + item.dueOffsetMinutes * MINUTE;
  const at = toMs(now);
  if (at > due) return 'overdue';
  return due - at <= soonMinutes * MINUTE ? 'due-soon' : 'upcoming';
}

/** Counts for "5 of 9 done"; items without `required` count as required, as in the definition. */
export function checklistProgress(items: readonly { done: boolean; required?: boolean | undefined }[]): ChecklistProgress {
  let done = 0;
  let requiredDone = 0;
  let requiredTotal = 0;
  for (const item of items) {
    const required = item.required ?? true;
    if (item.done) done += 1;
    if (required) requiredTotal += 1;
    if (required && item.done) requiredDone += 1;
  }
  const complete = items.length > 0 && (requiredTotal > 0 ? requiredDone === requiredTotal : done === items.length);
  return { done, total: items.length, requiredDone, requiredTotal, complete };
}

function toMs(value: InstantLike): number {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid instant: ${String(value)}`);
  return ms;
}
