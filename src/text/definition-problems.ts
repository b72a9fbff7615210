/**
 * How a problem in a definition a clinic wrote (an intake form, a preparation checklist) is worded
 * for the website team, in one place: where it is (`items[3] ("stop-eating")` — a list entry by
 * its index and its own id), the phrases both definitions share (an unknown property, a text per
 * language), and the message an element shows in place of a definition it cannot use. The forms'
 * (`src/forms/definition-problems.ts`) and the checklist's (`src/checklist/definition.ts`) wordings
 * of zod issues are built from these.
 */

/** What a per-language text looks like, as the messages show it. */
export const PER_LANGUAGE_TEXT = 'a text per language like {"en": "…", "es": "…"}';

/** The value at `path` inside `input`, or `undefined` when the path leads nowhere. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * A list entry's place: `[3]`, with the entry's own name when it has one, `[3] ("stop-eating")`.
 * The name is the first of `names` (default `id`) that the entry holds as a non-empty string.
 */
export function entryPlace(index: number, entry: unknown, names: readonly string[] = ['id']): string {
  const record = entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>) : {};
  const name = names.map((key) => record[key]).find((value) => typeof value === 'string' && value !== '');
  return `[${index}]${name === undefined ? '' : ` (${JSON.stringify(name)})`}`;
}

/** `unknown property "x"`, `unknown properties "x", "y"`. */
export function unknownProperties(keys: readonly string[]): string {
  return `unknown ${keys.length === 1 ? 'property' : 'properties'} ${keys.map((key) => `"${key}"`).join(', ')}`;
}

/** A definition an element cannot use: the configuration problem it shows, each problem once. */
export function invalidDefinition(what: 'form' | 'checklist', problems: readonly string[]): { code: string; detail: string } {
  const list = [...new Set(problems)];
  return { code: `invalid_${what}`, detail: `the ${what} definition is not valid: ${list.join('; ')}` };
}
