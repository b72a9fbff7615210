/**
 * Follow-up windows: a service such as integration is booked between `minHoursAfterEnd` and
 * `maxHoursAfterEnd` hours after a booking of the service it follows ends, both ends included.
 * Hours are exact elapsed time (48 hours across a daylight-saving change is 48 real hours, so the
 * wall-clock end of the window moves by the hour the clocks moved), matching how checklist due
 * times are computed. The window is the service's setting in the database; nothing here knows
 * "integration" or "24".
 */
import type { FollowUpWindow, Service } from '../../src/api/schemas.js';
import { followUpWindow } from '../../src/scheduling/follow-up.js';
import type { Interval } from '../../src/scheduling/opening-hours.js';
import { validationFailed } from '../api-error.js';
import { authorizedBooking } from './booking-auth.js';
import type { ClinicStore } from '../stores/sqlite/bookings.js';

export function outsideFollowUpWindow(followUp: FollowUpWindow, afterName: string): string {
  return `This session can only be booked ${followUp.minHoursAfterEnd} to ${followUp.maxHoursAfterEnd} hours after a ${afterName} ends. Please choose a time from that window.`;
}

/**
 * The window an availability request is limited to, from its `after` booking and bearer token:
 * `undefined` for a service that follows nothing (and no `after` was sent). A follow-up service
 * asked for without `after` is `422` (it can only be booked in a window); a wrong token is `401`;
 * a booking of another service, or a cancelled one, is `422`.
 */
export function availabilityWindow(
  store: ClinicStore,
  service: Service,
  after: string | undefined,
  authorization: string | undefined,
): Interval | undefined {
  const followUp = service.followUp;
  if (!followUp) {
    if (after !== undefined) throw validationFailed({ after: 'This service is not booked in a window after another session.' });
    return undefined;
  }
  const afterName = store.findService(followUp.after)?.name ?? followUp.after;
  if (after === undefined) throw validationFailed({ after: `Book this session from your ${afterName} booking.` });
  const row = authorizedBooking(store, after, authorization);
  if (row.service_id !== followUp.after) throw validationFailed({ after: `This is not a ${afterName} booking.` });
  if (row.status === 'cancelled') {
    throw validationFailed({ after: `That ${afterName} booking was cancelled, so there is no window to book in.` });
  }
  return followUpWindow(followUp, row.end_ms);
}
