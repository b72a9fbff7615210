/**
 * Staff accounts from `npm run staff` to a signed-in console: a one-time set-up link (token in the
 * fragment, stored hashed, 24 hours), a password checked as NIST asks, TOTP enrolled with a
 * current code and recovery codes shown once; list, disable, reset; and integration API keys.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { staffCommand } from '../../server/cli/staff.js';
import { totpCode } from '../../server/auth/totp.js';
import { DAY, HOUR, MINUTE, testApp, type TestApp } from './support.js';
import { addStaff, sessionFor, signIn, staffRequest } from './staff-support.js';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** An app over a file, so that the CLI and the app share the database, as in a clinic. */
function fileApp(): { app: TestApp; env: Record<string, string>; cli: (...args: string[]) => Promise<string[]> } {
  const dir = mkdtempSync(join(tmpdir(), 'kap-staff-'));
  dirs.push(dir);
  const env = { KAP_DB: join(dir, 'kap.sqlite'), KAP_PUBLIC_URL: 'https://api.clinic.example/' };
  const app = testApp({ db: env.KAP_DB });
  const cli = async (...args: string[]) => {
    const lines: string[] = [];
    await staffCommand(args, env, (line) => lines.push(line), app.clock.ms);
    return lines;
  };
  return { app, env, cli };
}

const tokenOf = (lines: string[]) => {
  const link = lines.find((line) => line.startsWith('https://'))!;
  assert.match(link, /^https:\/\/api\.clinic\.example\/console\/setup#token=[\w-]{43}$/);
  return new URL(link).hash.slice('#token='.length);
};

describe('setting up an account from its link', () => {
  test('owner: the link, a TOTP secret, a good password and a current code; recovery codes once; then sign-in', async () => {
    const { app, cli } = fileApp();
    const added = await cli('add', '--email', 'Owner@Clinic.example', '--role', 'owner');
    assert.equal(added[0], 'Added owner@clinic.example as owner.');
    const token = tokenOf(added);
    assert.ok(!JSON.stringify(app.db.prepare('SELECT * FROM staff').all()).includes(token), 'only the token’s hash is stored');

    const start = await staffRequest(app, 'POST', '/staff/setup/start', { body: { token } });
    assert.equal(start.status, 200);
    const started = await start.json();
    assert.deepEqual([started.email, started.role, started.secondFactor.required], ['owner@clinic.example', 'owner', true]);
    assert.match(started.secondFactor.uri, /^otpauth:\/\/totp\/KAP%20clinic:owner%40clinic\.example\?secret=[A-Z2-7]{32}&/);
    const secret = started.secondFactor.secret as string;
    assert.ok(!JSON.stringify(app.db.prepare('SELECT * FROM staff').all()).includes(secret), 'the proposed secret is encrypted');

    const complete = (body: Record<string, unknown>) => staffRequest(app, 'POST', '/staff/setup/complete', { body: { token, ...body } });
    const weak = await complete({ password: 'password1234', code: totpCode(secret, app.clock.ms) });
    assert.equal(weak.status, 422);
    assert.match((await weak.json()).error.fields.password, /most common/);
    const noCode = await complete({ password: 'quiet harbour morning tea' });
    assert.equal(noCode.status, 422, 'an owner must enrol the second factor');
    const wrongCode = await complete({ password: 'quiet harbour morning tea', code: totpCode(secret, app.clock.ms + 5 * MINUTE) });
    assert.deepEqual(Object.keys((await wrongCode.json()).error.fields), ['code']);

    const done = await complete({ password: 'quiet harbour morning tea', code: totpCode(secret, app.clock.ms) });
    assert.equal(done.status, 201, await done.clone().text());
    const body = await done.json();
    assert.equal(body.staff.state, 'active');
    assert.equal(body.staff.secondFactor, true);
    assert.equal(body.recoveryCodes.length, 10);
    const again = await complete({ password: 'quiet harbour morning tea', code: totpCode(secret, app.clock.ms) });
    assert.equal(again.status, 401);
    assert.equal((await again.json()).error.code, 'setup_link_invalid');

    app.clock.advance(30_000);
    const signedIn = await signIn(app, { email: 'OWNER@Clinic.example', password: 'quiet harbour morning tea', code: totpCode(secret, app.clock.ms) });
    assert.equal(signedIn.response.status, 201);
    assert.equal(signedIn.body.staff.role, 'owner');
    const recovered = await signIn(app, { email: 'owner@clinic.example', password: 'quiet harbour morning tea', code: body.recoveryCodes[3] });
    assert.equal(recovered.response.status, 201);
  });

  test('the link lapses after 24 hours; a marketer may skip the second factor', async () => {
    const { app, cli } = fileApp();
    const token = tokenOf(await cli('add', '--email', 'marketing@clinic.example', '--role', 'marketer'));
    app.clock.advance(DAY - MINUTE);
    const started = await (await staffRequest(app, 'POST', '/staff/setup/start', { body: { token } })).json();
    assert.equal(started.secondFactor.required, false);
    const done = await staffRequest(app, 'POST', '/staff/setup/complete', { body: { token, password: 'bright posters every spring' } });
    assert.equal(done.status, 201);
    assert.deepEqual((await done.json()).recoveryCodes, []);

    const late = tokenOf(await cli('add', '--email', 'late@clinic.example', '--role', 'clinician'));
    app.clock.advance(DAY);
    const lapsed = await staffRequest(app, 'POST', '/staff/setup/start', { body: { token: late } });
    assert.equal(lapsed.status, 401);
    assert.equal((await lapsed.json()).error.code, 'setup_link_invalid');
  });

  test('npm run staff: list, disable, reset (the old link dies, a new one works); the last owner stays; each change audited by the CLI', async () => {
    const { app, env, cli } = fileApp();
    assert.match((await cli('list'))[0]!, /No staff accounts yet/);
    const owner = await addStaff(app, 'owner', { email: 'owner@clinic.example' });
    const firstLink = tokenOf(await cli('add', '--email', 'desk@clinic.example', '--role', 'front-desk'));
    await assert.rejects(cli('add', '--email', 'desk@clinic.example', '--role', 'clinician'), /already a staff account/);
    await assert.rejects(cli('add', '--email', 'x@clinic.example', '--role', 'admin'), /--role is one of owner, clinician, front-desk, marketer/);
    const listed = await cli('list');
    assert.deepEqual(
      listed.map((line) => line.split('\t').slice(0, 4)),
      [
        ['owner@clinic.example', 'owner', 'active', 'second factor'],
        ['desk@clinic.example', 'front-desk', 'invited', 'no second factor'],
      ],
    );

    const reset = await cli('reset', '--email', 'desk@clinic.example');
    const secondLink = tokenOf(reset);
    assert.equal((await staffRequest(app, 'POST', '/staff/setup/start', { body: { token: firstLink } })).status, 401);
    assert.equal((await staffRequest(app, 'POST', '/staff/setup/start', { body: { token: secondLink } })).status, 200);

    await assert.rejects(cli('disable', '--email', 'owner@clinic.example'), /only owner/);
    const session = await sessionFor(app, owner.record);
    assert.equal((await cli('disable', '--email', 'desk@clinic.example'))[0], 'Disabled desk@clinic.example; their sessions have ended.');
    const { entries } = await app.stores.audit.query({ actorId: 'cli', limit: 10 });
    assert.deepEqual(entries.map((entry) => entry.action).reverse(), ['staff.add', 'staff.reset', 'staff.disable']);
    assert.equal((await staffRequest(app, 'GET', '/staff/me', { session })).status, 200);

    // The npm script itself, as a new process on the same file.
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/staff.ts', 'list'], {
      cwd: root,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^owner@clinic\.example\towner\tactive/m);
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
    assert.equal(scripts.staff, 'tsx server/cli/staff.ts');
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/staff.ts', 'promote'], {
      cwd: root,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /^Usage: npm run staff -- add --email E --role/);
  });
});

describe('integration API keys', () => {
  test('made by the owner, shown once, stored hashed; reads what its scope allows, each read audited; revoked, it stops', async () => {
    const app = testApp();
    const owner = await addStaff(app, 'owner');
    const session = await sessionFor(app, owner.record);
    const booked = await (await app.book({ start: '2026-03-03T15:00:00Z' })).json();
    const created = await staffRequest(app, 'POST', '/staff/api-keys', { session, body: { name: 'EHR sync', scopes: ['read:bookings', 'read:bookings'] } });
    assert.equal(created.status, 201);
    const { apiKey, secret } = await created.json();
    assert.match(secret, /^kap_[\w-]{43}$/);
    assert.deepEqual(apiKey.scopes, ['read:bookings']);
    assert.ok(!JSON.stringify(app.db.prepare('SELECT * FROM api_keys').all()).includes(secret));
    const listed = await (await staffRequest(app, 'GET', '/staff/api-keys', { session })).json();
    assert.ok(!JSON.stringify(listed).includes(secret), 'never shown again');

    app.clock.advance(HOUR);
    const read = await app.request(`/staff/bookings/${booked.booking.id}`, { headers: { Authorization: `Bearer ${secret}` } });
    assert.equal(read.status, 200);
    assert.equal((await read.json()).booking.client.name, 'Rosalind Vance');
    const [entry] = (await app.stores.audit.query({ actorId: apiKey.id, limit: 1 })).entries;
    assert.deepEqual([entry!.action, entry!.record], ['booking.read', { type: 'booking', id: booked.booking.id }]);
    const later = await sessionFor(app, owner.record);
    const [used] = (await (await staffRequest(app, 'GET', '/staff/api-keys', { session: later })).json()).apiKeys;
    assert.equal(used.lastUsedAt, new Date(app.clock.ms).toISOString().replace('.000Z', 'Z'));

    assert.equal((await staffRequest(app, 'DELETE', `/staff/api-keys/${apiKey.id}`, { session: later })).status, 200);
    const revoked = await app.request(`/staff/bookings/${booked.booking.id}`, { headers: { Authorization: `Bearer ${secret}` } });
    assert.equal(revoked.status, 401);
    assert.equal(revoked.headers.get('WWW-Authenticate'), 'Bearer');
  });
});
