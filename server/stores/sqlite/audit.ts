/**
 * The audit log in SQLite: append and query, nothing else. The table's triggers (migration 11)
 * abort any UPDATE or DELETE, so no code path — this store's or another's — can change history.
 */
import type { AuditActor, AuditEntryRecord, AuditQuery, AuditStore, NewAuditEntry } from '../types.js';
import type { Db } from './migration.js';

interface AuditRow {
  seq: number;
  at_ms: number;
  actor_type: AuditActor['type'];
  actor_id: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  address: string | null;
}

export class SqliteAuditStore implements AuditStore {
  readonly #db: Db;
  readonly #insert;

  constructor(db: Db) {
    this.#db = db;
    this.#insert = db.prepare('INSERT INTO audit_log (at_ms, actor_type, actor_id, action, record_type, record_id, address) VALUES (?, ?, ?, ?, ?, ?, ?)');
  }

  async append(entry: NewAuditEntry): Promise<AuditEntryRecord> {
    const actorId = entry.actor.type === 'anonymous' ? null : entry.actor.id;
    const { lastInsertRowid } = this.#insert.run(
      entry.at,
      entry.actor.type,
      actorId,
      entry.action,
      entry.record?.type ?? null,
      entry.record?.id ?? null,
      entry.address ?? null,
    );
    return { ...entry, id: String(lastInsertRowid) };
  }

  async query(query: AuditQuery): Promise<{ entries: AuditEntryRecord[]; next: string | undefined }> {
    const where: string[] = [];
    const values: (string | number)[] = [];
    const add = (clause: string, value: string | number | undefined) => {
      if (value === undefined) return;
      where.push(clause);
      values.push(value);
    };
    add('actor_id = ?', query.actorId);
    add('action = ?', query.action);
    add('record_type = ?', query.recordType);
    add('record_id = ?', query.recordId);
    add('at_ms >= ?', query.from);
    add('at_ms < ?', query.to);
    add('seq < ?', query.before === undefined ? undefined : Number(query.before));
    const limit = Math.max(1, Math.floor(query.limit));
    const rows = this.#db
      .prepare<unknown[], AuditRow>(`SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`)
      .all(...values, limit + 1);
    const entries = rows.slice(0, limit).map(toEntry);
    return { entries, next: rows.length > limit ? entries.at(-1)!.id : undefined };
  }
}

function toEntry(row: AuditRow): AuditEntryRecord {
  const actor: AuditActor = row.actor_type === 'anonymous' ? { type: 'anonymous' } : { type: row.actor_type, id: row.actor_id ?? '' };
  return {
    id: String(row.seq),
    at: row.at_ms,
    actor,
    action: row.action,
    ...(row.record_type !== null && row.record_id !== null ? { record: { type: row.record_type, id: row.record_id } } : {}),
    ...(row.address !== null ? { address: row.address } : {}),
  };
}
