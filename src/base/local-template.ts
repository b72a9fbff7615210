/**
 * Text from a clinic's definition or backend shown on a page in another language: when it is not
 * in the page's language (a form without a Spanish version, an instrument with no official
 * translation), it goes in a span with its own `lang`, so a screen reader reads English as
 * English on a Spanish page — including inside a sentence of the element's own words.
 */
import { html } from 'lit';
import { foreignLang, type ChosenText } from '../i18n/local-text.js';

/** A text and, when it differs from the page's, its language. */
export interface MarkedText {
  text: string;
  lang?: string | undefined;
}

/** `text`, in a span with `lang` when that is given (a language other than the page's). */
export function inLanguage(text: unknown, lang: string | undefined): unknown {
  return lang ? html`<span lang=${lang}>${text}</span>` : text;
}

/** `chosen` text on a page in `pageLang`: in a `lang` span when it is in another language. */
export function chosenText(chosen: ChosenText, pageLang: string): unknown {
  return inLanguage(chosen.text, foreignLang(chosen, pageLang));
}

/**
 * `template` (the element's own words, with `{placeholders}`) with each placeholder filled in,
 * a `MarkedText` in its own language. Unknown placeholders stay as written, as `interpolate` does.
 */
export function interpolateMarked(template: string, params: Readonly<Record<string, string | number | MarkedText>>): unknown[] {
  return template.split(/(\{\w+\})/).map((part) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name === undefined || !Object.hasOwn(params, name)) return part;
    const value = params[name]!;
    return typeof value === 'object' ? inLanguage(value.text, value.lang) : String(value);
  });
}
