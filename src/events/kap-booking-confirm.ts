import type { BookingStatus } from '../api/schemas.js';

/** What `kap-booking-confirm` carries: ids, instants and status only — never who booked. */
export interface KapBookingConfirmDetail {
  readonly bookingId: string;
  /** The service id, e.g. `consultation`. */
  readonly service: string;
  /** ISO 8601 instant in UTC. */
  readonly start: string;
  /** ISO 8601 instant in UTC. */
  readonly end: string;
  /** `confirmed`, or `requested` when the clinic still has to confirm it. */
  readonly status: BookingStatus;
}

/** Fired once the backend has recorded the booking. */
export class KapBookingConfirmEvent extends CustomEvent<KapBookingConfirmDetail> {
  constructor(detail: KapBookingConfirmDetail) {
    super('kap-booking-confirm', {
      bubbles: true,
      composed: true,
      detail: Object.freeze({
        bookingId: detail.bookingId,
        service: detail.service,
        start: detail.start,
        end: detail.end,
        status: detail.status,
      }),
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kap-booking-confirm': KapBookingConfirmEvent;
  }
}
