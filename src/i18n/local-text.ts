/**
 * Text a clinic writes in more than one language, and the one rule that picks the text to show.
 *
 * In a definition (an intake form, a checklist) any text may be a plain string, in the
 * definition's own language (`"lang"`, default `en`), or a map of BCP 47 tags to strings:
 * `{"en": "Full name", "es": "Nombre completo"}`. In the backend contract a text stays a plain
 * string (in the response's `lang`) and its other languages travel beside it in `translations`
 * (`{"name": "Consultation", "translations": {"es": {"name": "Consulta"}}}`), so old clients keep
 * working. Both reduce to a map of variants, and `pickText` chooses:
 *
 * 1. the requested language, exactly (`es-MX`);
 * 2. its base language (`es`), then any other variant of it (`es-US`);
 * 3. the default language (the definition's or the response's), which a map must include;
 *
 * and says which language it took, so the element can mark text that is not in the page's
 * language with `lang` (a screen reader then reads English as English on a Spanish page).
 *
 * Plain data and functions only: no zod, no DOM (the Spanish module and the server import it).
 */

/** A plain string (in the default language) or a text per language (BCP 47 tag → text). */
export type LocalText = string | Readonly<Record<string, string>>;

/** The text chosen for a language, and the language it is in. */
export interface ChosenText {
  text: string;
  lang: string;
}

/** The base language of a BCP 47 tag, lower-cased: `es-MX` → `es`. */
export function baseLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

/** Whether two tags name the same language (`es-MX` and `es` do; `en` and `es` do not). */
export function sameLanguage(a: string, b: string): boolean {
  return baseLanguage(a) === baseLanguage(b);
}

/** The variant of `variants` for `lang` by the rule above, or `undefined` when there is none at all. */
function variantFor(variants: Readonly<Record<string, string>>, lang: string): string | undefined {
  const tags = Object.keys(variants);
  const wanted = lang.toLowerCase();
  return (
    tags.find((tag) => tag.toLowerCase() === wanted) ??
    tags.find((tag) => tag.toLowerCase() === baseLanguage(lang)) ??
    tags.find((tag) => sameLanguage(tag, lang))
  );
}

/**
 * The text of `value` to show in `lang`: the requested language, then its base language, then
 * `defaultLang` (the language of a plain string, and the one every map must include).
 */
export function pickText(value: LocalText, lang: string, defaultLang: string): ChosenText {
  if (typeof value === 'string') return { text: value, lang: defaultLang };
  const tag = variantFor(value, lang) ?? variantFor(value, defaultLang) ?? Object.keys(value)[0];
  return tag === undefined ? { text: '', lang: defaultLang } : { text: value[tag]!, lang: tag };
}

/** The `lang` to put on `chosen` text on a page in `pageLang`: its own when it is another language. */
export function foreignLang(chosen: ChosenText, pageLang: string): string | undefined {
  return sameLanguage(chosen.lang, pageLang) ? undefined : chosen.lang;
}

/** Every variant of a text, tag first (a plain string is one variant, in `defaultLang`). */
export function variantsOf(value: LocalText, defaultLang: string): [lang: string, text: string][] {
  return typeof value === 'string' ? [[defaultLang, value]] : Object.entries(value);
}

/** Whether a map of texts gives at least one language (the schema's rule, and the browser's validators'). */
export function hasSomeText(map: Readonly<Record<string, unknown>>): boolean {
  return Object.keys(map).length > 0;
}

/** Whether a map of texts includes `lang` (or a plain string, which is in the default language). */
export function hasLanguage(value: LocalText, lang: string): boolean {
  return typeof value === 'string' || variantFor(value, lang) !== undefined;
}

/** A contract object whose plain text fields have `translations` beside them. */
export interface Translated {
  translations?: Readonly<Record<string, Readonly<Record<string, string | undefined>>>> | undefined;
}

/**
 * A text field of a contract object in `lang`: its translation by the rule above, else the plain
 * field, which is in `defaultLang` (the response's `lang`).
 */
export function translatedField<T extends Translated>(object: T, field: keyof T & string, lang: string, defaultLang: string): ChosenText {
  const variants: Record<string, string> = {};
  for (const [tag, fields] of Object.entries(object.translations ?? {})) {
    const text = fields[field];
    if (typeof text === 'string' && text !== '') variants[tag] = text;
  }
  const plain = object[field];
  if (typeof plain === 'string' && !(defaultLang in variants)) variants[defaultLang] = plain;
  return pickText(variants, lang, defaultLang);
}
