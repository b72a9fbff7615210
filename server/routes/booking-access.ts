/**
 * `POST booking-access/exchange {bookingId, token}` → `{credential, expiresAt}`: the elements
 * exchange a link's token for a credential kept for the tab (sessionStorage), so a reload keeps
 * working while the link's token is stored nowhere. The credential is a link token that expires
 * `CREDENTIAL_MS` after its last exchange: exchanging the credential itself before then moves its
 * expiry on (the tab refreshes it while it is used) and keeps it the same, so a page never has to
 * change the token its requests — and their idempotency keys — carry. Whatever opens the booking counts, and only while it does
 * (server/booking-access.ts): a token that does not answers the same `401` as every booking route.
 *
 * `POST booking-access/email-links {email}` → `202 {}`, "Email me my links": the same answer for any
 * address, given before anything is looked up; then each active booking of the address gets a
 * `links.requested` event, which the outbox turns into an email with fresh links
 * (notifications/compose.ts). Limited per address and per client, in this process's memory. An
 * `Idempotency-Key`, optional, makes a retry whose answer was lost the same request.
 */
import type { Hono } from 'hono';
import { BookingAccessExchange, EmailLinksRequest, type BookingAccessCredential } from '../../src/api/schemas.js';
import { ApiError } from '../api-error.js';
import { idempotency } from '../middleware/idempotency.js';
import type { AppEnv } from '../app-env.js';
import { LINK_GRACE_MS } from '../booking-access.js';
import { clientEmailHash, newAccessToken, sha256Hex } from '../secrets.js';
import { toInstant } from '../stores/records.js';
import { openedBooking, unauthorized } from './booking-auth.js';
import type { RouteContext } from './context.js';
import { parseRequest } from './validation.js';

/** How long a tab's credential opens the booking without being exchanged again. */
export const CREDENTIAL_MS = 30 * 60_000;

const HOUR = 3_600_000;
/** "Email me my links" requests allowed per address, and per client (`c.var.client`), in an hour. */
export const EMAIL_LINKS_LIMITS = { perAddress: 5, perClient: 20, windowMs: HOUR };

export function registerBookingAccessRoutes(app: Hono<AppEnv>, { stores, now }: RouteContext): void {
  const limiter = new Limiter();
  // A retry with the request's Idempotency-Key (the elements send one) replays the 202: one request, one email, one count.
  app.post('/booking-access/email-links', idempotency({ store: stores.idempotency, now, required: false }), async (c) => {
    const { email } = parseRequest(EmailLinksRequest, c.var.body);
    const at = now();
    const emailHash = clientEmailHash(email);
    const wait = limiter.take(
      [
        [`address ${emailHash}`, EMAIL_LINKS_LIMITS.perAddress],
        [`client ${c.var.client}`, EMAIL_LINKS_LIMITS.perClient],
      ],
      at,
    );
    if (wait !== undefined) {
      throw new ApiError(429, 'rate_limited', 'Too many requests in a short time. Please wait a moment and try again.', {
        headers: { 'Retry-After': String(Math.max(1, Math.ceil(wait / 1000))) },
      });
    }
    // After the answer: nothing the caller can time depends on whether the address has bookings.
    setImmediate(() => {
      // A booking with no follow-up window opens until its end + the grace; one with a window is checked again when its email is made.
      stores.bookings.requestLinks({ emailHash, endsAfter: at - LINK_GRACE_MS, now: at }).catch(() => undefined); // the client already has its answer; they may ask again
    });
    return c.json({}, 202);
  });

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

/** Fixed windows of `EMAIL_LINKS_LIMITS.windowMs`, by key: how long to wait, if any key is spent. */
class Limiter {
  #windows = new Map<string, { startedAt: number; count: number }>();

  take(limits: readonly [key: string, budget: number][], at: number): number | undefined {
    for (const [key, window] of this.#windows) if (at - window.startedAt >= EMAIL_LINKS_LIMITS.windowMs) this.#windows.delete(key);
    let wait: number | undefined;
    for (const [key, budget] of limits) {
      const window = this.#windows.get(key) ?? { startedAt: at, count: 0 };
      this.#windows.set(key, window);
      window.count += 1;
      if (window.count > budget) wait = Math.max(wait ?? 0, window.startedAt + EMAIL_LINKS_LIMITS.windowMs - at);
    }
    return wait;
  }
}
