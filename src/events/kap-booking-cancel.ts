/** What `kap-booking-cancel` carries: the booking's id, nothing else. */
export interface KapBookingCancelDetail {
  readonly bookingId: string;
}

/** Fired once the backend has recorded that the client cancelled their booking. */
export class KapBookingCancelEvent extends CustomEvent<KapBookingCancelDetail> {
  constructor(detail: KapBookingCancelDetail) {
    super('kap-booking-cancel', {
      bubbles: true,
      composed: true,
      detail: Object.freeze({ bookingId: detail.bookingId }),
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kap-booking-cancel': KapBookingCancelEvent;
  }
}
