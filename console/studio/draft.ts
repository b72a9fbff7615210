/**
 * The form studio's model of a draft: a form definition (src/forms/definition.ts) as plain JSON,
 * changed only through these functions, each of which answers a new draft (the old one is kept
 * for Undo). Texts are read and written per language: a text is a plain string in the
 * definition's `lang`, or `{ en, es }` once it has a second language.
 */
import { ITEM_TYPES, type ItemType } from '../../src/forms/definition-items.js';

export type Text = string | Record<string, string>;
export type Json = Record<string, unknown>;

export interface DraftOption extends Json {
  value: string;
  label?: Text;
  score?: number;
}

export interface DraftItem extends Json {
  type: ItemType;
  id: string;
  options?: DraftOption[];
  rows?: (Json & { id: string; label?: Text })[];
}

export interface DraftPage extends Json {
  id?: string;
  title?: Text;
  items?: DraftItem[];
  instrument?: string;
  include?: string;
  when?: Json;
}

export interface Draft extends Json {
  id?: string;
  lang?: string;
  title?: Text;
  pages: DraftPage[];
}

export { ITEM_TYPES };
export const BLOCKS = ['phq-9', 'gad-7', 'pcl-5', 'kap-medical-screening'] as const;
export type Block = (typeof BLOCKS)[number];

/** The language of the definition's plain strings. */
export const baseLang = (draft: Draft): string => draft.lang ?? 'en';

/** A text as written in `lang` ('' when it has none there). */
export function textIn(text: unknown, lang: string, base: string): string {
  if (typeof text === 'string') return lang === base ? text : '';
  if (text && typeof text === 'object') return (text as Record<string, string>)[lang] ?? '';
  return '';
}

/** `text` with its `lang` version replaced by `value` (removed when empty); a plain string while it has only the base language. */
export function withText(text: unknown, lang: string, base: string, value: string): Text | undefined {
  const entries: Record<string, string> = typeof text === 'string' ? { [base]: text } : { ...((text as Record<string, string> | undefined) ?? {}) };
  if (value) entries[lang] = value;
  else delete entries[lang];
  const langs = Object.keys(entries);
  if (langs.length === 0) return undefined;
  return langs.length === 1 && langs[0] === base ? entries[base] : entries;
}

/** Sets `key` of `target` to `value`, or removes it when `value` is `undefined` or `''`. */
export function assign(target: Json, key: string, value: unknown): void {
  if (value === undefined || value === '') delete target[key];
  else target[key] = value;
}

/** A copy to change: every edit works on one and answers it. */
export const copy = <T>(value: T): T => structuredClone(value);

/** Every id the draft uses: pages, items, scale rows, and the rows of its instruments and screening. */
export function usedIds(draft: Draft): Set<string> {
  const ids = new Set<string>();
  for (const page of draft.pages) {
    if (page.id) ids.add(page.id);
    if (page.instrument) ids.add(page.instrument);
    for (const item of page.items ?? []) {
      ids.add(item.id);
      for (const row of item.rows ?? []) ids.add(row.id);
    }
  }
  return ids;
}

/** `q1`, `q2`…: the first with `prefix` the draft does not use yet. */
export function nextId(draft: Draft, prefix: string, taken: Set<string> = usedIds(draft)): string {
  let n = 1;
  while (taken.has(`${prefix}${n}`)) n++;
  taken.add(`${prefix}${n}`);
  return `${prefix}${n}`;
}

function option(n: number, score?: number): DraftOption {
  return { value: `option-${n}`, ...(score !== undefined ? { score } : {}) };
}

/** A new question of `type`, its wording still to write. */
export function newItem(draft: Draft, type: ItemType): DraftItem {
  const id = nextId(draft, 'q');
  switch (type) {
    case 'choice':
    case 'multi':
      return { type, id, options: [option(1), option(2)] };
    case 'scale':
      return { type, id, options: [option(1, 0), option(2, 1), option(3, 2), option(4, 3)], rows: [{ id: `${id}-row1` }] };
    default:
      return { type, id };
  }
}

/** A draft with nothing but an empty first page. */
export function blankDraft(): Draft {
  return { lang: 'en', pages: [{ id: 'page1', items: [] }] };
}

/** Moves entry `from` of `list` to position `to`. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (to < 0 || to >= next.length || from === to) return next;
  const [entry] = next.splice(from, 1);
  next.splice(to, 0, entry!);
  return next;
}

/** A question's place: its page and its position on it. */
export interface Place {
  page: number;
  item: number;
}

/** Where Move up / Move down takes a question: within its page, else to the end or start of the nearest page of questions. */
export function moveTarget(draft: Draft, from: Place, step: -1 | 1): Place | undefined {
  const { pages } = draft;
  const within = from.item + step;
  if (within >= 0 && within < pages[from.page]!.items!.length) return { page: from.page, item: within };
  for (let page = from.page + step; page >= 0 && page < pages.length; page += step) {
    if (!isBlock(pages[page]!)) return { page, item: step === -1 ? (pages[page]!.items?.length ?? 0) : 0 };
  }
  return undefined;
}

/** Moves the question at `from` to `to` (on its own page, to where `to` was). */
export function moveItem(draft: Draft, from: Place, to: Place): void {
  const source = draft.pages[from.page]!.items!;
  if (from.page === to.page) {
    draft.pages[from.page]!.items = moved(source, from.item, Math.min(to.item, source.length - 1));
    return;
  }
  const [item] = source.splice(from.item, 1);
  (draft.pages[to.page]!.items ??= []).splice(to.item, 0, item!);
}

/** The value for a new option of `item`, unique among its options. */
export function nextOptionValue(item: DraftItem): string {
  const values = new Set((item.options ?? []).map((entry) => entry.value));
  let n = (item.options?.length ?? 0) + 1;
  while (values.has(`option-${n}`)) n++;
  return `option-${n}`;
}

/** Whether a page is a locked block (a validated instrument or the medical screening page). */
export const isBlock = (page: DraftPage): boolean => Boolean(page.instrument || page.include);

/** A page for a block: the instrument or the screening page exactly as published. */
export function blockPage(block: Block): DraftPage {
  return block === 'kap-medical-screening' ? { include: block } : { instrument: block };
}

/** The draft of a form as served, for editing: its `version` left for the server to number. */
export function editable(definition: Json, id: string): Draft {
  const { version: _version, $schema: _schema, ...rest } = copy(definition);
  return { ...rest, id, pages: Array.isArray(rest['pages']) ? (rest['pages'] as DraftPage[]) : [] } as Draft;
}

/** Whether a draft says the same as a published definition (its id, version and `$schema` aside, key order aside). */
export function sameDefinition(a: Json, b: Json): boolean {
  const canonical = (value: unknown): string => {
    if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
    if (value && typeof value === 'object') {
      const entries = Object.entries(value as Json).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
      return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonical(entry)}`).join(',')}}`;
    }
    return JSON.stringify(value);
  };
  const bare = ({ id: _id, version: _version, $schema: _schema, ...rest }: Json) => canonical(rest);
  return bare(a) === bare(b);
}
