/** Side-effect entry: defines `<kap-prep-checklist>` (once, however often it is loaded). */
// First, before Lit: it reports a page whose CSP refuses Lit's Trusted Types policy.
import './base/trusted-types-watch.js';
import { defineElement } from './base/define-element.js';
import { enChecklist } from './i18n/en-checklist.js';
import { registerBuiltInStrings } from './i18n/registry.js';
import { KapPrepChecklist } from './elements/kap-prep-checklist/kap-prep-checklist.js';

// Its English, before it can render: a page that loads only this element carries only its words.
registerBuiltInStrings(enChecklist);
defineElement('kap-prep-checklist', KapPrepChecklist);

export { KapPrepChecklist };

declare global {
  interface HTMLElementTagNameMap {
    'kap-prep-checklist': KapPrepChecklist;
  }
}
