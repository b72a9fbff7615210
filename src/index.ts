/** kap-elements: defines the tags and re-exports the classes, events, types and api client. */
// First, before Lit: it reports a page whose CSP refuses Lit's Trusted Types policy.
import './base/trusted-types-watch.js';
export { KapBooking } from './kap-booking.js';
export { KapPrepChecklist } from './kap-prep-checklist.js';
export { KapIntake } from './kap-intake.js';
export { KapElement, type ConfigurationProblem } from './base/kap-element.js';
export { defineElement } from './base/define-element.js';
export type { BookingPrefill } from './elements/kap-booking/booking-details.js';
export { readBookingFragment, type BookingFragment } from './base/fragment-token.js';
export type { FormDefinition } from './forms/definition.js';
export * from './events/index.js';
export * from './api/index.js';
export { en, registerLocale, interpolate, type KapStrings, type KapStringKey } from './i18n/index.js';
export { registerContent, type KapContent } from './i18n/content.js';
export type { LocalText } from './i18n/local-text.js';
export type { FormsTranslation, PageTranslation } from './forms/translations.js';
