/**
 * Turns zod issues into messages a clinic's web developer can act on, naming the page, the item
 * (with its id) and the property: `pages[2].items[4] ("pregnant"): "label" is required`.
 * zod/mini ships no English messages, so they are written here, and union errors are narrowed to
 * the branch the author evidently meant.
 */
import type { core } from 'zod/mini';
import { PER_LANGUAGE_TEXT, entryPlace, unknownProperties, valueAt } from '../text/definition-problems.js';

type Issue = core.$ZodIssue;
type Path = readonly PropertyKey[];

export function describeIssues(issues: readonly Issue[], input: unknown): string[] {
  return [...new Set(issues.flatMap((issue) => describe(issue, issue.path, input)))];
}

function describe(issue: Issue, path: Path, input: unknown): string[] {
  if (issue.code === 'invalid_union') {
    if ('note' in issue && issue.note === 'No matching discriminator') {
      const { discriminator, options } = issue as { discriminator?: string; options?: unknown[] };
      const key = discriminator ?? 'type';
      const keyPath = path[path.length - 1] === key ? path : [...path, key];
      const given = valueAt(input, keyPath);
      const list = (options ?? []).map((option) => JSON.stringify(option)).join(', ');
      const problem = given === undefined ? `"${key}" is required (one of ${list})` : `"${key}" must be one of ${list}, not ${JSON.stringify(given)}`;
      return [line(input, keyPath, problem, true)];
    }
    // A plain type union (string or number): say so in one message.
    const types = issue.errors.map((issues) => {
      const only = issues.length === 1 ? issues[0]! : undefined;
      return only?.code === 'invalid_type' && !only.path.length ? only.expected : '';
    });
    const given = valueAt(input, path);
    if (types.join() === 'string,record' && given !== undefined) {
      return [line(input, path, `${nameOf(path)} must be a string, or ${PER_LANGUAGE_TEXT}, not ${kind(given)}`, true)];
    }
    if (types.length && types.every(Boolean) && given !== undefined) {
      const expected = types.map((type, i) => (i ? type : article(type))).join(' or ');
      return [line(input, path, `${nameOf(path)} must be ${expected}, not ${kind(given)}`, true)];
    }
    const branch = pickBranch(issue.errors, valueAt(input, path));
    if (branch) return branch.flatMap((inner) => describe(inner, [...path, ...inner.path], input));
    return [line(input, path, 'is not valid', false)];
  }
  return [line(input, path, message(issue, path, input), issue.code !== 'unrecognized_keys')];
}

/**
 * The union branch the author meant: the only one that accepts all the object's keys, else the
 * one that knows its `instrument`/`include` key, else the one with the fewest unknown keys whose
 * issues go deepest (it matched the most before failing).
 */
function pickBranch(branches: readonly (readonly Issue[])[], value: unknown): readonly Issue[] | undefined {
  const unknownKeys = (issues: readonly Issue[]) =>
    issues.flatMap((issue) => (issue.code === 'unrecognized_keys' && issue.path.length === 0 ? issue.keys : []));
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const fitting = branches.filter((issues) => unknownKeys(issues).length === 0);
    if (fitting.length === 1) return fitting[0];
    const named = ['instrument', 'include'].find((key) => key in value);
    const knowing = named ? branches.filter((issues) => !unknownKeys(issues).includes(named)) : [];
    if (knowing.length === 1) return knowing[0];
  }
  return [...branches].sort((a, b) => unknownKeys(a).length - unknownKeys(b).length || depth(b) - depth(a))[0];
}

const depth = (issues: readonly Issue[]) => Math.max(0, ...issues.map((issue) => issue.path.length));

function message(issue: Issue, path: Path, input: unknown): string {
  const name = nameOf(path);
  switch (issue.code) {
    case 'invalid_type': {
      const received = valueAt(input, path);
      if (received === undefined) return `${name} is required`;
      return `${name} must be ${article(issue.expected)}, not ${kind(received)}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `${name} must have at least ${issue.minimum} ${issue.minimum === 1 ? 'entry' : 'entries'}`;
      if (issue.origin === 'string') return `${name} must not be empty`;
      return `${name} must be at least ${issue.minimum}${issue.inclusive === false ? ' (exclusive)' : ''}`;
    case 'too_big':
      if (issue.origin === 'array') return `${name} has too many entries (at most ${issue.maximum})`;
      if (issue.origin === 'string') return `${name} is too long (at most ${issue.maximum} characters)`;
      return `${name} must be at most ${issue.maximum}`;
    case 'invalid_value':
      return `${name} must be ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return `${name} ${issue.message && issue.message !== 'Invalid input' ? issue.message : `is not a valid ${issue.format}`}`;
    case 'unrecognized_keys':
      return unknownProperties(issue.keys);
    case 'invalid_key': {
      const reason = issue.issues.find((inner) => inner.message && inner.message !== 'Invalid input')?.message;
      return `key ${name} ${reason ?? 'is not valid'}`;
    }
    case 'invalid_element':
      return `${name} has a value that is not valid`;
    case 'not_multiple_of':
      return `${name} must be a multiple of ${issue.divisor}`;
    default:
      return `${name} ${issue.message && issue.message !== 'Invalid input' ? issue.message : 'is not valid'}`;
  }
}

/** The property a message is about: `"label"`, or `"anyOf[1]"` for a list entry. */
function nameOf(path: Path): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the definition';
  if (typeof last === 'number') return `"${String(path[path.length - 2] ?? '')}[${last}]"`;
  return `"${String(last)}"`;
}

const article = (type: string) => (type === 'int' ? 'a whole number' : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number' && !Number.isInteger(value)) return `the number ${value}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * `pages[2].items[4] ("pregnant")` for the nearest page, item, row or option in the path, then
 * the property path below that place, then the problem. When `named`, the problem itself names
 * the last property (`"label" is required`).
 */
function line(input: unknown, path: Path, problem: string, named: boolean): string {
  const segments: string[] = [];
  let labelledPage: number | undefined;
  let cut = 0;
  let node = input;
  path.forEach((key, i) => {
    node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key !== 'number') return void segments.push(`${segments.length ? '.' : ''}${String(key)}`);
    let segment = `[${key}]`;
    if (node && typeof node === 'object') {
      segment = entryPlace(key, node, ['id', 'value', 'instrument', 'include']);
      if (segment !== `[${key}]` && i === 1 && path[0] === 'pages') labelledPage = segments.length;
      cut = i + 1;
    }
    segments.push(segment);
  });
  // The page's own label only when the problem is about the page, not one of its items.
  if (labelledPage !== undefined && cut > 2) segments[labelledPage] = segments[labelledPage]!.replace(/ \(.*\)$/, '');
  const place = segments.slice(0, cut).join('');
  const drop = named ? (typeof path[path.length - 1] === 'number' ? 2 : 1) : 0;
  const rest = segments
    .slice(cut, Math.max(cut, path.length - drop))
    .join('')
    .replace(/^\./, '');
  if (!place) return `${rest || 'definition'}: ${problem}`;
  return `${place}: ${rest ? `${rest}: ` : ''}${problem}`;
}
