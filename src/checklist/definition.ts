/**
 * A preparation checklist as a clinic writes it: items with an id, their text, optional details in
 * the markdown subset, the group they are listed under and, optionally, when each is due relative
 * to the session's start. Marketers write this as JSON, so every mistake is reported as a sentence
 * naming the item and the property (`items[3] ("stop-eating").dueOffsetMinutes: must be a whole
 * number of minutes, like -240 for 4 hours before`), never as a stack trace.
 *
 * ```json
 * {
 *   "id": "ketamine-session",
 *   "title": "Getting ready for your ketamine session",
 *   "items": [
 *     { "id": "stop-eating", "text": "Stop eating", "group": "On the day", "dueOffsetMinutes": -240 },
 *     { "id": "comfortable-clothes", "text": "Wear comfortable clothes", "group": "On the day", "required": false }
 *   ]
 * }
 * ```
 *
 * Any text (`title`, `text`, `details`, `group`) may instead be given per language, like
 * `{"en": "Stop eating", "es": "Deje de comer"}`; plain strings are in the checklist's `lang`
 * (default `en`), which every such text must include. The element shows the page's language, then
 * its base language, then `lang` (`src/i18n/local-text.ts`), marking text in another language.
 */
import * as z from 'zod/mini';
import { LanguageTag, localText } from '../i18n/local-text-schema.js';
import { hasLanguage, variantsOf, type LocalText } from '../i18n/local-text.js';
import { parseMarkdown } from '../text/markdown.js';
import { PER_LANGUAGE_TEXT, entryPlace, unknownProperties, valueAt } from '../text/definition-problems.js';

/** The longest due offset, either way: one year. */
export const MAX_DUE_OFFSET_MINUTES = 366 * 24 * 60;
export const MAX_CHECKLIST_ITEMS = 100;

/** Item ids travel in URL paths (`PUT bookings/{id}/checklist/{itemId}`): letters, digits, `-`, `_`. */
const ITEM_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

const text = (what: string, max: number) =>
  localText(
    z
      .string({ error: (issue) => (issue.input === undefined ? 'is required' : `must be ${what}`) })
      .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max, `must be at most ${max} characters`)),
  );

export const ChecklistItemDefinition = z.strictObject(
  {
    /** Unique within the checklist; stays the same when the wording changes (it keys the saved state). */
    id: z
      .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
      .check(z.regex(ITEM_ID, 'must be 1 to 100 letters, digits, "-" or "_", starting with a letter or digit (like "stop-eating")')),
    /** What to do, in plain text. */
    text: text('text', 300),
    /** Longer guidance in the markdown subset: bold, italic, lists and https:, tel:, mailto: or relative links. */
    details: z.optional(text('text in the markdown subset', 4000)),
    /** The heading it is listed under, e.g. "The day before". Groups appear in the order they are first used. */
    group: text('text, like "The day before"', 100),
    /** Due this many minutes from the session's start: negative before it (-240 = 4 hours before), positive after. */
    dueOffsetMinutes: z.optional(
      z
        .int({ error: 'must be a whole number of minutes, like -240 for 4 hours before the session' })
        .check(
          z.gte(-MAX_DUE_OFFSET_MINUTES, `must be at most ${MAX_DUE_OFFSET_MINUTES} minutes (a year) before the session`),
          z.lte(MAX_DUE_OFFSET_MINUTES, `must be at most ${MAX_DUE_OFFSET_MINUTES} minutes (a year) after the session`),
        ),
    ),
    /** Whether the item counts towards "all required items done". Default `true`. */
    required: z._default(z.boolean({ error: 'must be true or false' }), true),
  },
  { error: 'must be an object with "id", "text" and "group"' },
);

export const ChecklistDefinition = z.strictObject(
  {
    /** Ignored; lets an editor find a JSON Schema. */
    $schema: z.optional(z.string({ error: 'must be text' })),
    /** A note for whoever adapts the checklist; never shown to clients. */
    $comment: z.optional(z.string({ error: 'must be text' })),
    id: z.optional(z.string({ error: 'must be text' }).check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(200, 'must be at most 200 characters'))),
    /** The language of the plain strings, and the one a text given per language must include. Default `en`. */
    lang: z.optional(LanguageTag),
    title: z.optional(text('text', 200)),
    items: z
      .array(ChecklistItemDefinition, {
        error: (issue) => (issue.input === undefined ? 'is required: a list of checklist items' : 'must be a list of checklist items'),
      })
      .check(
        z.minLength(1, 'must list at least one item'),
        z.maxLength(MAX_CHECKLIST_ITEMS, `must list at most ${MAX_CHECKLIST_ITEMS} items`),
      ),
  },
  { error: 'must be an object with an "items" list' },
);

/** A definition as written (JSON): `required` may be left out. */
export type ChecklistDefinitionInput = z.input<typeof ChecklistDefinition>;
/** A checked definition: `required` is always present. */
export type ChecklistDefinition = Omit<z.output<typeof ChecklistDefinition>, '$schema'>;
export type ChecklistItemDefinition = z.output<typeof ChecklistItemDefinition>;

export type ChecklistParseResult = { ok: true; checklist: ChecklistDefinition } | { ok: false; problems: string[] };

/**
 * Checks a checklist definition (parsed JSON). Problems are for the site's developer or the
 * clinic's staff (console, server log), never for the client.
 */
export function parseChecklistDefinition(json: unknown): ChecklistParseResult {
  const parsed = ChecklistDefinition.safeParse(json);
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

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === 'invalid_union') {
    // A text: the string branch for a string (or nothing), the per-language branch for an object.
    const value = valueAt(input, issue.path);
    const branch = issue.errors[value !== null && typeof value === 'object' && !Array.isArray(value) ? 1 : 0] ?? [];
    if (value !== undefined && (value === null || !['string', 'object'].includes(typeof value) || Array.isArray(value))) {
      return `${place(issue.path, input)}: must be text, or ${PER_LANGUAGE_TEXT}`;
    }
    return branch.map((inner) => describeIssue({ ...inner, path: [...issue.path, ...inner.path] }, input)).join('; ');
  }
  const where = place(issue.path, input);
  if (issue.code === 'unrecognized_keys') {
    const known = issue.path.length === 0 ? ROOT_KEYS : ITEM_KEYS;
    return `${where}: ${unknownProperties(issue.keys)} (known: ${known})`;
  }
  return `${where}: ${issue.message}`;
}

const ROOT_KEYS = Object.keys(ChecklistDefinition.def.shape).join(', ');
const ITEM_KEYS = Object.keys(ChecklistItemDefinition.def.shape).join(', ');

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
