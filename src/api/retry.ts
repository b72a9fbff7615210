/**
 * When a failed attempt is tried again: exponential backoff with full jitter, the server's
 * `Retry-After` honoured up to a minute, and a wait that an abort ends at once.
 */

export const DEFAULT_RETRIES = 3;
export const DEFAULT_RETRY_BASE_MS = 400;
const RETRY_CAP_MS = 8_000;
/** A `Retry-After` longer than this is not waited out: the error reaches the element at once. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** The wait before retry number `attempt + 1`: up to `base · 2^attempt` (capped at 8 s), uniformly at random. */
export function backoffDelay(attempt: number, base: number, random: () => number): number {
  return Math.floor(random() * Math.min(RETRY_CAP_MS, base * 2 ** attempt));
}

/** Parses `Retry-After` (delta-seconds or an HTTP date) into milliseconds from now. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Every HTTP-date form starts with a day name; Date.parse alone would take "-5" as a year.
  // HTTP dates are GMT; the obsolete asctime form does not say so.
  const date = /^[a-z]{3}/i.test(trimmed) ? Date.parse(/GMT$/i.test(trimmed) ? trimmed : `${trimmed} GMT`) : NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

export function abortError(): DOMException {
  return new DOMException('The request was aborted.', 'AbortError');
}

export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
