/**
 * A per-client limit on writes (POST, PUT, DELETE, PATCH), counted in fixed windows in this
 * process's memory: enough to slow a script hammering one server, generous for people. Answers
 * 429 `rate_limited` with `Retry-After` in whole seconds.
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.js';
import type { AppEnv } from './app-env.js';

export interface RateLimitOptions {
  /** Writes allowed per client in one window. */
  writes: number;
  windowMs: number;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);
const SWEEP_ABOVE_CLIENTS = 10_000;

export function writeRateLimit(options: RateLimitOptions, now: () => number): MiddlewareHandler<AppEnv> {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return async (c, next) => {
    if (!WRITE_METHODS.has(c.req.method)) return next();
    const at = now();
    if (windows.size > SWEEP_ABOVE_CLIENTS) {
      for (const [client, window] of windows) if (at - window.startedAt >= options.windowMs) windows.delete(client);
    }
    const client = clientAddress(c.env);
    let window = windows.get(client);
    if (!window || at - window.startedAt >= options.windowMs) {
      window = { startedAt: at, count: 0 };
      windows.set(client, window);
    }
    window.count += 1;
    if (window.count > options.writes) {
      const retryAfter = Math.max(1, Math.ceil((window.startedAt + options.windowMs - at) / 1000));
      throw new ApiError(429, 'rate_limited', 'Too many requests in a short time. Please wait a moment and try again.', {
        headers: { 'Retry-After': String(retryAfter) },
      });
    }
    return next();
  };
}

/**
 * The socket's peer address. Forwarded-for headers are not trusted: anyone can send them. When
 * the app is called without a node socket (mounted inside another server), all callers share one
 * bucket.
 */
function clientAddress(env: AppEnv['Bindings']): string {
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}
