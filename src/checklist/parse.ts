/**
 * `parseChecklistDefinition()`: checks a checklist definition (`definition.ts`) and words every
 * problem as a sentence naming the item and the property. It checks with the validators generated
 * from the zod schemas (`generated/definition.ts`), so the checklist element carries no zod; the
 * server runs the same function.
 */
import type { Issue } from '../api/validate.js';
import { hasLanguage, variantsOf, type LocalText } from '../i18n/local-text.js';
import { PER_LANGUAGE_TEXT, entryPlace, unknownProperties, valueAt } from '../text/definition-problems.js';
import { parseMarkdown } from '../text/markdown.js';
import type { ChecklistDefinition, ChecklistItemDefinition } from './definition.js';
import { ChecklistDefinition as ChecklistDefinitionSchema, ChecklistItemDefinition as ChecklistItemDefinitionSchema } from './generated/definition.js';

export type ChecklistParseResult = { ok: true; checklist: ChecklistDefinition } | { ok: false; problems: string[] };

/**
 * Checks a checklist definition (parsed JSON). Problems are for the site's developer or the
 * clinic's staff (console, server log), never for the client.
 */
export function parseChecklistDefinition(json: unknown): ChecklistParseResult {
  const parsed = ChecklistDefinitionSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, problems: [...new Set(parsed.error.issues.map((issue) => describeIssue(issue, json)))] };
  }
  const { $schema: _ignored, ...checklist } = parsed.data;
  const lang = checklist.lang ?? 'en';
  const problems = [...checkLanguage('title', checklist.title, lang), ...checkItems(checklist.items, lang)];
  return problems.length ? { ok: false, problems } : { ok: true, checklist };
}

function checkLanguage(where: string, value: LocalText | undefined, lang: string): string[] {
  if (value === undefined || hasLanguage(value, lang)) return [];
  return [`${where}: has no "${lang}" text; a text given per language must include the checklist's own language ("lang": "${lang}")`];
}

function checkItems(items: readonly ChecklistItemDefinition[], lang: string): string[] {
  const problems: string[] = [];
  const firstIndex = new Map<string, number>();
  items.forEach((item, index) => {
    const where = `items[${index}] ("${item.id}")`;
    const earlier = firstIndex.get(item.id);
    if (earlier === undefined) firstIndex.set(item.id, index);
    else problems.push(`${where}: id "${item.id}" is already used by items[${earlier}]; each item needs its own id`);
    for (const field of ['text', 'details', 'group'] as const) problems.push(...checkLanguage(`${where}.${field}`, item[field], lang));
    const details = item.details ?? '';
    for (const [variant, markdown] of variantsOf(details, lang)) {
      // The links the element would refuse to show, as the markdown subset reads and allows them.
      const refused: string[] = [];
      parseMarkdown(markdown, { onRejectedLink: (href) => refused.push(href) });
      for (const href of refused) {
        const tag = typeof details === 'string' ? '' : ` (${variant})`;
        problems.push(
          `${where}.details${tag}: the link to "${href}" is not allowed; links may go to https:, tel: or mailto: addresses or to a page on this site`,
        );
      }
    }
  });
  return problems;
}

function describeIssue(issue: Issue, input: unknown): string {
  if (issue.code === 'invalid_union') {
    // A text: the string branch for a string (or nothing), the per-language branch for an object.
    const value = valueAt(input, issue.path);
    const branch = issue.errors?.[value !== null && typeof value === 'object' && !Array.isArray(value) ? 1 : 0] ?? [];
    if (value !== undefined && (value === null || !['string', 'object'].includes(typeof value) || Array.isArray(value))) {
      return `${place(issue.path, input)}: must be text, or ${PER_LANGUAGE_TEXT}`;
    }
    return branch.map((inner) => describeIssue({ ...inner, path: [...issue.path, ...inner.path] }, input)).join('; ');
  }
  const where = place(issue.path, input);
  if (issue.code === 'unrecognized_keys') {
    const known = issue.path.length === 0 ? ROOT_KEYS : ITEM_KEYS;
    return `${where}: ${unknownProperties(issue.keys ?? [])} (known: ${known})`;
  }
  return `${where}: ${issue.message}`;
}

const ROOT_KEYS = ChecklistDefinitionSchema.keys.join(', ');
const ITEM_KEYS = ChecklistItemDefinitionSchema.keys.join(', ');

/** `items[3] ("stop-eating").text`, or `checklist` for the whole definition. */
function place(path: readonly PropertyKey[], input: unknown): string {
  if (path.length === 0) return 'checklist';
  let out = '';
  let node: unknown = input;
  for (const key of path) {
    if (typeof key === 'number') {
      node = Array.isArray(node) ? node[key] : undefined;
      out += entryPlace(key, node);
    } else {
      node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
      out += `${out ? '.' : ''}${String(key)}`;
    }
  }
  return out;
}
