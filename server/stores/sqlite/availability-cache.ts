/**
 * Free slots per service and clinic day, remembered between availability requests so that reads
 * cost little: a flood of them cannot keep the server from answering a booking.
 *
 * Only the read path uses this; holds, bookings and moves check the slot again inside their own
 * IMMEDIATE transaction, so the no-double-booking guarantee does not rest on it. Freshness does:
 * - Any committed change to the database forgets every remembered day. Changes made through this
 *   connection move `total_changes()`; changes by any other connection or process (two servers on
 *   one file) move `PRAGMA data_version`. Both are read before the data, so an entry is never
 *   labelled newer than what it was computed from.
 * - A live hold stops taking its slot the moment it expires, with no write: a day's entry is valid
 *   only until the earliest expiry among the holds it subtracted (and never for a time before it
 *   was computed, should the clock step back).
 * Notice, horizon and follow-up windows depend on `now` and the request; they are applied to the
 * remembered days, not stored in them.
 */
import { clinicDay, overlaps, padded, scheduledSlots, type Buffers, type Interval, type SchedulingRules } from '../../../src/scheduling/opening-hours.js';
import type { SlotQuery } from '../types.js';
import type { Db } from './database.js';

/** The largest buffer a service may have (the schema's and the table's limit). */
export const MAX_BUFFER_MS = 480 * 60_000;

/** A booking's or hold's interval padded with its service's buffers (`b`: the booking or hold, `s`: its service). */
export const PADDED = 'b.start_ms - s.buffer_before_minutes * 60000 AS start, b.end_ms + s.buffer_after_minutes * 60000 AS end';

/** Far more than the demo clinic's 4 services × 60 days; past it the oldest half is dropped. */
const MAX_ENTRIES = 4_000;

interface DayEntry {
  free: Interval[];
  computedAt: number;
  validUntil: number;
}

export interface AvailabilityCacheStats {
  /** Days answered from memory. */
  hits: number;
  /** Days computed from the database. */
  misses: number;
}

export class AvailabilityCache {
  readonly stats: AvailabilityCacheStats = { hits: 0, misses: 0 };
  readonly #statements;
  #version = '';
  /** Free slots by `service|duration|day start`, for the current database version. */
  readonly #days = new Map<string, DayEntry>();
  /** The opening hours' slots by `rules|duration|day start`: no booking changes them. */
  readonly #scheduled = new Map<string, Interval[]>();
  /** The start of the next clinic day, by zone and the start of a clinic day. */
  readonly #nextDay = new Map<string, number>();
  /** A short id per set of rules seen, for the keys above. */
  readonly #rulesIds = new Map<string, number>();

  constructor(db: Db) {
    this.#statements = {
      version: db.prepare<[], { changes: number; data: number }>('SELECT total_changes() AS changes, (SELECT data_version FROM pragma_data_version()) AS data'),
      bookings: db.prepare<[number, number], Interval>(`SELECT ${PADDED} FROM bookings b JOIN services s ON s.id = b.service_id
         WHERE b.status IN ('confirmed', 'requested') AND b.start_ms < ? AND b.end_ms > ?`),
      holds: db.prepare<[number, number, number], Interval & { expires: number }>(
        `SELECT ${PADDED}, b.expires_at_ms AS expires FROM holds b JOIN services s ON s.id = b.service_id
         WHERE b.expires_at_ms > ? AND b.start_ms < ? AND b.end_ms > ?`,
      ),
      buffers: db.prepare<[string], { before: number; after: number }>(
        'SELECT buffer_before_minutes AS before, buffer_after_minutes AS after FROM services WHERE id = ?',
      ),
    };
  }

  /**
   * Free slots of a service of `durationMinutes` starting in [from, to) as seen at `now`, before
   * notice and horizon (the caller narrows [from, to) to them).
   */
  freeSlots({ serviceId, durationMinutes, rules, from, to, now }: SlotQuery): Interval[] {
    const version = this.#readVersion();
    if (version !== this.#version) {
      this.#version = version;
      this.#days.clear();
    }
    const rulesKey = this.#rulesId(rules);
    const slots: Interval[] = [];
    if (!(to > from)) return slots;
    const zone = rules.timeZone;
    for (let day = clinicDay(from, zone).start; day < to; day = this.#dayAfter(day, zone)) {
      for (const slot of this.#freeOnDay(serviceId, durationMinutes, rules, rulesKey, day, now)) {
        if (slot.start >= from && slot.start < to) slots.push(slot);
      }
    }
    return slots;
  }

  #freeOnDay(serviceId: string, durationMinutes: number, rules: SchedulingRules, rulesKey: number, day: number, now: number): Interval[] {
    const key = `${serviceId}|${durationMinutes}|${rulesKey}|${day}`;
    const cached = this.#days.get(key);
    if (cached && cached.computedAt <= now && now < cached.validUntil) {
      this.stats.hits += 1;
      return cached.free;
    }
    this.stats.misses += 1;
    const end = this.#dayAfter(day, rules.timeZone);
    // A slot of this day lies within it (opening periods end by midnight), so only what overlaps
    // the day, buffers on both sides included, can take one of its slots.
    const holds = this.#statements.holds.all(now, end + 2 * MAX_BUFFER_MS, day - 2 * MAX_BUFFER_MS);
    const busy: Interval[] = [...this.#statements.bookings.all(end + 2 * MAX_BUFFER_MS, day - 2 * MAX_BUFFER_MS), ...holds];
    const row = this.#statements.buffers.get(serviceId);
    const buffers: Buffers = { beforeMinutes: row?.before ?? 0, afterMinutes: row?.after ?? 0 };
    const free = this.#scheduledOnDay(rules, rulesKey, durationMinutes, day, end).filter(
      (slot) => !busy.some((taken) => overlaps(padded(slot, buffers), taken)),
    );
    const validUntil = holds.reduce((earliest, hold) => Math.min(earliest, hold.expires), Infinity);
    bounded(this.#days).set(key, { free, computedAt: now, validUntil });
    return free;
  }

  #scheduledOnDay(rules: SchedulingRules, rulesKey: number, durationMinutes: number, day: number, end: number): Interval[] {
    const key = `${rulesKey}|${durationMinutes}|${day}`;
    let slots = this.#scheduled.get(key);
    if (!slots) {
      slots = scheduledSlots(rules, durationMinutes, day, end);
      bounded(this.#scheduled).set(key, slots);
    }
    return slots;
  }

  #rulesId(rules: SchedulingRules): number {
    const text = JSON.stringify(rules);
    let id = this.#rulesIds.get(text);
    if (id === undefined) {
      if (this.#rulesIds.size >= 100) {
        // Ids are reused after this: forget everything keyed by the old ones.
        this.#rulesIds.clear();
        this.#scheduled.clear();
        this.#days.clear();
      }
      id = this.#rulesIds.size + 1;
      this.#rulesIds.set(text, id);
    }
    return id;
  }

  #readVersion(): string {
    const { changes, data } = this.#statements.version.get()!;
    return `${data}:${changes}`;
  }

  /** The start of the clinic day after the one starting at `day`. */
  #dayAfter(day: number, zone: string): number {
    const key = `${zone}|${day}`;
    let next = this.#nextDay.get(key);
    if (next === undefined) {
      next = clinicDay(day, zone).end;
      bounded(this.#nextDay).set(key, next);
    }
    return next;
  }
}

function bounded<K, V>(map: Map<K, V>): Map<K, V> {
  if (map.size >= MAX_ENTRIES) {
    let drop = map.size / 2;
    for (const key of map.keys()) {
      if (drop-- <= 0) break;
      map.delete(key);
    }
  }
  return map;
}
