/**
 * An answer as a person reads it back: the client on check-your-answers, the clinic's staff in the
 * console. Only they show answers this way, so the first page of a form never loads it (in the
 * drop-in files it comes with check-your-answers).
 */
import type { AnswerableItem } from './definition-items.js';
import { chosenOptions, modelValue, type AnswerValue } from './answers.js';
import { formatLongDate } from './long-date.js';

export interface AnswerTextOptions {
  /** For dates and numbers; default `en-US`. */
  locale?: string;
  /** Words for yes/no answers; default "Yes" and "No". */
  yes?: string;
  no?: string;
}

/**
 * An answer as the client reads it back on check-your-answers: one line per value (option
 * labels, a long date, a number with its unit, the lines of a long text; for a consent, its
 * label and the typed signature). Empty when there is no valid answer.
 */
export function answerText(item: AnswerableItem, value: AnswerValue | undefined, options: AnswerTextOptions = {}): string[] {
  const model = modelValue(item, value);
  if (model === undefined) return [];
  const locale = options.locale ?? 'en-US';
  if (typeof model === 'number') {
    const unit = item.type === 'number' && item.unit ? ` ${item.unit}` : '';
    return [`${new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(model)}${unit}`];
  }
  if (typeof model === 'boolean') return [model ? (options.yes ?? 'Yes') : (options.no ?? 'No')];
  if (item.type === 'date' && typeof model === 'string') return [formatLongDate(model, locale)];
  if ('options' in item) return chosenOptions(item, model).map((option) => option.label);
  if (typeof model === 'object' && !Array.isArray(model)) {
    return item.type === 'consent' ? [item.label, ...(model.signature ? [model.signature] : [])] : [];
  }
  return String(model).split(/\r?\n/);
}
