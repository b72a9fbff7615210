/**
 * What changed between two versions of a form definition, for people: the questions (and pages,
 * and locked blocks — an instrument, the medical screening page) added, removed or changed, and
 * for a change which aspects — its wording, options, whether it is required, when it is shown… The
 * console words it in English and Spanish (the version history, console/studio/form-versions.ts).
 *
 * Works on definitions as stored (JSON, any language map kept), so a version the checks of today
 * would refuse is still compared. Plain data: no zod, no DOM.
 */
import type { LocalText } from '../i18n/local-text.js';

/** What about a question, page or block changed. */
export type ChangedAspect = 'wording' | 'options' | 'required' | 'condition' | 'type' | 'flags' | 'page' | 'settings';

/** A question, a page (its title, intro, condition) or a locked block (an instrument, a ready-made page). */
export type ChangedPart = 'question' | 'page' | 'block';

export type FormChange =
  | { kind: 'added' | 'removed'; part: ChangedPart; id: string; label: LocalText | undefined }
  | { kind: 'changed'; part: ChangedPart; id: string; label: LocalText | undefined; aspects: ChangedAspect[] };

type Json = Record<string, unknown>;

/** Each field of an item or page, and the aspect a change to it is. Fields not named are `settings`. */
const ASPECTS: Record<string, ChangedAspect> = {
  label: 'wording',
  title: 'wording',
  intro: 'wording',
  help: 'wording',
  shortText: 'wording',
  requiredMessage: 'wording',
  patternMessage: 'wording',
  text: 'wording',
  unit: 'wording',
  rows: 'wording',
  options: 'options',
  required: 'required',
  when: 'condition',
  type: 'type',
  safety: 'flags',
  review: 'flags',
};
const ASPECT_ORDER: readonly ChangedAspect[] = ['wording', 'options', 'required', 'condition', 'type', 'flags', 'page', 'settings'];

/** One comparable part of a definition, by a key unique in it. */
interface Part {
  part: ChangedPart;
  id: string;
  label: LocalText | undefined;
  fields: Json;
  /** The page a question is on. */
  page?: string;
}

/** The changes from `before` to `after`: removed parts first, then added and changed ones in `after`'s order. */
export function diffForms(before: Json, after: Json): FormChange[] {
  const old = parts(before);
  const now = parts(after);
  const changes: FormChange[] = [];
  for (const [key, part] of old) if (!now.has(key)) changes.push({ kind: 'removed', part: part.part, id: part.id, label: part.label });
  for (const [key, part] of now) {
    const was = old.get(key);
    if (!was) {
      changes.push({ kind: 'added', part: part.part, id: part.id, label: part.label });
      continue;
    }
    const aspects = changedAspects(was, part);
    if (aspects.length > 0) changes.push({ kind: 'changed', part: part.part, id: part.id, label: part.label, aspects });
  }
  return changes;
}

function changedAspects(was: Part, part: Part): ChangedAspect[] {
  const found = new Set<ChangedAspect>();
  const keys = new Set([...Object.keys(was.fields), ...Object.keys(part.fields)]);
  for (const key of keys) {
    if (key === 'id' || key === 'items') continue;
    const a = key === 'required' ? was.fields[key] !== false : was.fields[key];
    const b = key === 'required' ? part.fields[key] !== false : part.fields[key];
    if (canonical(a) !== canonical(b)) found.add(ASPECTS[key] ?? 'settings');
  }
  if (was.page !== part.page) found.add('page');
  return ASPECT_ORDER.filter((aspect) => found.has(aspect));
}

/** The pages, blocks and questions of `definition`, by key. */
function parts(definition: Json): Map<string, Part> {
  const found = new Map<string, Part>();
  const pages = Array.isArray(definition['pages']) ? (definition['pages'] as unknown[]) : [];
  pages.forEach((value, index) => {
    if (!isObject(value)) return;
    const block = typeof value['instrument'] === 'string' ? value['instrument'] : typeof value['include'] === 'string' ? value['include'] : undefined;
    if (block !== undefined) {
      const id = typeof value['id'] === 'string' ? value['id'] : block;
      found.set(`block:${id}`, { part: 'block', id, label: text(value['title']) ?? block, fields: value });
      return;
    }
    const pageId = typeof value['id'] === 'string' ? value['id'] : `#${index + 1}`;
    found.set(`page:${pageId}`, { part: 'page', id: pageId, label: text(value['title']), fields: value });
    const items = Array.isArray(value['items']) ? (value['items'] as unknown[]) : [];
    for (const item of items) {
      if (!isObject(item) || typeof item['id'] !== 'string') continue;
      found.set(`question:${item['id']}`, { part: 'question', id: item['id'], label: text(item['label']) ?? text(item['text']), fields: item, page: pageId });
    }
  });
  return found;
}

function text(value: unknown): LocalText | undefined {
  if (typeof value === 'string') return value;
  if (isObject(value) && Object.values(value).every((entry) => typeof entry === 'string')) return value as Record<string, string>;
  return undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON with keys sorted: equal values, equal strings. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
