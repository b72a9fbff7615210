/**
 * Reads the body of a POST or PUT once, as JSON. A non-empty body must say it is JSON (which also
 * forces browsers to send a CORS preflight before any write) and must parse; the result is
 * available to later middleware and handlers as `c.var.body`.
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../api-error.js';
import type { AppEnv } from '../app-env.js';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * No request of the contract comes near this; a deeper body (a few KB of `[[[[…]]]]`) would only
 * exhaust the stack of the recursive code that reads it later (validation, idempotency fingerprints).
 */
export const MAX_NESTING_DEPTH = 64;

/**
 * How many arrays and objects deep `value` goes (a scalar is 0), computed without recursion so a
 * hostile body cannot overflow the stack here either. Stops counting past the limit.
 */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > MAX_NESTING_DEPTH) return deepest;
    for (const child of Object.values(current)) pending.push([child, level]);
  }
  return deepest;
}

export const readJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('body', undefined);
  if (BODY_METHODS.has(c.req.method)) {
    const text = await c.req.text();
    if (text.length > 0) {
      if (!isJsonContentType(c.req.header('Content-Type'))) {
        throw new ApiError(415, 'validation_failed', 'Send the request body as JSON, with Content-Type: application/json.');
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new ApiError(400, 'validation_failed', 'The request body is not valid JSON.');
      }
      if (nestingDepth(body) > MAX_NESTING_DEPTH) {
        throw new ApiError(400, 'validation_failed', `The request body is nested more than ${MAX_NESTING_DEPTH} levels deep.`);
      }
      c.set('body', body);
    }
  }
  await next();
};

function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const mediaType = value.split(';')[0]!.trim().toLowerCase();
  return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}
