/**
 * Client data at rest: contact details, reasons, intake answers (and staff TOTP secrets) are
 * AES-256-GCM ciphertext in the SQLite file, under a key the database names; rotation re-encrypts
 * everything in one transaction; a wrong key fails clearly; a database made before encryption is
 * sealed when it migrates.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { rotateKeyCommand } from '../../server/cli/rotate-key.js';
import { DataKeyring, dataKeysBeside, encodeDataKey, keyFileFor, newDataKey, parseDataKeys } from '../../server/encryption/data-keys.js';
import { DecryptionError } from '../../server/encryption/field-cipher.js';
import { MIGRATIONS, openDatabase } from '../../server/stores/sqlite/database.js';
import { ENCRYPTED_COLUMNS } from '../../server/stores/sqlite/encrypted-columns.js';
import { openSqliteStores, type SqliteStores } from '../../server/stores/sqlite/index.js';
import { testApp } from './support.js';

const CANARY = { name: 'Zephyrine Quillfeather', email: 'zephyrine.quill@example.com', phone: '+1 212 555 0199' };
const ANSWER = 'my unmistakable canary answer about grief';
const NOW = Date.parse('2026-03-02T12:00:00Z');
const TZ = { timeZone: 'America/New_York' };

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDb(): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kap-enc-'));
  dirs.push(dir);
  return { dir, path: join(dir, 'kap.sqlite') };
}

async function storeCanaries(stores: SqliteStores) {
  const booking = await stores.bookings.createBooking({
    serviceId: 'consultation',
    slot: { start: Date.parse('2026-03-03T15:00:00Z'), end: Date.parse('2026-03-03T15:45:00Z') },
    status: 'confirmed',
    client: CANARY,
    consent: { contact: true },
    reason: 'grief_and_loss',
    tokenHash: 'a'.repeat(64),
    now: NOW,
  });
  const response = await stores.intake.saveResponse({
    submission: {
      form: 'kap-demo-intake',
      booking: booking.id,
      answers: { 'ms-other': ANSWER, 'full-name': CANARY.name },
      scores: [],
      flags: [],
      safety: false,
      safetyItems: [],
    },
    now: NOW,
  });
  return { booking, response };
}

const canaries = [CANARY.name, CANARY.email, CANARY.phone, ANSWER, 'Quillfeather', 'zephyrine.quill'];

describe('client data at rest', () => {
  test('the raw SQLite file (and its write-ahead log) holds no name, email, phone or answer, before and after a checkpoint', async () => {
    const { dir, path } = tempDb();
    const app = testApp({ db: path });
    const created = await (await app.book({ start: '2026-03-03T15:00:00Z', client: CANARY, reason: 'ptsd' })).json();
    await app.stores.intake.saveResponse({
      submission: { form: 'kap-demo-intake', answers: { 'ms-other': ANSWER }, scores: [], flags: [], safety: false, safetyItems: [] },
      now: NOW,
    });
    const files = () =>
      readdirSync(dir)
        .filter((name) => name.startsWith('kap.sqlite') && !name.endsWith('.key'))
        .map((name) => readFileSync(join(dir, name)));
    const leaks = () => files().flatMap((content) => canaries.filter((canary) => content.includes(canary)));
    assert.deepEqual(leaks(), []);
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    assert.deepEqual(leaks(), []);
    // Every encrypted column holds sealed values only.
    for (const { table, columns } of ENCRYPTED_COLUMNS) {
      for (const column of columns) {
        const values = app.db.prepare(`SELECT ${column} AS value FROM ${table} WHERE ${column} IS NOT NULL`).all() as { value: string }[];
        for (const { value } of values) assert.match(value, /^kap1\.[0-9a-f]{16}\.[\w-]+$/, `${table}.${column}`);
      }
    }
    // And the clinic reads them back.
    const detail = await app.stores.bookings.bookingDetail(created.booking.id);
    assert.deepEqual([detail!.client, detail!.reason], [CANARY, 'ptsd']);
    await app.close();
    assert.deepEqual(leaks(), []);
  });

  test('a value moved to another row or column does not decrypt', async () => {
    const stores = openSqliteStores(':memory:', TZ);
    const first = await storeCanaries(stores);
    const second = await stores.bookings.createBooking({
      ...(await bookingLike()),
      slot: { start: Date.parse('2026-03-04T15:00:00Z'), end: Date.parse('2026-03-04T15:45:00Z') },
    });
    const sealed = (stores.db.prepare('SELECT client_name FROM bookings WHERE id = ?').get(first.booking.id) as { client_name: string }).client_name;
    stores.db.prepare('UPDATE bookings SET client_name = ? WHERE id = ?').run(sealed, second.id);
    await assert.rejects(
      stores.bookings.bookingDetail(second.id),
      (error: unknown) => error instanceof DecryptionError && /moved from another record/.test(error.message),
    );
    stores.db.prepare('UPDATE bookings SET client_email = ? WHERE id = ?').run(sealed, first.booking.id);
    await assert.rejects(stores.bookings.bookingDetail(first.booking.id), DecryptionError);
    await stores.close();
  });

  test('a wrong key fails clearly, naming the key ids, and changes nothing', async () => {
    const { path } = tempDb();
    const right = new DataKeyring([newDataKey()]);
    const stores = openSqliteStores(path, { ...TZ, keys: right });
    await storeCanaries(stores);
    await stores.close();
    const wrong = new DataKeyring([newDataKey()]);
    assert.throws(
      () => openSqliteStores(path, { ...TZ, keys: wrong }),
      (error: Error) =>
        error.message.includes(`encrypted under key ${right.first.id}`) && error.message.includes(wrong.first.id) && /KAP_DATA_KEY/.test(error.message),
    );
    const reopened = openSqliteStores(path, { ...TZ, keys: right });
    assert.equal(reopened.dataKeyId, right.first.id);
    await reopened.close();
  });

  test('rotation re-encrypts every value under the new key in one transaction; then only the new key opens the database', async () => {
    const { path } = tempDb();
    const old = newDataKey();
    const stores = openSqliteStores(path, { ...TZ, keys: new DataKeyring([old]) });
    const { booking, response } = await storeCanaries(stores);
    const next = newDataKey();
    const count = stores.rotateDataKey(next);
    assert.equal(count, 4 + 4, 'name, email, phone, reason; answers, scores, flags, safety items');
    await stores.close();
    assert.throws(() => openSqliteStores(path, { ...TZ, keys: new DataKeyring([old]) }), /does not open this database/);
    const rotated = openSqliteStores(path, { ...TZ, keys: new DataKeyring([next]) });
    assert.deepEqual((await rotated.bookings.bookingDetail(booking.id))!.client, CANARY);
    assert.equal((await rotated.intake.findResponse(response.id))!.submission.answers['ms-other'], ANSWER);
    const named = rotated.db.prepare('SELECT client_name, client_email FROM bookings').all() as Record<string, string>[];
    for (const row of named) for (const value of Object.values(row)) assert.equal(value.split('.')[1], next.id);
    await rotated.close();
  });

  test('a rotation that fails half-way changes nothing', async () => {
    const stores = openSqliteStores(':memory:', TZ);
    const { booking } = await storeCanaries(stores);
    // A value that cannot be opened (damaged) stops the rotation: everything stays under the old key.
    stores.db.prepare("UPDATE intake_responses SET flags = 'kap1.' || ? || '.AAAA'").run(stores.dataKeyId);
    const before = stores.db.prepare('SELECT client_name FROM bookings WHERE id = ?').get(booking.id);
    assert.throws(() => stores.rotateDataKey(newDataKey()), DecryptionError);
    assert.deepEqual(stores.db.prepare('SELECT client_name FROM bookings WHERE id = ?').get(booking.id), before);
    assert.equal((stores.db.prepare("SELECT value FROM settings WHERE key = 'data_key_id'").get() as { value: string }).value, stores.dataKeyId);
    await stores.close();
  });

  test('npm run clinic -- rotate-key: with the key file, a new key replaces it; with KAP_DATA_KEY, KAP_NEW_DATA_KEY is needed', async () => {
    const { path } = tempDb();
    const first = openSqliteStores(path, TZ);
    const { booking } = await storeCanaries(first);
    const oldId = first.dataKeyId;
    await first.close();
    const lines: string[] = [];
    await rotateKeyCommand({ KAP_DB: path }, (line) => lines.push(line));
    assert.match(lines[0]!, new RegExp(`^Re-encrypted 8 values from key ${oldId} to key [0-9a-f]{16}, in one transaction\\.$`));
    const fileKeys = parseDataKeys(readFileSync(keyFileFor(path), 'utf8'), 'key file');
    assert.equal(fileKeys.ids.length, 1);
    assert.notEqual(fileKeys.first.id, oldId);
    assert.equal(statSync(keyFileFor(path)).mode & 0o777, 0o600);
    const after = openSqliteStores(path, TZ);
    assert.deepEqual((await after.bookings.bookingDetail(booking.id))!.client, CANARY);
    await after.close();

    const current = encodeDataKey(fileKeys.first);
    await assert.rejects(
      rotateKeyCommand({ KAP_DB: path, KAP_DATA_KEY: current }, () => {}),
      /KAP_NEW_DATA_KEY/,
    );
    const next = newDataKey();
    await rotateKeyCommand({ KAP_DB: path, KAP_DATA_KEY: current, KAP_NEW_DATA_KEY: encodeDataKey(next) }, () => {});
    const reopened = openSqliteStores(path, { ...TZ, keys: new DataKeyring([next]) });
    assert.equal(reopened.dataKeyId, next.id);
    await reopened.close();
  });

  test('a database made before encryption is sealed when it migrates, and reads back the same', async () => {
    const { path } = tempDb();
    const old = new Database(path);
    const noKey = { cipher: () => assert.fail('no migration before 12 encrypts') };
    for (const migration of MIGRATIONS.filter((candidate) => candidate.version <= 11)) migration.apply(old, noKey);
    old.pragma('user_version = 11');
    old
      .prepare(
        `INSERT INTO bookings (id, service_id, start_ms, end_ms, status, client_name, client_email, client_phone, consent_privacy, reason, token_sha256, created_at_ms)
       VALUES ('bk_old', 'consultation', ?, ?, 'confirmed', ?, ?, ?, 1, 'anxiety', ?, ?)`,
      )
      .run(Date.parse('2026-03-03T15:00:00Z'), Date.parse('2026-03-03T15:45:00Z'), CANARY.name, CANARY.email, CANARY.phone, 'b'.repeat(64), NOW);
    old
      .prepare(
        `INSERT INTO intake_responses (id, form_id, answers, scores, flags, safety, safety_items, received_at_ms) VALUES ('ir_old', 'kap-demo-intake', ?, '[]', '[]', 0, '[]', ?)`,
      )
      .run(JSON.stringify({ 'ms-other': ANSWER }), NOW);
    old.close();

    const stores = openSqliteStores(path, TZ);
    const raw = JSON.stringify(stores.db.prepare('SELECT * FROM bookings').all()) + JSON.stringify(stores.db.prepare('SELECT * FROM intake_responses').all());
    assert.deepEqual(
      canaries.filter((canary) => raw.includes(canary)),
      [],
    );
    assert.deepEqual((await stores.bookings.bookingDetail('bk_old'))!.client, CANARY);
    assert.equal((await stores.bookings.bookingDetail('bk_old'))!.reason, 'anxiety');
    assert.deepEqual((await stores.intake.findResponse('ir_old'))!.submission.answers, { 'ms-other': ANSWER });
    await stores.close();
  });
});

describe('the data key', () => {
  test('KAP_DATA_KEY must be 32 bytes of base64; the message never quotes it', () => {
    assert.throws(
      () => parseDataKeys('c2hvcnQ=', 'KAP_DATA_KEY'),
      (error: Error) => /KAP_DATA_KEY: key 1 is not 32 bytes/.test(error.message) && !error.message.includes('c2hvcnQ='),
    );
    const a = newDataKey();
    const b = newDataKey();
    assert.deepEqual(parseDataKeys(`${encodeDataKey(a)}, ${encodeDataKey(b)}`, 'KAP_DATA_KEY').ids, [a.id, b.id]);
  });

  test('without it, development makes a key file beside the database, mode 0600, once', () => {
    const { path } = tempDb();
    const made = dataKeysBeside(path);
    assert.equal(made.created, true);
    assert.equal(statSync(made.path).mode & 0o777, 0o600);
    const again = dataKeysBeside(path);
    assert.deepEqual([again.created, again.keyring.first.id], [false, made.keyring.first.id]);
    openDatabase(path, again.keyring).close();
  });
});

let tokens = 0;
async function bookingLike() {
  return {
    serviceId: 'consultation',
    slot: { start: 0, end: 0 },
    status: 'confirmed' as const,
    client: { name: 'Other Person', email: 'other@example.com', phone: '+1 212 555 0100' },
    consent: {},
    tokenHash: String(++tokens).padStart(64, '0'),
    now: NOW,
  };
}
