/**
 * `<kap-intake>`'s English for its answer checks, registered by the chunk that brings the checks
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
} satisfies Partial<IntakeStrings>;

export type EnIntakeValidation = typeof enIntakeValidation;
