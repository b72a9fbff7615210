import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { DAY, MINUTE, starts, testApp } from './support.js';

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** Slots grouped by the UTC date of their start: every clinic day here falls inside one UTC date. */
function byUtcDate(slots: { start: string }[]): Map<string, string[]> {
  const days = new Map<string, string[]>();
  for (const slot of slots) {
    const date = slot.start.slice(0, 10);
    days.set(date, [...(days.get(date) ?? []), slot.start]);
  }
  return days;
}

describe('GET /availability: opening hours in the clinic zone', () => {
  test('a weekday offers 45-minute consultations every 30 minutes from 09:00 to 16:00 New York time', async () => {
    const app = testApp();
    const { status, body, slots } = await app.availability('consultation', '2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z');
    assert.equal(status, 200);
    assert.equal(body.service, 'consultation');
    assert.equal(body.timeZone, 'America/New_York');
    // 09:00 EST = 14:00Z; the last start that ends by 17:00 is 16:00 (16:45).
    assert.deepEqual(
      starts(slots),
      Array.from({ length: 15 }, (_, i) => iso(Date.parse('2026-03-03T14:00:00Z') + i * 30 * MINUTE)),
    );
    for (const slot of slots) assert.equal(Date.parse(slot.end) - Date.parse(slot.start), 45 * MINUTE);
  });

  test('a two-hour service must also end by closing time', async () => {
    const app = testApp();
    const { slots } = await app.availability('administration', '2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z');
    assert.equal(slots[0]!.start, '2026-03-03T14:00:00Z');
    assert.equal(slots.at(-1)!.start, '2026-03-03T20:00:00Z'); // 15:00 → 17:00 EST
    assert.equal(slots.at(-1)!.end, '2026-03-03T22:00:00Z');
    assert.equal(slots.length, 13);
  });

  test('weekends are closed', async () => {
    const app = testApp();
    const { slots } = await app.availability('consultation', '2026-03-07T05:00:00Z', '2026-03-09T05:00:00Z');
    assert.deepEqual(slots, []);
  });

  test('only slots starting inside [from, to) are returned', async () => {
    const app = testApp();
    const { slots } = await app.availability('consultation', '2026-03-03T15:00:00Z', '2026-03-03T16:00:00Z');
    assert.deepEqual(starts(slots), ['2026-03-03T15:00:00Z', '2026-03-03T15:30:00Z']);
  });

  test('the clinic time zone comes from the options', async () => {
    const app = testApp({ clinicTimeZone: 'Europe/London' });
    const { body, slots } = await app.availability('consultation', '2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z');
    assert.equal(body.timeZone, 'Europe/London');
    assert.equal(slots[0]!.start, '2026-03-03T09:00:00Z');
  });
});

describe('GET /availability: notice and horizon', () => {
  test('nothing starts within 12 hours of now; a start exactly 12 hours away is offered', async () => {
    const app = testApp({ start: '2026-03-03T02:30:00Z' }); // Monday 21:30 in New York
    const { slots } = await app.availability('consultation', '2026-03-02T00:00:00Z', '2026-03-04T00:00:00Z');
    assert.equal(slots[0]!.start, '2026-03-03T14:30:00Z');
    assert.ok(!starts(slots).includes('2026-03-03T14:00:00Z'));
  });

  test('today’s slots disappear as the clock moves on', async () => {
    const app = testApp();
    const before = await app.availability('consultation', '2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z');
    app.clock.advance(3 * 60 * MINUTE); // earliest start moves from 00:00Z to 03:00Z: no change yet
    assert.deepEqual((await app.availability('consultation', '2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z')).slots, before.slots);
    app.clock.advance(12 * 60 * MINUTE); // earliest is now 15:00Z
    const after = await app.availability('consultation', '2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z');
    assert.equal(after.slots[0]!.start, '2026-03-03T15:00:00Z');
  });

  test('nothing starts 60 days or more after now', async () => {
    const app = testApp({ start: '2026-03-02T13:30:00Z' }); // horizon: 2026-05-01T13:30Z
    const { slots } = await app.availability('consultation', '2026-04-28T00:00:00Z', '2026-05-06T00:00:00Z');
    const last = slots.at(-1)!.start;
    assert.equal(last, '2026-05-01T13:00:00Z'); // Friday 09:00 EDT, 30 minutes before the horizon
    assert.ok(starts(slots).every((start) => Date.parse(start) < Date.parse('2026-05-01T13:30:00Z')));
  });

  test('a range entirely in the past or past the horizon is empty, not an error', async () => {
    const app = testApp();
    assert.deepEqual((await app.availability('consultation', '2026-02-02T00:00:00Z', '2026-02-20T00:00:00Z')).slots, []);
    assert.deepEqual((await app.availability('consultation', '2026-06-01T00:00:00Z', '2026-06-20T00:00:00Z')).slots, []);
  });
});

describe('GET /availability: daylight-saving changes (America/New_York)', () => {
  test('spring forward, Sunday 8 March 2026: 09:00 is 14:00Z on Friday and 13:00Z on Monday', async () => {
    const app = testApp();
    const { slots } = await app.availability('consultation', '2026-03-06T00:00:00Z', '2026-03-10T00:00:00Z');
    const days = byUtcDate(slots);
    assert.deepEqual([...days.keys()], ['2026-03-06', '2026-03-09']);
    assert.equal(days.get('2026-03-06')![0], '2026-03-06T14:00:00Z');
    assert.equal(days.get('2026-03-06')!.at(-1), '2026-03-06T21:00:00Z');
    assert.equal(days.get('2026-03-09')![0], '2026-03-09T13:00:00Z');
    assert.equal(days.get('2026-03-09')!.at(-1), '2026-03-09T20:00:00Z');
    assert.equal(days.get('2026-03-06')!.length, 15);
    assert.equal(days.get('2026-03-09')!.length, 15);
  });

  test('fall back, Sunday 1 November 2026: 09:00 is 13:00Z on Friday and 14:00Z on Monday', async () => {
    const app = testApp({ start: '2026-10-26T12:00:00Z' });
    const { slots } = await app.availability('preparation', '2026-10-30T00:00:00Z', '2026-11-03T00:00:00Z');
    const days = byUtcDate(slots);
    assert.deepEqual([...days.keys()], ['2026-10-30', '2026-11-02']);
    assert.equal(days.get('2026-10-30')![0], '2026-10-30T13:00:00Z');
    assert.equal(days.get('2026-10-30')!.at(-1), '2026-10-30T20:00:00Z'); // 16:00 EDT, 60 minutes
    assert.equal(days.get('2026-11-02')![0], '2026-11-02T14:00:00Z');
    assert.equal(days.get('2026-11-02')!.at(-1), '2026-11-02T21:00:00Z'); // 16:00 EST
  });

  test('a client a day ahead (Auckland) asking for their Tuesday gets the clinic’s Monday slots', async () => {
    const app = testApp();
    const from = DateTime.fromISO('2026-03-10T00:00', { zone: 'Pacific/Auckland' });
    const to = from.plus({ days: 1 });
    const { slots } = await app.availability('consultation', from.toUTC().toISO()!, to.toUTC().toISO()!);
    assert.equal(slots.length, 15);
    assert.equal(slots[0]!.start, '2026-03-09T13:00:00Z'); // Monday 09:00 EDT = Tuesday 02:00 NZDT
    assert.equal(slots.at(-1)!.start, '2026-03-09T20:00:00Z');
    for (const slot of slots) {
      assert.equal(DateTime.fromISO(slot.start, { zone: 'Pacific/Auckland' }).toISODate(), '2026-03-10');
      assert.equal(DateTime.fromISO(slot.start, { zone: 'America/New_York' }).toISODate(), '2026-03-09');
    }
  });
});

describe('GET /availability: bookings and holds take time away', () => {
  test('a booking removes every slot it overlaps, for every service', async () => {
    const app = testApp();
    const booked = await app.book({ start: '2026-03-03T15:00:00Z' }); // consultation 15:00–15:45Z
    assert.equal(booked.status, 201);
    const day = ['2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z'] as const;
    const consultation = starts((await app.availability('consultation', ...day)).slots);
    assert.ok(consultation.includes('2026-03-03T14:00:00Z')); // ends 14:45, before the booking
    for (const taken of ['2026-03-03T14:30:00Z', '2026-03-03T15:00:00Z', '2026-03-03T15:30:00Z']) {
      assert.ok(!consultation.includes(taken), `${taken} overlaps the booking`);
    }
    assert.ok(consultation.includes('2026-03-03T16:00:00Z'));
    const administration = starts((await app.availability('administration', ...day)).slots);
    assert.equal(administration[0], '2026-03-03T16:00:00Z'); // two hours from 14:00–15:30Z would overlap
  });

  test('a live hold removes overlapping slots until it expires', async () => {
    const app = testApp();
    const day = ['2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z'] as const;
    const held = await app.postJson('/holds', { service: 'preparation', start: '2026-03-03T18:00:00Z' });
    assert.equal(held.status, 201);
    const during = starts((await app.availability('consultation', ...day)).slots);
    assert.ok(during.includes('2026-03-03T17:00:00Z'));
    for (const taken of ['2026-03-03T17:30:00Z', '2026-03-03T18:00:00Z', '2026-03-03T18:30:00Z']) {
      assert.ok(!during.includes(taken), `${taken} overlaps the hold`);
    }
    assert.ok(during.includes('2026-03-03T19:00:00Z'));
    app.clock.advance(5 * MINUTE);
    const after = starts((await app.availability('consultation', ...day)).slots);
    assert.ok(after.includes('2026-03-03T18:00:00Z'), 'the expired hold no longer blocks');
    assert.equal(after.length, 15);
  });

  test('a cancelled booking gives its time back', async () => {
    const app = testApp();
    const booked = await (await app.book({ start: '2026-03-03T15:00:00Z' })).json();
    const cancelled = await app.request(`/bookings/${booked.booking.id}/cancel`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${booked.accessToken}` },
    });
    assert.equal(cancelled.status, 200);
    const { slots } = await app.availability('consultation', '2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z');
    assert.ok(starts(slots).includes('2026-03-03T15:00:00Z'));
    assert.equal(slots.length, 15);
  });
});

describe('GET /availability: bad queries', () => {
  test('missing or malformed parameters are 422 with a message per parameter', async () => {
    const app = testApp();
    const response = await app.request('/availability?from=yesterday');
    assert.equal(response.status, 422);
    const body = await response.json();
    assert.equal(body.error.code, 'validation_failed');
    assert.deepEqual(Object.keys(body.error.fields).sort(), ['from', 'service', 'to']);
  });

  test('an unknown service is 422 on the service field', async () => {
    const app = testApp();
    const { status, body } = await app.availability('massage', '2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z');
    assert.equal(status, 422);
    assert.ok(body.error.fields.service);
  });

  test('to must follow from, and a range may span at most 14 days (the element asks for 9)', async () => {
    const app = testApp();
    const backwards = await app.availability('consultation', '2026-03-04T00:00:00Z', '2026-03-03T00:00:00Z');
    assert.equal(backwards.status, 422);
    assert.ok(backwards.body.error.fields.to);
    const from = Date.parse('2026-03-03T00:00:00Z');
    const longest = await app.availability('consultation', iso(from), iso(from + 14 * DAY));
    assert.equal(longest.status, 200);
    for (const to of [from + 14 * DAY + 1000, from + 62 * DAY]) {
      const tooLong = await app.availability('consultation', iso(from), iso(to));
      assert.equal(tooLong.status, 422);
      assert.match(tooLong.body.error.fields.to, /at most 14 days/);
    }
  });

  test('times with an offset instead of Z are refused: the wire carries UTC instants', async () => {
    const app = testApp();
    const { status, body } = await app.availability('consultation', '2026-03-03T00:00:00-05:00', '2026-03-04T00:00:00Z');
    assert.equal(status, 422);
    assert.ok(body.error.fields.from);
  });
});
