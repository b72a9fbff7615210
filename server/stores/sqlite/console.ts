/**
 * The console's store in SQLite (`ConsoleStore` of types.ts): bookings by period, requests and their
 * decisions, each booking's intake status, and the safety queue — intake responses with a safety
 * answer or a linked safety signal, and signals whose intake never came — until acknowledged; and
 * the intake inbox, newest first.
 */
import type { FieldCipher } from '../../encryption/field-cipher.js';
import type { BookingIntakeRecord, ConsoleStore, DecisionRecord, DeclineReason, RequestDecision, ResponseSummaryRecord, SafetyItemRecord } from '../types.js';
import { StoreRefusal } from '../refusal.js';
import type { Db } from './database.js';
import { fieldContext } from './encrypted-columns.js';
import { writeEvent } from './notifications.js';
import type { SqliteIntakeStore } from './intake.js';
import { BOOKING_COLUMNS, type BookingRow } from './rows.js';

interface DecisionRow {
  booking_id: string;
  decision: 'confirmed' | 'declined';
  reason: string | null;
  staff_id: string;
  at_ms: number;
  suggested_starts: string | null;
}

interface QueueRow {
  id: string;
  kind: 'response' | 'signal';
  booking_id: string | null;
  form_id: string;
  form_version: string | null;
  items: string | null;
  received_at_ms: number;
  ack_staff_id: string | null;
  ack_note: string | null;
  ack_at_ms: number | null;
}

/** Both kinds of entry as one list, each with its acknowledgement when there is one. */
const QUEUE = `
  SELECT * FROM (
    SELECT r.id, 'response' AS kind, r.booking_id, r.form_id, r.form_version, NULL AS items, r.received_at_ms
    FROM intake_responses r
    WHERE r.safety = 1 OR EXISTS (SELECT 1 FROM safety_signals s WHERE s.response_id = r.id)
    UNION ALL
    SELECT s.id, 'signal', s.booking_id, s.form_id, s.form_version, s.items, s.received_at_ms
    FROM safety_signals s WHERE s.response_id IS NULL
  ) q
  LEFT JOIN (SELECT item_id, staff_id AS ack_staff_id, note AS ack_note, at_ms AS ack_at_ms FROM safety_acknowledgements) a
    ON a.item_id = q.id`;

export class SqliteConsoleStore implements ConsoleStore {
  readonly #db: Db;
  readonly #intake: SqliteIntakeStore;
  readonly #cipher: FieldCipher;
  readonly #statements;

  constructor(db: Db, intake: SqliteIntakeStore, cipher: FieldCipher) {
    this.#db = db;
    this.#intake = intake;
    this.#cipher = cipher;
    this.#statements = {
      between: db.prepare<[number, number], { id: string }>('SELECT id FROM bookings WHERE start_ms >= ? AND start_ms < ? ORDER BY start_ms, id'),
      waiting: db.prepare<[number], { id: string }>("SELECT id FROM bookings WHERE status = 'requested' AND end_ms > ? ORDER BY start_ms, id"),
      booking: db.prepare<[string], BookingRow>(`SELECT ${BOOKING_COLUMNS} FROM bookings WHERE id = ?`),
      decision: db.prepare<[string], DecisionRow>('SELECT * FROM booking_decisions WHERE booking_id = ?'),
      insertDecision: db.prepare('INSERT INTO booking_decisions (booking_id, decision, reason, staff_id, at_ms, suggested_starts) VALUES (?, ?, ?, ?, ?, ?)'),
      confirm: db.prepare("UPDATE bookings SET status = 'confirmed' WHERE id = ? AND status = 'requested'"),
      decline: db.prepare("UPDATE bookings SET status = 'cancelled', cancelled_at_ms = ? WHERE id = ? AND status = 'requested'"),
      responsesOf: db.prepare<[string], { id: string; safety: number }>(
        'SELECT id, safety FROM intake_responses WHERE booking_id = ? ORDER BY received_at_ms, rowid',
      ),
      recent: db.prepare<
        [number],
        { id: string; booking_id: string | null; form_id: string; form_version: string | null; received_at_ms: number; safety: number; linked: number }
      >(
        `SELECT r.id, r.booking_id, r.form_id, r.form_version, r.received_at_ms, r.safety,
           EXISTS (SELECT 1 FROM safety_signals s WHERE s.response_id = r.id) AS linked
         FROM intake_responses r ORDER BY r.received_at_ms DESC, r.rowid DESC LIMIT ?`,
      ),
      signalsOf: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM safety_signals WHERE booking_id = ?'),
      queue: db.prepare<[], QueueRow>(`${QUEUE} WHERE a.item_id IS NULL ORDER BY q.received_at_ms, q.id`),
      item: db.prepare<[string], QueueRow>(`${QUEUE} WHERE q.id = ?`),
      insertAck: db.prepare('INSERT OR IGNORE INTO safety_acknowledgements (item_id, staff_id, note, at_ms) VALUES (?, ?, ?, ?)'),
    };
  }

  async bookingsBetween(from: number, to: number): Promise<string[]> {
    return this.#statements.between.all(from, to).map((row) => row.id);
  }

  async waitingRequests(now: number): Promise<string[]> {
    return this.#statements.waiting.all(now).map((row) => row.id);
  }

  async decideRequest(request: RequestDecision): Promise<DecisionRecord> {
    return this.#db
      .transaction((): DecisionRecord => {
        const row = this.#statements.booking.get(request.bookingId);
        if (!row) throw new StoreRefusal('booking_not_found');
        const earlier = this.#statements.decision.get(request.bookingId);
        if (earlier) {
          if (earlier.decision !== request.decision) throw new StoreRefusal('already_decided');
          return toDecision(earlier);
        }
        if (row.status === 'cancelled') throw new StoreRefusal('booking_cancelled');
        if (row.status !== 'requested') throw new StoreRefusal('already_decided');
        if (request.decision === 'confirmed') this.#statements.confirm.run(request.bookingId);
        else this.#statements.decline.run(request.now, request.bookingId);
        const suggested = request.suggestedStarts?.length ? JSON.stringify([...request.suggestedStarts].sort((a, b) => a - b)) : null;
        this.#statements.insertDecision.run(request.bookingId, request.decision, request.reason ?? null, request.staffId, request.now, suggested);
        writeEvent(
          this.#db,
          { type: request.decision === 'confirmed' ? 'booking.confirmed' : 'booking.declined', bookingId: request.bookingId, dueAt: request.now },
          request.now,
        );
        return toDecision(this.#statements.decision.get(request.bookingId)!);
      })
      .immediate();
  }

  async decisionOf(bookingId: string): Promise<DecisionRecord | undefined> {
    const decision = this.#statements.decision.get(bookingId);
    return decision && toDecision(decision);
  }

  async intakeOf(bookingIds: readonly string[]): Promise<Map<string, BookingIntakeRecord>> {
    const result = new Map<string, BookingIntakeRecord>();
    for (const id of bookingIds) {
      const responses = this.#statements.responsesOf.all(id);
      const signals = this.#statements.signalsOf.get(id)!.n;
      if (responses.length === 0 && signals === 0) continue;
      let needsClinician = signals > 0 || responses.some((response) => response.safety === 1);
      for (const response of responses) {
        if (needsClinician) break;
        needsClinician = ((await this.#intake.findResponse(response.id))?.submission.flags.length ?? 0) > 0;
      }
      result.set(id, { responseIds: responses.map((response) => response.id), needsClinician });
    }
    return result;
  }

  async recentResponses(limit: number): Promise<ResponseSummaryRecord[]> {
    const result: ResponseSummaryRecord[] = [];
    for (const row of this.#statements.recent.all(limit)) {
      // Flags are encrypted with the answers: read only when no cheaper sign already says so.
      const needsClinician = row.safety === 1 || row.linked === 1 || ((await this.#intake.findResponse(row.id))?.submission.flags.length ?? 0) > 0;
      result.push({
        id: row.id,
        bookingId: row.booking_id ?? undefined,
        formId: row.form_id,
        formVersion: row.form_version ?? undefined,
        receivedAt: row.received_at_ms,
        needsClinician,
      });
    }
    return result;
  }

  async safetyQueue(): Promise<SafetyItemRecord[]> {
    return this.#statements.queue.all().map((row) => this.#toItem(row));
  }

  async safetyItem(id: string): Promise<SafetyItemRecord | undefined> {
    const row = this.#statements.item.get(id);
    return row && this.#toItem(row);
  }

  async acknowledge(ack: { id: string; staffId: string; note: string; now: number }): Promise<SafetyItemRecord | undefined> {
    return this.#db
      .transaction((): SafetyItemRecord | undefined => {
        if (!this.#statements.item.get(ack.id)) return undefined;
        this.#statements.insertAck.run(ack.id, ack.staffId, this.#cipher.seal(ack.note, fieldContext('safety_acknowledgements', 'note', ack.id)), ack.now);
        return this.#toItem(this.#statements.item.get(ack.id)!);
      })
      .immediate();
  }

  #toItem(row: QueueRow): SafetyItemRecord {
    return {
      id: row.id,
      kind: row.kind,
      bookingId: row.booking_id ?? undefined,
      formId: row.form_id,
      formVersion: row.form_version ?? undefined,
      items: row.items === null ? [] : (JSON.parse(row.items) as string[]),
      receivedAt: row.received_at_ms,
      ...(row.ack_staff_id !== null
        ? {
            acknowledgement: {
              staffId: row.ack_staff_id,
              at: row.ack_at_ms!,
              note: this.#cipher.open(row.ack_note!, fieldContext('safety_acknowledgements', 'note', row.id)),
            },
          }
        : {}),
    };
  }
}

function toDecision(row: DecisionRow): DecisionRecord {
  return {
    bookingId: row.booking_id,
    decision: row.decision,
    ...(row.reason !== null ? { reason: row.reason as DeclineReason } : {}),
    ...(row.suggested_starts !== null ? { suggestedStarts: JSON.parse(row.suggested_starts) as number[] } : {}),
    staffId: row.staff_id,
    at: row.at_ms,
  };
}
