/**
 * The drop-in file with all three elements (`dist/cdn/kap-elements.js`, `vite build --mode cdn`):
 * the elements, and what a page's own script may need beside them (their events and error class,
 * `registerLocale`, `registerContent`) — not the npm entry's whole typed API. It leaves out the
 * contract's zod schemas (a page checks responses with the generated validators, src/api/generated/,
 * so the file carries no zod), the whole English `en`, and the API client (`KapApiClient`,
 * `IdempotentWrite`), which would bring every endpoint and the write machinery to every page. An
 * app that wants them imports the npm entry (`kap-elements`, `kap-elements/api.js`).
 */
// First, before Lit: it reports a page whose CSP refuses Lit's Trusted Types policy.
import './base/trusted-types-watch.js';
export { KapBooking } from './kap-booking.js';
export { KapPrepChecklist } from './kap-prep-checklist.js';
export { KapIntake } from './kap-intake.js';
export { KapElement } from './base/kap-element.js';
export { defineElement } from './base/define-element.js';
export { readBookingFragment } from './base/fragment-token.js';
export * from './events/index.js';
export * from './api/errors.js';
// From their own modules, not the i18n barrel: it carries the whole English (`en`), which the
// elements load in parts (an element's words, then a view's when it shows). `en` is in the npm entry.
export { registerLocale } from './i18n/registry.js';
export { interpolate } from './i18n/strings.js';
export { registerContent } from './i18n/content.js';
