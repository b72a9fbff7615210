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
import { modelValue, type AnswerValue, type Answers, type ModelValue } from './answers.js';
import { visibility } from './conditions.js';
import { isIsoDate, todayIso } from './dates.js';
import { isSafetyAnswer, reviewFlags, safetyTriggered } from './flags.js';
import { indexForm } from './form-index.js';
import { builtInInstruments } from './built-in-instruments.js';
import { validateForm, type ValidationOptions } from './validation.js';

export { IntakeSubmission, SubmittedAnswer, SubmittedConsent } from '../api/intake-submission.js';

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

export type SubmissionCheck =
  | { ok: true; submission: IntakeSubmission }
  | {
      ok: false;
      /** Messages keyed by dotted path (`answers.<id>`, `form`), for a `validation_failed` error. */
      fields: Record<string, string>;
    };

/**
 * For the backend: checks a parsed `IntakeSubmission` against the form — every answer belongs
 * to a visible item (or is a safety answer, which is kept when hidden) and has that item's type,
 * and the answers pass the same validation as in the browser — and returns the submission
 * recomputed from the answers alone (scores, flags and safety). Signature dates the client sent
 * are kept.
 */
export function checkSubmission(form: ResolvedForm, body: IntakeSubmission, options: ValidationOptions = {}): SubmissionCheck {
  const fields: Record<string, string> = {};
  if (body.form !== form.id) fields.form = `This response is for form "${body.form}", not "${form.id}"`;
  const index = indexForm(form);
  const answers = fromSubmission(form, body.answers);
  const { items } = visibility(form, answers);
  for (const [key, value] of Object.entries(body.answers)) {
    const field = index.byKey.get(key);
    if (!field) fields[`answers.${key}`] = 'Not a question in this form';
    else if (!(key in answers) || !sameValue(modelValue(field.item, answers[key]), value)) {
      fields[`answers.${key}`] = `Not a valid answer to a ${field.item.type} question`;
    } else if (!items.has(key) && !isSafetyAnswer(field, modelValue(field.item, answers[key]))) {
      fields[`answers.${key}`] = 'This question is hidden by the other answers';
    }
  }
  for (const error of validateForm(form, answers, options)) fields[`answers.${error.itemId}`] ??= error.message;
  if (Object.keys(fields).length) return { ok: false, fields };
  const submission = toSubmission(form, answers, {
    ...(body.booking ? { booking: body.booking } : {}),
    ...(options.today ? { today: options.today } : {}),
  });
  return { ok: true, submission };
}

/**
 * Whether a submitted value is what its model value serializes to: no untrimmed text, unknown
 * options or duplicates (the order of multiple choices and of object keys does not matter).
 */
function sameValue(model: ModelValue | undefined, submitted: SubmittedAnswer): boolean {
  return model !== undefined && canonical(model) === canonical(submitted);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return JSON.stringify(value.map(String).sort());
  if (value && typeof value === 'object') {
    return JSON.stringify(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)));
  }
  return JSON.stringify(value);
}
