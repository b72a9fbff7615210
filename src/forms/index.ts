/**
 * The intake questionnaire's domain: definition schema and parsing, built-in instruments and
 * their scoring, conditions, validation, flags, submission and the markdown subset. Pure
 * TypeScript with no Lit and no DOM; runs in browsers and in Node (the reference backend).
 */
import { provideInstruments } from './built-in-instruments.js';
import { resolveIncludedPage } from './included-page.js';
import { BUILT_IN_INSTRUMENTS } from './instruments/built-in.js';
import { provideIncludedPages } from './parse.js';

// Whoever imports the whole domain has the built-in instruments and the resolving of ready-made
// pages at hand (the browser's render path loads them only for a form that uses one: `loadIncludedPages`).
provideInstruments(BUILT_IN_INSTRUMENTS);
provideIncludedPages(resolveIncludedPage);

export * from './definition-basics.js';
export * from './definition-items.js';
export * from './definition.js';
export * from './parse.js';
export * from './check-form.js';
export type { FormsTranslation, PageTranslation } from './translations.js';
export * from './instruments/index.js';
export * from './scoring.js';
export { loadInstruments } from './built-in-instruments.js';
export * from './answers.js';
export * from './answer-text.js';
export * from './conditions.js';
export * from './validation.js';
export * from './flags.js';
export * from './review-flags.js';
export * from './submission.js';
// The submission's schemas (zod) from the contract; submission.ts itself is zod-free for the browser's chunks.
export { IntakeSubmission, SubmittedAnswer, SubmittedConsent } from '../api/intake-submission.js';
export * from './submission-check.js';
export * from '../text/markdown.js';
export * from './crisis.js';
export * from './crisis-panel.js';
export { todayIso, isIsoDate } from './dates.js';
export { instrumentKey } from './instrument-pages.js';
export { MEDICAL_SCREENING_PAGE } from './medical-screening.js';
export { datePartOrder, dateExample, phoneExample } from './locale-formats.js';
export type { Field } from './form-index.js';
