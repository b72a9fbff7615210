/**
 * Intake responses and safety signals in SQLite. A response is stored as the server checked and
 * scored it (answers, scores, flags and safety items as JSON); a signal names a booking, a form,
 * its version and the safety items — one row per such set however often it is sent. Storing a
 * response links to it, in the same transaction, the signals sent for its booking, form and version.
 * Answers, scores, flags and safety items are encrypted (encrypted-columns.ts); signals hold ids only.
 */
import type { FieldCipher } from '../../encryption/field-cipher.js';
import { newId } from '../../secrets.js';
import { StoreRefusal } from '../refusal.js';
import type { IntakeResponseRecord, IntakeStore, NewIntakeResponse, NewSafetySignal, SafetySignalRecord } from '../types.js';
import type { Db } from './database.js';
import { fieldContext } from './encrypted-columns.js';
import { keepOutcome } from './idempotency.js';
import { writeEvent } from './notifications.js';

interface ResponseRow {
  id: string;
  form_id: string;
  form_version: string | null;
  booking_id: string | null;
  answers: string;
  scores: string;
  flags: string;
  safety: number;
  safety_items: string;
  received_at_ms: number;
}

interface SignalRow {
  id: string;
  booking_id: string;
  form_id: string;
  form_version: string | null;
  items: string;
  received_at_ms: number;
  response_id: string | null;
}

export class SqliteIntakeStore implements IntakeStore {
  readonly #db: Db;
  readonly #statements;
  readonly #cipher: FieldCipher;

  constructor(db: Db, cipher: FieldCipher) {
    this.#db = db;
    this.#cipher = cipher;
    this.#statements = {
      bookingExists: db.prepare<[string], { id: string }>('SELECT id FROM bookings WHERE id = ?'),
      insertResponse: db.prepare(
        `INSERT INTO intake_responses
           (id, form_id, form_version, booking_id, answers, scores, flags, safety, safety_items, received_at_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      response: db.prepare<[string], ResponseRow>('SELECT * FROM intake_responses WHERE id = ?'),
      // The safety signals sent while this intake was being filled in now point to it.
      linkSignals: db.prepare(
        `UPDATE safety_signals SET response_id = ?
         WHERE booking_id = ? AND form_id = ? AND IFNULL(form_version, '') = ? AND response_id IS NULL`,
      ),
      sameSignal: db.prepare<[string, string, string, string], SignalRow>(
        `SELECT * FROM safety_signals WHERE booking_id = ? AND form_id = ? AND IFNULL(form_version, '') = ? AND items = ?`,
      ),
      insertSignal: db.prepare('INSERT INTO safety_signals (id, booking_id, form_id, form_version, items, received_at_ms) VALUES (?, ?, ?, ?, ?, ?)'),
      signals: db.prepare<[string], SignalRow>('SELECT * FROM safety_signals WHERE booking_id = ? ORDER BY received_at_ms, rowid'),
    };
  }

  async saveResponse({ submission, now, idempotency }: NewIntakeResponse): Promise<IntakeResponseRecord> {
    return this.#db
      .transaction((): IntakeResponseRecord => {
        if (submission.booking !== undefined && !this.#statements.bookingExists.get(submission.booking)) {
          throw new StoreRefusal('booking_not_found');
        }
        const record: IntakeResponseRecord = { id: newId('ir'), receivedAt: now, submission };
        this.#statements.insertResponse.run(
          record.id,
          submission.form,
          submission.version ?? null,
          submission.booking ?? null,
          this.#seal('answers', record.id, submission.answers),
          this.#seal('scores', record.id, submission.scores),
          this.#seal('flags', record.id, submission.flags),
          submission.safety ? 1 : 0,
          this.#seal('safety_items', record.id, submission.safetyItems),
          now,
        );
        const linked =
          submission.booking === undefined
            ? 0
            : this.#statements.linkSignals.run(record.id, submission.booking, submission.form, submission.version ?? '').changes;
        const bookingId = submission.booking;
        writeEvent(this.#db, { type: 'intake.submitted', bookingId, subjectId: record.id, dueAt: now }, now);
        // A signal sent while the intake was filled in raised the alert already.
        if (submission.safety && linked === 0) writeEvent(this.#db, { type: 'safety.flagged', bookingId, subjectId: record.id, dueAt: now }, now);
        keepOutcome(this.#db, idempotency, record);
        return record;
      })
      .immediate();
  }

  async findResponse(id: string): Promise<IntakeResponseRecord | undefined> {
    const row = this.#statements.response.get(id);
    return row && this.#toResponseRecord(row);
  }

  async recordSafetySignal(signal: NewSafetySignal): Promise<SafetySignalRecord> {
    const items = JSON.stringify(signal.items);
    const version = signal.formVersion ?? '';
    return this.#db
      .transaction((): SafetySignalRecord => {
        if (!this.#statements.bookingExists.get(signal.bookingId)) throw new StoreRefusal('booking_not_found');
        let row = this.#statements.sameSignal.get(signal.bookingId, signal.formId, version, items);
        if (!row) {
          const id = newId('ss');
          this.#statements.insertSignal.run(id, signal.bookingId, signal.formId, signal.formVersion ?? null, items, signal.now);
          writeEvent(this.#db, { type: 'safety.flagged', bookingId: signal.bookingId, subjectId: id, dueAt: signal.now }, signal.now);
          row = this.#statements.sameSignal.get(signal.bookingId, signal.formId, version, items)!;
        }
        const record = toSignalRecord(row);
        keepOutcome(this.#db, signal.idempotency, record);
        return record;
      })
      .immediate();
  }

  async safetySignals(bookingId: string): Promise<SafetySignalRecord[]> {
    return this.#statements.signals.all(bookingId).map(toSignalRecord);
  }

  #seal(column: string, id: string, value: unknown): string {
    return this.#cipher.seal(JSON.stringify(value), fieldContext('intake_responses', column, id));
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- decrypted JSON: each caller states its type
  #open(column: 'answers' | 'scores' | 'flags' | 'safety_items', row: ResponseRow): any {
    return JSON.parse(this.#cipher.open(row[column], fieldContext('intake_responses', column, row.id)));
  }

  #toResponseRecord(row: ResponseRow): IntakeResponseRecord {
    return {
      id: row.id,
      receivedAt: row.received_at_ms,
      submission: {
        form: row.form_id,
        ...(row.form_version !== null ? { version: row.form_version } : {}),
        ...(row.booking_id !== null ? { booking: row.booking_id } : {}),
        answers: this.#open('answers', row),
        scores: this.#open('scores', row),
        flags: this.#open('flags', row),
        safety: row.safety === 1,
        safetyItems: this.#open('safety_items', row),
      },
    };
  }
}

function toSignalRecord(row: SignalRow): SafetySignalRecord {
  return {
    id: row.id,
    bookingId: row.booking_id,
    formId: row.form_id,
    formVersion: row.form_version ?? undefined,
    items: JSON.parse(row.items),
    receivedAt: row.received_at_ms,
    responseId: row.response_id ?? undefined,
  };
}
