/**
 * What the browser checks with instead of zod: the small combinators the generated validators
 * (`src/api/generated/`, written by `npm run generate` from the zod schemas) are built of. Each
 * mirrors the zod/mini 4 rule of the same name — the same accept/reject, the same output (unknown
 * keys of an object dropped, `trim` applied, defaults filled) and the same issues in the same
 * order, each with zod's path and message — so an element words a broken body exactly as it did
 * with zod (`describeIssue`, src/api/issues.ts). test/api/generated-validators.test.ts holds them
 * to zod with a property test. zod stays the one source: nothing here is written by hand per schema.
 *
 * Zod's own details this follows (zod 4, `core/schemas.js` and `core/checks.js`): a schema's checks
 * run after its type check; a failed check stops the later ones unless the issue lets them continue,
 * but length checks run on anything with a `length` unless an issue aborted explicitly; lengths of
 * strings are counted in code points; an array longer than its `maxLength` is not read further; a
 * union takes its first option that passes, else the only one whose issues all continue, else
 * reports `invalid_union` with every option's issues; a message comes from the check, then from the
 * schema that ran it, else `Invalid input` (zod/mini loads no locale).
 */

import { describeIssue } from './issues.js';
import { format } from './validate-checks.js';
import type { Check, Issue, Message, Payload, RawIssue, Schema, Validator } from './validate-types.js';

export type { Check, Issue, Message, RawIssue, SafeParse, Schema, Validator } from './validate-types.js';
export { format, greaterThan, lessThan, maxLength, minLength, refine, trim } from './validate-checks.js';

function aborted(issues: RawIssue[], from = 0, explicit = false): boolean {
  for (let index = from; index < issues.length; index++) {
    if (explicit ? issues[index]!.continue === false : issues[index]!.continue !== true) return true;
  }
  return false;
}

function text(message: Message | undefined, issue: RawIssue): string | undefined {
  return typeof message === 'function' ? message(issue) : message;
}

function finish(issue: RawIssue): Issue {
  const { own, schema, input: _input, continue: _continue, ...rest } = issue;
  return { ...rest, path: issue.path ?? [], message: text(own, issue) ?? (schema === own ? undefined : text(schema, issue)) ?? 'Invalid input' } as Issue;
}

/** A schema from its type check and its checks, run as zod's `$ZodType` runs them. */
function schema<T>(parse: (payload: Payload) => Payload, checks: readonly Check[] = [], error?: Message): Schema<T> {
  return {
    run(payload) {
      parse(payload);
      let stop = aborted(payload.issues);
      for (const check of checks) {
        if (check.length) {
          const value = payload.value as { length?: unknown } | null | undefined;
          if (aborted(payload.issues, 0, true) || value == null || value.length === undefined) continue;
        } else if (stop) continue;
        const before = payload.issues.length;
        check.run(payload);
        if (payload.issues.length === before) continue;
        for (const issue of payload.issues.slice(before)) if (!('schema' in issue)) issue.schema = error;
        stop ||= aborted(payload.issues, before);
      }
      return payload;
    },
  };
}

function typeIssue(payload: Payload, expected: string, error: Message | undefined, extra?: object): Payload {
  payload.issues.push({ expected, code: 'invalid_type', input: payload.value, own: error, schema: error, ...extra });
  return payload;
}

// ---- schemas --------------------------------------------------------------------------------

export const string = (checks?: Check[], error?: Message): Schema<string> =>
  schema((p) => (typeof p.value === 'string' ? p : typeIssue(p, 'string', error)), checks, error);

/** A string format schema (`z.email()`, `z.iso.datetime()`): the format is its first check and speaks with its error. */
export const stringFormat = (pattern: RegExp, name: string, checks: Check[] = [], error?: Message, abort?: boolean): Schema<string> =>
  string([format(pattern, name, error, abort), ...checks], error);

export const number = (checks?: Check[], error?: Message): Schema<number> =>
  schema(
    (p) =>
      typeof p.value === 'number' && Number.isFinite(p.value)
        ? p
        : typeIssue(p, 'number', error, typeof p.value === 'number' ? { received: Number.isNaN(p.value) ? 'NaN' : String(p.value) } : undefined),
    checks,
    error,
  );

/** `z.int()`: a number, then whole and in the safe range (zod's `safeint` format, its first check). */
export const int = (checks: Check[] = [], error?: Message): Schema<number> => {
  const safe: Check = {
    run(payload) {
      const input = payload.value as number;
      if (!Number.isInteger(input)) {
        payload.issues.push({ expected: 'int', format: 'safeint', code: 'invalid_type', continue: false, input, own: error });
      } else if (!Number.isSafeInteger(input)) {
        const big = input > 0;
        payload.issues.push({
          input,
          code: big ? 'too_big' : 'too_small',
          [big ? 'maximum' : 'minimum']: big ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER,
          note: 'Integers must be within the safe integer range.',
          origin: 'int',
          inclusive: true,
          own: error,
          continue: true,
        });
      }
    },
  };
  return number([safe, ...checks], error);
};

export const boolean = (error?: Message): Schema<boolean> => schema((p) => (typeof p.value === 'boolean' ? p : typeIssue(p, 'boolean', error)), [], error);

export const unknown: Schema<unknown> = { run: (p) => p };

/** `z.literal` and `z.enum`: one of `values`. */
export function oneOf<T>(values: readonly T[], error?: Message): Schema<T> {
  const admitted = schema<T>(
    (p) => {
      if (!values.includes(p.value as T)) p.issues.push({ code: 'invalid_value', values, input: p.value, own: error, schema: error });
      return p;
    },
    [],
    error,
  );
  return { ...admitted, values };
}

export function optional<T>(inner: Schema<T>): Schema<T | undefined> {
  return {
    optin: inner.optin === 'defaulted' ? 'defaulted' : 'optional',
    optout: 'optional',
    ...(inner.values ? { values: [...inner.values, undefined] } : {}),
    run: (p) => (p.value === undefined && inner.optin !== 'defaulted' ? p : inner.run(p)),
  };
}

export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return { ...inner, run: (p) => (p.value === null ? p : inner.run(p)) };
}

/** `z._default(inner, value)`: `value` (a JSON value, copied) when absent. */
export function withDefault<T>(inner: Schema<T>, fallback: T): Schema<T> {
  return {
    optin: 'defaulted',
    ...(inner.values ? { values: inner.values } : {}),
    run(p) {
      if (p.value === undefined) {
        p.value = fallback;
        return p;
      }
      inner.run(p);
      if (p.value === undefined) p.value = fallback;
      return p;
    },
  };
}

function prefixed(key: PropertyKey, issues: RawIssue[]): RawIssue[] {
  return issues.length ? issues.map((issue) => ({ ...issue, path: [key, ...(issue.path ?? [])] })) : issues;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What an object, array, record or union holds: written as a function when it refers to a schema declared
 * after it, or to itself (zod's getters), else as it is. Schemas and shapes are never functions.
 */
type Later<T> = T | (() => T);
const later = <T>(value: Later<T>): T => (typeof value === 'function' ? (value as () => T)() : value);

/** `z.object` (`strict`: `z.strictObject`). */
export function object<T>(shape: Later<Record<string, Schema>>, strict = false, checks?: Check[], error?: Message): Schema<T> {
  let fields: [string, Schema][] | undefined;
  return schema<T>(
    (p) => {
      const input = p.value;
      if (!isObject(input)) return typeIssue(p, 'object', error);
      fields ??= Object.entries(later(shape));
      const out: Record<string, unknown> = {};
      p.value = out;
      for (const [key, field] of fields) {
        const result = field.run({ value: input[key], issues: [] });
        const present = key in input;
        if (!present && field.optout === 'optional' && field.optin === 'optional') continue;
        p.issues.push(...prefixed(key, result.issues));
        if (!present && field.optin === undefined) {
          if (!result.issues.length) p.issues.push({ code: 'invalid_type', expected: 'nonoptional', input: undefined, path: [key] });
          continue;
        }
        if (result.value !== undefined) out[key] = result.value;
        else if (present || (field.optin === 'defaulted' && field.optout !== 'optional')) out[key] = undefined;
      }
      if (strict) {
        const known = new Set(fields.map(([key]) => key));
        const keys: string[] = [];
        for (const key in input) if (!known.has(key)) keys.push(key);
        if (keys.length) p.issues.push({ code: 'unrecognized_keys', keys, input, own: error, schema: error, continue: true });
      }
      return p;
    },
    checks,
    error,
  );
}

/**
 * `z.array`. `cap`: the first `maxLength` among its leading length checks, with its error — an
 * array longer than that is refused unread, as zod does.
 */
export function array<T>(element: Later<Schema<T>>, checks?: Check[], error?: Message, cap?: [number, Message?]): Schema<T[]> {
  return schema<T[]>(
    (p) => {
      const input = p.value;
      if (!Array.isArray(input)) return typeIssue(p, 'array', error);
      if (cap && input.length > cap[0]) {
        p.issues.push({ origin: 'array', code: 'too_big', maximum: cap[0], inclusive: true, input, own: cap[1], schema: error, continue: false });
        return p;
      }
      const item = later(element);
      p.value = input.map((value, index) => {
        const result = item.run({ value, issues: [] });
        p.issues.push(...prefixed(index, result.issues));
        return result.value;
      });
      return p;
    },
    checks,
    error,
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || proto === Object.prototype;
}

/** `z.record(key, value)` with a string key schema. */
export function record<T>(key: Schema, value: Later<Schema<T>>, checks?: Check[], error?: Message): Schema<Record<string, T>> {
  return schema(
    (p) => {
      const input = p.value;
      if (!isPlainObject(input)) return typeIssue(p, 'record', error);
      const out: Record<string, T> = {};
      p.value = out;
      const item = later(value);
      for (const name of Object.keys(input)) {
        if (name === '__proto__') continue;
        const checked = key.run({ value: name, issues: [] });
        if (checked.issues.length) {
          p.issues.push({ code: 'invalid_key', origin: 'record', issues: checked.issues.map(finish), input: name, path: [name], own: error, schema: error });
          continue;
        }
        const result = item.run({ value: input[name], issues: [] });
        p.issues.push(...prefixed(name, result.issues));
        out[checked.value as string] = result.value as T;
      }
      return p;
    },
    checks,
    error,
  );
}

/** `z.union`: the first option that passes, else the only one not aborted, else `invalid_union`. */
export function union<T>(options: Later<Schema[]>, error?: Message): Schema<T> {
  return schema<T>(
    (p) => {
      const results: Payload[] = [];
      for (const option of later(options)) {
        const result = option.run({ value: p.value, issues: [] });
        if (!result.issues.length) {
          p.value = result.value;
          return p;
        }
        results.push(result);
      }
      const open = results.filter((result) => !aborted(result.issues));
      if (open.length === 1) {
        p.value = open[0]!.value;
        p.issues.push(...open[0]!.issues);
        return p;
      }
      p.issues.push({ code: 'invalid_union', input: p.value, errors: results.map((result) => result.issues.map(finish)), own: error, schema: error });
      return p;
    },
    [],
    error,
  );
}

/** `z.discriminatedUnion(key, options)`: the option whose `key` literal matches. */
export function discriminated<T>(key: string, options: () => Schema[], shapes: () => Record<string, Schema>[], error?: Message): Schema<T> {
  let byValue: Map<unknown, Schema> | undefined;
  return schema<T>(
    (p) => {
      const input = p.value;
      if (!isObject(input)) return typeIssue(p, 'object', error);
      if (!byValue) {
        const all = options();
        byValue = new Map(shapes().flatMap((shape, index) => (shape[key]?.values ?? []).map((value) => [value, all[index]!] as const)));
      }
      const option = byValue.get(input[key]);
      if (option) return option.run(p);
      p.issues.push({
        code: 'invalid_union',
        errors: [],
        note: 'No matching discriminator',
        discriminator: key,
        options: [...byValue.keys()],
        input,
        path: [key],
        own: error,
        schema: error,
      });
      return p;
    },
    [],
    error,
  );
}

/**
 * A generated validator: zod's `safeParse`, with zod's issues. `T` is the zod schema's output type,
 * which the generated code names (the property test holds the output to zod's).
 */
export function validator<T>(root: Schema<unknown>): Validator<T> {
  return {
    safeParse(value) {
      const result = root.run({ value, issues: [] });
      return result.issues.length ? { success: false, error: { issues: result.issues.map(finish) } } : { success: true, data: result.value as T };
    },
    parse(value) {
      const result = this.safeParse(value);
      if (!result.success) throw new TypeError(describeIssue(result.error.issues[0]));
      return result.data;
    },
  };
}
