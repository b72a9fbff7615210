/**
 * Answers in three forms (Lion's view / model / serialized values):
 *
 * - **View values** (`Answers`) are what the client typed, exactly: strings for text and numbers,
 *   `{ day, month, year }` strings for dates, option values for choices. The element keeps these,
 *   so nothing typed is ever lost or reformatted, even when invalid.
 * - **Model values** (`modelValue()`) are what the answer means: a number, a `YYYY-MM-DD` date, a
 *   boolean for yes/no. Invalid or empty input has no model value. Conditions, flags and scores
 *   read model values.
 * - **Serialized values** are model values as JSON, sent by `toSubmission()` (`submission.ts`).
 */
import type { AnswerableItem, Option } from './definition-items.js';
import { isoDate, isRealDate } from './dates.js';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export interface ConsentAnswer {
  agreed: boolean;
  /** The typed full name, for consent items with `signature: true`. */
  signature?: string;
  /** `YYYY-MM-DD` the signature was given; `toSubmission` fills in today when missing. */
  signedOn?: string;
}

/**
 * A view value, by item type: `text`, `textarea`, `email`, `phone`, `number` → string;
 * `date` → `DateParts`; `choice`, `scale` row → option value; `yesno` → `"yes"` | `"no"`;
 * `multi` → option values; `consent` → `ConsentAnswer`.
 */
export type AnswerValue = string | readonly string[] | DateParts | ConsentAnswer;

/** View values keyed by item id (scale rows by row id). */
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

export interface ConsentValue {
  agreed: true;
  signature?: string;
  signedOn?: string;
}

/** A model value, by item type: number, `YYYY-MM-DD` date, boolean (yes/no), option value(s), trimmed text, consent. */
export type ModelValue = string | number | boolean | string[] | ConsentValue;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function isDateParts(value: unknown): value is DateParts {
  return isRecord(value) && ['day', 'month', 'year'].every((part) => typeof value[part] === 'string');
}

export function isConsentAnswer(value: unknown): value is ConsentAnswer {
  return isRecord(value) && typeof value.agreed === 'boolean';
}

/** Whether the client has put anything at all into the item (even something invalid). */
export function hasInput(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (isDateParts(value)) return [value.day, value.month, value.year].some((part) => part.trim() !== '');
  if (isConsentAnswer(value)) return value.agreed || !!value.signature?.trim();
  return false;
}

/**
 * Reads a number as people type it: surrounding spaces, thousands commas and a leading `+` are
 * fine; anything else (units, words, two decimal points) is not a number. A typed `-0` is 0: JSON
 * has no negative zero, so a stored answer could not give it back.
 */
export function parseNumber(text: string): number | undefined {
  const compact = text.trim().replace(/(\d),(?=\d{3}(?:\D|$))/g, '$1');
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(compact)) return undefined;
  const value = Number(compact) || 0;
  return Number.isFinite(value) ? value : undefined;
}

/** The `YYYY-MM-DD` date the parts name, if they name a real date with a four-digit year. */
export function dateFromParts(parts: DateParts): string | undefined {
  const [day, month, year] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return undefined;
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  return isRealDate(y, m, d) ? isoDate(y, m, d) : undefined;
}

/** The option with this value, for items with options. */
export function findOption(item: AnswerableItem, value: unknown): Option | undefined {
  if (!('options' in item) || typeof value !== 'string') return undefined;
  return item.options.find((option) => option.value === value);
}

/**
 * The model value of a view value, or `undefined` when it is empty or not valid for the item.
 * For a scale, pass the scale item and a row's view value.
 */
export function modelValue(item: AnswerableItem, value: AnswerValue | undefined): ModelValue | undefined {
  if (!hasInput(value)) return undefined;
  switch (item.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'phone':
      return typeof value === 'string' ? value.trim() : undefined;
    case 'number':
      return typeof value === 'string' ? parseNumber(value) : undefined;
    case 'date':
      return isDateParts(value) ? dateFromParts(value) : undefined;
    case 'yesno':
      return value === 'yes' ? true : value === 'no' ? false : undefined;
    case 'choice':
    case 'scale':
      return findOption(item, value)?.value;
    case 'multi': {
      if (!Array.isArray(value)) return undefined;
      const chosen = item.options.filter((option) => value.includes(option.value)).map((option) => option.value);
      return chosen.length ? chosen : undefined;
    }
    case 'consent': {
      if (!isConsentAnswer(value) || !value.agreed) return undefined;
      const signature = value.signature?.trim();
      return {
        agreed: true,
        ...(signature ? { signature } : {}),
        ...(value.signedOn ? { signedOn: value.signedOn } : {}),
      };
    }
  }
}

/** The options chosen by a model value (one for choice/scale rows, several for multi). */
export function chosenOptions(item: AnswerableItem, model: ModelValue | undefined): Option[] {
  if (!('options' in item) || model === undefined) return [];
  const values = Array.isArray(model) ? model : [model];
  return item.options.filter((option) => values.includes(option.value));
}
