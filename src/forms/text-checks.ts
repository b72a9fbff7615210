/**
 * The authoring checks of a definition's texts, run where forms are authored and, for a definition
 * a page hands `<kap-intake>`, in the lazily imported checks (`check-definition.ts`): never on the
 * render path, which only puts the texts in one language (`localize.ts`).
 */
import { hasLanguage, variantsOf, type LocalText } from '../i18n/local-text.js';
import { parseMarkdown } from '../text/markdown.js';
import { MARKDOWN_FIELDS, mapDefinition, TEXT_FIELDS, type Owner } from './localize.js';

const place = (where: string, field: string) => (where ? `${where}.${field}` : field);

/**
 * Problems with the definition's texts: a text per language without `defaultLang` (the language
 * every fallback ends at), and links other than https:, tel:, mailto: or relative in any
 * language of a markdown text.
 */
export function checkTexts(definition: object, defaultLang: string): string[] {
  const problems: string[] = [];
  mapDefinition(definition as Owner, (owner, kind, where) => {
    for (const field of TEXT_FIELDS[kind]) {
      const value = owner[field] as LocalText | undefined;
      if (value === undefined) continue;
      const at = place(where(), field);
      if (!hasLanguage(value, defaultLang)) {
        problems.push(`${at}: has no "${defaultLang}" text; a text given per language must include the form's own language ("lang": "${defaultLang}")`);
      }
      if (!MARKDOWN_FIELDS.has(`${kind}.${field}`)) continue;
      for (const [lang, text] of variantsOf(value, defaultLang)) {
        const which = typeof value === 'string' ? '' : ` (${lang})`;
        parseMarkdown(text, {
          onRejectedLink: (url) => problems.push(`${at}${which}: link "${url}" is not allowed: links may use https:, tel:, mailto: or a relative address`),
        });
      }
    }
    return owner;
  });
  return problems;
}
