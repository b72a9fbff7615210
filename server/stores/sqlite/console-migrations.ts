/**
 * The console's migrations (from version 30, clear of the clinic configuration's and the staff
 * side's ranges): who confirmed or declined a request and why, and who acknowledged a safety
 * entry, when, with their note (encrypted like client data, encrypted-columns.ts); then (31) the
 * other times a decline suggested.
 */
import type { Migration } from './migration.js';

export const CONSOLE_MIGRATIONS: readonly Migration[] = [
  {
    version: 30,
    description: 'the console: decisions on requested bookings, acknowledgements of safety entries',
    apply(db) {
      db.exec(`
        -- One decision per booking: the same decision again answers this row unchanged.
        CREATE TABLE booking_decisions (
          booking_id TEXT PRIMARY KEY REFERENCES bookings (id),
          decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'declined')),
          reason TEXT,
          staff_id TEXT NOT NULL REFERENCES staff (id),
          at_ms INTEGER NOT NULL
        );

        -- An entry of the safety queue (an intake response's id or a safety signal's) leaves the
        -- queue when a clinician acknowledges it. Rows are never changed.
        CREATE TABLE safety_acknowledgements (
          item_id TEXT PRIMARY KEY,
          staff_id TEXT NOT NULL REFERENCES staff (id),
          note TEXT NOT NULL,
          at_ms INTEGER NOT NULL
        );
      `);
    },
  },
  {
    version: 31,
    description: 'the console: the other start times a decline suggested to the client',
    apply(db) {
      // A JSON array of start instants (ms), soonest first; NULL when none were suggested.
      db.exec('ALTER TABLE booking_decisions ADD COLUMN suggested_starts TEXT');
    },
  },
];
