/**
 * Headers on every API response: nothing cached (answers carry bookings and tokens) unless the
 * route says how its answer is cached itself — only the public files of the elements' build do
 * (routes/elements.ts) — no MIME sniffing, no Referer sent onwards.
 */
import type { MiddlewareHandler } from 'hono';

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  c.res.headers.set('X-Content-Type-Options', 'nosniff');
  c.res.headers.set('Referrer-Policy', 'no-referrer');
};
