/**
 * `<kap-booking>`'s readers of a booking link (`#booking=…&token=…`, src/base/booking-link.ts): the
 * managed booking's, and the one opening a follow-up service's window. Only managing and a
 * follow-up service read a link, so the readers come with their views (in the drop-in file, the
 * chunk those views share): a page that books a plain service carries none of it.
 */
import type { ReactiveControllerHost } from 'lit';
import type { ApiConnection } from '../../api/connection.js';
import { exchangeBookingAccess } from '../../api/endpoints.js';
import { BookingLink, type BookingLinkOptions } from '../../base/booking-link.js';

/** A reader of the link whose token is exchanged, through `client`, for the tab's credential. */
export function bookingLink(host: ReactiveControllerHost, client: () => ApiConnection | undefined, options: Omit<BookingLinkOptions, 'exchange'>): BookingLink {
  return new BookingLink(host, {
    ...options,
    exchange: (bookingId, token) => {
      const connection = client();
      return connection && exchangeBookingAccess(connection, bookingId, token);
    },
  });
}
