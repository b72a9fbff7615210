/** Side-effect entry: defines `<kap-booking>` (once, however often it is loaded). */
// First, before Lit: it reports a page whose CSP refuses Lit's Trusted Types policy.
import './base/trusted-types-watch.js';
import { defineElement } from './base/define-element.js';
import { enBooking } from './i18n/en-booking.js';
import { registerBuiltInStrings } from './i18n/registry.js';
import { KapBooking } from './elements/kap-booking/kap-booking.js';

// Its English, before it can render: a page that loads only this element carries only its words.
registerBuiltInStrings(enBooking);
defineElement('kap-booking', KapBooking);

export { KapBooking };

declare global {
  interface HTMLElementTagNameMap {
    'kap-booking': KapBooking;
  }
}
