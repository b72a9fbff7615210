/**
 * Signing in to the console, attacked: wrong passwords, lockout per account and per address, one
 * answer whether or not the account exists, session fixation, CSRF from another origin, the
 * cookie's flags on http and https, TOTP replay, recovery codes used once, idle and absolute expiry
 * on an injected clock, signing out everywhere.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MINUTE, HOUR, testApp, type TestApp } from './support.js';
import { addStaff, codeOf, signIn, signedIn, staffRequest, type Session } from './staff-support.js';
import { attemptSignIn } from '../../server/auth/sign-in.js';
import { verifyPassword } from '../../server/auth/passwords.js';

const me = (app: TestApp, session: Session) => staffRequest(app, 'GET', '/staff/me', { session });

describe('signing in', () => {
  test('password and current code: 201, a session cookie that is HttpOnly, SameSite=Strict, Path=/, and who is signed in with the CSRF token', async () => {
    const app = testApp();
    const owner = await addStaff(app, 'owner');
    const { response, body, session } = await signIn(app, { email: owner.email, password: owner.password, code: codeOf(app, owner) });
    assert.equal(response.status, 201);
    assert.match(response.headers.get('Set-Cookie')!, /^kap_staff=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    assert.equal(body.staff.role, 'owner');
    assert.ok(body.staff.permissions.includes('staff:manage'));
    assert.equal(body.csrfToken, session!.csrf);
    assert.equal(body.session.idleTimeoutSeconds, 1800);
    assert.equal(body.session.expiresAt, new Date(app.clock.ms + 12 * HOUR).toISOString().replace('.000Z', 'Z'));
    assert.equal(body.session.recoveryCodesLeft, 10);
    assert.equal((await me(app, session!)).status, 200);
    assert.ok(!JSON.stringify(app.logs).includes(owner.email), 'no email in the request log');
  });

  test('on https the cookie is __Host- and Secure; behind a trusted proxy X-Forwarded-Proto counts, from anyone else it does not', async () => {
    const direct = testApp();
    const owner = await addStaff(direct, 'owner');
    const https = await signIn(direct, { email: owner.email, password: owner.password, code: codeOf(direct, owner) }, { origin: 'https://kap.test' });
    assert.equal(https.response.status, 201);
    assert.match(https.response.headers.get('Set-Cookie')!, /^__Host-kap_staff=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Secure$/);
    assert.equal((await staffRequest(direct, 'GET', '/staff/me', { session: https.session!, origin: 'https://kap.test' })).status, 200);
    // The plain name is not read on https, nor the __Host- one on http.
    const plainOnHttps = { ...https.session!, cookie: `kap_staff=${https.session!.token}` };
    assert.equal((await staffRequest(direct, 'GET', '/staff/me', { session: plainOnHttps, origin: 'https://kap.test' })).status, 401);

    const forwarded = { 'X-Forwarded-Proto': 'https' };
    const proxied = testApp({ trustProxy: 1 });
    const viaProxy = await addStaff(proxied, 'owner');
    const trusted = await signIn(proxied, { email: viaProxy.email, password: viaProxy.password, code: codeOf(proxied, viaProxy) }, { headers: forwarded });
    assert.match(trusted.response.headers.get('Set-Cookie')!, /^__Host-kap_staff=.*; Secure$/);

    const untrustedApp = testApp({ trustProxy: '10.0.0.0/8' });
    const stranger = await addStaff(untrustedApp, 'owner');
    const untrusted = await signIn(
      untrustedApp,
      { email: stranger.email, password: stranger.password, code: codeOf(untrustedApp, stranger) },
      { headers: forwarded },
    );
    assert.match(
      untrusted.response.headers.get('Set-Cookie')!,
      /^kap_staff=[^;]+; Path=\/; HttpOnly; SameSite=Strict$/,
      'the header of a client that is not a trusted proxy is ignored',
    );
  });

  test('a wrong password, a wrong or missing code, an unknown, disabled or unfinished account: the same 401 and body', async () => {
    const app = testApp();
    const owner = await addStaff(app, 'owner');
    const other = await addStaff(app, 'owner');
    await app.stores.staff.disable(other.record.id, app.clock.ms);
    const invited = await app.request('/health'); // keep the app warm
    assert.equal(invited.status, 200);
    const attempts = [
      { email: owner.email, password: 'not the password at all', code: codeOf(app, owner) },
      { email: owner.email, password: owner.password, code: '000000' === codeOf(app, owner) ? '111111' : '000000' },
      { email: owner.email, password: owner.password },
      { email: 'nobody@clinic.example', password: owner.password, code: codeOf(app, owner) },
      { email: other.email, password: other.password, code: codeOf(app, other) },
    ];
    const answers = [];
    for (const attempt of attempts) {
      const { response, body, session } = await signIn(app, attempt);
      assert.equal(session, undefined);
      answers.push({ status: response.status, body, cookie: response.headers.get('Set-Cookie') });
    }
    for (const answer of answers) assert.deepEqual(answer, { ...answers[0], cookie: null });
    assert.equal(answers[0]!.status, 401);
    assert.equal(answers[0]!.body.error.code, 'sign_in_failed');
  });

  test('an unknown account costs the server an argon2id verification too, as a known one does', async () => {
    // Observed, not timed (timings flake on a shared machine): each failure is one password check.
    const app = testApp();
    const owner = await addStaff(app, 'owner');
    const checked: (string | undefined)[] = [];
    const watch = (stored: string | undefined, password: string) => (checked.push(stored), verifyPassword(stored, password));
    for (const [email, client] of [
      [owner.email, '192.0.2.10'],
      ['nobody@clinic.example', '192.0.2.20'],
    ] as const) {
      const outcome = await attemptSignIn(app.stores, { email, password: 'wrong password here', code: '123456', client, now: app.clock.ms }, watch);
      assert.equal(outcome.ok, false);
    }
    assert.equal(checked.length, 2, 'one verification each');
    assert.match(checked[0]!, /^\$argon2id\$/, "the known account's hash");
    assert.equal(checked[1], undefined, 'the unknown account: verifyPassword then checks the dummy hash (test/server/totp.test.ts)');
  });

  test('a marketer without a second factor signs in with the password alone; an owner never does', async () => {
    const app = testApp();
    const marketer = await addStaff(app, 'marketer', { secondFactor: false });
    assert.equal((await signIn(app, { email: marketer.email, password: marketer.password })).response.status, 201);
    const owner = await addStaff(app, 'owner');
    assert.equal((await signIn(app, { email: owner.email, password: owner.password })).response.status, 401);
  });
});

describe('failed sign-ins are slowed, then locked', () => {
  test('per account: five tries, then waits that double, then 15 minutes; a locked try is refused before the password is looked at', async () => {
    const app = testApp();
    const owner = await addStaff(app, 'owner');
    const wrong = () => signIn(app, { email: owner.email, password: 'wrong password guess', code: codeOf(app, owner) });
    for (let i = 0; i < 5; i++) assert.equal((await wrong()).response.status, 401, `try ${i + 1}`);
    const locked = await signIn(app, { email: owner.email, password: owner.password, code: codeOf(app, owner) });
    assert.equal(locked.response.status, 429, 'even the right password waits');
    assert.equal(locked.body.error.code, 'too_many_attempts');
    assert.equal(locked.response.headers.get('Retry-After'), '2');
    app.clock.advance(2000);
    assert.equal((await wrong()).response.status, 401);
    assert.equal((await wrong()).response.headers.get('Retry-After'), '4', 'the wait doubles');
    for (const wait of [4, 8, 16, 32]) {
      app.clock.advance(wait * 1000);
      assert.equal((await wrong()).response.status, 401);
    }
    const lockedOut = await wrong();
    assert.equal(lockedOut.response.status, 429);
    assert.equal(lockedOut.response.headers.get('Retry-After'), String(15 * 60), 'ten failures: a 15-minute lockout');
    app.clock.advance(15 * MINUTE);
    const session = await signedIn(app, owner);
    assert.equal((await me(app, session)).status, 200);
    assert.equal((await wrong()).response.status, 401, 'a success clears the account’s count');
  });

  test('an unknown account is slowed exactly like a known one, so the lockout tells nothing', async () => {
    const app = testApp();
    const owner = await addStaff(app, 'owner');
    const answers = async (email: string) => {
      const statuses: (number | string | null)[] = [];
      for (let i = 0; i < 6; i++) {
        const { response } = await signIn(app, { email, password: 'wrong password guess', code: '123456' });
        statuses.push(response.status, response.headers.get('Retry-After'));
      }
      return statuses;
    };
    assert.deepEqual(await answers('nobody@clinic.example'), await answers(owner.email));
  });

  test('per address: twenty failures across any accounts, then that address waits — another address does not', async () => {
    const app = testApp({ trustProxy: 1 });
    const owner = await addStaff(app, 'owner');
    const from = (address: string) => ({ headers: { 'X-Forwarded-For': address } });
    for (let i = 0; i < 20; i++) {
      const { response } = await signIn(app, { email: `guess-${i}@clinic.example`, password: 'Summer2026 password' }, from('198.51.100.7'));
      assert.equal(response.status, 401);
    }
    const credentials = { email: owner.email, password: owner.password, code: codeOf(app, owner) };
    assert.equal((await signIn(app, { email: 'one-more@clinic.example', password: 'x'.repeat(12) }, from('198.51.100.7'))).response.status, 401);
    const sprayed = await signIn(app, credentials, from('198.51.100.7'));
    assert.equal(sprayed.response.status, 429);
    assert.equal(sprayed.response.headers.get('Retry-After'), '2');
    assert.equal((await signIn(app, credentials, from('203.0.113.9'))).response.status, 201);
  });
});

describe('sessions', () => {
  test('no fixation: signing in issues a new session id, and the cookie the browser had no longer opens anything', async () => {
    const app = testApp();
    const owner = await addStaff(app, 'owner');
    const before = await signedIn(app, owner);
    app.clock.advance(30_000);
    const again = await signIn(app, { email: owner.email, password: owner.password, code: codeOf(app, owner) }, { session: before });
    assert.equal(again.response.status, 201);
    assert.notEqual(again.session!.token, before.token);
    assert.equal((await me(app, before)).status, 401, 'the earlier session ended');
    assert.equal((await me(app, again.session!)).status, 200);

    // A value an attacker planted is never adopted.
    app.clock.advance(30_000);
    const planted: Session = { token: 'A'.repeat(43), cookie: `kap_staff=${'A'.repeat(43)}`, csrf: 'x' };
    const chosen = await signIn(app, { email: owner.email, password: owner.password, code: codeOf(app, owner) }, { session: planted });
    assert.notEqual(chosen.session!.token, planted.token);
    assert.equal((await me(app, planted)).status, 401);
  });

  test('CSRF: a state-changing request needs this session’s X-CSRF-Token and must come from the same origin', async () => {
    const app = testApp();
    const owner = await addStaff(app, 'owner');
    const session = await signedIn(app, owner);
    const signOut = (request: Parameters<typeof staffRequest>[3]) => staffRequest(app, 'DELETE', '/staff/session', { session, ...request });
    const refusals = [
      await signOut({ headers: { 'Sec-Fetch-Site': 'cross-site' } }),
      await signOut({ headers: { 'Sec-Fetch-Site': 'same-site' } }), // the clinic's website on a sibling host
      await signOut({ csrf: false }),
      await signOut({ headers: { 'X-CSRF-Token': 'forged' } }),
    ];
    const noFetchMetadata = await app.request('http://kap.test/staff/session', {
      method: 'DELETE',
      headers: { Cookie: session.cookie, 'X-CSRF-Token': session.csrf, Origin: 'https://evil.example' },
    });
    for (const refused of [...refusals, noFetchMetadata]) {
      assert.equal(refused.status, 403);
      assert.equal((await refused.json()).error.code, 'csrf_refused');
    }
    assert.equal((await me(app, session)).status, 200, 'still signed in');
    assert.equal((await signOut({})).status, 204);
    assert.equal((await me(app, session)).status, 401);

    // Signing in from another origin (login CSRF) is refused too.
    const crossSignIn = await signIn(
      app,
      { email: owner.email, password: owner.password, code: codeOf(app, owner, 1) },
      { headers: { 'Sec-Fetch-Site': 'cross-site' } },
    );
    assert.equal(crossSignIn.response.status, 403);
  });

  test('a TOTP code works once: the same code again, or an older one, is refused within its window', async () => {
    const app = testApp();
    const owner = await addStaff(app, 'owner');
    const code = codeOf(app, owner);
    const first = await signIn(app, { email: owner.email, password: owner.password, code });
    assert.equal(first.response.status, 201);
    await staffRequest(app, 'DELETE', '/staff/session', { session: first.session! });
    assert.equal((await signIn(app, { email: owner.email, password: owner.password, code })).response.status, 401, 'replayed');
    app.clock.advance(30_000);
    assert.equal((await signIn(app, { email: owner.email, password: owner.password, code })).response.status, 401, 'still within ±1 step, still refused');
    assert.equal(
      (await signIn(app, { email: owner.email, password: owner.password, code: codeOf(app, owner) })).response.status,
      201,
      'the next step’s code works',
    );
  });

  test('a recovery code signs in once; the count of those left goes down', async () => {
    const app = testApp();
    const clinician = await addStaff(app, 'clinician');
    const [code] = clinician.recoveryCodes;
    const first = await signIn(app, { email: clinician.email, password: clinician.password, code: code!.toLowerCase() });
    assert.equal(first.response.status, 201);
    assert.equal(first.body.session.recoveryCodesLeft, 9);
    assert.equal((await signIn(app, { email: clinician.email, password: clinician.password, code: code! })).response.status, 401);
    const entries = await app.stores.audit.query({ actorId: clinician.record.id, limit: 10 });
    assert.ok(entries.entries.some((entry) => entry.action === 'session.sign_in'));
  });

  test('idle for 30 minutes, or 12 hours after sign-in, a session ends', async () => {
    const app = testApp();
    const owner = await addStaff(app, 'owner');
    const session = await signedIn(app, owner);
    app.clock.advance(29 * MINUTE);
    assert.equal((await me(app, session)).status, 200);
    app.clock.advance(29 * MINUTE);
    assert.equal((await me(app, session)).status, 200, 'each request keeps it alive');
    app.clock.advance(30 * MINUTE);
    const idle = await me(app, session);
    assert.equal(idle.status, 401);
    assert.match(idle.headers.get('Set-Cookie') ?? '', /^kap_staff=; .*Max-Age=0/, 'the dead cookie is removed');

    app.clock.advance(MINUTE);
    const busy = await signedIn(app, owner);
    for (let elapsed = 0; elapsed < 12 * HOUR - 20 * MINUTE; elapsed += 20 * MINUTE) {
      app.clock.advance(20 * MINUTE);
      assert.equal((await me(app, busy)).status, 200);
    }
    app.clock.advance(20 * MINUTE);
    assert.equal((await me(app, busy)).status, 401, 'twelve hours after sign-in, however busy');
  });

  test('sign out everywhere ends every session of the account, and only its own', async () => {
    const app = testApp();
    const owner = await addStaff(app, 'owner');
    const clinician = await addStaff(app, 'clinician');
    const laptop = await signedIn(app, owner);
    app.clock.advance(30_000);
    const phone = await signedIn(app, owner);
    const colleague = await signedIn(app, clinician);
    assert.equal((await staffRequest(app, 'DELETE', '/staff/sessions', { session: phone })).status, 204);
    assert.equal((await me(app, laptop)).status, 401);
    assert.equal((await me(app, phone)).status, 401);
    assert.equal((await me(app, colleague)).status, 200);
  });

  test('disabling an account ends its sessions at once', async () => {
    const app = testApp();
    await addStaff(app, 'owner');
    const frontDesk = await addStaff(app, 'front-desk');
    const session = await signedIn(app, frontDesk);
    await app.stores.staff.disable(frontDesk.record.id, app.clock.ms);
    assert.equal((await me(app, session)).status, 401);
  });
});
