/**
 * How long a booking's access tokens open it — its own token, the tokens an email's links carry
 * and the tab credentials exchanged for them (routes/booking-access.ts). One home for the rule:
 *
 * - An active booking opens until its purpose ends: the end of the follow-up window it opens (the
 *   latest `maxHoursAfterEnd` of the services booked after it, counted from its end — the demo's
 *   administration: 48 h), or, when no service follows it, its end plus `LINK_GRACE_MS` (7 days:
 *   time to read the checklist's aftercare and finish an intake sent late).
 * - A cancelled booking stops opening at once — except a request the clinic declined, which opens
 *   (to read the decision and the other times suggested) for `LINK_GRACE_MS` after the decline, or
 *   until the last suggested time starts if that is later. Nothing can change it any more.
 * - The owner can revoke a booking's links (`POST /staff/bookings/:id/revoke-links`): every token
 *   minted before stops at once.
 */
import type { Service } from '../src/api/schemas.js';
import type { BookingRecord, DecisionRecord } from './stores/types.js';

const HOUR = 3_600_000;

/** How long after its end a booking that opens no follow-up window keeps opening. */
export const LINK_GRACE_MS = 7 * 24 * HOUR;

/** The moment a booking's tokens stop opening it (`-Infinity` once cancelled and nothing is left to read). */
export function accessEndsAt(booking: Pick<BookingRecord, 'serviceId' | 'end' | 'status'>, services: readonly Service[], decision?: DecisionRecord): number {
  if (booking.status === 'cancelled') {
    if (decision?.decision !== 'declined') return -Infinity;
    return Math.max(decision.at + LINK_GRACE_MS, ...(decision.suggestedStarts ?? []));
  }
  const windows = services.filter((service) => service.followUp?.after === booking.serviceId).map((service) => service.followUp!.maxHoursAfterEnd * HOUR);
  return booking.end + (windows.length ? Math.max(...windows) : LINK_GRACE_MS);
}
