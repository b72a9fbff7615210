/**
 * The intake form definition: the JSON that clinic staff and marketers write, as zod/mini schemas.
 *
 * It is shaped to map onto a FHIR Questionnaire: an item's `id` is its `linkId`, `label` its
 * `text`, `shortText` the SDC `shortText` extension, options are `answerOption`s whose `value` is a
 * coding `code` (with `code` for a LOINC answer code) and whose `score` is the `ordinalValue`, and
 * `when` is `enableWhen` (`all` ≈ `enableBehavior: all`, `any` ≈ `any`). A `scale` is a FHIR group
 * whose rows are choice items sharing one answer value set.
 *
 * `parseFormDefinition()` checks a definition with these schemas, then with the cross-item rules
 * zod cannot express (see `definition-checks.ts`), and returns the definition with built-in
 * instruments and the medical screening page expanded into ordinary pages (`ResolvedForm`).
 * `scripts/write-form-schema.ts` publishes the same schemas as JSON Schema for editors.
 */
import * as z from 'zod/mini';
import { INSTRUMENT_IDS, type InstrumentId } from './instruments/index.js';
import { checkResolvedForm } from './definition-checks.js';
import { describeIssues } from './definition-problems.js';
import { instrumentPage } from './instrument-pages.js';
import { MEDICAL_SCREENING_PAGE } from './medical-screening.js';

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

const Label = z.string().check(z.minLength(1), z.maxLength(1000));
const PlainText = z.string().check(z.minLength(1), z.maxLength(2000));
/** Text in the markdown subset: paragraphs, **bold**, *italic*, `-`/`1.` lists, [links](https://…). */
const Markdown = z.string().check(z.minLength(1), z.maxLength(20000));

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
  shortText: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
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

const lengths = {
  minLength: z.optional(z.int().check(z.nonnegative())),
  maxLength: z.optional(z.int().check(z.positive())),
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
  unit: z.optional(z.string().check(z.minLength(1), z.maxLength(30))),
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
  shortText: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
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

/**
 * Whether `value` parses as an https: URL with a host, as the crisis panel renders it (`new URL(url).host`).
 * `new URL` rather than `URL.canParse`, which Safari before 17 lacks.
 */
function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.host !== '';
  } catch {
    return false;
  }
}

export const CrisisPanel = z.strictObject({
  heading: z.optional(Label),
  body: z.optional(Markdown),
  resources: z.array(CrisisResource).check(z.minLength(1), z.maxLength(20)),
});

/** The crisis panel for this clinic, optionally per country (ISO 3166 alpha-2, e.g. `GB`). */
export const CrisisConfig = z.strictObject({
  /**
   * The clinic's own phone number, offered in the crisis panel beside the crisis lines (a `tel:`
   * link), e.g. `+1 212 555 0100`. (`GET clinic` is to supply it later.)
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
  /** A version label stored with every response. */
  version: z.optional(z.string().check(z.minLength(1), z.maxLength(50))),
  title: Label,
  intro: z.optional(Markdown),
  pages: z.array(Page).check(z.minLength(1), z.maxLength(100)),
  crisis: z.optional(CrisisConfig),
  /** The submit button on the check-your-answers page; default "Submit". */
  submitLabel: z.optional(z.string().check(z.minLength(1), z.maxLength(60))),
  /** Shown after a successful submit: what happens next. */
  confirmation: z.optional(z.strictObject({ heading: z.optional(Label), body: z.optional(Markdown) })),
});

/** What authors write (defaults not yet applied). */
export type FormDefinition = z.input<typeof FormDefinition>;
export type Option = z.output<typeof Option>;
export type Review = z.output<typeof Review>;
export type TextItem = z.output<typeof TextItem>;
export type TextareaItem = z.output<typeof TextareaItem>;
export type EmailItem = z.output<typeof EmailItem>;
export type PhoneItem = z.output<typeof PhoneItem>;
export type NumberItem = z.output<typeof NumberItem>;
export type DateItem = z.output<typeof DateItem>;
export type ChoiceItem = z.output<typeof ChoiceItem>;
export type MultiItem = z.output<typeof MultiItem>;
export type YesNoItem = z.output<typeof YesNoItem>;
export type ConsentItem = z.output<typeof ConsentItem>;
export type DisplayItem = z.output<typeof DisplayItem>;
export type CrisisResource = z.output<typeof CrisisResource>;
export type CrisisPanel = z.output<typeof CrisisPanel>;
export type CrisisConfig = z.output<typeof CrisisConfig>;
export type ItemType = (typeof ITEM_TYPES)[number];

export interface ScaleRow extends z.output<typeof ScaleRow> {
  /** 1-based position in the scale (instruments print it). */
  number: number;
  /** For instrument rows: the instrument's linkId (`q9`). */
  linkId?: string;
}

export interface ScaleItem extends Omit<z.output<typeof ScaleItem>, 'rows'> {
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

export interface ResolvedPage {
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

/** A checked definition, with instruments and ready-made pages expanded into ordinary pages. */
export interface ResolvedForm {
  id: string;
  version?: string;
  title: string;
  intro?: string;
  pages: ResolvedPage[];
  crisis?: CrisisConfig;
  submitLabel?: string;
  confirmation?: { heading?: string; body?: string };
}

export type ParseResult = { ok: true; form: ResolvedForm } | { ok: false; problems: string[] };

/**
 * Checks a form definition (parsed JSON) and resolves it. Problems name the place and the
 * problem, e.g. `pages[2].items[4] ("pregnant"): condition refers to "sex" which is not an
 * earlier item`; they are meant for the site's developer (console), never for the client.
 */
export function parseFormDefinition(json: unknown): ParseResult {
  const parsed = FormDefinition.safeParse(json);
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error.issues, json) };
  const { $schema: _ignored, pages, ...rest } = parsed.data;
  const form: ResolvedForm = { ...rest, pages: pages.map(resolvePage) };
  const problems = checkResolvedForm(form);
  return problems.length ? { ok: false, problems } : { ok: true, form };
}

type ParsedPage = z.output<typeof Page>;

function resolvePage(page: ParsedPage, index: number): ResolvedPage {
  if ('instrument' in page) {
    return instrumentPage(page, `pages[${index}] (instrument "${page.instrument}")`);
  }
  if ('include' in page) {
    const ready = ItemsPage.parse(MEDICAL_SCREENING_PAGE);
    return {
      ...resolveItemsPage(ready, `pages[${index}] (include "${page.include}")`),
      id: page.id ?? ready.id,
      title: page.title ?? ready.title,
      ...(page.when ? { when: page.when } : {}),
      include: page.include,
    };
  }
  return resolveItemsPage(page, `pages[${index}]`);
}

function resolveItemsPage(page: z.output<typeof ItemsPage>, source: string): ResolvedPage {
  const items = page.items.map((item): Item =>
    item.type === 'scale' ? { ...item, rows: item.rows.map((row, i) => ({ ...row, number: i + 1 })) } : item,
  );
  return { ...page, items, source };
}
