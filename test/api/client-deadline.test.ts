/**
 * The client never leaves a client waiting in silence: `onProgress` says when an attempt is slow
 * and when a retry is coming (and after how long), and one total deadline caps every request,
 * retries and waits included. Time is simulated (an injected clock that the fake `fetch` and
 * `sleep` move on), so a "dead backend" costs no real waiting.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KapApiClient, KapApiError, type RequestProgress } from '../../src/api/index.js';
import { API, apiError, clientWith, json, scriptedFetch } from './support.js';

/** A clock that only moves when told; `sleep` moves it by the time slept. */
function simulatedTime() {
  let at = Date.parse('2026-03-04T12:00:00Z');
  const start = at;
  return {
    now: () => at,
    advance: (ms: number) => {
      at += ms;
    },
    sleep: async (ms: number) => {
      at += ms;
    },
    elapsed: () => at - start,
  };
}

function recordProgress() {
  const seen: RequestProgress[] = [];
  return { seen, onProgress: (progress: RequestProgress) => seen.push(progress) };
}

/** The progress events in brief: `attempt 1`, `slow 1`, `retry 1 7000 rate_limited`, `settled`. */
function brief(seen: RequestProgress[]): string[] {
  return seen.map((p) =>
    p.kind === 'retry' ? `retry ${p.attempt} ${p.delayMs} ${p.error.kind}` : p.kind === 'settled' ? 'settled' : `${p.kind} ${p.attempt}`,
  );
}

describe('the total deadline', () => {
  it('a backend that never answers: the client hears the outcome after 30 s, not after four 15 s timeouts', async () => {
    const time = simulatedTime();
    // Each attempt "hangs" for the whole 15 s timeout (simulated), then fails as a timeout would.
    const scripted = scriptedFetch(
      Array.from({ length: 4 }, () => () => {
        time.advance(15_000);
        throw new TypeError('Failed to fetch');
      }),
    );
    const client = new KapApiClient({ api: API, fetch: scripted.fetch, sleep: time.sleep, now: time.now, random: () => 0.5 });
    const progress = recordProgress();
    await assert.rejects(client.listServices({ onProgress: progress.onProgress }), (error: unknown) => {
      assert.ok(error instanceof KapApiError);
      assert.equal(error.kind, 'network');
      return true;
    });
    assert.equal(scripted.calls.length, 2, 'a third attempt could not start before the deadline');
    assert.ok(time.elapsed() <= 30_500, `told after ${time.elapsed()} ms`);
    assert.deepEqual(brief(progress.seen), ['attempt 1', 'retry 1 200 network', 'attempt 2', 'settled']);
  });

  it('an attempt is cut short by the deadline: its timeout is what is left of it', async () => {
    const { client, calls } = clientWith(['hang'], { timeoutMs: 60_000, deadlineMs: 40, retries: 0 });
    const started = Date.now();
    await assert.rejects(client.listServices(), (error: unknown) => error instanceof KapApiError && error.kind === 'timeout');
    assert.ok(Date.now() - started < 5_000);
    assert.equal(calls[0]!.signal.aborted, true);
  });

  it('429 with Retry-After: 59 is reported at once (the wait is the client’s to choose), not waited out in silence', async () => {
    const time = simulatedTime();
    const { client, calls, delays } = clientWith([apiError(429, 'rate_limited', 'Slow down.', {}, { 'Retry-After': '59' }), json(200, { services: [] })], {
      now: time.now,
    });
    const progress = recordProgress();
    await assert.rejects(client.listServices({ onProgress: progress.onProgress }), (error: unknown) => {
      assert.ok(error instanceof KapApiError);
      assert.equal(error.kind, 'rate_limited');
      assert.equal(error.retryAfterMs, 59_000);
      return true;
    });
    assert.equal(calls.length, 1);
    assert.deepEqual(delays, [], 'no silent wait');
    assert.deepEqual(brief(progress.seen), ['attempt 1', 'settled']);
  });

  it('a Retry-After that fits in the deadline is waited out, and the wait is announced first', async () => {
    const time = simulatedTime();
    const { client, delays } = clientWith([apiError(503, 'unavailable', 'Busy.', {}, { 'Retry-After': '7' }), json(200, { services: [] })], {
      now: time.now,
      sleep: time.sleep,
    });
    const progress = recordProgress();
    await client.listServices({ onProgress: progress.onProgress });
    assert.deepEqual(delays, []);
    assert.equal(time.elapsed(), 7_000);
    assert.deepEqual(brief(progress.seen), ['attempt 1', 'retry 1 7000 server', 'attempt 2', 'settled']);
  });

  it('the deadline may be set, and is at least one whole timeout', async () => {
    const time = simulatedTime();
    const steps = () =>
      Array.from({ length: 4 }, () => () => {
        time.advance(20_000);
        throw new TypeError('Failed to fetch');
      });
    const set = scriptedFetch(steps());
    const longer = new KapApiClient({ api: API, fetch: set.fetch, sleep: time.sleep, now: time.now, timeoutMs: 20_000, deadlineMs: 90_000 });
    await assert.rejects(longer.listServices());
    assert.equal(set.calls.length, 4, 'every retry fits in 90 s');
    const defaulted = scriptedFetch(steps());
    const slow = new KapApiClient({ api: API, fetch: defaulted.fetch, sleep: time.sleep, now: time.now, timeoutMs: 45_000 });
    await assert.rejects(slow.listServices());
    // A 45 s timeout makes the default deadline 45 s: room for a third attempt after two 20 s failures.
    assert.equal(defaulted.calls.length, 3);
  });
});

describe('progress', () => {
  it('says an attempt is slow after slowAfterMs, before its timeout', async () => {
    const { client } = clientWith(['hang', json(200, { services: [] })], { timeoutMs: 300, slowAfterMs: 20 });
    const progress = recordProgress();
    await client.listServices({ onProgress: progress.onProgress });
    assert.deepEqual(brief(progress.seen), ['attempt 1', 'slow 1', 'retry 1 200 timeout', 'attempt 2', 'settled']);
  });

  it('slow by default after 3 s, or half the timeout when that is shorter', async () => {
    const { client } = clientWith(['hang'], { timeoutMs: 60, retries: 0 });
    const progress = recordProgress();
    await assert.rejects(client.listServices({ onProgress: progress.onProgress }));
    assert.deepEqual(brief(progress.seen), ['attempt 1', 'slow 1', 'settled']);
  });

  it('a quick answer is never called slow', async () => {
    const { client } = clientWith([json(200, { services: [] })], { slowAfterMs: 1_000 });
    const progress = recordProgress();
    await client.listServices({ onProgress: progress.onProgress });
    assert.deepEqual(brief(progress.seen), ['attempt 1', 'settled']);
  });

  it('settles on an abort too, and a listener that throws changes nothing', async () => {
    const { client } = clientWith(['hang']);
    const controller = new AbortController();
    const seen: string[] = [];
    const pending = client.listServices({
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p.kind);
        throw new Error('listener bug');
      },
    });
    setTimeout(() => controller.abort(), 5);
    await assert.rejects(pending, (error: unknown) => error instanceof DOMException && error.name === 'AbortError');
    assert.deepEqual(seen, ['attempt', 'settled']);
    const quiet = clientWith([json(200, { services: [] })]);
    assert.deepEqual(
      await quiet.client.listServices({
        onProgress: () => {
          throw new Error('bug');
        },
      }),
      [],
    );
  });

  it('a write reports its retries too, with the same key each time', async () => {
    const { client, calls } = clientWith([apiError(502, 'bad_gateway'), json(201, { response: { id: 'ir_1', receivedAt: '2026-03-04T12:00:00Z' } })]);
    const progress = recordProgress();
    const body = { form: 'f', answers: {}, scores: [], flags: [], safety: false, safetyItems: [] };
    await client.submitIntake(body, { idempotencyKey: 'k-1', onProgress: progress.onProgress });
    assert.deepEqual(brief(progress.seen), ['attempt 1', 'retry 1 200 server', 'attempt 2', 'settled']);
    assert.deepEqual(
      calls.map((c) => c.headers.get('Idempotency-Key')),
      ['k-1', 'k-1'],
    );
  });
});
