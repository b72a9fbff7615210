/**
 * The console's words, English and Spanish (the console is an app of its own: its words live here,
 * not in the elements' bundle). `words(lang)` answers a `t(key, values)` for that language.
 */
import { en, type ConsoleKey } from './en.js';
import { es } from './es.js';

export type { ConsoleKey };
export const CONSOLE_LANGUAGES = ['en', 'es'] as const;
export type ConsoleLanguage = (typeof CONSOLE_LANGUAGES)[number];

export type Translate = (key: ConsoleKey, values?: Record<string, string | number>) => string;

export function consoleLanguage(tag: string | undefined): ConsoleLanguage {
  return tag?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function words(lang: ConsoleLanguage): Translate {
  const table = lang === 'es' ? es : en;
  return (key, values = {}) => (table[key] ?? en[key]).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
