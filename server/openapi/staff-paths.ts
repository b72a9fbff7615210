/**
 * The OpenAPI paths of the staff side: signing in and out, setting up an account, staff accounts,
 * API keys, the audit log and client-data reads. Security follows auth/route-access.ts: the session
 * cookie (with the CSRF header on writes), or for some reads an API key with the right scope.
 */
import { STAFF_ROUTES, type RouteAccess } from '../auth/route-access.js';
import { CLINIC_SETTINGS_OPERATIONS } from './clinic-paths.js';
import { json, parameter, pathId, ref, responses, success, type ErrorResponse, type OpenApiOperation } from './parts.js';

type Method = 'get' | 'post' | 'put' | 'delete';

interface StaffOperation {
  operationId: string;
  summary: string;
  description?: string;
  request?: string;
  /** Success status → response schema name (`null`: no body). */
  ok: Record<string, string | null>;
  errors: readonly ErrorResponse[];
  query?: unknown[];
}

const SIGNED_IN: ErrorResponse[] = ['Unauthorized', 'Forbidden'];
const WRITE: ErrorResponse[] = ['BadRequest', 'ValidationFailed', 'UnsupportedMediaType', 'PayloadTooLarge'];

const OPERATIONS: Record<string, StaffOperation> = {
  'POST /staff/session': {
    operationId: 'signIn',
    summary: 'Sign in (sets the session cookie)',
    description:
      'Email, password and, when the account has a second factor, `code`: six digits from the authenticator app or a recovery code, each usable once. ' +
      'A wrong email, password or code, an unknown, disabled or unfinished account all answer the same `401 sign_in_failed`. ' +
      'After repeated failures for an account or from an address, tries wait (`429 too_many_attempts` with `Retry-After`). ' +
      'Every sign-in starts a new session; the one the browser had ends.',
    request: 'SignInRequest',
    ok: { '201': 'StaffSessionResponse' },
    errors: ['Unauthorized', 'Forbidden', ...WRITE],
  },
  'GET /staff/me': {
    operationId: 'currentStaff',
    summary: 'Who is signed in, and the session’s CSRF token',
    ok: { '200': 'StaffSessionResponse' },
    errors: SIGNED_IN,
  },
  'DELETE /staff/session': { operationId: 'signOut', summary: 'Sign this browser out', ok: { '204': null }, errors: SIGNED_IN },
  'DELETE /staff/sessions': { operationId: 'signOutEverywhere', summary: 'Sign every browser of this account out', ok: { '204': null }, errors: SIGNED_IN },
  'POST /staff/setup/start': {
    operationId: 'startSetup',
    summary: 'Check a set-up link’s token and get a TOTP secret to enrol',
    description:
      'The token comes from the set-up link’s fragment (`/console/setup#token=…`). An unknown, used or expired token answers `401 setup_link_invalid`.',
    request: 'SetupStartRequest',
    ok: { '200': 'SetupStartResponse' },
    errors: ['Unauthorized', 'Forbidden', ...WRITE],
  },
  'POST /staff/setup/complete': {
    operationId: 'completeSetup',
    summary: 'Set the password and enrol the second factor; answers the recovery codes once',
    description:
      'The password needs at least 12 characters and must not be a common one (no composition rules). `code` is a current code for the secret of `setup/start`: required for every role but the marketer.',
    request: 'SetupCompleteRequest',
    ok: { '201': 'SetupCompleteResponse' },
    errors: ['Unauthorized', 'Forbidden', ...WRITE],
  },
  'GET /staff/accounts': { operationId: 'listStaff', summary: 'Staff accounts', ok: { '200': 'StaffListResponse' }, errors: SIGNED_IN },
  'POST /staff/accounts': {
    operationId: 'inviteStaff',
    summary: 'Add a staff account; answers its one-time set-up link',
    request: 'StaffInviteRequest',
    ok: { '201': 'StaffSetupLinkResponse' },
    errors: [...SIGNED_IN, 'Conflict', ...WRITE],
  },
  'POST /staff/accounts/{id}/disable': {
    operationId: 'disableStaff',
    summary: 'Disable a staff account and end its sessions',
    description: '`409 last_owner` for the clinic’s only active owner; `409 own_account` for the caller’s own account.',
    ok: { '200': 'StaffMemberResponse' },
    errors: [...SIGNED_IN, 'NotFound', 'Conflict'],
  },
  'POST /staff/accounts/{id}/reset': {
    operationId: 'resetStaff',
    summary: 'A new set-up link: password, second factor and sessions are gone',
    ok: { '200': 'StaffSetupLinkResponse' },
    errors: [...SIGNED_IN, 'NotFound'],
  },
  'GET /staff/api-keys': {
    operationId: 'listApiKeys',
    summary: 'Integration API keys, with their last use',
    ok: { '200': 'ApiKeyListResponse' },
    errors: SIGNED_IN,
  },
  'POST /staff/api-keys': {
    operationId: 'createApiKey',
    summary: 'Create an integration API key; its secret is answered once',
    request: 'ApiKeyCreateRequest',
    ok: { '201': 'ApiKeyCreatedResponse' },
    errors: [...SIGNED_IN, ...WRITE],
  },
  'DELETE /staff/api-keys/{id}': {
    operationId: 'revokeApiKey',
    summary: 'Revoke an API key',
    ok: { '200': 'ApiKeyResponse' },
    errors: [...SIGNED_IN, 'NotFound'],
  },
  'GET /staff/embed': {
    operationId: 'embedCode',
    summary: 'What the embed code is made of: the built elements’ versioned paths and SRI hashes, the services and published forms',
    description:
      '`elements` is `null` while the server has no build of the elements (`npm run build`). Paths are under the API (`elements/<version>/kap-booking.js`); ' +
      'the version is the build’s content hash, so those addresses are cached for a year and never change. Clinic configuration only, no client data.',
    ok: { '200': 'EmbedResponse' },
    errors: SIGNED_IN,
  },
  'GET /staff/audit': {
    operationId: 'listAuditLog',
    summary: 'The audit log, newest first',
    ok: { '200': 'AuditPage' },
    errors: [...SIGNED_IN, 'ValidationFailed'],
    query: auditFilters(true),
  },
  'GET /staff/audit.csv': {
    operationId: 'exportAuditLog',
    summary: 'The audit log as CSV (cells that a spreadsheet would run as formulas are prefixed with an apostrophe)',
    ok: { '200': null },
    errors: [...SIGNED_IN, 'ValidationFailed'],
    query: auditFilters(false),
  },
  'GET /staff/notifications/failed': {
    operationId: 'failedNotifications',
    summary:
      'Outbox deliveries that failed for good (or, with state=pending, that are waiting to be retried), newest first: types, ids and error codes, no addresses',
    ok: { '200': 'NotificationDeliveriesResponse' },
    errors: [...SIGNED_IN, 'ValidationFailed'],
    query: [
      { name: 'state', in: 'query', required: false, description: '`failed` (default) or `pending`.', schema: { type: 'string', enum: ['failed', 'pending'] } },
    ],
  },
  'POST /staff/notifications/{id}/retry': {
    operationId: 'retryNotification',
    summary: 'Send a failed delivery (an email or a webhook) again: pending from now, its attempts counted on',
    ok: { '202': 'NotificationRetryResponse' },
    errors: [...SIGNED_IN, 'Conflict'],
  },
  'GET /staff/webhooks': {
    operationId: 'listWebhooks',
    summary: 'Webhook endpoints (never their secrets)',
    ok: { '200': 'WebhookListResponse' },
    errors: SIGNED_IN,
  },
  'POST /staff/webhooks': {
    operationId: 'createWebhook',
    summary: 'Add a webhook endpoint; its signing secret is answered once',
    description:
      'The URL must be https and resolve to public addresses only (422 otherwise), unless the server runs with KAP_WEBHOOK_ALLOW_PRIVATE=1. Deliveries follow the Standard Webhooks headers; the payload is `{type, timestamp, data}` with ids only.',
    request: 'WebhookCreateRequest',
    ok: { '201': 'WebhookSecretResponse' },
    errors: [...SIGNED_IN, ...WRITE],
  },
  'POST /staff/webhooks/{id}/rotate': {
    operationId: 'rotateWebhookSecret',
    summary: 'A new signing secret, answered once; the previous one keeps signing for 24 hours',
    ok: { '200': 'WebhookSecretResponse' },
    errors: [...SIGNED_IN, 'NotFound'],
  },
  'POST /staff/webhooks/{id}/disable': {
    operationId: 'disableWebhook',
    summary: 'Stop deliveries to a webhook endpoint (its log is kept)',
    ok: { '200': 'WebhookResponse' },
    errors: [...SIGNED_IN, 'NotFound'],
  },
  'DELETE /staff/webhooks/{id}': {
    operationId: 'deleteWebhook',
    summary: 'Remove a webhook endpoint and its secrets',
    ok: { '200': 'WebhookResponse' },
    errors: [...SIGNED_IN, 'NotFound'],
  },
  'GET /staff/webhooks/{id}/deliveries': {
    operationId: 'webhookDeliveries',
    summary: "A webhook endpoint's delivery log, newest first: event, state, attempts, last error, next try",
    ok: { '200': 'NotificationDeliveriesResponse' },
    errors: [...SIGNED_IN, 'NotFound'],
  },
  'POST /staff/webhooks/{id}/deliveries/{deliveryId}/replay': {
    operationId: 'replayWebhookDelivery',
    summary: 'Send a finished delivery again, with the same webhook-id',
    ok: { '202': 'WebhookReplayResponse' },
    errors: [...SIGNED_IN, 'NotFound', 'Conflict'],
  },

  'GET /staff/bookings/{id}': {
    operationId: 'staffBooking',
    summary: 'A booking with the client’s details (the read is recorded in the audit log)',
    ok: { '200': 'StaffBookingResponse' },
    errors: [...SIGNED_IN, 'NotFound'],
  },
  'GET /staff/intake-responses/{id}': {
    operationId: 'staffIntakeResponse',
    summary: 'An intake response: answers, scores, flags (the read is recorded in the audit log)',
    ok: { '200': 'StaffIntakeResponse' },
    errors: [...SIGNED_IN, 'NotFound'],
  },
  // the console (routes/staff-console.ts)
  'GET /staff/schedule': {
    operationId: 'staffSchedule',
    summary:
      'Bookings starting on clinic days from `from` for `days` days: service, time, status, checklist progress, and as the role allows the client and the intake’s status',
    description:
      'Front desk sees of an intake only `submitted` or `needs-clinician`; roles that may read intake answers also get the responses’ ids. Days are the clinic’s (its time zone is answered).',
    ok: { '200': 'ScheduleResponse' },
    errors: [...SIGNED_IN, 'ValidationFailed'],
    query: [
      {
        name: 'from',
        in: 'query',
        required: false,
        description: 'The first day, `YYYY-MM-DD` (default: today at the clinic).',
        schema: { type: 'string', format: 'date' },
      },
      { name: 'days', in: 'query', required: false, description: 'How many days (default 8).', schema: { type: 'integer', minimum: 1, maximum: 31 } },
    ],
  },
  'GET /staff/requests': {
    operationId: 'staffRequests',
    summary: 'Request-mode bookings waiting for the clinic, soonest first',
    ok: { '200': 'RequestsResponse' },
    errors: SIGNED_IN,
  },
  'POST /staff/bookings/{id}/confirm': {
    operationId: 'confirmRequest',
    summary: 'Confirm a requested booking (the same decision again answers the first one)',
    description: '`409 already_decided` when it was declined, or was never a request; `409 booking_cancelled` when the client cancelled it.',
    ok: { '200': 'DecisionResponse' },
    errors: [...SIGNED_IN, 'NotFound', 'Conflict'],
  },
  'POST /staff/bookings/{id}/decline': {
    operationId: 'declineRequest',
    summary: 'Decline a requested booking with a reason from the list, optionally suggesting up to three other times; its time is freed',
    description:
      'Each suggested time must be one the clinic offers for the booking’s service, still ahead (`422` otherwise); it is not held. ' +
      'The client’s `GET bookings/{id}` lists the suggestions still ahead as `suggestedTimes`.',
    request: 'DeclineRequest',
    ok: { '200': 'DecisionResponse' },
    errors: [...SIGNED_IN, 'NotFound', 'Conflict', ...WRITE],
  },
  'GET /staff/bookings/{id}/overview': {
    operationId: 'staffBookingOverview',
    summary:
      'A booking for the console: client details, history, checklist ticks with times, and the intake as the role may see it (the read is recorded in the audit log)',
    ok: { '200': 'BookingOverviewResponse' },
    errors: [...SIGNED_IN, 'NotFound'],
  },
  'POST /staff/bookings/{id}/cancel': {
    operationId: 'staffCancelBooking',
    summary: 'Cancel a booking on the client’s behalf, freeing its time (cancelling again answers it unchanged)',
    description: '`409 booking_started` when its session has begun.',
    ok: { '200': 'StaffCancelResponse' },
    errors: [...SIGNED_IN, 'NotFound', 'Conflict', ...WRITE],
  },
  'POST /staff/bookings/{id}/revoke-links': {
    operationId: 'staffRevokeBookingLinks',
    summary: 'Revoke every token that opens a booking (its own, its emails’ links, the tabs’ credentials), at once (owner)',
    ok: { '204': null },
    errors: [...SIGNED_IN, 'NotFound', ...WRITE],
  },
  'POST /staff/bookings/{id}/reschedule': {
    operationId: 'staffRescheduleBooking',
    summary: 'Move a booking to another free time on the client’s behalf (the client’s own rule: no double booking); its status stays',
    description:
      'Requires `Idempotency-Key`: a retry with it replays the first answer. `409 slot_unavailable` when the time is taken or no longer bookable (inside the notice, past the horizon), ' +
      '`409 booking_cancelled` for a cancelled booking, `409 booking_started` when its session has begun.',
    request: 'StaffRescheduleRequest',
    ok: { '200': 'StaffRescheduleResponse' },
    errors: [...SIGNED_IN, 'NotFound', 'Conflict', ...WRITE],
    query: [parameter('IdempotencyKeyRequired')],
  },
  'GET /staff/intake-responses': {
    operationId: 'intakeInbox',
    summary:
      'The latest intake responses, newest first: when, which form and version, which booking, whether one needs a clinician (no answers, no client details)',
    ok: { '200': 'IntakeInboxResponse' },
    errors: SIGNED_IN,
  },
  'GET /staff/intake-responses/{id}/view': {
    operationId: 'intakeResponseView',
    summary:
      'One intake response laid out: answers in the order and wording of the form version it answered, scores, flags (the read is recorded in the audit log)',
    ok: { '200': 'IntakeResponseView' },
    errors: [...SIGNED_IN, 'NotFound'],
  },
  'GET /staff/safety-queue': {
    operationId: 'safetyQueue',
    summary: 'Intake responses with a safety answer, and safety signals from intakes never sent, that nobody has acknowledged, oldest first',
    ok: { '200': 'SafetyQueueResponse' },
    errors: SIGNED_IN,
  },
  'GET /staff/safety-queue/{id}': {
    operationId: 'safetyEntry',
    summary: 'One safety entry with its answers in the form’s order and wording, scores and flags (the read is recorded in the audit log)',
    ok: { '200': 'SafetyEntryResponse' },
    errors: [...SIGNED_IN, 'NotFound'],
  },
  'POST /staff/safety-queue/{id}/acknowledge': {
    operationId: 'acknowledgeSafetyEntry',
    summary: 'Acknowledge a safety entry with a note (who and when are recorded); it leaves the queue',
    request: 'AcknowledgeRequest',
    ok: { '200': 'AcknowledgeResponse' },
    errors: [...SIGNED_IN, 'NotFound', ...WRITE],
  },
};

function auditFilters(paged: boolean): unknown[] {
  const text = (name: string, description: string) => ({ name, in: 'query', required: false, description, schema: { type: 'string' } });
  return [
    text('actor', 'Only entries by this staff member or API key (id).'),
    text('recordType', 'Only entries about records of this type (`booking`, `intake_response`, `staff`, …).'),
    text('recordId', 'Only entries about this record (id).'),
    { name: 'from', in: 'query', required: false, description: 'Entries at or after this instant.', schema: { type: 'string', format: 'date-time' } },
    { name: 'to', in: 'query', required: false, description: 'Entries before this instant.', schema: { type: 'string', format: 'date-time' } },
    ...(paged
      ? [
          text('before', 'The `next` of the previous page.'),
          { name: 'limit', in: 'query', required: false, description: 'Entries per page (default 50).', schema: { type: 'integer', minimum: 1, maximum: 500 } },
        ]
      : []),
  ];
}

function security(access: RouteAccess, method: Method): Record<string, string[]>[] | undefined {
  if (access === 'public') return undefined;
  const session: Record<string, string[]> = method === 'get' ? { staffSession: [] } : { staffSession: [], staffCsrf: [] };
  if (access === 'signed-in' || !access.apiKey) return [session];
  const scope = access.permission === 'bookings:read' ? 'read:bookings' : 'read:responses';
  return [session, { staffApiKey: [scope] }];
}

function operation(route: string, spec: StaffOperation): OpenApiOperation {
  const method = route.split(' ')[0]!.toLowerCase() as Method;
  const access = STAFF_ROUTES[route.replace(/\{(\w+)\}/g, ':$1')]!;
  const successes = Object.fromEntries(
    Object.entries(spec.ok).map(([status, schema]) => [
      status,
      schema === null
        ? { description: status === '204' ? 'Done.' : 'text/csv', ...(status === '200' ? { content: { 'text/csv': { schema: { type: 'string' } } } } : {}) }
        : success(spec.summary, schema),
    ]),
  );
  const path = route.split(' ')[1]!;
  const parameters = [...[...path.matchAll(/\{(\w+)\}/g)].map((match) => pathId(match[1]!)), ...(spec.query ?? [])];
  const secured = security(access, method);
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: ['staff'],
    ...(parameters.length ? { parameters } : {}),
    ...(spec.request ? { requestBody: { required: true, content: json(ref(spec.request)) } } : {}),
    ...(secured ? { security: secured } : {}),
    responses: responses(successes, ...spec.errors, 'InternalError'),
  };
}

export const STAFF_PATHS: Record<string, Record<string, OpenApiOperation>> = {};
for (const [route, spec] of Object.entries({ ...OPERATIONS, ...CLINIC_SETTINGS_OPERATIONS })) {
  const [method, path] = route.split(' ') as [string, string];
  (STAFF_PATHS[path] ??= {})[method.toLowerCase()] = operation(route, spec);
}
