import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { DUE_SOON_MINUTES, checklistProgress, dueAt, dueLasts, dueStatus } from '../../src/checklist/index.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** "Sat 09:00" on a wall clock in `timeZone`. */
function wall(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(instant))
    .replace(',', '');
}

describe('dueAt: exact elapsed minutes from the session start', () => {
  test('negative is before, positive after, zero at the start', () => {
    assert.equal(dueAt('2026-03-04T16:00:00Z', -240), '2026-03-04T12:00:00Z');
    assert.equal(dueAt('2026-03-04T16:00:00Z', 1440), '2026-03-05T16:00:00Z');
    assert.equal(dueAt('2026-03-04T16:00:00Z', 0), '2026-03-04T16:00:00Z');
    assert.equal(dueAt(Date.parse('2026-03-04T16:00:00Z'), -90), '2026-03-04T14:30:00Z');
    assert.equal(dueAt(new Date('2026-03-04T16:00:00Z'), -1), '2026-03-04T15:59:00Z');
  });

  test('America/New_York, spring forward (Sun 8 Mar 2026): 24 hours before 10:00 Sunday is 09:00 Saturday', () => {
    const zone = 'America/New_York';
    const session = '2026-03-08T14:00:00Z';
    assert.equal(wall(session, zone), 'Sun 10:00');
    const due = dueAt(session, -24 * 60);
    assert.equal(due, '2026-03-07T14:00:00Z');
    assert.equal(wall(due, zone), 'Sat 09:00', 'the wall time moves with the lost hour');
    // 4 hours before 05:00 EDT is 00:00 EST: only three hours on the wall clock.
    assert.equal(wall('2026-03-08T09:00:00Z', zone), 'Sun 05:00');
    assert.equal(wall(dueAt('2026-03-08T09:00:00Z', -240), zone), 'Sun 00:00');
    // After the change both ends are EDT: the wall time is unchanged.
    assert.equal(wall(dueAt('2026-03-09T13:00:00Z', -24 * 60), zone), 'Sun 09:00');
    // "No driving until the next day" from a Saturday session ends an hour later on the wall.
    assert.equal(wall('2026-03-07T15:00:00Z', zone), 'Sat 10:00');
    assert.equal(wall(dueAt('2026-03-07T15:00:00Z', 24 * 60), zone), 'Sun 11:00');
  });

  test('America/New_York, fall back (Sun 1 Nov 2026): 24 hours before 10:00 Sunday is 11:00 Saturday', () => {
    const zone = 'America/New_York';
    const session = '2026-11-01T15:00:00Z';
    assert.equal(wall(session, zone), 'Sun 10:00');
    assert.equal(wall(dueAt(session, -24 * 60), zone), 'Sat 11:00');
    // 4 hours before 03:00 EST is 00:00 EDT: five hours on the wall clock.
    assert.equal(wall(dueAt('2026-11-01T08:00:00Z', -240), zone), 'Sun 00:00');
    // Inside the repeated hour: one hour before 01:30 EST is 01:30 EDT, the same wall reading.
    assert.equal(wall('2026-11-01T06:30:00Z', zone), 'Sun 01:30');
    assert.equal(dueAt('2026-11-01T06:30:00Z', -60), '2026-11-01T05:30:00Z');
    assert.equal(wall('2026-11-01T05:30:00Z', zone), 'Sun 01:30');
  });

  test('Europe/London: BST starts Sun 29 Mar 2026 and ends Sun 25 Oct 2026', () => {
    const zone = 'Europe/London';
    assert.equal(wall('2026-03-29T09:00:00Z', zone), 'Sun 10:00');
    assert.equal(wall(dueAt('2026-03-29T09:00:00Z', -24 * 60), zone), 'Sat 09:00');
    assert.equal(wall('2026-10-25T10:00:00Z', zone), 'Sun 10:00');
    assert.equal(wall(dueAt('2026-10-25T10:00:00Z', -24 * 60), zone), 'Sat 11:00');
    // Stop eating 4 hours before a 05:00 BST session on the morning the clocks go forward: 00:00 GMT.
    assert.equal(wall('2026-03-29T04:00:00Z', zone), 'Sun 05:00');
    assert.equal(wall(dueAt('2026-03-29T04:00:00Z', -240), zone), 'Sun 00:00');
  });

  test('other zones: no DST keeps the wall time; a 30-minute DST change moves it by 30 minutes', () => {
    // Asia/Kolkata has no DST: 24 hours before is the same wall time the day before.
    assert.equal(wall('2026-03-08T04:30:00Z', 'Asia/Kolkata'), 'Sun 10:00');
    assert.equal(wall(dueAt('2026-03-08T04:30:00Z', -24 * 60), 'Asia/Kolkata'), 'Sat 10:00');
    // Lord Howe Island leaves its +11 summer time for +10:30 on Sun 5 Apr 2026 at 02:00.
    const session = '2026-04-04T23:30:00Z';
    assert.equal(wall(session, 'Australia/Lord_Howe'), 'Sun 10:00');
    assert.equal(wall(dueAt(session, -24 * 60), 'Australia/Lord_Howe'), 'Sat 10:30');
    // One instant, however the client's zone shows it.
    assert.equal(wall(dueAt(session, -24 * 60), 'UTC'), 'Fri 23:30');
  });

  test('property: the due instant is exactly the offset in real minutes from the start', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('1990-01-01T00:00:00Z'), max: Date.parse('2090-01-01T00:00:00Z') }),
        fc.integer({ min: -366 * 24 * 60, max: 366 * 24 * 60 }),
        (start, offset) => {
          const session = new Date(Math.floor(start / 1000) * 1000).toISOString();
          assert.equal(Date.parse(dueAt(session, offset)) - Date.parse(session), offset * MINUTE);
          assert.match(dueAt(session, offset), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        },
      ),
    );
  });

  test('an invalid start or offset is a RangeError, not an "Invalid Date" string', () => {
    assert.throws(() => dueAt('next Tuesday', -60), RangeError);
    assert.throws(() => dueAt('2026-03-04T16:00:00Z', Number.NaN), RangeError);
  });
});

describe('dueLasts: what is timed after the session starts lasts until then, rather than being due by then', () => {
  test('"no driving until the next day" (+1440) lasts; "stop eating" (-240) and the start itself are due', () => {
    assert.equal(dueLasts(1440), true);
    assert.equal(dueLasts(1), true);
    assert.equal(dueLasts(0), false);
    assert.equal(dueLasts(-240), false);
  });
});

describe('dueStatus', () => {
  const session = '2026-03-10T15:00:00Z';
  const stopEating = { done: false, dueOffsetMinutes: -240 }; // due 11:00Z

  test('done wins over everything; no due time is untimed', () => {
    assert.equal(dueStatus({ ...stopEating, done: true }, session, '2026-03-11T00:00:00Z'), 'done');
    assert.equal(dueStatus({ done: false }, session, '2026-03-11T00:00:00Z'), 'untimed');
    assert.equal(dueStatus({ done: false, dueOffsetMinutes: undefined }, session, '2026-03-01T00:00:00Z'), 'untimed');
  });

  test('upcoming until 24 hours before, due-soon up to and including the due time, then overdue', () => {
    const due = Date.parse('2026-03-10T11:00:00Z');
    assert.equal(DUE_SOON_MINUTES, 1440);
    assert.equal(dueStatus(stopEating, session, due - 24 * HOUR - 1), 'upcoming');
    assert.equal(dueStatus(stopEating, session, due - 24 * HOUR), 'due-soon');
    assert.equal(dueStatus(stopEating, session, due - 1), 'due-soon');
    assert.equal(dueStatus(stopEating, session, due), 'due-soon');
    assert.equal(dueStatus(stopEating, session, due + 1), 'overdue');
    assert.equal(dueStatus(stopEating, session, new Date(due + HOUR)), 'overdue');
  });

  test('the due-soon window is configurable', () => {
    const due = Date.parse('2026-03-10T11:00:00Z');
    assert.equal(dueStatus(stopEating, session, due - 2 * HOUR, 60), 'upcoming');
    assert.equal(dueStatus(stopEating, session, due - HOUR, 60), 'due-soon');
  });

  test('"within 24 hours" is 24 real hours across the spring change (25 on the New York wall clock)', () => {
    // Due Sunday 8 March 08:00 EDT; 24 real hours earlier is Saturday 07:00 EST.
    const item = { done: false, dueOffsetMinutes: -120 };
    const start = '2026-03-08T14:00:00Z';
    assert.equal(dueAt(start, -120), '2026-03-08T12:00:00Z');
    assert.equal(wall('2026-03-07T12:00:00Z', 'America/New_York'), 'Sat 07:00');
    assert.equal(dueStatus(item, start, '2026-03-07T12:00:00Z'), 'due-soon');
    assert.equal(dueStatus(item, start, Date.parse('2026-03-07T12:00:00Z') - 1), 'upcoming');
  });

  test('items due after the session (positive offsets) go overdue after that time', () => {
    const noDriving = { done: false, dueOffsetMinutes: 1440 };
    assert.equal(dueStatus(noDriving, session, '2026-03-10T16:00:00Z'), 'due-soon');
    assert.equal(dueStatus(noDriving, session, '2026-03-08T16:00:00Z'), 'upcoming');
    assert.equal(dueStatus(noDriving, session, '2026-03-11T15:00:01Z'), 'overdue');
  });
});

describe('checklistProgress', () => {
  test('counts done and required items; required defaults to true', () => {
    const progress = checklistProgress([
      { done: true, required: true },
      { done: false, required: true },
      { done: true, required: false },
      { done: false },
      { done: true },
    ]);
    assert.deepEqual(progress, { done: 3, total: 5, requiredDone: 2, requiredTotal: 4, complete: false });
  });

  test('complete once every required item is done, whatever the optional ones', () => {
    assert.equal(checklistProgress([{ done: true }, { done: false, required: false }]).complete, true);
    assert.equal(checklistProgress([{ done: false }, { done: true, required: false }]).complete, false);
  });

  test('with only optional items, complete means all done; an empty list is never complete', () => {
    assert.equal(
      checklistProgress([
        { done: true, required: false },
        { done: false, required: false },
      ]).complete,
      false,
    );
    assert.equal(checklistProgress([{ done: true, required: false }]).complete, true);
    assert.deepEqual(checklistProgress([]), { done: 0, total: 0, requiredDone: 0, requiredTotal: 0, complete: false });
  });
});
