/**
 * Stored records as the contract's shapes: epoch milliseconds in the stores, `Z` instants on the
 * wire. And the change rule as an engine applies it to a record inside its transaction.
 */
import type { Booking, ChecklistItemState, Hold } from '../../src/api/schemas.js';
import { bookingChangeRefusal, type BookingChangeRefusal } from '../../src/scheduling/booking-changes.js';
import { toInstant } from '../../src/scheduling/zones.js';
import type { BookingRecord, ChecklistItemRecord, HoldRecord } from './types.js';

export { toInstant };

/** An instant to the whole second, as intake responses and safety signals give their times. */
export function toSecondInstant(ms: number): string {
  return toInstant(Math.floor(ms / 1000) * 1000);
}

export function toBooking(record: BookingRecord): Booking {
  return { id: record.id, service: record.serviceId, start: toInstant(record.start), end: toInstant(record.end), status: record.status };
}

export function toHold(record: HoldRecord): Hold {
  return {
    id: record.id,
    service: record.serviceId,
    start: toInstant(record.start),
    end: toInstant(record.end),
    expiresAt: toInstant(record.expiresAt),
  };
}

export function toItemState({ doneAt, ...item }: ChecklistItemRecord): ChecklistItemState {
  return { ...item, done: doneAt !== undefined, ...(doneAt !== undefined ? { doneAt: toInstant(doneAt) } : {}) };
}

/** Why the client may no longer cancel or move this booking at `now` (src/scheduling's rule). */
export function changeRefusal(record: BookingRecord, now: number): BookingChangeRefusal | undefined {
  return bookingChangeRefusal(toBooking(record), now);
}
