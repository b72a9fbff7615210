/**
 * `<kap-intake>`'s English for its answer checks and for what only they lead to (check-your-answers,
 * sending's outcomes), registered by the chunk that brings the checks
 * (src/elements/kap-intake/intake-validation.ts, fetched as the form is shown), not by the
 * element's file. The templates themselves live with the checks they word (src/forms/validation.ts
 * uses them in Node too). Part of the whole English (`en`).
 */
import type { IntakeStrings } from './strings.js';
import { VALIDATION_MESSAGES } from './validation-messages.js';

export const enIntakeValidation = {
  validationEnter: VALIDATION_MESSAGES.enter,
  validationEnterAnswer: VALIDATION_MESSAGES.enterAnswer,
  validationSelect: VALIDATION_MESSAGES.select,
  validationSelectAnswer: VALIDATION_MESSAGES.selectAnswer,
  validationSelectRow: VALIDATION_MESSAGES.selectRow,
  validationSelectSome: VALIDATION_MESSAGES.selectSome,
  validationExclusive: VALIDATION_MESSAGES.exclusive,
  validationConsent: VALIDATION_MESSAGES.consent,
  validationSignature: VALIDATION_MESSAGES.signature,
  validationTooShort: VALIDATION_MESSAGES.tooShort,
  validationTooLong: VALIDATION_MESSAGES.tooLong,
  validationEmail: VALIDATION_MESSAGES.email,
  validationPhone: VALIDATION_MESSAGES.phone,
  validationNotNumber: VALIDATION_MESSAGES.notNumber,
  validationNotWhole: VALIDATION_MESSAGES.notWhole,
  validationBetween: VALIDATION_MESSAGES.between,
  validationAtLeast: VALIDATION_MESSAGES.atLeast,
  validationAtMost: VALIDATION_MESSAGES.atMost,
  validationDateDay: VALIDATION_MESSAGES.dateDay,
  validationDateMonth: VALIDATION_MESSAGES.dateMonth,
  validationDateYear: VALIDATION_MESSAGES.dateYear,
  validationDateDayMonth: VALIDATION_MESSAGES.dateDayMonth,
  validationDateDayYear: VALIDATION_MESSAGES.dateDayYear,
  validationDateMonthYear: VALIDATION_MESSAGES.dateMonthYear,
  validationDateReal: VALIDATION_MESSAGES.dateReal,
  validationYearDigits: VALIDATION_MESSAGES.yearDigits,
  validationDatePast: VALIDATION_MESSAGES.datePast,
  validationDateFuture: VALIDATION_MESSAGES.dateFuture,
  validationDateAfter: VALIDATION_MESSAGES.dateAfter,
  validationDateBefore: VALIDATION_MESSAGES.dateBefore,
  validationFallbackName: VALIDATION_MESSAGES.fallbackName,
  // What only the checks lead to: check-your-answers, then sending (refused as too long) and its confirmation.
  intakeCheckHeading: 'Check your answers before sending them',
  intakeChange: 'Change',
  intakeNotAnswered: 'Not answered',
  intakeKeptHeading: 'Also sent to your clinician',
  intakeKeptBody: 'You gave this answer earlier. Because it is about your safety, it is still sent, although a later answer skipped the question.',
  intakeTooLong:
    "Your answers are longer than the clinic's system can take. Please shorten your answer to “{question}”, then send them again. Everything you typed is still here.",
  intakeTooLongAny:
    "Your answers are longer than the clinic's system can take. Please shorten your longest answers and send them again, or contact the clinic. Everything you typed is still here.",
  intakeShortenAnswer: 'Shorten this answer',
  intakeDoneHeading: 'Your answers have been sent',
  intakeDoneBody: 'Thank you. A clinician will read your answers before your consultation and may contact you if anything needs discussing first.',
  intakeChangesNotSent:
    'Your answers had already reached the clinic before your last changes, so those changes were not sent. Please tell the clinic about them.',
} satisfies Partial<IntakeStrings>;

export type EnIntakeValidation = typeof enIntakeValidation;
