/** The bearer-token check every per-booking route shares. */
import { ApiError } from '../api-error.js';
import type { BookingRow, ClinicStore } from '../stores/sqlite/bookings.js';
import { tokenMatches } from '../secrets.js';

/**
 * The booking that this bearer token opens. A missing token, a wrong token and an unknown id all
 * answer the same `401 unauthorized`, so a token-less caller cannot learn which ids exist.
 */
export function authorizedBooking(store: ClinicStore, id: string, authorization: string | undefined): BookingRow {
  const token = bearerToken(authorization);
  const row = store.findBooking(id);
  if (token === undefined || !tokenMatches(token, row?.token_sha256) || !row) {
    throw new ApiError(401, 'unauthorized', 'This link or access token does not open this booking.', {
      headers: { 'WWW-Authenticate': 'Bearer' },
    });
  }
  return row;
}

/** The token of an `Authorization: Bearer <token>` header, if that is what it holds. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return /^Bearer[ ]+([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(authorization ?? '')?.[1];
}
