/**
 * One request, carried out carefully: confined to a path under the `api` base, a timeout per
 * attempt and a deadline for the whole request, retries of what is safe to retry (GET/PUT/DELETE,
 * and POSTs because they always carry the caller's `Idempotency-Key`), progress told to the caller
 * (`onProgress`: slow, retrying in N ms) so nobody waits in silence, every 2xx body validated with
 * the contract's schema, and every failure turned into exactly one `KapApiError` — except a
 * caller's abort, which stays an `AbortError` so cancelled work is never shown as a failure.
 */
import { configurationError } from './api-base.js';
import { KapApiError, type KapErrorKind } from './errors.js';
import { describeIssue } from './issues.js';
import { abortError, backoffDelay, defaultSleep, DEFAULT_RETRIES, DEFAULT_RETRY_BASE_MS, MAX_RETRY_AFTER_MS, parseRetryAfter } from './retry.js';
import { ErrorBody as ErrorBodySchema } from './generated/contract.js';

export interface TransportOptions {
  /** Defaults to `globalThis.fetch`, read at call time so tests can stub it. */
  fetch?: typeof fetch;
  /** Per attempt; default 15 000. */
  timeoutMs?: number;
  /**
   * The most one request may take, every attempt and wait between them included; default 30 000
   * (or `timeoutMs`, if longer). A retry that could not start before it is not made: the last
   * failure is reported at once, so a client never waits minutes for an answer.
   */
  deadlineMs?: number;
  /** When an attempt without an answer counts as slow (`onProgress`); default 3 000, or half `timeoutMs` if less. */
  slowAfterMs?: number;
  /** Extra attempts for retryable failures; default 3. */
  retries?: number;
  /** Backoff base; default 400. Delays grow 2× per retry up to 8 000, with full jitter. */
  retryBaseMs?: number;
  /** Jitter source, default `Math.random`. */
  random?: () => number;
  /** Waits between attempts; must reject (or return) promptly when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Clock for `Retry-After` HTTP dates; default `Date.now`. */
  now?: () => number;
}

/**
 * What a request is doing, for a client who would otherwise wait in silence: an attempt starts
 * (1 is the first), the current one has had no answer for a while (`slow`), one failed and the
 * next starts after `delayMs` (`retry`, with the failure), and the request is over (`settled`).
 */
export type RequestProgress =
  | { kind: 'attempt'; attempt: number }
  | { kind: 'slow'; attempt: number }
  | { kind: 'retry'; attempt: number; delayMs: number; error: KapApiError }
  | { kind: 'settled' };

export interface RequestOptions {
  signal?: AbortSignal;
  /** Told what the request is doing while it runs (see `RequestProgress`); never throws into the request. */
  onProgress?: (progress: RequestProgress) => void;
}

export interface WriteOptions extends RequestOptions {
  /** One per logical submission, reused for every retry of it (see `newIdempotencyKey`). */
  idempotencyKey: string;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_DEADLINE_MS = 30_000;
const DEFAULT_SLOW_AFTER_MS = 3_000;

interface Schema<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

export interface Call<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path segments under the base; each is percent-encoded as one segment. */
  segments: string[];
  query?: Record<string, string>;
  body?: unknown;
  /** The bearer token, when there is one (`undefined`: none). */
  token?: string;
  idempotencyKey?: string;
  signal?: AbortSignal;
  onProgress?: (progress: RequestProgress) => void;
  /** Schema of the 2xx body; absent when the body is ignored (204). */
  schema?: Schema<T>;
  /** Statuses besides 2xx that count as success (e.g. 404 when releasing a hold). */
  alsoOk?: number[];
  /** Let the request outlive the page (`fetch` keepalive), for what must reach the clinic. */
  keepalive?: boolean;
}

/** What one attempt ended with, before deciding whether to try again. */
type Outcome<T> = { ok: true; value: T } | { ok: false; error: KapApiError; retryable: boolean };

export class Transport {
  readonly #base: URL;
  readonly #options: TransportOptions;

  /** `base` is a checked `api` base (see `checkApiBase`), ending in `/`. */
  constructor(base: URL, options: TransportOptions = {}) {
    this.#base = new URL(base);
    this.#options = options;
  }

  #url(segments: string[], query?: Record<string, string>): URL {
    for (const segment of segments) {
      // "." and ".." (even percent-encoded) are dot-segments to the URL parser and would climb
      // out of the base; an empty id would address the collection instead of an item.
      if (segment === '' || segment === '.' || segment === '..') {
        throw configurationError(`Invalid id ${JSON.stringify(segment)} in a request path.`);
      }
    }
    let path: string;
    try {
      path = segments.map(encodeURIComponent).join('/');
    } catch {
      throw configurationError('Invalid id in a request path (it is not well-formed Unicode).');
    }
    const url = new URL(path, this.#base);
    if (url.origin !== this.#base.origin || !url.pathname.startsWith(this.#base.pathname)) {
      throw configurationError('A request path escaped the configured `api` base.');
    }
    if (query) url.search = new URLSearchParams(query).toString();
    return url;
  }

  async request<T>(call: Call<T>): Promise<T> {
    const { signal } = call;
    if (signal?.aborted) throw abortError();
    const url = this.#url(call.segments, call.query);
    const label = `${call.method} ${call.segments.join('/')}`;
    const retries = Math.max(0, this.#options.retries ?? DEFAULT_RETRIES);
    const base = this.#options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
    const random = this.#options.random ?? Math.random;
    const sleep = this.#options.sleep ?? defaultSleep;

    const headers: Record<string, string> = { Accept: 'application/json' };
    let body: string | undefined;
    if (call.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(call.body);
    }
    if (call.idempotencyKey !== undefined) headers['Idempotency-Key'] = call.idempotencyKey;
    if (call.token !== undefined) headers['Authorization'] = `Bearer ${call.token}`;

    const now = this.#options.now ?? Date.now;
    const timeoutMs = this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const deadline = now() + (this.#options.deadlineMs ?? Math.max(DEFAULT_DEADLINE_MS, timeoutMs));
    const tell = (progress: RequestProgress) => {
      try {
        call.onProgress?.(progress);
      } catch {
        // A listener's mistake must not change what the request does.
      }
    };
    try {
      for (let attempt = 0; ; attempt++) {
        tell({ kind: 'attempt', attempt: attempt + 1 });
        const budget = Math.max(1, Math.min(timeoutMs, deadline - now()));
        const outcome = await this.#attempt(call, url, label, headers, body, budget, () => tell({ kind: 'slow', attempt: attempt + 1 }));
        if (outcome.ok) return outcome.value;
        const { error } = outcome;
        if (!outcome.retryable || attempt >= retries) throw error;
        const delay = error.retryAfterMs ?? backoffDelay(attempt, base, random);
        // A retry that could not even start before the deadline is not waited for.
        if (now() + delay >= deadline) throw error;
        tell({ kind: 'retry', attempt: attempt + 1, delayMs: delay, error });
        try {
          await sleep(delay, signal);
        } catch (sleepError) {
          if (signal?.aborted) throw abortError();
          throw sleepError;
        }
        if (signal?.aborted) throw abortError();
      }
    } finally {
      tell({ kind: 'settled' });
    }
  }

  /** One attempt under its own timeout; throws only for the caller's abort. */
  async #attempt<T>(
    call: Call<T>,
    url: URL,
    label: string,
    headers: Record<string, string>,
    body: string | undefined,
    timeoutMs: number,
    slow: () => void,
  ): Promise<Outcome<T>> {
    const callerSignal = call.signal;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException('The request timed out.', 'TimeoutError'));
    }, timeoutMs);
    const slowAfter = this.#options.slowAfterMs ?? Math.min(DEFAULT_SLOW_AFTER_MS, (this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 2);
    const slowTimer = setTimeout(slow, slowAfter);
    const onCallerAbort = () => controller.abort(callerSignal?.reason);
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });

    try {
      const fetchImpl = this.#options.fetch ?? globalThis.fetch;
      let response: Response;
      let text: string;
      try {
        response = await fetchImpl(url.href, {
          method: call.method,
          headers,
          body,
          signal: controller.signal,
          // Tokens travel in headers, never in cookies; no ambient credentials to leak.
          credentials: 'omit',
          mode: 'cors',
          // Availability must be fresh, and booking details must not sit in an HTTP cache.
          cache: 'no-store',
          // Never follow: a redirect could take the request (and its body) to another origin.
          // 'manual' rather than 'error' so it is reported as a misconfiguration, not retried
          // as if it were a network failure.
          redirect: 'manual',
          // The embedding page's URL is the clinic's business, not the backend's.
          referrerPolicy: 'no-referrer',
          ...(call.keepalive ? { keepalive: true } : {}),
        });
        text = await response.text();
      } catch (cause) {
        // No answer, or the body broke off: the same failure either way.
        return this.#failedToFetch(label, cause, callerSignal, timedOut, timeoutMs);
      }
      return this.#interpret(call, label, response, text);
    } finally {
      clearTimeout(timer);
      clearTimeout(slowTimer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }
  }

  #failedToFetch(label: string, cause: unknown, callerSignal: AbortSignal | undefined, timedOut: boolean, timeoutMs: number): Outcome<never> {
    if (callerSignal?.aborted) throw abortError();
    if (timedOut) return fail('timeout', `${label}: no answer within ${timeoutMs} ms.`, { cause }, true);
    return fail('network', `${label}: the request did not reach the backend or no answer came back (offline, DNS, TLS or CORS).`, { cause }, true);
  }

  #interpret<T>(call: Call<T>, label: string, response: Response, text: string): Outcome<T> {
    const { status } = response;
    if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
      return fail(
        'bad_response',
        `${label}: the backend answered with a redirect${status ? ` (${status})` : ''}. Requests never follow redirects; set \`api\` to the final URL.`,
        { status: status || undefined },
        false,
      );
    }
    if ((status >= 200 && status < 300) || call.alsoOk?.includes(status)) {
      return this.#success(call, label, response, text);
    }

    const envelope = parseJson(text);
    const parsed = envelope.ok ? ErrorBodySchema.safeParse(envelope.value) : undefined;
    const error = parsed?.success ? parsed.data.error : undefined;
    const code = error?.code;
    const detail = error ? `${error.code}: ${truncate(error.message, 300)}` : 'no error envelope in the body';
    const message = `${label}: the backend answered ${status} (${detail}).`;
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), (this.#options.now ?? Date.now)());

    if (status === 413) {
      // A proxy in front of the backend answers 413 without the envelope: the code says it all the same.
      return fail('validation', message, { status, code: 'payload_too_large' }, false);
    }
    if (status === 400 || status === 422) {
      return fail('validation', message, { status, code, fields: error?.fields }, false);
    }
    if (status === 401 || status === 403) return fail('unauthorized', message, { status, code }, false);
    if (status === 404) return fail('not_found', message, { status, code }, false);
    if (status === 409) {
      // The first attempt with this key is still running server-side: asking again shortly
      // returns its stored result.
      const inProgress = code === 'request_in_progress';
      const wait = inProgress ? retryAfterMs : undefined;
      if (wait !== undefined && wait > MAX_RETRY_AFTER_MS) {
        return fail('conflict', message, { status, code, retryAfterMs: wait }, false);
      }
      return fail('conflict', message, { status, code, retryAfterMs: wait }, inProgress);
    }
    if (status === 429 || (status >= 500 && status < 600)) {
      const kind: KapErrorKind = status === 429 ? 'rate_limited' : 'server';
      const honoured = status === 429 || status === 503 ? retryAfterMs : undefined;
      const retryable = honoured === undefined || honoured <= MAX_RETRY_AFTER_MS;
      return fail(kind, message, { status, code, retryAfterMs: honoured }, retryable);
    }
    return fail('bad_response', message, { status, code }, false);
  }

  #success<T>(call: Call<T>, label: string, response: Response, text: string): Outcome<T> {
    const { status } = response;
    if (!call.schema) return { ok: true, value: undefined as T };
    const contentType = response.headers.get('Content-Type') ?? '';
    if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType)) {
      return fail(
        'bad_response',
        `${label}: expected a JSON body (Content-Type application/json) with status ${status}, got ${contentType ? `"${truncate(contentType, 80)}"` : 'no Content-Type'}.`,
        { status },
        false,
      );
    }
    const json = parseJson(text);
    if (!json.ok) {
      return fail('bad_response', `${label}: the ${status} body is not valid JSON.`, { status }, false);
    }
    const parsed = call.schema.safeParse(json.value);
    if (!parsed.success) {
      return fail(
        'bad_response',
        `${label}: the ${status} body does not match the contract at ${describeIssue(parsed.error.issues[0])}.`,
        { status, cause: parsed.error },
        false,
      );
    }
    return { ok: true, value: parsed.data };
  }
}

function fail(
  kind: KapErrorKind,
  message: string,
  init: { status?: number; code?: string; fields?: Record<string, string>; retryAfterMs?: number; cause?: unknown },
  retryable: boolean,
): Outcome<never> {
  return { ok: false, retryable, error: new KapApiError(message, { kind, ...init }) };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function truncate(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
