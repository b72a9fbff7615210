/** Side-effect entry: defines `<kap-intake>` (once, however often it is loaded). */
// First, before Lit: it reports a page whose CSP refuses Lit's Trusted Types policy.
import './base/trusted-types-watch.js';
import { defineElement } from './base/define-element.js';
import { enIntake } from './i18n/en-intake.js';
import { registerBuiltInStrings } from './i18n/registry.js';
import { KapIntake } from './elements/kap-intake/kap-intake.js';

// Its English, before it can render: a page that loads only this element carries only its words.
registerBuiltInStrings(enIntake);
defineElement('kap-intake', KapIntake);

export { KapIntake };

declare global {
  interface HTMLElementTagNameMap {
    'kap-intake': KapIntake;
  }
}
