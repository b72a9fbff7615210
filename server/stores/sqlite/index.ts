/**
 * The SQLite engine: every store over one better-sqlite3 connection. `openSqliteStores()` opens
 * (creating, migrating and seeding) the database and checks its configuration, so a broken
 * checklist template or intake form stops the server at start-up, naming each problem.
 */
import { isTimeZone } from '../../../src/api/schemas.js';
import { dataKeysBeside, type DataKey, type DataKeyring } from '../../encryption/data-keys.js';
import type { FieldCipher } from '../../encryption/field-cipher.js';
import type { Stores } from '../types.js';
import type { AvailabilityCacheStats } from './availability-cache.js';
import { SqliteBookingStore } from './bookings.js';
import { SqliteChecklistStore } from './checklists.js';
import { SqliteClinicStore } from './clinic.js';
import { SqliteConsoleStore } from './console.js';
import { SqliteAuditStore } from './audit.js';
import { openDatabase, type Db } from './database.js';
import { SqliteFormStore } from './forms.js';
import { databaseCipher, rotateDatabaseKey } from './encrypted-columns.js';
import { SqliteIdempotencyStore } from './idempotency.js';
import { SqliteIntakeStore } from './intake.js';
import { SqliteNotificationStore } from './notifications.js';
import { SqliteApiKeyStore, SqliteSessionStore, SqliteSignInThrottleStore } from './staff-access.js';
import { SqliteStaffStore } from './staff.js';
import { SqliteThemeStore } from './theme.js';
import { SqliteWebhookStore } from './webhooks.js';

export type { Db };

export interface SqliteStoreOptions {
  /** The clinic's IANA time zone, in which opening hours are read while the clinic's profile names none. */
  timeZone: string;
  /**
   * Intake forms from code, published on open unless that version is published already (the
   * database holds the demo intake from the start).
   */
  forms?: readonly Record<string, unknown>[];
  /**
   * The data keys client data is encrypted under (one of them the database's). Default: the key
   * file beside the database (server/encryption/data-keys.ts), or a fresh key in memory.
   */
  keys?: DataKeyring;
}

export class SqliteStores implements Stores {
  readonly clinic: SqliteClinicStore;
  readonly forms: SqliteFormStore;
  readonly theme: SqliteThemeStore;
  readonly bookings: SqliteBookingStore;
  readonly checklists: SqliteChecklistStore;
  readonly intake: SqliteIntakeStore;
  readonly idempotency: SqliteIdempotencyStore;
  readonly staff: SqliteStaffStore;
  readonly signInThrottle: SqliteSignInThrottleStore;
  readonly sessions: SqliteSessionStore;
  readonly apiKeys: SqliteApiKeyStore;
  readonly audit: SqliteAuditStore;
  readonly console: SqliteConsoleStore;
  readonly notifications: SqliteNotificationStore;
  readonly webhooks: SqliteWebhookStore;
  /** The connection itself: for the engine's own tests and tools, never for routes. */
  readonly db: Db;
  /** The cipher of the database's key: for the engine's own tests and tools, never for routes. */
  readonly cipher: FieldCipher;

  /** Throws when the configuration is broken: a checklist template, then an intake form. */
  constructor(db: Db, options: SqliteStoreOptions & { keys: DataKeyring }) {
    this.db = db;
    this.cipher = databaseCipher(db, options.keys);
    const cipher = this.cipher;
    this.forms = new SqliteFormStore(db);
    this.theme = new SqliteThemeStore(db);
    this.clinic = new SqliteClinicStore(db, options.timeZone, this.forms, this.theme);
    this.clinic.assertTemplatesValid();
    if (options.forms) {
      const forms = options.forms;
      db.transaction(() => this.forms.publishFromCode(forms, Date.now())).immediate();
    }
    this.forms.assertFormsValid();
    this.checklists = new SqliteChecklistStore(db);
    this.bookings = new SqliteBookingStore(db, this.checklists, cipher);
    this.intake = new SqliteIntakeStore(db, cipher);
    this.idempotency = new SqliteIdempotencyStore(db);
    this.staff = new SqliteStaffStore(db, cipher);
    this.signInThrottle = new SqliteSignInThrottleStore(db);
    this.sessions = new SqliteSessionStore(db);
    this.apiKeys = new SqliteApiKeyStore(db);
    this.audit = new SqliteAuditStore(db);
    this.console = new SqliteConsoleStore(db, this.intake, cipher);
    this.notifications = new SqliteNotificationStore(db, cipher);
    this.webhooks = new SqliteWebhookStore(db, cipher);
  }

  /** The id of the key the database is encrypted under. */
  get dataKeyId(): string {
    return this.cipher.key.id;
  }

  /**
   * Re-encrypts all client data under `to` in one transaction (npm run clinic -- rotate-key).
   * Close these stores after: they still seal under the old key. Answers how many values changed.
   */
  rotateDataKey(to: DataKey): number {
    return rotateDatabaseKey(this.db, this.cipher, to);
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
  const keys = options.keys ?? dataKeysBeside(path).keyring;
  const db = openDatabase(path, keys);
  try {
    return new SqliteStores(db, { ...options, keys });
  } catch (error) {
    db.close();
    throw error;
  }
}
