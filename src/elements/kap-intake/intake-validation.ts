/**
 * What `AnswerChecksLoader` (controllers/answer-checks.ts) fetches: the intake's answer checks
 * (src/forms/validation.ts) and the words they are said in, registered as it loads, before any
 * check runs; and what only the checks lead to: check-your-answers (Continue on the last page
 * shows it once every answer passes), the error summary of the answers they refuse, and sending the
 * answers (controllers/intake-sending.ts, controllers/answer-steps.ts) with what check-your-answers
 * shows when a sending did not record them (views/send-outcome.ts), and the live status of a sending
 * (its region is there from the moment check-your-answers shows, so what it says next is announced),
 * and the confirmation once they are recorded.
 * In the drop-in files a chunk of its own.
 */
import { enIntakeValidation } from '../../i18n/en-intake-validation.js';
import { registerBuiltInStrings } from '../../i18n/registry.js';

registerBuiltInStrings(enIntakeValidation);

export { validateForm, validatePage } from '../../forms/validation.js';
export { validationOptions } from './validation-options.js';
export { renderCheckAnswers } from './views/check-answers.js';
export { renderConfirmation, renderSendFailure, renderTooLong } from './views/send-outcome.js';
export { renderErrorSummary } from '../../base/error-summary.js';
export { renderWriteStatus } from '../../base/write-status.js';
export { styles } from './views/checks.styles.js';
export { IntakeSending } from './controllers/intake-sending.js';
export { send, toCheckAnswers } from './controllers/answer-steps.js';
