/**
 * The backend's check of a submitted intake (`checkSubmission`): kept apart from the browser's
 * submission (submission.ts), which needs none of it, nor the answer validation it runs.
 */
import type { IntakeSubmission, SubmittedAnswer } from '../api/intake-submission.js';
import { modelValue, type ModelValue } from './answers.js';
import { visibility } from './conditions.js';
import type { ResolvedForm } from './definition.js';
import { isSafetyAnswer } from './flags.js';
import { indexForm } from './form-index.js';
import { fromSubmission, toSubmission } from './submission.js';
import { validateForm, type ValidationOptions } from './validation.js';

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
