/**
 * Follow-up windows: a service such as integration is booked between `minHoursAfterEnd` and
 * `maxHoursAfterEnd` hours after a session of the service it follows (administration) ends, both
 * ends included. One rule for the reference backend (which offers and accepts only times in the
 * window) and `<kap-booking>` (which explains the window and opens the calendar on it).
 *
 * Hours are exact elapsed time: 48 hours across a daylight-saving change is 48 real hours, so the
 * wall-clock end of the window moves by the hour the clocks moved, as checklist due times do. They
 * become whole milliseconds by rounding, so a window set in fractional hours (18.4 h, 24 h 1 min)
 * ends on its exact minute rather than a millisecond before it (18.4 × 3,600,000 is
 * 66,239,999.99… in floating point).
 */
import type { FollowUpWindow } from '../api/schemas.js';
import type { Interval } from './opening-hours.js';
import { toInstant } from './zones.js';

const HOUR = 3_600_000;

/** Hours as whole milliseconds, rounded. */
export function hoursToMs(hours: number): number {
  return Math.round(hours * HOUR);
}

/** The closed interval [end + min, end + max] in which a follow-up may start after a session ending at `openerEnd` (epoch ms). */
export function followUpWindow(followUp: FollowUpWindow, openerEnd: number): Interval {
  return { start: openerEnd + hoursToMs(followUp.minHoursAfterEnd), end: openerEnd + hoursToMs(followUp.maxHoursAfterEnd) };
}

/** The same window as `Z` instants, for an opener given as the contract's booking. */
export function followUpWindowInstants(followUp: FollowUpWindow, opener: { end: string }): { start: string; end: string } {
  const window = followUpWindow(followUp, Date.parse(opener.end));
  return { start: toInstant(window.start), end: toInstant(window.end) };
}

/**
 * The closed interval in which a session of the followed service must end for a follow-up starting
 * at `start` to lie in its window: the inverse of `followUpWindow`.
 */
export function openerEndsFor(followUp: FollowUpWindow, start: number): Interval {
  return { start: start - hoursToMs(followUp.maxHoursAfterEnd), end: start - hoursToMs(followUp.minHoursAfterEnd) };
}
