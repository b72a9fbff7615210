/** The bearer-token check every per-booking route shares. */
import { ApiError } from '../api-error.js';
import { accessEndsAt } from '../booking-access.js';
import { tokenMatches } from '../secrets.js';
import type { BookingRecord, Stores } from '../stores/types.js';

/**
 * The booking that this bearer token opens at `now`. A missing token, a wrong token, an unknown
 * id and a token whose purpose has ended (booking-access.ts: past the booking's follow-up window
 * or grace, cancelled, revoked) all answer the same `401 unauthorized`, so a token-less caller
 * cannot learn which ids exist.
 */
export async function authorizedBooking(stores: Stores, id: string, authorization: string | undefined, now: number): Promise<BookingRecord> {
  const record = await openedBooking(stores, id, bearerToken(authorization), now);
  if (!record) throw unauthorized();
  return record;
}

/** The booking `token` opens at `now`, or `undefined` — for routes that answer otherwise (booking-access.ts). */
export async function openedBooking(stores: Stores, id: string, token: string | undefined, now: number): Promise<BookingRecord | undefined> {
  const record = await stores.bookings.findBooking(id);
  // The booking's own token, or one an email's links carry, or a tab's credential (notifications/compose.ts, routes/booking-access.ts).
  const opens =
    token !== undefined &&
    (tokenMatches(token, record?.tokenHash) ||
      (record !== undefined && (await stores.bookings.linkTokenHashes(record.id, now)).some((hash) => tokenMatches(token, hash))));
  if (!opens || !record) return undefined;
  const decision = record.status === 'cancelled' ? await stores.console.decisionOf(record.id) : undefined;
  return now < accessEndsAt(record, await stores.clinic.listServices(), decision) ? record : undefined;
}

export function unauthorized(): ApiError {
  return new ApiError(401, 'unauthorized', 'This link or access token does not open this booking.', {
    headers: { 'WWW-Authenticate': 'Bearer' },
  });
}

/** The token of an `Authorization: Bearer <token>` header, if that is what it holds. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return /^Bearer[ ]+([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(authorization ?? '')?.[1];
}
