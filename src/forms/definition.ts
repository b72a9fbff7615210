/**
 * The intake form definition: the JSON that clinic staff and marketers write, as zod/mini schemas —
 * here its pages, crisis resources and the form itself, with the form and page as the element shows
 * them (`ResolvedForm`, `ResolvedPage`); its items are in `definition-items.ts`, the building blocks
 * (ids, texts, conditions) in `definition-basics.ts`.
 *
 * It is shaped to map onto a FHIR Questionnaire: an item's `id` is its `linkId`, `label` its
 * `text`, `shortText` the SDC `shortText` extension, options are `answerOption`s whose `value` is a
 * coding `code` (with `code` for a LOINC answer code) and whose `score` is the `ordinalValue`, and
 * `when` is `enableWhen` (`all` ≈ `enableBehavior: all`, `any` ≈ `any`). A `scale` is a FHIR group
 * whose rows are choice items sharing one answer value set.
 *
 * Any text may be given per language (`{"en": …, "es": …}`). `resolveFormDefinition()` (`parse.ts`)
 * checks a definition with these schemas and returns it in one language, with built-in
 * instruments and the medical screening page expanded into ordinary pages (`ResolvedForm`).
 * `scripts/write-form-schema.ts` publishes the same schemas as JSON Schema for editors.
 */
import * as z from 'zod/mini';
import { LanguageTag, localText } from '../i18n/local-text-schema.js';
import { Condition, ItemId, Label, Markdown, PlainText, type Marked, type Resolved, type TextLanguages } from './definition-basics.js';
import { Item } from './definition-items.js';
import { isHttpsUrl } from './https-url.js';
import { INSTRUMENT_IDS } from './instruments/ids.js';
import type { InstrumentId } from './instruments/types.js';

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
    z
      .string()
      .check(
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
  countries: z.optional(z.record(z.string().check(z.regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as "US"')), CrisisPanel)),
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

export type CrisisResource = Resolved<z.output<typeof CrisisResource>> & Marked;
export type CrisisPanel = Resolved<Omit<z.output<typeof CrisisPanel>, 'resources'>> & Marked & { resources: CrisisResource[] };
export type CrisisConfig = Resolved<Omit<z.output<typeof CrisisConfig>, 'resources' | 'countries'>> &
  Marked & { resources?: CrisisResource[]; countries?: Record<string, CrisisPanel> };

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
  /**
   * The built-in crisis panel (988 and 911) in `lang`, where a translation of it is loaded; else
   * `crisisPanel` (crisis-panel.ts, which the intake loads with the panel) shows it in English.
   */
  crisisDefault?: CrisisPanel;
  submitLabel?: string;
  confirmation?: { heading?: string; body?: string; langs?: TextLanguages };
}
