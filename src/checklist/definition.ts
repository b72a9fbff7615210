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
import { mustBeGroup, mustBeItemList, mustBeMarkdown, mustBeText } from './messages.js';

/** The longest due offset, either way: one year. */
export const MAX_DUE_OFFSET_MINUTES = 366 * 24 * 60;
export const MAX_CHECKLIST_ITEMS = 100;

/** Item ids travel in URL paths (`PUT bookings/{id}/checklist/{itemId}`): letters, digits, `-`, `_`. */
const ITEM_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

const text = (error: typeof mustBeText, max: number) =>
  localText(z.string({ error }).check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(max, `must be at most ${max} characters`)));

export const ChecklistItemDefinition = z.strictObject(
  {
    /** Unique within the checklist; stays the same when the wording changes (it keys the saved state). */
    id: z
      .string({ error: mustBeText })
      .check(z.regex(ITEM_ID, 'must be 1 to 100 letters, digits, "-" or "_", starting with a letter or digit (like "stop-eating")')),
    /** What to do, in plain text. */
    text: text(mustBeText, 300),
    /** Longer guidance in the markdown subset: bold, italic, lists and https:, tel:, mailto: or relative links. */
    details: z.optional(text(mustBeMarkdown, 4000)),
    /** The heading it is listed under, e.g. "The day before". Groups appear in the order they are first used. */
    group: text(mustBeGroup, 100),
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
    id: z.optional(
      z.string({ error: 'must be text' }).check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(200, 'must be at most 200 characters')),
    ),
    /** The language of the plain strings, and the one a text given per language must include. Default `en`. */
    lang: z.optional(LanguageTag),
    title: z.optional(text(mustBeText, 200)),
    items: z
      .array(ChecklistItemDefinition, { error: mustBeItemList })
      .check(z.minLength(1, 'must list at least one item'), z.maxLength(MAX_CHECKLIST_ITEMS, `must list at most ${MAX_CHECKLIST_ITEMS} items`)),
  },
  { error: 'must be an object with an "items" list' },
);

/** A definition as written (JSON): `required` may be left out. */
export type ChecklistDefinitionInput = z.input<typeof ChecklistDefinition>;
/** A checked definition: `required` is always present. */
export type ChecklistDefinition = Omit<z.output<typeof ChecklistDefinition>, '$schema'>;
export type ChecklistItemDefinition = z.output<typeof ChecklistItemDefinition>;
