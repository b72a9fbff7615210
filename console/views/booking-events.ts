/** Asks the console to open a booking: `open-booking` with its id (kept in memory, never in the URL). */
export function openBooking(from: EventTarget, bookingId: string): void {
  from.dispatchEvent(new CustomEvent('open-booking', { detail: bookingId, bubbles: true, composed: true }));
}
