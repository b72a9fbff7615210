/** The bearer-token check every per-booking route shares. */
import { ApiError } from '../api-error.js';
import { tokenMatches } from '../secrets.js';
import type { BookingRecord, BookingStore } from '../stores/types.js';

/**
 * The booking that this bearer token opens. A missing token, a wrong token and an unknown id all
 * answer the same `401 unauthorized`, so a token-less caller cannot learn which ids exist.
 */
export async function authorizedBooking(bookings: BookingStore, id: string, authorization: string | undefined): Promise<BookingRecord> {
  const token = bearerToken(authorization);
  const record = await bookings.findBooking(id);
  // The booking's own token, or one an email's links carry (notifications/links.ts).
  const opens =
    token !== undefined &&
    (tokenMatches(token, record?.tokenHash) || (record !== undefined && (await bookings.linkTokenHashes(record.id)).some((hash) => tokenMatches(token, hash))));
  if (!opens || !record) {
    throw new ApiError(401, 'unauthorized', 'This link or access token does not open this booking.', {
      headers: { 'WWW-Authenticate': 'Bearer' },
    });
  }
  return record;
}

/** The token of an `Authorization: Bearer <token>` header, if that is what it holds. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return /^Bearer[ ]+([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(authorization ?? '')?.[1];
}
