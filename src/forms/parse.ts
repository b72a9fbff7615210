/**
 * Two ways in, one resolution. `resolveFormDefinition()` is the browser's render path: it reads a
 * definition with the schemas of `definition.ts` and returns it in one language, with built-in
 * instruments and the medical screening page expanded into ordinary pages (`ResolvedForm`).
 * `parseFormDefinition()` (src/forms/check-form.ts) is where forms are authored — the server when
 * it serves or stores a form, `npx kap-elements check-form` — and the element runs its checks
 * (`check-definition.ts`, a lazily imported chunk) only for an inline definition: they add the
 * texts' and cross-item checks zod cannot express and word every problem for the website team.
 */
import type * as z from 'zod/mini';
import type { Issue } from '../api/validate.js';
import { sameLanguage } from '../i18n/local-text.js';
import { builtInInstruments, instrumentsAtHand, loadInstruments } from './built-in-instruments.js';
import type { Item } from './definition-items.js';
import type { IncludeId, ItemsPage, Page, ResolvedForm, ResolvedPage } from './definition.js';
import { INSTRUMENTS_WITH_SAFETY_ITEMS } from './instruments/ids.js';
// The render path checks with validators generated from the schemas of definition.ts (no zod in the
// browser), and leniently: the full checks run where forms are authored (`ParseOptions.schemas`).
import * as renderSchemas from './generated/render-definition.js';
import type { resolveIncludedPage } from './included-page.js';
import { localizeTexts } from './localize.js';
import { BUILT_IN_LANG, type FormsTranslation } from './translations.js';

/** The ready-made pages a definition can include (`{ "include": … }`), as written, in English. */
export type IncludedPages = Partial<Record<IncludeId, z.input<typeof ItemsPage>>>;

/** The ready-made pages loaded so far: each chunk is imported once per page. */
let loadedPages: IncludedPages | undefined;
/** How an included page is resolved (included-page.ts), once a page was loaded or provided. */
let includedPage: typeof resolveIncludedPage | undefined;

/** Makes included pages resolvable at once: for what imports the ready-made pages statically (`check-form.ts`). */
export function provideIncludedPages(resolve: typeof resolveIncludedPage): void {
  includedPage = resolve;
}

function pagesOf(json: unknown): unknown[] {
  const pages = (json as { pages?: unknown } | null)?.pages;
  return Array.isArray(pages) ? pages : [];
}

function includesScreening(json: unknown): boolean {
  return pagesOf(json).some((page) => (page as { include?: unknown } | null)?.include === 'kap-medical-screening');
}

const instrumentsOf = (json: unknown): unknown[] => pagesOf(json).map((page) => (page as { instrument?: unknown } | null)?.instrument);

const usesInstrument = (json: unknown): boolean => instrumentsOf(json).some((id) => id !== undefined);

/**
 * Whether `json`'s form may ask a safety question, before its instruments are here to say: it uses
 * one with a safety item, or marks a question, option or row of its own `"safety": true`.
 */
export const mayAskSafety = (json: unknown): boolean =>
  instrumentsOf(json).some((id) => (INSTRUMENTS_WITH_SAFETY_ITEMS as readonly unknown[]).includes(id)) ||
  JSON.stringify(pagesOf(json)).includes('"safety":true');

/**
 * The ready-made pages `json` includes, each imported only now, and the built-in instruments when
 * it uses one (`loadInstruments`): chunks fetched from the script's own origin in the drop-in
 * files, so a form without them never loads their text.
 */
export async function loadIncludedPages(json: unknown): Promise<IncludedPages> {
  const [pages] = await Promise.all([includesScreening(json) ? loadScreening() : {}, usesInstrument(json) ? loadInstruments() : undefined]);
  return pages;
}

async function loadScreening(): Promise<IncludedPages> {
  if (!loadedPages || !includedPage) {
    const [{ MEDICAL_SCREENING_PAGE }, { resolveIncludedPage }] = await Promise.all([import('./medical-screening.js'), import('./included-page.js')]);
    loadedPages ??= { 'kap-medical-screening': MEDICAL_SCREENING_PAGE };
    includedPage ??= resolveIncludedPage;
  }
  return loadedPages;
}

/**
 * The ready-made pages `json` includes, when they and the instruments it uses are at hand without
 * waiting: `{}` for a form that needs none, `undefined` while `loadIncludedPages` still has to
 * fetch them.
 */
export function includedPagesAtHand(json: unknown): IncludedPages | undefined {
  if (usesInstrument(json) && !instrumentsAtHand()) return undefined;
  return includesScreening(json) ? includedPage && loadedPages : {};
}

export interface ParseOptions {
  /** The language to show the form in (BCP 47, the page's); default the definition's own `lang`. */
  lang?: string;
  /**
   * The built-in content in `lang` (the ready-made pages, the default crisis panel, official
   * instrument translations), as the locale module for that language registers it.
   */
  translations?: FormsTranslation;
  /**
   * The ready-made pages the definition includes (see `loadIncludedPages`). `parseFormDefinition`
   * has them all; a page it includes that is missing here is a problem of the definition.
   */
  includes?: IncludedPages;
  /**
   * What reads the definition: by default the render path's validators, which leave out the checks
   * of a string's or a number's value (lengths, patterns, bounds) and keep every other rule; the
   * authoring checks (check-definition.ts) pass the full ones, `generated/definition.ts`.
   */
  schemas?: DefinitionSchemas;
}

/** The validators a definition is read with: the full ones or the render path's (they export the same). */
export type DefinitionSchemas = Pick<typeof renderSchemas, 'FormDefinition' | 'ItemsPage'>;

export type ParseResult =
  | {
      ok: true;
      form: ResolvedForm;
      /**
       * What the clinic should know but that does not stop the form, for the website team: an
       * instrument with no official translation in `lang` (shown in English), texts with no
       * version in `lang`. Never anything the client typed.
       */
      warnings: string[];
    }
  | { ok: false; problems: string[] };

/** What `resolveFormDefinition` gives: the form, or the schema's issues (worded by `parseFormDefinition`). */
export type Resolution = { ok: true; form: ResolvedForm; gaps: LanguageGaps; written: Written } | { ok: false; issues: readonly Issue[] };

/**
 * What a form lacks in the language it is shown in, which the website team should know (worded by
 * `languageWarnings`, language-warnings.ts, loaded only when there is something to say).
 */
export interface LanguageGaps {
  lang: string;
  defaultLang: string;
  /** Instrument pages shown in their original language: no official translation in `lang` is at hand. */
  instruments: { source: string; name: string; shownLang: string }[];
  /** Texts of the definition with no version in `lang`, shown in `defaultLang`. */
  fallbacks: number;
}

/** The definition as the schemas read it, before it is put in one language: what the authoring checks of its texts read. */
export interface Written {
  definition: object;
  /** The definition's own language, where every text's fallback ends. */
  defaultLang: string;
}

/**
 * Reads a definition that has passed the authoring checks (the backend's, which runs
 * `parseFormDefinition` when it serves or stores a form) and resolves it in `options.lang`. A
 * definition the schemas refuse gives its issues; `parseFormDefinition` words them.
 */
export function resolveFormDefinition(json: unknown, options: ParseOptions = {}): Resolution {
  const schemas = options.schemas ?? renderSchemas;
  const parsed = schemas.FormDefinition.safeParse(json);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues };
  const { $schema: _ignored, lang: own, ...definition } = parsed.data;
  const defaultLang = own ?? BUILT_IN_LANG;
  const lang = options.lang ?? defaultLang;
  const translation = options.translations && sameLanguage(options.translations.lang, lang) ? options.translations : undefined;
  type Local = Omit<ResolvedForm, 'lang' | 'pages' | 'crisisDefault'> & { pages: LocalPage[] };
  const local = localizeTexts<Local>(definition, lang, defaultLang);
  const { pages, ...rest } = local.value;
  const form: ResolvedForm = {
    ...rest,
    lang,
    pages: pages.map((page, index) => resolvePage(page, index, lang, translation, options.includes ?? {}, schemas)),
    ...(translation?.crisis ? { crisisDefault: translation.crisis } : {}),
  };
  return { ok: true, form, written: { definition, defaultLang }, gaps: languageGaps(form, lang, defaultLang, local.fallbacks, translation) };
}

/** A page of the definition with its texts in one language. */
type LocalPage = z.output<typeof Page> & { langs?: Record<string, string> };

function resolvePage(
  page: LocalPage,
  index: number,
  lang: string,
  translation: FormsTranslation | undefined,
  includes: IncludedPages,
  schemas: DefinitionSchemas,
): ResolvedPage {
  if ('instrument' in page) {
    const { title, ...use } = page as typeof page & { title?: string };
    return builtInInstruments().page(
      { ...use, ...(title === undefined ? {} : { title }) },
      `pages[${index}] (instrument "${page.instrument}")`,
      lang,
      translation?.instruments?.[page.instrument],
    );
  }
  if ('include' in page) {
    const included = includes[page.include];
    if (!included || !includedPage) throw new Error(`pages[${index}]: the ready-made page "${page.include}" was not loaded (loadIncludedPages).`);
    return includedPage({ page, index, lang, translation, included, schemas, resolveItemsPage });
  }
  return resolveItemsPage(page, `pages[${index}]`);
}

function resolveItemsPage(page: z.output<typeof ItemsPage> & { langs?: Record<string, string> }, source: string): ResolvedPage {
  const items = (page.items as Item[]).map((item): Item =>
    item.type === 'scale' ? { ...item, rows: item.rows.map((row, i) => ({ ...row, number: i + 1 })) } : item,
  );
  return { ...(page as unknown as ResolvedPage), items, source };
}

/** Instruments without an official translation in `lang`, and texts without a version in it. */
function languageGaps(form: ResolvedForm, lang: string, defaultLang: string, fallbacks: number, translation: FormsTranslation | undefined): LanguageGaps {
  const instruments: LanguageGaps['instruments'] = [];
  for (const page of form.pages) {
    if (!page.instrument) continue;
    const shown = builtInInstruments().shownIn(page.instrument, lang, translation?.instruments?.[page.instrument]);
    const shownLang = shown.language ?? BUILT_IN_LANG;
    if (!sameLanguage(shownLang, lang)) instruments.push({ source: page.source, name: shown.name, shownLang });
  }
  return { lang, defaultLang, instruments, fallbacks: sameLanguage(lang, defaultLang) ? 0 : fallbacks };
}
