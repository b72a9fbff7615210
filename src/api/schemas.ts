/**
 * The backend contract, defined once. The browser client validates every response with these
 * schemas, the reference backend validates every request with them, and `openapi.json` is
 * generated from them. Fields may be added to responses, never removed: response objects are
 * parsed leniently (unknown keys are dropped), request objects strictly by the server.
 */
import * as z from 'zod/mini';
import { isTimeZone } from './time-zone.js';

/** An ISO 8601 instant in UTC, e.g. `2026-03-04T14:00:00Z`. */
export const Instant = z.iso.datetime({ offset: false, local: false });

/** An IANA time zone name, e.g. `America/New_York`. Checked against the runtime's zone data. */
export const TimeZone = z.string().check(z.refine(isTimeZone, 'Expected an IANA time zone name such as America/New_York'));

export { isTimeZone };

const Id = z.string().check(z.minLength(1), z.maxLength(200));
/** A record's id as the contract carries it (1–200 characters): one rule for the elements' and the staff's parts. */
export { Id as RecordId };

/**
 * Other languages of an object's plain text fields, by BCP 47 tag: `{"es": {"name": "Consulta"}}`.
 * The plain fields are in the response's `lang` (default `en`); a client shows the page's language,
 * then its base language, then the plain field (`translatedField` in `src/i18n/local-text.ts`),
 * marking text in another language with `lang`. Optional, so older backends and clients still fit.
 */
const translationsOf = <const K extends string>(...fields: K[]) => {
  const texts = Object.fromEntries(fields.map((field) => [field, z.string()])) as Record<K, z.ZodMiniString>;
  return z.optional(z.record(z.string(), z.partial(z.object(texts))));
};

/** The language of a response's plain text fields (BCP 47); `en` when absent. */
const ContentLanguage = z.optional(z.string().check(z.minLength(2), z.maxLength(35)));

// ---- services ----------------------------------------------------------------------------

export const ServiceLocation = z.enum(['in_person', 'virtual']);
/** `instant` books at once; `request` asks the clinic, which confirms later. */
export const ServiceMode = z.enum(['instant', 'request']);

/**
 * A service booked in a window after another session, e.g. integration 24–48 hours after the
 * administration session ends. Availability for it is asked with `after=<booking id>` and that
 * booking's bearer token.
 */
export const FollowUpWindow = z.object({
  /** The service whose booking opens the window. */
  after: Id,
  minHoursAfterEnd: z.number().check(z.nonnegative()),
  maxHoursAfterEnd: z.number().check(z.positive()),
});

export const Service = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  durationMinutes: z.int().check(z.positive()),
  location: ServiceLocation,
  mode: ServiceMode,
  followUp: z.optional(FollowUpWindow),
  /** `name` and `description` in other languages, e.g. `{"es": {"name": "Consulta inicial"}}`. */
  translations: translationsOf('name', 'description'),
});

export const ServicesResponse = z.object({
  /** The language of the services' `name` and `description`. */
  lang: ContentLanguage,
  services: z.array(Service),
});

// ---- availability ------------------------------------------------------------------------

export const AvailabilityQuery = z.object({
  service: Id,
  from: Instant,
  to: Instant,
  /**
   * For a follow-up service: the id of the booking that opens its window. The request then
   * carries that booking's token in `Authorization`, and only slots in the window are returned.
   */
  after: z.optional(Id),
});

export const Slot = z.object({ start: Instant, end: Instant });

export const AvailabilityResponse = z.object({
  service: Id,
  /** The clinic's IANA time zone; in-person times are shown in it. */
  timeZone: TimeZone,
  slots: z.array(Slot),
});

// ---- holds -------------------------------------------------------------------------------

export const HoldRequest = z.object({ service: Id, start: Instant });

export const Hold = z.object({
  id: Id,
  service: Id,
  start: Instant,
  end: Instant,
  expiresAt: Instant,
});

export const HoldResponse = z.object({
  hold: Hold,
  /**
   * The proof that releases this hold: send it as `Authorization: Bearer <releaseToken>` on
   * `DELETE holds/{id}`. Shown once; the reference backend keeps only its hash. Optional so that a
   * backend which issues none still conforms (its holds are released without one).
   */
  releaseToken: z.optional(z.string().check(z.minLength(16))),
});

// ---- bookings ----------------------------------------------------------------------------

/** Why the client is seeking care; optional, never required to book. */
export const CareReason = z.enum(['treatment_resistant_depression', 'ptsd', 'anxiety', 'grief_and_loss', 'addiction_recovery', 'other']);

export const ClientDetails = z.object({
  name: z.string().check(z.trim(), z.minLength(1, 'Enter your full name'), z.maxLength(200)),
  email: z.email('Enter an email address in the correct format, like name@example.com'),
  phone: z.string().check(z.trim(), z.regex(/^\+?[0-9 ()\-.]{7,25}$/, 'Enter a phone number, like 212 555 0100')),
});

export const Consent = z.object({
  privacy: z.literal(true, 'You must agree to the privacy notice to book'),
  contact: z.optional(z.boolean()),
});

export const BookingRequest = z.object({
  service: Id,
  start: Instant,
  holdId: z.optional(Id),
  client: ClientDetails,
  consent: Consent,
  reason: z.optional(CareReason),
  /** Where the booking came from (e.g. a campaign name); never PHI. */
  source: z.optional(z.string().check(z.maxLength(100))),
  /** The language the client booked in (BCP 47): what the clinic sends them is written in it. */
  lang: z.optional(z.string().check(z.minLength(2), z.maxLength(35))),
  /** The client's IANA time zone: what the clinic sends them shows the time in it too. */
  timeZone: z.optional(TimeZone),
});

/** `requested` is a request-mode booking waiting for the clinic to confirm it. */
export const BookingStatus = z.enum(['confirmed', 'requested', 'cancelled']);

/** The most other times the clinic may suggest when it declines a request. */
export const MAX_SUGGESTED_TIMES = 3;

export const Booking = z.object({
  id: Id,
  service: Id,
  start: Instant,
  end: Instant,
  status: BookingStatus,
  /**
   * `GET bookings/{id}` of a request the clinic declined: the other start times it suggested with
   * the decline, those still ahead, soonest first (absent when it suggested none). Not held: each
   * is booked like any other time, while it is free.
   */
  suggestedTimes: z.optional(z.array(Instant).check(z.maxLength(MAX_SUGGESTED_TIMES))),
});

export const BookingResponse = z.object({ booking: Booking });

/**
 * `POST booking-access/exchange`: a link's token (or a credential about to run out) for a
 * credential the tab keeps (sessionStorage) — short-lived, refreshable, revoked with the booking's
 * links. The credential opens the booking like its token does (`Authorization: Bearer`).
 */
export const BookingAccessExchange = z.object({ bookingId: Id, token: z.string().check(z.minLength(1), z.maxLength(200)) });
/** `POST booking-access/email-links`: "Email me my links" — always `202 {}`, whatever the address. */
export const EmailLinksRequest = z.object({ email: z.email('Enter an email address in the correct format, like name@example.com').check(z.maxLength(320)) });
export const BookingAccessCredential = z.object({ credential: z.string().check(z.minLength(1), z.maxLength(200)), expiresAt: Instant });

/** `POST bookings/{id}/reschedule` (bearer token, `Idempotency-Key`): move to another free slot. */
export const RescheduleRequest = z.object({ start: Instant, holdId: z.optional(Id) });

export const BookingCreatedResponse = z.object({
  booking: Booking,
  /** Bearer token for this booking only. Send it in the Authorization header, never in a URL. */
  accessToken: z.string().check(z.minLength(16)),
});

// ---- preparation checklist ---------------------------------------------------------------

/**
 * When an item is due, relative to the session's start: negative minutes are before it
 * (`-240` = 4 hours before), positive after (`1440` = the next day).
 */
export const ChecklistItemState = z.object({
  id: Id,
  /** The item's text (plain). */
  text: z.string().check(z.minLength(1)),
  /** Longer guidance in the markdown subset (bold, italic, lists, safe links). */
  details: z.optional(z.string()),
  /** Heading it is listed under, e.g. "The day before". */
  group: z.string(),
  dueOffsetMinutes: z.optional(z.int()),
  required: z.boolean(),
  done: z.boolean(),
  /** When it was last checked off; absent when not done. */
  doneAt: z.optional(Instant),
  /** `text`, `details` and `group` in other languages, e.g. `{"es": {"text": "Deje de comer"}}`. */
  translations: translationsOf('text', 'details', 'group'),
});

export const ChecklistResponse = z.object({
  /** The language of the items' `text`, `details` and `group`. */
  lang: ContentLanguage,
  booking: Booking,
  /** The clinic's zone; due times are shown in the client's own unless the page says otherwise. */
  timeZone: TimeZone,
  items: z.array(ChecklistItemState),
});

/** `PUT bookings/{id}/checklist/{itemId}` body (bearer token). */
export const ChecklistItemUpdate = z.object({ done: z.boolean() });

export const ChecklistItemResponse = z.object({ item: ChecklistItemState });

// ---- intake -----------------------------------------------------------------------------

/**
 * `GET forms/{id}`: the intake form definition, as the clinic wrote it (JSON). Only its shape as
 * a JSON object is checked here; the element checks the rest with `parseFormDefinition()` from
 * `src/forms/`, whose own schema is published as `form-definition.schema.json`. The request body
 * of `POST intake-responses` is `IntakeSubmission`, also from `src/forms/`.
 */
export const FormDefinitionBody = z.record(z.string(), z.unknown());

/** A stored intake response: its id and when the backend received it. */
export const IntakeResponse = z.object({ id: Id, receivedAt: Instant });

/** `201` answer of `POST intake-responses` (with `Idempotency-Key`). Never echoes answers or scores. */
export const IntakeResponseCreated = z.object({ response: IntakeResponse });

/**
 * `POST safety-signals` (the booking's bearer token, `Idempotency-Key`): `<kap-intake>` sends it
 * the moment a safety item (PHQ-9 item 9, or one the form marks `safety`) is answered above zero
 * in an intake linked to a booking, so the clinic learns of it even if the form is never sent.
 * It names the booking, the form, its version and which safety items — nothing else: no answer,
 * no score. The same booking, form, version and items are one signal, however often sent.
 */
export const SafetySignalRequest = z.object({
  booking: Id,
  /** The form definition's id. */
  form: Id,
  /** The definition's `version`, when it has one. */
  version: z.optional(z.string().check(z.minLength(1), z.maxLength(50))),
  /** The safety items (or scale rows, e.g. `phq-9.q9`) answered above zero so far. */
  items: z.array(Id).check(z.minLength(1), z.maxLength(100)),
});

/** A recorded safety signal: its id and when the backend first received it. */
export const SafetySignal = z.object({ id: Id, receivedAt: Instant });

/** `201` answer of `POST safety-signals`. */
export const SafetySignalCreated = z.object({ signal: SafetySignal });

// ---- errors ------------------------------------------------------------------------------

export const ErrorCode = z.enum([
  'validation_failed',
  'slot_unavailable',
  'hold_expired',
  /** 409: the booking was cancelled, so it can no longer be rescheduled or its checklist changed. */
  'booking_cancelled',
  /** 409: the session has begun (or taken place), so it can no longer be cancelled or moved online. */
  'booking_started',
  'idempotency_key_missing',
  'idempotency_key_reused',
  'request_in_progress',
  'not_found',
  'unauthorized',
  'rate_limited',
  /** 429 with `Retry-After`: this client already holds as many slots as it may (in all, or on that day). */
  'too_many_holds',
  'payload_too_large',
  'internal_error',
]);

export const ErrorBody = z.object({
  error: z.object({
    /** One of `ErrorCode`; a backend may send others, which clients treat by HTTP status. */
    code: z.string(),
    message: z.string(),
    /** Per-field messages for `validation_failed`, keyed by dotted path (`client.email`). */
    fields: z.optional(z.record(z.string(), z.string())),
  }),
});

export type FollowUpWindow = z.infer<typeof FollowUpWindow>;
export type Service = z.infer<typeof Service>;
export type ServiceLocation = z.infer<typeof ServiceLocation>;
export type ServiceMode = z.infer<typeof ServiceMode>;
export type ServicesResponse = z.infer<typeof ServicesResponse>;
export type AvailabilityQuery = z.infer<typeof AvailabilityQuery>;
export type Slot = z.infer<typeof Slot>;
export type AvailabilityResponse = z.infer<typeof AvailabilityResponse>;
export type HoldRequest = z.infer<typeof HoldRequest>;
export type Hold = z.infer<typeof Hold>;
export type HoldResponse = z.infer<typeof HoldResponse>;
export type CareReason = z.infer<typeof CareReason>;
export type ClientDetails = z.infer<typeof ClientDetails>;
export type Consent = z.infer<typeof Consent>;
export type BookingRequest = z.infer<typeof BookingRequest>;
export type BookingStatus = z.infer<typeof BookingStatus>;
export type Booking = z.infer<typeof Booking>;
export type BookingResponse = z.infer<typeof BookingResponse>;
export type BookingAccessExchange = z.infer<typeof BookingAccessExchange>;
export type BookingAccessCredential = z.infer<typeof BookingAccessCredential>;
export type EmailLinksRequest = z.infer<typeof EmailLinksRequest>;
export type BookingCreatedResponse = z.infer<typeof BookingCreatedResponse>;
export type RescheduleRequest = z.infer<typeof RescheduleRequest>;
export type ChecklistItemState = z.infer<typeof ChecklistItemState>;
export type ChecklistResponse = z.infer<typeof ChecklistResponse>;
export type ChecklistItemUpdate = z.infer<typeof ChecklistItemUpdate>;
export type ChecklistItemResponse = z.infer<typeof ChecklistItemResponse>;
export type FormDefinitionBody = z.infer<typeof FormDefinitionBody>;
export type IntakeResponse = z.infer<typeof IntakeResponse>;
export type IntakeResponseCreated = z.infer<typeof IntakeResponseCreated>;
export type SafetySignalRequest = z.infer<typeof SafetySignalRequest>;
export type SafetySignal = z.infer<typeof SafetySignal>;
export type SafetySignalCreated = z.infer<typeof SafetySignalCreated>;
export type ErrorCode = z.infer<typeof ErrorCode>;
export type ErrorBody = z.infer<typeof ErrorBody>;
