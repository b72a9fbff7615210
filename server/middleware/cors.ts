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
 * created (the server does so once it knows the demo page's real port). Every entry must be an
 * http(s) origin such as `https://clinic.example`: one that is not (`localhost:8080`, `file://`)
 * throws here, at start-up, and one added later that is not matches nothing. An opaque origin
 * (`Origin: null`, from a sandboxed frame or a file) is never allowed.
 */
export function corsAllowList(allowedOrigins: readonly string[]): MiddlewareHandler {
  for (const entry of allowedOrigins) {
    if (httpOrigin(entry) === undefined) {
      throw new Error(
        `The allowed origin ${JSON.stringify(entry)} is not an http(s) origin; write it as scheme, host and port, e.g. https://clinic.example or http://localhost:8080.`,
      );
    }
  }
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const normalized = origin === undefined ? undefined : httpOrigin(origin);
    const allowed = normalized !== undefined && allowedOrigins.some((entry) => httpOrigin(entry) === normalized);
    const isPreflight = c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method') !== undefined;
    if (isPreflight) {
      const headers = new Headers({ Vary: 'Origin' });
      if (allowed) {
        headers.set('Access-Control-Allow-Origin', origin!);
        headers.set('Access-Control-Allow-Methods', CORS_ALLOW_METHODS);
        headers.set('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS);
        headers.set('Access-Control-Max-Age', PREFLIGHT_MAX_AGE_SECONDS);
      }
      return new Response(null, { status: 204, headers });
    }
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (allowed) {
      c.res.headers.set('Access-Control-Allow-Origin', origin!);
      c.res.headers.set('Access-Control-Expose-Headers', CORS_EXPOSE_HEADERS);
    }
  };
}

/** The serialized origin of an http(s) URL; `undefined` for anything else, opaque origins included. */
function httpOrigin(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '' || url.origin === 'null') return undefined;
  return url.origin;
}
