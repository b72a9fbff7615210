/**
 * The contract's endpoints, each a function of an `ApiConnection` that names its path, body and
 * response schema. Functions rather than methods so that a drop-in file carries only the endpoints
 * (and response validators) its element calls; `KapApiClient` offers every one as a method. What a
 * client submits (a booking, a move, a cancel, an intake, a request for their links) is sent by
 * submissions.ts, which only the steps that send it import.
 */
import { configurationError } from './api-base.js';
import type { ApiConnection } from './connection.js';
import { describeIssue } from './issues.js';
// The browser checks with validators generated from the zod schemas (src/api/generated/): no zod here.
import {
  AvailabilityQuery as AvailabilityQuerySchema,
  AvailabilityResponse as AvailabilityResponseSchema,
  BookingAccessCredential as BookingAccessCredentialSchema,
  BookingResponse as BookingResponseSchema,
  ChecklistItemResponse as ChecklistItemResponseSchema,
  ChecklistResponse as ChecklistResponseSchema,
  ClinicResponse as ClinicResponseSchema,
  HoldResponse as HoldResponseSchema,
  FormDefinitionBody as FormDefinitionBodySchema,
  SafetySignalCreated as SafetySignalCreatedSchema,
  ServicesResponse as ServicesResponseSchema,
} from './generated/contract.js';
import type {
  AvailabilityQuery,
  AvailabilityResponse,
  Booking,
  BookingAccessCredential,
  ChecklistItemState,
  ChecklistResponse,
  Hold,
  HoldRequest,
  SafetySignal,
  SafetySignalRequest,
  ServicesResponse,
} from './schemas.js';
import type { ClinicResponse } from './clinic.js';
import type { Call, RequestOptions, WriteOptions } from './transport.js';

/**
 * A hold as `createHold` resolves it: the contract's `Hold` and, from a backend that issues one,
 * the secret `DELETE holds/{id}` needs. Keep it in memory only; it belongs in no event or storage.
 */
export type HeldSlot = Hold & { releaseToken?: string };

/** `call` through the connection's transport, with the caller's abort signal and progress listener (also submissions.ts's). */
export function request<T>(api: ApiConnection, call: Omit<Call<T>, 'signal' | 'onProgress'>, opts: RequestOptions): Promise<T> {
  return api.transport.request({ ...call, signal: opts.signal, onProgress: opts.onProgress });
}

/** `GET clinic`: the clinic's name, time zone, phone, privacy notice and crisis lines (src/api/clinic.ts). */
export function getClinic(api: ApiConnection, opts: RequestOptions = {}): Promise<ClinicResponse> {
  return request(api, { method: 'GET', segments: ['clinic'], schema: ClinicResponseSchema }, opts);
}

/** `GET services` whole: the services and `lang`, the language of their plain `name` and `description`. */
export function getServices(api: ApiConnection, opts: RequestOptions = {}): Promise<ServicesResponse> {
  return request(api, { method: 'GET', segments: ['services'], schema: ServicesResponseSchema }, opts);
}

/**
 * `GET availability?service=&from=&to=[&after=]`; the query carries only ids and instants. For
 * a follow-up service, `after` names the booking that opens its window and `opts.token` is
 * that booking's bearer token.
 */
export function getAvailability(api: ApiConnection, q: AvailabilityQuery, opts: RequestOptions & { token?: string } = {}): Promise<AvailabilityResponse> {
  const parsed = AvailabilityQuerySchema.safeParse(q);
  if (!parsed.success) {
    return Promise.reject(configurationError(`Invalid availability query: ${describeIssue(parsed.error.issues[0])}.`));
  }
  const { service, from, to, after } = parsed.data;
  const query: Record<string, string> = after ? { service, from, to, after } : { service, from, to };
  return request(api, { method: 'GET', segments: ['availability'], query, token: opts.token, schema: AvailabilityResponseSchema }, opts);
}

/** `POST holds`: the hold, with the `releaseToken` that releases it when the backend issues one. */
export async function createHold(api: ApiConnection, body: HoldRequest, opts: WriteOptions): Promise<HeldSlot> {
  const res = await request(api, { method: 'POST', segments: ['holds'], body, idempotencyKey: opts.idempotencyKey, schema: HoldResponseSchema }, opts);
  return res.releaseToken === undefined ? res.hold : { ...res.hold, releaseToken: res.releaseToken };
}

/**
 * `DELETE holds/{id}`, with the hold's `releaseToken` as the bearer token when it has one. A hold
 * that is already gone (404) counts as released: it may have expired, or an earlier attempt
 * whose answer was lost may have released it.
 */
export async function releaseHold(api: ApiConnection, id: string, opts: RequestOptions & { token?: string } = {}): Promise<void> {
  await request<undefined>(api, { method: 'DELETE', segments: ['holds', id], token: opts.token, alsoOk: [404] }, opts);
}

/** `GET bookings/{id}` with the booking's bearer token. */
export async function getBooking(api: ApiConnection, id: string, token: string, opts: RequestOptions = {}): Promise<Booking> {
  return (await request(api, { method: 'GET', segments: ['bookings', id], token, schema: BookingResponseSchema }, opts)).booking;
}

/**
 * `POST booking-access/exchange`: a link's token (or a credential about to run out) for a
 * short-lived credential the tab keeps (src/base/tab-credential.ts). Both travel only in the body.
 */
export function exchangeBookingAccess(api: ApiConnection, bookingId: string, token: string, opts: RequestOptions = {}): Promise<BookingAccessCredential> {
  const body = { bookingId, token };
  return request(api, { method: 'POST', segments: ['booking-access', 'exchange'], body, schema: BookingAccessCredentialSchema }, opts);
}

/** `GET bookings/{id}/checklist`: the booking, the clinic's zone and the items with their state. */
export function getChecklist(api: ApiConnection, id: string, token: string, opts: RequestOptions = {}): Promise<ChecklistResponse> {
  return request(api, { method: 'GET', segments: ['bookings', id, 'checklist'], token, schema: ChecklistResponseSchema }, opts);
}

/**
 * `PUT bookings/{id}/checklist/{itemId}` `{done}`. PUT is idempotent by nature (the same body
 * sets the same state), so it is retried like a GET.
 */
export async function updateChecklistItem(
  api: ApiConnection,
  id: string,
  token: string,
  itemId: string,
  done: boolean,
  opts: RequestOptions = {},
): Promise<ChecklistItemState> {
  const res = await request(
    api,
    { method: 'PUT', segments: ['bookings', id, 'checklist', itemId], body: { done }, token, schema: ChecklistItemResponseSchema },
    opts,
  );
  return res.item;
}

/** `GET forms/{id}`: the raw form definition; check it with `parseFormDefinition()` (`src/forms/`). */
export function getForm(api: ApiConnection, id: string, opts: RequestOptions = {}): Promise<Record<string, unknown>> {
  return request(api, { method: 'GET', segments: ['forms', id], schema: FormDefinitionBodySchema }, opts);
}

/**
 * `POST safety-signals` with the booking's bearer token: tells the clinic at once that safety
 * items were answered above zero. Sent with `keepalive`, so a request under way survives the
 * client closing the page; pass no `signal` for it to outlive the element too. No progress is
 * told: nobody waits on it.
 */
export async function sendSafetySignal(api: ApiConnection, body: SafetySignalRequest, opts: WriteOptions & { token: string }): Promise<SafetySignal> {
  const { token, signal } = opts;
  const res = await request(
    api,
    { method: 'POST', segments: ['safety-signals'], body, token, idempotencyKey: opts.idempotencyKey, keepalive: true, schema: SafetySignalCreatedSchema },
    { signal },
  );
  return res.signal;
}
