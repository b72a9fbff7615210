/**
 * The state of `<kap-booking>`'s walk from a time to a booking: what its views render, and what
 * `BookingFlow` and its `BookingSubmission` write; the conflicts that send the client back, and the
 * refusals to change a booking (managing).
 */
import type { HeldSlot } from '../../../api/client.js';
import { isKapApiError, type KapApiError } from '../../../api/errors.js';
import type { Booking } from '../../../api/schemas.js';
import type { KapStringKey } from '../../../i18n/strings.js';
import type { BookingChangeRefusal } from '../../../scheduling/booking-changes.js';
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

/** What the client reads where Cancel and Change time would be, and when the backend refuses one. */
export const CHANGE_REFUSAL_NOTE: Record<BookingChangeRefusal, KapStringKey> = {
  booking_cancelled: 'manageCancelledNote',
  booking_started: 'managePastNote',
};

/** The backend's refusal to change a booking (cancelled meanwhile, or started), if `error` is one. */
export function changeRefusalOf(error: unknown): BookingChangeRefusal | undefined {
  const code = isKapApiError(error) ? error.code : undefined;
  return code === 'booking_cancelled' || code === 'booking_started' ? code : undefined;
}
