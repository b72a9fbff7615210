/**
 * A checklist item's texts as its definition gives them (each perhaps per language) turned into
 * what the backend contract carries (languages.ts): where checklists are stored, and for a
 * checklist a page hands the element (in the drop-in files, that chunk).
 */
import { pickText, variantsOf, type LocalText } from '../i18n/local-text.js';
import type { ChecklistItemDefinition } from './definition.js';
import type { ItemTexts } from './languages.js';

const FIELDS = ['text', 'details', 'group'] as const;
type Field = (typeof FIELDS)[number];

/** `item`'s texts for the contract: each in `lang` (the checklist's), the other languages in `translations`. */
export function itemTexts(item: Pick<ChecklistItemDefinition, Field>, lang: string): ItemTexts {
  const translations: Record<string, Partial<Record<Field, string>>> = {};
  const plain: Partial<Record<Field, string>> = {};
  for (const field of FIELDS) {
    const value: LocalText | undefined = item[field];
    if (value === undefined) continue;
    const own = pickText(value, lang, lang);
    plain[field] = own.text;
    for (const [tag, text] of variantsOf(value, lang)) {
      if (tag !== own.lang) (translations[tag] ??= {})[field] = text;
    }
  }
  return {
    text: plain.text!,
    ...(plain.details === undefined ? {} : { details: plain.details }),
    group: plain.group!,
    ...(Object.keys(translations).length ? { translations } : {}),
  };
}
