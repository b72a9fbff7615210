/**
 * A follow-up service (integration) is booked in a window after the session that opens it
 * (administration): from `minHoursAfterEnd` to `maxHoursAfterEnd` after that session ends. The
 * backend owns the rule and filters availability by it; the element uses the same numbers to
 * explain the window and to open the calendar on the right week.
 */
import type { Booking, FollowUpWindow } from '../../api/schemas.js';
import { toInstant } from '../../scheduling/zones.js';

const HOUR = 3_600_000;

export interface OpenWindow {
  /** ISO instants: the window's first and last moment. */
  start: string;
  end: string;
}

export function followUpWindow(opener: Pick<Booking, 'end'>, followUp: FollowUpWindow): OpenWindow {
  const ended = Date.parse(opener.end);
  return {
    start: toInstant(ended + followUp.minHoursAfterEnd * HOUR),
    end: toInstant(ended + followUp.maxHoursAfterEnd * HOUR),
  };
}
