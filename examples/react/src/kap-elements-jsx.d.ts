/**
 * React 19 JSX types for the kap elements this app uses, written by hand for now. kap-elements will
 * ship generated typings (from custom-elements.json) for every element; this file then goes, and
 * the app imports those instead.
 *
 * React 19 sets a custom element's properties (`api`, `service`), passes other names as attributes
 * (`privacy-url`) and adds `on<event-name>` props as event listeners.
 */
import type { KapBooking, KapBookingConfirmEvent, KapErrorEvent, KapSlotSelectEvent } from 'kap-elements';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

interface KapBookingProps extends DetailedHTMLProps<HTMLAttributes<KapBooking>, KapBooking> {
  api?: string;
  service?: string;
  'time-zone'?: string;
  'privacy-url'?: string;
  'manage-url'?: string;
  source?: string;
  theme?: 'light' | 'dark' | 'auto';
  'heading-level'?: number;
  'onkap-booking-confirm'?: (event: KapBookingConfirmEvent) => void;
  'onkap-slot-select'?: (event: KapSlotSelectEvent) => void;
  'onkap-error'?: (event: KapErrorEvent) => void;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'kap-booking': KapBookingProps;
    }
  }
}
