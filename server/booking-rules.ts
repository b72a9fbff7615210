/**
 * The clinic's booking rules, over any stores: which slots are offered, whether a start may be
 * booked, what a follow-up needs, the caps on a client's holds, a new booking's status. The routes
 * and the demo seed call these; the stores receive their results as intervals and values
 * (stores/types.ts), so every engine applies the same rules.
 */
import type { Service } from '../src/api/schemas.js';
import { openerEndsFor } from '../src/scheduling/follow-up.js';
import { bookableWindow, clinicDay, isScheduledStart, type Interval, type SchedulingRules } from '../src/scheduling/opening-hours.js';
import { ApiError, slotUnavailable, validationFailed } from './api-error.js';
import { sha256Hex } from './secrets.js';
import type { HoldClient, NewBooking, OpeningRequirement, Stores } from './stores/types.js';

const MINUTE = 60_000;

/**
 * How many slots one client may keep held at once: a hold blocks a slot for everyone else, so
 * without a cap one address could hold a large part of the calendar (the audit kept about 150 of
 * 336 slots). A client (`c.var.client`: its address through trusted proxies, an IPv6 /64) may keep
 * `perClient` live holds in all and `perClientPerDay` starting on any one clinic day. A person
 * booking holds one slot at a time and gives it back when choosing another, so neither cap is
 * near what they need.
 */
export interface HoldLimits {
  /** Live holds one client may keep. */
  perClient: number;
  /** Live holds one client may keep on slots starting on the same clinic day. */
  perClientPerDay: number;
}

export const DEFAULT_HOLD_LIMITS: HoldLimits = { perClient: 4, perClientPerDay: 2 };

/** The client a hold is counted against, as stored: a hash, never the address itself. */
export function holdClient(clientKey: string, limits: HoldLimits, slot: Interval, rules: SchedulingRules): HoldClient {
  return { hash: sha256Hex(`hold client ${clientKey}`), ...limits, day: clinicDay(slot.start, rules.timeZone) };
}

/**
 * Free slots of `service` starting in [from, to), as seen at `now`: within notice and horizon and,
 * with `within`, starting in that closed interval too (a follow-up window).
 */
export async function offeredSlots(stores: Stores, service: Service, range: Interval, now: number, within?: Interval): Promise<Interval[]> {
  const rules = await stores.clinic.schedulingRules();
  const bookable = bookableWindow(rules, now);
  let { start: from, end: to } = range;
  if (within) {
    from = Math.max(from, within.start);
    to = Math.min(to, within.end + 1);
  }
  from = Math.max(from, bookable.start);
  to = Math.min(to, bookable.end);
  if (!(to > from)) return [];
  return stores.bookings.freeSlots({ serviceId: service.id, durationMinutes: service.durationMinutes, rules, from, to, now });
}

/**
 * The slot for `service` at `start`, if the opening hours have one: `422` when they never do (not
 * a slot at all), `409 slot_unavailable` when it is a slot but inside the notice or past the horizon.
 */
export function bookableSlot(rules: SchedulingRules, service: Service, start: number, now: number): Interval {
  if (!isScheduledStart(rules, service.durationMinutes, start)) {
    throw validationFailed({ start: 'This is not one of the times the clinic offers for this service.' });
  }
  const window = bookableWindow(rules, now);
  if (start < window.start || start >= window.end) throw slotUnavailable();
  return { start, end: start + service.durationMinutes * MINUTE };
}

/**
 * `bookableSlot` for a booking or a move that names the hold `holdId`: the client's live hold on
 * this very slot keeps it bookable for the hold's few minutes, its notice and horizon judged from
 * when the hold was placed. A client who chose a time a moment before it came inside the notice
 * is not refused it after typing their details. Any other hold, or none, changes nothing here
 * (the store refuses an expired or mismatched hold as it books).
 */
export async function heldOrBookableSlot(
  stores: Stores,
  rules: SchedulingRules,
  service: Service,
  start: number,
  holdId: string | undefined,
  now: number,
): Promise<Interval> {
  try {
    return bookableSlot(rules, service, start, now);
  } catch (error) {
    if (holdId === undefined || !(error instanceof ApiError) || error.code !== 'slot_unavailable') throw error;
    const hold = await stores.bookings.findHold(holdId, now);
    if (!hold || hold.serviceId !== service.id || hold.start !== start) throw error;
    return bookableSlot(rules, service, start, hold.placedAt);
  }
}

/**
 * A follow-up service's slot must lie in the window after some active booking of the service it
 * follows. Which booking is not known (a booking request names none), so this is the server's
 * floor; availability with `after` offers only the client's own window.
 */
export function followUpOpening(service: Service, start: number): OpeningRequirement | undefined {
  if (!service.followUp) return undefined;
  const ends = openerEndsFor(service.followUp, start);
  return { serviceId: service.followUp.after, endsFrom: ends.start, endsTo: ends.end };
}

/** A request-mode service's booking waits for the clinic to confirm it. */
export function initialStatus(service: Service): NewBooking['status'] {
  return service.mode === 'request' ? 'requested' : 'confirmed';
}
