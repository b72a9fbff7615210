/**
 * CORS by allow-list. An allowed origin gets its own origin echoed back (never `*`), with the
 * headers the elements send and read; any other origin gets no CORS headers at all, so the
 * browser refuses to hand it the response. Credentials (cookies) are not used: tokens travel in
 * the Authorization header.
 */
import type { MiddlewareHandler } from 'hono';

export const CORS_ALLOW_METHODS = 'GET, POST, PUT, DELETE, OPTIONS';
export const CORS_ALLOW_HEADERS = 'Content-Type, Idempotency-Key, Authorization';
export const CORS_EXPOSE_HEADERS = 'Retry-After, Idempotent-Replayed';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/**
 * `allowedOrigins` is read on every request, so a caller may fill the array after the app is
 * created (the server does so once it knows the demo page's real port).
 */
export function corsAllowList(allowedOrigins: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const allowed = origin !== undefined && allowedOrigins.some((entry) => sameOrigin(entry, origin));
    const isPreflight = c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method') !== undefined;
    if (isPreflight) {
      const headers = new Headers({ Vary: 'Origin' });
      if (allowed) {
        headers.set('Access-Control-Allow-Origin', origin);
        headers.set('Access-Control-Allow-Methods', CORS_ALLOW_METHODS);
        headers.set('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS);
        headers.set('Access-Control-Max-Age', PREFLIGHT_MAX_AGE_SECONDS);
      }
      return new Response(null, { status: 204, headers });
    }
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (allowed) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', CORS_EXPOSE_HEADERS);
    }
  };
}

function sameOrigin(entry: string, origin: string): boolean {
  return normalizeOrigin(entry) === normalizeOrigin(origin);
}

function normalizeOrigin(value: string): string {
  try {
    return new URL(value.trim()).origin;
  } catch {
    return value.trim().toLowerCase();
  }
}
