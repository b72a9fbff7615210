/**
 * The one fetch client every element uses: the contract's endpoints, each a method that names its
 * path, body and response schema. How a request is carried out (timeouts, retries, progress,
 * validation, errors) is `Transport`'s; the `api` base is checked by `resolveApiBase`.
 */
import { configurationError, resolveApiBase } from './api-base.js';
import { describeIssue } from './issues.js';
// The browser checks with validators generated from the zod schemas (src/api/generated/): no zod here.
import {
  AvailabilityQuery as AvailabilityQuerySchema,
  AvailabilityResponse as AvailabilityResponseSchema,
  BookingAccessCredential as BookingAccessCredentialSchema,
  BookingCreatedResponse as BookingCreatedResponseSchema,
  BookingResponse as BookingResponseSchema,
  ChecklistItemResponse as ChecklistItemResponseSchema,
  ChecklistResponse as ChecklistResponseSchema,
  ClinicResponse as ClinicResponseSchema,
  HoldResponse as HoldResponseSchema,
  FormDefinitionBody as FormDefinitionBodySchema,
  IntakeResponseCreated as IntakeResponseCreatedSchema,
  SafetySignalCreated as SafetySignalCreatedSchema,
  ServicesResponse as ServicesResponseSchema,
} from './generated/contract.js';
import type {
  AvailabilityQuery,
  AvailabilityResponse,
  Booking,
  BookingAccessCredential,
  BookingCreatedResponse,
  BookingRequest,
  ChecklistItemState,
  ChecklistResponse,
  EmailLinksRequest,
  Hold,
  HoldRequest,
  IntakeResponse,
  RescheduleRequest,
  SafetySignal,
  SafetySignalRequest,
  Service,
  ServicesResponse,
} from './schemas.js';
import type { ClinicResponse } from './clinic.js';
import type { IntakeSubmission } from './intake-submission.js';
import { Transport, type RequestOptions, type TransportOptions, type WriteOptions } from './transport.js';

export { resolveApiBase } from './api-base.js';
export { MAX_RETRY_AFTER_MS, parseRetryAfter } from './retry.js';
export type { RequestOptions, RequestProgress, TransportOptions, WriteOptions } from './transport.js';

export interface KapClientOptions extends TransportOptions {
  /** The raw `api` attribute value. */
  api: string | null | undefined;
  /** Resolves a relative `api`; defaults to `document.baseURI`, then `location.href`. */
  baseURI?: string;
}

/**
 * A hold as `createHold` resolves it: the contract's `Hold` and, from a backend that issues one,
 * the secret `DELETE holds/{id}` needs. Keep it in memory only; it belongs in no event or storage.
 */
export type HeldSlot = Hold & { releaseToken?: string };

export class KapApiClient {
  /** The validated base, ending in `/`. A copy: changing it does not redirect requests. */
  readonly base: URL;
  readonly #transport: Transport;

  constructor(options: KapClientOptions) {
    const base = resolveApiBase(options.api, options.baseURI ?? globalThis.document?.baseURI ?? globalThis.location?.href);
    this.#transport = new Transport(base, options);
    this.base = new URL(base);
  }

  /** `GET clinic`: the clinic's name, time zone, phone, privacy notice and crisis lines (src/api/clinic.ts). */
  getClinic(opts: RequestOptions = {}): Promise<ClinicResponse> {
    return this.#transport.request({ method: 'GET', segments: ['clinic'], signal: opts.signal, onProgress: opts.onProgress, schema: ClinicResponseSchema });
  }

  /** `GET services`. */
  async listServices(opts: RequestOptions = {}): Promise<Service[]> {
    return (await this.getServices(opts)).services;
  }

  /** `GET services` whole: the services and `lang`, the language of their plain `name` and `description`. */
  getServices(opts: RequestOptions = {}): Promise<ServicesResponse> {
    return this.#transport.request({ method: 'GET', segments: ['services'], signal: opts.signal, onProgress: opts.onProgress, schema: ServicesResponseSchema });
  }

  /**
   * `GET availability?service=&from=&to=[&after=]`; the query carries only ids and instants. For
   * a follow-up service, `after` names the booking that opens its window and `opts.token` is
   * that booking's bearer token.
   */
  getAvailability(q: AvailabilityQuery, opts: RequestOptions & { token?: string } = {}): Promise<AvailabilityResponse> {
    const parsed = AvailabilityQuerySchema.safeParse(q);
    if (!parsed.success) {
      return Promise.reject(configurationError(`Invalid availability query: ${describeIssue(parsed.error.issues[0])}.`));
    }
    const { service, from, to, after } = parsed.data;
    return this.#transport.request({
      method: 'GET',
      segments: ['availability'],
      query: after ? { service, from, to, after } : { service, from, to },
      ...(opts.token !== undefined ? { token: opts.token } : {}),
      signal: opts.signal,
      onProgress: opts.onProgress,
      schema: AvailabilityResponseSchema,
    });
  }

  /** `POST holds`: the hold, with the `releaseToken` that releases it when the backend issues one. */
  async createHold(body: HoldRequest, opts: WriteOptions): Promise<HeldSlot> {
    const res = await this.#transport.request({
      method: 'POST',
      segments: ['holds'],
      body,
      idempotencyKey: opts.idempotencyKey,
      signal: opts.signal,
      onProgress: opts.onProgress,
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
    await this.#transport.request<undefined>({
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
    return this.#transport.request({
      method: 'POST',
      segments: ['bookings'],
      body,
      idempotencyKey: opts.idempotencyKey,
      signal: opts.signal,
      onProgress: opts.onProgress,
      schema: BookingCreatedResponseSchema,
    });
  }

  /** `GET bookings/{id}` with the booking's bearer token. */
  async getBooking(id: string, token: string, opts: RequestOptions = {}): Promise<Booking> {
    const res = await this.#transport.request({
      method: 'GET',
      segments: ['bookings', id],
      token,
      signal: opts.signal,
      onProgress: opts.onProgress,
      schema: BookingResponseSchema,
    });
    return res.booking;
  }

  /**
   * `POST booking-access/exchange`: a link's token (or a credential about to run out) for a
   * short-lived credential the tab keeps (src/base/tab-credential.ts). Both travel only in the body.
   */
  async exchangeBookingAccess(bookingId: string, token: string, opts: RequestOptions = {}): Promise<BookingAccessCredential> {
    return this.#transport.request({
      method: 'POST',
      segments: ['booking-access', 'exchange'],
      body: { bookingId, token },
      signal: opts.signal,
      onProgress: opts.onProgress,
      schema: BookingAccessCredentialSchema,
    });
  }

  /**
   * `POST booking-access/email-links {email}`, "Email me my links": `202 {}` whatever the address,
   * so there is nothing to read back. The address travels only in the body.
   */
  requestEmailLinks(body: EmailLinksRequest, opts: WriteOptions): Promise<undefined> {
    return this.#transport.request<undefined>({
      method: 'POST',
      segments: ['booking-access', 'email-links'],
      body,
      idempotencyKey: opts.idempotencyKey,
      signal: opts.signal,
      onProgress: opts.onProgress,
    });
  }

  /** `POST bookings/{id}/cancel` with the booking's bearer token; the body is `{}`. */
  async cancelBooking(id: string, token: string, opts: WriteOptions): Promise<Booking> {
    const res = await this.#transport.request({
      method: 'POST',
      segments: ['bookings', id, 'cancel'],
      body: {},
      token,
      idempotencyKey: opts.idempotencyKey,
      signal: opts.signal,
      onProgress: opts.onProgress,
      schema: BookingResponseSchema,
    });
    return res.booking;
  }

  /** `POST bookings/{id}/reschedule`: moves the booking to another free slot, atomically. */
  async rescheduleBooking(id: string, token: string, body: RescheduleRequest, opts: WriteOptions): Promise<Booking> {
    const res = await this.#transport.request({
      method: 'POST',
      segments: ['bookings', id, 'reschedule'],
      body,
      token,
      idempotencyKey: opts.idempotencyKey,
      signal: opts.signal,
      onProgress: opts.onProgress,
      schema: BookingResponseSchema,
    });
    return res.booking;
  }

  /** `GET bookings/{id}/checklist`: the booking, the clinic's zone and the items with their state. */
  getChecklist(id: string, token: string, opts: RequestOptions = {}): Promise<ChecklistResponse> {
    return this.#transport.request({
      method: 'GET',
      segments: ['bookings', id, 'checklist'],
      token,
      signal: opts.signal,
      onProgress: opts.onProgress,
      schema: ChecklistResponseSchema,
    });
  }

  /**
   * `PUT bookings/{id}/checklist/{itemId}` `{done}`. PUT is idempotent by nature (the same body
   * sets the same state), so it is retried like a GET.
   */
  async updateChecklistItem(id: string, token: string, itemId: string, done: boolean, opts: RequestOptions = {}): Promise<ChecklistItemState> {
    const res = await this.#transport.request({
      method: 'PUT',
      segments: ['bookings', id, 'checklist', itemId],
      body: { done },
      token,
      signal: opts.signal,
      onProgress: opts.onProgress,
      schema: ChecklistItemResponseSchema,
    });
    return res.item;
  }

  /** `GET forms/{id}`: the raw form definition; check it with `parseFormDefinition()` (`src/forms/`). */
  getForm(id: string, opts: RequestOptions = {}): Promise<Record<string, unknown>> {
    return this.#transport.request({
      method: 'GET',
      segments: ['forms', id],
      signal: opts.signal,
      onProgress: opts.onProgress,
      schema: FormDefinitionBodySchema,
    });
  }

  /**
   * `POST intake-responses`: stores one intake; resolves with the response's id and time. When
   * `body.booking` links it to a booking, `opts.token` must be that booking's bearer token.
   */
  async submitIntake(body: IntakeSubmission, opts: WriteOptions & { token?: string }): Promise<IntakeResponse> {
    const res = await this.#transport.request({
      method: 'POST',
      segments: ['intake-responses'],
      body,
      idempotencyKey: opts.idempotencyKey,
      signal: opts.signal,
      onProgress: opts.onProgress,
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
    const res = await this.#transport.request({
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
}
