/**
 * The outbox in the store interface (types.ts): events written by the store methods whose change
 * caused them, in the same transaction, and their deliveries — one per (event, destination) —
 * claimed atomically under a lease by the worker (server/notifications/worker.ts), so two
 * processes never deliver one event twice to one destination, and a delivery claimed by a process
 * that died is retaken once its lease runs out. Events carry types and ids only; a delivery's
 * error is a short code, never a message that could quote an address.
 *
 * Which store method writes which event:
 * - `bookings.createBooking`: `booking.requested` (a request) or `booking.confirmed`;
 * - `console.decideRequest`: `booking.confirmed` or `booking.declined` (the first time only);
 * - `bookings.rescheduleBooking`: `booking.rescheduled`; `bookings.cancelBooking`: `booking.cancelled`
 *   (when it changes the booking);
 * - `intake.saveResponse`: `intake.submitted`, and `safety.flagged` when it has a safety answer and
 *   no signal was sent for it; `intake.recordSafetySignal`: `safety.flagged` (a new signal only);
 * - `checklists.setDone`: `checklist.completed` when it leaves every required item done;
 * - `bookings.requestLinks`: `links.requested` for each active booking of an address ("Email me my links");
 * - `reminder.due`, `checklist.due` and `follow_up.invited` are written by the worker when it routes
 *   a confirmation or a move of a confirmed session (`route`'s `followUps`), due at their time
 *   (server/notifications/schedule.ts).
 */
import { WEBHOOK_EVENT_TYPES } from '../../src/api/staff-outbox.js';

/** The contract's list (src/api/staff-outbox.ts), one for both: every event the outbox writes may go to a webhook. */
export const NOTIFICATION_EVENT_TYPES = WEBHOOK_EVENT_TYPES;
export type NotificationEventType = (typeof NOTIFICATION_EVENT_TYPES)[number];

export interface NotificationEventRecord {
  id: string;
  type: NotificationEventType;
  bookingId: string | undefined;
  /** What else the event is about: an intake response's or a safety signal's id. */
  subjectId: string | undefined;
  occurredAt: number;
  /** Not routed before this (a reminder's time; otherwise `occurredAt`). */
  dueAt: number;
}

export interface NewNotificationEvent {
  type: NotificationEventType;
  bookingId?: string;
  subjectId?: string;
  dueAt: number;
}

/** A destination of an event (`email:client`, `email:staff:<id>`, …) and the earliest time to try it. */
export interface NewDelivery {
  destination: string;
  notBefore: number;
}

export type DeliveryState = 'pending' | 'claimed' | 'delivered' | 'skipped' | 'failed';

export interface DeliveryRecord {
  id: string;
  event: NotificationEventRecord;
  destination: string;
  state: DeliveryState;
  /** Attempts started, this one included for a claimed delivery. */
  attempts: number;
  nextAttemptAt: number;
  lastError: string | undefined;
  createdAt: number;
  finishedAt: number | undefined;
}

/** A delivery this worker holds until `leaseUntil`: finishing or failing it needs its `claim`. */
export interface ClaimedDelivery extends DeliveryRecord {
  claim: string;
  leaseUntil: number;
}

/** A message development's mailbox keeps instead of sending it. */
export interface DevMailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: string }[];
}

export interface DevMailRecord extends DevMailMessage {
  id: string;
  at: number;
}

export interface NotificationStore {
  /** Events not routed yet and due by `now`, oldest first. */
  dueEvents(now: number, limit: number): Promise<NotificationEventRecord[]>;
  /**
   * Makes an event's deliveries (one per destination: a destination already there is kept as it
   * is) and writes `followUps`, and marks the event routed, all at once. Routing an event that is
   * already routed changes nothing, so two workers routing one event make its deliveries once.
   */
  route(routing: { eventId: string; deliveries: readonly NewDelivery[]; followUps: readonly NewNotificationEvent[]; now: number }): Promise<void>;
  /**
   * Claims up to `limit` deliveries due by `now` — pending ones whose time has come, and claimed
   * ones whose lease ran out — atomically: of concurrent claims, each delivery goes to one. Each
   * claimed delivery counts one more attempt and is leased until `now + leaseMs`.
   */
  claimDeliveries(claim: { now: number; leaseMs: number; limit: number }): Promise<ClaimedDelivery[]>;
  /**
   * Finishes a claimed delivery: `delivered`, or `skipped` (nothing to send any more). `false`, and
   * nothing changes, when the claim is no longer this one's (its lease ran out and another took it).
   */
  finishDelivery(finish: { id: string; claim: string; outcome: 'delivered' | 'skipped'; now: number }): Promise<boolean>;
  /**
   * A claimed delivery that did not go through: pending again at `retryAt`, or `failed` for good
   * without one. `error` is a short code. `false` as for `finishDelivery`.
   */
  failDelivery(failure: { id: string; claim: string; error: string; retryAt: number | undefined; now: number }): Promise<boolean>;
  /** The latest deliveries in `state` (any state without one), newest first. */
  deliveries(query: { state?: DeliveryState; limit: number }): Promise<DeliveryRecord[]>;
  /** One delivery; `undefined` for an unknown id. */
  findDelivery(id: string): Promise<DeliveryRecord | undefined>;
  /** The latest deliveries to one destination (a webhook endpoint's log), newest first. */
  deliveriesTo(query: { destination: string; limit: number }): Promise<DeliveryRecord[]>;
  /**
   * Sends a finished delivery (`delivered`, `skipped` or `failed`) to `destination` again: pending
   * from `now`, its attempts counted on. `false`, and nothing changes, when there is no such
   * delivery to that destination or it is still pending or being sent.
   */
  replayDelivery(replay: { id: string; destination: string; now: number }): Promise<boolean>;
  /** Keeps a message in development's mailbox under `id` (a delivery's id: kept once). */
  keepDevMail(mail: { id: string; message: DevMailMessage; now: number }): Promise<void>;
  /** Development's mailbox, newest first. */
  devMail(limit: number): Promise<DevMailRecord[]>;
}
