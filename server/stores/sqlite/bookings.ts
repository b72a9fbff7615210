/**
 * Holds and bookings in SQLite. Every write that depends on the slot being free runs its check and
 * its write in ONE `BEGIN IMMEDIATE` transaction: SQLite grants the write lock to one connection at
 * a time (across processes too), so two requests can never both see a slot free and both take it.
 * The triggers `bookings_never_overlap` (insert) and `bookings_never_overlap_on_update` refuse an
 * overlap inside the database as the last guard. The client's details and reason are encrypted
 * (encrypted-columns.ts); only `bookingDetail` opens them.
 */
import type { CareReason } from '../../../src/api/schemas.js';
import { overlaps, padded, type Interval } from '../../../src/scheduling/opening-hours.js';
import type { FieldCipher } from '../../encryption/field-cipher.js';
import { clientEmailHash, newId } from '../../secrets.js';
import { changeRefusal } from '../records.js';
import { StoreRefusal } from '../refusal.js';
import type {
  BookingCancel,
  BookingDetailRecord,
  BookingMove,
  BookingRecord,
  BookingStore,
  HoldRecord,
  NewBooking,
  NewHold,
  NewLinkToken,
  OpeningRequirement,
  PlacedHold,
  SlotQuery,
} from '../types.js';
import { AvailabilityCache, MAX_BUFFER_MS, PADDED, type AvailabilityCacheStats } from './availability-cache.js';
import { SqliteChecklistStore } from './checklists.js';
import type { Db } from './database.js';
import { fieldContext } from './encrypted-columns.js';
import { HoldCaps } from './hold-caps.js';
import { keepOutcome } from './idempotency.js';
import { writeEvent } from './notifications.js';
import { BOOKING_COLUMNS, BOOKING_DETAIL_COLUMNS, toBookingRecord, toHoldRecord, type BookingDetailRow, type BookingRow, type HoldRow } from './rows.js';

export class SqliteBookingStore implements BookingStore {
  readonly #db: Db;
  readonly #statements;
  readonly #availability: AvailabilityCache;
  readonly #caps: HoldCaps;
  readonly #checklists: SqliteChecklistStore;
  readonly #cipher: FieldCipher;

  constructor(db: Db, checklists: SqliteChecklistStore, cipher: FieldCipher) {
    this.#db = db;
    this.#cipher = cipher;
    this.#availability = new AvailabilityCache(db);
    this.#caps = new HoldCaps(db);
    this.#checklists = checklists;
    this.#statements = {
      // Padded with their services' buffers; what could overlap a padded slot starts within two buffers of it.
      busyBookings: db.prepare<[number, number, string], Interval>(
        `SELECT ${PADDED} FROM bookings b JOIN services s ON s.id = b.service_id
         WHERE b.status IN ('confirmed', 'requested') AND b.start_ms < ? + ${2 * MAX_BUFFER_MS} AND b.end_ms > ? - ${2 * MAX_BUFFER_MS} AND b.id <> ?`,
      ),
      busyHolds: db.prepare<[number, number, number, string], Interval>(
        `SELECT ${PADDED} FROM holds b JOIN services s ON s.id = b.service_id
         WHERE b.expires_at_ms > ? AND b.start_ms < ? + ${2 * MAX_BUFFER_MS} AND b.end_ms > ? - ${2 * MAX_BUFFER_MS} AND b.id <> ?`,
      ),
      buffers: db.prepare<[string], { before: number; after: number }>(
        'SELECT buffer_before_minutes AS before, buffer_after_minutes AS after FROM services WHERE id = ?',
      ),
      openingBooking: db.prepare<[string, number, number], { id: string }>(
        `SELECT id FROM bookings
         WHERE service_id = ? AND status IN ('confirmed', 'requested') AND end_ms BETWEEN ? AND ? LIMIT 1`,
      ),
      purgeHolds: db.prepare('DELETE FROM holds WHERE expires_at_ms <= ?'),
      liveHold: db.prepare<[string, number], HoldRow & { created_at_ms: number }>(
        'SELECT id, service_id, start_ms, end_ms, expires_at_ms, created_at_ms FROM holds WHERE id = ? AND expires_at_ms > ?',
      ),
      insertHold: db.prepare(
        `INSERT INTO holds (id, service_id, start_ms, end_ms, expires_at_ms, created_at_ms, client_sha256, release_sha256)
         VALUES (@id, @service_id, @start_ms, @end_ms, @expires_at_ms, @created_at_ms, @client_sha256, @release_sha256)`,
      ),
      releaseHold: db.prepare('DELETE FROM holds WHERE id = ? AND release_sha256 = ?'),
      deleteHold: db.prepare('DELETE FROM holds WHERE id = ?'),
      insertBooking: db.prepare(
        `INSERT INTO bookings (id, service_id, start_ms, end_ms, status, client_name, client_email, client_phone,
           consent_privacy, consent_contact, reason, source, token_sha256, created_at_ms, lang, time_zone, client_email_sha256)
         VALUES (@id, @service_id, @start_ms, @end_ms, @status, @client_name, @client_email, @client_phone,
           1, @consent_contact, @reason, @source, @token_sha256, @created_at_ms, @lang, @time_zone, @client_email_sha256)`,
      ),
      booking: db.prepare<[string], BookingRow>(`SELECT ${BOOKING_COLUMNS} FROM bookings WHERE id = ?`),
      detail: db.prepare<[string], BookingDetailRow>(`SELECT ${BOOKING_DETAIL_COLUMNS} FROM bookings WHERE id = ?`),
      moveBooking: db.prepare("UPDATE bookings SET start_ms = ?, end_ms = ?, status = ?, rescheduled_at_ms = ? WHERE id = ? AND status <> 'cancelled'"),
      cancelBooking: db.prepare("UPDATE bookings SET status = 'cancelled', cancelled_at_ms = ? WHERE id = ? AND status <> 'cancelled'"),
      setToken: db.prepare('UPDATE bookings SET token_sha256 = ? WHERE id = ?'),
      addLinkToken: db.prepare('INSERT INTO booking_link_tokens (token_sha256, booking_id, created_at_ms, expires_at_ms) VALUES (?, ?, ?, ?)'),
      linkTokens: db.prepare<[string, number], { token_sha256: string }>(
        'SELECT token_sha256 FROM booking_link_tokens WHERE booking_id = ? AND (expires_at_ms IS NULL OR expires_at_ms > ?)',
      ),
      revokeLinks: db.prepare('DELETE FROM booking_link_tokens WHERE booking_id = ?'),
      bookingsOfClient: db.prepare<[string, number], { id: string }>(
        "SELECT id FROM bookings WHERE client_email_sha256 = ? AND status IN ('confirmed', 'requested') AND end_ms > ?",
      ),
      extendCredential: db.prepare(
        'UPDATE booking_link_tokens SET expires_at_ms = ? WHERE booking_id = ? AND token_sha256 = ? AND expires_at_ms IS NOT NULL AND expires_at_ms > ?',
      ),
      name: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
      setName: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    };
  }

  /** How often availability was answered from remembered days (see availability-cache.ts). */
  get availabilityCacheStats(): AvailabilityCacheStats {
    return { ...this.#availability.stats };
  }

  async freeSlots(query: SlotQuery): Promise<Interval[]> {
    return this.#availability.freeSlots(query);
  }

  async placeHold(hold: NewHold): Promise<HoldRecord> {
    return this.#immediate(() => {
      this.#statements.purgeHolds.run(hold.now);
      this.#caps.check(hold.client, hold.now);
      if (this.#taken(hold.serviceId, hold.slot, hold.now)) throw new StoreRefusal('slot_unavailable');
      this.#requireOpening(hold.opening);
      const row: HoldRow = {
        id: newId('hold'),
        service_id: hold.serviceId,
        start_ms: hold.slot.start,
        end_ms: hold.slot.end,
        expires_at_ms: hold.expiresAt,
      };
      this.#statements.insertHold.run({ ...row, created_at_ms: hold.now, client_sha256: hold.client.hash, release_sha256: hold.releaseTokenHash });
      const record = toHoldRecord(row);
      keepOutcome(this.#db, hold.idempotency, record);
      return record;
    });
  }

  async releaseHold(id: string, releaseTokenHash: string): Promise<void> {
    this.#statements.releaseHold.run(id, releaseTokenHash);
  }

  async findHold(id: string, now: number): Promise<PlacedHold | undefined> {
    const row = this.#statements.liveHold.get(id, now);
    return row && { ...toHoldRecord(row), placedAt: row.created_at_ms };
  }

  async createBooking(booking: NewBooking): Promise<BookingRecord> {
    return this.#immediate(() => {
      const { slot, now } = booking;
      const hold = this.#consumableHold(booking.holdId, booking.serviceId, slot, now, '');
      this.#requireOpening(booking.opening);
      if (booking.name && this.#statements.name.get(booking.name.name)?.value !== booking.name.replacing) throw new StoreRefusal('name_taken');
      if (hold) this.#statements.deleteHold.run(hold.id);
      const record: BookingRecord = {
        id: newId('bk'),
        serviceId: booking.serviceId,
        start: slot.start,
        end: slot.end,
        status: booking.status,
        tokenHash: booking.tokenHash,
      };
      refuseOverlap(() =>
        this.#statements.insertBooking.run({
          id: record.id,
          service_id: record.serviceId,
          start_ms: slot.start,
          end_ms: slot.end,
          status: record.status,
          client_name: this.#seal('client_name', record.id, booking.client.name),
          client_email: this.#seal('client_email', record.id, booking.client.email),
          client_phone: this.#seal('client_phone', record.id, booking.client.phone),
          consent_contact: booking.consent.contact === undefined ? null : Number(booking.consent.contact),
          reason: booking.reason === undefined ? null : this.#seal('reason', record.id, booking.reason),
          source: booking.source ?? null,
          token_sha256: record.tokenHash,
          created_at_ms: now,
          lang: booking.lang ?? null,
          time_zone: booking.timeZone ?? null,
          client_email_sha256: clientEmailHash(booking.client.email),
        }),
      );
      writeEvent(this.#db, { type: record.status === 'requested' ? 'booking.requested' : 'booking.confirmed', bookingId: record.id, dueAt: now }, now);
      if (booking.checklist) this.#checklists.createWithin(record.id, booking.checklist, now);
      if (booking.name) this.#statements.setName.run(booking.name.name, record.id);
      keepOutcome(this.#db, booking.idempotency, record);
      return record;
    });
  }

  async findBooking(id: string): Promise<BookingRecord | undefined> {
    const row = this.#statements.booking.get(id);
    return row && toBookingRecord(row);
  }

  async bookingDetail(id: string): Promise<BookingDetailRecord | undefined> {
    const row = this.#statements.detail.get(id);
    if (!row) return undefined;
    const open = (column: string, value: string) => this.#cipher.open(value, fieldContext('bookings', column, row.id));
    return {
      ...toBookingRecord(row),
      client: { name: open('client_name', row.client_name), email: open('client_email', row.client_email), phone: open('client_phone', row.client_phone) },
      consent: row.consent_contact === null ? {} : { contact: row.consent_contact === 1 },
      ...(row.reason !== null ? { reason: open('reason', row.reason) as CareReason } : {}),
      ...(row.source !== null ? { source: row.source } : {}),
      createdAt: row.created_at_ms,
      ...(row.cancelled_at_ms !== null ? { cancelledAt: row.cancelled_at_ms } : {}),
      ...(row.lang !== null ? { lang: row.lang } : {}),
      ...(row.time_zone !== null ? { timeZone: row.time_zone } : {}),
    };
  }

  async rescheduleBooking(move: BookingMove): Promise<BookingRecord> {
    return this.#immediate(() => {
      const current = this.#currentBooking(move.bookingId);
      const refusal = changeRefusal(current, move.now);
      if (refusal) throw new StoreRefusal(refusal);
      const hold = this.#consumableHold(move.holdId, current.serviceId, move.slot, move.now, current.id);
      this.#requireOpening(move.opening);
      if (hold) this.#statements.deleteHold.run(hold.id);
      const status = move.asRequest ? 'requested' : current.status;
      refuseOverlap(() => this.#statements.moveBooking.run(move.slot.start, move.slot.end, status, move.now, current.id));
      const record: BookingRecord = { ...current, start: move.slot.start, end: move.slot.end, status };
      writeEvent(this.#db, { type: 'booking.rescheduled', bookingId: record.id, dueAt: move.now }, move.now);
      keepOutcome(this.#db, move.idempotency, record);
      return record;
    });
  }

  async cancelBooking(cancel: BookingCancel): Promise<BookingRecord> {
    return this.#immediate(() => {
      const current = this.#currentBooking(cancel.bookingId);
      if (changeRefusal(current, cancel.now) === 'booking_started') throw new StoreRefusal('booking_started');
      if (this.#statements.cancelBooking.run(cancel.now, current.id).changes === 1) {
        writeEvent(this.#db, { type: 'booking.cancelled', bookingId: current.id, dueAt: cancel.now }, cancel.now);
      }
      const record = toBookingRecord(this.#statements.booking.get(current.id)!);
      keepOutcome(this.#db, cancel.idempotency, record);
      return record;
    });
  }

  async replaceAccessToken(id: string, tokenHash: string): Promise<void> {
    this.#statements.setToken.run(tokenHash, id);
  }

  async addLinkToken({ bookingId, tokenHash, now, expiresAt }: NewLinkToken): Promise<void> {
    this.#statements.addLinkToken.run(tokenHash, bookingId, now, expiresAt ?? null);
  }

  async linkTokenHashes(bookingId: string, now: number): Promise<string[]> {
    return this.#statements.linkTokens.all(bookingId, now).map((row) => row.token_sha256);
  }

  async extendCredential({ bookingId, tokenHash, now, expiresAt }: Required<NewLinkToken>): Promise<boolean> {
    return this.#statements.extendCredential.run(expiresAt, bookingId, tokenHash, now).changes === 1;
  }

  async requestLinks({ emailHash, endsAfter, now }: { emailHash: string; endsAfter: number; now: number }): Promise<number> {
    return this.#immediate(() => {
      const ids = this.#statements.bookingsOfClient.all(emailHash, endsAfter).map((row) => row.id);
      for (const id of ids) writeEvent(this.#db, { type: 'links.requested', bookingId: id, dueAt: now }, now);
      return ids.length;
    });
  }

  async revokeLinks(bookingId: string, replacementTokenHash: string): Promise<void> {
    this.#immediate(() => {
      this.#statements.revokeLinks.run(bookingId);
      this.#statements.setToken.run(replacementTokenHash, bookingId);
    });
  }

  async namedBooking(name: string): Promise<string | undefined> {
    return this.#statements.name.get(name)?.value;
  }

  #seal(column: string, id: string, value: string): string {
    return this.#cipher.seal(value, fieldContext('bookings', column, id));
  }

  #immediate<T>(work: () => T): T {
    return this.#db.transaction(work).immediate();
  }

  #currentBooking(id: string): BookingRecord {
    const row = this.#statements.booking.get(id);
    if (!row) throw new StoreRefusal('booking_not_found');
    return toBookingRecord(row);
  }

  /**
   * Checks that `slot` is free for a booking (the moved booking `exceptBookingId` aside) and
   * returns the live hold `holdId` it may consume; refuses as `createBooking` says.
   */
  #consumableHold(holdId: string | undefined, serviceId: string, slot: Interval, now: number, exceptBookingId: string): HoldRow | undefined {
    this.#statements.purgeHolds.run(now);
    const hold = holdId === undefined ? undefined : this.#statements.liveHold.get(holdId, now);
    if (hold && (hold.service_id !== serviceId || hold.start_ms !== slot.start)) throw new StoreRefusal('hold_mismatch');
    const free = !this.#taken(serviceId, slot, now, hold?.id, exceptBookingId);
    if (!free) throw new StoreRefusal(holdId !== undefined && !hold ? 'hold_expired' : 'slot_unavailable');
    return hold;
  }

  #requireOpening(opening: OpeningRequirement | undefined): void {
    if (opening && !this.#statements.openingBooking.get(opening.serviceId, opening.endsFrom, opening.endsTo)) {
      throw new StoreRefusal('outside_follow_up_window');
    }
  }

  /** Whether `slot` of `serviceId`, padded with its buffers, overlaps an active booking or a live hold, padded with theirs. */
  #taken(serviceId: string, slot: Interval, now: number, exceptHoldId = '', exceptBookingId = ''): boolean {
    const row = this.#statements.buffers.get(serviceId);
    const own = padded(slot, { beforeMinutes: row?.before ?? 0, afterMinutes: row?.after ?? 0 });
    return [
      ...this.#statements.busyBookings.all(own.end, own.start, exceptBookingId),
      ...this.#statements.busyHolds.all(now, own.end, own.start, exceptHoldId),
    ].some((taken) => overlaps(own, taken));
  }
}

/** Runs a write the overlap triggers guard: unreachable while the checks hold, kept as the last line. */
function refuseOverlap(write: () => unknown): void {
  try {
    write();
  } catch (error) {
    if (error instanceof Error && error.message === 'slot_unavailable') throw new StoreRefusal('slot_unavailable');
    throw error;
  }
}
