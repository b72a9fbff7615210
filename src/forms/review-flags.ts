/**
 * What clinicians should look at: review flags (`review` on items, `review` on options), raised by
 * valid, visible answers only. They go to the backend in the submission (so, in the drop-in files,
 * they come with sending); never into events, logs or URLs. Safety answers are flags.ts's.
 */
import type { AnswerableItem } from './definition-items.js';
import type { ResolvedForm } from './definition.js';
import { chosenOptions, type Answers } from './answers.js';
import { evaluateCondition, visibility } from './conditions.js';
import { indexForm } from './form-index.js';

export interface ReviewFlag {
  /** The item (or scale row) whose answer raised the flag. */
  itemId: string;
  /** The flag id from the definition, e.g. `pregnancy`. */
  flag: string;
}

/** Every review flag raised by the visible answers, in form order, each (item, flag) once. */
export function reviewFlags(form: ResolvedForm, answers: Answers): ReviewFlag[] {
  const { read } = visibility(form, answers);
  const flags: ReviewFlag[] = [];
  const seen = new Set<string>();
  const add = (itemId: string, flag: string) => {
    const key = `${itemId}\u0000${flag}`;
    if (!seen.has(key)) flags.push({ itemId, flag });
    seen.add(key);
  };
  const reviewed = new Set<AnswerableItem>();
  for (const field of indexForm(form).fields) {
    const current = read(field.key);
    if (!current) continue;
    for (const option of chosenOptions(field.item, current.value)) if (option.review) add(field.key, option.review);
    const { item } = field;
    if (item.review === undefined || reviewed.has(item)) continue;
    reviewed.add(item);
    for (const review of Array.isArray(item.review) ? item.review : [item.review]) {
      if (evaluateCondition(review.when, read, item.id)) add(review.when.item ?? item.id, review.flag);
    }
  }
  return flags;
}
