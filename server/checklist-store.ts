/**
 * Each booking's preparation checklist. When a booking is made, its service's template
 * (`services.checklist_template`, a definition as in `src/checklist/definition.ts`) is copied into
 * `booking_checklist_items`, so the wording a client saw never changes under them when the clinic
 * later edits the template; only new bookings get the new wording. A booking made before
 * checklists existed (or whose template was broken at the time) gets its copy when it is first read.
 *
 * Due times are stored as offsets from the session's start, so a rescheduled booking's items move
 * with it; what was checked off stays checked off.
 */
import type { ChecklistItemState } from '../src/api/schemas.js';
import { parseChecklistDefinition, type ChecklistDefinition } from '../src/checklist/definition.js';
import { itemTexts } from '../src/checklist/languages.js';
import { bookingCancelled } from './api-error.js';
import { toInstant, type BookingRow } from './clinic-store.js';
import type { Db } from './database.js';

interface ItemRow {
  item_id: string;
  text: string;
  details: string | null;
  group_name: string;
  due_offset_minutes: number | null;
  required: number;
  done_at_ms: number | null;
  /** JSON: the text, details and group in other languages. */
  translations: string | null;
}

export class ChecklistTemplateError extends Error {
  constructor(
    readonly serviceId: string,
    readonly problems: string[],
  ) {
    super(`The checklist template of service "${serviceId}" is not valid: ${problems.join('; ')}`);
    this.name = 'ChecklistTemplateError';
  }
}

export class ChecklistStore {
  readonly #db: Db;
  readonly #statements;

  constructor(db: Db) {
    this.#db = db;
    this.#statements = {
      templates: db.prepare<[], { id: string; checklist_template: string }>(
        'SELECT id, checklist_template FROM services WHERE checklist_template IS NOT NULL ORDER BY position, id',
      ),
      template: db.prepare<[string], { checklist_template: string | null }>(
        'SELECT checklist_template FROM services WHERE id = ?',
      ),
      bookingStatus: db.prepare<[string], { status: string }>('SELECT status FROM bookings WHERE id = ?'),
      hasChecklist: db.prepare<[string], { booking_id: string }>('SELECT booking_id FROM booking_checklists WHERE booking_id = ?'),
      insertChecklist: db.prepare('INSERT INTO booking_checklists (booking_id, checklist_id, created_at_ms, lang) VALUES (?, ?, ?, ?)'),
      language: db.prepare<[string], { lang: string | null }>('SELECT lang FROM booking_checklists WHERE booking_id = ?'),
      insertItem: db.prepare(
        `INSERT INTO booking_checklist_items
           (booking_id, item_id, position, text, details, group_name, due_offset_minutes, required, translations)
         VALUES (@booking_id, @item_id, @position, @text, @details, @group_name, @due_offset_minutes, @required, @translations)`,
      ),
      items: db.prepare<[string], ItemRow>(
        `SELECT item_id, text, details, group_name, due_offset_minutes, required, done_at_ms, translations
         FROM booking_checklist_items WHERE booking_id = ? ORDER BY position`,
      ),
      item: db.prepare<[string, string], ItemRow>(
        `SELECT item_id, text, details, group_name, due_offset_minutes, required, done_at_ms, translations
         FROM booking_checklist_items WHERE booking_id = ? AND item_id = ?`,
      ),
      // Checking an item that is already done keeps when it was first done: the same PUT, the same answer.
      setDone: db.prepare(
        `UPDATE booking_checklist_items
         SET done_at_ms = CASE WHEN @done = 1 THEN COALESCE(done_at_ms, @now) ELSE NULL END
         WHERE booking_id = @booking_id AND item_id = @item_id`,
      ),
    };
  }

  /** Throws a `ChecklistTemplateError` for the first service whose template is not a valid definition. */
  assertTemplatesValid(): void {
    for (const row of this.#statements.templates.all()) this.#parseTemplate(row.id, row.checklist_template);
  }

  /** The checked template of a service, or `undefined` when it has none. */
  template(serviceId: string): ChecklistDefinition | undefined {
    const json = this.#statements.template.get(serviceId)?.checklist_template;
    return json == null ? undefined : this.#parseTemplate(serviceId, json);
  }

  /**
   * Copies the service's template to the booking, once. Call it inside the booking's transaction.
   * Returns false, creating nothing, when the template is broken: a booking never fails because of
   * its checklist; reading the checklist then reports the problem.
   */
  createFor(booking: { id: string; service: string }, now: number): boolean {
    if (this.#statements.hasChecklist.get(booking.id)) return true;
    let template: ChecklistDefinition | undefined;
    try {
      template = this.template(booking.service);
    } catch (error) {
      if (error instanceof ChecklistTemplateError) return false;
      throw error;
    }
    const lang = template?.lang ?? 'en';
    this.#statements.insertChecklist.run(booking.id, template?.id ?? null, now, lang);
    template?.items.forEach((item, position) => {
      const texts = itemTexts(item, lang);
      this.#statements.insertItem.run({
        booking_id: booking.id,
        item_id: item.id,
        position,
        text: texts.text,
        details: texts.details ?? null,
        group_name: texts.group,
        due_offset_minutes: item.dueOffsetMinutes ?? null,
        required: item.required ? 1 : 0,
        translations: texts.translations ? JSON.stringify(texts.translations) : null,
      });
    });
    return true;
  }

  /** The language of a booking's copied texts (`lang` of its checklist); `en` when it has none yet. */
  language(bookingId: string): string {
    return this.#statements.language.get(bookingId)?.lang ?? 'en';
  }

  /** The booking's items, creating its checklist first if it has none yet (throws `ChecklistTemplateError` if it cannot). */
  items(booking: BookingRow, now: number): ChecklistItemState[] {
    this.#ensure(booking, now);
    return this.#statements.items.all(booking.id).map(toItemState);
  }

  /**
   * Sets one item done or not done; `undefined` when the booking's checklist has no such item,
   * `409 booking_cancelled` when the booking is cancelled (checked inside the write transaction).
   */
  setDone(booking: BookingRow, itemId: string, done: boolean, now: number): ChecklistItemState | undefined {
    return this.#db
      .transaction(() => {
        if (this.#statements.bookingStatus.get(booking.id)?.status === 'cancelled') {
          throw bookingCancelled('This booking was cancelled, so its checklist can no longer be changed.');
        }
        this.#ensure(booking, now);
        this.#statements.setDone.run({ done: done ? 1 : 0, now, booking_id: booking.id, item_id: itemId });
        const row = this.#statements.item.get(booking.id, itemId);
        return row && toItemState(row);
      })
      .immediate();
  }

  #ensure(booking: BookingRow, now: number): void {
    if (this.#statements.hasChecklist.get(booking.id)) return;
    this.#db
      .transaction(() => {
        if (!this.createFor({ id: booking.id, service: booking.service_id }, now)) {
          this.template(booking.service_id); // throws the template's problems
        }
      })
      .immediate();
  }

  #parseTemplate(serviceId: string, json: string): ChecklistDefinition {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      throw new ChecklistTemplateError(serviceId, ['it is not valid JSON']);
    }
    const parsed = parseChecklistDefinition(value);
    if (!parsed.ok) throw new ChecklistTemplateError(serviceId, parsed.problems);
    return parsed.checklist;
  }
}

function toItemState(row: ItemRow): ChecklistItemState {
  return {
    id: row.item_id,
    text: row.text,
    ...(row.details !== null ? { details: row.details } : {}),
    group: row.group_name,
    ...(row.due_offset_minutes !== null ? { dueOffsetMinutes: row.due_offset_minutes } : {}),
    required: row.required === 1,
    done: row.done_at_ms !== null,
    ...(row.done_at_ms !== null ? { doneAt: toInstant(row.done_at_ms) } : {}),
    ...(row.translations ? { translations: JSON.parse(row.translations) as ChecklistItemState['translations'] } : {}),
  };
}
