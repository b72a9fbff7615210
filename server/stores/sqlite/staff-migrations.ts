/**
 * The staff side's migrations (versions 10–12; the clinic's configuration has 13–19:
 * clinic-migrations.ts): accounts, sessions, sign-in throttling and API keys; the append-only
 * audit log; and client data encrypted at rest, sealing what a database made before holds in plaintext.
 */
import { sealPlaintextValues } from './encrypted-columns.js';
import type { Migration } from './migration.js';

export const STAFF_MIGRATIONS: readonly Migration[] = [
  {
    version: 10,
    description: 'staff accounts, recovery codes, sign-in throttling, sessions, integration API keys',
    apply(db) {
      db.exec(`
        -- A person on the clinic's staff. No password until they use their set-up link (its token
        -- stored as SHA-256, valid until setup_expires_at_ms); totp_secret and the secret proposed
        -- during set-up are encrypted like client data; totp_last_step stops a code being replayed.
        CREATE TABLE staff (
          id TEXT PRIMARY KEY,
          email TEXT NOT NULL UNIQUE,
          role TEXT NOT NULL CHECK (role IN ('owner', 'clinician', 'front-desk', 'marketer')),
          state TEXT NOT NULL CHECK (state IN ('invited', 'active', 'disabled')),
          password_hash TEXT,
          totp_secret TEXT,
          totp_last_step INTEGER,
          setup_token_sha256 TEXT UNIQUE,
          setup_expires_at_ms INTEGER,
          setup_totp_secret TEXT,
          created_at_ms INTEGER NOT NULL,
          updated_at_ms INTEGER NOT NULL
        );

        CREATE TABLE staff_recovery_codes (
          staff_id TEXT NOT NULL REFERENCES staff (id),
          code_sha256 TEXT NOT NULL,
          used_at_ms INTEGER,
          PRIMARY KEY (staff_id, code_sha256)
        );

        -- Failed sign-ins per account (hash of the email) and per address (hash of the client key).
        CREATE TABLE sign_in_failures (
          key TEXT PRIMARY KEY,
          failures INTEGER NOT NULL,
          last_failure_at_ms INTEGER NOT NULL
        );

        -- A signed-in browser: the cookie's secret stored as SHA-256; id is public.
        CREATE TABLE staff_sessions (
          id TEXT PRIMARY KEY,
          token_sha256 TEXT NOT NULL UNIQUE,
          staff_id TEXT NOT NULL REFERENCES staff (id),
          second_factor TEXT NOT NULL CHECK (second_factor IN ('totp', 'recovery_code', 'none')),
          created_at_ms INTEGER NOT NULL,
          last_seen_at_ms INTEGER NOT NULL
        );
        CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id);

        -- An EHR sync's key: scopes as JSON, the secret stored as SHA-256, shown once.
        CREATE TABLE api_keys (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          scopes TEXT NOT NULL,
          secret_sha256 TEXT NOT NULL UNIQUE,
          created_by TEXT NOT NULL,
          created_at_ms INTEGER NOT NULL,
          last_used_at_ms INTEGER,
          revoked_at_ms INTEGER
        );
      `);
    },
  },
  {
    version: 11,
    description: 'the audit log, append-only',
    apply(db) {
      db.exec(`
        -- Every read of client data and every change: who, what, which record, when, from where.
        -- Ids and actions only, never client data.
        CREATE TABLE audit_log (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          at_ms INTEGER NOT NULL,
          actor_type TEXT NOT NULL CHECK (actor_type IN ('staff', 'api_key', 'system', 'anonymous')),
          actor_id TEXT,
          action TEXT NOT NULL,
          record_type TEXT,
          record_id TEXT,
          address TEXT
        );
        CREATE INDEX audit_log_by_time ON audit_log (at_ms);
        CREATE INDEX audit_log_by_actor ON audit_log (actor_id, seq);
        CREATE INDEX audit_log_by_record ON audit_log (record_type, record_id, seq);

        -- Append-only, in the database itself: no UPDATE or DELETE of an entry, whoever asks.
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN
          SELECT RAISE(ABORT, 'audit_log is append-only');
        END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN
          SELECT RAISE(ABORT, 'audit_log is append-only');
        END;
        -- INSERT OR REPLACE deletes the row it replaces without firing DELETE triggers: refuse it.
        CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
        WHEN NEW.seq IS NOT NULL AND EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq)
        BEGIN
          SELECT RAISE(ABORT, 'audit_log is append-only');
        END;
      `);
    },
  },
  {
    version: 12,
    description: 'client data encrypted at rest: seal what is still plaintext',
    apply(db, context) {
      sealPlaintextValues(db, context.cipher());
    },
  },
];
