import type { ElementStrings } from './strings.js';

/**
 * Locales live on `globalThis` under a registered symbol, so a locale module loaded by one
 * bundle (the CDN file) reaches elements defined by another (an npm build of the same page).
 */
const REGISTRY = Symbol.for('kap-elements.locales');

interface LocaleRegistry {
  locales: Map<string, Partial<ElementStrings>>;
  listeners: Set<() => void>;
  /** The built-in English of the elements loaded on the page (absent in a registry made by an older bundle). */
  builtIn?: Partial<ElementStrings>;
}

function registry(): LocaleRegistry {
  const holder = globalThis as typeof globalThis & { [REGISTRY]?: LocaleRegistry };
  holder[REGISTRY] ??= { locales: new Map(), listeners: new Set() };
  return holder[REGISTRY];
}

/** Adds (or extends) the strings for a BCP 47 language tag, e.g. `es` or `es-MX`. */
export function registerLocale(lang: string, strings: Partial<ElementStrings>): void {
  const { locales, listeners } = registry();
  const key = lang.toLowerCase();
  locales.set(key, { ...locales.get(key), ...strings });
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever a locale is registered; returns the unsubscribe function. */
export function onLocaleRegistered(listener: () => void): () => void {
  const { listeners } = registry();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The registered strings for `lang`: its primary language first, then the exact tag on top. */
export function registeredStrings(lang: string): Partial<ElementStrings> {
  const [primary, exact] = registeredFor(lang);
  return { ...primary, ...(exact === primary ? undefined : exact) };
}

/** The strings registered for `lang`'s primary language and for its exact tag (the same object when they are one). */
function registeredFor(lang: string): [Partial<ElementStrings> | undefined, Partial<ElementStrings> | undefined] {
  const { locales } = registry();
  const exact = lang.toLowerCase();
  return [locales.get(exact.split('-')[0] ?? exact), locales.get(exact)];
}

/**
 * What an element's words for `lang` are made of, as the objects the registry holds: each
 * registration replaces the object it changes, so the same objects mean the same words.
 */
export function stringSources(lang: string): readonly unknown[] {
  return [registry().builtIn, ...registeredFor(lang)];
}

/** Whether an element can speak `lang` whole: English is built in, any other needs its strings registered. */
export function hasLocale(lang: string): boolean {
  return /^en(-|$)/i.test(lang) || Object.keys(registeredStrings(lang)).length > 0;
}

/**
 * Adds an element's built-in English (its entry registers `en-booking.ts`, …), so a page pays only
 * for the words of the elements it loads. Apart from `registerLocale('en', …)`, which a clinic uses
 * to change words and which always wins over these.
 */
export function registerBuiltInStrings(strings: Partial<ElementStrings>): void {
  const holder = registry();
  holder.builtIn = { ...holder.builtIn, ...strings };
}

/** The built-in English of the elements loaded on the page. */
export function builtInStrings(): Partial<ElementStrings> {
  return registry().builtIn ?? {};
}
