/**
 * Each booking's preparation checklist in SQLite: a row in `booking_checklists` once it has one
 * (possibly with no items), its items copied into `booking_checklist_items`. Due times are stored
 * as offsets from the session's start, so a rescheduled booking's items move with it; what was
 * checked off stays checked off.
 */
import { StoreRefusal } from '../refusal.js';
import type { ChecklistCopy, ChecklistItemRecord, ChecklistStore } from '../types.js';
import type { Db } from './database.js';
import { writeEvent } from './notifications.js';
import { ITEM_COLUMNS, toItemRecord, type ItemRow } from './rows.js';

export class SqliteChecklistStore implements ChecklistStore {
  readonly #db: Db;
  readonly #statements;

  constructor(db: Db) {
    this.#db = db;
    this.#statements = {
      bookingStatus: db.prepare<[string], { status: string }>('SELECT status FROM bookings WHERE id = ?'),
      hasChecklist: db.prepare<[string], { booking_id: string }>('SELECT booking_id FROM booking_checklists WHERE booking_id = ?'),
      insertChecklist: db.prepare('INSERT INTO booking_checklists (booking_id, checklist_id, created_at_ms, lang) VALUES (?, ?, ?, ?)'),
      language: db.prepare<[string], { lang: string | null }>('SELECT lang FROM booking_checklists WHERE booking_id = ?'),
      insertItem: db.prepare(
        `INSERT INTO booking_checklist_items
           (booking_id, item_id, position, text, details, group_name, due_offset_minutes, required, translations)
         VALUES (@booking_id, @item_id, @position, @text, @details, @group_name, @due_offset_minutes, @required, @translations)`,
      ),
      items: db.prepare<[string], ItemRow>(`SELECT ${ITEM_COLUMNS} FROM booking_checklist_items WHERE booking_id = ? ORDER BY position`),
      item: db.prepare<[string, string], ItemRow>(`SELECT ${ITEM_COLUMNS} FROM booking_checklist_items WHERE booking_id = ? AND item_id = ?`),
      // Checking an item that is already done keeps when it was first done: the same PUT, the same answer.
      requiredLeft: db.prepare<[string], { n: number }>(
        'SELECT count(*) AS n FROM booking_checklist_items WHERE booking_id = ? AND required = 1 AND done_at_ms IS NULL',
      ),
      setDone: db.prepare(
        `UPDATE booking_checklist_items
         SET done_at_ms = CASE WHEN @done = 1 THEN COALESCE(done_at_ms, @now) ELSE NULL END
         WHERE booking_id = @booking_id AND item_id = @item_id`,
      ),
    };
  }

  async items(bookingId: string): Promise<ChecklistItemRecord[] | undefined> {
    if (!this.#statements.hasChecklist.get(bookingId)) return undefined;
    return this.#statements.items.all(bookingId).map(toItemRecord);
  }

  async language(bookingId: string): Promise<string | undefined> {
    const row = this.#statements.language.get(bookingId);
    // A checklist copied before migration 7 has no language: its texts were English.
    return row && (row.lang ?? 'en');
  }

  async create(bookingId: string, copy: ChecklistCopy, now: number): Promise<void> {
    this.#db.transaction(() => this.createWithin(bookingId, copy, now)).immediate();
  }

  /** `create` inside a transaction already open (the booking's own). */
  createWithin(bookingId: string, copy: ChecklistCopy, now: number): void {
    if (this.#statements.hasChecklist.get(bookingId)) return;
    this.#statements.insertChecklist.run(bookingId, copy.checklistId ?? null, now, copy.lang);
    copy.items.forEach((item, position) =>
      this.#statements.insertItem.run({
        booking_id: bookingId,
        item_id: item.id,
        position,
        text: item.text,
        details: item.details ?? null,
        group_name: item.group,
        due_offset_minutes: item.dueOffsetMinutes ?? null,
        required: item.required ? 1 : 0,
        translations: item.translations ? JSON.stringify(item.translations) : null,
      }),
    );
  }

  async setDone(change: { bookingId: string; itemId: string; done: boolean; now: number }): Promise<ChecklistItemRecord | undefined> {
    return this.#db
      .transaction(() => {
        if (this.#statements.bookingStatus.get(change.bookingId)?.status === 'cancelled') throw new StoreRefusal('booking_cancelled');
        const left = this.#statements.requiredLeft.get(change.bookingId)!.n;
        this.#statements.setDone.run({ done: change.done ? 1 : 0, now: change.now, booking_id: change.bookingId, item_id: change.itemId });
        if (left > 0 && this.#statements.requiredLeft.get(change.bookingId)!.n === 0) {
          writeEvent(this.#db, { type: 'checklist.completed', bookingId: change.bookingId, dueAt: change.now }, change.now);
        }
        const row = this.#statements.item.get(change.bookingId, change.itemId);
        return row && toItemRecord(row);
      })
      .immediate();
  }
}
