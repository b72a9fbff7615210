/**
 * The checks of validate.ts's schemas (zod 4's `core/checks.js`): lengths in code points, formats,
 * bounds, `refine` and `trim`. Each pushes the issue zod would, with the same details.
 */
import type { Check, Message } from './validate-types.js';

/** Strings count code points, as zod does, and as zod counts them only when the units leave it in doubt. */
const codePoints = (value: unknown, doubt: (units: number) => boolean): number => {
  const units = (value as unknown[]).length;
  return typeof value === 'string' && doubt(units) ? [...value].length : units;
};
const originOf = (value: unknown): string => (Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : 'unknown');

export function minLength(minimum: number, error?: Message, abort?: boolean): Check {
  return {
    length: true,
    run(payload) {
      if (codePoints(payload.value, (units) => units >= minimum && units < minimum * 2) >= minimum) return;
      payload.issues.push({ origin: originOf(payload.value), code: 'too_small', minimum, inclusive: true, input: payload.value, own: error, continue: !abort });
    },
  };
}

export function maxLength(maximum: number, error?: Message, abort?: boolean): Check {
  return {
    length: true,
    run(payload) {
      if (codePoints(payload.value, (units) => units > maximum) <= maximum) return;
      payload.issues.push({ origin: originOf(payload.value), code: 'too_big', maximum, inclusive: true, input: payload.value, own: error, continue: !abort });
    },
  };
}

/** A regex or a string format (`email`, `datetime`): zod's `invalid_format`. */
export function format(pattern: RegExp, name: string, error?: Message, abort?: boolean): Check {
  return {
    run(payload) {
      pattern.lastIndex = 0;
      if (pattern.test(payload.value as string)) return;
      payload.issues.push({
        origin: 'string',
        code: 'invalid_format',
        format: name,
        input: payload.value,
        pattern: String(pattern),
        own: error,
        continue: !abort,
      });
    },
  };
}

/** `gt`/`gte` (`inclusive`) and `positive`/`nonnegative`. */
export function greaterThan(minimum: number, inclusive: boolean, error?: Message, abort?: boolean): Check {
  return {
    run(payload) {
      const value = payload.value as number;
      if (inclusive ? value >= minimum : value > minimum) return;
      payload.issues.push({ origin: 'number', code: 'too_small', minimum, input: value, inclusive, own: error, continue: !abort });
    },
  };
}

export function lessThan(maximum: number, inclusive: boolean, error?: Message, abort?: boolean): Check {
  return {
    run(payload) {
      const value = payload.value as number;
      if (inclusive ? value <= maximum : value < maximum) return;
      payload.issues.push({ origin: 'number', code: 'too_big', maximum, input: value, inclusive, own: error, continue: !abort });
    },
  };
}

/** `z.refine(fn, error)`: `fn` is the one named function the zod schema calls too. */
export function refine(fn: (value: never) => unknown, error?: Message, abort?: boolean): Check {
  return {
    run(payload) {
      if (!fn(payload.value as never)) payload.issues.push({ code: 'custom', input: payload.value, path: [], own: error, continue: !abort });
    },
  };
}

export const trim: Check = {
  run(payload) {
    payload.value = (payload.value as string).trim();
  },
};
