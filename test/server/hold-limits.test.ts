/**
 * Nobody can hold slots in bulk: one client (its address as resolved through trusted proxies)
 * keeps at most 4 live holds, at most 2 of them on one clinic day. Past a cap the answer is
 * `429 too_many_holds` with `Retry-After` until one of its holds lapses.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bearer } from './journey-support.js';
import { DAY, MINUTE, countRows, testApp, type TestApp } from './support.js';

const TUESDAY = ['2026-03-03T15:00:00Z', '2026-03-03T16:00:00Z', '2026-03-03T17:00:00Z'];
const OTHER_DAYS = ['2026-03-04T15:00:00Z', '2026-03-05T15:00:00Z', '2026-03-06T15:00:00Z'];

/** `POST holds` as it arrives from `address` (the socket's peer), optionally through a proxy. */
async function holdFrom(app: TestApp, address: string, start: string, forwardedFor?: string): Promise<Response> {
  return app.app.request(
    '/holds',
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}) },
      body: JSON.stringify({ service: 'consultation', start }),
    },
    { incoming: { socket: { remoteAddress: address } } } as never,
  );
}

async function expectTooMany(response: Response, retryAfter: string): Promise<void> {
  assert.equal(response.status, 429);
  assert.equal(response.headers.get('Retry-After'), retryAfter);
  const { error } = await response.json();
  assert.equal(error.code, 'too_many_holds');
  assert.ok(!/203\.0\.113/.test(error.message), 'the message does not echo the address');
}

describe('live holds per client', () => {
  test('two on one clinic day, then 429 too_many_holds until the first lapses', async () => {
    const app = testApp();
    assert.equal((await holdFrom(app, '203.0.113.7', TUESDAY[0]!)).status, 201);
    app.clock.advance(MINUTE);
    assert.equal((await holdFrom(app, '203.0.113.7', TUESDAY[1]!)).status, 201);
    await expectTooMany(await holdFrom(app, '203.0.113.7', TUESDAY[2]!), '240');
    assert.equal((await holdFrom(app, '203.0.113.7', OTHER_DAYS[0]!)).status, 201, 'another day is fine');
    app.clock.advance(4 * MINUTE);
    assert.equal((await holdFrom(app, '203.0.113.7', TUESDAY[2]!)).status, 201, 'the first has lapsed');
  });

  test('four in all, then 429; another client is not affected', async () => {
    const app = testApp();
    for (const start of [TUESDAY[0]!, ...OTHER_DAYS]) assert.equal((await holdFrom(app, '203.0.113.7', start)).status, 201, start);
    await expectTooMany(await holdFrom(app, '203.0.113.7', '2026-03-09T15:00:00Z'), '300');
    assert.equal((await holdFrom(app, '198.51.100.20', '2026-03-09T15:00:00Z')).status, 201);
    assert.equal((await holdFrom(app, '198.51.100.20', TUESDAY[1]!)).status, 201);
  });

  test('releasing a hold with its token, or booking it, makes room at once', async () => {
    const app = testApp();
    const first = await (await holdFrom(app, '203.0.113.7', TUESDAY[0]!)).json();
    const second = await (await holdFrom(app, '203.0.113.7', TUESDAY[1]!)).json();
    await expectTooMany(await holdFrom(app, '203.0.113.7', TUESDAY[2]!), '300');
    await app.request(`/holds/${first.hold.id}`, { method: 'DELETE', headers: bearer(first.releaseToken) });
    assert.equal((await holdFrom(app, '203.0.113.7', TUESDAY[2]!)).status, 201);
    assert.equal((await app.book({ start: TUESDAY[1]!, holdId: second.hold.id })).status, 201);
    assert.equal((await holdFrom(app, '203.0.113.7', TUESDAY[0]!)).status, 201);
  });

  test('counted per client behind a trusted proxy, per proxy without the setting', async () => {
    const behind = testApp({ trustProxy: '127.0.0.1' });
    for (const [start, client] of [
      [TUESDAY[0]!, '203.0.113.7'],
      [TUESDAY[1]!, '203.0.113.7'],
      [TUESDAY[2]!, '203.0.113.8'],
      ['2026-03-03T18:00:00Z', '203.0.113.8'],
    ] as const) {
      assert.equal((await holdFrom(behind, '127.0.0.1', start, client)).status, 201, `${client} at ${start}`);
    }
    const shared = testApp();
    assert.equal((await holdFrom(shared, '127.0.0.1', TUESDAY[0]!, '203.0.113.7')).status, 201);
    assert.equal((await holdFrom(shared, '127.0.0.1', TUESDAY[1]!, '203.0.113.8')).status, 201);
    await expectTooMany(await holdFrom(shared, '127.0.0.1', TUESDAY[2]!, '203.0.113.9'), '300');
  });

  test('the audit’s bulk hold: one address asking for every slot of the horizon keeps four', async () => {
    const app = testApp();
    const slots: string[] = [];
    for (let from = Date.parse('2026-03-02T12:00:00Z'); from < Date.parse('2026-05-02T12:00:00Z'); from += 14 * DAY) {
      const range = [from, from + 14 * DAY].map((ms) => new Date(ms).toISOString().replace('.000Z', 'Z')) as [string, string];
      slots.push(...(await app.availability('consultation', ...range)).slots.map((slot) => slot.start));
    }
    assert.ok(slots.length > 300, `${slots.length} slots`);
    const statuses: Record<number, number> = {};
    for (const start of slots) {
      const status = (await holdFrom(app, '203.0.113.7', start)).status;
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
    assert.equal(statuses[201], 4, JSON.stringify(statuses));
    assert.equal(countRows(app, 'holds'), 4);
  });
});
