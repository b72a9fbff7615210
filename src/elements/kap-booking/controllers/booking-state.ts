/**
 * The state of `<kap-booking>`'s walk from a time to a booking: what its views render, and what
 * `BookingFlow` and its `BookingSubmission` write; and the conflicts that send the client back.
 */
import type { HeldSlot } from '../../../api/client.js';
import { isKapApiError, type KapApiError } from '../../../api/errors.js';
import type { Booking } from '../../../api/schemas.js';
import type { DetailsField, DetailsValues } from '../booking-details.js';

export type BookingStep = 'times' | 'details' | 'done';

/** Why the client was brought back to the times, shown above them. */
export type TimesNotice = 'slot_taken' | 'hold_expired';

/** `held` → `ending` (about a minute left) → `expired` (the server may give the slot away). */
export type HoldState = 'held' | 'ending' | 'expired';

/** Where focus should go once the step the client moved to has rendered. */
export type FocusTarget = 'times' | 'notice' | 'details' | 'error-summary' | 'done';

/** What Confirm reads and writes (see `BookingFlow` for each field). */
export interface BookingFlowState {
  step: BookingStep;
  hold: HeldSlot | undefined;
  holdState: HoldState;
  values: DetailsValues;
  errors: DetailsField[];
  submitFailure: KapApiError | Error | undefined;
  stopped: boolean;
  changesNotSent: boolean;
  booking: Booking | undefined;
  focus: FocusTarget | undefined;
}

/** The code of a conflict the backend answered (`slot_unavailable`, `hold_expired`…), if `error` is one. */
export function conflictCode(error: unknown): string | undefined {
  return isKapApiError(error) && error.kind === 'conflict' ? error.code : undefined;
}
