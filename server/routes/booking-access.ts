/**
 * `POST booking-access/exchange {bookingId, token}` → `{credential, expiresAt}`: the elements
 * exchange a link's token for a credential kept for the tab (sessionStorage), so a reload keeps
 * working while the link's token is stored nowhere. The credential is a link token that expires
 * `CREDENTIAL_MS` after its last exchange: exchanging the credential itself before then moves its
 * expiry on (the tab refreshes it while it is used) and keeps it the same, so a page never has to
 * change the token its requests — and their idempotency keys — carry. Whatever opens the booking counts, and only while it does
 * (server/booking-access.ts): a token that does not answers the same `401` as every booking route.
 */
import type { Hono } from 'hono';
import { BookingAccessExchange, type BookingAccessCredential } from '../../src/api/schemas.js';
import type { AppEnv } from '../app-env.js';
import { newAccessToken, sha256Hex } from '../secrets.js';
import { toInstant } from '../stores/records.js';
import { openedBooking, unauthorized } from './booking-auth.js';
import type { RouteContext } from './context.js';
import { parseRequest } from './validation.js';

/** How long a tab's credential opens the booking without being exchanged again. */
export const CREDENTIAL_MS = 30 * 60_000;

export function registerBookingAccessRoutes(app: Hono<AppEnv>, { stores, now }: RouteContext): void {
  app.post('/booking-access/exchange', async (c) => {
    const { bookingId, token } = parseRequest(BookingAccessExchange, c.var.body);
    const at = now();
    const booking = await openedBooking(stores, bookingId, token, at);
    if (!booking) throw unauthorized();
    const expiresAt = at + CREDENTIAL_MS;
    const refreshed = await stores.bookings.extendCredential({ bookingId: booking.id, tokenHash: sha256Hex(token), now: at, expiresAt });
    const credential = refreshed ? token : newAccessToken();
    if (!refreshed) await stores.bookings.addLinkToken({ bookingId: booking.id, tokenHash: sha256Hex(credential), now: at, expiresAt });
    const body: BookingAccessCredential = { credential, expiresAt: toInstant(expiresAt) };
    return c.json(body);
  });
}
