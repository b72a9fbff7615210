/**
 * What a store refuses, and why: a request it understood but will not carry out. The routes turn
 * each reason into the contract's error, worded for the client (routes/refusals.ts); an engine
 * only names the reason. Anything a store throws that is not a `StoreRefusal` is a failure.
 */
export type RefusalReason =
  /** An active booking or another live hold overlaps the slot. */
  | 'slot_unavailable'
  /** The named hold is no longer live, and the slot is taken. */
  | 'hold_expired'
  /** The named hold is for another service or start. */
  | 'hold_mismatch'
  /** No active booking of the followed service ends where the follow-up's window needs it. */
  | 'outside_follow_up_window'
  /** The client keeps as many live holds as it may (`retryAt`: when its first one lapses). */
  | 'too_many_holds'
  | 'booking_not_found'
  | 'booking_cancelled'
  /** The session has begun: the client can no longer change it. */
  | 'booking_started'
  /** The name no longer points to the booking it was to replace. */
  | 'name_taken'
  /** A staff account with this email exists. */
  | 'email_taken'
  | 'staff_not_found'
  /** The clinic's only active owner cannot be disabled. */
  | 'last_owner'
  /** The set-up token is unknown, used or expired. */
  | 'setup_token_invalid'
  | 'form_not_found'
  /** That version of the form is published already, and differently: published versions never change. */
  | 'form_version_conflict'
  /** The request was decided the other way already, or the booking was never a request. */
  | 'already_decided';

export class StoreRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    /** For `too_many_holds`: when a live hold of the client lapses (epoch ms). */
    readonly retryAt?: number,
  ) {
    super(`The store refused: ${reason}`);
    this.name = 'StoreRefusal';
  }
}

export function isRefusal(error: unknown, ...reasons: RefusalReason[]): error is StoreRefusal {
  return error instanceof StoreRefusal && (reasons.length === 0 || reasons.includes(error.reason));
}
