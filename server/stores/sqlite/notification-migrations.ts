/**
 * The notifications' migrations (versions 40–49, clear of the console's 30–39): the outbox — one
 * row per event, written in the transaction of the change that caused it, carrying types and ids
 * only — and one delivery per (event, destination), claimed under a lease by the worker
 * (server/notifications/worker.ts); the language and time zone a client booked in; the extra
 * access tokens an email's links carry; and development's mailbox. 41: webhook endpoints, their
 * signing secrets sealed like client data (encrypted-columns.ts).
 */
import type { Migration } from './migration.js';

export const NOTIFICATION_MIGRATIONS: readonly Migration[] = [
  {
    version: 40,
    description: 'notifications: the outbox, deliveries, the language a client booked in, link tokens, the dev mailbox',
    apply(db) {
      db.exec(`
        -- What the client's page was in when they booked (BCP 47) and their time zone (IANA):
        -- emails are written in that language and show the time in both zones. NULL: the clinic's.
        ALTER TABLE bookings ADD COLUMN lang TEXT;
        ALTER TABLE bookings ADD COLUMN time_zone TEXT;

        -- One row per event (types and ids, never client data). due_at_ms: when it may be routed
        -- (a reminder's time); routed_at_ms: when its deliveries were made.
        CREATE TABLE notification_events (
          id TEXT PRIMARY KEY,
          type TEXT NOT NULL,
          booking_id TEXT,
          subject_id TEXT,
          occurred_at_ms INTEGER NOT NULL,
          due_at_ms INTEGER NOT NULL,
          routed_at_ms INTEGER
        );
        CREATE INDEX notification_events_unrouted ON notification_events (due_at_ms) WHERE routed_at_ms IS NULL;

        -- One delivery per event and destination (the unique key: never twice to one destination).
        -- A 'claimed' delivery whose lease has run out belongs to a worker that died: it is retaken.
        CREATE TABLE notification_deliveries (
          id TEXT PRIMARY KEY,
          event_id TEXT NOT NULL REFERENCES notification_events (id),
          destination TEXT NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('pending', 'claimed', 'delivered', 'skipped', 'failed')),
          attempts INTEGER NOT NULL DEFAULT 0,
          next_attempt_at_ms INTEGER NOT NULL,
          lease_until_ms INTEGER,
          claim TEXT,
          last_error TEXT,
          created_at_ms INTEGER NOT NULL,
          finished_at_ms INTEGER,
          UNIQUE (event_id, destination)
        );
        CREATE INDEX notification_deliveries_due ON notification_deliveries (next_attempt_at_ms) WHERE state = 'pending';
        CREATE INDEX notification_deliveries_leased ON notification_deliveries (lease_until_ms) WHERE state = 'claimed';

        -- Access tokens (SHA-256) minted for the links of an email, besides the booking's own.
        CREATE TABLE booking_link_tokens (
          token_sha256 TEXT PRIMARY KEY,
          booking_id TEXT NOT NULL REFERENCES bookings (id),
          created_at_ms INTEGER NOT NULL
        );
        CREATE INDEX booking_link_tokens_by_booking ON booking_link_tokens (booking_id);

        -- Development's mailbox: what would have been sent, sealed like client data (one row per
        -- delivery, so a delivery retried after a crash is kept once).
        CREATE TABLE dev_mail (
          id TEXT PRIMARY KEY,
          message TEXT NOT NULL,
          created_at_ms INTEGER NOT NULL
        );
      `);
    },
  },
  {
    version: 41,
    description: 'notifications: webhook endpoints',
    apply(db) {
      db.exec(`
        -- Where the outbox also sends events (destination 'webhook:<id>'). events: a JSON array of
        -- event types. secret / previous_secret: sealed (encrypted-columns.ts); the previous one
        -- still signs until previous_until_ms (24 h after a rotation).
        CREATE TABLE webhook_endpoints (
          id TEXT PRIMARY KEY,
          url TEXT NOT NULL,
          events TEXT NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('active', 'disabled')),
          secret TEXT NOT NULL,
          secret_created_at_ms INTEGER NOT NULL,
          previous_secret TEXT,
          previous_until_ms INTEGER,
          created_by TEXT NOT NULL,
          created_at_ms INTEGER NOT NULL
        );
        CREATE INDEX notification_deliveries_by_destination ON notification_deliveries (destination, created_at_ms);
      `);
    },
  },
];
