/**
 * One line per request: time, method, route pattern, status, duration. Never the query string,
 * headers or body, so no client data (names, emails, phones, reasons, tokens) reaches a log.
 */
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';

export type Logger = (line: string) => void;

export function requestLog(logger: Logger, now: () => number): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const elapsed = Math.round(performance.now() - started);
    logger(`${new Date(now()).toISOString()} ${c.req.method} ${routePattern(c)} ${c.res.status} ${elapsed}ms`);
  };
}

/** The pattern of the route that answered (`/bookings/:id`), or `-` when none matched. */
function routePattern(c: Parameters<MiddlewareHandler>[0]): string {
  const routes = matchedRoutes(c).filter((route) => route.method !== 'ALL' && !route.path.includes('*'));
  return routes.at(-1)?.path ?? '-';
}
