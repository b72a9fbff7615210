/**
 * Validation of what the client typed, with GOV.UK-style messages ("Enter your date of birth",
 * "Date of birth must include a month", "Enter a number between 40 and 250"). Only visible
 * items are validated. Errors come in page order, ready for an error summary, each naming the
 * input to link to and focus.
 *
 * Messages use an item's `requiredMessage` when it is empty, `patternMessage` when its pattern
 * fails, and otherwise the templates below, filled with `{name}`/`{Name}` (the item's
 * `shortText`, or its label when that is short and not a question) and values such as `{min}`.
 * Every template can be replaced through `options.messages` (other languages, clinic wording).
 */
import { isEmailAddress } from './email-address.js';
import type { AnswerableItem, Item, ScaleRow } from './definition-items.js';
import type { ResolvedForm, ResolvedPage } from './definition.js';
import { dateFromParts, hasInput, isConsentAnswer, isDateParts, parseNumber, type AnswerValue, type Answers } from './answers.js';
import { visibility } from './conditions.js';
import { VALIDATION_MESSAGES } from '../i18n/validation-messages.js';
import { resolveDateBound } from './date-bounds.js';
import { todayIso } from './dates.js';
import { formatLongDate } from './long-date.js';

export { VALIDATION_MESSAGES } from '../i18n/validation-messages.js';

export type ValidationMessages = typeof VALIDATION_MESSAGES;

export type DatePart = 'day' | 'month' | 'year';

export interface ValidationError {
  /** The item (or scale row) in error: the key of its answer. */
  itemId: string;
  /**
   * The input to link to and focus: the item id, `<id>.day`/`.month`/`.year` for a date part,
   * or `<id>.signature` for a consent signature.
   */
  field: string;
  message: string;
  /**
   * The message's language when it is the clinic's own wording (`requiredMessage`,
   * `patternMessage`) in another language than the page's; the element marks it with `lang`.
   */
  lang?: string;
  /** For dates: the parts to mark as in error. */
  parts?: DatePart[];
}

export interface ValidationOptions {
  /** The client's local date (`YYYY-MM-DD`) for date limits; default: today where this runs. */
  today?: string;
  /** Locale for dates in messages; default `en-US`. */
  locale?: string;
  /**
   * The order the date fields are shown in (`datePartOrder(locale)`): an error links to the first
   * field in error as the client sees them. Default day, month, year.
   */
  dateOrder?: readonly DatePart[];
  /** The phone number in the `phone` message's `{example}` (`phoneExample(locale)`); default a US one. */
  phoneExample?: string;
  /** Replacement message templates. */
  messages?: Partial<ValidationMessages>;
}

const TEXT_MAX = 500;
const TEXTAREA_MAX = 5000;
export const SIGNATURE_MAX = 200;

/** The most characters (UTF-16 code units, trimmed) a text or textarea answer may have. */
export function maxTextLength(item: { type: 'text' | 'textarea'; maxLength?: number | undefined }): number {
  return item.maxLength ?? (item.type === 'text' ? TEXT_MAX : TEXTAREA_MAX);
}
/** A date of birth may be at most this many years ago unless `min` says otherwise. */
const DATE_OF_BIRTH_MIN = '-120y';

/** Errors of the visible items on one page (by index or the page itself), in page order. */
export function validatePage(form: ResolvedForm, page: number | ResolvedPage, answers: Answers, options: ValidationOptions = {}): ValidationError[] {
  const target = typeof page === 'number' ? form.pages[page] : page;
  if (!target) throw new RangeError(`No page ${String(page)} in form "${form.id}"`);
  const visible = visibility(form, answers).items;
  return validateItems(target.items, visible, answers, options);
}

/** Errors of every visible item in the form (for check-your-answers, and on the server). */
export function validateForm(form: ResolvedForm, answers: Answers, options: ValidationOptions = {}): ValidationError[] {
  const visible = visibility(form, answers).items;
  return form.pages.flatMap((page) => validateItems(page.items, visible, answers, options));
}

function validateItems(items: Item[], visible: Set<string>, answers: Answers, options: ValidationOptions) {
  const errors: ValidationError[] = [];
  for (const item of items) {
    if (item.type === 'display' || !visible.has(item.id)) continue;
    if (item.type === 'scale') {
      item.rows.forEach((row) => {
        const message = validateRow(item, row, answers[row.id], options);
        if (message) errors.push({ itemId: row.id, field: row.id, message });
      });
    } else {
      const error = validateItem(item, answers[item.id], options);
      if (error) errors.push({ itemId: item.id, field: item.id, ...error });
    }
  }
  return errors;
}

type Found = Pick<ValidationError, 'message'> & Partial<Pick<ValidationError, 'field' | 'parts' | 'lang'>>;

/** The clinic's own message `field` of `item`, with its language when that is not the page's. */
function own(item: AnswerableItem, field: 'requiredMessage' | 'patternMessage'): Found {
  const lang = item.langs?.[field];
  return { message: (item as { [key in typeof field]?: string })[field]!, ...(lang ? { lang } : {}) };
}

function templates(options: ValidationOptions): ValidationMessages {
  return options.messages ? { ...VALIDATION_MESSAGES, ...options.messages } : VALIDATION_MESSAGES;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** What messages call the item: its `shortText`, else a short label that is not a question. */
function nameOf(item: { label: string; shortText?: string }): string | undefined {
  if (item.shortText) return item.shortText;
  const label = item.label.trim();
  if (label.length > 40 || /[?:]$/.test(label)) return undefined;
  // Lower-case the first letter unless the first word is an acronym ("PHQ", "ZIP code").
  return /^\p{Lu}\p{Lu}/u.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

function validateRow(item: Extract<Item, { type: 'scale' }>, row: ScaleRow, value: AnswerValue | undefined, options: ValidationOptions): string | undefined {
  const t = templates(options);
  if (typeof value === 'string' && item.options.some((option) => option.value === value)) return undefined;
  if (!item.required && !hasInput(value)) return undefined;
  return row.shortText ? fill(t.select, { name: row.shortText }) : fill(t.selectRow, { number: row.number, row: row.label });
}

function validateItem(item: AnswerableItem, value: AnswerValue | undefined, options: ValidationOptions): Found | undefined {
  const t = templates(options);
  const name = nameOf(item);
  const named = { name: name ?? t.fallbackName, Name: upperFirst(name ?? t.fallbackName) };
  const empty = !hasInput(value);
  const choosing = item.type === 'choice' || item.type === 'multi' || item.type === 'yesno';
  if (empty) {
    if (!item.required) return undefined;
    const whole: Partial<Found> = item.type === 'date' ? { field: `${item.id}.${firstPart(ORDER, options)}`, parts: ['day', 'month', 'year'] } : {};
    if (item.requiredMessage) return { ...own(item, 'requiredMessage'), ...whole };
    if (item.type === 'consent') return { message: t.consent };
    if (item.type === 'multi' && !name) return { message: t.selectSome };
    if (choosing) return { message: name ? fill(t.select, named) : t.selectAnswer };
    return { message: name ? fill(t.enter, named) : t.enterAnswer, ...whole };
  }
  switch (item.type) {
    case 'text':
    case 'textarea': {
      const text = typeof value === 'string' ? value.trim() : '';
      const max = maxTextLength(item);
      if (item.minLength !== undefined && text.length < item.minLength) {
        return { message: fill(t.tooShort, { ...named, min: item.minLength }) };
      }
      if (text.length > max) return { message: fill(t.tooLong, { ...named, max }) };
      if (item.type === 'text' && item.pattern && !new RegExp(`^(?:${item.pattern})$`, 'u').test(text)) {
        return item.patternMessage ? own(item, 'patternMessage') : { message: t.enterAnswer };
      }
      return undefined;
    }
    case 'email': {
      const text = typeof value === 'string' ? value.trim() : '';
      return isEmailAddress(text) ? undefined : { message: t.email };
    }
    case 'phone': {
      const text = typeof value === 'string' ? value.trim() : '';
      const digits = text.replace(/\D/g, '').length;
      const valid = /^\+?[0-9 ()\-.]+$/.test(text) && digits >= 7 && digits <= 15;
      return valid ? undefined : { message: fill(t.phone, { example: options.phoneExample ?? '212 555 0100' }) };
    }
    case 'number': {
      const number = typeof value === 'string' ? parseNumber(value) : undefined;
      if (number === undefined) return { message: fill(t.notNumber, named) };
      if (item.integer && !Number.isInteger(number)) return { message: fill(t.notWhole, named) };
      const { min, max } = item;
      if ((min !== undefined && number < min) || (max !== undefined && number > max)) {
        const template = min !== undefined && max !== undefined ? t.between : min !== undefined ? t.atLeast : t.atMost;
        return { message: fill(template, { ...named, min: min ?? '', max: max ?? '' }) };
      }
      return undefined;
    }
    case 'date':
      return validateDate(item, value, named, options);
    case 'choice':
    case 'yesno': {
      const valid = item.type === 'yesno' ? value === 'yes' || value === 'no' : item.options.some((option) => option.value === value);
      return valid ? undefined : { message: name ? fill(t.select, named) : t.selectAnswer };
    }
    case 'multi': {
      const chosen = Array.isArray(value) ? item.options.filter((option) => value.includes(option.value)) : [];
      if (!chosen.length) return { message: name ? fill(t.select, named) : t.selectSome };
      const exclusive = chosen.find((option) => option.exclusive);
      if (exclusive && chosen.length > 1) return { message: fill(t.exclusive, { option: exclusive.label }) };
      return undefined;
    }
    case 'consent': {
      if (!isConsentAnswer(value) || !value.agreed) {
        if (!item.required) return undefined;
        return item.requiredMessage ? own(item, 'requiredMessage') : { message: t.consent };
      }
      if (!item.signature) return undefined;
      const signature = value.signature?.trim() ?? '';
      if (!signature) return { message: t.signature, field: `${item.id}.signature` };
      if (signature.length > SIGNATURE_MAX) {
        return { message: fill(t.tooLong, { name: 'your name', Name: 'Your name', max: SIGNATURE_MAX }), field: `${item.id}.signature` };
      }
      return undefined;
    }
    case 'scale':
      return undefined;
  }
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function validateDate(
  item: Extract<Item, { type: 'date' }>,
  value: AnswerValue | undefined,
  named: { name: string; Name: string },
  options: ValidationOptions,
): Found | undefined {
  const t = templates(options);
  const at = (parts: DatePart[], message: string): Found => ({ message, field: `${item.id}.${firstPart(parts, options)}`, parts });
  if (!isDateParts(value)) return at(['day', 'month', 'year'], fill(t.dateReal, named));
  const parts = { day: value.day.trim(), month: value.month.trim(), year: value.year.trim() };
  const missing = (['day', 'month', 'year'] as const).filter((part) => parts[part] === '');
  if (missing.length) {
    const key = `date${missing.map(upperFirst).join('')}` as keyof ValidationMessages;
    return at(missing, fill(t[key], named));
  }
  const wrong = (['day', 'month', 'year'] as const).filter((part) => !/^\d+$/.test(parts[part]));
  if (Number(parts.day) > 31 || Number(parts.day) < 1) wrong.push('day');
  if (Number(parts.month) > 12 || Number(parts.month) < 1) wrong.push('month');
  if (wrong.length) return at([...new Set(wrong)].sort(byPart), fill(t.dateReal, named));
  if (!/^\d{4}$/.test(parts.year)) return at(['year'], t.yearDigits);
  const iso = dateFromParts(value);
  if (!iso) return at(['day', 'month', 'year'], fill(t.dateReal, named));

  const today = options.today ?? todayIso();
  const locale = options.locale ?? 'en-US';
  const min = item.min ?? (item.dateOfBirth ? DATE_OF_BIRTH_MIN : undefined);
  const max = item.max ?? (item.dateOfBirth ? 'today' : undefined);
  if (max !== undefined && iso > resolveDateBound(max, today)) {
    const message = max === 'today' ? t.datePast : t.dateBefore;
    return at(['day', 'month', 'year'], fill(message, { ...named, date: formatLongDate(resolveDateBound(max, today), locale) }));
  }
  if (min !== undefined && iso < resolveDateBound(min, today)) {
    const message = min === 'today' ? t.dateFuture : t.dateAfter;
    return at(['day', 'month', 'year'], fill(message, { ...named, date: formatLongDate(resolveDateBound(min, today), locale) }));
  }
  return undefined;
}

const ORDER: DatePart[] = ['day', 'month', 'year'];
const byPart = (a: DatePart, b: DatePart) => ORDER.indexOf(a) - ORDER.indexOf(b);

/** Of `parts`, the one shown first: where an error's link takes the client. */
function firstPart(parts: readonly DatePart[], options: ValidationOptions): DatePart {
  return (options.dateOrder ?? ORDER).find((part) => parts.includes(part)) ?? parts[0]!;
}
