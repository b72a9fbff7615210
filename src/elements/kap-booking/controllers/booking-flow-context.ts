/** What `BookingFlow` asks of `<kap-booking>`: its backend, its settings, and what to do as the booking moves on. */
import type { ApiConnection } from '../../../api/connection.js';
import type { Booking, Hold } from '../../../api/schemas.js';
import type { BookingAccess } from '../../../base/booking-link.js';
import type { KapBookingConfirmEvent } from '../../../events/kap-booking-confirm.js';
import type { KapBookingRescheduleEvent } from '../../../events/kap-booking-reschedule.js';

export interface BookingFlowContext {
  client(): ApiConnection | undefined;
  /** Aborts when the element leaves the page. */
  signal(): AbortSignal;
  serviceId(): string;
  source(): string | undefined;
  /** The language the element is shown in: the clinic writes to the client in it. */
  language(): string;
  /** Fetch fresh availability (after a conflict or a released hold). */
  refreshAvailability(): void;
  slotHeld(hold: Hold): void;
  /**
   * The backend recorded the booking; `announce` is the event to fire once the element has taken
   * it in (made by the writes' chunk, which alone books, so a page that never books does not carry it).
   */
  booked(booking: Booking, accessToken: string, announce: KapBookingConfirmEvent): void;
  /**
   * Settles once what the confirmation offers is at hand (the calendar-file writer, a chunk of the
   * drop-in file): a recorded booking or move waits for it, still "sending", so the confirmation
   * shows whole. Never rejects.
   */
  ready(): Promise<void>;
  /** Report a failure the client is shown (`kap-error`). */
  failed(error: unknown, code?: string): void;
  /** The booking the chosen time should replace, when rescheduling; `undefined` when booking. */
  moving?(): BookingAccess | undefined;
  /** The backend moved the booking to the chosen time; `announce` as for `booked`. */
  moved?(booking: Booking, announce: KapBookingRescheduleEvent): void;
}
