/**
 * How large a `POST intake-responses` body for a form can be, at most, in bytes of UTF-8 JSON —
 * for a backend to accept every answer the form allows (a body limit derived from the form, not
 * guessed), and to refuse a form whose answers could not all be accepted.
 *
 * The bound is deliberately pessimistic: each character of free text (a UTF-16 code unit, as
 * `maxLength` counts them) is taken at the worst JSON cost, 6 bytes — a control character such as
 * U+0001 or a lone surrogate is written `\u0001`; Cyrillic costs 2, CJK 3, an emoji 4 for its two
 * units. Every answer is counted as given and visible at once. The server and the console's form
 * studio use it; the elements do not.
 */
import { MAX_ANSWER_LENGTH } from '../api/answer-length.js';
import type { AnswerableItem } from './definition-items.js';
import type { ResolvedForm } from './definition.js';
import { indexForm } from './form-index.js';
import { EMAIL_MAX } from './email-address.js';
import { SIGNATURE_MAX, maxTextLength } from './validation.js';

/** The most bytes one UTF-16 code unit can take in JSON text (`\u001f`). */
export const WORST_JSON_BYTES_PER_CHARACTER = 6;

/** Envelope and fields outside `answers` that do not grow with the form: form id, version, booking, punctuation. */
const ENVELOPE_BYTES = 2_048;
/** One instrument's score: totals, band, clusters and the like, apart from its row ids. */
const SCORE_BYTES = 1_024;
/** The longest JSON number `toSubmission` writes (`-1.2345678901234567e-300`). */
const NUMBER_BYTES = 24;
/** `"YYYY-MM-DD"`. */
const DATE_BYTES = 12;

/** The byte length of `value` written as JSON in UTF-8. */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/** The most bytes an answer to `item` can take as a JSON value. */
function worstAnswerBytes(item: AnswerableItem): number {
  const text = (characters: number) => characters * WORST_JSON_BYTES_PER_CHARACTER + 2;
  switch (item.type) {
    case 'text':
    case 'textarea':
      return text(maxTextLength(item));
    case 'email':
      return text(EMAIL_MAX);
    case 'phone':
      // Digits, spaces and ( ) - . + only: one byte each, as many as any answer may have.
      return MAX_ANSWER_LENGTH + 2;
    case 'number':
      return NUMBER_BYTES;
    case 'date':
      return DATE_BYTES;
    case 'yesno':
      return 5;
    case 'choice':
    case 'scale':
      return Math.max(...item.options.map((option) => jsonBytes(option.value)));
    case 'multi':
      return item.options.reduce((sum, option) => sum + jsonBytes(option.value) + 1, 2);
    case 'consent':
      return jsonBytes({ agreed: true, signature: '', signedOn: '2026-01-01' }) + text(SIGNATURE_MAX);
  }
}

/** How many review flags an answer slot can raise (its options' and its own). */
function reviewSources(item: AnswerableItem): number {
  const own = item.review === undefined ? 0 : Array.isArray(item.review) ? item.review.length : 1;
  const options = 'options' in item ? item.options.filter((option) => option.review).length : 0;
  return own + options;
}

/** The most bytes a `POST intake-responses` body for `form` can take. */
export function worstSubmissionBytes(form: ResolvedForm): number {
  let bytes = ENVELOPE_BYTES;
  const scored = new Set<AnswerableItem>();
  for (const field of indexForm(form).fields) {
    const key = jsonBytes(field.key);
    // In `answers`, and at most once more in each list that names answer slots: a score's
    // missing rows, `safetyItems`, and a flag (with its id, at most 60 characters) per review.
    bytes += key + 1 + worstAnswerBytes(field.item) + 1;
    bytes += 2 * (key + 1) + reviewSources(field.item) * (key + 90);
    if (field.item.type === 'scale' && field.item.instrument) scored.add(field.item);
  }
  return bytes + scored.size * SCORE_BYTES;
}

/**
 * The text answers that account for most of `worstSubmissionBytes`, largest first, as
 * `"<id>" (maxLength N)` — for a message telling a clinic what to shorten.
 */
export function longestTextItems(form: ResolvedForm, count = 3): string[] {
  return indexForm(form)
    .fields.flatMap((field) => (field.item.type === 'text' || field.item.type === 'textarea' ? [{ id: field.key, max: maxTextLength(field.item) }] : []))
    .sort((a, b) => b.max - a.max)
    .slice(0, count)
    .map(({ id, max }) => `"${id}" (maxLength ${max})`);
}

/**
 * The largest intake body the reference backend takes. A form whose longest possible answers could
 * need more is refused (at start-up, and at publish), so no client can ever meet a `413` on an
 * answer the form allows.
 */
export const MAX_INTAKE_BODY_BYTES = 512 * 1024;

/**
 * Why `form` cannot be served — its longest possible answers would not fit `MAX_INTAKE_BODY_BYTES`
 * — or `undefined` when they fit. The server refuses such a form with this message; the form
 * studio shows it before Publish.
 */
export function answersTooLarge(form: ResolvedForm): string | undefined {
  const worst = worstSubmissionBytes(form);
  if (worst <= MAX_INTAKE_BODY_BYTES) return undefined;
  return (
    `Intake form "${form.id}" allows answers of up to ${Math.ceil(worst / 1024)} KB, more than this server accepts ` +
    `(${MAX_INTAKE_BODY_BYTES / 1024} KB), so some answers the form allows would be refused. ` +
    `Lower the maxLength of its longest text questions: ${longestTextItems(form).join(', ')}.`
  );
}
