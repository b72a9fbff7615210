/**
 * Opens the clinic's SQLite database and brings its schema up to date. Migrations are numbered
 * by `PRAGMA user_version` and run inside one IMMEDIATE transaction, so two processes starting
 * on the same new file cannot both apply them. Times are stored as epoch milliseconds (INTEGER)
 * so that comparisons in SQL are exact.
 */
import Database from 'better-sqlite3';
import { DEMO_HORIZON_DAYS, DEMO_LANGUAGE, DEMO_MIN_NOTICE_MINUTES, DEMO_OPENING_HOURS, DEMO_SERVICES, DEMO_SLOT_STEP_MINUTES } from '../../demo/clinic.js';
import { DEMO_CHECKLIST_TEMPLATES, englishOnlyTemplate } from '../../demo/checklists.js';
import { dataKeysBeside, type DataKeyring } from '../../encryption/data-keys.js';
import { databaseCipher } from './encrypted-columns.js';
import type { Db, Migration, MigrationContext } from './migration.js';
import { ACCESS_MIGRATIONS } from './access-migrations.js';
import { CLINIC_MIGRATIONS } from './clinic-migrations.js';
import { CONSOLE_MIGRATIONS } from './console-migrations.js';
import { NOTIFICATION_MIGRATIONS } from './notification-migrations.js';
import { STAFF_MIGRATIONS } from './staff-migrations.js';
import { THEME_MIGRATIONS } from './theme-migrations.js';

export type { Db, Migration, MigrationContext };

const CORE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'services, opening hours, settings, holds, bookings, idempotency keys',
    apply(db) {
      db.exec(`
        CREATE TABLE services (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          description TEXT NOT NULL,
          duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
          location TEXT NOT NULL CHECK (location IN ('in_person', 'virtual')),
          mode TEXT NOT NULL CHECK (mode IN ('instant', 'request')),
          position INTEGER NOT NULL DEFAULT 0,
          active INTEGER NOT NULL DEFAULT 1
        );

        CREATE TABLE opening_hours (
          weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
          opens_minute INTEGER NOT NULL CHECK (opens_minute >= 0),
          closes_minute INTEGER NOT NULL CHECK (closes_minute <= 1440),
          CHECK (opens_minute < closes_minute),
          PRIMARY KEY (weekday, opens_minute)
        );

        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );

        CREATE TABLE holds (
          id TEXT PRIMARY KEY,
          service_id TEXT NOT NULL REFERENCES services (id),
          start_ms INTEGER NOT NULL,
          end_ms INTEGER NOT NULL CHECK (end_ms > start_ms),
          expires_at_ms INTEGER NOT NULL,
          created_at_ms INTEGER NOT NULL
        );
        CREATE INDEX holds_by_time ON holds (start_ms, end_ms);
        CREATE INDEX holds_by_expiry ON holds (expires_at_ms);

        CREATE TABLE bookings (
          id TEXT PRIMARY KEY,
          service_id TEXT NOT NULL REFERENCES services (id),
          start_ms INTEGER NOT NULL,
          end_ms INTEGER NOT NULL CHECK (end_ms > start_ms),
          status TEXT NOT NULL CHECK (status IN ('confirmed', 'requested', 'cancelled')),
          client_name TEXT NOT NULL,
          client_email TEXT NOT NULL,
          client_phone TEXT NOT NULL,
          consent_privacy INTEGER NOT NULL CHECK (consent_privacy = 1),
          consent_contact INTEGER,
          reason TEXT,
          source TEXT,
          token_sha256 TEXT NOT NULL,
          created_at_ms INTEGER NOT NULL,
          cancelled_at_ms INTEGER
        );
        CREATE INDEX active_bookings_by_time ON bookings (start_ms, end_ms)
          WHERE status IN ('confirmed', 'requested');

        -- The application checks and inserts in one IMMEDIATE transaction; this trigger is the
        -- last line: the database itself refuses two active bookings that overlap.
        CREATE TRIGGER bookings_never_overlap
        BEFORE INSERT ON bookings
        WHEN NEW.status IN ('confirmed', 'requested') AND EXISTS (
          SELECT 1 FROM bookings
          WHERE status IN ('confirmed', 'requested') AND start_ms < NEW.end_ms AND end_ms > NEW.start_ms
        )
        BEGIN
          SELECT RAISE(ABORT, 'slot_unavailable');
        END;

        -- Keys are stored as SHA-256 hashes and responses encrypted with a key derived from the
        -- Idempotency-Key, so the table never holds a usable access token.
        CREATE TABLE idempotency_keys (
          key_sha256 TEXT NOT NULL,
          scope TEXT NOT NULL,
          fingerprint TEXT NOT NULL,
          status INTEGER,
          response_sealed BLOB,
          created_at_ms INTEGER NOT NULL,
          locked_at_ms INTEGER,
          PRIMARY KEY (key_sha256, scope)
        );
        CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at_ms);
      `);
    },
  },
  {
    version: 2,
    description: 'seed the demo clinic',
    apply(db) {
      const insertService = db.prepare(
        `INSERT OR IGNORE INTO services (id, name, description, duration_minutes, location, mode, position)
         VALUES (@id, @name, @description, @durationMinutes, @location, @mode, @position)`,
      );
      DEMO_SERVICES.forEach(({ id, name, description, durationMinutes, location, mode }, position) =>
        insertService.run({ id, name, description, durationMinutes, location, mode, position }),
      );
      const insertHours = db.prepare('INSERT OR IGNORE INTO opening_hours (weekday, opens_minute, closes_minute) VALUES (?, ?, ?)');
      for (const period of DEMO_OPENING_HOURS) {
        insertHours.run(period.weekday, period.opensMinute, period.closesMinute);
      }
      const insertSetting = db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)');
      insertSetting.run('slot_step_minutes', String(DEMO_SLOT_STEP_MINUTES));
      insertSetting.run('min_notice_minutes', String(DEMO_MIN_NOTICE_MINUTES));
      insertSetting.run('horizon_days', String(DEMO_HORIZON_DAYS));
    },
  },
  {
    version: 3,
    description: 'follow-up windows, checklist templates, per-booking checklists, no overlap on update',
    apply(db) {
      db.exec(`
        -- A follow-up service (integration) is booked in [end + min, end + max] hours, exact
        -- elapsed time, after a booking of the service named in follow_up_after.
        ALTER TABLE services ADD COLUMN follow_up_after TEXT REFERENCES services (id);
        ALTER TABLE services ADD COLUMN follow_up_min_hours REAL CHECK (follow_up_min_hours >= 0);
        ALTER TABLE services ADD COLUMN follow_up_max_hours REAL CHECK (follow_up_max_hours > 0);
        -- A checklist definition (JSON, see src/checklist/definition.ts) copied to each new booking.
        ALTER TABLE services ADD COLUMN checklist_template TEXT;
        ALTER TABLE bookings ADD COLUMN rescheduled_at_ms INTEGER;

        -- One row per booking whose checklist has been created (possibly with no items).
        CREATE TABLE booking_checklists (
          booking_id TEXT PRIMARY KEY REFERENCES bookings (id),
          checklist_id TEXT,
          created_at_ms INTEGER NOT NULL
        );

        CREATE TABLE booking_checklist_items (
          booking_id TEXT NOT NULL REFERENCES booking_checklists (booking_id),
          item_id TEXT NOT NULL,
          position INTEGER NOT NULL,
          text TEXT NOT NULL,
          details TEXT,
          group_name TEXT NOT NULL,
          due_offset_minutes INTEGER,
          required INTEGER NOT NULL CHECK (required IN (0, 1)),
          done_at_ms INTEGER,
          PRIMARY KEY (booking_id, item_id)
        );

        -- Rescheduling moves a booking with an UPDATE: the database refuses an overlap there too.
        CREATE TRIGGER bookings_never_overlap_on_update
        BEFORE UPDATE OF start_ms, end_ms, status ON bookings
        WHEN NEW.status IN ('confirmed', 'requested') AND EXISTS (
          SELECT 1 FROM bookings
          WHERE id <> NEW.id AND status IN ('confirmed', 'requested')
            AND start_ms < NEW.end_ms AND end_ms > NEW.start_ms
        )
        BEGIN
          SELECT RAISE(ABORT, 'slot_unavailable');
        END;
      `);
      const setFollowUp = db.prepare('UPDATE services SET follow_up_after = ?, follow_up_min_hours = ?, follow_up_max_hours = ? WHERE id = ?');
      for (const service of DEMO_SERVICES) {
        const window = service.followUp;
        if (window) setFollowUp.run(window.after, window.minHoursAfterEnd, window.maxHoursAfterEnd, service.id);
      }
      const setTemplate = db.prepare('UPDATE services SET checklist_template = ? WHERE id = ? AND checklist_template IS NULL');
      for (const [serviceId, template] of Object.entries(DEMO_CHECKLIST_TEMPLATES)) {
        setTemplate.run(JSON.stringify(template), serviceId);
      }
    },
  },
  {
    version: 4,
    description: 'intake responses',
    apply(db) {
      db.exec(`
        -- One row per stored intake. answers, scores, flags and safety_items are JSON; scores, flags
        -- and safety are the server's own, recomputed from the answers (src/forms checkSubmission).
        CREATE TABLE intake_responses (
          id TEXT PRIMARY KEY,
          form_id TEXT NOT NULL,
          form_version TEXT,
          booking_id TEXT REFERENCES bookings (id),
          answers TEXT NOT NULL,
          scores TEXT NOT NULL,
          flags TEXT NOT NULL,
          safety INTEGER NOT NULL CHECK (safety IN (0, 1)),
          safety_items TEXT NOT NULL,
          received_at_ms INTEGER NOT NULL
        );
        CREATE INDEX intake_responses_by_booking ON intake_responses (booking_id);
        -- Staff review safety answers the same day: find them without scanning every response.
        CREATE INDEX intake_responses_with_safety ON intake_responses (received_at_ms) WHERE safety = 1;
      `);
    },
  },
  {
    version: 5,
    description: 'safety signals',
    apply(db) {
      db.exec(`
        -- A safety item answered above zero in an intake linked to a booking, sent the moment it is
        -- answered (POST safety-signals): which booking, form, version and items (JSON array of ids,
        -- in form order) — never an answer or a score. One row per booking, form, version and item
        -- set, however often it is sent. response_id links the intake response later stored for
        -- the same booking, form and version.
        CREATE TABLE safety_signals (
          id TEXT PRIMARY KEY,
          booking_id TEXT NOT NULL REFERENCES bookings (id),
          form_id TEXT NOT NULL,
          form_version TEXT,
          items TEXT NOT NULL,
          received_at_ms INTEGER NOT NULL,
          response_id TEXT REFERENCES intake_responses (id)
        );
        CREATE UNIQUE INDEX safety_signals_once ON safety_signals (booking_id, form_id, IFNULL(form_version, ''), items);
        -- The clinic's safety queue reads the newest first.
        CREATE INDEX safety_signals_by_time ON safety_signals (received_at_ms);
      `);
    },
  },
  {
    version: 6,
    description: 'holds: who placed them (hashed, for per-client caps) and the hash of their release token',
    apply(db) {
      db.exec(`
        -- SHA-256 of the client key (its address as resolved through trusted proxies); a hold row
        -- is deleted soon after it expires. NULL on holds placed before this version.
        ALTER TABLE holds ADD COLUMN client_sha256 TEXT;
        -- SHA-256 of the releaseToken shown once in the 201; DELETE holds/{id} needs the token.
        ALTER TABLE holds ADD COLUMN release_sha256 TEXT;
        CREATE INDEX holds_by_client ON holds (client_sha256, expires_at_ms);
      `);
    },
  },
  {
    version: 7,
    description: 'texts in other languages: services, checklist templates and booking checklists',
    apply(db) {
      db.exec(`
        -- JSON {"es": {"name": …, "description": …}}: the service's texts in other languages; name
        -- and description are in the clinic's language (settings.language).
        ALTER TABLE services ADD COLUMN translations TEXT;
        -- The language of the copied texts; the other languages are in each item's translations,
        -- JSON {"es": {"text": …, "details": …, "group": …}}.
        ALTER TABLE booking_checklists ADD COLUMN lang TEXT;
        ALTER TABLE booking_checklist_items ADD COLUMN translations TEXT;
      `);
      db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run('language', DEMO_LANGUAGE);
      // The demo's Spanish, where the clinic has not changed the demo's wording.
      const setTranslations = db.prepare('UPDATE services SET translations = ? WHERE id = ? AND name = ? AND translations IS NULL');
      for (const service of DEMO_SERVICES) {
        if (service.translations) setTranslations.run(JSON.stringify(service.translations), service.id, service.name);
      }
      const setTemplate = db.prepare('UPDATE services SET checklist_template = ? WHERE id = ? AND checklist_template = ?');
      for (const [serviceId, template] of Object.entries(DEMO_CHECKLIST_TEMPLATES)) {
        setTemplate.run(JSON.stringify(template), serviceId, JSON.stringify(englishOnlyTemplate(template)));
      }
    },
  },
];

/**
 * Every migration, in order (versions 10–12 are the staff side's: staff-migrations.ts; 13–19 and 52 the
 * clinic's configuration: clinic-migrations.ts; 30 the console's: console-migrations.ts; 40–49 the notifications': notification-migrations.ts; 50–59 the access links': access-migrations.ts; 60–69 the theme's: theme-migrations.ts).
 */
export const MIGRATIONS: readonly Migration[] = [
  ...CORE_MIGRATIONS,
  ...STAFF_MIGRATIONS,
  ...CLINIC_MIGRATIONS,
  ...CONSOLE_MIGRATIONS,
  ...NOTIFICATION_MIGRATIONS,
  ...ACCESS_MIGRATIONS,
  ...THEME_MIGRATIONS,
].sort((a, b) => a.version - b.version);

/**
 * Opens (creating if needed) the database at `path` or `':memory:'`, migrated to the latest
 * version, with client data encrypted under one of `keys` (default: the key file beside the
 * database, data-keys.ts). Throws, naming the key ids, when none of `keys` is the database's.
 */
export function openDatabase(path: string, keys: DataKeyring = dataKeysBeside(path).keyring): Db {
  const db = new Database(path);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (path !== ':memory:') switchToWal(db);
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, keys);
    databaseCipher(db, keys);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

const BUSY_TIMEOUT_MS = 5000;

/**
 * Switching a new file to WAL needs an exclusive lock. When two processes open the same new file at
 * once, SQLite answers one of them SQLITE_BUSY at once, without the busy handler (waiting could
 * deadlock), so the switch is retried here with short random pauses until the busy timeout.
 */
function switchToWal(db: Db): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 1; ; attempt++) {
    try {
      if (db.pragma('journal_mode = WAL', { simple: true }) === 'wal') return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error;
    }
    if (Date.now() >= deadline) return;
    Atomics.wait(pause, 0, 0, Math.random() * 10 * Math.min(attempt, 10));
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db, keys: DataKeyring): void {
  db.transaction(() => {
    const current = schemaVersion(db);
    const context: MigrationContext = { cipher: () => databaseCipher(db, keys) };
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      migration.apply(db, context);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}
