/** The store suite: Idempotency-Keys — one claim per key, outcomes replayed, kept 24 hours. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sha256Hex } from '../../../server/secrets.js';
import type { IdempotencyClaim } from '../../../server/stores/types.js';
import { DAY, MINUTE, NOW, withStores, type OpenStores } from './fixtures.js';

const KEY = { keyHash: sha256Hex('key'), scope: 'POST /bookings' };

/** A claim at `now` as the middleware makes it: kept 24 hours, retaken after a minute. */
function claimAt(now: number, overrides: Partial<IdempotencyClaim> = {}): IdempotencyClaim {
  return { ...KEY, fingerprint: 'same request', now, forgetCreatedBy: now - DAY, retakeLockedBy: now - MINUTE, ...overrides };
}

const OUTCOME = { status: 201, sealed: new Uint8Array([1, 2, 3]) };

export function idempotencySuite(open: OpenStores): void {
  describe('idempotency keys', () => {
    test('the first claim takes the key; its outcome is then replayed to the same request', () =>
      withStores(open, async (stores) => {
        assert.deepEqual(await stores.idempotency.claim(claimAt(NOW)), { state: 'claimed' });
        await stores.idempotency.complete(KEY, OUTCOME);
        const replay = await stores.idempotency.claim(claimAt(NOW + MINUTE));
        assert.equal(replay.state, 'replay');
        assert.equal(replay.state === 'replay' && replay.outcome.status, 201);
        assert.deepEqual(replay.state === 'replay' && [...replay.outcome.sealed!], [1, 2, 3]);
      }));

    test('an outcome without a body is replayed as one', () =>
      withStores(open, async (stores) => {
        await stores.idempotency.claim(claimAt(NOW));
        await stores.idempotency.complete(KEY, { status: 204, sealed: null });
        assert.deepEqual(await stores.idempotency.claim(claimAt(NOW)), { state: 'replay', outcome: { status: 204, sealed: null } });
      }));

    test('a different request with the key is reused, whether the first is running or done', () =>
      withStores(open, async (stores) => {
        await stores.idempotency.claim(claimAt(NOW));
        assert.deepEqual(await stores.idempotency.claim(claimAt(NOW, { fingerprint: 'other' })), { state: 'reused' });
        await stores.idempotency.complete(KEY, OUTCOME);
        assert.deepEqual(await stores.idempotency.claim(claimAt(NOW, { fingerprint: 'other' })), { state: 'reused' });
      }));

    test('while the first runs the key is in progress, until its lock is stale; then it is retaken', () =>
      withStores(open, async (stores) => {
        await stores.idempotency.claim(claimAt(NOW));
        assert.deepEqual(await stores.idempotency.claim(claimAt(NOW + MINUTE - 1)), { state: 'in_progress' });
        assert.deepEqual(await stores.idempotency.claim(claimAt(NOW + MINUTE)), { state: 'claimed' });
        assert.deepEqual(await stores.idempotency.claim(claimAt(NOW + MINUTE + 1)), { state: 'in_progress' }, 'locked again by the retake');
      }));

    test('a released claim frees the key; a completed one is not released', () =>
      withStores(open, async (stores) => {
        await stores.idempotency.claim(claimAt(NOW));
        await stores.idempotency.release(KEY);
        assert.deepEqual(await stores.idempotency.claim(claimAt(NOW, { fingerprint: 'corrected' })), { state: 'claimed' });
        await stores.idempotency.complete(KEY, OUTCOME);
        await stores.idempotency.release(KEY);
        assert.equal((await stores.idempotency.claim(claimAt(NOW, { fingerprint: 'corrected' }))).state, 'replay');
      }));

    test('an outcome is kept until 24 hours after its claim, then the key is free', () =>
      withStores(open, async (stores) => {
        await stores.idempotency.claim(claimAt(NOW));
        await stores.idempotency.complete(KEY, OUTCOME);
        assert.equal((await stores.idempotency.claim(claimAt(NOW + DAY - 1, { fingerprint: 'new' }))).state, 'reused');
        assert.deepEqual(await stores.idempotency.claim(claimAt(NOW + DAY, { fingerprint: 'new' })), { state: 'claimed' });
      }));

    test('keys are scoped: one key under two scopes is two keys', () =>
      withStores(open, async (stores) => {
        await stores.idempotency.claim(claimAt(NOW));
        assert.deepEqual(await stores.idempotency.claim(claimAt(NOW, { scope: 'POST /holds', fingerprint: 'other' })), { state: 'claimed' });
      }));
  });
}
