/**
 * Request validation with the contract's own schemas (`src/api/schemas.ts`). Requests are read
 * strictly: besides the schema's checks, a key the schema does not know is rejected, so a typo in
 * a client (`holdID`) fails loudly instead of being silently dropped.
 */
import * as z from 'zod/mini';
import { issuePath } from '../../src/api/issues.js';
import { validationFailed } from '../api-error.js';

// The schemas carry their own messages for what a client types; the English locale words the rest.
z.config(z.locales.en());

export function parseRequest<T extends z.ZodMiniType>(schema: T, input: unknown): z.infer<T> {
  const checked = checkWith(schema, input);
  if (!checked.ok) throw validationFailed(checked.problems);
  return checked.data;
}

/** What `parseRequest` checks, as a value: the data, or its problems by dotted path (`body` for the whole). */
export function checkWith<T extends z.ZodMiniType>(
  schema: T,
  input: unknown,
): { ok: true; data: z.infer<T> } | { ok: false; problems: Record<string, string> } {
  // No prototype: a key such as `__proto__` or `constructor` is then an ordinary field like any other.
  const fields: Record<string, string> = Object.create(null);
  for (const path of unknownKeys(schema, input, [])) fields[path] ??= 'Unknown field';
  const result = schema.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) {
      fields[issuePath(issue.path, 'body')] ??= issue.message;
    }
  }
  if (Object.keys(fields).length > 0 || !result.success) return { ok: false, problems: fields };
  return { ok: true, data: result.data };
}

/** Dotted paths of keys in `input` that no object schema along the way declares. */
function unknownKeys(schema: z.core.$ZodType, input: unknown, path: string[]): string[] {
  const def = unwrap(schema)._zod.def;
  if (def.type === 'array' && Array.isArray(input)) {
    const element = (def as z.core.$ZodArrayDef).element;
    return input.flatMap((item, index) => unknownKeys(element, item, [...path, String(index)]));
  }
  if (def.type !== 'object' || typeof input !== 'object' || input === null || Array.isArray(input)) return [];
  const shape = (def as z.core.$ZodObjectDef).shape;
  const found: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    const child = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (child === undefined) found.push([...path, key].join('.'));
    else found.push(...unknownKeys(child, value, [...path, key]));
  }
  return found;
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  while (current._zod.def.type === 'optional' || current._zod.def.type === 'nullable') {
    current = (current._zod.def as z.core.$ZodOptionalDef).innerType;
  }
  return current;
}
