/**
 * `<kap-intake>`'s English for the parts a form loads only when it needs them, each registered by
 * its templates' module as it loads (in the drop-in file, with its chunk): a date's fields and a
 * consent's signature (views/date-consent.ts), the crisis panel (views/crisis-panel.ts). Part of
 * the whole English (`en`) like the rest.
 */
import type { IntakeStrings } from './strings.js';

/** A date's three fields and its example; a consent's signature. */
export const enIntakeDateConsent = {
  intakeDay: 'Day',
  intakeMonth: 'Month',
  intakeYear: 'Year',
  intakeDateExample: 'For example, {example}',
  intakeSignatureLabel: 'Your full name',
  intakeSignatureHint: 'Type your full name to sign. It will be dated {date}.',
} satisfies Partial<IntakeStrings>;

/**
 * The crisis panel: its calls, texts and the clinic's own line, and the announcement that it is
 * there; and the notice on page 1 of a form with safety questions linked to a booking, which the
 * element shows only once the panel is here.
 */
export const enIntakeCrisis = {
  intakeSafetyNotice:
    'If your answers tell us you are thinking about harming yourself, the clinic will be told straight away, so that someone can reach out to you. Nothing else is shared before you send the form.',
  intakeCall: 'Call {number}',
  intakeText: 'Text {number}',
  intakeCrisisAnnouncement: '{heading}. Ways to get support now are shown below this question.',
  intakeCrisisUnsent: 'The clinic sees your answers only once you send this form.',
  intakeCrisisClinic: 'Your clinic',
  intakeCrisisClinicHelp: 'To talk to someone at the clinic, call them.',
  intakeCrisis988Spanish: 'In Spanish: call 988 and press 2, or text AYUDA to 988.',
} satisfies Partial<IntakeStrings>;
