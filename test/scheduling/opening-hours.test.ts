/**
 * Slot generation from opening hours in the clinic's zone, across daylight-saving changes. The
 * reference implementation below is what the server ran before it used `src/scheduling` (luxon);
 * the property test holds the two to the same answers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  bookableWindow,
  clinicDay,
  closureInterval,
  freeSlots,
  isScheduledStart,
  overlaps,
  scheduledSlots,
  type Interval,
  type OpeningPeriod,
  type SchedulingRules,
} from '../../src/scheduling/opening-hours.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function rulesWith(openingHours: OpeningPeriod[], step = 30, timeZone = 'America/New_York'): SchedulingRules {
  return { timeZone, openingHours, slotStepMinutes: step, minNoticeMinutes: 0, horizonDays: 1000 };
}

describe('scheduledSlots', () => {
  it('a weekday from 09:00 to 17:00 New York time: 45-minute slots every 30 minutes, the last ending by 17:00', () => {
    const rules = rulesWith([1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensMinute: 540, closesMinute: 1020 })));
    const slots = scheduledSlots(rules, 45, Date.parse('2026-03-03T00:00:00Z'), Date.parse('2026-03-05T00:00:00Z'));
    assert.equal(slots.length, 30);
    assert.equal(iso(slots[0]!.start), '2026-03-03T14:00:00Z');
    assert.equal(iso(slots[14]!.start), '2026-03-03T21:00:00Z');
    assert.equal(iso(slots[14]!.end), '2026-03-03T21:45:00Z');
    assert.equal(iso(slots[15]!.start), '2026-03-04T14:00:00Z');
  });

  it('opening hours across the spring gap skip the wall-clock times that do not exist', () => {
    const rules: SchedulingRules = {
      timeZone: 'America/New_York',
      openingHours: [{ weekday: 7, opensMinute: 0, closesMinute: 6 * 60 }],
      slotStepMinutes: 30,
      minNoticeMinutes: 0,
      horizonDays: 1000,
    };
    const slots = scheduledSlots(rules, 30, Date.parse('2026-03-08T00:00:00Z'), Date.parse('2026-03-09T00:00:00Z'));
    // 00:00–01:30 EST (05:00Z–06:30Z), no 02:00 or 02:30, then 03:00–05:30 EDT (07:00Z–09:30Z).
    assert.deepEqual(
      slots.map((slot) => iso(slot.start)),
      ['05:00', '05:30', '06:00', '06:30', '07:00', '07:30', '08:00', '08:30', '09:00', '09:30'].map((time) => `2026-03-08T${time}:00Z`),
    );
    // Closing at 06:00 EDT = 10:00Z: the last slot ends exactly then.
    assert.equal(iso(slots.at(-1)!.end), '2026-03-08T10:00:00Z');
  });

  it('opening hours across the autumn repeat give one slot per wall-clock time, none overlapping', () => {
    const rules: SchedulingRules = {
      timeZone: 'America/New_York',
      openingHours: [{ weekday: 7, opensMinute: 0, closesMinute: 4 * 60 }],
      slotStepMinutes: 60,
      minNoticeMinutes: 0,
      horizonDays: 1000,
    };
    const slots = scheduledSlots(rules, 60, Date.parse('2026-11-01T00:00:00Z'), Date.parse('2026-11-02T00:00:00Z'));
    assert.deepEqual(
      slots.map((slot) => iso(slot.start)),
      ['2026-11-01T04:00:00Z', '2026-11-01T05:00:00Z', '2026-11-01T07:00:00Z', '2026-11-01T08:00:00Z'],
    );
    assert.equal(iso(slots.at(-1)!.end), '2026-11-01T09:00:00Z'); // 04:00 EST closing
  });

  it('several periods a day, each on its own grid, in order', () => {
    const rules = rulesWith([
      { weekday: 2, opensMinute: 14 * 60, closesMinute: 15 * 60 + 30 },
      { weekday: 2, opensMinute: 9 * 60 + 15, closesMinute: 11 * 60 },
    ]);
    const slots = scheduledSlots(rules, 60, Date.parse('2026-03-03T00:00:00Z'), Date.parse('2026-03-04T00:00:00Z'));
    assert.deepEqual(
      slots.map((slot) => iso(slot.start)),
      ['2026-03-03T14:15:00Z', '2026-03-03T14:45:00Z', '2026-03-03T19:00:00Z', '2026-03-03T19:30:00Z'],
    );
  });

  it('a period closing at a time the clocks skip closes when they jump', () => {
    // Sunday 8 March 2026 in New York: 02:00–03:00 does not exist; closing "02:30" is 03:00 EDT (07:00Z).
    const rules = rulesWith([{ weekday: 7, opensMinute: 60, closesMinute: 150 }]);
    const slots = scheduledSlots(rules, 30, Date.parse('2026-03-08T00:00:00Z'), Date.parse('2026-03-09T00:00:00Z'));
    assert.deepEqual(
      slots.map((slot) => iso(slot.start)),
      ['2026-03-08T06:00:00Z', '2026-03-08T06:30:00Z'],
    );
  });

  it('a period open until 24:00 ends at the next midnight', () => {
    const rules = rulesWith([{ weekday: 7, opensMinute: 22 * 60, closesMinute: 24 * 60 }], 60);
    const slots = scheduledSlots(rules, 60, Date.parse('2026-03-08T00:00:00Z'), Date.parse('2026-03-10T00:00:00Z'));
    assert.deepEqual(
      slots.map((slot) => [iso(slot.start), iso(slot.end)]),
      [
        ['2026-03-09T02:00:00Z', '2026-03-09T03:00:00Z'],
        ['2026-03-09T03:00:00Z', '2026-03-09T04:00:00Z'],
      ],
    );
  });

  it('where midnight is skipped (Santiago, 6 September 2026), a period from 00:00 starts at 01:00', () => {
    const rules = rulesWith([{ weekday: 7, opensMinute: 0, closesMinute: 3 * 60 }], 60, 'America/Santiago');
    const slots = scheduledSlots(rules, 60, Date.parse('2026-09-06T00:00:00Z'), Date.parse('2026-09-07T00:00:00Z'));
    assert.deepEqual(
      slots.map((slot) => iso(slot.start)),
      ['2026-09-06T04:00:00Z', '2026-09-06T05:00:00Z'],
    );
  });

  it('gives what the luxon implementation gave, in any zone, on any day (property)', () => {
    const zones = ['America/New_York', 'Europe/London', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns'];
    const period = fc
      .record({ weekday: fc.integer({ min: 1, max: 7 }), opens: fc.integer({ min: 0, max: 47 }), length: fc.integer({ min: 1, max: 48 }) })
      .map(({ weekday, opens, length }) => ({ weekday, opensMinute: opens * 30, closesMinute: Math.min(1440, (opens + length) * 30) }));
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(period, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(15, 30, 45, 60),
        fc.constantFrom(30, 45, 60, 120),
        fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
        (timeZone, openingHours, step, duration, date) => {
          // Periods of one weekday that overlap are not opening hours a clinic could store.
          const distinct = openingHours.filter((p, i) => !openingHours.some((q, j) => j < i && q.weekday === p.weekday));
          const rules = rulesWith(distinct, step, timeZone);
          const from = date.getTime();
          const to = from + 9 * 24 * HOUR;
          fc.pre(!closesInAGap(rules, from, to));
          assert.deepEqual(scheduledSlots(rules, duration, from, to), luxonScheduledSlots(rules, duration, from, to));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('freeSlots, isScheduledStart, bookableWindow, clinicDay', () => {
  const rules: SchedulingRules = {
    ...rulesWith([{ weekday: 2, opensMinute: 540, closesMinute: 720 }], 60),
    minNoticeMinutes: 12 * 60,
    horizonDays: 60,
  };
  const now = Date.parse('2026-03-02T12:00:00Z');

  it('free slots are the scheduled ones within notice and horizon that overlap nothing busy', () => {
    const busy = [{ start: Date.parse('2026-03-03T15:30:00Z'), end: Date.parse('2026-03-03T15:45:00Z') }];
    const slots = freeSlots({ rules, durationMinutes: 60, from: 0, to: Date.parse('2026-03-11T00:00:00Z'), now, busy });
    assert.deepEqual(
      slots.map((slot) => iso(slot.start)),
      ['2026-03-03T14:00:00Z', '2026-03-03T16:00:00Z', '2026-03-10T13:00:00Z', '2026-03-10T14:00:00Z', '2026-03-10T15:00:00Z'],
    );
    assert.deepEqual(bookableWindow(rules, now), { start: now + 12 * HOUR, end: now + 60 * 24 * HOUR });
  });

  it('a scheduled start is exactly one the opening hours give', () => {
    assert.equal(isScheduledStart(rules, 60, Date.parse('2026-03-03T15:00:00Z')), true);
    assert.equal(isScheduledStart(rules, 60, Date.parse('2026-03-03T15:30:00Z')), false);
    assert.equal(isScheduledStart(rules, 60, Date.parse('2026-03-03T17:00:00Z')), false, 'would end after closing');
    assert.equal(isScheduledStart(rules, 60, Date.parse('2026-03-04T15:00:00Z')), false, 'closed on Wednesdays');
  });

  it('intervals that touch do not overlap', () => {
    assert.equal(overlaps({ start: 0, end: 10 }, { start: 10, end: 20 }), false);
    assert.equal(overlaps({ start: 0, end: 11 }, { start: 10, end: 20 }), true);
  });

  it('a clinic day is 23 or 25 hours when the clocks change', () => {
    const length = (instant: string) => {
      const day = clinicDay(Date.parse(instant), 'America/New_York');
      return (day.end - day.start) / HOUR;
    };
    assert.deepEqual(clinicDay(Date.parse('2026-03-03T04:59:59Z'), 'America/New_York'), {
      start: Date.parse('2026-03-02T05:00:00Z'),
      end: Date.parse('2026-03-03T05:00:00Z'),
    });
    assert.equal(length('2026-03-08T12:00:00Z'), 23);
    assert.equal(length('2026-11-01T12:00:00Z'), 25);
  });
});

/** Whether some period closes at a wall-clock time the clocks skip (luxon moved those by the gap). */
function closesInAGap(rules: SchedulingRules, from: number, to: number): boolean {
  for (let day = DateTime.fromMillis(from, { zone: rules.timeZone }).startOf('day'); day.toMillis() < to; day = day.plus({ days: 1 })) {
    for (const period of rules.openingHours) {
      if (period.weekday !== day.weekday || period.closesMinute >= 1440) continue;
      const closes = day.set({ hour: Math.floor(period.closesMinute / 60), minute: period.closesMinute % 60 });
      if (closes.hour * 60 + closes.minute !== period.closesMinute) return true;
    }
  }
  return false;
}

/** The server's slot generation as it was with luxon (server/availability.ts before the move). */
function luxonScheduledSlots(rules: SchedulingRules, durationMinutes: number, from: number, to: number): Interval[] {
  const slots: Interval[] = [];
  const duration = durationMinutes * MINUTE;
  const atWallMinute = (day: DateTime, minute: number) =>
    minute >= 24 * 60 ? day.plus({ days: 1 }).startOf('day') : day.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 });
  let day = DateTime.fromMillis(from, { zone: rules.timeZone }).startOf('day');
  while (day.toMillis() < to) {
    const periods = rules.openingHours.filter((period) => period.weekday === day.weekday).sort((a, b) => a.opensMinute - b.opensMinute);
    for (const period of periods) {
      const closes = atWallMinute(day, period.closesMinute).toMillis();
      for (let minute = period.opensMinute; minute < period.closesMinute; minute += rules.slotStepMinutes) {
        const local = atWallMinute(day, minute);
        if (local.hour * 60 + local.minute !== minute || !local.hasSame(day, 'day')) continue;
        const start = local.toMillis();
        if (start + duration > closes) break;
        if (start >= from && start < to) slots.push({ start, end: start + duration });
      }
    }
    day = day.plus({ days: 1 }).startOf('day');
  }
  return slots;
}

describe('closures and buffers', () => {
  const weekdays = rulesWith([2].map((weekday) => ({ weekday, opensMinute: 540, closesMinute: 1020 })));
  const tuesday = [Date.parse('2026-03-03T05:00:00Z'), Date.parse('2026-03-04T05:00:00Z')] as const;

  it('a closure is a whole clinic day, or its hours on that day, in the clinic’s zone (across a clock change too)', () => {
    assert.deepEqual(closureInterval({ date: '2026-03-03' }, 'America/New_York'), {
      start: Date.parse('2026-03-03T05:00:00Z'),
      end: Date.parse('2026-03-04T05:00:00Z'),
    });
    assert.deepEqual(closureInterval({ date: '2026-03-03', fromMinute: 720, toMinute: 1020 }, 'America/New_York'), {
      start: Date.parse('2026-03-03T17:00:00Z'),
      end: Date.parse('2026-03-03T22:00:00Z'),
    });
    // 8 March 2026: New York springs forward at 02:00; the day is 23 hours long.
    const spring = closureInterval({ date: '2026-03-08' }, 'America/New_York');
    assert.equal(spring.end - spring.start, 23 * HOUR);
  });

  it('no scheduled slot overlaps a closure: a closed afternoon keeps the morning', () => {
    const closed = { ...weekdays, closures: [closureInterval({ date: '2026-03-03', fromMinute: 720, toMinute: 1020 }, 'America/New_York')] };
    const slots = scheduledSlots(closed, 60, ...tuesday);
    assert.deepEqual(
      slots.map((slot) => iso(slot.start)),
      ['2026-03-03T14:00:00Z', '2026-03-03T14:30:00Z', '2026-03-03T15:00:00Z', '2026-03-03T15:30:00Z', '2026-03-03T16:00:00Z'],
    );
    assert.equal(isScheduledStart(closed, 60, Date.parse('2026-03-03T18:00:00Z')), false);
    assert.deepEqual(scheduledSlots({ ...weekdays, closures: [closureInterval({ date: '2026-03-03' }, 'America/New_York')] }, 60, ...tuesday), []);
  });

  it('a free slot, padded with its buffers, overlaps nothing busy (each busy time padded with its own)', () => {
    // A session 11:00–12:00 whose service keeps 15 minutes after it: busy 11:00–12:15.
    const busy = [{ start: Date.parse('2026-03-03T16:00:00Z'), end: Date.parse('2026-03-03T17:15:00Z') }];
    const starts = (buffers?: { beforeMinutes: number; afterMinutes: number }) =>
      freeSlots({ rules: weekdays, durationMinutes: 60, from: tuesday[0], to: tuesday[1], now: tuesday[0], busy, ...(buffers ? { buffers } : {}) }).map(
        (slot) => iso(slot.start),
      );
    assert.ok(starts().includes('2026-03-03T15:00:00Z'));
    assert.ok(starts().includes('2026-03-03T17:30:00Z'));
    assert.ok(!starts().includes('2026-03-03T17:00:00Z'));
    const padded = starts({ beforeMinutes: 30, afterMinutes: 30 });
    assert.ok(!padded.includes('2026-03-03T15:00:00Z'), '10:00–11:00 leaves no 30 minutes after it');
    assert.ok(padded.includes('2026-03-03T14:30:00Z'), '09:30–10:30 and its 30 minutes end as the busy time begins');
    assert.ok(!padded.includes('2026-03-03T17:30:00Z'), '12:30 starts within 30 minutes of 12:15');
    assert.ok(padded.includes('2026-03-03T18:00:00Z'));
  });
});
