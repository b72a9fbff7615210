/**
 * What a client may still change about their booking online. One rule for the reference
 * backend's cancel and reschedule routes and for `<kap-booking>`'s manage view: a cancelled
 * booking stays cancelled, and a session that has started (or taken place) is the clinic's to
 * change, not the client's.
 */
import type { Booking } from '../api/schemas.js';

/** Why a booking can no longer be cancelled or moved online; the contract's 409 error codes. */
export type BookingChangeRefusal = 'booking_cancelled' | 'booking_started';

/** `undefined` when the booking may be cancelled or moved at `now` (epoch ms); else why not. */
export function bookingChangeRefusal(booking: Pick<Booking, 'status' | 'start'>, now: number): BookingChangeRefusal | undefined {
  if (booking.status === 'cancelled') return 'booking_cancelled';
  if (Date.parse(booking.start) <= now) return 'booking_started';
  return undefined;
}
