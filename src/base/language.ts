import { intlObject } from '../text/intl.js';

/**
 * The language an element speaks: its own `lang`, else the nearest ancestor's (crossing shadow
 * roots, as the `lang` attribute itself inherits), else the document's, else English.
 */
export function inheritedLanguage(element: Element): string {
  const own = element.getAttribute('lang');
  if (own) return own;
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return 'en';
}

/** A well-formed BCP 47 tag for `Intl`, or `en` when the page gave something unusable. */
export function intlLocale(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** "30 seconds", "2 minutes": how long to wait, rounded up, in the reader's language. */
export function formatWait(ms: number, locale: string): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 90 ? formatUnit(seconds, 'second', locale) : formatUnit(Math.ceil(seconds / 60), 'minute', locale);
}

/** "90 minutes", "1 day": `value` `unit`s spelled out in the reader's language. */
export function formatUnit(value: number, unit: string, locale: string): string {
  return intlObject(`unit ${locale} ${unit}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' })).format(value);
}

/** The plural category of `count` in `locale` ("one", "other"…). */
export function pluralCategory(count: number, locale: string): Intl.LDMLPluralRule {
  return intlObject(`plural ${locale}`, () => new Intl.PluralRules(locale)).select(count);
}
