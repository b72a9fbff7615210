/**
 * Content in other languages that is more than strings: the intake's built-in pages, default
 * crisis panel and official instrument translations (`FormsTranslation`). A locale module
 * registers it beside its strings, so English-only pages never load it. Like the strings, it lives
 * on `globalThis` under a registered symbol, so a module loaded by one bundle (the CDN file's
 * `i18n/es.js`) reaches elements defined by another.
 */
/**
 * What a locale module may register besides strings. Each domain adds its own part by declaration
 * merging (src/forms/translations.ts adds `forms`), so this module imports none of them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by declaration merging
export interface KapContent {}

const REGISTRY = Symbol.for('kap-elements.content');

interface ContentRegistry {
  content: Map<string, KapContent>;
  listeners: Set<() => void>;
}

function registry(): ContentRegistry {
  const holder = globalThis as typeof globalThis & { [REGISTRY]?: ContentRegistry };
  holder[REGISTRY] ??= { content: new Map(), listeners: new Set() };
  return holder[REGISTRY];
}

/** Adds (or extends) the content for a BCP 47 language tag, e.g. `es`. */
export function registerContent(lang: string, content: KapContent): void {
  const { content: all, listeners } = registry();
  const key = lang.toLowerCase();
  all.set(key, { ...all.get(key), ...content });
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever content is registered; returns the unsubscribe function. */
export function onContentRegistered(listener: () => void): () => void {
  const { listeners } = registry();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The content registered for `lang`: the exact tag's, else its base language's. */
export function registeredContent(lang: string): KapContent {
  const { content } = registry();
  const exact = lang.toLowerCase();
  return content.get(exact) ?? content.get(exact.split('-')[0] ?? exact) ?? {};
}
