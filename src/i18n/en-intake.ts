import type { enIntakeCrisis, enIntakeDateConsent } from './en-intake-parts.js';
import type { EnIntakeValidation } from './en-intake-validation.js';
import type { IntakeStrings } from './strings.js';

/**
 * `<kap-intake>`'s English; its entry (src/kap-intake.ts) registers it. The words of the answer
 * checks, and of what only they lead to (check-your-answers, sending's outcomes), come with the
 * checks (en-intake-validation.ts); those of a date, a consent and the crisis panel with their
 * templates (en-intake-parts.ts).
 */
export const enIntake: Omit<IntakeStrings, keyof EnIntakeValidation | keyof typeof enIntakeDateConsent | keyof typeof enIntakeCrisis> = {
  intakeStep: 'Step {page} of {count}',
  optionalHint: 'This question is optional.',
  intakeBack: 'Back',
  intakeContinue: 'Continue',
  intakeLoadError: "We couldn't load the form.",
  intakeYes: 'Yes',
  intakeNo: 'No',
  intakeOr: 'or',
  intakeNewTab: '(opens in new tab)',
  intakeSubmit: 'Send my answers',
  intakeSending: 'Sending your answers…',
};
