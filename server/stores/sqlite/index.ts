/**
 * The SQLite engine: every store over one better-sqlite3 connection. `openSqliteStores()` opens
 * (creating, migrating and seeding) the database and checks its configuration, so a broken
 * checklist template or intake form stops the server at start-up, naming each problem.
 */
import { isTimeZone } from '../../../src/api/schemas.js';
import { CodeFormStore } from '../code-forms.js';
import type { Stores } from '../types.js';
import type { AvailabilityCacheStats } from './availability-cache.js';
import { SqliteBookingStore } from './bookings.js';
import { SqliteChecklistStore } from './checklists.js';
import { SqliteClinicStore } from './clinic.js';
import { openDatabase, type Db } from './database.js';
import { SqliteIdempotencyStore } from './idempotency.js';
import { SqliteIntakeStore } from './intake.js';

export type { Db };

export interface SqliteStoreOptions {
  /** The clinic's IANA time zone, in which opening hours are read. */
  timeZone: string;
  /** The intake forms served, as written. Default: the demo intake. */
  forms?: readonly Record<string, unknown>[];
}

export class SqliteStores implements Stores {
  readonly clinic: SqliteClinicStore;
  readonly forms: CodeFormStore;
  readonly bookings: SqliteBookingStore;
  readonly checklists: SqliteChecklistStore;
  readonly intake: SqliteIntakeStore;
  readonly idempotency: SqliteIdempotencyStore;
  /** The connection itself: for the engine's own tests and tools, never for routes. */
  readonly db: Db;

  /** Throws when the configuration is broken: a checklist template, then an intake form. */
  constructor(db: Db, options: SqliteStoreOptions) {
    this.db = db;
    this.clinic = new SqliteClinicStore(db, options.timeZone);
    this.clinic.assertTemplatesValid();
    this.forms = new CodeFormStore(options.forms);
    this.checklists = new SqliteChecklistStore(db);
    this.bookings = new SqliteBookingStore(db, this.checklists);
    this.intake = new SqliteIntakeStore(db);
    this.idempotency = new SqliteIdempotencyStore(db);
  }

  /** How often availability was answered from remembered days. */
  get availabilityCacheStats(): AvailabilityCacheStats {
    return this.bookings.availabilityCacheStats;
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** Opens the SQLite file at `path` (or `':memory:'`) as the clinic's stores. */
export function openSqliteStores(path: string, options: SqliteStoreOptions): SqliteStores {
  if (!isTimeZone(options.timeZone)) throw new Error(`Unknown clinic time zone: ${options.timeZone}`);
  const db = openDatabase(path);
  try {
    return new SqliteStores(db, options);
  } catch (error) {
    db.close();
    throw error;
  }
}
