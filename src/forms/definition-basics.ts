/**
 * The building blocks of a form definition, as zod/mini schemas: ids (a FHIR linkId), option values,
 * clinician-review flag ids, texts (plain or per language), date bounds, conditions on earlier
 * answers (FHIR `enableWhen`) and review flags; and the types that say how a text is shown in one
 * language (`Resolved`, `TextLanguages`). Items are in `definition-items.ts`, pages and the form in
 * `definition.ts`.
 */
import * as z from 'zod/mini';
import { localText } from '../i18n/local-text-schema.js';
import type { LocalText } from '../i18n/local-text.js';

/** An item, row or page id: a letter, then letters, digits, `-`, `_` or `.` (a FHIR linkId). */
export const ItemId = z
  .string()
  .check(z.maxLength(100), z.regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'must start with a letter and contain only letters, digits, "-", "_" or "."'));

/** A stored option value (a FHIR coding code): no spaces, e.g. `not-sure`. */
export const OptionValue = z
  .string()
  .check(z.maxLength(100), z.regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'must be letters, digits, "-", "_", "." or ":" with no spaces'));

/** A clinician-review flag id, e.g. `pregnancy`, `blood-pressure`. */
export const FlagId = z.string().check(z.maxLength(60), z.regex(/^[a-z][a-z0-9-]*$/, 'must be lowercase letters, digits and "-", e.g. "blood-pressure"'));

/**
 * Every text a client reads may be a plain string, in the definition's `lang`, or a text per
 * language, `{"en": "Full name", "es": "Nombre completo"}` (see `src/i18n/local-text.ts`).
 */
export const Label = localText(z.string().check(z.minLength(1), z.maxLength(1000)));
export const PlainText = localText(z.string().check(z.minLength(1), z.maxLength(2000)));
/** Text in the markdown subset: paragraphs, **bold**, *italic*, `-`/`1.` lists, [links](https://…). */
export const Markdown = localText(z.string().check(z.minLength(1), z.maxLength(20000)));
export const ShortText = localText(z.string().check(z.minLength(1), z.maxLength(200)));

/**
 * A date bound: `YYYY-MM-DD`, `today`, or relative to today like `-18y`, `+30d`, `-6m`.
 */
export const DateBound = z
  .string()
  .check(z.regex(/^(?:\d{4}-\d{2}-\d{2}|today|[+-]\d{1,4}[dmy])$/, 'must be YYYY-MM-DD, "today", or relative like "-18y" or "+30d"'));

export interface Condition {
  /** The earlier item (or scale row) the condition reads; inside `review.when`, defaults to the item itself. */
  item?: string;
  /** Answer equals this (for multiple choice: includes it). Numbers compare numerically. */
  equals?: string | number;
  /** Answered, and not equal to this (for multiple choice: does not include it). */
  notEquals?: string | number;
  /** Answer is one of these (for multiple choice: includes at least one). */
  anyOf?: (string | number)[];
  /** Number, option score, or date (`YYYY-MM-DD`) above this. */
  greaterThan?: number | string;
  /** Number, option score, or date (`YYYY-MM-DD`) below this. */
  lessThan?: number | string;
  /** `true`: has an answer; `false`: has none. */
  answered?: boolean;
  /** Every condition holds (FHIR `enableBehavior: all`). */
  all?: Condition[];
  /** At least one condition holds (FHIR `enableBehavior: any`). */
  any?: Condition[];
}

const Scalar = z.union([z.string().check(z.maxLength(1000)), z.number()]);

/** A condition on earlier answers: one operator on one item, or `all`/`any` of conditions. */
export const Condition: z.ZodMiniType<Condition> = z.strictObject({
  item: z.optional(ItemId),
  equals: z.optional(Scalar),
  notEquals: z.optional(Scalar),
  anyOf: z.optional(z.array(Scalar).check(z.minLength(1))),
  greaterThan: z.optional(Scalar),
  lessThan: z.optional(Scalar),
  answered: z.optional(z.boolean()),
  get all() {
    return z.optional(z.array(Condition).check(z.minLength(1)));
  },
  get any() {
    return z.optional(z.array(Condition).check(z.minLength(1)));
  },
});

/** Flag the answer for clinician review when `when` (about this item unless it names another) holds. */
export const Review = z.strictObject({ when: Condition, flag: FlagId });
export type Review = z.output<typeof Review>;

/**
 * Which texts of an object are in another language than the page's: field name → BCP 47 tag,
 * e.g. `{ label: 'en' }` for an English label on a Spanish page. The element marks each such text
 * with `lang`, so a screen reader reads it in its own language. Absent when every text is the page's.
 */
export type TextLanguages = Readonly<Record<string, string>>;

/** What a shown object carries beside its texts: the language of those not in the page's. */
export interface Marked {
  langs?: TextLanguages;
}

/** `T` with each text (a `LocalText`) resolved to the string shown in one language. */
export type Resolved<T> = {
  [K in keyof T]: [Exclude<T[K], undefined>] extends [LocalText]
    ? [LocalText] extends [Exclude<T[K], undefined>]
      ? string | Extract<T[K], undefined>
      : T[K]
    : T[K];
};
