import type { SharedStrings } from './strings.js';

/**
 * The English of a form's wrong answers and failed sends: the error summary's title, the prefix
 * of an inline error, and the note that nothing typed was lost. Registered by
 * src/base/error-summary.ts, which every form that shows them imports (in every drop-in file a
 * chunk: no first screen shows them; the intake's comes with its answer checks). Part of the whole
 * English.
 */
export const enFormErrors = {
  errorPrefix: 'Error:',
  errorSummaryTitle: 'There is a problem',
  detailsKept: "We've kept the details you entered.",
} satisfies Partial<SharedStrings>;
