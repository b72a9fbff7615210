import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { DEMO_CHECKLIST_TEMPLATES, englishOnlyTemplate } from '../../server/demo/checklists.js';
import { MIGRATIONS, openDatabase, schemaVersion } from '../../server/stores/sqlite/database.js';
import { openSqliteStores } from '../../server/stores/sqlite/index.js';
import { testApp } from './support.js';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kap-db-'));
  dirs.push(dir);
  return join(dir, 'kap.sqlite');
}

describe('the SQLite database', () => {
  test('a new file is migrated to the latest version and seeded, in WAL mode with a busy timeout', () => {
    const db = openDatabase(tempDbPath());
    try {
      assert.equal(schemaVersion(db), MIGRATIONS.at(-1)!.version);
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(db.pragma('busy_timeout', { simple: true }), 5000);
      assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
      const hours = db.prepare('SELECT weekday, opens_minute, closes_minute FROM opening_hours ORDER BY weekday').all();
      assert.deepEqual(
        hours,
        [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens_minute: 540, closes_minute: 1020 })),
      );
      const settings = Object.fromEntries(
        (db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]).map((row) => [row.key, row.value]),
      );
      const { data_key_id: keyId, ...rules } = settings;
      assert.deepEqual(rules, { slot_step_minutes: '30', min_notice_minutes: '720', horizon_days: '60', language: 'en' });
      assert.match(keyId ?? '', /^[0-9a-f]{16}$/, 'the database names the key its client data is encrypted under');
    } finally {
      db.close();
    }
  });

  test('reopening runs no migration twice and keeps the clinic’s own changes', () => {
    const path = tempDbPath();
    const first = openDatabase(path);
    first.prepare("UPDATE services SET name = 'Free consultation' WHERE id = 'consultation'").run();
    first.prepare("DELETE FROM services WHERE id = 'integration'").run();
    first.close();
    const second = openDatabase(path);
    try {
      const services = second.prepare('SELECT id, name FROM services ORDER BY position').all() as { id: string; name: string }[];
      assert.deepEqual(
        services.map((service) => service.id),
        ['consultation', 'preparation', 'administration'],
      );
      assert.equal(services[0]!.name, 'Free consultation');
    } finally {
      second.close();
    }
  });

  test('the services are the demo clinic’s four, with the documented durations, locations and modes', async () => {
    const app = testApp();
    const { services } = await (await app.request('/services')).json();
    assert.deepEqual(
      services.map((s: Record<string, unknown>) => [s.id, s.durationMinutes, s.location, s.mode]),
      [
        ['consultation', 45, 'virtual', 'instant'],
        ['preparation', 60, 'virtual', 'instant'],
        ['administration', 120, 'in_person', 'request'],
        ['integration', 60, 'virtual', 'instant'],
      ],
    );
    for (const service of services) {
      assert.ok(service.name.length > 3 && service.description.length > 40, service.id);
    }
  });

  test('opening hours and rules edited in the database change availability (nothing is hard-coded)', async () => {
    const app = testApp();
    app.db.prepare("UPDATE settings SET value = '60' WHERE key = 'slot_step_minutes'").run();
    app.db.prepare('INSERT INTO opening_hours (weekday, opens_minute, closes_minute) VALUES (6, 600, 720)').run();
    const { slots } = await app.availability('consultation', '2026-03-07T00:00:00Z', '2026-03-08T00:00:00Z');
    // Saturday 10:00–12:00 EST: starts on the hour that end by noon.
    assert.deepEqual(
      slots.map((slot) => slot.start),
      ['2026-03-07T15:00:00Z', '2026-03-07T16:00:00Z'],
    );
  });

  test('the database itself refuses two active bookings that overlap', () => {
    const db = openDatabase(':memory:');
    try {
      const insert = db.prepare(
        `INSERT INTO bookings (id, service_id, start_ms, end_ms, status, client_name, client_email, client_phone,
           consent_privacy, token_sha256, created_at_ms) VALUES (?, 'consultation', ?, ?, ?, 'n', 'e', 'p', 1, 'h', 0)`,
      );
      insert.run('a', 1000, 2000, 'confirmed');
      assert.throws(() => insert.run('b', 1500, 2500, 'requested'), /slot_unavailable/);
      insert.run('c', 2000, 3000, 'confirmed'); // touching is not overlapping
      insert.run('d', 1000, 2000, 'cancelled');
      db.prepare("UPDATE bookings SET status = 'cancelled' WHERE id = 'a'").run();
      insert.run('e', 1000, 2000, 'confirmed');
    } finally {
      db.close();
    }
  });
});

describe('the clinic’s configuration in the database (migrations 13–14)', () => {
  test('a published form version cannot be changed or removed, whoever asks', () => {
    const db = openDatabase(':memory:');
    try {
      const [row] = db.prepare('SELECT form_id, version FROM intake_form_versions').all() as { form_id: string; version: string }[];
      assert.ok(row, 'the demo intake is published');
      assert.throws(() => db.prepare("UPDATE intake_form_versions SET definition = '{}' WHERE form_id = ?").run(row.form_id), /immutable/);
      assert.throws(() => db.prepare('DELETE FROM intake_form_versions WHERE form_id = ?').run(row.form_id), /immutable/);
    } finally {
      db.close();
    }
  });

  test('a database whose published form is broken does not open, naming the form', async () => {
    const path = tempDbPath();
    await openSqliteStores(path, { timeZone: 'America/New_York' }).close();
    const raw = new Database(path);
    raw.prepare("INSERT INTO intake_forms (id) VALUES ('broken')").run();
    raw.prepare("INSERT INTO intake_form_versions (form_id, version, definition, published_at_ms) VALUES ('broken', '1', '{\"id\": \"broken\"}', 0)").run();
    raw.close();
    assert.throws(() => openSqliteStores(path, { timeZone: 'America/New_York' }), /Intake form "broken" is not valid/);
  });
});

describe('migration 7: texts in other languages', () => {
  test('a database seeded in English only gets the demo’s Spanish, but never over the clinic’s own wording', () => {
    const path = tempDbPath();
    // A clinic's file as the reference backend left it before migration 7: the demo's English templates, one edited by the clinic.
    const old = new Database(path);
    const noKey = { cipher: () => assert.fail('no migration before 12 encrypts') };
    for (const migration of MIGRATIONS.filter((candidate) => candidate.version <= 6)) migration.apply(old, noKey);
    old.pragma('user_version = 6');
    const setTemplate = old.prepare('UPDATE services SET checklist_template = ? WHERE id = ?');
    for (const [id, template] of Object.entries(DEMO_CHECKLIST_TEMPLATES)) setTemplate.run(JSON.stringify(englishOnlyTemplate(template)), id);
    const ownTemplate = JSON.stringify({ items: [{ id: 'calm', text: 'Our own words', group: 'Before' }] });
    setTemplate.run(ownTemplate, 'preparation');
    old.prepare("UPDATE services SET name = 'Our own integration' WHERE id = 'integration'").run();
    old.close();

    const db = openDatabase(path);
    try {
      assert.equal(schemaVersion(db), MIGRATIONS.at(-1)!.version);
      const services = new Map(
        (
          db.prepare('SELECT id, translations, checklist_template FROM services').all() as {
            id: string;
            translations: string | null;
            checklist_template: string;
          }[]
        ).map((row) => [row.id, row]),
      );
      assert.equal(JSON.parse(services.get('consultation')!.translations!).es.name, 'Consulta inicial');
      assert.equal(services.get('integration')!.translations, null, 'a renamed service keeps the clinic’s own name, with no demo Spanish');
      assert.equal(services.get('consultation')!.checklist_template, JSON.stringify(DEMO_CHECKLIST_TEMPLATES.consultation));
      assert.equal(services.get('administration')!.checklist_template, JSON.stringify(DEMO_CHECKLIST_TEMPLATES.administration));
      assert.equal(services.get('preparation')!.checklist_template, ownTemplate, 'the clinic’s own template is left alone');
      assert.equal((db.prepare("SELECT value FROM settings WHERE key = 'language'").get() as { value: string }).value, 'en');
    } finally {
      db.close();
    }
  });
});
