/**
 * How the body of `POST intake-responses` (`IntakeSubmission`, src/api/intake-submission.ts) is
 * made and checked. The element builds it with `toSubmission()`; the backend validates it with
 * `IntakeSubmission`, then `checkSubmission()`
 * checks every answer against the form and recomputes scores, flags and safety itself, storing
 * its own results rather than the client's.
 *
 * Serialized answer values, by item type: text items → trimmed string; `number` → number;
 * `date` → `YYYY-MM-DD`; `yesno` → boolean; `choice` and scale rows → option value;
 * `multi` → option values; `consent` → `{ agreed: true, signature?, signedOn? }`.
 * Answers to hidden items, empty answers and invalid input are not sent — except a safety answer,
 * which is sent even when later answers hid its question (see `safetyTriggered` in `flags.ts`).
 */
import type { IntakeSubmission, SubmittedAnswer } from '../api/intake-submission.js';
import type { ResolvedForm } from './definition.js';
import { modelValue, type AnswerValue, type Answers } from './answers.js';
import { visibility } from './conditions.js';
import { isIsoDate, todayIso } from './dates.js';
import { isSafetyAnswer, safetyTriggered } from './flags.js';
import { reviewFlags } from './review-flags.js';
import { indexForm } from './form-index.js';
import { builtInInstruments } from './built-in-instruments.js';

// As types only: the schemas themselves (zod) are the forms.js entry's to export, so the browser's chunks that import this build none.
export type { IntakeSubmission, SubmittedAnswer, SubmittedConsent } from '../api/intake-submission.js';

export interface SubmissionOptions {
  /** The booking id to link the intake to. */
  booking?: string;
  /** Date for consent signatures without one (`YYYY-MM-DD`); default: today where this runs. */
  today?: string;
}

/** The request body for these answers: visible, valid answers serialized, with scores and flags. */
export function toSubmission(form: ResolvedForm, answers: Answers, options: SubmissionOptions = {}): IntakeSubmission {
  const { items } = visibility(form, answers);
  const serialized: Record<string, SubmittedAnswer> = {};
  for (const field of indexForm(form).fields) {
    const value = modelValue(field.item, answers[field.key]);
    if (value === undefined) continue;
    // A safety answer is sent even when later answers hid its question: see `safetyTriggered`.
    if (!items.has(field.key) && !isSafetyAnswer(field, value)) continue;
    serialized[field.key] =
      typeof value === 'object' && !Array.isArray(value) && value.signature && !value.signedOn ? { ...value, signedOn: options.today ?? todayIso() } : value;
  }
  const safety = safetyTriggered(form, answers);
  return {
    form: form.id,
    ...(form.version ? { version: form.version } : {}),
    ...(options.booking ? { booking: options.booking } : {}),
    answers: serialized,
    scores: scoresOf(form, answers),
    flags: reviewFlags(form, answers),
    safety: safety.triggered,
    safetyItems: safety.items,
  };
}

/**
 * The scores of the instruments on the visible pages (`scoreForm`). The scoring comes with the
 * instruments' records, so a form with no instrument needs neither: its scores are empty.
 */
function scoresOf(form: ResolvedForm, answers: Answers): IntakeSubmission['scores'] {
  const usesInstrument = form.pages.some((page) => page.items.some((item) => item.type === 'scale' && item.instrument));
  return usesInstrument ? builtInInstruments().scoreForm(form, answers) : [];
}

/** View values for serialized answers (the reverse of `toSubmission`), e.g. to restore a draft. */
export function fromSubmission(form: ResolvedForm, submitted: Readonly<Record<string, SubmittedAnswer>>): Answers {
  const answers: Record<string, AnswerValue> = {};
  const index = indexForm(form);
  for (const [key, value] of Object.entries(submitted)) {
    const field = index.byKey.get(key);
    const view = field && toView(field.item.type, value);
    if (view !== undefined) answers[key] = view;
  }
  return answers;
}

function toView(type: string, value: SubmittedAnswer): AnswerValue | undefined {
  switch (type) {
    case 'number':
      return typeof value === 'number' ? String(value) : undefined;
    case 'date': {
      if (typeof value !== 'string' || !isIsoDate(value)) return undefined;
      const [year, month, day] = value.split('-') as [string, string, string];
      return { day: String(Number(day)), month: String(Number(month)), year };
    }
    case 'yesno':
      return typeof value === 'boolean' ? (value ? 'yes' : 'no') : undefined;
    case 'multi':
      return Array.isArray(value) ? value : undefined;
    case 'consent':
      return typeof value === 'object' && !Array.isArray(value) ? { ...value } : undefined;
    default:
      return typeof value === 'string' ? value : undefined;
  }
}
