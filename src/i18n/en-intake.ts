import type { EnIntakeValidation } from './en-intake-validation.js';
import type { IntakeStrings } from './strings.js';

/**
 * `<kap-intake>`'s English; its entry (src/kap-intake.ts) registers it. The words of the answer
 * checks, and of what only they lead to (check-your-answers, sending's outcomes), come with the
 * checks (en-intake-validation.ts).
 */
export const enIntake: Omit<IntakeStrings, keyof EnIntakeValidation> = {
  intakeStep: 'Step {page} of {count}',
  optionalHint: 'This question is optional.',
  intakeBack: 'Back',
  intakeContinue: 'Continue',
  intakeLoadError: "We couldn't load the form.",
  intakeYes: 'Yes',
  intakeNo: 'No',
  intakeOr: 'or',
  intakeDay: 'Day',
  intakeMonth: 'Month',
  intakeYear: 'Year',
  intakeDateExample: 'For example, {example}',
  intakeSignatureLabel: 'Your full name',
  intakeSignatureHint: 'Type your full name to sign. It will be dated {date}.',
  intakeNewTab: '(opens in new tab)',
  intakeCall: 'Call {number}',
  intakeText: 'Text {number}',
  intakeSafetyNotice:
    'If your answers tell us you are thinking about harming yourself, the clinic will be told straight away, so that someone can reach out to you. Nothing else is shared before you send the form.',
  intakeCrisisAnnouncement: '{heading}. Ways to get support now are shown below this question.',
  intakeCrisisUnsent: 'The clinic sees your answers only once you send this form.',
  intakeCrisisClinic: 'Your clinic',
  intakeCrisisClinicHelp: 'To talk to someone at the clinic, call them.',
  intakeCrisis988Spanish: 'In Spanish: call 988 and press 2, or text AYUDA to 988.',
  intakeSubmit: 'Send my answers',
  intakeSending: 'Sending your answers…',
};
