/**
 * Conditions (`when`) and what is visible. An item is visible when its page is visible and its
 * condition holds; a condition reads only answers to items that are themselves visible, so hiding
 * an item also hides everything that depends on it, down the chain. Since conditions may only
 * refer to earlier items, one pass in form order settles everything.
 *
 * Operators, by the type of the item read:
 * - `equals` / `notEquals` / `anyOf`: option values (choice, scale row, multi: "includes"),
 *   `"yes"`/`"no"` (yes/no), numbers (number), `YYYY-MM-DD` (date), text (text items, trimmed).
 *   `notEquals` and `anyOf` need an answer: an unanswered item matches neither.
 * - `greaterThan` / `lessThan`: numbers, the chosen option's score (choice, scale row), dates.
 * - `answered`: whether the item has a valid answer (an unparseable number has none).
 */
import type { Condition } from './definition-basics.js';
import type { ResolvedForm, ResolvedPage } from './definition.js';
import { chosenOptions, modelValue, type Answers, type ModelValue } from './answers.js';
import { indexForm, type Field } from './form-index.js';

/** Reads the model value of an answer slot, as conditions see it (`undefined` when hidden). */
export type AnswerReader = (key: string) => { field: Field; value: ModelValue | undefined } | undefined;

export function evaluateCondition(condition: Condition, read: AnswerReader, self?: string): boolean {
  if (condition.all) return condition.all.every((part) => evaluateCondition(part, read, self));
  if (condition.any) return condition.any.some((part) => evaluateCondition(part, read, self));
  const key = condition.item ?? self;
  const target = key === undefined ? undefined : read(key);
  if (!target) return false;
  const { field, value } = target;
  if (condition.answered !== undefined) return condition.answered === (value !== undefined);
  if (value === undefined) return false;
  if (condition.equals !== undefined) return matches(value, condition.equals);
  if (condition.notEquals !== undefined) return !matches(value, condition.notEquals);
  if (condition.anyOf !== undefined) return condition.anyOf.some((expected) => matches(value, expected));
  const ordinal = ordinalOf(field, value);
  if (ordinal === undefined) return false;
  if (condition.greaterThan !== undefined) return compare(ordinal, condition.greaterThan) > 0;
  if (condition.lessThan !== undefined) return compare(ordinal, condition.lessThan) < 0;
  return false;
}

function matches(value: ModelValue, expected: string | number): boolean {
  if (Array.isArray(value)) return value.includes(String(expected));
  if (typeof value === 'boolean') return expected === (value ? 'yes' : 'no');
  if (typeof value === 'number') return value === (typeof expected === 'number' ? expected : Number(expected));
  return value === String(expected);
}

/** What `greaterThan`/`lessThan` compare: a number, an option's score, or a date string. */
function ordinalOf(field: Field, value: ModelValue): number | string | undefined {
  if (typeof value === 'number') return value;
  if (field.item.type === 'date' && typeof value === 'string') return value;
  if (field.item.type === 'choice' || field.item.type === 'scale') {
    return chosenOptions(field.item, value)[0]?.score;
  }
  return undefined;
}

function compare(actual: number | string, limit: number | string): number {
  if (typeof actual === 'number' && typeof limit === 'number') return actual - limit;
  if (typeof actual === 'string' && typeof limit === 'string') return actual < limit ? -1 : actual > limit ? 1 : 0;
  return Number.NaN;
}

export interface Visibility {
  /** Ids of visible pages. */
  pages: Set<string>;
  /** Ids of visible items, including display items, scales and their rows. */
  items: Set<string>;
  /** Reads model values of visible answers. */
  read: AnswerReader;
}

/** Works out what is visible for these answers, in one pass in form order. */
export function visibility(form: ResolvedForm, answers: Answers): Visibility {
  const index = indexForm(form);
  const pages = new Set<string>();
  const items = new Set<string>();
  const values = new Map<string, ModelValue | undefined>();
  const read: AnswerReader = (key) => {
    const field = index.byKey.get(key);
    if (!field || !items.has(key)) return undefined;
    if (!values.has(key)) values.set(key, modelValue(field.item, answers[key]));
    return { field, value: values.get(key) };
  };
  for (const page of form.pages) {
    if (page.when && !evaluateCondition(page.when, read)) continue;
    let any = false;
    for (const item of page.items) {
      if (item.when && !evaluateCondition(item.when, read)) continue;
      any = true;
      items.add(item.id);
      if (item.type === 'scale') for (const row of item.rows) items.add(row.id);
    }
    if (any) pages.add(page.id);
  }
  return { pages, items, read };
}

const readers = new WeakMap<ResolvedForm, ReadonlySet<string>>();

/**
 * The answer slots some page or item condition reads. An answer to any other slot cannot change
 * what is visible, so a change to it needs no new `visibility()`.
 */
export function conditionKeys(form: ResolvedForm): ReadonlySet<string> {
  let keys = readers.get(form);
  if (!keys) {
    const found = new Set<string>();
    const add = (condition: Condition | undefined): void => {
      if (!condition) return;
      if (condition.item !== undefined) found.add(condition.item);
      condition.all?.forEach(add);
      condition.any?.forEach(add);
    };
    for (const page of form.pages) {
      add(page.when);
      for (const item of page.items) add(item.when);
    }
    readers.set(form, (keys = found));
  }
  return keys;
}

/** Ids of the items (and scale rows) visible for these answers. */
export function visibleItems(form: ResolvedForm, answers: Answers): Set<string> {
  return visibility(form, answers).items;
}

/** The pages the client will go through for these answers (a page whose items are all hidden is skipped). */
export function visiblePages(form: ResolvedForm, answers: Answers): ResolvedPage[] {
  const { pages } = visibility(form, answers);
  return form.pages.filter((page) => pages.has(page.id));
}

/**
 * The answers that are submitted: answers to hidden items (directly or down a chain of
 * conditions) and to ids that are not in the form are dropped. View values are kept as they are.
 */
export function pruneHidden(form: ResolvedForm, answers: Answers): Answers {
  const { items } = visibility(form, answers);
  const index = indexForm(form);
  const kept: Record<string, Answers[string]> = {};
  for (const field of index.fields) {
    if (items.has(field.key) && answers[field.key] !== undefined) kept[field.key] = answers[field.key];
  }
  return kept;
}
