/**
 * Follow-up windows at the API: a service such as integration is offered only in the window after
 * a booking of the service it follows (the rule: src/scheduling/follow-up.ts). The window is the
 * service's setting in the database; nothing here knows "integration" or "24".
 */
import type { FollowUpWindow, Service } from '../../src/api/schemas.js';
import { followUpWindow } from '../../src/scheduling/follow-up.js';
import type { Interval } from '../../src/scheduling/opening-hours.js';
import { validationFailed } from '../api-error.js';
import type { Stores } from '../stores/types.js';
import { authorizedBooking } from './booking-auth.js';

export function outsideFollowUpWindow(followUp: FollowUpWindow, afterName: string): string {
  return `This session can only be booked ${followUp.minHoursAfterEnd} to ${followUp.maxHoursAfterEnd} hours after a ${afterName} ends. Please choose a time from that window.`;
}

/** The name of the service `service` follows, for messages; `undefined` when it follows none. */
export async function followedName(stores: Stores, service: Service): Promise<string | undefined> {
  const after = service.followUp?.after;
  return after === undefined ? undefined : ((await stores.clinic.findService(after))?.name ?? after);
}

/**
 * The window an availability request is limited to, from its `after` booking and bearer token:
 * `undefined` for a service that follows nothing (and no `after` was sent). A follow-up service
 * asked for without `after` is `422` (it can only be booked in a window); a wrong token is `401`;
 * a booking of another service, or a cancelled one, is `422`.
 */
export async function availabilityWindow(
  stores: Stores,
  service: Service,
  after: string | undefined,
  authorization: string | undefined,
  now: number,
): Promise<Interval | undefined> {
  const followUp = service.followUp;
  if (!followUp) {
    if (after !== undefined) throw validationFailed({ after: 'This service is not booked in a window after another session.' });
    return undefined;
  }
  const afterName = (await followedName(stores, service))!;
  if (after === undefined) throw validationFailed({ after: `Book this session from your ${afterName} booking.` });
  const opener = await authorizedBooking(stores, after, authorization, now);
  if (opener.serviceId !== followUp.after) throw validationFailed({ after: `This is not a ${afterName} booking.` });
  if (opener.status === 'cancelled') {
    throw validationFailed({ after: `That ${afterName} booking was cancelled, so there is no window to book in.` });
  }
  return followUpWindow(followUp, opener.end);
}

/** What a refusal of a follow-up's time needs for its message (see refusals.ts). */
export async function followUpContext(stores: Stores, service: Service): Promise<{ window: FollowUpWindow; afterName: string } | undefined> {
  return service.followUp && { window: service.followUp, afterName: (await followedName(stores, service))! };
}
