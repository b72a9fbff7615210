/**
 * The clinic's configuration in the database (versions 13–14): the clinic's profile, services'
 * buffers, closures, and intake forms with a draft and immutable published versions. The demo
 * clinic is the seed; opening hours (several ranges a day), settings and checklist templates were
 * already tables (database.ts). 52 (the next free number when it was written): each service's
 * reminder time. 53: who published each form version.
 */
import { DEMO_PROFILE } from '../../demo/clinic.js';
import { DEMO_FORMS } from '../../demo/intake-form.js';
import type { Migration } from './migration.js';

export const CLINIC_MIGRATIONS: readonly Migration[] = [
  {
    version: 13,
    description: 'the clinic profile, service buffers, closures',
    apply(db) {
      db.exec(`
        -- One row. time_zone NULL: the zone the server was started with (KAP_CLINIC_TZ). address,
        -- contact and crisis_resources are JSON (src/api/clinic.ts ClinicProfile).
        CREATE TABLE clinic_profile (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          name TEXT NOT NULL,
          time_zone TEXT,
          address TEXT,
          contact TEXT,
          privacy_notice_url TEXT,
          crisis_resources TEXT
        );

        -- Kept free before and after each session of the service: availability and holds pad both sides.
        ALTER TABLE services ADD COLUMN buffer_before_minutes INTEGER NOT NULL DEFAULT 0 CHECK (buffer_before_minutes BETWEEN 0 AND 480);
        ALTER TABLE services ADD COLUMN buffer_after_minutes INTEGER NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 480);

        -- A day (YYYY-MM-DD in the clinic's zone) or part of one (wall-clock minutes) the clinic is closed.
        CREATE TABLE closures (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          date TEXT NOT NULL,
          from_minute INTEGER CHECK (from_minute BETWEEN 0 AND 1440),
          to_minute INTEGER CHECK (to_minute BETWEEN 0 AND 1440),
          reason TEXT,
          CHECK ((from_minute IS NULL) = (to_minute IS NULL)),
          CHECK (from_minute IS NULL OR from_minute < to_minute)
        );
        CREATE INDEX closures_by_date ON closures (date);
      `);
      db.prepare(
        `INSERT OR IGNORE INTO clinic_profile (id, name, address, contact, privacy_notice_url, crisis_resources)
         VALUES (1, ?, ?, ?, ?, ?)`,
      ).run(
        DEMO_PROFILE.name,
        JSON.stringify(DEMO_PROFILE.address),
        JSON.stringify(DEMO_PROFILE.contact),
        DEMO_PROFILE.privacyNoticeUrl,
        JSON.stringify(DEMO_PROFILE.crisisResources),
      );
    },
  },
  {
    version: 14,
    description: 'intake forms: a draft and immutable published versions',
    apply(db) {
      db.exec(`
        -- A form and its draft (JSON, never served). position: the clinic's order.
        CREATE TABLE intake_forms (
          id TEXT PRIMARY KEY,
          position INTEGER NOT NULL DEFAULT 0,
          draft TEXT,
          draft_updated_at_ms INTEGER
        );

        -- A published version (its definition JSON, with its id and version): served, answered,
        -- scored. Immutable: no UPDATE or DELETE, whoever asks. intake_responses.form_version names one.
        CREATE TABLE intake_form_versions (
          form_id TEXT NOT NULL REFERENCES intake_forms (id),
          version TEXT NOT NULL,
          definition TEXT NOT NULL,
          published_at_ms INTEGER NOT NULL,
          PRIMARY KEY (form_id, version)
        );
        CREATE TRIGGER intake_form_versions_no_update BEFORE UPDATE ON intake_form_versions
        BEGIN
          SELECT RAISE(ABORT, 'a published form version is immutable');
        END;
        CREATE TRIGGER intake_form_versions_no_delete BEFORE DELETE ON intake_form_versions
        BEGIN
          SELECT RAISE(ABORT, 'a published form version is immutable');
        END;
      `);
      const insertForm = db.prepare('INSERT OR IGNORE INTO intake_forms (id, position) VALUES (?, ?)');
      const insertVersion = db.prepare('INSERT OR IGNORE INTO intake_form_versions (form_id, version, definition, published_at_ms) VALUES (?, ?, ?, ?)');
      DEMO_FORMS.forEach((definition, position) => {
        const id = String(definition['id']);
        insertForm.run(id, position);
        insertVersion.run(id, String(definition['version'] ?? '1'), JSON.stringify(definition), Date.now());
      });
    },
  },
  {
    version: 52,
    description: "services: how long before a session the client's reminder goes out",
    apply(db) {
      db.exec(`
        -- Hours before each confirmed session that the reminder email goes out; 0: none.
        ALTER TABLE services ADD COLUMN reminder_hours INTEGER NOT NULL DEFAULT 24 CHECK (reminder_hours BETWEEN 0 AND 720);
      `);
    },
  },
  {
    version: 53,
    description: 'intake forms: the staff member who published each version',
    apply(db) {
      db.exec(`
        -- The staff id of whoever published the version in the console; NULL for one published from
        -- code (the forms option), an import or the seed. Set on INSERT only: versions stay immutable.
        ALTER TABLE intake_form_versions ADD COLUMN published_by TEXT;
      `);
    },
  },
];
