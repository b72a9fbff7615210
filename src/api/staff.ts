/**
 * The staff part of the contract: what the clinic's console (and an EHR sync, with an API key)
 * sends to the reference backend under `staff/` and what it gets back. The server reads requests
 * strictly with these schemas, the console parses responses with them, and `openapi.json`
 * documents them. Roles and permissions are in src/staff/roles.ts.
 *
 * A signed-in console sends its session cookie (set by `POST staff/session`, HttpOnly) and, on
 * every state-changing request, the header `X-CSRF-Token` with the `csrfToken` of that session.
 */
import * as z from 'zod/mini';
import { IntakeSubmission } from './intake-submission.js';
import { API_KEY_SCOPE_NAMES, PERMISSIONS, STAFF_ROLES } from '../staff/roles.js';
import { Booking, CareReason, ClientDetails, Instant, MAX_SUGGESTED_TIMES, RecordId as Id } from './schemas.js';

export * from './staff-intake.js';
export * from './staff-outbox.js';

/** The header a signed-in console sends on every POST, PUT, PATCH and DELETE. */
export const CSRF_HEADER = 'X-CSRF-Token';

/** Error codes of the staff routes, besides the contract's own (`ErrorCode` in schemas.ts). */
export const StaffErrorCode = z.enum([
  /** 401: email, password or code not right — the same answer whether or not the account exists. */
  'sign_in_failed',
  /** 429 with `Retry-After`: too many failed sign-ins for this account or from this address. */
  'too_many_attempts',
  /** 401: the set-up link is unknown, used or expired. */
  'setup_link_invalid',
  /** 403: signed in, but this role may not do this (or this API key's scopes do not allow it). */
  'forbidden',
  /** 403: a state-changing request without this session's `X-CSRF-Token`, or sent from another origin. */
  'csrf_refused',
  /** 409: an account with this email exists. */
  'email_taken',
  /** 409: the clinic's only active owner cannot be disabled. */
  'last_owner',
  /** 409: an owner cannot disable their own account (another owner can). */
  'own_account',
  /** 409: that version of the form is published already; published versions never change. */
  'form_version_published',
  /** 409: the request was decided the other way already, or the booking was never a request. */
  'already_decided',
  /** 409: that webhook delivery is still waiting or being sent (only a finished one can be replayed). */
  'delivery_not_finished',
  /** 409: that delivery has not failed (it is waiting, being sent, or was tried again already). */
  'delivery_not_failed',
]);
export type StaffErrorCode = z.infer<typeof StaffErrorCode>;

const Email = z.email('Enter an email address in the correct format, like name@example.com').check(z.maxLength(254));
/** Checked further by the server's password policy (length, common passwords); no composition rules. */
const Password = z.string().check(z.maxLength(1024));
/** Six digits from the authenticator app, or a recovery code (`XXXX-XXXX-XXXX-XXXX`). */
const SecondFactorCode = z.string().check(z.maxLength(40));

export const StaffRoleSchema = z.enum(STAFF_ROLES);
export const PermissionSchema = z.enum(PERMISSIONS as [string, ...string[]]);
export const ApiKeyScopeSchema = z.enum(API_KEY_SCOPE_NAMES as [string, ...string[]]);

// ---- signing in --------------------------------------------------------------------------------

/** `POST staff/session`: sign in. `code` is needed when the account has a second factor. */
export const SignInRequest = z.object({ email: Email, password: Password, code: z.optional(SecondFactorCode) });

export const StaffMember = z.object({
  id: Id,
  email: z.string(),
  role: StaffRoleSchema,
  /** `invited` until the set-up link is used; `disabled` accounts cannot sign in. */
  state: z.enum(['invited', 'active', 'disabled']),
  /** Whether the account signs in with TOTP. */
  secondFactor: z.boolean(),
  createdAt: Instant,
});

/** `POST staff/session` (201) and `GET staff/me`: who is signed in, and the session's CSRF token. */
export const StaffSessionResponse = z.object({
  staff: z.object({ ...StaffMember.shape, permissions: z.array(PermissionSchema) }),
  /** Send it as `X-CSRF-Token` on every state-changing request of this session. */
  csrfToken: z.string(),
  session: z.object({
    id: Id,
    /** The session ends at this instant at the latest (12 hours after sign-in). */
    expiresAt: Instant,
    /** And after this many seconds without a request (30 minutes). */
    idleTimeoutSeconds: z.int(),
    recoveryCodesLeft: z.optional(z.int()),
  }),
});

// ---- setting up an account ----------------------------------------------------------------------

/** `POST staff/setup/start`: the token from the set-up link's fragment (`#token=…`). */
export const SetupStartRequest = z.object({ token: z.string().check(z.minLength(1), z.maxLength(200)) });

export const SetupStartResponse = z.object({
  email: z.string(),
  role: StaffRoleSchema,
  secondFactor: z.object({
    /** Roles that see client data must enrol; the marketer may. */
    required: z.boolean(),
    /** Base32, for typing into an authenticator app. */
    secret: z.string(),
    /** `otpauth://totp/…`, for a QR code. */
    uri: z.string(),
  }),
});

/**
 * `POST staff/setup/complete`: the password (at least 12 characters, not a common one) and, to
 * enrol the second factor, a current code for the secret `setup/start` gave.
 */
export const SetupCompleteRequest = z.object({
  token: z.string().check(z.minLength(1), z.maxLength(200)),
  password: Password,
  code: z.optional(SecondFactorCode),
});

/** The ten single-use recovery codes, shown this once (none without a second factor). */
export const SetupCompleteResponse = z.object({ staff: StaffMember, recoveryCodes: z.array(z.string()) });

// ---- staff accounts (owner) ---------------------------------------------------------------------

/** `GET staff/accounts`: every account, with its last sign-in when the audit log has one. */
export const StaffListResponse = z.object({ staff: z.array(z.object({ ...StaffMember.shape, lastSignInAt: z.optional(Instant) })) });

/** `POST staff/accounts`: invite someone; they set their own password through the link. */
export const StaffInviteRequest = z.object({ email: Email, role: StaffRoleSchema });

/** The one-time set-up link (its token in the fragment), valid 24 hours. */
export const StaffSetupLinkResponse = z.object({ staff: StaffMember, setupUrl: z.string(), setupExpiresAt: Instant });

export const StaffMemberResponse = z.object({ staff: StaffMember });

// ---- API keys (owner) ---------------------------------------------------------------------------

export const ApiKey = z.object({
  id: Id,
  name: z.string(),
  scopes: z.array(ApiKeyScopeSchema),
  createdAt: Instant,
  lastUsedAt: z.optional(Instant),
  revokedAt: z.optional(Instant),
});

export const ApiKeyCreateRequest = z.object({
  /** What the key is for, e.g. "EHR sync". */
  name: z.string().check(z.trim(), z.minLength(1, 'Name the key'), z.maxLength(100)),
  scopes: z.array(ApiKeyScopeSchema).check(z.minLength(1, 'Choose at least one scope'), z.maxLength(10)),
});

/** The key's secret is shown this once: `Authorization: Bearer <secret>`. */
export const ApiKeyCreatedResponse = z.object({ apiKey: ApiKey, secret: z.string() });
export const ApiKeyListResponse = z.object({ apiKeys: z.array(ApiKey) });
export const ApiKeyResponse = z.object({ apiKey: ApiKey });

// ---- the embed code (marketer, owner) ------------------------------------------------------------

/** A built file a page loads: its path under the API (version in it) and its SRI hash. */
export const EmbedFile = z.object({ path: z.string(), integrity: z.string() });

/**
 * `GET staff/embed`: what the console's embed code is made of — the built elements (`null` until
 * the server has a build), the services a page may book directly (a follow-up service is booked
 * from the session that opens it, so it is not offered) and the published intake forms. The
 * clinic's configuration only: never anything about a client.
 */
export const EmbedResponse = z.object({
  /** `KAP_PUBLIC_URL` when the server has one; else the console uses the address it reached the API at. */
  publicUrl: z.optional(z.string()),
  elements: z.nullable(
    z.object({
      /** The build's content hash, in every path below. */
      version: z.string(),
      booking: EmbedFile,
      intake: EmbedFile,
      checklist: EmbedFile,
      /** The Spanish strings, loaded beside the element for `lang="es"`. */
      spanish: EmbedFile,
    }),
  ),
  services: z.array(z.object({ id: Id, name: z.string() })),
  forms: z.array(z.object({ id: Id, title: z.string() })),
});

// ---- the audit log (owner) ----------------------------------------------------------------------

export const AuditEntry = z.object({
  id: z.string(),
  at: Instant,
  /** A staff member, an API key, or the command line (`system`, id `cli`); none for a failed sign-in. */
  actor: z.object({ type: z.enum(['staff', 'api_key', 'system', 'anonymous']), id: z.optional(z.string()) }),
  /** e.g. `booking.read`, `staff.add`, `session.sign_in`. */
  action: z.string(),
  record: z.optional(z.object({ type: z.string(), id: z.string() })),
  /** The address the request came from (through trusted proxies). */
  address: z.optional(z.string()),
});

/** Newest first; `next` is the `before` of the following page. */
export const AuditPage = z.object({ entries: z.array(AuditEntry), next: z.optional(z.string()) });

// ---- client data (staff with the permission, or an API key with the scope) -----------------------

export const StaffBooking = z.object({
  ...Booking.shape,
  client: ClientDetails,
  consent: z.object({ privacy: z.literal(true), contact: z.optional(z.boolean()) }),
  reason: z.optional(CareReason),
  source: z.optional(z.string()),
  createdAt: Instant,
});
export const StaffBookingResponse = z.object({ booking: StaffBooking });

export const StaffIntakeResponse = z.object({
  response: z.object({ id: Id, receivedAt: Instant, submission: IntakeSubmission }),
});

// ---- the console: schedule, requests, safety queue ----------------------------------------------

const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a day as YYYY-MM-DD'));

/**
 * A booking's intake as the schedule shows it. Roles with `intake:status` only (front desk) get
 * `status` alone; roles with `intake:read` also the responses' ids, to open them.
 */
export const ScheduleIntake = z.object({
  status: z.enum(['none', 'submitted', 'needs-clinician']),
  responses: z.optional(z.array(Id)),
});

export const ScheduleEntry = z.object({
  ...Booking.shape,
  serviceName: z.string(),
  /** Only for roles with `bookings:read`. */
  client: z.optional(z.object({ name: z.string() })),
  /** Ticked and total items; absent when the booking has no checklist. */
  checklist: z.optional(z.object({ done: z.int(), total: z.int() })),
  /** Absent for roles without `intake:status`. */
  intake: z.optional(ScheduleIntake),
});

/** `GET staff/schedule?from=YYYY-MM-DD&days=N`: bookings starting on those clinic days, by start. */
export const ScheduleResponse = z.object({
  timeZone: z.string(),
  from: Day,
  days: z.int(),
  bookings: z.array(ScheduleEntry),
});

export const DECLINE_REASON_CODES = ['no-availability', 'not-suitable-yet', 'screening-needed', 'clinician-unavailable', 'other'] as const;
export const DeclineReasonSchema = z.enum(DECLINE_REASON_CODES);

export const Decision = z.object({
  decision: z.enum(['confirmed', 'declined']),
  reason: z.optional(DeclineReasonSchema),
  /** A decline's other start times offered to the client (see `Booking.suggestedTimes`). */
  suggestedTimes: z.optional(z.array(Instant)),
  by: z.object({ id: Id, email: z.optional(z.string()) }),
  at: Instant,
});

/** `GET staff/requests`: request-mode bookings waiting for the clinic, soonest first. */
export const RequestsResponse = z.object({
  requests: z.array(z.object({ booking: StaffBooking, serviceName: z.string() })),
});

/**
 * `POST staff/bookings/{id}/decline`: why (the console offers the list), and optionally up to
 * three other start times of the same service to suggest (each one of the times the clinic
 * offers, still ahead); the client's booking read lists them.
 */
export const DeclineRequest = z.object({
  reason: DeclineReasonSchema,
  suggestedTimes: z.optional(z.array(Instant).check(z.maxLength(MAX_SUGGESTED_TIMES))),
});

/**
 * `POST staff/bookings/{id}/reschedule` (`Idempotency-Key` required): move the booking to another
 * free start time of its service, with the client's own no-double-booking rule; its status stays.
 */
export const StaffRescheduleRequest = z.object({ start: Instant });

/** `POST staff/bookings/{id}/reschedule`: the booking at its new time. */
export const StaffRescheduleResponse = z.object({ booking: Booking });

/** `POST staff/bookings/{id}/confirm` and `…/decline`: the booking as it now is, and the decision. */
export const DecisionResponse = z.object({ booking: Booking, decision: Decision });

const StaffRef = z.object({ id: Id, email: z.optional(z.string()) });

/**
 * `GET staff/bookings/{id}/overview` (written to the audit log): the booking with the client's
 * details, its history as the store keeps it (made; confirmed or declined, by whom), its checklist
 * with the time each item was ticked, and its intake — front desk sees only the status; roles with
 * `intake:read` also each response's id and time, to open it.
 */
export const BookingOverviewResponse = z.object({
  booking: StaffBooking,
  serviceName: z.string(),
  history: z.array(
    z.object({
      event: z.enum(['created', 'confirmed', 'declined', 'cancelled']),
      at: Instant,
      by: z.optional(StaffRef),
      /** A decline's other times suggested to the client. */
      suggestedTimes: z.optional(z.array(Instant)),
    }),
  ),
  checklist: z.optional(z.array(z.object({ id: z.string(), text: z.string(), group: z.string(), doneAt: z.optional(Instant) }))),
  intake: z.optional(
    z.object({
      status: z.enum(['none', 'submitted', 'needs-clinician']),
      responses: z.optional(z.array(z.object({ id: Id, receivedAt: Instant }))),
    }),
  ),
});

/** `POST staff/bookings/{id}/cancel`: the booking as it now is (cancelling again answers it unchanged). */
export const StaffCancelResponse = z.object({ booking: Booking });

export type ScheduleEntry = z.infer<typeof ScheduleEntry>;
export type ScheduleResponse = z.infer<typeof ScheduleResponse>;
export type DeclineReasonCode = z.infer<typeof DeclineReasonSchema>;
export type DeclineRequest = z.infer<typeof DeclineRequest>;
export type StaffRescheduleResponse = z.infer<typeof StaffRescheduleResponse>;
export type Decision = z.infer<typeof Decision>;
export type RequestsResponse = z.infer<typeof RequestsResponse>;
export type DecisionResponse = z.infer<typeof DecisionResponse>;
export type BookingOverviewResponse = z.infer<typeof BookingOverviewResponse>;
export type StaffCancelResponse = z.infer<typeof StaffCancelResponse>;

export type SignInRequest = z.infer<typeof SignInRequest>;
export type StaffMember = z.infer<typeof StaffMember>;
export type StaffSessionResponse = z.infer<typeof StaffSessionResponse>;
export type SetupStartResponse = z.infer<typeof SetupStartResponse>;
export type SetupCompleteResponse = z.infer<typeof SetupCompleteResponse>;
export type StaffSetupLinkResponse = z.infer<typeof StaffSetupLinkResponse>;
export type ApiKey = z.infer<typeof ApiKey>;
export type AuditEntry = z.infer<typeof AuditEntry>;
export type AuditPage = z.infer<typeof AuditPage>;
export type StaffBooking = z.infer<typeof StaffBooking>;
export type StaffListResponse = z.infer<typeof StaffListResponse>;
export type StaffMemberResponse = z.infer<typeof StaffMemberResponse>;
export type ApiKeyCreatedResponse = z.infer<typeof ApiKeyCreatedResponse>;
export type EmbedResponse = z.infer<typeof EmbedResponse>;
