/**
 * The follow-up window, one rule for the reference backend and `<kap-booking>`: hours after the
 * opening session ends, exact elapsed time, rounded to whole milliseconds.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { followUpWindow as elementWindow } from '../../src/elements/kap-booking/follow-up-window.js';
import { followUpWindow, followUpWindowInstants, hoursToMs, openerEndsFor } from '../../src/scheduling/follow-up.js';

const HOUR = 3_600_000;
const END = '2026-03-05T17:00:00Z';

describe('the follow-up window', () => {
  it('is [end + min, end + max] hours, both ends included', () => {
    const window = followUpWindowInstants({ after: 'administration', minHoursAfterEnd: 24, maxHoursAfterEnd: 48 }, { end: END });
    assert.deepEqual(window, { start: '2026-03-06T17:00:00Z', end: '2026-03-07T17:00:00Z' });
  });

  it('counts real hours across a daylight-saving change: the wall-clock end moves by the hour', () => {
    // Ends Friday 6 March 2026 12:00 EST; New York springs forward on Sunday 8 March.
    const window = followUpWindowInstants({ after: 'administration', minHoursAfterEnd: 24, maxHoursAfterEnd: 72 }, { end: '2026-03-06T17:00:00Z' });
    assert.equal(window.end, '2026-03-09T17:00:00Z'); // 13:00 EDT on Monday
  });

  it('fractional hours land on their exact minute, not a millisecond before it (18.4 h is 66,239,999.99… ms in floating point)', () => {
    const followUp = { after: 'administration', minHoursAfterEnd: 24 + 1 / 60, maxHoursAfterEnd: 18.4 + 24 };
    assert.equal(hoursToMs(18.4), 18 * HOUR + 24 * 60_000);
    assert.deepEqual(followUpWindowInstants(followUp, { end: END }), { start: '2026-03-06T17:01:00Z', end: '2026-03-07T11:24:00Z' });
  });

  it('the element shows exactly the window the server offers, for any hours (property)', () => {
    const hours = fc.integer({ min: 0, max: 14 * 24 * 600 }).map((tenths) => tenths / 600);
    fc.assert(
      fc.property(hours, hours, fc.integer({ min: 0, max: 4_000_000_000 }), (a, b, endSeconds) => {
        const followUp = { after: 'administration', minHoursAfterEnd: Math.min(a, b), maxHoursAfterEnd: Math.max(a, b) };
        const end = endSeconds * 60_000;
        const server = followUpWindow(followUp, end);
        const shown = elementWindow({ end: new Date(end).toISOString() }, followUp);
        assert.deepEqual({ start: Date.parse(shown.start), end: Date.parse(shown.end) }, server);
      }),
    );
  });

  it('a start lies in the window after a session exactly when that session ends in openerEndsFor(start) (property)', () => {
    const hours = fc.integer({ min: 0, max: 96 * 60 }).map((minutes) => minutes / 60);
    fc.assert(
      fc.property(hours, hours, fc.integer({ min: 0, max: 200 * 60 }), (a, b, offsetMinutes) => {
        const followUp = { after: 'administration', minHoursAfterEnd: Math.min(a, b), maxHoursAfterEnd: Math.max(a, b) };
        const end = Date.parse(END);
        const start = end + offsetMinutes * 60_000;
        const window = followUpWindow(followUp, end);
        const ends = openerEndsFor(followUp, start);
        assert.equal(start >= window.start && start <= window.end, end >= ends.start && end <= ends.end);
      }),
    );
  });
});
