/**
 * Sign-in throttling, staff sessions and integration API keys in SQLite. Session tokens and API
 * key secrets are stored only as SHA-256; a session past its idle or absolute limit is deleted
 * when it is next presented.
 */
import type { ApiKeyScope } from '../../../src/staff/roles.js';
import { newId } from '../../secrets.js';
import type { ApiKeyRecord, ApiKeyStore, SecondFactorUsed, SessionLimits, SessionRecord, SessionStore, SignInThrottleStore, ThrottleRecord } from '../types.js';
import type { Db } from './migration.js';

export class SqliteSignInThrottleStore implements SignInThrottleStore {
  readonly #db: Db;
  readonly #statements;

  constructor(db: Db) {
    this.#db = db;
    this.#statements = {
      read: db.prepare<[string], { failures: number; last_failure_at_ms: number }>('SELECT failures, last_failure_at_ms FROM sign_in_failures WHERE key = ?'),
      record: db.prepare(
        `INSERT INTO sign_in_failures (key, failures, last_failure_at_ms) VALUES (@key, 1, @now)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN last_failure_at_ms <= @forgetBefore THEN 1 ELSE failures + 1 END,
           last_failure_at_ms = @now`,
      ),
      clear: db.prepare('DELETE FROM sign_in_failures WHERE key = ?'),
    };
  }

  async read(keys: readonly string[]): Promise<Map<string, ThrottleRecord>> {
    return this.#read(keys);
  }

  async recordFailure(keys: readonly string[], now: number, forgetBefore: number): Promise<Map<string, ThrottleRecord>> {
    return this.#db
      .transaction(() => {
        for (const key of keys) this.#statements.record.run({ key, now, forgetBefore });
        return this.#read(keys);
      })
      .immediate();
  }

  async clear(key: string): Promise<void> {
    this.#statements.clear.run(key);
  }

  #read(keys: readonly string[]): Map<string, ThrottleRecord> {
    const found = new Map<string, ThrottleRecord>();
    for (const key of keys) {
      const row = this.#statements.read.get(key);
      if (row) found.set(key, { failures: row.failures, lastFailureAt: row.last_failure_at_ms });
    }
    return found;
  }
}

interface SessionRow {
  id: string;
  token_sha256: string;
  staff_id: string;
  second_factor: SecondFactorUsed;
  created_at_ms: number;
  last_seen_at_ms: number;
}

export class SqliteSessionStore implements SessionStore {
  readonly #db: Db;
  readonly #statements;

  constructor(db: Db) {
    this.#db = db;
    this.#statements = {
      insert: db.prepare('INSERT INTO staff_sessions (id, token_sha256, staff_id, second_factor, created_at_ms, last_seen_at_ms) VALUES (?, ?, ?, ?, ?, ?)'),
      byToken: db.prepare<[string], SessionRow>('SELECT * FROM staff_sessions WHERE token_sha256 = ?'),
      touch: db.prepare('UPDATE staff_sessions SET last_seen_at_ms = ? WHERE token_sha256 = ?'),
      end: db.prepare('DELETE FROM staff_sessions WHERE token_sha256 = ?'),
      endAll: db.prepare('DELETE FROM staff_sessions WHERE staff_id = ?'),
    };
  }

  async create(session: { tokenHash: string; staffId: string; secondFactor: SecondFactorUsed; now: number; replacing?: string }): Promise<SessionRecord> {
    return this.#db
      .transaction(() => {
        if (session.replacing !== undefined) this.#statements.end.run(session.replacing);
        const id = newId('ses');
        this.#statements.insert.run(id, session.tokenHash, session.staffId, session.secondFactor, session.now, session.now);
        return toSession(this.#statements.byToken.get(session.tokenHash)!);
      })
      .immediate();
  }

  async resume(tokenHash: string, now: number, limits: SessionLimits): Promise<SessionRecord | undefined> {
    return this.#db
      .transaction(() => {
        const row = this.#statements.byToken.get(tokenHash);
        if (!row) return undefined;
        if (now - row.last_seen_at_ms >= limits.idleMs || now - row.created_at_ms >= limits.absoluteMs) {
          this.#statements.end.run(tokenHash);
          return undefined;
        }
        this.#statements.touch.run(now, tokenHash);
        return toSession({ ...row, last_seen_at_ms: now });
      })
      .immediate();
  }

  async end(tokenHash: string): Promise<void> {
    this.#statements.end.run(tokenHash);
  }

  async endAll(staffId: string): Promise<number> {
    return this.#statements.endAll.run(staffId).changes;
  }
}

function toSession(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    tokenHash: row.token_sha256,
    staffId: row.staff_id,
    secondFactor: row.second_factor,
    createdAt: row.created_at_ms,
    lastSeenAt: row.last_seen_at_ms,
  };
}

interface ApiKeyRow {
  id: string;
  name: string;
  scopes: string;
  created_by: string;
  created_at_ms: number;
  last_used_at_ms: number | null;
  revoked_at_ms: number | null;
}

const KEY_COLUMNS = 'id, name, scopes, created_by, created_at_ms, last_used_at_ms, revoked_at_ms';

export class SqliteApiKeyStore implements ApiKeyStore {
  readonly #db: Db;
  readonly #statements;

  constructor(db: Db) {
    this.#db = db;
    this.#statements = {
      insert: db.prepare('INSERT INTO api_keys (id, name, scopes, secret_sha256, created_by, created_at_ms) VALUES (?, ?, ?, ?, ?, ?)'),
      byId: db.prepare<[string], ApiKeyRow>(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE id = ?`),
      all: db.prepare<[], ApiKeyRow>(`SELECT ${KEY_COLUMNS} FROM api_keys ORDER BY created_at_ms DESC, rowid DESC`),
      bySecret: db.prepare<[string], ApiKeyRow>(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE secret_sha256 = ? AND revoked_at_ms IS NULL`),
      used: db.prepare('UPDATE api_keys SET last_used_at_ms = ? WHERE id = ?'),
      revoke: db.prepare('UPDATE api_keys SET revoked_at_ms = ? WHERE id = ? AND revoked_at_ms IS NULL'),
    };
  }

  async create(key: { name: string; scopes: readonly ApiKeyScope[]; secretHash: string; createdBy: string; now: number }): Promise<ApiKeyRecord> {
    const id = newId('key');
    this.#statements.insert.run(id, key.name, JSON.stringify(key.scopes), key.secretHash, key.createdBy, key.now);
    return toApiKey(this.#statements.byId.get(id)!);
  }

  async list(): Promise<ApiKeyRecord[]> {
    return this.#statements.all.all().map(toApiKey);
  }

  async use(secretHash: string, now: number): Promise<ApiKeyRecord | undefined> {
    return this.#db.transaction(() => {
      const row = this.#statements.bySecret.get(secretHash);
      if (!row) return undefined;
      this.#statements.used.run(now, row.id);
      return toApiKey({ ...row, last_used_at_ms: now });
    })();
  }

  async revoke(id: string, now: number): Promise<ApiKeyRecord | undefined> {
    this.#statements.revoke.run(now, id);
    const row = this.#statements.byId.get(id);
    return row && toApiKey(row);
  }
}

function toApiKey(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    scopes: JSON.parse(row.scopes) as ApiKeyScope[],
    createdBy: row.created_by,
    createdAt: row.created_at_ms,
    lastUsedAt: row.last_used_at_ms ?? undefined,
    revokedAt: row.revoked_at_ms ?? undefined,
  };
}
