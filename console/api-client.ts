/**
 * The console's only door to the server: the staff routes of the reference backend, on the same
 * origin (the session cookie is HttpOnly and SameSite=Strict), each answer read with the staff
 * contract's schemas (src/api/staff.ts). Writes carry the session's CSRF token. A 401 on a
 * signed-in route means the session ended: `onSessionEnded` is told, once per session.
 */
import {
  AcknowledgeResponse,
  ApiKeyCreatedResponse,
  ApiKeyListResponse,
  NotificationDeliveriesResponse,
  NotificationRetryResponse,
  WebhookListResponse,
  WebhookReplayResponse,
  WebhookResponse,
  WebhookSecretResponse,
  ApiKeyResponse,
  AuditPage,
  BookingOverviewResponse,
  CSRF_HEADER,
  DecisionResponse,
  EmbedResponse,
  IntakeInboxResponse,
  IntakeResponseView,
  RequestsResponse,
  SafetyEntryResponse,
  SafetyQueueResponse,
  ScheduleResponse,
  SetupCompleteResponse,
  SetupStartResponse,
  StaffCancelResponse,
  StaffListResponse,
  StaffMemberResponse,
  StaffRescheduleResponse,
  StaffSessionResponse,
  StaffSetupLinkResponse,
  type DeclineReasonCode,
} from '../src/api/staff.js';
import * as z from 'zod/mini';
import {
  ClinicConfiguration,
  FormResponse,
  FormVersionResponse,
  FormVersionsResponse,
  FormsResponse,
  type ClinicProfile,
  type Closure,
  type ConfiguredService,
  type OpeningRange,
} from '../src/api/clinic-config.js';
import { ClinicResponse } from '../src/api/clinic.js';
import { AvailabilityResponse } from '../src/api/schemas.js';
import { ThemeResponse, type Theme } from '../src/api/theme.js';
import type { ApiKeyScope, StaffRole } from '../src/staff/roles.js';

/** What the audit log is filtered by: a staff member's id and a range of instants (ids and instants only, never client data). */
export interface AuditFilter {
  actor?: string;
  from?: string;
  to?: string;
}

/** `GET staff/clinic` and every `PUT staff/clinic/…`: the whole configuration after the change. */
const ConfigurationResponse = z.object({ configuration: ClinicConfiguration });

interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

export class ConsoleApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ConsoleApiError';
  }
}

const NO_BODY = { safeParse: () => ({ success: true as const, data: undefined }) } satisfies Schema<undefined>;

export class ConsoleApi {
  /** The API's base URL: the origin's root when the console is served at /console/. */
  readonly base: URL;
  csrfToken: string | undefined;
  /** When the last request answered (ms): the session's idle time counts from it. */
  lastAnsweredAt = 0;
  onSessionEnded: (() => void) | undefined;

  constructor(base: string | URL) {
    this.base = new URL(base, document.baseURI);
  }

  me() {
    return this.#call('GET', 'staff/me', StaffSessionResponse);
  }
  signIn(body: { email: string; password: string; code?: string }) {
    return this.#call('POST', 'staff/session', StaffSessionResponse, body, { public: true });
  }
  signOut() {
    return this.#call('DELETE', 'staff/session', NO_BODY);
  }
  setupStart(token: string) {
    return this.#call('POST', 'staff/setup/start', SetupStartResponse, { token }, { public: true });
  }
  setupComplete(body: { token: string; password: string; code?: string }) {
    return this.#call('POST', 'staff/setup/complete', SetupCompleteResponse, body, { public: true });
  }
  schedule(from?: string, days = 8) {
    const query = new URLSearchParams({ days: String(days), ...(from ? { from } : {}) });
    return this.#call('GET', `staff/schedule?${query}`, ScheduleResponse);
  }
  requests() {
    return this.#call('GET', 'staff/requests', RequestsResponse);
  }
  confirm(bookingId: string) {
    return this.#call('POST', `staff/bookings/${encodeURIComponent(bookingId)}/confirm`, DecisionResponse);
  }
  /** Declines a request; `suggestedTimes` (up to three instants) are offered to the client with it. */
  decline(bookingId: string, reason: DeclineReasonCode, suggestedTimes: readonly string[] = []) {
    const body = { reason, ...(suggestedTimes.length ? { suggestedTimes: [...suggestedTimes] } : {}) };
    return this.#call('POST', `staff/bookings/${encodeURIComponent(bookingId)}/decline`, DecisionResponse, body);
  }
  bookingOverview(bookingId: string) {
    return this.#call('GET', `staff/bookings/${encodeURIComponent(bookingId)}/overview`, BookingOverviewResponse);
  }
  /** Every token that opens the booking stops at once (owner only; `204`). */
  revokeLinks(bookingId: string) {
    return this.#call('POST', `staff/bookings/${encodeURIComponent(bookingId)}/revoke-links`, NO_BODY);
  }
  cancelBooking(bookingId: string) {
    return this.#call('POST', `staff/bookings/${encodeURIComponent(bookingId)}/cancel`, StaffCancelResponse);
  }
  /**
   * Moves a booking to another free start time on the client's behalf. `idempotencyKey`: one per
   * move the staff member confirms, the same on its retries, so a retry never moves it twice.
   */
  rescheduleBooking(bookingId: string, start: string, idempotencyKey: string) {
    return this.#call(
      'POST',
      `staff/bookings/${encodeURIComponent(bookingId)}/reschedule`,
      StaffRescheduleResponse,
      { start },
      { headers: { 'Idempotency-Key': idempotencyKey } },
    );
  }
  intakeInbox() {
    return this.#call('GET', 'staff/intake-responses', IntakeInboxResponse);
  }
  intakeResponse(id: string) {
    return this.#call('GET', `staff/intake-responses/${encodeURIComponent(id)}/view`, IntakeResponseView);
  }
  safetyQueue() {
    return this.#call('GET', 'staff/safety-queue', SafetyQueueResponse);
  }
  safetyEntry(id: string) {
    return this.#call('GET', `staff/safety-queue/${encodeURIComponent(id)}`, SafetyEntryResponse);
  }
  acknowledge(id: string, note: string) {
    return this.#call('POST', `staff/safety-queue/${encodeURIComponent(id)}/acknowledge`, AcknowledgeResponse, { note });
  }

  clinic() {
    return this.#call('GET', 'staff/clinic', ConfigurationResponse);
  }
  /** Replaces the clinic's profile whole (owner); its scheduling settings stay as they are. */
  saveProfile(profile: ClinicProfile) {
    return this.#call('PUT', 'staff/clinic/profile', ConfigurationResponse, { profile });
  }
  /** Replaces the clinic's services whole, in order (owner): one left out is retired, its bookings keep it. */
  saveServices(services: ConfiguredService[]) {
    return this.#call('PUT', 'staff/clinic/services', ConfigurationResponse, { services });
  }
  /** Replaces a service's checklist template (owner); `null` removes it. */
  saveChecklist(serviceId: string, checklist: Record<string, unknown> | null) {
    return this.#call('PUT', `staff/clinic/checklists/${encodeURIComponent(serviceId)}`, ConfigurationResponse, { checklist });
  }
  /** Replaces the clinic's closures whole (owner). */
  saveClosures(closures: Closure[]) {
    return this.#call('PUT', 'staff/clinic/closures', ConfigurationResponse, { closures });
  }

  /** Replaces the clinic's opening hours whole (owner). */
  saveOpeningHours(openingHours: OpeningRange[]) {
    return this.#call('PUT', 'staff/clinic/hours', ConfigurationResponse, { openingHours });
  }
  /** Every staff account (owner). */
  staff() {
    return this.#call('GET', 'staff/accounts', StaffListResponse);
  }
  /** Invites a person: the answer carries their one-time set-up link, shown once. */
  inviteStaff(email: string, role: StaffRole) {
    return this.#call('POST', 'staff/accounts', StaffSetupLinkResponse, { email, role });
  }
  disableStaff(id: string) {
    return this.#call('POST', `staff/accounts/${encodeURIComponent(id)}/disable`, StaffMemberResponse);
  }
  /** A new set-up link for the account; its password, second factor and sessions are gone. */
  resetStaff(id: string) {
    return this.#call('POST', `staff/accounts/${encodeURIComponent(id)}/reset`, StaffSetupLinkResponse);
  }
  /** Signs every browser of the signed-in person out, this one included. */
  signOutEverywhere() {
    return this.#call('DELETE', 'staff/sessions', NO_BODY);
  }
  apiKeys() {
    return this.#call('GET', 'staff/api-keys', ApiKeyListResponse);
  }
  /** A new integration key: its secret is in this answer only. */
  createApiKey(name: string, scopes: ApiKeyScope[]) {
    return this.#call('POST', 'staff/api-keys', ApiKeyCreatedResponse, { name, scopes });
  }
  revokeApiKey(id: string) {
    return this.#call('DELETE', `staff/api-keys/${encodeURIComponent(id)}`, ApiKeyResponse);
  }
  webhooks() {
    return this.#call('GET', 'staff/webhooks', WebhookListResponse);
  }
  /** A new webhook endpoint: its signing secret is in this answer only. */
  createWebhook(url: string, events: string[]) {
    return this.#call('POST', 'staff/webhooks', WebhookSecretResponse, { url, events });
  }
  /** A new signing secret, in this answer only; the old one signs beside it for 24 hours. */
  rotateWebhook(id: string) {
    return this.#call('POST', `staff/webhooks/${encodeURIComponent(id)}/rotate`, WebhookSecretResponse);
  }
  disableWebhook(id: string) {
    return this.#call('POST', `staff/webhooks/${encodeURIComponent(id)}/disable`, WebhookResponse);
  }
  deleteWebhook(id: string) {
    return this.#call('DELETE', `staff/webhooks/${encodeURIComponent(id)}`, WebhookResponse);
  }
  webhookDeliveries(id: string) {
    return this.#call('GET', `staff/webhooks/${encodeURIComponent(id)}/deliveries`, NotificationDeliveriesResponse);
  }
  replayWebhookDelivery(id: string, deliveryId: string) {
    return this.#call('POST', `staff/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(deliveryId)}/replay`, WebhookReplayResponse);
  }
  /** The outbox's deliveries that failed for good, newest first (no addresses). */
  failedDeliveries() {
    return this.#call('GET', 'staff/notifications/failed', NotificationDeliveriesResponse);
  }
  /** A failed delivery waits to be sent again. */
  retryDelivery(id: string) {
    return this.#call('POST', `staff/notifications/${encodeURIComponent(id)}/retry`, NotificationRetryResponse);
  }
  /** The clinic's intake forms, each with its draft and its published versions (marketer, owner). */
  forms() {
    return this.#call('GET', 'staff/forms', FormsResponse);
  }
  /** Replaces form `id`'s draft, making the form when it is new. */
  saveFormDraft(id: string, draft: Record<string, unknown>) {
    return this.#call('PUT', `staff/forms/${encodeURIComponent(id)}/draft`, FormResponse, { draft });
  }
  /** Publishes form `id`'s draft as its next version; refused (422) while the draft has a problem. */
  publishForm(id: string) {
    return this.#call('POST', `staff/forms/${encodeURIComponent(id)}/publish`, FormResponse);
  }
  /** What the embed code is made of: the elements' build, the services, the published forms (marketer, owner). */
  embed() {
    return this.#call('GET', 'staff/embed', EmbedResponse);
  }
  /** A form's published versions, newest first: when, and by whom (a staff email). */
  formVersions(id: string) {
    return this.#call('GET', `staff/forms/${encodeURIComponent(id)}/versions`, FormVersionsResponse);
  }
  /** One published version's definition, with the version before it. */
  formVersion(id: string, version: string) {
    return this.#call('GET', `staff/forms/${encodeURIComponent(id)}/versions/${encodeURIComponent(version)}`, FormVersionResponse);
  }
  /** A published version's definition becomes the form's draft again. */
  restoreFormVersion(id: string, version: string) {
    return this.#call('POST', `staff/forms/${encodeURIComponent(id)}/versions/${encodeURIComponent(version)}/restore`, FormResponse);
  }
  /** The clinic's public profile, as a client's element reads it (`GET clinic`): the studio's preview shows its crisis phone. */
  publicClinic() {
    return this.#call('GET', 'clinic', ClinicResponse, undefined, { public: true });
  }
  /** The elements' theme: its draft and the published one (marketer, owner). */
  theme() {
    return this.#call('GET', 'staff/theme', ThemeResponse);
  }
  saveThemeDraft(draft: Theme) {
    return this.#call('PUT', 'staff/theme/draft', ThemeResponse, { draft });
  }
  /** Refused (422, the failing pairs on `draft`) while a contrast pair of the draft fails. */
  publishTheme() {
    return this.#call('POST', 'staff/theme/publish', ThemeResponse);
  }
  /** A page of the audit log, newest first; `before` is the `next` of the page before it. */
  audit(filter: AuditFilter, before?: string) {
    const query = auditQuery(filter);
    if (before) query.set('before', before);
    return this.#call('GET', `staff/audit?${query}`, AuditPage);
  }
  /** Where the CSV of everything the filter selects downloads from (a GET: the session cookie is enough). */
  auditCsvUrl(filter: AuditFilter): string {
    const query = auditQuery(filter).toString();
    return new URL(`staff/audit.csv${query ? `?${query}` : ''}`, this.base).href;
  }

  /** The public availability a client's `<kap-booking>` is offered (`from`, `to`: instants). */
  availability(service: string, from: string, to: string) {
    return this.#call('GET', `availability?${new URLSearchParams({ service, from, to })}`, AvailabilityResponse, undefined, { public: true });
  }

  async #call<T>(
    method: string,
    path: string,
    schema: Schema<T>,
    body?: unknown,
    options: { public?: boolean; headers?: Record<string, string> } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && this.csrfToken) headers[CSRF_HEADER] = this.csrfToken;
    let response: Response;
    try {
      response = await fetch(new URL(path, this.base), {
        method,
        headers,
        credentials: 'same-origin',
        cache: 'no-store',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new ConsoleApiError(0, 'network', 'The server could not be reached.');
    }
    this.lastAnsweredAt = Date.now();
    const json: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
    if (!response.ok) {
      const error = (json as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | undefined)?.error;
      if (response.status === 401 && !options.public && this.csrfToken !== undefined) {
        this.csrfToken = undefined;
        this.onSessionEnded?.();
      }
      const retryAfter = Number(response.headers.get('Retry-After'));
      throw new ConsoleApiError(
        response.status,
        error?.code ?? 'unknown',
        error?.message ?? '',
        error?.fields ?? {},
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ConsoleApiError(response.status, 'bad_response', 'The server’s answer could not be read.');
    if (parsed.data && typeof parsed.data === 'object' && 'csrfToken' in parsed.data) this.csrfToken = String(parsed.data.csrfToken);
    return parsed.data;
  }
}

function auditQuery(filter: AuditFilter): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of ['actor', 'from', 'to'] as const) if (filter[name]) query.set(name, filter[name]);
  return query;
}
