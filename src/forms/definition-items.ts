/**
 * The items of a form definition, as zod/mini schemas — the twelve question types and their
 * options — and each item's type as the element shows it (texts resolved to one language).
 * A `scale` is a FHIR group whose rows are choice items sharing one answer value set.
 */
import { MAX_ANSWER_LENGTH } from '../api/answer-length.js';
import * as z from 'zod/mini';
import { localText } from '../i18n/local-text-schema.js';
import {
  Condition,
  FlagId,
  ItemId,
  Label,
  Markdown,
  OptionValue,
  PlainText,
  Review,
  ShortText,
  DateBound,
  type Marked,
  type Resolved,
} from './definition-basics.js';
import type { InstrumentId } from './instruments/types.js';

export const Option = z.strictObject({
  value: OptionValue,
  label: Label,
  /** Hint under the option. */
  help: z.optional(PlainText),
  /** Ordinal score (FHIR `ordinalValue`); compared by `greaterThan`/`lessThan`. */
  score: z.optional(z.int()),
  /** A code for the answer, e.g. a LOINC answer code `LA6568-5`. */
  code: z.optional(z.string().check(z.maxLength(100))),
  /** Choosing this option flags the answer for clinician review with this flag id. */
  review: z.optional(FlagId),
  /** Choosing this option shows the crisis panel at once and marks the submission. */
  safety: z.optional(z.boolean()),
  /** Multiple choice only: "none of these" — cannot be combined with other options. */
  exclusive: z.optional(z.boolean()),
});

const common = {
  id: ItemId,
  /** The question, as the client reads it. */
  label: Label,
  /** A short name used in error messages and check-your-answers, e.g. "date of birth". */
  shortText: z.optional(ShortText),
  /** The error shown when a required item is left empty, e.g. "Enter your date of birth". */
  requiredMessage: z.optional(PlainText),
  /** Hint text under the label. */
  help: z.optional(PlainText),
  /** A code for the question, e.g. a LOINC code (FHIR `item.code`). */
  code: z.optional(z.string().check(z.maxLength(100))),
  /** Required unless `false`; optional items show "(optional)" in their label. */
  required: z._default(z.boolean(), true),
  /** Shown only when this condition on earlier answers holds; otherwise hidden and not submitted. */
  when: z.optional(Condition),
  /** Flag answers for clinician review. */
  review: z.optional(z.union([Review, z.array(Review).check(z.minLength(1))])),
  /** A positive answer shows the crisis panel at once and marks the submission for same-day review. */
  safety: z.optional(z.boolean()),
};

/** An HTML `autocomplete` token list, e.g. `name`, `given-name`, `postal-code`. */
const Autocomplete = z.string().check(z.regex(/^[a-z0-9 -]{1,100}$/, 'must be autocomplete tokens such as "name" or "postal-code"'));

export { MAX_ANSWER_LENGTH };

const lengths = {
  minLength: z.optional(z.int().check(z.nonnegative())),
  maxLength: z.optional(z.int().check(z.positive(), z.lte(MAX_ANSWER_LENGTH))),
};

export const TextItem = z.strictObject({
  ...common,
  type: z.literal('text'),
  ...lengths,
  /** A regular expression the whole answer must match (like HTML `pattern`). */
  pattern: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
  /** What to tell the client when `pattern` does not match, e.g. "Enter a ZIP code, like 10001". */
  patternMessage: z.optional(PlainText),
  autocomplete: z.optional(Autocomplete),
});

export const TextareaItem = z.strictObject({ ...common, type: z.literal('textarea'), ...lengths });

export const EmailItem = z.strictObject({ ...common, type: z.literal('email'), autocomplete: z.optional(Autocomplete) });

export const PhoneItem = z.strictObject({ ...common, type: z.literal('phone'), autocomplete: z.optional(Autocomplete) });

export const NumberItem = z.strictObject({
  ...common,
  type: z.literal('number'),
  /** Shown after the field, e.g. "kg". */
  unit: z.optional(localText(z.string().check(z.minLength(1), z.maxLength(30)))),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  /** Whole numbers only. */
  integer: z.optional(z.boolean()),
});

export const DateItem = z.strictObject({
  ...common,
  type: z.literal('date'),
  /** A date of birth: `bday-*` autocomplete, must be in the past and within 120 years by default. */
  dateOfBirth: z.optional(z.boolean()),
  min: z.optional(DateBound),
  max: z.optional(DateBound),
});

const options = z.array(Option).check(z.minLength(2), z.maxLength(200));

export const ChoiceItem = z.strictObject({ ...common, type: z.literal('choice'), options });

export const MultiItem = z.strictObject({ ...common, type: z.literal('multi'), options });

/** Yes/no; the answer is `"yes"` or `"no"`. */
export const YesNoItem = z.strictObject({ ...common, type: z.literal('yesno') });

export const ScaleRow = z.strictObject({
  id: ItemId,
  label: Label,
  shortText: z.optional(ShortText),
  code: z.optional(z.string().check(z.maxLength(100))),
  /** Any answer scoring above zero on this row shows the crisis panel (as PHQ-9 item 9). */
  safety: z.optional(z.boolean()),
});

/** Rows that share one set of scored options, like the PHQ-9; each row is answered separately. */
export const ScaleItem = z.strictObject({
  ...common,
  type: z.literal('scale'),
  options,
  rows: z.array(ScaleRow).check(z.minLength(1), z.maxLength(100)),
});

/** A checkbox agreeing to `text`; with `signature`, also a typed full name, dated on submit. */
export const ConsentItem = z.strictObject({
  ...common,
  type: z.literal('consent'),
  text: Markdown,
  signature: z.optional(z.boolean()),
});

/** Text only, no answer. */
export const DisplayItem = z.strictObject({
  id: ItemId,
  type: z.literal('display'),
  text: Markdown,
  when: z.optional(Condition),
});

export const Item = z.discriminatedUnion('type', [
  TextItem,
  TextareaItem,
  EmailItem,
  PhoneItem,
  NumberItem,
  DateItem,
  ChoiceItem,
  MultiItem,
  YesNoItem,
  ScaleItem,
  ConsentItem,
  DisplayItem,
]);

export const ITEM_TYPES = ['text', 'textarea', 'email', 'phone', 'number', 'date', 'choice', 'multi', 'yesno', 'scale', 'consent', 'display'] as const;

/** An item as the element shows it: texts in one language, with `langs` for those in another. */
type Shown<S extends z.ZodMiniType> = Resolved<Omit<z.output<S>, 'options'>> & Marked;

export type Option = Resolved<z.output<typeof Option>> & Marked;
export type TextItem = Shown<typeof TextItem>;
export type TextareaItem = Shown<typeof TextareaItem>;
export type EmailItem = Shown<typeof EmailItem>;
export type PhoneItem = Shown<typeof PhoneItem>;
export type NumberItem = Shown<typeof NumberItem>;
export type DateItem = Shown<typeof DateItem>;
export type ChoiceItem = Shown<typeof ChoiceItem> & { options: Option[] };
export type MultiItem = Shown<typeof MultiItem> & { options: Option[] };
export type YesNoItem = Shown<typeof YesNoItem>;
export type ConsentItem = Shown<typeof ConsentItem>;
export type DisplayItem = Shown<typeof DisplayItem>;
export type ItemType = (typeof ITEM_TYPES)[number];

export interface ScaleRow extends Resolved<z.output<typeof ScaleRow>>, Marked {
  /** 1-based position in the scale (instruments print it). */
  number: number;
  /** For instrument rows: the instrument's linkId (`q9`). */
  linkId?: string;
}

export interface ScaleItem extends Omit<Shown<typeof ScaleItem>, 'rows'> {
  options: Option[];
  rows: ScaleRow[];
  /** Set when the scale is a built-in instrument; its rows are then scored. */
  instrument?: InstrumentId;
}

export type Item =
  TextItem | TextareaItem | EmailItem | PhoneItem | NumberItem | DateItem | ChoiceItem | MultiItem | YesNoItem | ScaleItem | ConsentItem | DisplayItem;

/** Items that take an answer (all but `display`). */
export type AnswerableItem = Exclude<Item, DisplayItem>;
