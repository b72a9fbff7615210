/**
 * A follow-up service (integration) is booked in a window after the session that opens it
 * (administration). The backend owns the rule and filters availability by it; the element uses
 * the same function (`src/scheduling/follow-up.ts`) to explain the window and to open the calendar
 * on the right week.
 */
import type { Booking, FollowUpWindow } from '../../api/schemas.js';
import { followUpWindowInstants } from '../../scheduling/follow-up.js';

export interface OpenWindow {
  /** ISO instants: the window's first and last moment. */
  start: string;
  end: string;
}

export function followUpWindow(opener: Pick<Booking, 'end'>, followUp: FollowUpWindow): OpenWindow {
  return followUpWindowInstants(followUp, opener);
}
