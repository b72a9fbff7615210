/**
 * The clinic's data: services, scheduling rules, holds and bookings. Every write that depends on
 * the slot being free runs its check and its insert in ONE `BEGIN IMMEDIATE` transaction: SQLite
 * grants the write lock to one connection at a time (across processes too), so two requests can
 * never both see a slot free and both take it.
 */
import type { Booking, BookingRequest, Hold, RescheduleRequest, Service } from '../src/api/schemas.js';
import { ApiError, bookingCancelled, bookingStarted, slotUnavailable, validationFailed } from './api-error.js';
import {
  bookableWindow,
  freeSlots,
  isScheduledStart,
  overlaps,
  type Interval,
  type OpeningPeriod,
  type SchedulingRules,
} from './availability.js';
import type { Db } from './database.js';
import { hoursToMs, outsideFollowUpWindow } from './follow-up.js';
import { newId, sha256Hex } from './secrets.js';

const MINUTE = 60_000;

interface ServiceRow {
  id: string;
  name: string;
  description: string;
  duration_minutes: number;
  location: Service['location'];
  mode: Service['mode'];
  follow_up_after: string | null;
  follow_up_min_hours: number | null;
  follow_up_max_hours: number | null;
  /** JSON: the name and description in other languages. */
  translations: string | null;
}

interface HoldRow {
  id: string;
  service_id: string;
  start_ms: number;
  end_ms: number;
  expires_at_ms: number;
}

export interface BookingRow {
  id: string;
  service_id: string;
  start_ms: number;
  end_ms: number;
  status: Booking['status'];
  token_sha256: string;
}

export interface NewBooking {
  service: Service;
  request: BookingRequest;
  accessToken: string;
  now: number;
  /** Runs inside the booking's transaction, after the insert (the idempotency record goes here). */
  withinTransaction?: (booking: Booking) => void;
}

export interface Reschedule {
  bookingId: string;
  request: RescheduleRequest;
  now: number;
  /** Runs inside the transaction, after the move (the idempotency record goes here). */
  withinTransaction?: (booking: Booking) => void;
}

const SERVICE_COLUMNS =
  'id, name, description, duration_minutes, location, mode, follow_up_after, follow_up_min_hours, follow_up_max_hours, translations';

export class ClinicStore {
  readonly #db: Db;
  readonly #timeZone: string;
  readonly #statements;

  constructor(db: Db, timeZone: string) {
    this.#db = db;
    this.#timeZone = timeZone;
    this.#statements = {
      services: db.prepare<[], ServiceRow>(`SELECT ${SERVICE_COLUMNS} FROM services WHERE active = 1 ORDER BY position, id`),
      service: db.prepare<[string], ServiceRow>(`SELECT ${SERVICE_COLUMNS} FROM services WHERE active = 1 AND id = ?`),
      openingHours: db.prepare<[], { weekday: number; opens_minute: number; closes_minute: number }>(
        'SELECT weekday, opens_minute, closes_minute FROM opening_hours',
      ),
      settings: db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings'),
      busyBookings: db.prepare<[number, number, string], Interval>(
        `SELECT start_ms AS start, end_ms AS end FROM bookings
         WHERE status IN ('confirmed', 'requested') AND start_ms < ? AND end_ms > ? AND id <> ?`,
      ),
      openingBooking: db.prepare<[string, number, number], { id: string }>(
        `SELECT id FROM bookings
         WHERE service_id = ? AND status IN ('confirmed', 'requested') AND end_ms BETWEEN ? AND ? LIMIT 1`,
      ),
      moveBooking: db.prepare(
        "UPDATE bookings SET start_ms = ?, end_ms = ?, status = ?, rescheduled_at_ms = ? WHERE id = ? AND status <> 'cancelled'",
      ),
      busyHolds: db.prepare<[number, number, number, string], Interval>(
        `SELECT start_ms AS start, end_ms AS end FROM holds
         WHERE expires_at_ms > ? AND start_ms < ? AND end_ms > ? AND id <> ?`,
      ),
      purgeHolds: db.prepare('DELETE FROM holds WHERE expires_at_ms <= ?'),
      liveHold: db.prepare<[string, number], HoldRow>(
        'SELECT id, service_id, start_ms, end_ms, expires_at_ms FROM holds WHERE id = ? AND expires_at_ms > ?',
      ),
      insertHold: db.prepare(
        `INSERT INTO holds (id, service_id, start_ms, end_ms, expires_at_ms, created_at_ms)
         VALUES (@id, @service_id, @start_ms, @end_ms, @expires_at_ms, @created_at_ms)`,
      ),
      deleteHold: db.prepare('DELETE FROM holds WHERE id = ?'),
      insertBooking: db.prepare(
        `INSERT INTO bookings (id, service_id, start_ms, end_ms, status, client_name, client_email, client_phone,
           consent_privacy, consent_contact, reason, source, token_sha256, created_at_ms)
         VALUES (@id, @service_id, @start_ms, @end_ms, @status, @client_name, @client_email, @client_phone,
           1, @consent_contact, @reason, @source, @token_sha256, @created_at_ms)`,
      ),
      booking: db.prepare<[string], BookingRow>(
        'SELECT id, service_id, start_ms, end_ms, status, token_sha256 FROM bookings WHERE id = ?',
      ),
      cancelBooking: db.prepare(
        "UPDATE bookings SET status = 'cancelled', cancelled_at_ms = ? WHERE id = ? AND status <> 'cancelled'",
      ),
    };
  }

  get timeZone(): string {
    return this.#timeZone;
  }

  /** The language the clinic's texts are written in (`lang` of `GET services`); other languages are in `translations`. */
  get language(): string {
    return this.#statements.settings.all().find((row) => row.key === 'language')?.value ?? 'en';
  }

  listServices(): Service[] {
    return this.#statements.services.all().map(toService);
  }

  findService(id: string): Service | undefined {
    const row = this.#statements.service.get(id);
    return row && toService(row);
  }

  rules(): SchedulingRules {
    const settings = new Map(this.#statements.settings.all().map((row) => [row.key, Number(row.value)]));
    const openingHours: OpeningPeriod[] = this.#statements.openingHours.all().map((row) => ({
      weekday: row.weekday,
      opensMinute: row.opens_minute,
      closesMinute: row.closes_minute,
    }));
    return {
      timeZone: this.#timeZone,
      openingHours,
      slotStepMinutes: settings.get('slot_step_minutes') ?? 30,
      minNoticeMinutes: settings.get('min_notice_minutes') ?? 12 * 60,
      horizonDays: settings.get('horizon_days') ?? 60,
    };
  }

  /**
   * Free slots of `service` starting in [from, to), as seen at `now`; with `within`, only those
   * whose start also lies in that closed interval (a follow-up window).
   */
  availability(service: Service, from: number, to: number, now: number, within?: Interval): Interval[] {
    if (within) {
      from = Math.max(from, within.start);
      to = Math.min(to, within.end + 1);
      if (to <= from) return [];
    }
    const rules = this.rules();
    const busy = this.#busy({ start: from, end: to + service.durationMinutes * MINUTE }, now);
    return freeSlots({ rules, durationMinutes: service.durationMinutes, from, to, now, busy });
  }

  /** Places a hold on a free slot; `409 slot_unavailable` when it is not free. */
  createHold(service: Service, start: number, now: number, holdMinutes: number): Hold {
    const slot = this.#bookableSlot(service, start, now);
    return this.#db
      .transaction(() => {
        this.#statements.purgeHolds.run(now);
        if (this.#busy(slot, now).some((taken) => overlaps(slot, taken))) throw slotUnavailable();
        this.#requireFollowUpWindow(service, slot.start);
        const row: HoldRow = {
          id: newId('hold'),
          service_id: service.id,
          start_ms: slot.start,
          end_ms: slot.end,
          expires_at_ms: now + holdMinutes * MINUTE,
        };
        this.#statements.insertHold.run({ ...row, created_at_ms: now });
        return toHold(row);
      })
      .immediate();
  }

  /** Releases a hold; releasing one that is gone already is not an error. */
  releaseHold(id: string): void {
    this.#statements.deleteHold.run(id);
  }

  /**
   * Books a slot. With `holdId`, the client's own live hold does not count as taking the slot and
   * is consumed; a hold that has expired (or was cleaned up) still books if the slot is free, and
   * is `409 hold_expired` if someone else has taken it meanwhile.
   */
  createBooking({ service, request, accessToken, now, withinTransaction }: NewBooking): Booking {
    const slot = this.#bookableSlot(service, Date.parse(request.start), now);
    return this.#db
      .transaction(() => {
        this.#statements.purgeHolds.run(now);
        const hold = this.#liveHoldFor(request.holdId, service, slot, now);
        const free = !this.#busy(slot, now, hold?.id).some((taken) => overlaps(slot, taken));
        if (!free) throw request.holdId !== undefined && !hold ? holdExpired() : slotUnavailable();
        this.#requireFollowUpWindow(service, slot.start);
        if (hold) this.#statements.deleteHold.run(hold.id);
        const booking: Booking = {
          id: newId('bk'),
          service: service.id,
          start: toInstant(slot.start),
          end: toInstant(slot.end),
          status: service.mode === 'request' ? 'requested' : 'confirmed',
        };
        try {
          this.#statements.insertBooking.run({
            id: booking.id,
            service_id: service.id,
            start_ms: slot.start,
            end_ms: slot.end,
            status: booking.status,
            client_name: request.client.name,
            client_email: request.client.email,
            client_phone: request.client.phone,
            consent_contact: request.consent.contact === undefined ? null : Number(request.consent.contact),
            reason: request.reason ?? null,
            source: request.source ?? null,
            token_sha256: sha256Hex(accessToken),
            created_at_ms: now,
          });
        } catch (error) {
          // The overlap trigger: unreachable while the check above holds, kept as the last guard.
          if (error instanceof Error && error.message === 'slot_unavailable') throw slotUnavailable();
          throw error;
        }
        withinTransaction?.(booking);
        return booking;
      })
      .immediate();
  }

  /**
   * Moves a booking to another slot of its service, keeping its id, token and checklist, and its
   * status, except that a request-mode session becomes a request again (the clinic confirms the
   * new time). A session that has already started cannot be moved (409 `booking_started`).
   * The check and the move are one IMMEDIATE transaction, so the booking is always at exactly one
   * time: the old one until the commit, the new one after. Its own current time does not count as
   * taken; a hold (`holdId`) is consumed as when booking.
   */
  rescheduleBooking({ bookingId, request, now, withinTransaction }: Reschedule): Booking {
    return this.#db
      .transaction(() => {
        const row = this.#statements.booking.get(bookingId);
        if (!row) throw new Error('rescheduleBooking: no such booking');
        if (row.status === 'cancelled') throw bookingCancelled('This booking was cancelled, so it cannot be moved. Please make a new booking.');
        if (row.start_ms <= now) throw bookingStarted('This appointment has already started, so it cannot be moved online. Please contact the clinic.');
        const service = this.findService(row.service_id);
        if (!service) throw validationFailed({ start: 'This service can no longer be booked online. Please contact the clinic.' });
        const slot = this.#bookableSlot(service, Date.parse(request.start), now);
        this.#statements.purgeHolds.run(now);
        const hold = this.#liveHoldFor(request.holdId, service, slot, now);
        const free = !this.#busy(slot, now, hold?.id, row.id).some((taken) => overlaps(slot, taken));
        if (!free) throw request.holdId !== undefined && !hold ? holdExpired() : slotUnavailable();
        this.#requireFollowUpWindow(service, slot.start);
        if (hold) this.#statements.deleteHold.run(hold.id);
        try {
          // A request-mode session the clinic confirmed for one time is only a request at another.
          const status = service.mode === 'request' ? 'requested' : row.status;
          this.#statements.moveBooking.run(slot.start, slot.end, status, now, row.id);
        } catch (error) {
          // The overlap trigger: unreachable while the check above holds, kept as the last guard.
          if (error instanceof Error && error.message === 'slot_unavailable') throw slotUnavailable();
          throw error;
        }
        const booking = toBooking({
          ...row,
          start_ms: slot.start,
          end_ms: slot.end,
          status: service.mode === 'request' ? 'requested' : row.status,
        });
        withinTransaction?.(booking);
        return booking;
      })
      .immediate();
  }

  findBooking(id: string): BookingRow | undefined {
    return this.#statements.booking.get(id);
  }

  /** Cancels a booking (again is fine) and so frees its time. */
  cancelBooking(id: string, now: number): Booking {
    this.#statements.cancelBooking.run(now, id);
    const row = this.#statements.booking.get(id);
    if (!row) throw new Error('cancelBooking: booking vanished');
    return toBooking(row);
  }

  /**
   * The slot for `service` at `start`, if the opening hours have one: `422` when they never do (not a
   * slot at all), `409 slot_unavailable` when it is a slot but inside the notice or past the horizon.
   */
  #bookableSlot(service: Service, start: number, now: number): Interval {
    const rules = this.rules();
    if (!isScheduledStart(rules, service.durationMinutes, start)) {
      throw validationFailed({ start: 'This is not one of the times the clinic offers for this service.' });
    }
    const window = bookableWindow(rules, now);
    if (start < window.start || start >= window.end) throw slotUnavailable();
    return { start, end: start + service.durationMinutes * MINUTE };
  }

  /** The live hold `holdId` if there is one; `422` when it is for another service or time. */
  #liveHoldFor(holdId: string | undefined, service: Service, slot: Interval, now: number): HoldRow | undefined {
    const hold = holdId === undefined ? undefined : this.#statements.liveHold.get(holdId, now);
    if (hold && (hold.service_id !== service.id || hold.start_ms !== slot.start)) {
      throw validationFailed({ holdId: 'This hold is for a different service or time.' });
    }
    return hold;
  }

  /**
   * A follow-up service's slot must lie in the window after some active booking of the service it
   * follows. Which booking is not known here (a booking request names none), so this is the
   * server's floor; availability with `after` offers only the client's own window.
   */
  #requireFollowUpWindow(service: Service, start: number): void {
    const followUp = service.followUp;
    if (!followUp) return;
    const latestEnd = start - hoursToMs(followUp.minHoursAfterEnd);
    const earliestEnd = start - hoursToMs(followUp.maxHoursAfterEnd);
    if (this.#statements.openingBooking.get(followUp.after, earliestEnd, latestEnd)) return;
    const after = this.findService(followUp.after);
    throw validationFailed({ start: outsideFollowUpWindow(followUp, after?.name ?? followUp.after) });
  }

  #busy(range: Interval, now: number, exceptHoldId = '', exceptBookingId = ''): Interval[] {
    return [
      ...this.#statements.busyBookings.all(range.end, range.start, exceptBookingId),
      ...this.#statements.busyHolds.all(now, range.end, range.start, exceptHoldId),
    ];
  }
}

export function toBooking(row: BookingRow): Booking {
  return {
    id: row.id,
    service: row.service_id,
    start: toInstant(row.start_ms),
    end: toInstant(row.end_ms),
    status: row.status,
  };
}

/** `2026-03-09T13:00:00Z`: whole seconds drop the `.000`. */
export function toInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function toService(row: ServiceRow): Service {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    durationMinutes: row.duration_minutes,
    location: row.location,
    mode: row.mode,
    ...(row.follow_up_after !== null && row.follow_up_min_hours !== null && row.follow_up_max_hours !== null
      ? {
          followUp: {
            after: row.follow_up_after,
            minHoursAfterEnd: row.follow_up_min_hours,
            maxHoursAfterEnd: row.follow_up_max_hours,
          },
        }
      : {}),
    ...(row.translations ? { translations: JSON.parse(row.translations) as Service['translations'] } : {}),
  };
}

function holdExpired(): ApiError {
  return new ApiError(
    409,
    'hold_expired',
    'We could only keep that time for a few minutes, and someone else has now booked it. Please choose another time.',
  );
}

function toHold(row: HoldRow): Hold {
  return {
    id: row.id,
    service: row.service_id,
    start: toInstant(row.start_ms),
    end: toInstant(row.end_ms),
    expiresAt: toInstant(row.expires_at_ms),
  };
}
