import { CONFIGURATION_WORDS } from './configuration-words.js';
import type { enFormErrors } from './en-form-errors.js';
import type { enWriteStatus } from './en-write-status.js';
import type { SharedStrings } from './strings.js';

/**
 * The English every element shows (failures, loading, configuration problems); a form's errors are
 * en-form-errors.ts's, a write's under way en-write-status.ts's.
 */
export const enShared: Omit<SharedStrings, keyof typeof enFormErrors | keyof typeof enWriteStatus> = {
  loading: 'Loading…',
  tryAgain: 'Try again',
  optional: '(optional)',
  // Shown also when Lit cannot load (src/base/trusted-types-watch.ts), so they live apart.
  configurationHeading: CONFIGURATION_WORDS.configurationHeading,
  configurationBody: CONFIGURATION_WORDS.configurationBody,
  configurationDetail: 'For the website team: {detail}',
  errorNetwork: "We couldn't reach the clinic. Please check your internet connection and try again.",
  errorTimeout: 'The clinic is taking too long to answer. Please try again.',
  errorRateLimited: 'There have been a lot of attempts in a short time. Please wait {wait}, then try again.',
  errorServer: 'Something went wrong at the clinic’s end. Please try again in a moment.',
  errorBadResponse: "The clinic's system sent an answer we couldn't read. Please try again later, or contact the clinic.",
  errorUnexpected: 'Something went wrong. Please try again, or contact the clinic.',
  errorTooLarge: "What you sent is longer than the clinic's system can take. Please shorten it, or contact the clinic.",
  loadStillTrying: 'This is taking longer than usual. Still trying…',
};
