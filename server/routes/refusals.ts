/**
 * What a store refused, as the contract's error for the client (stores/refusal.ts names the
 * reasons). The wording depends on what was asked: moving a cancelled booking is refused, and
 * cancelling it again is not a change (the answer is the booking as it is); a session that has
 * started can be neither moved nor cancelled online (`bookingChangeRefusal()` of src/scheduling).
 */
import type { FollowUpWindow } from '../../src/api/schemas.js';
import { ApiError, bookingCancelled, bookingStarted, slotUnavailable, validationFailed } from '../api-error.js';
import { StoreRefusal } from '../stores/refusal.js';
import { outsideFollowUpWindow } from './follow-up.js';

export interface RefusalContext {
  now: number;
  /** What the client asked to change, for `booking_cancelled` and `booking_started`. */
  change?: 'cancel' | 'move' | 'checklist';
  /** The window and the followed service's name, for `outside_follow_up_window`. */
  followUp?: { window: FollowUpWindow; afterName: string };
}

/** Awaits a store's work, turning a refusal into the client's error. */
export async function refusing<T>(work: Promise<T>, context: RefusalContext): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw error instanceof StoreRefusal ? (refusalError(error, context) ?? error) : error;
  }
}

export function refusalError(refusal: StoreRefusal, context: RefusalContext): ApiError | undefined {
  switch (refusal.reason) {
    case 'slot_unavailable':
      return slotUnavailable();
    case 'hold_expired':
      return new ApiError(409, 'hold_expired', 'We could only keep that time for a few minutes, and it is no longer available. Please choose another time.');
    case 'hold_mismatch':
      return validationFailed({ holdId: 'This hold is for a different service or time.' });
    case 'outside_follow_up_window':
      return context.followUp && validationFailed({ start: outsideFollowUpWindow(context.followUp.window, context.followUp.afterName) });
    case 'too_many_holds': {
      const seconds = Math.max(1, Math.ceil(((refusal.retryAt ?? context.now) - context.now) / 1000));
      return new ApiError(429, 'too_many_holds', 'Too many times are being held from this connection. Please wait a few minutes and try again.', {
        headers: { 'Retry-After': String(seconds) },
      });
    }
    case 'booking_not_found':
      return validationFailed({ booking: 'There is no booking with this id.' });
    case 'booking_cancelled':
      if (context.change === 'checklist') return bookingCancelled('This booking was cancelled, so its checklist can no longer be changed.');
      return bookingCancelled('This booking was cancelled, so it cannot be moved. Please make a new booking.');
    case 'booking_started':
      return bookingStarted(
        context.change === 'cancel'
          ? 'This appointment has already started, so it cannot be cancelled online. Please contact the clinic.'
          : 'This appointment has already started, so it cannot be moved online. Please contact the clinic.',
      );
    case 'name_taken':
    // The staff routes word these themselves (routes/staff-refusals.ts).
    case 'email_taken':
    case 'staff_not_found':
    case 'last_owner':
    case 'setup_token_invalid':
    // The configuration routes word these themselves (routes/clinic-settings.ts).
    case 'form_not_found':
    case 'form_version_conflict':
      return undefined;
  }
}
