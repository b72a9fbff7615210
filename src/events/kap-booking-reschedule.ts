/** What `kap-booking-reschedule` carries: the booking's id and its new instants, nothing else. */
export interface KapBookingRescheduleDetail {
  readonly bookingId: string;
  /** The new start, an ISO 8601 instant in UTC. */
  readonly start: string;
  /** The new end, an ISO 8601 instant in UTC. */
  readonly end: string;
}

/** Fired once the backend has moved the booking to its new time. */
export class KapBookingRescheduleEvent extends CustomEvent<KapBookingRescheduleDetail> {
  constructor(detail: KapBookingRescheduleDetail) {
    super('kap-booking-reschedule', {
      bubbles: true,
      composed: true,
      detail: Object.freeze({ bookingId: detail.bookingId, start: detail.start, end: detail.end }),
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kap-booking-reschedule': KapBookingRescheduleEvent;
  }
}
