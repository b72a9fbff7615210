/**
 * The store suite: the staff side — accounts and their set-up, TOTP steps and recovery codes used
 * once, sign-in throttling, sessions with their limits, API keys, and the audit log.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sha256Hex } from '../../../server/secrets.js';
import type { Stores } from '../../../server/stores/types.js';
import { DAY, HOUR, MINUTE, NOW, refused, withStores, type OpenStores } from './fixtures.js';

const setup = (name: string, expiresAt = NOW + DAY) => ({ tokenHash: sha256Hex(name), expiresAt });
const LIMITS = { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR };

async function activeOwner(stores: Stores, email = 'owner@clinic.example') {
  const staff = await stores.staff.add({ email, role: 'owner', setup: setup(email), now: NOW });
  return stores.staff.completeSetup({
    staffId: staff.id,
    tokenHash: sha256Hex(email),
    passwordHash: '$argon2id$stand-in',
    totp: { secret: 'JBSWY3DPEHPK3PXP', step: 100, recoveryCodeHashes: [sha256Hex('code 1'), sha256Hex('code 2')] },
    now: NOW,
  });
}

export function staffSuite(open: OpenStores): void {
  describe('staff accounts', () => {
    test('an account starts invited, with no password; its email is taken once', () =>
      withStores(open, async (stores) => {
        const added = await stores.staff.add({ email: 'ann@clinic.example', role: 'clinician', setup: setup('t'), now: NOW });
        assert.deepEqual(
          { ...added, id: undefined },
          { id: undefined, email: 'ann@clinic.example', role: 'clinician', state: 'invited', passwordHash: undefined, totp: undefined, createdAt: NOW },
        );
        assert.deepEqual(await stores.staff.find(added.id), added);
        assert.deepEqual(await stores.staff.findByEmail('ann@clinic.example'), added);
        await refused(stores.staff.add({ email: 'ann@clinic.example', role: 'owner', setup: setup('u'), now: NOW }), 'email_taken');
        assert.deepEqual(
          (await stores.staff.list()).map((staff) => staff.id),
          [added.id],
        );
      }));

    test('a set-up token is live until it lapses, keeps a proposed secret, and completes the set-up once', () =>
      withStores(open, async (stores) => {
        const added = await stores.staff.add({ email: 'ann@clinic.example', role: 'clinician', setup: setup('t', NOW + HOUR), now: NOW });
        assert.equal(await stores.staff.findSetup(sha256Hex('wrong'), NOW), undefined);
        assert.equal(await stores.staff.findSetup(sha256Hex('t'), NOW + HOUR), undefined, 'lapsed');
        assert.equal(await stores.staff.proposeTotp(sha256Hex('t'), 'SECRET', NOW + HOUR), false);
        assert.equal(await stores.staff.proposeTotp(sha256Hex('t'), 'JBSWY3DPEHPK3PXP', NOW), true);
        assert.deepEqual(await stores.staff.findSetup(sha256Hex('t'), NOW), { staff: added, proposedTotpSecret: 'JBSWY3DPEHPK3PXP' });
        const done = await stores.staff.completeSetup({
          staffId: added.id,
          tokenHash: sha256Hex('t'),
          passwordHash: '$argon2id$stand-in',
          totp: { secret: 'JBSWY3DPEHPK3PXP', step: 7, recoveryCodeHashes: [sha256Hex('r')] },
          now: NOW,
        });
        assert.equal(done.state, 'active');
        assert.equal(done.passwordHash, '$argon2id$stand-in');
        assert.deepEqual(done.totp, { secret: 'JBSWY3DPEHPK3PXP', lastStep: 7 });
        assert.equal(await stores.staff.findSetup(sha256Hex('t'), NOW), undefined, 'used');
        await refused(stores.staff.completeSetup({ staffId: added.id, tokenHash: sha256Hex('t'), passwordHash: 'x', now: NOW }), 'setup_token_invalid');
      }));

    test('a TOTP step is used once and never an earlier one; a recovery code once', () =>
      withStores(open, async (stores) => {
        const owner = await activeOwner(stores);
        assert.equal(await stores.staff.useTotpStep(owner.id, 100), false, 'the step set-up used');
        assert.equal(await stores.staff.useTotpStep(owner.id, 101), true);
        assert.equal(await stores.staff.useTotpStep(owner.id, 101), false);
        assert.equal(await stores.staff.useTotpStep(owner.id, 99), false);
        assert.equal((await stores.staff.find(owner.id))!.totp!.lastStep, 101);
        assert.equal(await stores.staff.recoveryCodesLeft(owner.id), 2);
        assert.equal(await stores.staff.useRecoveryCode(owner.id, sha256Hex('code 1'), NOW), true);
        assert.equal(await stores.staff.useRecoveryCode(owner.id, sha256Hex('code 1'), NOW), false);
        assert.equal(await stores.staff.useRecoveryCode(owner.id, sha256Hex('not a code'), NOW), false);
        assert.equal(await stores.staff.recoveryCodesLeft(owner.id), 1);
      }));

    test('a reset clears password, second factor, recovery codes and sessions, and only the new token sets up', () =>
      withStores(open, async (stores) => {
        const owner = await activeOwner(stores);
        const session = await stores.sessions.create({ tokenHash: sha256Hex('s'), staffId: owner.id, secondFactor: 'totp', now: NOW });
        assert.ok(session.id);
        const reset = await stores.staff.reset(owner.id, setup('again'), NOW + MINUTE);
        assert.deepEqual([reset.state, reset.passwordHash, reset.totp], ['invited', undefined, undefined]);
        assert.equal(await stores.staff.recoveryCodesLeft(owner.id), 0);
        assert.equal(await stores.sessions.resume(sha256Hex('s'), NOW + MINUTE, LIMITS), undefined);
        assert.equal((await stores.staff.findSetup(sha256Hex('again'), NOW + MINUTE))?.staff.id, owner.id);
        await refused(stores.staff.reset('st_nobody', setup('x'), NOW), 'staff_not_found');
      }));

    test('disabling ends the sessions; the only active owner cannot be disabled', () =>
      withStores(open, async (stores) => {
        const owner = await activeOwner(stores);
        await refused(stores.staff.disable(owner.id, NOW), 'last_owner');
        const second = await activeOwner(stores, 'second@clinic.example');
        await stores.sessions.create({ tokenHash: sha256Hex('s'), staffId: owner.id, secondFactor: 'totp', now: NOW });
        assert.equal((await stores.staff.disable(owner.id, NOW)).state, 'disabled');
        assert.equal(await stores.sessions.resume(sha256Hex('s'), NOW, LIMITS), undefined);
        await refused(stores.staff.disable(second.id, NOW), 'last_owner');
        await refused(stores.staff.disable('st_nobody', NOW), 'staff_not_found');
      }));
  });

  describe('sign-in throttling', () => {
    test('failures count per key, start again after the forget time, and clear', () =>
      withStores(open, async (stores) => {
        const keys = ['account:a', 'address:b'];
        await stores.signInThrottle.recordFailure(keys, NOW, NOW - DAY);
        const twice = await stores.signInThrottle.recordFailure(keys, NOW + 1, NOW + 1 - DAY);
        assert.deepEqual(twice.get('account:a'), { failures: 2, lastFailureAt: NOW + 1 });
        assert.deepEqual(await stores.signInThrottle.read(['account:a', 'account:none']), new Map([['account:a', { failures: 2, lastFailureAt: NOW + 1 }]]));
        const later = await stores.signInThrottle.recordFailure(['account:a'], NOW + 2 * DAY, NOW + DAY);
        assert.equal(later.get('account:a')!.failures, 1, 'forgotten a day after its last failure');
        await stores.signInThrottle.clear('account:a');
        assert.deepEqual([...(await stores.signInThrottle.read(keys)).keys()], ['address:b']);
      }));
  });

  describe('sessions', () => {
    test('a session is found by its token’s hash, kept alive by use, ended past its idle or absolute limit', () =>
      withStores(open, async (stores) => {
        const owner = await activeOwner(stores);
        const created = await stores.sessions.create({ tokenHash: sha256Hex('s'), staffId: owner.id, secondFactor: 'recovery_code', now: NOW });
        assert.deepEqual(
          { ...created, id: undefined },
          { id: undefined, tokenHash: sha256Hex('s'), staffId: owner.id, secondFactor: 'recovery_code', createdAt: NOW, lastSeenAt: NOW },
        );
        assert.equal((await stores.sessions.resume(sha256Hex('s'), NOW + 29 * MINUTE, LIMITS))?.lastSeenAt, NOW + 29 * MINUTE);
        assert.equal((await stores.sessions.resume(sha256Hex('s'), NOW + 58 * MINUTE, LIMITS))?.id, created.id);
        assert.equal(await stores.sessions.resume(sha256Hex('s'), NOW + 88 * MINUTE, LIMITS), undefined, 'idle');
        assert.equal(await stores.sessions.resume(sha256Hex('s'), NOW + 89 * MINUTE, { idleMs: DAY, absoluteMs: DAY }), undefined, 'deleted, not just refused');

        await stores.sessions.create({ tokenHash: sha256Hex('long'), staffId: owner.id, secondFactor: 'totp', now: NOW });
        assert.ok(await stores.sessions.resume(sha256Hex('long'), NOW + 12 * HOUR - 1, { idleMs: DAY, absoluteMs: 12 * HOUR }));
        assert.equal(await stores.sessions.resume(sha256Hex('long'), NOW + 12 * HOUR, { idleMs: DAY, absoluteMs: 12 * HOUR }), undefined, 'absolute');
      }));

    test('a new session ends the one it replaces; sign-out ends one; sign-out everywhere ends the account’s', () =>
      withStores(open, async (stores) => {
        const owner = await activeOwner(stores);
        const other = await activeOwner(stores, 'other@clinic.example');
        await stores.sessions.create({ tokenHash: sha256Hex('old'), staffId: owner.id, secondFactor: 'totp', now: NOW });
        await stores.sessions.create({ tokenHash: sha256Hex('new'), staffId: owner.id, secondFactor: 'totp', now: NOW, replacing: sha256Hex('old') });
        assert.equal(await stores.sessions.resume(sha256Hex('old'), NOW, LIMITS), undefined);
        await stores.sessions.create({ tokenHash: sha256Hex('phone'), staffId: owner.id, secondFactor: 'totp', now: NOW });
        await stores.sessions.create({ tokenHash: sha256Hex('theirs'), staffId: other.id, secondFactor: 'totp', now: NOW });
        await stores.sessions.end(sha256Hex('phone'));
        assert.equal(await stores.sessions.resume(sha256Hex('phone'), NOW, LIMITS), undefined);
        assert.equal(await stores.sessions.endAll(owner.id), 1);
        assert.equal(await stores.sessions.resume(sha256Hex('new'), NOW, LIMITS), undefined);
        assert.ok(await stores.sessions.resume(sha256Hex('theirs'), NOW, LIMITS));
      }));
  });

  describe('API keys', () => {
    test('a key is found by its secret’s hash, records its last use, and stops working once revoked', () =>
      withStores(open, async (stores) => {
        const key = await stores.apiKeys.create({
          name: 'EHR sync',
          scopes: ['read:bookings'],
          secretHash: sha256Hex('kap_1'),
          createdBy: 'st_owner',
          now: NOW,
        });
        assert.deepEqual(
          { ...key, id: undefined },
          { id: undefined, name: 'EHR sync', scopes: ['read:bookings'], createdBy: 'st_owner', createdAt: NOW, lastUsedAt: undefined, revokedAt: undefined },
        );
        assert.equal(await stores.apiKeys.use(sha256Hex('kap_2'), NOW), undefined);
        assert.equal((await stores.apiKeys.use(sha256Hex('kap_1'), NOW + MINUTE))?.lastUsedAt, NOW + MINUTE);
        assert.equal((await stores.apiKeys.list())[0]!.lastUsedAt, NOW + MINUTE);
        assert.equal((await stores.apiKeys.revoke(key.id, NOW + HOUR))?.revokedAt, NOW + HOUR);
        assert.equal((await stores.apiKeys.revoke(key.id, NOW + DAY))?.revokedAt, NOW + HOUR, 'revoking again changes nothing');
        assert.equal(await stores.apiKeys.use(sha256Hex('kap_1'), NOW + DAY), undefined);
        assert.equal(await stores.apiKeys.revoke('key_nobody', NOW), undefined);
      }));
  });

  describe('the audit log', () => {
    test('entries are appended, read newest first, filtered by actor, record and time, and paged', () =>
      withStores(open, async (stores) => {
        const first = await stores.audit.append({
          at: NOW,
          actor: { type: 'staff', id: 'st_a' },
          action: 'booking.read',
          record: { type: 'booking', id: 'bk_1' },
          address: '192.0.2.1',
        });
        await stores.audit.append({ at: NOW + 1, actor: { type: 'api_key', id: 'key_1' }, action: 'booking.read', record: { type: 'booking', id: 'bk_2' } });
        await stores.audit.append({ at: NOW + 2, actor: { type: 'anonymous' }, action: 'session.sign_in_failed' });
        await stores.audit.append({ at: NOW + 3, actor: { type: 'system', id: 'cli' }, action: 'staff.add', record: { type: 'staff', id: 'st_a' } });
        assert.deepEqual(first, {
          id: first.id,
          at: NOW,
          actor: { type: 'staff', id: 'st_a' },
          action: 'booking.read',
          record: { type: 'booking', id: 'bk_1' },
          address: '192.0.2.1',
        });
        const all = await stores.audit.query({ limit: 10 });
        assert.deepEqual(
          all.entries.map((entry) => entry.action),
          ['staff.add', 'session.sign_in_failed', 'booking.read', 'booking.read'],
        );
        assert.deepEqual(all.entries[1], { id: all.entries[1]!.id, at: NOW + 2, actor: { type: 'anonymous' }, action: 'session.sign_in_failed' });
        assert.equal(all.next, undefined);
        assert.deepEqual(
          (await stores.audit.query({ actorId: 'st_a', limit: 10 })).entries.map((entry) => entry.at),
          [NOW],
        );
        assert.deepEqual(
          (await stores.audit.query({ recordType: 'staff', recordId: 'st_a', limit: 10 })).entries.map((entry) => entry.at),
          [NOW + 3],
        );
        assert.deepEqual(
          (await stores.audit.query({ from: NOW + 1, to: NOW + 3, limit: 10 })).entries.map((entry) => entry.at),
          [NOW + 2, NOW + 1],
        );
        const page = await stores.audit.query({ limit: 3 });
        assert.equal(page.entries.length, 3);
        assert.ok(page.next);
        assert.deepEqual(
          (await stores.audit.query({ limit: 3, before: page.next })).entries.map((entry) => entry.at),
          [NOW],
        );
      }));
  });
}
