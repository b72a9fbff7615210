/**
 * The outbox in SQLite (`NotificationStore` of notification-types.ts). `writeEvent` is called by
 * the other stores inside their own transactions; routing, claiming and finishing each run in one
 * IMMEDIATE transaction, so of two processes claiming at once each delivery goes to one, and the
 * unique (event_id, destination) key keeps one delivery per destination whatever happens.
 * Development's mailbox is sealed like client data (encrypted-columns.ts).
 */
import type { FieldCipher } from '../../encryption/field-cipher.js';
import { newId } from '../../secrets.js';
import type {
  ClaimedDelivery,
  DeliveryRecord,
  DeliveryState,
  DevMailMessage,
  DevMailRecord,
  NewDelivery,
  NewNotificationEvent,
  NotificationEventRecord,
  NotificationEventType,
  NotificationStore,
} from '../types.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';
import { fieldContext } from './encrypted-columns.js';

interface EventRow {
  id: string;
  type: NotificationEventType;
  booking_id: string | null;
  subject_id: string | null;
  occurred_at_ms: number;
  due_at_ms: number;
}

interface DeliveryRow extends EventRow {
  delivery_id: string;
  destination: string;
  state: DeliveryState;
  attempts: number;
  next_attempt_at_ms: number;
  lease_until_ms: number | null;
  claim: string | null;
  last_error: string | null;
  created_at_ms: number;
  finished_at_ms: number | null;
}

const DELIVERY_COLUMNS = `d.id AS delivery_id, d.destination, d.state, d.attempts, d.next_attempt_at_ms, d.lease_until_ms, d.claim,
  d.last_error, d.created_at_ms, d.finished_at_ms, e.id, e.type, e.booking_id, e.subject_id, e.occurred_at_ms, e.due_at_ms`;

const insertEvents = new WeakMap<Db, Statement<unknown[]>>();

/** Writes an event inside the caller's transaction (the change that caused it). */
export function writeEvent(db: Db, event: NewNotificationEvent, now: number): void {
  let insert = insertEvents.get(db);
  if (!insert) {
    insert = db.prepare('INSERT INTO notification_events (id, type, booking_id, subject_id, occurred_at_ms, due_at_ms) VALUES (?, ?, ?, ?, ?, ?)');
    insertEvents.set(db, insert);
  }
  insert.run(newId('ev'), event.type, event.bookingId ?? null, event.subjectId ?? null, now, event.dueAt);
}

export class SqliteNotificationStore implements NotificationStore {
  readonly #db: Db;
  readonly #cipher: FieldCipher;
  readonly #statements;

  constructor(db: Db, cipher: FieldCipher) {
    this.#db = db;
    this.#cipher = cipher;
    this.#statements = {
      dueEvents: db.prepare<[number, number], EventRow>(
        'SELECT * FROM notification_events WHERE routed_at_ms IS NULL AND due_at_ms <= ? ORDER BY due_at_ms, rowid LIMIT ?',
      ),
      markRouted: db.prepare('UPDATE notification_events SET routed_at_ms = ? WHERE id = ? AND routed_at_ms IS NULL'),
      insertDelivery: db.prepare(
        `INSERT OR IGNORE INTO notification_deliveries (id, event_id, destination, state, next_attempt_at_ms, created_at_ms)
         VALUES (?, ?, ?, 'pending', ?, ?)`,
      ),
      claimable: db.prepare<[number, number, number], { id: string }>(
        `SELECT id FROM (
           SELECT id, next_attempt_at_ms AS at FROM notification_deliveries WHERE state = 'pending' AND next_attempt_at_ms <= ?
           UNION ALL
           SELECT id, lease_until_ms AS at FROM notification_deliveries WHERE state = 'claimed' AND lease_until_ms <= ?
         ) ORDER BY at LIMIT ?`,
      ),
      claim: db.prepare("UPDATE notification_deliveries SET state = 'claimed', claim = ?, lease_until_ms = ?, attempts = attempts + 1 WHERE id = ?"),
      delivery: db.prepare<[string], DeliveryRow>(
        `SELECT ${DELIVERY_COLUMNS} FROM notification_deliveries d JOIN notification_events e ON e.id = d.event_id WHERE d.id = ?`,
      ),
      finish: db.prepare(
        `UPDATE notification_deliveries SET state = ?, finished_at_ms = ?, claim = NULL, lease_until_ms = NULL
         WHERE id = ? AND state = 'claimed' AND claim = ?`,
      ),
      retry: db.prepare(
        `UPDATE notification_deliveries SET state = 'pending', next_attempt_at_ms = ?, last_error = ?, claim = NULL, lease_until_ms = NULL
         WHERE id = ? AND state = 'claimed' AND claim = ?`,
      ),
      fail: db.prepare(
        `UPDATE notification_deliveries SET state = 'failed', last_error = ?, finished_at_ms = ?, claim = NULL, lease_until_ms = NULL
         WHERE id = ? AND state = 'claimed' AND claim = ?`,
      ),
      inState: db.prepare<[string, number], DeliveryRow>(
        `SELECT ${DELIVERY_COLUMNS} FROM notification_deliveries d JOIN notification_events e ON e.id = d.event_id
         WHERE d.state = ? ORDER BY d.created_at_ms DESC, d.rowid DESC LIMIT ?`,
      ),
      all: db.prepare<[number], DeliveryRow>(
        `SELECT ${DELIVERY_COLUMNS} FROM notification_deliveries d JOIN notification_events e ON e.id = d.event_id
         ORDER BY d.created_at_ms DESC, d.rowid DESC LIMIT ?`,
      ),
      to: db.prepare<[string, number], DeliveryRow>(
        `SELECT ${DELIVERY_COLUMNS} FROM notification_deliveries d JOIN notification_events e ON e.id = d.event_id
         WHERE d.destination = ? ORDER BY d.created_at_ms DESC, d.rowid DESC LIMIT ?`,
      ),
      replay: db.prepare(
        `UPDATE notification_deliveries SET state = 'pending', next_attempt_at_ms = ?, finished_at_ms = NULL
         WHERE id = ? AND destination = ? AND state IN ('delivered', 'skipped', 'failed')`,
      ),
      keepMail: db.prepare('INSERT OR IGNORE INTO dev_mail (id, message, created_at_ms) VALUES (?, ?, ?)'),
      mail: db.prepare<[number], { id: string; message: string; created_at_ms: number }>(
        'SELECT * FROM dev_mail ORDER BY created_at_ms DESC, rowid DESC LIMIT ?',
      ),
    };
  }

  async dueEvents(now: number, limit: number): Promise<NotificationEventRecord[]> {
    return this.#statements.dueEvents.all(now, limit).map(toEvent);
  }

  async route(routing: { eventId: string; deliveries: readonly NewDelivery[]; followUps: readonly NewNotificationEvent[]; now: number }): Promise<void> {
    this.#db
      .transaction(() => {
        if (this.#statements.markRouted.run(routing.now, routing.eventId).changes === 0) return;
        for (const delivery of routing.deliveries) {
          this.#statements.insertDelivery.run(newId('dl'), routing.eventId, delivery.destination, delivery.notBefore, routing.now);
        }
        for (const event of routing.followUps) writeEvent(this.#db, event, routing.now);
      })
      .immediate();
  }

  async claimDeliveries({ now, leaseMs, limit }: { now: number; leaseMs: number; limit: number }): Promise<ClaimedDelivery[]> {
    return this.#db
      .transaction((): ClaimedDelivery[] =>
        this.#statements.claimable.all(now, now, limit).map(({ id }) => {
          const claim = newId('claim');
          this.#statements.claim.run(claim, now + leaseMs, id);
          const row = this.#statements.delivery.get(id)!;
          return { ...toDelivery(row), claim, leaseUntil: now + leaseMs };
        }),
      )
      .immediate();
  }

  async finishDelivery({ id, claim, outcome, now }: { id: string; claim: string; outcome: 'delivered' | 'skipped'; now: number }): Promise<boolean> {
    return this.#statements.finish.run(outcome, now, id, claim).changes === 1;
  }

  async failDelivery({
    id,
    claim,
    error,
    retryAt,
    now,
  }: {
    id: string;
    claim: string;
    error: string;
    retryAt: number | undefined;
    now: number;
  }): Promise<boolean> {
    const changed = retryAt === undefined ? this.#statements.fail.run(error, now, id, claim) : this.#statements.retry.run(retryAt, error, id, claim);
    return changed.changes === 1;
  }

  async deliveries({ state, limit }: { state?: DeliveryState; limit: number }): Promise<DeliveryRecord[]> {
    const rows = state === undefined ? this.#statements.all.all(limit) : this.#statements.inState.all(state, limit);
    return rows.map(toDelivery);
  }

  async findDelivery(id: string): Promise<DeliveryRecord | undefined> {
    const row = this.#statements.delivery.get(id);
    return row && toDelivery(row);
  }

  async deliveriesTo({ destination, limit }: { destination: string; limit: number }): Promise<DeliveryRecord[]> {
    return this.#statements.to.all(destination, limit).map(toDelivery);
  }

  async replayDelivery({ id, destination, now }: { id: string; destination: string; now: number }): Promise<boolean> {
    return this.#statements.replay.run(now, id, destination).changes === 1;
  }

  async keepDevMail({ id, message, now }: { id: string; message: DevMailMessage; now: number }): Promise<void> {
    this.#statements.keepMail.run(id, this.#cipher.seal(JSON.stringify(message), fieldContext('dev_mail', 'message', id)), now);
  }

  async devMail(limit: number): Promise<DevMailRecord[]> {
    return this.#statements.mail.all(limit).map((row) => ({
      id: row.id,
      at: row.created_at_ms,
      ...(JSON.parse(this.#cipher.open(row.message, fieldContext('dev_mail', 'message', row.id))) as DevMailMessage),
    }));
  }
}

function toEvent(row: EventRow): NotificationEventRecord {
  return {
    id: row.id,
    type: row.type,
    bookingId: row.booking_id ?? undefined,
    subjectId: row.subject_id ?? undefined,
    occurredAt: row.occurred_at_ms,
    dueAt: row.due_at_ms,
  };
}

function toDelivery(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.delivery_id,
    event: toEvent(row),
    destination: row.destination,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at_ms,
    lastError: row.last_error ?? undefined,
    createdAt: row.created_at_ms,
    finishedAt: row.finished_at_ms ?? undefined,
  };
}
