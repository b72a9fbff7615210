/**
 * What the clinic's console needs from a database beyond the client routes' stores: which bookings
 * fall in a period, the requests waiting for a decision and that decision (atomic, idempotent), each
 * booking's intake status, the safety queue and its acknowledgements. Same contract as types.ts:
 * Promises, one method per atomic unit, refusals as `StoreRefusal`, epoch milliseconds, client data
 * (the acknowledgement's note among it) encrypted at rest by the engine. Bookings are answered by
 * id: their details come from `BookingStore`.
 */
import type { DeclineReasonCode } from '../../src/api/staff.js';

/** Why the clinic declines a request (`DECLINE_REASON_CODES` of src/api/staff.ts). */
export type DeclineReason = DeclineReasonCode;

export interface RequestDecision {
  bookingId: string;
  decision: 'confirmed' | 'declined';
  /** Required to decline. */
  reason?: DeclineReason;
  /** A decline's other start times for the client (ms), soonest first. */
  suggestedStarts?: readonly number[];
  staffId: string;
  now: number;
}

export interface DecisionRecord {
  bookingId: string;
  decision: 'confirmed' | 'declined';
  reason?: DeclineReason;
  /** A decline's other start times for the client (ms), soonest first; absent when none. */
  suggestedStarts?: number[];
  staffId: string;
  at: number;
}

/** A booking's intake as the schedule shows it. */
export interface BookingIntakeRecord {
  /** Its responses, oldest first. */
  responseIds: string[];
  /** A response with a safety answer or a review flag, or a safety signal, needs a clinician. */
  needsClinician: boolean;
}

/**
 * One entry of the safety queue: an intake response with a safety answer (or to which a safety
 * signal was linked), or a safety signal whose intake was never sent. Its id is the response's or
 * the signal's.
 */
export interface SafetyItemRecord {
  id: string;
  kind: 'response' | 'signal';
  bookingId: string | undefined;
  formId: string;
  formVersion: string | undefined;
  /** For a signal: the safety items it named. */
  items: string[];
  receivedAt: number;
  acknowledgement?: SafetyAcknowledgementRecord;
}

/** An intake response as the inbox lists it: no answers, and nothing about the client. */
export interface ResponseSummaryRecord {
  id: string;
  bookingId: string | undefined;
  formId: string;
  formVersion: string | undefined;
  receivedAt: number;
  /** A safety answer, a review flag, or a safety signal linked to it. */
  needsClinician: boolean;
}

export interface SafetyAcknowledgementRecord {
  staffId: string;
  at: number;
  note: string;
}

export interface ConsoleStore {
  /** The ids of every booking (any status) starting in [from, to), by start. */
  bookingsBetween(from: number, to: number): Promise<string[]>;
  /** The ids of bookings still `requested` that have not ended by `now`, soonest first. */
  waitingRequests(now: number): Promise<string[]>;
  /**
   * Confirms or declines (cancels) a requested booking, recording who, when and why, in one
   * transaction. The same decision again answers the first one unchanged. Refuses
   * `booking_not_found`; `already_decided` for the other decision, or a booking that was never a
   * request; `booking_cancelled` for one the client cancelled.
   */
  decideRequest(decision: RequestDecision): Promise<DecisionRecord>;
  /** The decision made on a booking, if any. */
  decisionOf(bookingId: string): Promise<DecisionRecord | undefined>;
  /** Each named booking's intake (bookings without one are left out). */
  intakeOf(bookingIds: readonly string[]): Promise<Map<string, BookingIntakeRecord>>;
  /** The latest `limit` intake responses, newest first. */
  recentResponses(limit: number): Promise<ResponseSummaryRecord[]>;
  /** The entries nobody has acknowledged, oldest first. */
  safetyQueue(): Promise<SafetyItemRecord[]>;
  /** One entry, acknowledged or not; `undefined` when the id names none. */
  safetyItem(id: string): Promise<SafetyItemRecord | undefined>;
  /**
   * Acknowledges an entry; acknowledging again answers the first acknowledgement unchanged.
   * `undefined` when the id names no entry.
   */
  acknowledge(ack: { id: string; staffId: string; note: string; now: number }): Promise<SafetyItemRecord | undefined>;
}
