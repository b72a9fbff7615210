/**
 * The access links' migrations (versions 50–59, clear of the notifications' 40–49): a tab's
 * credential is a link token that expires (server/booking-access.ts says how long every token of a
 * booking opens it).
 */
import type { Migration } from './migration.js';

export const ACCESS_MIGRATIONS: readonly Migration[] = [
  {
    version: 50,
    description: 'access links: link tokens may expire (the credentials a tab exchanges a link for)',
    apply(db) {
      db.exec(`
        -- NULL: an email's link token, which opens as long as the booking does; else the moment a
        -- tab's credential (POST booking-access/exchange) stops opening.
        ALTER TABLE booking_link_tokens ADD COLUMN expires_at_ms INTEGER;
      `);
    },
  },
];
