/**
 * What clinicians must look at at once: safety answers (`safety` items, rows and options; PHQ-9
 * item 9), valid answers whether visible or hidden (see `safetyTriggered`). Review flags are in
 * review-flags.ts. Both go to the backend in the submission; never into events, logs or URLs.
 */
import type { AnswerableItem } from './definition-items.js';
import type { ResolvedForm } from './definition.js';
import { chosenOptions, modelValue, type Answers, type ModelValue } from './answers.js';
import { indexForm, type Field } from './form-index.js';

export interface SafetyResult {
  /** Whether the crisis panel must be shown (and the submission marked for same-day review). */
  triggered: boolean;
  /** The items (or scale rows) answered positively, in form order. */
  items: string[];
}

/**
 * Safety answers: "yes" to a `safety` yes/no; a chosen option marked `safety`, or scored above
 * zero on a `safety` choice/multi; above zero on a `safety` scale row (PHQ-9 item 9), or on any
 * row of a `safety` scale; above zero on a `safety` number.
 *
 * Unlike every other answer, a safety answer counts whether or not its question is still shown:
 * once given, it is never dropped by a condition. A client who answers PHQ-9 item 9 above zero
 * and then changes an earlier answer that hides the PHQ-9 has still told us, so the submission
 * still carries the flag, the item and that answer (`toSubmission`), and the backend, which
 * recomputes everything from the answers, accepts and keeps it (`checkSubmission`). A hidden
 * safety question that was never answered counts for nothing. (Refusing conditions on safety
 * items instead would forbid branching such as a clinic's own follow-up questions asked only
 * after a first positive answer.)
 */
export function safetyTriggered(form: ResolvedForm, answers: Answers): SafetyResult {
  const items: string[] = [];
  for (const field of indexForm(form).fields) {
    if (isSafetyAnswer(field, modelValue(field.item, answers[field.key]))) items.push(field.key);
  }
  return { triggered: items.length > 0, items };
}

/** Whether `value`, a model value for this answer slot, is a safety answer (see `safetyTriggered`). */
export function isSafetyAnswer(field: Field, value: ModelValue | undefined): boolean {
  return value !== undefined && isPositive(field.item, !!(field.item.safety || field.row?.safety), value);
}

/** The answer slots that can raise safety, in form order: what a safety signal may name. */
export function safetyFields(form: ResolvedForm): Field[] {
  return indexForm(form).fields.filter(({ item, row }) => item.safety || row?.safety || ('options' in item && item.options.some((option) => option.safety)));
}

function isPositive(item: AnswerableItem, marked: boolean, value: ModelValue): boolean {
  const options = chosenOptions(item, value);
  if (options.some((option) => option.safety)) return true;
  if (!marked) return false;
  if (item.type === 'yesno') return value === true;
  if (item.type === 'number') return typeof value === 'number' && value > 0;
  return options.some((option) => (option.score ?? 0) > 0);
}
