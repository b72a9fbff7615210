/**
 * A definition's texts in one language. Every text field of a form, page, item, option, row,
 * crisis panel, crisis resource and confirmation may be a `LocalText` (a plain string in the
 * definition's `lang`, or `{"en": "…", "es": "…"}`); these functions visit them all, in one
 * place:
 *
 * - `checkTexts` (text-checks.ts, where forms are authored) reports what is wrong with the texts;
 * - `localizeTexts` resolves each text with `pickText` (the language asked for, then its base
 *   language, then the definition's) and records in `langs` each one not in the language asked
 *   for, so the element can mark it;
 * - `withTranslation` (included-page.ts) turns a built-in page and its translation into the same
 *   per-language texts;
 * - `markdownTexts` gives those shown as markdown (`MARKDOWN_FIELDS`, which `checkTexts` checks
 *   the links of), where the element looks for what needs the markdown parser.
 */
import { foreignLang, pickText, type LocalText } from '../i18n/local-text.js';
import type { ResolvedForm } from './definition.js';

/** The text fields of each kind of object in a definition. */
export const TEXT_FIELDS = {
  form: ['title', 'intro', 'submitLabel'],
  confirmation: ['heading', 'body'],
  page: ['title', 'intro'],
  item: ['label', 'shortText', 'requiredMessage', 'help', 'patternMessage', 'unit', 'text'],
  option: ['label', 'help'],
  row: ['label', 'shortText'],
  crisis: ['heading', 'body'],
  resource: ['name', 'description'],
} as const;

export type Kind = keyof typeof TEXT_FIELDS;

/** The text fields in the markdown subset (the others are plain text). */
export const MARKDOWN_FIELDS: ReadonlySet<string> = new Set(['form.intro', 'page.intro', 'item.text', 'crisis.body', 'confirmation.body']);

/** `MARKDOWN_FIELDS` by kind of owner (none for options, rows and resources). */
const markdownFieldsOf: Record<string, readonly string[]> = Object.fromEntries(
  Object.entries(TEXT_FIELDS).map(([kind, fields]) => [kind, fields.filter((field) => MARKDOWN_FIELDS.has(`${kind}.${field}`))]),
);

export type Owner = Record<string, unknown>;
/** Where an object with texts is in the definition, for messages: built only when called (the render path never asks). */
type Where = () => string;
/** Called for each object with texts; `item` is the item an option or row belongs to. */
type Visit = (owner: Owner, kind: Kind, where: Where, item?: Owner) => Owner;

/** `{...page, items}` with every text owner of the page passed through `visit` (a copy). */
export function mapPage(page: Owner, where: Where, visit: Visit): Owner {
  const mapped = visit(page, 'page', where);
  if (!Array.isArray(page['items'])) return mapped;
  const items = (page['items'] as Owner[]).map((item, i) => {
    const at = () => `${where()}.items[${i}] (${JSON.stringify(item['id'])})`;
    const out = visit(item, 'item', at);
    if (Array.isArray(item['options'])) {
      out['options'] = (item['options'] as Owner[]).map((option, k) =>
        visit(option, 'option', () => `${at()}.options[${k}] (${JSON.stringify(option['value'])})`, item),
      );
    }
    if (Array.isArray(item['rows'])) {
      out['rows'] = (item['rows'] as Owner[]).map((row, k) => visit(row, 'row', () => `${at()}.rows[${k}] (${JSON.stringify(row['id'])})`, item));
    }
    return out;
  });
  return { ...mapped, items };
}

function mapPanel(panel: Owner, where: Where, visit: Visit): Owner {
  const mapped = visit(panel, 'crisis', where);
  if (Array.isArray(panel['resources'])) {
    mapped['resources'] = (panel['resources'] as Owner[]).map((resource, k) => visit(resource, 'resource', () => `${where()}.resources[${k}]`));
  }
  return mapped;
}

/** The definition with every text owner passed through `visit`, in reading order of problems. */
export function mapDefinition(definition: Owner, visit: Visit): Owner {
  const out = visit(definition, 'form', () => '');
  const crisis = definition['crisis'] as Owner | undefined;
  if (crisis) {
    const mapped = mapPanel(crisis, () => 'crisis', visit);
    const countries = crisis['countries'] as Record<string, Owner> | undefined;
    if (countries) {
      mapped['countries'] = Object.fromEntries(
        Object.entries(countries).map(([code, panel]) => [code, mapPanel(panel, () => `crisis.countries.${code}`, visit)]),
      );
    }
    out['crisis'] = mapped;
  }
  const confirmation = definition['confirmation'] as Owner | undefined;
  if (confirmation) out['confirmation'] = visit(confirmation, 'confirmation', () => 'confirmation');
  out['pages'] = (definition['pages'] as Owner[]).map((page, i) => mapPage(page, () => `pages[${i}]`, visit));
  return out;
}

/**
 * The texts of a resolved form shown as markdown (`MARKDOWN_FIELDS`, with the built-in crisis
 * panel's body): where an element looks for texts that need the parser (`markdownAtHand`), not in
 * the whole form, whose ids, values and pages' `source` ("pages[0]") would fetch it for nothing.
 */
export function markdownTexts(form: ResolvedForm): unknown[] {
  const texts: unknown[] = [form.crisisDefault?.body];
  mapDefinition(form as unknown as Owner, (owner, kind) => {
    for (const field of markdownFieldsOf[kind]) texts.push(owner[field]);
    // Not the owner: mapDefinition sets the pages, crisis panels and confirmation on what this
    // returns, and reads them from the form itself; nothing of it is kept.
    return {};
  });
  return texts;
}

export interface Localized<T> {
  value: T;
  /** Texts of the definition with no version in the language asked for (shown in another). */
  fallbacks: number;
}

/** `owner` with its texts of `kind` in `lang`, and `langs` for those in another language. */
export function localizeOwner(owner: Owner, kind: Kind, lang: string, defaultLang: string, count: () => void): Owner {
  const out: Owner = { ...owner };
  const langs: Record<string, string> = {};
  for (const field of TEXT_FIELDS[kind]) {
    const value = owner[field] as LocalText | undefined;
    if (value === undefined) continue;
    const chosen = pickText(value, lang, defaultLang);
    out[field] = chosen.text;
    const foreign = foreignLang(chosen, lang);
    if (foreign) {
      langs[field] = foreign;
      count();
    }
  }
  if (Object.keys(langs).length) out['langs'] = langs;
  return out;
}

/** The whole definition's texts in `lang` (see `pickText`), with `langs` marks. */
export function localizeTexts<T extends object>(definition: object, lang: string, defaultLang: string): Localized<T> {
  let fallbacks = 0;
  const value = mapDefinition(definition as Owner, (owner, kind) => localizeOwner(owner, kind, lang, defaultLang, () => fallbacks++));
  return { value: value as T, fallbacks };
}

/** A crisis panel's texts in `lang`, with `langs` marks. */
export function localizePanel<T extends object>(panel: object, lang: string, defaultLang: string): T {
  return mapPanel(
    panel as Owner,
    () => '',
    (owner, kind) => localizeOwner(owner, kind, lang, defaultLang, () => undefined),
  ) as T;
}

/**
 * A translation of a built-in page's texts: its title and intro, and per item id the item's own
 * texts, its options' (by value) and its rows' (by row id). Anything left out stays in English.
 */
export interface PageTranslation {
  title?: string;
  intro?: string;
  items: Readonly<
    Record<
      string,
      {
        label?: string;
        shortText?: string;
        requiredMessage?: string;
        help?: string;
        patternMessage?: string;
        unit?: string;
        text?: string;
        options?: Readonly<Record<string, { label?: string; help?: string }>>;
        rows?: Readonly<Record<string, { label?: string; shortText?: string }>>;
      }
    >
  >;
}
