/**
 * The audit log: append-only in the interface and in the database itself (a trigger refuses UPDATE
 * and DELETE), every read of client data and every change recorded with who, what, which record,
 * when and from which address, and the owner's list and CSV export (safe to open in a spreadsheet).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { auditCsv, csvCell } from '../../server/routes/audit-log.js';
import { SqliteAuditStore } from '../../server/stores/sqlite/audit.js';
import type { AuditStore } from '../../server/stores/types.js';
import { testApp } from './support.js';
import { addStaff, sessionFor, signedIn, staffRequest } from './staff-support.js';

describe('the audit log cannot be altered', () => {
  test('the database refuses to UPDATE or DELETE an entry, whoever asks', async () => {
    const app = testApp();
    await app.stores.audit.append({ at: app.clock.ms, actor: { type: 'staff', id: 'st_a' }, action: 'booking.read', record: { type: 'booking', id: 'bk_1' } });
    assert.throws(() => app.db.prepare("UPDATE audit_log SET actor_id = 'st_b'").run(), /audit_log is append-only/);
    assert.throws(() => app.db.prepare('DELETE FROM audit_log').run(), /audit_log is append-only/);
    // REPLACE deletes without firing DELETE triggers; its own trigger refuses it.
    assert.throws(
      () => app.db.prepare('INSERT OR REPLACE INTO audit_log (seq, at_ms, actor_type, action) VALUES (1, 0, ?, ?)').run('system', 'x'),
      /audit_log is append-only/,
    );
    const [entry] = (await app.stores.audit.query({ limit: 10 })).entries;
    assert.equal(entry!.actor.type === 'staff' && entry!.actor.id, 'st_a', 'unchanged');
  });

  test('the store has no method that changes or removes an entry', () => {
    const methods = Object.getOwnPropertyNames(SqliteAuditStore.prototype)
      .filter((name) => name !== 'constructor')
      .sort();
    assert.deepEqual(methods, ['append', 'query']);
    // @ts-expect-error the interface has no such method
    const update: AuditStore['update'] = undefined;
    // @ts-expect-error nor this one
    const remove: AuditStore['delete'] = undefined;
    assert.equal(update ?? remove, undefined);
  });

  test('no route changes or removes an entry', () => {
    const app = testApp();
    const writes = app.app.routes.filter((route) => route.path.startsWith('/staff/audit') && route.method !== 'GET' && route.method !== 'ALL');
    assert.deepEqual(writes, []);
  });
});

describe('what the audit log records', () => {
  test('a read of client data: who, what, which record, when, from which address (through trusted proxies)', async () => {
    const app = testApp({ trustProxy: 1 });
    const clinician = await addStaff(app, 'clinician');
    const owner = await addStaff(app, 'owner');
    const booked = await (await app.book({ start: '2026-03-03T15:00:00Z' })).json();
    const session = await sessionFor(app, clinician.record);
    const read = await staffRequest(app, 'GET', `/staff/bookings/${booked.booking.id}`, { session, headers: { 'X-Forwarded-For': '203.0.113.50' } });
    assert.equal(read.status, 200);
    const ownerSession = await sessionFor(app, owner.record);
    const log = await (await staffRequest(app, 'GET', `/staff/audit?recordId=${booked.booking.id}`, { session: ownerSession })).json();
    assert.deepEqual(log.entries, [
      {
        id: log.entries[0].id,
        at: new Date(app.clock.ms).toISOString().replace('.000Z', 'Z'),
        actor: { type: 'staff', id: clinician.record.id },
        action: 'booking.read',
        record: { type: 'booking', id: booked.booking.id },
        address: '203.0.113.50',
      },
    ]);
  });

  test('changes are recorded: adding, resetting, disabling staff, API keys, sign-in and out; no client data in any entry', async () => {
    const app = testApp();
    const owner = await addStaff(app, 'owner');
    const session = await sessionFor(app, owner.record);
    const added = await (
      await staffRequest(app, 'POST', '/staff/accounts', { session, body: { email: 'Sam.Rivera@Clinic.example', role: 'front-desk' } })
    ).json();
    assert.equal(added.staff.email, 'sam.rivera@clinic.example');
    assert.match(added.setupUrl, /^http:\/\/kap\.test\/console\/setup#token=[\w-]{43}$/);
    await staffRequest(app, 'POST', `/staff/accounts/${added.staff.id}/reset`, { session });
    await staffRequest(app, 'POST', `/staff/accounts/${added.staff.id}/disable`, { session });
    const key = await (await staffRequest(app, 'POST', '/staff/api-keys', { session, body: { name: 'EHR', scopes: ['read:bookings'] } })).json();
    await staffRequest(app, 'DELETE', `/staff/api-keys/${key.apiKey.id}`, { session });
    const { entries } = await (await staffRequest(app, 'GET', '/staff/audit', { session })).json();
    assert.deepEqual(entries.map((entry: { action: string; record?: { id: string } }) => [entry.action, entry.record?.id]).reverse(), [
      ['staff.add', added.staff.id],
      ['staff.reset', added.staff.id],
      ['staff.disable', added.staff.id],
      ['api_key.create', key.apiKey.id],
      ['api_key.revoke', key.apiKey.id],
    ]);
    assert.ok(!JSON.stringify(entries).includes('sam.rivera'), 'ids, never emails or client data');
  });

  test('the list pages and filters by actor and time; a bad filter is a 422', async () => {
    const app = testApp();
    const owner = await addStaff(app, 'owner');
    for (let i = 0; i < 5; i++) {
      await app.stores.audit.append({
        at: app.clock.ms + i * 1000,
        actor: { type: 'staff', id: i % 2 ? 'st_odd' : 'st_even' },
        action: 'booking.read',
        record: { type: 'booking', id: `bk_${i}` },
      });
    }
    const session = await sessionFor(app, owner.record);
    const get = async (query: string) => (await staffRequest(app, 'GET', `/staff/audit?${query}`, { session })).json();
    const first = await get('limit=2&recordType=booking');
    assert.deepEqual(
      first.entries.map((entry: { record: { id: string } }) => entry.record.id),
      ['bk_4', 'bk_3'],
    );
    const second = await get(`limit=2&recordType=booking&before=${first.next}`);
    assert.deepEqual(
      second.entries.map((entry: { record: { id: string } }) => entry.record.id),
      ['bk_2', 'bk_1'],
    );
    assert.deepEqual(
      (await get('actor=st_odd')).entries.map((entry: { record: { id: string } }) => entry.record.id),
      ['bk_3', 'bk_1'],
    );
    const from = new Date(app.clock.ms + 3000).toISOString();
    assert.deepEqual((await get(`recordType=booking&from=${from}`)).entries.length, 2);
    const bad = await staffRequest(app, 'GET', '/staff/audit?from=yesterday&limit=0', { session });
    assert.equal(bad.status, 422);
    assert.deepEqual(Object.keys((await bad.json()).error.fields).sort(), ['from', 'limit']);
  });
});

describe('the CSV export', () => {
  test('cells a spreadsheet would run as formulas are prefixed; every cell is quoted', () => {
    assert.equal(csvCell('=HYPERLINK("http://evil")'), `"'=HYPERLINK(""http://evil"")"`);
    for (const start of ['+', '-', '@', '\t', '\r']) assert.equal(csvCell(`${start}1`), `"'${start}1"`);
    assert.equal(csvCell('booking.read'), '"booking.read"');
    const csv = auditCsv([
      {
        id: '7',
        at: Date.parse('2026-03-02T12:00:00Z'),
        actor: { type: 'staff', id: '=cmd|calc' },
        action: '@SUM(1)',
        record: { type: 'booking', id: '-1+1' },
        address: '192.0.2.1',
      },
    ]);
    assert.equal(
      csv,
      'id,at,actor_type,actor_id,action,record_type,record_id,address\r\n' +
        `"7","2026-03-02T12:00:00Z","staff","'=cmd|calc","'@SUM(1)","booking","'-1+1","192.0.2.1"\r\n`,
    );
  });

  test('the owner downloads the whole filtered log as text/csv, and the export itself is recorded', async () => {
    const app = testApp();
    const owner = await addStaff(app, 'owner');
    for (let i = 0; i < 620; i++)
      await app.stores.audit.append({
        at: app.clock.ms,
        actor: { type: 'api_key', id: 'key_1' },
        action: 'booking.read',
        record: { type: 'booking', id: `bk_${i}` },
      });
    const session = await sessionFor(app, owner.record);
    const response = await staffRequest(app, 'GET', '/staff/audit.csv?actor=key_1', { session });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'text/csv; charset=utf-8');
    assert.match(response.headers.get('Content-Disposition')!, /attachment; filename="audit-log\.csv"/);
    const lines = (await response.text()).trimEnd().split('\r\n');
    assert.equal(lines.length, 621, 'a header and every entry, past one page');
    const { entries } = await app.stores.audit.query({ limit: 1 });
    assert.equal(entries[0]!.action, 'audit.export');
  });
});

describe('what the owner may not do to staff accounts', () => {
  test('an owner cannot disable their own account (409 own_account), even beside another owner, nor the only owner (409 last_owner); neither is audited', async () => {
    const app = testApp();
    const owner = await addStaff(app, 'owner');
    const session = await sessionFor(app, owner.record);
    const own = await staffRequest(app, 'POST', `/staff/accounts/${owner.record.id}/disable`, { session });
    assert.equal(own.status, 409);
    assert.equal((await own.json()).error.code, 'own_account');
    const other = await addStaff(app, 'owner');
    const again = await staffRequest(app, 'POST', `/staff/accounts/${owner.record.id}/disable`, { session });
    assert.equal((await again.json()).error.code, 'own_account', 'with a second owner too');
    assert.equal((await app.stores.staff.find(owner.record.id))!.state, 'active');
    const otherSession = await sessionFor(app, other.record);
    assert.equal((await staffRequest(app, 'POST', `/staff/accounts/${owner.record.id}/disable`, { session: otherSession })).status, 200, 'another owner can');
    const last = await staffRequest(app, 'POST', `/staff/accounts/${owner.record.id}/disable`, { session: otherSession });
    assert.equal(last.status, 200, 'disabling a disabled account again changes nothing');
    const { entries } = await (await staffRequest(app, 'GET', '/staff/audit?recordType=staff', { session: otherSession })).json();
    assert.deepEqual(entries.map((entry: { action: string }) => entry.action).filter((action: string) => action === 'staff.disable').length, 2);
  });
});

describe('the staff list', () => {
  test('each account’s last sign-in, from the audit log; none for an account that never signed in', async () => {
    const app = testApp();
    const owner = await addStaff(app, 'owner');
    const desk = await addStaff(app, 'front-desk');
    await signedIn(app, desk);
    app.clock.ms += 60_000;
    const session = await signedIn(app, owner);
    const { staff } = await (await staffRequest(app, 'GET', '/staff/accounts', { session })).json();
    const at = (id: string) => staff.find((member: { id: string }) => member.id === id).lastSignInAt;
    assert.equal(at(owner.record.id), new Date(app.clock.ms).toISOString().replace('.000Z', 'Z'));
    assert.equal(at(desk.record.id), new Date(app.clock.ms - 60_000).toISOString().replace('.000Z', 'Z'));
    await addStaff(app, 'marketer');
    const again = await (await staffRequest(app, 'GET', '/staff/accounts', { session })).json();
    assert.equal('lastSignInAt' in again.staff.at(-1), false);
  });
});
