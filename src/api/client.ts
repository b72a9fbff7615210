/**
 * The fetch client for apps and scripts: every endpoint of the contract as a method (each one is
 * the function of the same name in endpoints.ts). How a request is carried out (timeouts, retries,
 * progress, validation, errors) is `Transport`'s; the `api` base is checked by `checkApiBase`, and
 * what is wrong with an unusable one worded at once (`apiBaseMessage`, as `resolveApiBase` does).
 * The elements call the endpoint functions on an `ApiConnection`, so each drop-in file carries only
 * the endpoints its element uses.
 */
import { apiBaseMessage } from './api-base-message.js';
import { ApiConnection, type KapClientOptions } from './connection.js';
import * as endpoints from './endpoints.js';
import * as submissions from './submissions.js';
import type { HeldSlot } from './endpoints.js';
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
import type { RequestOptions, WriteOptions } from './transport.js';

export { resolveApiBase } from './api-base-message.js';
export { MAX_RETRY_AFTER_MS, parseRetryAfter } from './retry.js';
export type { KapClientOptions } from './connection.js';
export type { HeldSlot } from './endpoints.js';
export type { RequestOptions, RequestProgress, TransportOptions, WriteOptions } from './transport.js';

export class KapApiClient extends ApiConnection {
  /** Throws a `configuration` `KapApiError` saying what is wrong with an unusable `api`. */
  constructor(options: KapClientOptions) {
    super(options, apiBaseMessage);
  }

  /** `GET clinic`: the clinic's name, time zone, phone, privacy notice and crisis lines (src/api/clinic.ts). */
  getClinic(opts?: RequestOptions): Promise<ClinicResponse> {
    return endpoints.getClinic(this, opts);
  }

  /** `GET services`. */
  async listServices(opts?: RequestOptions): Promise<Service[]> {
    return (await endpoints.getServices(this, opts)).services;
  }

  /** `GET services` whole: the services and `lang`, the language of their plain `name` and `description`. */
  getServices(opts?: RequestOptions): Promise<ServicesResponse> {
    return endpoints.getServices(this, opts);
  }

  /** `GET availability?service=&from=&to=[&after=]`; for a follow-up service, `opts.token` is the bearer token of the booking `after` names. */
  getAvailability(q: AvailabilityQuery, opts?: RequestOptions & { token?: string }): Promise<AvailabilityResponse> {
    return endpoints.getAvailability(this, q, opts);
  }

  /** `POST holds`: the hold, with the `releaseToken` that releases it when the backend issues one. */
  createHold(body: HoldRequest, opts: WriteOptions): Promise<HeldSlot> {
    return endpoints.createHold(this, body, opts);
  }

  /** `DELETE holds/{id}`, with the hold's `releaseToken` as the bearer token; a hold already gone (404) counts as released. */
  releaseHold(id: string, opts?: RequestOptions & { token?: string }): Promise<void> {
    return endpoints.releaseHold(this, id, opts);
  }

  /** `POST bookings`; resolves with the booking and its access token. */
  createBooking(body: BookingRequest, opts: WriteOptions): Promise<BookingCreatedResponse> {
    return submissions.createBooking(this, body, opts);
  }

  /** `GET bookings/{id}` with the booking's bearer token. */
  getBooking(id: string, token: string, opts?: RequestOptions): Promise<Booking> {
    return endpoints.getBooking(this, id, token, opts);
  }

  /** `POST booking-access/exchange`: a link's token for a short-lived credential the tab keeps; both travel only in the body. */
  exchangeBookingAccess(bookingId: string, token: string, opts?: RequestOptions): Promise<BookingAccessCredential> {
    return endpoints.exchangeBookingAccess(this, bookingId, token, opts);
  }

  /** `POST booking-access/email-links {email}`, "Email me my links": `202 {}` whatever the address. */
  requestEmailLinks(body: EmailLinksRequest, opts: WriteOptions): Promise<undefined> {
    return submissions.requestEmailLinks(this, body, opts);
  }

  /** `POST bookings/{id}/cancel` with the booking's bearer token; the body is `{}`. */
  cancelBooking(id: string, token: string, opts: WriteOptions): Promise<Booking> {
    return submissions.cancelBooking(this, id, token, opts);
  }

  /** `POST bookings/{id}/reschedule`: moves the booking to another free slot, atomically. */
  rescheduleBooking(id: string, token: string, body: RescheduleRequest, opts: WriteOptions): Promise<Booking> {
    return submissions.rescheduleBooking(this, id, token, body, opts);
  }

  /** `GET bookings/{id}/checklist`: the booking, the clinic's zone and the items with their state. */
  getChecklist(id: string, token: string, opts?: RequestOptions): Promise<ChecklistResponse> {
    return endpoints.getChecklist(this, id, token, opts);
  }

  /** `PUT bookings/{id}/checklist/{itemId}` `{done}`, retried like a GET (the same body sets the same state). */
  updateChecklistItem(id: string, token: string, itemId: string, done: boolean, opts?: RequestOptions): Promise<ChecklistItemState> {
    return endpoints.updateChecklistItem(this, id, token, itemId, done, opts);
  }

  /** `GET forms/{id}`: the raw form definition; check it with `parseFormDefinition()` (`src/forms/`). */
  getForm(id: string, opts?: RequestOptions): Promise<Record<string, unknown>> {
    return endpoints.getForm(this, id, opts);
  }

  /** `POST intake-responses`: stores one intake; with `body.booking`, `opts.token` is that booking's bearer token. */
  submitIntake(body: IntakeSubmission, opts: WriteOptions & { token?: string }): Promise<IntakeResponse> {
    return submissions.submitIntake(this, body, opts);
  }

  /** `POST safety-signals` with the booking's bearer token, sent with `keepalive` so it survives the page closing. */
  sendSafetySignal(body: SafetySignalRequest, opts: WriteOptions & { token: string }): Promise<SafetySignal> {
    return endpoints.sendSafetySignal(this, body, opts);
  }
}
