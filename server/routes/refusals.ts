/**
 * The server's side of `bookingChangeRefusal()` (src/scheduling): the 409 a client gets when it
 * asks to cancel or move a booking it may no longer change. Cancelling a cancelled booking again
 * is not a change (the answer is the booking as it is), so only moving it is refused.
 */
import { bookingChangeRefusal } from '../../src/scheduling/booking-changes.js';
import { bookingCancelled, bookingStarted } from '../api-error.js';
import { toBooking, type BookingRow } from '../stores/sqlite/rows.js';

export type BookingChange = 'cancel' | 'move';

export function refuseUnchangeable(row: BookingRow, now: number, change: BookingChange): void {
  const refusal = bookingChangeRefusal(toBooking(row), now);
  if (refusal === 'booking_started') {
    throw bookingStarted(
      change === 'cancel'
        ? 'This appointment has already started, so it cannot be cancelled online. Please contact the clinic.'
        : 'This appointment has already started, so it cannot be moved online. Please contact the clinic.',
    );
  }
  if (refusal === 'booking_cancelled' && change === 'move') {
    throw bookingCancelled('This booking was cancelled, so it cannot be moved. Please make a new booking.');
  }
}
