/**
 * The intake form definition: the JSON that clinic staff and marketers write, as zod/mini schemas.
 *
 * It is shaped to map onto a FHIR Questionnaire: an item's `id` is its `linkId`, `label` its
 * `text`, `shortText` the SDC `shortText` extension, options are `answerOption`s whose `value` is a
 * coding `code` (with `code` for a LOINC answer code) and whose `score` is the `ordinalValue`, and
 * `when` is `enableWhen` (`all` ≈ `enableBehavior: all`, `any` ≈ `any`). A `scale` is a FHIR group
 * whose rows are choice items sharing one answer value set.
 *
 * Any text may be given per language (`{"en": …, "es": …}`). `parseFormDefinition()` (`parse.ts`)
 * checks a definition with these schemas and returns it in one language, with built-in
 * instruments and the medical screening page expanded into ordinary pages (`ResolvedForm`).
 * `scripts/write-form-schema.ts` publishes the same schemas as JSON Schema for editors.
 */
import { MAX_ANSWER_LENGTH } from '../api/intake-submission.js';
import * as z from 'zod/mini';
import { LanguageTag, localText } from '../i18n/local-text-schema.js';
import type { LocalText } from '../i18n/local-text.js';
import { isHttpsUrl } from './https-url.js';
import { INSTRUMENT_IDS } from './instruments/ids.js';
import type { InstrumentId } from './instruments/types.js';

// ---- building blocks -----------------------------------------------------------------------

/** An item, row or page id: a letter, then letters, digits, `-`, `_` or `.` (a FHIR linkId). */
export const ItemId = z
  .string()
  .check(
    z.maxLength(100),
    z.regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'must start with a letter and contain only letters, digits, "-", "_" or "."'),
  );

/** A stored option value (a FHIR coding code): no spaces, e.g. `not-sure`. */
export const OptionValue = z
  .string()
  .check(
    z.maxLength(100),
    z.regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'must be letters, digits, "-", "_", "." or ":" with no spaces'),
  );

/** A clinician-review flag id, e.g. `pregnancy`, `blood-pressure`. */
export const FlagId = z
  .string()
  .check(z.maxLength(60), z.regex(/^[a-z][a-z0-9-]*$/, 'must be lowercase letters, digits and "-", e.g. "blood-pressure"'));

/**
 * Every text a client reads may be a plain string, in the definition's `lang`, or a text per
 * language, `{"en": "Full name", "es": "Nombre completo"}` (see `src/i18n/local-text.ts`).
 */
const Label = localText(z.string().check(z.minLength(1), z.maxLength(1000)));
const PlainText = localText(z.string().check(z.minLength(1), z.maxLength(2000)));
/** Text in the markdown subset: paragraphs, **bold**, *italic*, `-`/`1.` lists, [links](https://…). */
const Markdown = localText(z.string().check(z.minLength(1), z.maxLength(20000)));
const ShortText = localText(z.string().check(z.minLength(1), z.maxLength(200)));

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
  maxLength: z.optional(
    z.int().check(z.positive(), z.lte(MAX_ANSWER_LENGTH)),
  ),
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

export const ITEM_TYPES = [
  'text',
  'textarea',
  'email',
  'phone',
  'number',
  'date',
  'choice',
  'multi',
  'yesno',
  'scale',
  'consent',
  'display',
] as const;

// ---- pages ---------------------------------------------------------------------------------

export const ItemsPage = z.strictObject({
  id: ItemId,
  title: Label,
  intro: z.optional(Markdown),
  /** Shown only when this condition on earlier pages' answers holds. */
  when: z.optional(Condition),
  items: z.array(Item).check(z.minLength(1), z.maxLength(500)),
});

/** Inserts a built-in validated instrument as its own page, exactly as published. */
export const InstrumentPage = z.strictObject({
  instrument: z.enum(INSTRUMENT_IDS),
  /** Page id; defaults to the instrument id. Row ids are `<instrument>.q1`, `.q2`… */
  id: z.optional(ItemId),
  /** Defaults to the instrument's name. */
  title: z.optional(Label),
  when: z.optional(Condition),
  /** Whether every item must be answered (default `true`); unanswered items make the score incomplete. */
  required: z.optional(z.boolean()),
});

export const INCLUDE_IDS = ['kap-medical-screening'] as const;
export type IncludeId = (typeof INCLUDE_IDS)[number];

/** Inserts a ready-made page. */
export const IncludePage = z.strictObject({
  include: z.enum(INCLUDE_IDS),
  id: z.optional(ItemId),
  title: z.optional(Label),
  when: z.optional(Condition),
});

export const Page = z.union([ItemsPage, InstrumentPage, IncludePage]);

// ---- crisis resources ----------------------------------------------------------------------

const Dialable = z.string().check(z.regex(/^\+?[0-9][0-9 ()-]{1,24}$/, 'must be a phone number such as 988 or +1 800 273 8255'));

export const CrisisResource = z.strictObject({
  /** e.g. "988 Suicide & Crisis Lifeline". */
  name: Label,
  /** e.g. "Call or text 988, any time of day or night". */
  description: z.optional(PlainText),
  /** Number to call (rendered as a `tel:` link). */
  phone: z.optional(Dialable),
  /** Number to text (rendered as an `sms:` link). */
  sms: z.optional(Dialable),
  /** A web address (https: only); the crisis panel shows its host, so it must parse as a URL. */
  url: z.optional(
    z.string().check(
      z.regex(/^https:\/\/[^\s]+$/, { error: 'must be an https:// address', abort: true }),
      z.maxLength(500),
      z.refine(isHttpsUrl, 'must be a valid https:// address such as https://988lifeline.org'),
    ),
  ),
});

export const CrisisPanel = z.strictObject({
  heading: z.optional(Label),
  body: z.optional(Markdown),
  resources: z.array(CrisisResource).check(z.minLength(1), z.maxLength(20)),
});

/** The crisis panel for this clinic, optionally per country (ISO 3166 alpha-2, e.g. `GB`). */
export const CrisisConfig = z.strictObject({
  /**
   * The clinic's own phone number, offered in the crisis panel beside the crisis lines (a `tel:`
   * link), e.g. `+1 212 555 0100`. Without it, `<kap-intake>` offers the phone of `GET clinic`.
   */
  clinicPhone: z.optional(Dialable),
  heading: z.optional(Label),
  body: z.optional(Markdown),
  resources: z.optional(z.array(CrisisResource).check(z.minLength(1), z.maxLength(20))),
  countries: z.optional(
    z.record(z.string().check(z.regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as "US"')), CrisisPanel),
  ),
});

// ---- the form ------------------------------------------------------------------------------

export const FormDefinition = z.strictObject({
  /** Lets editors find the JSON Schema; ignored. */
  $schema: z.optional(z.string()),
  id: ItemId,
  /**
   * The language of the definition's plain strings, and the one every text given per language must
   * include (BCP 47, e.g. `en`, `es`). Default `en`.
   */
  lang: z.optional(LanguageTag),
  /** A version label stored with every response. */
  version: z.optional(z.string().check(z.minLength(1), z.maxLength(50))),
  title: Label,
  intro: z.optional(Markdown),
  pages: z.array(Page).check(z.minLength(1), z.maxLength(100)),
  crisis: z.optional(CrisisConfig),
  /** The submit button on the check-your-answers page; default "Submit". */
  submitLabel: z.optional(localText(z.string().check(z.minLength(1), z.maxLength(60)))),
  /** Shown after a successful submit: what happens next. */
  confirmation: z.optional(z.strictObject({ heading: z.optional(Label), body: z.optional(Markdown) })),
});

/** What authors write (defaults not yet applied). */
export type FormDefinition = z.input<typeof FormDefinition>;

/**
 * Which texts of an object are in another language than the page's: field name → BCP 47 tag,
 * e.g. `{ label: 'en' }` for an English label on a Spanish page. The element marks each such text
 * with `lang`, so a screen reader reads it in its own language. Absent when every text is the page's.
 */
export type TextLanguages = Readonly<Record<string, string>>;

interface Marked {
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

/** An item as the element shows it: texts in one language, with `langs` for those in another. */
type Shown<S extends z.ZodMiniType> = Resolved<Omit<z.output<S>, 'options'>> & Marked;

export type Option = Resolved<z.output<typeof Option>> & Marked;
export type Review = z.output<typeof Review>;
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
export type CrisisResource = Resolved<z.output<typeof CrisisResource>> & Marked;
export type CrisisPanel = Resolved<Omit<z.output<typeof CrisisPanel>, 'resources'>> & Marked & { resources: CrisisResource[] };
export type CrisisConfig = Resolved<Omit<z.output<typeof CrisisConfig>, 'resources' | 'countries'>> &
  Marked & { resources?: CrisisResource[]; countries?: Record<string, CrisisPanel> };
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
  | TextItem
  | TextareaItem
  | EmailItem
  | PhoneItem
  | NumberItem
  | DateItem
  | ChoiceItem
  | MultiItem
  | YesNoItem
  | ScaleItem
  | ConsentItem
  | DisplayItem;

/** Items that take an answer (all but `display`). */
export type AnswerableItem = Exclude<Item, DisplayItem>;

export interface ResolvedPage extends Marked {
  id: string;
  title: string;
  intro?: string;
  when?: Condition;
  items: Item[];
  /** Set on a built-in instrument's page. */
  instrument?: InstrumentId;
  /** Set on a ready-made page. */
  include?: IncludeId;
  /** Copyright or citation notice to show at the foot of the page (plain text). */
  notice?: string;
  /** Set when the page's items carry LOINC codes: LOINC's notice, which its licence asks for wherever they ship. */
  loincNotice?: string;
  /** Where the page came from in the definition, e.g. `pages[2]` (for messages). */
  source: string;
}

/**
 * A checked definition in one language, with instruments and ready-made pages expanded into
 * ordinary pages. Texts not in `lang` carry `langs`.
 */
export interface ResolvedForm extends Marked {
  id: string;
  version?: string;
  /** The language the form is shown in (the page's), BCP 47. */
  lang: string;
  title: string;
  intro?: string;
  pages: ResolvedPage[];
  crisis?: CrisisConfig;
  /** The built-in crisis panel (988 and 911) in `lang` where a translation is loaded, else in English. */
  crisisDefault?: CrisisPanel;
  submitLabel?: string;
  confirmation?: { heading?: string; body?: string; langs?: TextLanguages };
}
