/**
 * The OpenAPI document's shared components: error responses, parameters, headers, security schemes,
 * and the schemas generated from the contract's zod schemas. Request bodies are described as the
 * server reads them (unknown keys rejected); response objects leave `additionalProperties` open,
 * because fields may be added to responses, never removed.
 */
import * as z from 'zod/mini';
import * as clinic from '../../src/api/clinic.js';
import * as clinicConfig from '../../src/api/clinic-config.js';
import * as theme from '../../src/api/theme.js';
import * as schemas from '../../src/api/schemas.js';
import * as staff from '../../src/api/staff.js';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../auth/session-cookie.js';
import { IntakeSubmission } from '../../src/api/intake-submission.js';
import { errorResponse, pathId, type JsonSchema } from './parts.js';

const RESPONSE_SCHEMAS = {
  FollowUpWindow: schemas.FollowUpWindow,
  Service: schemas.Service,
  ServicesResponse: schemas.ServicesResponse,
  Slot: schemas.Slot,
  AvailabilityResponse: schemas.AvailabilityResponse,
  Hold: schemas.Hold,
  HoldResponse: schemas.HoldResponse,
  Booking: schemas.Booking,
  BookingResponse: schemas.BookingResponse,
  BookingAccessCredential: schemas.BookingAccessCredential,
  BookingCreatedResponse: schemas.BookingCreatedResponse,
  ChecklistItemState: schemas.ChecklistItemState,
  ChecklistResponse: schemas.ChecklistResponse,
  ChecklistItemResponse: schemas.ChecklistItemResponse,
  IntakeResponseCreated: schemas.IntakeResponseCreated,
  SafetySignalCreated: schemas.SafetySignalCreated,
  ErrorBody: schemas.ErrorBody,
  ClinicResponse: clinic.ClinicResponse,
} as const;

const REQUEST_SCHEMAS = {
  HoldRequest: schemas.HoldRequest,
  ClientDetails: schemas.ClientDetails,
  Consent: schemas.Consent,
  BookingRequest: schemas.BookingRequest,
  RescheduleRequest: schemas.RescheduleRequest,
  ChecklistItemUpdate: schemas.ChecklistItemUpdate,
  BookingAccessExchange: schemas.BookingAccessExchange,
  EmailLinksRequest: schemas.EmailLinksRequest,
  IntakeSubmission,
  SafetySignalRequest: schemas.SafetySignalRequest,
} as const;

/** The staff part of the contract (src/api/staff.ts), in a registry of its own. */
export const STAFF_RESPONSE_SCHEMAS = {
  StaffMember: staff.StaffMember,
  StaffSessionResponse: staff.StaffSessionResponse,
  SetupStartResponse: staff.SetupStartResponse,
  SetupCompleteResponse: staff.SetupCompleteResponse,
  StaffListResponse: staff.StaffListResponse,
  StaffSetupLinkResponse: staff.StaffSetupLinkResponse,
  StaffMemberResponse: staff.StaffMemberResponse,
  ApiKey: staff.ApiKey,
  ApiKeyCreatedResponse: staff.ApiKeyCreatedResponse,
  ApiKeyListResponse: staff.ApiKeyListResponse,
  ApiKeyResponse: staff.ApiKeyResponse,
  AuditEntry: staff.AuditEntry,
  AuditPage: staff.AuditPage,
  NotificationDeliveriesResponse: staff.NotificationDeliveriesResponse,
  WebhookCreateRequest: staff.WebhookCreateRequest,
  WebhookSecretResponse: staff.WebhookSecretResponse,
  WebhookListResponse: staff.WebhookListResponse,
  WebhookResponse: staff.WebhookResponse,
  WebhookReplayResponse: staff.WebhookReplayResponse,
  NotificationRetryResponse: staff.NotificationRetryResponse,
  EmbedResponse: staff.EmbedResponse,
  StaffBooking: staff.StaffBooking,
  StaffBookingResponse: staff.StaffBookingResponse,
  StaffIntakeResponse: staff.StaffIntakeResponse,
  ClinicConfigurationResponse: clinicConfig.ClinicConfigurationResponse,
  FormsResponse: clinicConfig.FormsResponse,
  FormResponse: clinicConfig.FormResponse,
  FormVersionsResponse: clinicConfig.FormVersionsResponse,
  FormVersionResponse: clinicConfig.FormVersionResponse,
  ThemeResponse: theme.ThemeResponse,
  ScheduleResponse: staff.ScheduleResponse,
  RequestsResponse: staff.RequestsResponse,
  DecisionResponse: staff.DecisionResponse,
  BookingOverviewResponse: staff.BookingOverviewResponse,
  StaffCancelResponse: staff.StaffCancelResponse,
  StaffRescheduleResponse: staff.StaffRescheduleResponse,
  IntakeInboxResponse: staff.IntakeInboxResponse,
  IntakeResponseView: staff.IntakeResponseView,
  SafetyQueueResponse: staff.SafetyQueueResponse,
  SafetyEntryResponse: staff.SafetyEntryResponse,
  AcknowledgeResponse: staff.AcknowledgeResponse,
} as const;

const STAFF_REQUEST_SCHEMAS = {
  SignInRequest: staff.SignInRequest,
  SetupStartRequest: staff.SetupStartRequest,
  SetupCompleteRequest: staff.SetupCompleteRequest,
  StaffInviteRequest: staff.StaffInviteRequest,
  ApiKeyCreateRequest: staff.ApiKeyCreateRequest,
  ProfileUpdate: clinicConfig.ProfileUpdate,
  ServicesUpdate: clinicConfig.ServicesUpdate,
  OpeningHoursUpdate: clinicConfig.OpeningHoursUpdate,
  ClosuresUpdate: clinicConfig.ClosuresUpdate,
  ChecklistUpdate: clinicConfig.ChecklistUpdate,
  FormDraftUpdate: clinicConfig.FormDraftUpdate,
  ThemeDraftUpdate: theme.ThemeDraftUpdate,
  DeclineRequest: staff.DeclineRequest,
  StaffRescheduleRequest: staff.StaffRescheduleRequest,
  AcknowledgeRequest: staff.AcknowledgeRequest,
} as const;

/** The document's `components`. */
export function components() {
  return {
    schemas: {
      ...registrySchemas(RESPONSE_SCHEMAS, 'output'),
      ...registrySchemas(REQUEST_SCHEMAS, 'input'),
      ...registrySchemas(STAFF_RESPONSE_SCHEMAS, 'output'),
      ...registrySchemas(STAFF_REQUEST_SCHEMAS, 'input'),
    },
    responses: {
      BadRequest: errorResponse(
        '`idempotency_key_missing` (POST /bookings or /bookings/{id}/reschedule without Idempotency-Key) or `validation_failed` (body is not JSON, malformed key).',
      ),
      Unauthorized: errorResponse(
        '`unauthorized`: the bearer token is missing or does not open this booking (for availability: the `after` booking). An unknown booking id answers the same, so ids cannot be probed.',
        { 'WWW-Authenticate': { schema: { type: 'string' } } },
      ),
      Forbidden: errorResponse(
        '`forbidden` (signed in, but this role may not do this; or this API key’s scopes do not allow it) or `csrf_refused` (a state-changing staff request without this session’s `X-CSRF-Token`, or sent from another origin).',
      ),
      NotFound: errorResponse('`not_found`: no such route, or no such item in this booking’s checklist.'),
      Conflict: errorResponse(
        '`slot_unavailable` (the time is taken, inside the notice or past the horizon), `hold_expired` (the hold lapsed and the time was taken meanwhile), `booking_cancelled` (the booking was cancelled: it cannot be rescheduled nor its checklist changed), `booking_started` (the session has started or taken place: it can no longer be cancelled or rescheduled online) or `request_in_progress` (the first request with this Idempotency-Key is still running).',
      ),
      PayloadTooLarge: errorResponse(
        '`payload_too_large`: the body is over 32 KB (for `POST /intake-responses`: over what the served forms’ longest answers can need).',
      ),
      UnsupportedMediaType: errorResponse('`validation_failed`: a body was sent without `Content-Type: application/json`.'),
      ValidationFailed: errorResponse(
        '`validation_failed` with per-field messages in `fields`, keyed by dotted path (`client.email`); or `idempotency_key_reused` (the key was used with a different request).',
      ),
      RateLimited: errorResponse(
        '`rate_limited`: too many reads or too many writes from this client (separate budgets); wait `Retry-After` seconds. ' +
          'On `POST /holds`, also `too_many_holds`: this client already keeps as many live holds as it may.',
        {
          'Retry-After': { $ref: '#/components/headers/RetryAfter' },
        },
      ),
      InternalError: errorResponse('`internal_error`: something failed on the server; retrying may succeed.'),
    },
    parameters: {
      IdempotencyKey: {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'Optional here; when sent, the first outcome for this key is stored for 24 hours and replayed to retries with the same request.',
        schema: { type: 'string', minLength: 1, maxLength: 255 },
      },
      IdempotencyKeyRequired: {
        name: 'Idempotency-Key',
        in: 'header',
        required: true,
        description:
          'A new random value (e.g. a UUID) per logical submission, kept across its retries. The first outcome is stored for 24 hours and replayed; the same key with a different body is `422 idempotency_key_reused`.',
        schema: { type: 'string', minLength: 1, maxLength: 255 },
      },
      BookingId: pathId('id'),
    },
    headers: {
      IdempotentReplayed: {
        description: '`true` when this is the stored response to an earlier request with the same Idempotency-Key.',
        schema: { type: 'string', enum: ['true'] },
      },
      RetryAfter: { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 1 } },
    },
    securitySchemes: {
      bearerAuth: {
        type: 'http',
        scheme: 'bearer',
        description: 'The `accessToken` returned when the booking was created. Send it in this header, never in a URL.',
      },
      staffSession: {
        type: 'apiKey',
        in: 'cookie',
        name: SECURE_SESSION_COOKIE,
        description: `The staff session cookie set by \`POST /staff/session\`: HttpOnly, SameSite=Strict, Path=/; named \`${SECURE_SESSION_COOKIE}\` (with Secure) on https and \`${SESSION_COOKIE}\` on plain http. Ends 30 minutes after the last request and 12 hours after sign-in.`,
      },
      staffCsrf: {
        type: 'apiKey',
        in: 'header',
        name: staff.CSRF_HEADER,
        description:
          'The session’s `csrfToken` (from `POST /staff/session` or `GET /staff/me`), required with the session cookie on every POST, PUT, PATCH and DELETE. Such requests must also be same-origin (`Sec-Fetch-Site: same-origin`, or an `Origin` of this server).',
      },
      staffApiKey: {
        type: 'http',
        scheme: 'bearer',
        description:
          'An integration API key (`kap_…`, made by an owner with `POST /staff/api-keys`), on the GET routes its scopes grant: `read:bookings`, `read:responses`.',
      },
      holdReleaseToken: {
        type: 'http',
        scheme: 'bearer',
        description: 'The `releaseToken` returned with the hold (`POST /holds`). Send it in this header, never in a URL.',
      },
    },
  };
}

function registrySchemas(entries: Record<string, z.core.$ZodType>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(entries)) registry.add(schema, { id });
  const generated = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
    override: (ctx) => describeObject(ctx.zodSchema, ctx.jsonSchema as JsonSchema, io),
  }).schemas;
  for (const schema of Object.values(generated)) {
    delete schema.$schema;
    delete schema.$id;
  }
  return generated as Record<string, JsonSchema>;
}

/** Responses stay open to new fields; requests are closed, as the server rejects unknown keys. */
function describeObject(zodSchema: z.core.$ZodType, jsonSchema: JsonSchema, io: 'input' | 'output'): void {
  if (zodSchema._zod.def.type !== 'object') return;
  if (io === 'output') {
    if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
  } else {
    jsonSchema.additionalProperties ??= false;
  }
}
