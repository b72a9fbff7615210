/** Side-effect entry: defines `<kap-intake>` (once, however often it is loaded). */
// First, before Lit: it reports a page whose CSP refuses Lit's Trusted Types policy.
import './base/trusted-types-watch.js';
import { defineElement } from './base/define-element.js';
import { KapIntake } from './elements/kap-intake/kap-intake.js';

defineElement('kap-intake', KapIntake);

export { KapIntake };

declare global {
  interface HTMLElementTagNameMap {
    'kap-intake': KapIntake;
  }
}
