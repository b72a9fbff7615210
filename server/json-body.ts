/**
 * Reads the body of a POST or PUT once, as JSON. A non-empty body must say it is JSON (which also
 * forces browsers to send a CORS preflight before any write) and must parse; the result is
 * available to later middleware and handlers as `c.var.body`.
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.js';
import type { AppEnv } from './app-env.js';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export const readJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('body', undefined);
  if (BODY_METHODS.has(c.req.method)) {
    const text = await c.req.text();
    if (text.length > 0) {
      if (!isJsonContentType(c.req.header('Content-Type'))) {
        throw new ApiError(415, 'validation_failed', 'Send the request body as JSON, with Content-Type: application/json.');
      }
      try {
        c.set('body', JSON.parse(text));
      } catch {
        throw new ApiError(400, 'validation_failed', 'The request body is not valid JSON.');
      }
    }
  }
  await next();
};

function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const mediaType = value.split(';')[0]!.trim().toLowerCase();
  return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}
