/**
 * The access links' migrations (versions 50–59, clear of the notifications' 40–49): a tab's
 * credential is a link token that expires (server/booking-access.ts says how long every token of a
 * booking opens it); bookings are found by a hash of their client's address.
 */
import { clientEmailHash } from '../../secrets.js';
import { fieldContext } from './encrypted-columns.js';
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
  {
    version: 51,
    description: 'access links: bookings are found by a hash of the client address ("Email me my links")',
    apply(db, context) {
      db.exec(`
        ALTER TABLE bookings ADD COLUMN client_email_sha256 TEXT;
        CREATE INDEX bookings_by_client_email ON bookings (client_email_sha256, end_ms);
      `);
      const rows = db.prepare<[], { id: string; client_email: string }>('SELECT id, client_email FROM bookings').all();
      const update = db.prepare('UPDATE bookings SET client_email_sha256 = ? WHERE id = ?');
      for (const row of rows) update.run(clientEmailHash(context.cipher().open(row.client_email, fieldContext('bookings', 'client_email', row.id))), row.id);
    },
  },
];
