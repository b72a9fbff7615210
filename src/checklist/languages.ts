/**
 * A checklist item's texts between its definition, the backend contract and the screen.
 *
 * A definition may give each text per language (`{"en": "Stop eating", "es": "Deje de comer"}`);
 * the contract carries the text in the checklist's own language in `text`, `details` and `group`,
 * and the others in `translations` (so a client that knows nothing of languages still works).
 * `itemTexts` (item-texts.ts) turns the first into the second (the reference backend stores it so;
 * a static page uses it too), and `shownTexts` picks what to show in the page's language by the one
 * rule of `src/i18n/local-text.ts`, with the language of each text.
 */
import { translatedField, type ChosenText } from '../i18n/local-text.js';

/** The texts of an item. */
type Field = 'text' | 'details' | 'group';

/** An item's texts as the backend contract carries them. */
export interface ItemTexts {
  text: string;
  details?: string;
  group: string;
  translations?: Record<string, Partial<Record<Field, string>>>;
}

/** What to show of an item in `pageLang`, each text with its language; `lang` is the plain fields'. */
export function shownTexts(item: ItemTexts, pageLang: string, lang: string): { text: ChosenText; details?: ChosenText; group: ChosenText } {
  return {
    text: translatedField(item, 'text', pageLang, lang),
    ...(item.details === undefined ? {} : { details: translatedField(item, 'details', pageLang, lang) }),
    group: translatedField(item, 'group', pageLang, lang),
  };
}
