import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { Slot } from '../../src/api/schemas.js';
import { MAX_AVAILABILITY_DAYS, slotsByDay, weekAvailabilityRange, weekDays, weekQuery } from '../../src/scheduling/slots.js';
import { startOfDay } from '../../src/scheduling/zones.js';

function slot(start: string, minutes = 30): Slot {
  return { start, end: new Date(Date.parse(start) + minutes * 60_000).toISOString().replace('.000Z', 'Z') };
}

describe('slotsByDay', () => {
  it('groups by the civil day in the zone, sorted, dropping a repeated start', () => {
    const input = [
      slot('2026-03-05T14:00:00Z'),
      slot('2026-03-04T14:00:00Z'),
      slot('2026-03-05T03:30:00Z'), // 22:30 on the 4th in New York
      slot('2026-03-04T14:00:00Z'),
      slot('2026-03-04T13:30:00Z'),
    ];
    assert.deepEqual(slotsByDay(input, 'America/New_York'), [
      {
        day: '2026-03-04',
        slots: [slot('2026-03-04T13:30:00Z'), slot('2026-03-04T14:00:00Z'), slot('2026-03-05T03:30:00Z')],
      },
      { day: '2026-03-05', slots: [slot('2026-03-05T14:00:00Z')] },
    ]);
  });

  it('the same slots fall on other days in a zone a day ahead', () => {
    const input = [slot('2026-03-04T13:30:00Z'), slot('2026-03-05T03:30:00Z')];
    assert.deepEqual(
      slotsByDay(input, 'Pacific/Kiritimati').map((d) => [d.day, d.slots.length]),
      [['2026-03-05', 2]],
    );
    assert.deepEqual(
      slotsByDay(input, 'Asia/Kolkata').map((d) => [d.day, d.slots.length]),
      [
        ['2026-03-04', 1],
        ['2026-03-05', 1],
      ],
    );
  });

  it('puts slots on each side of a 25-hour day’s end on the right day', () => {
    const input = [
      slot('2026-11-01T04:00:00Z'), // 00:00 EDT, first instant of 1 November
      slot('2026-11-01T05:30:00Z'), // 01:30 EDT
      slot('2026-11-01T06:30:00Z'), // 01:30 EST, the repeated hour
      slot('2026-11-02T04:59:59Z'), // 23:59:59 EST
      slot('2026-11-02T05:00:00Z'), // 00:00 EST, 2 November
    ];
    assert.deepEqual(
      slotsByDay(input, 'America/New_York').map((d) => [d.day, d.slots.map((s) => s.start)]),
      [
        ['2026-11-01', input.slice(0, 4).map((s) => s.start)],
        ['2026-11-02', [input[4]!.start]],
      ],
    );
  });

  it('treats the same instant written with and without milliseconds as one slot', () => {
    const days = slotsByDay([slot('2026-03-04T14:00:00Z'), { start: '2026-03-04T14:00:00.000Z', end: '2026-03-04T14:30:00Z' }], 'UTC');
    assert.equal(days.length, 1);
    assert.equal(days[0]!.slots.length, 1);
  });

  it('returns no days for no slots', () => {
    assert.deepEqual(slotsByDay([], 'Europe/London'), []);
  });

  it('keeps every distinct slot exactly once, in day order, each under its own day (property)', () => {
    const zones = ['America/New_York', 'America/Santiago', 'Europe/London', 'Australia/Sydney', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'Pacific/Auckland'];
    // Quarter hours through 2026, with some starts repeated on purpose.
    const startArb = fc
      .integer({ min: 0, max: 365 * 96 })
      .map((quarter) => new Date(Date.UTC(2026, 0, 1) + quarter * 15 * 60_000).toISOString().replace('.000Z', 'Z'));
    const startsArb = fc.array(startArb, { maxLength: 200 }).chain((a) => fc.subarray(a).map((again) => [...a, ...again]));
    fc.assert(
      fc.property(startsArb, fc.constantFrom(...zones), (starts, zone) => {
        const slots = starts.map((s) => slot(s, 15));
        const days = slotsByDay(slots, zone);
        const flat = days.flatMap((d) => d.slots);
        const distinct = [...new Set(starts.map((s) => Date.parse(s)))].sort((a, b) => a - b);
        assert.deepEqual(
          flat.map((s) => Date.parse(s.start)),
          distinct,
        );
        for (let i = 1; i < days.length; i++) assert.ok(days[i - 1]!.day < days[i]!.day);
        for (const { day, slots: daySlots } of days) {
          assert.ok(daySlots.length > 0);
          for (const s of daySlots) assert.equal(DateTime.fromISO(s.start, { zone }).toISODate(), day);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('weekDays and weekQuery', () => {
  it('lists seven consecutive days across a month end', () => {
    assert.deepEqual(weekDays('2026-03-30'), ['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05']);
  });

  it('bounds the spring-forward week in New York (167 hours)', () => {
    const q = weekQuery('2026-03-02', 'America/New_York');
    assert.deepEqual(q, { from: '2026-03-02T05:00:00Z', to: '2026-03-09T04:00:00Z' });
    assert.equal((Date.parse(q.to) - Date.parse(q.from)) / 3_600_000, 167);
  });

  it('bounds the fall-back week in New York (169 hours)', () => {
    const q = weekQuery('2026-10-26', 'America/New_York');
    assert.deepEqual(q, { from: '2026-10-26T04:00:00Z', to: '2026-11-02T05:00:00Z' });
  });

  it('bounds a week in a zone whose DST starts at midnight', () => {
    assert.deepEqual(weekQuery('2026-08-31', 'America/Santiago'), {
      from: '2026-08-31T04:00:00Z',
      to: '2026-09-07T03:00:00Z',
    });
  });

  it('consecutive weeks tile time with no gap or overlap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 520 }), fc.constantFrom('America/New_York', 'Australia/Sydney', 'America/Havana', 'Asia/Kolkata'), (week, zone) => {
        const first = new Date(Date.UTC(2024, 0, 1) + week * 7 * 86_400_000).toISOString().slice(0, 10);
        const second = new Date(Date.UTC(2024, 0, 8) + week * 7 * 86_400_000).toISOString().slice(0, 10);
        assert.equal(weekQuery(first, zone).to, weekQuery(second, zone).from);
        assert.equal(weekQuery(first, zone).from, startOfDay(first, zone));
      }),
    );
  });
});

describe('weekAvailabilityRange: what <kap-booking> asks the backend for', () => {
  it('the week and a day either side, in the zone it is shown in', () => {
    assert.deepEqual(weekAvailabilityRange('2026-03-09', 'America/New_York', Date.parse('2026-03-01T00:00:00Z')), {
      from: '2026-03-08T05:00:00Z',
      to: '2026-03-17T04:00:00Z',
    });
  });

  it('never from longer ago than a minute before now, in whole seconds', () => {
    const now = Date.parse('2026-03-10T15:42:17.250Z');
    assert.equal(weekAvailabilityRange('2026-03-09', 'America/New_York', now).from, '2026-03-10T15:41:17Z');
  });

  it('always fits in what the backend allows, in every zone and week, daylight-saving changes included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 520 }),
        fc.constantFrom('America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Apia', 'Asia/Kolkata'),
        (week, zone) => {
          const day = new Date(Date.UTC(2024, 0, 1) + week * 7 * 86_400_000).toISOString().slice(0, 10);
          const { from, to } = weekAvailabilityRange(day, zone, Date.UTC(2020, 0, 1));
          const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
          assert.ok(days > 8.9 && days <= MAX_AVAILABILITY_DAYS, `${zone} ${day}: ${days} days`);
        },
      ),
    );
  });
});
