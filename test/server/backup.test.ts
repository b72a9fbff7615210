/**
 * `npm run backup -- FILE`: a consistent copy of the live database while another connection keeps
 * writing — every booking in the copy has the checklist written in its own transaction, the copy
 * passes SQLite's integrity check, and its client data opens with the key.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { backupCommand } from '../../server/cli/backup.js';
import { dataKeysBeside } from '../../server/encryption/data-keys.js';
import { openSqliteStores } from '../../server/stores/sqlite/index.js';
import type { NewBooking } from '../../server/stores/types.js';
import { sqlitePeer } from './stores/sqlite-peer.js';

const TZ = 'America/New_York';
const NOW = Date.parse('2026-03-02T12:00:00Z');
const MINUTE = 60_000;
const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function booking(i: number): NewBooking {
  const start = Date.parse('2026-03-03T00:00:00Z') + i * 60 * MINUTE;
  return {
    serviceId: 'consultation',
    slot: { start, end: start + 45 * MINUTE },
    status: 'confirmed',
    client: { name: `Client ${i}`, email: `client${i}@example.com`, phone: '+1 212 555 0100' },
    consent: {},
    tokenHash: String(i).padStart(64, '0'),
    checklist: {
      checklistId: 'test',
      lang: 'en',
      items: [
        { id: 'a', text: 'First', group: 'Before', required: true },
        { id: 'b', text: 'Second', group: 'Before', required: false },
      ],
    },
    now: NOW,
  };
}

describe('npm run backup', () => {
  test('copies the live database while another connection writes: whole transactions only, integrity ok, readable with the key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kap-backup-'));
    dirs.push(dir);
    const path = join(dir, 'kap.sqlite');
    const stores = openSqliteStores(path, { timeZone: TZ });
    // Some history, so the copy is more than a few pages.
    stores.db.transaction(() => {
      const insert = stores.db.prepare(
        "INSERT INTO audit_log (at_ms, actor_type, actor_id, action, record_type, record_id) VALUES (?, 'staff', 'st_x', 'booking.read', 'booking', ?)",
      );
      for (let i = 0; i < 20_000; i++) insert.run(NOW + i, `bk_${i}`);
    })();
    for (let i = 0; i < 50; i++) await stores.bookings.createBooking(booking(i));
    const writer = await sqlitePeer(path, TZ);
    try {
      // A stream of bookings (each with its checklist, one transaction) from another thread.
      const writes: Promise<unknown>[] = [];
      for (let i = 50; i < 650; i++) writes.push(writer.bookings.createBooking(booking(i)));
      const count = () => (stores.db.prepare('SELECT count(*) AS n FROM bookings').get() as { n: number }).n;
      // The backup starts once the other thread's writes are landing, whenever that is.
      while (count() === 50) await new Promise((resolve) => setImmediate(resolve));
      const before = count();
      const lines: string[] = [];
      const copy = join(dir, 'copy.sqlite');
      await backupCommand([copy], { KAP_DB: path }, (line) => lines.push(line));
      const during = count();
      await Promise.all(writes);
      assert.match(lines[0]!, /^Backed up .* \(\d+ pages, integrity ok\)\.$/);
      assert.match(lines[1]!, /kap\.sqlite\.key: keep a copy of that key safe/);

      const backup = new Database(copy, { readonly: true });
      const copied = (backup.prepare('SELECT count(*) AS n FROM bookings').get() as { n: number }).n;
      const orphans = backup
        .prepare('SELECT count(*) AS n FROM bookings b WHERE NOT EXISTS (SELECT 1 FROM booking_checklists c WHERE c.booking_id = b.id)')
        .get() as { n: number };
      const items = backup.prepare('SELECT count(*) AS n FROM booking_checklist_items').get() as { n: number };
      assert.equal(backup.pragma('journal_mode', { simple: true }), 'delete', 'one self-contained file');
      backup.close();
      console.log(`backup while writing: ${before} bookings when it began, ${copied} in the copy, ${during} when it ended, 650 in the end`);
      assert.ok(copied >= before && copied <= during, `the copy (${copied}) is a moment between ${before} and ${during}`);
      assert.equal(orphans.n, 0, 'no booking without the checklist of its own transaction');
      assert.equal(items.n, copied * 2);
      assert.deepEqual(
        readdirSync(dir).filter((name) => name.startsWith('copy.sqlite-')),
        [],
        'no -wal or -shm beside the copy',
      );

      // The copy opens with the database's key (kept apart), and its client data reads back.
      const restored = openSqliteStores(copy, { timeZone: TZ, keys: dataKeysBeside(path).keyring });
      const firstId = (stores.db.prepare('SELECT id FROM bookings ORDER BY rowid LIMIT 1').get() as { id: string }).id;
      const first = await restored.bookings.bookingDetail(firstId);
      assert.equal(first!.client.name, 'Client 0');
      await restored.close();
      await assert.rejects(
        backupCommand([copy], { KAP_DB: path }, () => {}),
        /never overwrites/,
      );
      assert.ok(existsSync(copy));
    } finally {
      await writer.terminate();
      await stores.close();
    }
  });
});
