/**
 * Per-client limits on requests, counted in fixed windows in this process's memory: enough to slow
 * a script hammering one server, generous for people. Reads (GET, HEAD) and writes (POST, PUT,
 * DELETE, PATCH) have separate budgets, so a flood of reads cannot use up a client's writes and the
 * larger read budget still stops one client from keeping the server busy. The client is
 * `c.var.client` (see client-address.ts). Answers 429 `rate_limited` with `Retry-After` in whole
 * seconds, before any work is done for the request.
 */
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../api-error.js';
import type { AppEnv } from '../app-env.js';

export interface RateLimitOptions {
  /** Writes allowed per client in one window. */
  writes: number;
  /** Reads allowed per client in one window; default `DEFAULT_READS_PER_WINDOW`. */
  reads?: number;
  windowMs: number;
}

/** Ten times the default write budget: a person paging through weeks of times never comes near it. */
export const DEFAULT_READS_PER_WINDOW = 300;

const WRITE_METHODS = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);
const READ_METHODS = new Set(['GET', 'HEAD']);
const SWEEP_ABOVE_CLIENTS = 10_000;

export function rateLimit(options: RateLimitOptions, now: () => number): MiddlewareHandler<AppEnv> {
  const windows = new Map<string, { startedAt: number; count: number }>();
  const budgets = { read: options.reads ?? DEFAULT_READS_PER_WINDOW, write: options.writes };
  return async (c, next) => {
    const kind = WRITE_METHODS.has(c.req.method) ? 'write' : READ_METHODS.has(c.req.method) ? 'read' : undefined;
    if (!kind) return next();
    const at = now();
    if (windows.size > SWEEP_ABOVE_CLIENTS) {
      for (const [client, window] of windows) if (at - window.startedAt >= options.windowMs) windows.delete(client);
    }
    const bucket = `${kind} ${c.var.client}`;
    let window = windows.get(bucket);
    if (!window || at - window.startedAt >= options.windowMs) {
      window = { startedAt: at, count: 0 };
      windows.set(bucket, window);
    }
    window.count += 1;
    if (window.count > budgets[kind]) {
      const retryAfter = Math.max(1, Math.ceil((window.startedAt + options.windowMs - at) / 1000));
      throw new ApiError(429, 'rate_limited', 'Too many requests in a short time. Please wait a moment and try again.', {
        headers: { 'Retry-After': String(retryAfter) },
      });
    }
    return next();
  };
}
