/**
 * A ready-made page a definition includes (`{ "include": "kap-medical-screening" }`), resolved in
 * one language: its translation laid beside it, its texts picked, the clinic's own title and
 * condition kept. Apart from parse.ts, like the page itself, so the browser loads it only for a
 * definition that includes one (`loadIncludedPages`: in the drop-in files, with the page's chunk);
 * what imports the whole domain or the authoring checks has it at once (`provideIncludedPages`).
 */
import type { z } from 'zod/mini';
import type { Condition } from './definition-basics.js';
import type { IncludeId, ItemsPage, ResolvedPage } from './definition.js';
import type * as renderSchemas from './generated/render-definition.js';
import { localizeOwner, mapPage, TEXT_FIELDS, type Kind, type Owner, type PageTranslation } from './localize.js';
import { BUILT_IN_LANG, type FormsTranslation } from './translations.js';

type ReadyPage = z.output<typeof ItemsPage> & { langs?: Record<string, string> };

/** How a definition's `{ "include": … }` reads, with its texts in the language asked for. */
export interface IncludePageUse {
  include: IncludeId;
  id?: string | undefined;
  title?: unknown;
  when?: Condition | undefined;
  langs?: Record<string, string> | undefined;
}

/** What resolving an included page needs of parse.ts: the built-in page, its validators and the step every items page takes. */
export interface IncludedPageInput {
  page: IncludePageUse;
  index: number;
  lang: string;
  translation: FormsTranslation | undefined;
  included: z.input<typeof ItemsPage>;
  schemas: Pick<typeof renderSchemas, 'ItemsPage'>;
  resolveItemsPage: (page: ReadyPage, source: string) => ResolvedPage;
}

export function resolveIncludedPage({ page, index, lang, translation, included, schemas, resolveItemsPage }: IncludedPageInput): ResolvedPage {
  const translated = translation?.includes?.[page.include];
  const written = schemas.ItemsPage.parse(withTranslation(included, BUILT_IN_LANG, translated, translation?.lang ?? lang));
  const ready = localizePage<ReadyPage>(written, lang, BUILT_IN_LANG);
  // The clinic's own title (with its own language) replaces the built-in one.
  const ownTitle = page.title as string | undefined;
  const title = ownTitle === undefined ? { text: ready.title as string, lang: ready.langs?.['title'] } : { text: ownTitle, lang: page.langs?.['title'] };
  const { title: _builtIn, ...langs }: Record<string, string> = ready.langs ?? {};
  if (title.lang) langs['title'] = title.lang;
  const { langs: _pageLangs, ...resolved } = resolveItemsPage(ready, `pages[${index}] (include "${page.include}")`);
  return {
    ...resolved,
    id: page.id ?? ready.id,
    title: title.text,
    ...(page.when ? { when: page.when } : {}),
    include: page.include,
    ...(Object.keys(langs).length ? { langs } : {}),
  };
}

/** One page's texts in `lang`, with `langs` marks. */
function localizePage<T extends object>(page: object, lang: string, defaultLang: string): T {
  return mapPage(
    page as Owner,
    () => '',
    (owner, kind) => localizeOwner(owner, kind, lang, defaultLang, () => undefined),
  ) as T;
}

/**
 * A built-in page written in `base` with `translation` (in `lang`) beside it, as per-language
 * texts (`{"en": …, "es": …}`): localized like any definition, it falls back text by text.
 */
function withTranslation<T extends object>(page: T, base: string, translation: PageTranslation | undefined, lang: string): T {
  if (!translation) return page;
  return mapPage(
    page as Owner,
    () => '',
    (owner, kind, _where, item) => {
      const ofItem = translation.items[(item ?? owner)['id'] as string];
      const byKind = {
        page: translation,
        item: ofItem,
        option: ofItem?.options?.[owner['value'] as string],
        row: ofItem?.rows?.[owner['id'] as string],
      } as Partial<Record<Kind, object>>;
      const translated = byKind[kind] as Record<string, unknown> | undefined;
      const out: Owner = { ...owner };
      for (const field of TEXT_FIELDS[kind]) {
        const text = translated?.[field];
        if (typeof owner[field] === 'string' && typeof text === 'string') out[field] = { [base]: owner[field], [lang]: text };
      }
      return out;
    },
  ) as T;
}
