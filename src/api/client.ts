/**
 * The one fetch client every element uses. It confines every request to a path under the
 * configured `api`, gives each attempt a timeout and the whole request a deadline, retries what is
 * safe to retry (GET/PUT/DELETE, and POSTs because they always carry the caller's
 * `Idempotency-Key`), tells the caller what it is doing (`onProgress`: slow, retrying in N ms) so
 * nobody waits in silence, validates every 2xx body with the contract's schemas and turns every
 * failure into exactly one `KapApiError` — except a caller's abort, which stays an `AbortError` so
 * cancelled work is never shown as a failure.
 */
import { KapApiError, type KapErrorKind } from './errors.js';
import {
  AvailabilityQuery as AvailabilityQuerySchema,
  AvailabilityResponse as AvailabilityResponseSchema,
  BookingCreatedResponse as BookingCreatedResponseSchema,
  BookingResponse as BookingResponseSchema,
  ChecklistItemResponse as ChecklistItemResponseSchema,
  ChecklistResponse as ChecklistResponseSchema,
  ErrorBody as ErrorBodySchema,
  HoldResponse as HoldResponseSchema,
  FormDefinitionBody as FormDefinitionBodySchema,
  IntakeResponseCreated as IntakeResponseCreatedSchema,
  SafetySignalCreated as SafetySignalCreatedSchema,
  ServicesResponse as ServicesResponseSchema,
  type AvailabilityQuery,
  type AvailabilityResponse,
  type Booking,
  type BookingCreatedResponse,
  type BookingRequest,
  type ChecklistItemState,
  type ChecklistResponse,
  type Hold,
  type HoldRequest,
  type IntakeResponse,
  type RescheduleRequest,
  type SafetySignal,
  type SafetySignalRequest,
  type Service,
  type ServicesResponse,
} from './schemas.js';
import type { IntakeSubmission } from '../forms/submission.js';
import { ClinicResponse as ClinicResponseSchema, type ClinicResponse } from './clinic.js';

export interface KapClientOptions {
  /** The raw `api` attribute value. */
  api: string | null | undefined;
  /** Resolves a relative `api`; defaults to `document.baseURI`, then `location.href`. */
  baseURI?: string;
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
 * A hold as `createHold` resolves it: the contract's `Hold` and, from a backend that issues one,
 * the secret `DELETE holds/{id}` needs. Keep it in memory only; it belongs in no event or storage.
 */
export type HeldSlot = Hold & { releaseToken?: string };

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
const DEFAULT_RETRIES = 3;
const DEFAULT_RETRY_BASE_MS = 400;
const RETRY_CAP_MS = 8_000;
/** A `Retry-After` longer than this is not waited out: the error reaches the element at once. */
export const MAX_RETRY_AFTER_MS = 60_000;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function configurationError(message: string): KapApiError {
  return new KapApiError(message, { kind: 'configuration' });
}

/**
 * Validates the `api` attribute and returns the base every request path is resolved under,
 * always ending in `/` (so `https://x.example/kap` and `https://x.example/kap/` mean the same).
 */
export function resolveApiBase(api: string | null | undefined, baseURI: string | undefined): URL {
  const raw = api?.trim() ?? '';
  if (!raw) {
    throw configurationError(
      'The `api` attribute is missing or empty. Set it to the base URL of the clinic backend, e.g. api="https://api.example-clinic.com/kap/".',
    );
  }
  let url: URL;
  try {
    url = new URL(raw, baseURI || undefined);
  } catch {
    throw configurationError(
      `The \`api\` attribute "${raw}" is not a valid URL${baseURI ? '' : ' (a relative URL needs a page base URI)'}. Use an absolute https: URL or a path on this site.`,
    );
  }
  if (url.username || url.password) {
    throw configurationError(
      'The `api` attribute must not contain a user name or password; backends are called without credentials in the URL.',
    );
  }
  if (url.protocol === 'http:') {
    if (!LOOPBACK_HOSTS.has(url.hostname)) {
      throw configurationError(
        `The \`api\` attribute resolves to ${url.origin}, which is plain http:. Health information must travel encrypted: use https: (http: is only allowed on localhost, 127.0.0.1 and [::1] for development).`,
      );
    }
  } else if (url.protocol !== 'https:') {
    throw configurationError(
      `The \`api\` attribute uses the ${url.protocol} scheme; only https: (or http: on localhost) is allowed.`,
    );
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** A fresh key for one logical submission. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  // randomUUID exists only in secure contexts; a clinic page on plain http still needs keys.
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
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

function abortError(): DOMException {
  return new DOMException('The request was aborted.', 'AbortError');
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
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

interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

interface Call<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path segments under the base; each is percent-encoded as one segment. */
  segments: string[];
  query?: Record<string, string>;
  body?: unknown;
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

export class KapApiClient {
  /** The validated base, ending in `/`. A copy: changing it does not redirect requests. */
  readonly base: URL;
  readonly #base: URL;
  readonly #options: KapClientOptions;

  constructor(options: KapClientOptions) {
    this.#options = options;
    this.#base = resolveApiBase(
      options.api,
      options.baseURI ?? globalThis.document?.baseURI ?? globalThis.location?.href,
    );
    this.base = new URL(this.#base);
  }

  /** `GET clinic`: the clinic's name, time zone, phone, privacy notice and crisis lines (src/api/clinic.ts). */
  getClinic(opts: RequestOptions = {}): Promise<ClinicResponse> {
    return this.#request({ method: 'GET', segments: ['clinic'], signal: opts.signal, onProgress: opts.onProgress, schema: ClinicResponseSchema });
  }

  /** `GET services`. */
  async listServices(opts: RequestOptions = {}): Promise<Service[]> {
    return (await this.getServices(opts)).services;
  }

  /** `GET services` whole: the services and `lang`, the language of their plain `name` and `description`. */
  getServices(opts: RequestOptions = {}): Promise<ServicesResponse> {
    return this.#request({ method: 'GET', segments: ['services'], signal: opts.signal, onProgress: opts.onProgress, schema: ServicesResponseSchema });
  }

  /**
   * `GET availability?service=&from=&to=[&after=]`; the query carries only ids and instants. For
   * a follow-up service, `after` names the booking that opens its window and `opts.token` is
   * that booking's bearer token.
   */
  getAvailability(
    q: AvailabilityQuery,
    opts: RequestOptions & { token?: string } = {},
  ): Promise<AvailabilityResponse> {
    const parsed = AvailabilityQuerySchema.safeParse(q);
    if (!parsed.success) {
      return Promise.reject(
        configurationError(`Invalid availability query: ${describeIssue(parsed.error.issues[0])}.`),
      );
    }
    const { service, from, to, after } = parsed.data;
    return this.#request({
      method: 'GET',
      segments: ['availability'],
      query: after ? { service, from, to, after } : { service, from, to },
      ...(opts.token !== undefined ? { token: opts.token } : {}),
      signal: opts.signal, onProgress: opts.onProgress,
      schema: AvailabilityResponseSchema,
    });
  }

  /** `POST holds`: the hold, with the `releaseToken` that releases it when the backend issues one. */
  async createHold(body: HoldRequest, opts: WriteOptions): Promise<HeldSlot> {
    const res = await this.#request({
      method: 'POST',
      segments: ['holds'],
      body,
      idempotencyKey: opts.idempotencyKey,
      signal: opts.signal, onProgress: opts.onProgress,
      schema: HoldResponseSchema,
    });
    return res.releaseToken === undefined ? res.hold : { ...res.hold, releaseToken: res.releaseToken };
  }

  /**
   * `DELETE holds/{id}`, with the hold's `releaseToken` as the bearer token when it has one. A hold
   * that is already gone (404) counts as released: it may have expired, or an earlier attempt
   * whose answer was lost may have released it.
   */
  async releaseHold(id: string, opts: RequestOptions & { token?: string } = {}): Promise<void> {
    await this.#request<undefined>({
      method: 'DELETE',
      segments: ['holds', id],
      ...(opts.token !== undefined ? { token: opts.token } : {}),
      signal: opts.signal,
      onProgress: opts.onProgress,
      alsoOk: [404],
    });
  }

  /** `POST bookings`; resolves with the booking and its access token. */
  createBooking(body: BookingRequest, opts: WriteOptions): Promise<BookingCreatedResponse> {
    return this.#request({
      method: 'POST',
      segments: ['bookings'],
      body,
      idempotencyKey: opts.idempotencyKey,
      signal: opts.signal, onProgress: opts.onProgress,
      schema: BookingCreatedResponseSchema,
    });
  }

  /** `GET bookings/{id}` with the booking's bearer token. */
  async getBooking(id: string, token: string, opts: RequestOptions = {}): Promise<Booking> {
    const res = await this.#request({
      method: 'GET',
      segments: ['bookings', id],
      token,
      signal: opts.signal, onProgress: opts.onProgress,
      schema: BookingResponseSchema,
    });
    return res.booking;
  }

  /** `POST bookings/{id}/cancel` with the booking's bearer token; the body is `{}`. */
  async cancelBooking(id: string, token: string, opts: WriteOptions): Promise<Booking> {
    const res = await this.#request({
      method: 'POST',
      segments: ['bookings', id, 'cancel'],
      body: {},
      token,
      idempotencyKey: opts.idempotencyKey,
      signal: opts.signal, onProgress: opts.onProgress,
      schema: BookingResponseSchema,
    });
    return res.booking;
  }

  /** `POST bookings/{id}/reschedule`: moves the booking to another free slot, atomically. */
  async rescheduleBooking(id: string, token: string, body: RescheduleRequest, opts: WriteOptions): Promise<Booking> {
    const res = await this.#request({
      method: 'POST',
      segments: ['bookings', id, 'reschedule'],
      body,
      token,
      idempotencyKey: opts.idempotencyKey,
      signal: opts.signal, onProgress: opts.onProgress,
      schema: BookingResponseSchema,
    });
    return res.booking;
  }

  /** `GET bookings/{id}/checklist`: the booking, the clinic's zone and the items with their state. */
  getChecklist(id: string, token: string, opts: RequestOptions = {}): Promise<ChecklistResponse> {
    return this.#request({
      method: 'GET',
      segments: ['bookings', id, 'checklist'],
      token,
      signal: opts.signal, onProgress: opts.onProgress,
      schema: ChecklistResponseSchema,
    });
  }

  /**
   * `PUT bookings/{id}/checklist/{itemId}` `{done}`. PUT is idempotent by nature (the same body
   * sets the same state), so it is retried like a GET.
   */
  async updateChecklistItem(
    id: string,
    token: string,
    itemId: string,
    done: boolean,
    opts: RequestOptions = {},
  ): Promise<ChecklistItemState> {
    const res = await this.#request({
      method: 'PUT',
      segments: ['bookings', id, 'checklist', itemId],
      body: { done },
      token,
      signal: opts.signal, onProgress: opts.onProgress,
      schema: ChecklistItemResponseSchema,
    });
    return res.item;
  }

  /** `GET forms/{id}`: the raw form definition; check it with `parseFormDefinition()` (`src/forms/`). */
  getForm(id: string, opts: RequestOptions = {}): Promise<Record<string, unknown>> {
    return this.#request({ method: 'GET', segments: ['forms', id], signal: opts.signal, onProgress: opts.onProgress, schema: FormDefinitionBodySchema });
  }

  /**
   * `POST intake-responses`: stores one intake; resolves with the response's id and time. When
   * `body.booking` links it to a booking, `opts.token` must be that booking's bearer token.
   */
  async submitIntake(body: IntakeSubmission, opts: WriteOptions & { token?: string }): Promise<IntakeResponse> {
    const res = await this.#request({
      method: 'POST',
      segments: ['intake-responses'],
      body,
      idempotencyKey: opts.idempotencyKey,
      signal: opts.signal, onProgress: opts.onProgress,
      ...(opts.token !== undefined ? { token: opts.token } : {}),
      schema: IntakeResponseCreatedSchema,
    });
    return res.response;
  }

  /**
   * `POST safety-signals` with the booking's bearer token: tells the clinic at once that safety
   * items were answered above zero. Sent with `keepalive`, so a request under way survives the
   * client closing the page; pass no `signal` for it to outlive the element too.
   */
  async sendSafetySignal(body: SafetySignalRequest, opts: WriteOptions & { token: string }): Promise<SafetySignal> {
    const res = await this.#request({
      method: 'POST',
      segments: ['safety-signals'],
      body,
      token: opts.token,
      idempotencyKey: opts.idempotencyKey,
      signal: opts.signal,
      keepalive: true,
      schema: SafetySignalCreatedSchema,
    });
    return res.signal;
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

  async #request<T>(call: Call<T>): Promise<T> {
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
        let delay: number;
        if (error.retryAfterMs !== undefined) {
          delay = error.retryAfterMs;
        } else {
          delay = Math.floor(random() * Math.min(RETRY_CAP_MS, base * 2 ** attempt));
        }
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
      } catch (cause) {
        return this.#failedToFetch(label, cause, callerSignal, timedOut, timeoutMs);
      }

      let text: string;
      try {
        text = await response.text();
      } catch (cause) {
        return this.#failedToFetch(label, cause, callerSignal, timedOut, timeoutMs);
      }
      return this.#interpret(call, label, response, text);
    } finally {
      clearTimeout(timer);
      clearTimeout(slowTimer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }
  }

  #failedToFetch(
    label: string,
    cause: unknown,
    callerSignal: AbortSignal | undefined,
    timedOut: boolean,
    timeoutMs: number,
  ): Outcome<never> {
    if (callerSignal?.aborted) throw abortError();
    if (timedOut) {
      return {
        ok: false,
        retryable: true,
        error: new KapApiError(`${label}: no answer within ${timeoutMs} ms.`, { kind: 'timeout', cause }),
      };
    }
    return {
      ok: false,
      retryable: true,
      error: new KapApiError(
        `${label}: the request did not reach the backend or no answer came back (offline, DNS, TLS or CORS).`,
        { kind: 'network', cause },
      ),
    };
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

function describeIssue(issue: { path: ReadonlyArray<PropertyKey>; message: string } | undefined): string {
  if (!issue) return '(root)';
  const path = issue.path.length ? issue.path.map(String).join('.') : '(root)';
  return `${path}: ${issue.message}`;
}

function truncate(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
