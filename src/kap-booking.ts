/** Side-effect entry: defines `<kap-booking>` (once, however often it is loaded). */
// First, before Lit: it reports a page whose CSP refuses Lit's Trusted Types policy.
import './base/trusted-types-watch.js';
import { defineElement } from './base/define-element.js';
import { KapBooking } from './elements/kap-booking/kap-booking.js';

defineElement('kap-booking', KapBooking);

export { KapBooking };

declare global {
  interface HTMLElementTagNameMap {
    'kap-booking': KapBooking;
  }
}
