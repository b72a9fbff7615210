/**
 * The stores behind the reference backend: what the routes and the demo seed need from a database,
 * and nothing of how a database does it. An engine implements `Stores` and passes the store suite
 * (`runStoreSuite` in test/server/stores/suite.ts); SQLite is the first (stores/sqlite/), and the
 * README says how to add a second.
 *
 * The contract every engine keeps:
 * - Every method returns a Promise. Nothing hands out a connection, a transaction or a callback
 *   that reaches the database.
 * - Each unit of work that must be atomic is one method, all of it or nothing: placing a hold with
 *   its per-client caps; creating a booking with the hold it consumes, its checklist and its
 *   idempotent outcome; a move; a cancellation; storing an intake response and linking the safety
 *   signals sent for it; recording a safety signal; claiming an Idempotency-Key. Each of them
 *   writes, in its own transaction, the outbox events its change causes (notification-types.ts).
 * - **No double booking**: at no moment do two active bookings (`confirmed` or `requested`)
 *   overlap, however many calls, connections or processes race for one slot. Of concurrent
 *   `createBooking` / `rescheduleBooking` calls for overlapping times, exactly one succeeds and
 *   the others are refused with `slot_unavailable` (or `hold_expired`). A hold likewise takes its
 *   slot only if nothing overlaps it, and a client's caps cannot be overshot by parallel holds.
 * - What a store refuses it refuses with a `StoreRefusal` (stores/refusal.ts), naming the reason;
 *   the routes word it for the client. Any other error is a failure (500), and changes nothing.
 * - Times are epoch milliseconds. Ids are made by the store (`newId`, server/secrets.ts). Secrets
 *   arrive hashed (SHA-256 hex): a store never sees a token or a client's address.
 * - Client data at rest (contact details, reasons, intake answers and scores) is encrypted by the
 *   engine under the clinic's data key (server/encryption/); the interface carries it in the clear.
 * - The staff side (staff-types.ts): accounts, sign-in throttling, sessions, API keys, and an
 *   audit log that no method changes or removes.
 * - Rules are the caller's (src/scheduling, server/booking-rules.ts): which starts are slots,
 *   notice, horizon, the follow-up window, the clinic day a hold counts on, a booking's status.
 *   They arrive as intervals and values, so an engine needs no time zone and no clinical rule.
 * - A new database holds the demo clinic (server/demo/clinic.ts, server/demo/checklists.ts,
 *   server/demo/intake-form.ts): its profile, services with their translations, its language,
 *   opening hours, scheduling settings, checklist templates and its intake form, published.
 * - The configuration is checked by the caller (server/clinic-config.ts) before a store is asked
 *   to change it, and changed all at once or not at all.
 * - An engine's factory refuses to open a database whose configuration is broken: a checklist
 *   template that `checklistCopyFrom` (stores/checklist-templates.ts) refuses, a published intake
 *   form that `servedForm` (stores/code-forms.ts) refuses.
 */
import type { BookingStatus, CareReason, ClientDetails } from '../../src/api/schemas.js';
import type { ChecklistItemDefinition } from '../../src/checklist/definition.js';
import type { ItemTexts } from '../../src/checklist/languages.js';
import type { IntakeSubmission } from '../../src/forms/submission.js';
import type { Buffers, Interval, SchedulingRules } from '../../src/scheduling/opening-hours.js';
import type { ClinicStore, FormStore, ThemeStore } from './clinic-types.js';
import type { ConsoleStore } from './console-types.js';
import type { NotificationStore } from './notification-types.js';
import type { WebhookStore } from './webhook-types.js';
import type { IdempotencyStore, IdempotentOutcome } from './idempotency-types.js';
import type { ApiKeyStore, AuditStore, SessionStore, SignInThrottleStore, StaffStore } from './staff-types.js';

export type { Buffers, Interval, SchedulingRules };
export type * from './clinic-types.js';
export type * from './staff-types.js';
export type * from './console-types.js';
export type * from './notification-types.js';
export type * from './webhook-types.js';
export type * from './idempotency-types.js';

export interface Stores {
  readonly clinic: ClinicStore;
  readonly forms: FormStore;
  /** The clinic's theme for its elements: a draft and the published one. */
  readonly theme: ThemeStore;
  readonly bookings: BookingStore;
  readonly checklists: ChecklistStore;
  readonly intake: IntakeStore;
  readonly idempotency: IdempotencyStore;
  readonly staff: StaffStore;
  readonly signInThrottle: SignInThrottleStore;
  readonly sessions: SessionStore;
  readonly apiKeys: ApiKeyStore;
  readonly audit: AuditStore;
  /** What the clinic's console reads and decides (console-types.ts). */
  readonly console: ConsoleStore;
  /** The outbox: events, their deliveries, development's mailbox (notification-types.ts). */
  readonly notifications: NotificationStore;
  /** Webhook endpoints the owner manages (webhook-types.ts). */
  readonly webhooks: WebhookStore;
  /** Resolves once the database answers; rejects when it cannot (`GET health`). */
  ping(): Promise<void>;
  /** Closes the database; nothing is called after. Closing twice is harmless. */
  close(): Promise<void>;
}

// ---- holds and bookings -----------------------------------------------------------------------

export interface BookingStore {
  /**
   * The starts `rules` schedule for a service of `durationMinutes` in [from, to) that no active
   * booking and no hold live at `now` overlaps, once each is padded with its service's buffers
   * (`bufferBeforeMinutes`, `bufferAfterMinutes`) — `freeSlots()` of src/scheduling over the store's
   * own busy intervals, with notice and horizon left to the caller. Holds, bookings and moves keep
   * buffers the same way. An engine may answer from
   * memory (the SQLite store remembers days) but never with a stale answer.
   */
  freeSlots(query: SlotQuery): Promise<Interval[]>;
  /**
   * Holds a slot until `expiresAt`. Refuses `too_many_holds` (with `retryAt`, when the client's
   * first live hold lapses) when the client already keeps `client.perClient` live holds, or
   * `client.perClientPerDay` starting in `client.day`; `slot_unavailable` when an active booking
   * or another live hold overlaps; `outside_follow_up_window` when `opening` is not met. Holds that
   * have lapsed count for nothing.
   */
  placeHold(hold: NewHold): Promise<HoldRecord>;
  /** Deletes the hold if `releaseTokenHash` is its release token's; otherwise nothing, and no error. */
  releaseHold(id: string, releaseTokenHash: string): Promise<void>;
  /** The hold `id` if it is live at `now`, with when it was placed. */
  findHold(id: string, now: number): Promise<PlacedHold | undefined>;
  /**
   * Books a slot. With `holdId`, that live hold does not count as taking the slot and is consumed
   * (`hold_mismatch` when it is for another service or start). Refuses `slot_unavailable` when an
   * active booking or another live hold overlaps — `hold_expired` instead when `holdId` names a
   * hold that is no longer live — then `outside_follow_up_window`, then `name_taken`.
   */
  createBooking(booking: NewBooking): Promise<BookingRecord>;
  findBooking(id: string): Promise<BookingRecord | undefined>;
  /** A booking with the client's details, decrypted: for staff with the permission, never for a client route. */
  bookingDetail(id: string): Promise<BookingDetailRecord | undefined>;
  /**
   * Moves a booking to `slot`, keeping its id, token and checklist; its status becomes
   * `requested` when `asRequest`, else stays. Refuses `booking_not_found`, then `booking_cancelled`
   * or `booking_started` (`bookingChangeRefusal` of src/scheduling at `now`), then as
   * `createBooking` does (its own current time does not count as taken).
   */
  rescheduleBooking(move: BookingMove): Promise<BookingRecord>;
  /**
   * Cancels a booking (cancelling again answers it as it is), freeing its time. Refuses
   * `booking_not_found`, or `booking_started` for an active booking whose session has begun.
   */
  cancelBooking(cancel: BookingCancel): Promise<BookingRecord>;
  /** A new access token for a booking (the demo seed mints one on each start). */
  replaceAccessToken(id: string, tokenHash: string): Promise<void>;
  /** Another access token that opens the booking (an email's links carry one, a tab's credential is one), beside its own. */
  addLinkToken(link: NewLinkToken): Promise<void>;
  /** The hashes of the link tokens that open a booking besides its own, those not expired at `now`. */
  linkTokenHashes(bookingId: string, now: number): Promise<string[]>;
  /**
   * "Email me my links": writes a `links.requested` event for each active booking (confirmed or
   * requested, ending after `endsAfter`) of the client whose address hashes to `emailHash`
   * (`clientEmailHash`, server/secrets.ts); how many.
   */
  requestLinks(request: { emailHash: string; endsAfter: number; now: number }): Promise<number>;
  /**
   * Moves the expiry of a link token that has one (a tab's credential) and is live at `now` to
   * `expiresAt`; whether there was one to move. A link token without an expiry is left alone.
   */
  extendCredential(credential: Required<NewLinkToken>): Promise<boolean>;
  /**
   * Revokes every token that opens a booking, at once: its link tokens are removed and its own
   * token's hash becomes `replacementTokenHash` (of a token nobody keeps).
   */
  revokeLinks(bookingId: string, replacementTokenHash: string): Promise<void>;
  /** The id of the booking the clinic keeps under `name` (see `NewBooking.name`). */
  namedBooking(name: string): Promise<string | undefined>;
}

export interface NewLinkToken {
  bookingId: string;
  tokenHash: string;
  now: number;
  /** When it stops opening (a tab's credential); absent: as long as the booking opens (server/booking-access.ts). */
  expiresAt?: number;
}

export interface SlotQuery {
  /** Identifies the service for whatever the engine remembers; the duration is what counts. */
  serviceId: string;
  durationMinutes: number;
  rules: SchedulingRules;
  from: number;
  to: number;
  now: number;
}

/** Some active booking of `serviceId` must end in [endsFrom, endsTo] (a follow-up's window). */
export interface OpeningRequirement {
  serviceId: string;
  endsFrom: number;
  endsTo: number;
}

export interface NewHold {
  serviceId: string;
  slot: Interval;
  now: number;
  expiresAt: number;
  releaseTokenHash: string;
  client: HoldClient;
  opening?: OpeningRequirement;
  idempotency?: IdempotentOutcome<HoldRecord>;
}

/** Who holds (a hash of their address) and their caps. */
export interface HoldClient {
  hash: string;
  perClient: number;
  perClientPerDay: number;
  /** The clinic day the slot starts on: the per-day cap counts live holds starting in it. */
  day: Interval;
}

export interface HoldRecord {
  id: string;
  serviceId: string;
  start: number;
  end: number;
  expiresAt: number;
}

/** A live hold and when it was placed (`findHold`). */
export interface PlacedHold extends HoldRecord {
  placedAt: number;
}

export interface NewBooking {
  serviceId: string;
  slot: Interval;
  /** `requested` for a request-mode service (the clinic confirms), `confirmed` otherwise. */
  status: Exclude<BookingStatus, 'cancelled'>;
  client: ClientDetails;
  /** Privacy consent is required by the contract; only the optional contact consent varies. */
  consent: { contact?: boolean };
  reason?: CareReason;
  source?: string;
  /** The language the client booked in (BCP 47) and their time zone (IANA), for what is sent to them. */
  lang?: string;
  timeZone?: string;
  tokenHash: string;
  holdId?: string;
  opening?: OpeningRequirement;
  /** The booking's own copy of its service's checklist; `undefined`: made when first read. */
  checklist?: ChecklistCopy;
  /**
   * Keep the booking under a name (the demo seed's booking): refused `name_taken` unless the name
   * still points to `replacing` (`undefined`: to nothing), so two processes seeding at once make one.
   */
  name?: { name: string; replacing: string | undefined };
  now: number;
  idempotency?: IdempotentOutcome<BookingRecord>;
}

export interface BookingMove {
  bookingId: string;
  slot: Interval;
  asRequest: boolean;
  holdId?: string;
  opening?: OpeningRequirement;
  now: number;
  idempotency?: IdempotentOutcome<BookingRecord>;
}

export interface BookingCancel {
  bookingId: string;
  now: number;
  idempotency?: IdempotentOutcome<BookingRecord>;
}

export interface BookingRecord {
  id: string;
  serviceId: string;
  start: number;
  end: number;
  status: BookingStatus;
  /** SHA-256 hex of the booking's access token. */
  tokenHash: string;
}

/** What the clinic's staff see of a booking. */
export interface BookingDetailRecord extends BookingRecord {
  client: ClientDetails;
  consent: { contact?: boolean };
  reason?: CareReason;
  source?: string;
  lang?: string;
  timeZone?: string;
  createdAt: number;
  /** When it was cancelled (by the client, or staff cancelling or declining it). */
  cancelledAt?: number;
}

// ---- checklists -------------------------------------------------------------------------------

/** What a booking's checklist is made from: its service's template at the time. */
export interface ChecklistCopy {
  checklistId: string | undefined;
  /** The language of the items' `text`, `details` and `group` (the template's `lang`). */
  lang: string;
  items: readonly ChecklistItemCopy[];
}

/**
 * An item as a booking keeps it: its texts in the checklist's `lang`, their other languages in
 * `translations` (`itemTexts` of src/checklist/languages.ts), which a store returns as given.
 */
export type ChecklistItemCopy = Omit<ChecklistItemDefinition, 'text' | 'details' | 'group'> & ItemTexts;

export interface ChecklistStore {
  /** The booking's items in the template's order; `undefined` when it has no checklist yet. */
  items(bookingId: string): Promise<ChecklistItemRecord[] | undefined>;
  /** The language of the booking's copied texts (its copy's `lang`); `undefined` when it has no checklist yet. */
  language(bookingId: string): Promise<string | undefined>;
  /** Gives the booking its checklist from `copy`, unless it has one (then nothing changes). */
  create(bookingId: string, copy: ChecklistCopy, now: number): Promise<void>;
  /**
   * Sets an item done or not done; done again keeps its first `doneAt`. `undefined` when the
   * booking's checklist has no such item; refuses `booking_cancelled` for a cancelled booking.
   */
  setDone(change: { bookingId: string; itemId: string; done: boolean; now: number }): Promise<ChecklistItemRecord | undefined>;
}

export type ChecklistItemRecord = ChecklistItemCopy & { doneAt?: number };

// ---- intake -----------------------------------------------------------------------------------

export interface IntakeStore {
  /**
   * Stores a response as the server checked and scored it, and links to it the safety signals of
   * the same booking, form and version that no response claimed yet. Refuses `booking_not_found`.
   */
  saveResponse(response: NewIntakeResponse): Promise<IntakeResponseRecord>;
  findResponse(id: string): Promise<IntakeResponseRecord | undefined>;
  /**
   * Records a signal, or answers the one recorded before for the same booking, form, version and
   * items (in the given order, which the caller makes the form's). Refuses `booking_not_found`.
   */
  recordSafetySignal(signal: NewSafetySignal): Promise<SafetySignalRecord>;
  /** A booking's signals, oldest first. */
  safetySignals(bookingId: string): Promise<SafetySignalRecord[]>;
}

export interface NewIntakeResponse {
  /** The server's own: `checkSubmission()` of src/forms. */
  submission: IntakeSubmission;
  now: number;
  idempotency?: IdempotentOutcome<IntakeResponseRecord>;
}

export interface IntakeResponseRecord {
  id: string;
  receivedAt: number;
  submission: IntakeSubmission;
}

export interface NewSafetySignal {
  bookingId: string;
  formId: string;
  formVersion: string | undefined;
  items: readonly string[];
  now: number;
  idempotency?: IdempotentOutcome<SafetySignalRecord>;
}

export interface SafetySignalRecord {
  id: string;
  bookingId: string;
  formId: string;
  formVersion: string | undefined;
  items: string[];
  receivedAt: number;
  responseId: string | undefined;
}
