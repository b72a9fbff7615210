/**
 * The demo journey's seeded administration booking: its timing rule, its reuse across restarts
 * with a fresh token each time, and the links `server/main.ts` prints for it.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { KAP_DEFAULT_CHECKLIST } from '../../src/checklist/index.js';
import { createApp, type KapApp } from '../../server/app.js';
import { DEMO_BOOKING_SETTING, DEMO_CLIENT, ensureDemoAdministrationBooking } from '../../server/demo/seed.js';
import { bearer, followUpAvailability, getChecklist, putItem, tempDirs } from './journey-support.js';
import { DAY, HOUR, TestClock, openRows, startMain, testApp, type TestApp } from './support.js';

const temp = tempDirs('kap-demo-seed-');
after(() => temp.cleanup());

const ZONE = 'America/New_York';
const wall = (instant: string) => DateTime.fromISO(instant, { zone: ZONE });

async function seed(kap: KapApp, at: string | number) {
  const seeded = await ensureDemoAdministrationBooking(kap, typeof at === 'number' ? at : Date.parse(at));
  assert.ok(seeded, 'a demo booking was made');
  return seeded;
}

function seededRows(db: Database.Database) {
  return db.prepare("SELECT id, status, source FROM bookings WHERE source = 'staff:demo-seed'").all() as {
    id: string;
    status: string;
    source: string;
  }[];
}

describe('the demo administration booking', () => {
  test('is a confirmed administration booking for the fictional Demo Client, with the KAP checklist and a working token', async () => {
    const app = testApp();
    const seeded = await seed(app, app.clock.ms);
    assert.equal(seeded.created, true);
    assert.equal(seeded.booking.service, 'administration');
    assert.equal(seeded.booking.status, 'confirmed');
    const seededClients = openRows<{ client_name: string; client_email: string; status: string }>(
      app,
      'bookings',
      "SELECT id, status, client_name, client_email FROM bookings WHERE source = 'staff:demo-seed'",
    );
    assert.deepEqual(
      seededClients.map((row) => [row.client_name, row.client_email, row.status]),
      [[DEMO_CLIENT.name, DEMO_CLIENT.email, 'confirmed']],
    );
    const read = await app.request(`/bookings/${seeded.booking.id}`, { headers: bearer(seeded.accessToken) });
    assert.deepEqual((await read.json()).booking, seeded.booking);
    const checklist = await (await getChecklist(app, { id: seeded.booking.id, token: seeded.accessToken })).json();
    assert.deepEqual(
      checklist.items.map((item: { id: string }) => item.id),
      KAP_DEFAULT_CHECKLIST.items.map((item) => item.id),
    );
  });

  test('timing rule: the first free slot from 10:00 on a day at least three days ahead whose integration window has free slots', async () => {
    const cases: [string, string, string][] = [
      // now (UTC)               chosen start (UTC)        why
      ['2026-03-02T12:00:00Z', '2026-03-05T15:00:00Z', 'Mon → Thu 10:00 EST; the window is Fri 12:00–16:00'],
      ['2026-03-03T12:00:00Z', '2026-03-09T14:00:00Z', 'Tue → Fri would put the window on the weekend: Mon 9 Mar 10:00 EDT'],
      ['2026-11-25T19:00:00Z', '2026-11-30T15:00:00Z', 'Wed → Sat, Sun closed: Mon 10:00 EST'],
    ];
    for (const [now, expected, why] of cases) {
      const app = testApp({ start: now });
      assert.equal((await seed(app, now)).booking.start, expected, why);
      await app.close();
    }
  });

  test('its window really offers free integration slots to its own token', async () => {
    const app = testApp();
    const seeded = await seed(app, app.clock.ms);
    const response = await followUpAvailability(
      app,
      seeded.booking.id,
      seeded.accessToken,
      seeded.booking.end,
      new Date(Date.parse(seeded.booking.end) + 3 * DAY).toISOString().replace('.000Z', 'Z'),
    );
    assert.equal(response.status, 200);
    const { slots } = await response.json();
    assert.ok(slots.length >= 4, `${slots.length} slots`);
    const end = Date.parse(seeded.booking.end);
    for (const slot of slots) {
      const start = Date.parse(slot.start);
      assert.ok(start >= end + 24 * HOUR && start <= end + 48 * HOUR, slot.start);
      assert.ok(wall(slot.start).weekday <= 5);
    }
  });

  test('a taken 10:00 moves it to the next free time that day', async () => {
    const app = testApp();
    assert.equal(app.clock.ms, Date.parse('2026-03-02T12:00:00Z'));
    app.db
      .prepare(
        `INSERT INTO bookings (id, service_id, start_ms, end_ms, status, client_name, client_email, client_phone,
           consent_privacy, token_sha256, created_at_ms) VALUES ('bk_x', 'consultation', ?, ?, 'confirmed', 'n', 'e', 'p', 1, 'h', 0)`,
      )
      .run(Date.parse('2026-03-05T15:00:00Z'), Date.parse('2026-03-05T15:45:00Z'));
    assert.equal((await seed(app, app.clock.ms)).booking.start, '2026-03-05T16:00:00Z'); // Thu 11:00 EST
  });

  test('restarts reuse it, keep its checklist state and mint a new token each time; old tokens stop working', async () => {
    const db = join(temp.make(), 'kap.sqlite');
    const clock = new TestClock();
    const open = (): TestApp => testApp({ db, start: new Date(clock.ms).toISOString() });
    const first = open();
    const one = await seed(first, clock.ms);
    await putItem(first, { id: one.booking.id, token: one.accessToken }, 'arrange-ride-home', { done: true });
    await first.close();

    clock.advance(HOUR);
    const second = open();
    const two = await seed(second, clock.ms);
    try {
      assert.equal(two.created, false);
      assert.deepEqual(two.booking, one.booking);
      assert.notEqual(two.accessToken, one.accessToken);
      assert.equal((await second.request(`/bookings/${one.booking.id}`, { headers: bearer(one.accessToken) })).status, 401);
      const checklist = await (await getChecklist(second, { id: two.booking.id, token: two.accessToken })).json();
      assert.deepEqual(
        checklist.items.filter((item: { done: boolean }) => item.done).map((item: { id: string }) => item.id),
        ['arrange-ride-home'],
      );
      assert.equal(seededRows(second.db).length, 1);
    } finally {
      await second.close();
    }
  });

  test('a new one is made when the old one was cancelled, or its window has passed', async () => {
    const app = testApp();
    const first = await seed(app, app.clock.ms);
    await app.request(`/bookings/${first.booking.id}/cancel`, { method: 'POST', headers: bearer(first.accessToken) });
    const second = await seed(app, app.clock.ms);
    assert.equal(second.created, true);
    assert.notEqual(second.booking.id, first.booking.id);
    assert.equal(second.booking.start, first.booking.start, 'the cancelled time is free again');

    app.clock.advance(10 * DAY);
    const third = await seed(app, app.clock.ms);
    assert.equal(third.created, true);
    assert.ok(Date.parse(third.booking.start) >= app.clock.ms + 3 * DAY - DAY);
    assert.equal((app.db.prepare('SELECT value FROM settings WHERE key = ?').get(DEMO_BOOKING_SETTING) as { value: string }).value, third.booking.id);
    // The one whose window passed is left as it was (a past session), not cancelled.
    assert.equal(seededRows(app.db).filter((row) => row.status === 'confirmed').length, 2);
  });

  test('two servers on one file seeding in turn make one booking', async () => {
    const db = join(temp.make(), 'kap.sqlite');
    const clock = new TestClock();
    const a = createApp({ db, now: clock.now });
    const b = createApp({ db, now: clock.now });
    try {
      const first = await seed(a, clock.ms);
      const second = await seed(b, clock.ms);
      assert.equal(first.booking.id, second.booking.id);
      assert.equal(seededRows(a.stores.db).length, 1);
    } finally {
      await a.close();
      await b.close();
    }
  });

  test('a clinic without an administration service gets no demo booking', async () => {
    const app = testApp();
    app.db.prepare("UPDATE services SET active = 0 WHERE id = 'administration'").run();
    assert.equal(await ensureDemoAdministrationBooking(app, app.clock.ms), undefined);
    assert.equal(seededRows(app.db).length, 0);
  });
});

describe('server/main.ts and the demo seed', () => {
  const LINE = /^Demo administration booking: (\S+)$/m;
  const CHECKLIST_LINE = /^Demo checklist: (\S+)$/m;

  test('prints links to the integration and checklist pages with the booking and a fresh token in the fragment', async () => {
    const dbPath = join(temp.make(), 'kap.sqlite');
    const runs: { id: string; token: string }[] = [];
    for (let run = 0; run < 2; run++) {
      const running = await startMain({ KAP_DB: dbPath });
      try {
        const output = running.output();
        const link = new URL(LINE.exec(output)?.[1] ?? assert.fail(`no demo line in:\n${output}`));
        const checklistLink = new URL(CHECKLIST_LINE.exec(output)?.[1] ?? assert.fail('no checklist line'));
        assert.equal(link.origin + '/', running.demoUrl);
        assert.equal(link.pathname, '/integration.html');
        assert.equal(link.search, '', 'nothing in the query string');
        assert.equal(checklistLink.pathname, '/checklist.html');
        assert.equal(checklistLink.hash, link.hash);
        const fragment = new URLSearchParams(link.hash.slice(1));
        const id = fragment.get('booking')!;
        const token = fragment.get('token')!;
        assert.match(id, /^bk_/);
        assert.match(token, /^[A-Za-z0-9_-]{43}$/);
        runs.push({ id, token });

        const read = await fetch(new URL(`bookings/${id}`, running.apiUrl), { headers: bearer(token) });
        const { booking } = await read.json();
        assert.equal(booking.service, 'administration');
        assert.equal(booking.status, 'confirmed');
        assert.ok(Date.parse(booking.start) > Date.now() + 2 * DAY, 'a few days ahead');
        assert.ok(wall(booking.start).weekday <= 5, 'on a weekday');
        const to = new Date(Date.parse(booking.end) + 3 * DAY).toISOString();
        const window = await fetch(
          new URL(`availability?service=integration&from=${booking.end}&to=${to.replace(/\.\d+Z$/, 'Z')}&after=${id}`, running.apiUrl),
          { headers: bearer(token) },
        );
        assert.equal(window.status, 200);
        assert.ok((await window.json()).slots.length >= 4);
      } finally {
        assert.equal(await running.stop(), 0);
      }
    }
    assert.equal(runs[0]!.id, runs[1]!.id, 'the same booking after a restart');
    assert.notEqual(runs[0]!.token, runs[1]!.token, 'with a new token');
    const db = new Database(dbPath, { readonly: true });
    try {
      assert.equal(seededRows(db).length, 1);
    } finally {
      db.close();
    }
  });

  test('two processes starting at once on a new file seed one booking', async () => {
    const dbPath = join(temp.make(), 'kap.sqlite');
    const started = await Promise.allSettled([startMain({ KAP_DB: dbPath }), startMain({ KAP_DB: dbPath })]);
    const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    try {
      for (const result of started) if (result.status === 'rejected') throw result.reason;
      const ids = servers.map((server) => new URLSearchParams(new URL(LINE.exec(server.output())![1]!).hash.slice(1)).get('booking'));
      assert.equal(ids[0], ids[1]);
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
    }
    const db = new Database(dbPath, { readonly: true });
    try {
      assert.equal(seededRows(db).length, 1);
    } finally {
      db.close();
    }
  });

  test('KAP_DEMO_SEED=0 (a real deployment) seeds nothing and prints no token', async () => {
    const dbPath = join(temp.make(), 'kap.sqlite');
    const running = await startMain({ KAP_DB: dbPath, KAP_DEMO_SEED: '0' });
    try {
      assert.doesNotMatch(running.output(), /Demo administration booking|Demo checklist|token=/);
    } finally {
      assert.equal(await running.stop(), 0);
    }
    const db = new Database(dbPath, { readonly: true });
    try {
      assert.equal((db.prepare('SELECT count(*) AS n FROM bookings').get() as { n: number }).n, 0);
    } finally {
      db.close();
    }
  });
});
