import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatDayLong, formatDayShort, formatTime, formatZoneName, sameOffsetAt } from '../../src/scheduling/format.js';

/** ICU puts narrow no-break spaces before AM/PM; the words matter here, not the space. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatDayLong and formatDayShort', () => {
  it('write the weekday, day, month and year in the locale', () => {
    assert.match(formatDayLong('2026-03-04', 'en-GB'), /^Wednesday,? 4 March 2026$/);
    assert.equal(formatDayLong('2026-03-04', 'en-US'), 'Wednesday, March 4, 2026');
    assert.equal(formatDayLong('2026-03-04', 'es'), 'miércoles, 4 de marzo de 2026');
    assert.equal(formatDayShort('2026-03-04', 'en-GB'), 'Wed 4 Mar');
    assert.equal(formatDayShort('2026-03-04', 'en-US'), 'Wed, Mar 4');
  });

  it('never shift the civil day, whatever the process zone (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const day = date.toISOString().slice(0, 10);
        const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: 'UTC' }).format(date);
        const long = formatDayLong(day, 'en-US');
        assert.ok(long.startsWith(`${weekday}, `), long);
        assert.ok(long.endsWith(`${date.getUTCDate()}, ${date.getUTCFullYear()}`), long);
      }),
    );
  });
});

describe('formatTime', () => {
  it('uses the locale’s clock in the given zone', () => {
    const at = '2026-03-04T14:00:00Z';
    assert.equal(plain(formatTime(at, 'America/New_York', 'en-US')), '9:00 AM');
    assert.equal(formatTime(at, 'America/New_York', 'en-GB'), '09:00');
    assert.equal(formatTime(at, 'Europe/London', 'en-GB'), '14:00');
    assert.equal(formatTime(at, 'Asia/Kolkata', 'en-GB'), '19:30');
    assert.equal(formatTime(at, 'Asia/Kathmandu', 'es'), '19:45');
    assert.equal(plain(formatTime(at, 'Pacific/Kiritimati', 'en-US')), '4:00 AM');
  });

  it('shows the repeated hour of a fall-back night twice', () => {
    assert.equal(formatTime('2026-11-01T05:30:00Z', 'America/New_York', 'en-GB'), '01:30');
    assert.equal(formatTime('2026-11-01T06:30:00Z', 'America/New_York', 'en-GB'), '01:30');
  });
});

describe('formatZoneName', () => {
  it('gives the long generic name', () => {
    assert.equal(formatZoneName('America/New_York', 'en-US'), 'Eastern Time');
    assert.equal(formatZoneName('America/New_York', 'en-US', '2026-07-01T12:00:00Z'), 'Eastern Time');
    assert.equal(formatZoneName('America/New_York', 'es'), 'hora oriental');
    assert.equal(formatZoneName('Asia/Kathmandu', 'en'), 'Nepal Time');
    assert.equal(formatZoneName('Australia/Sydney', 'en', '2026-01-15T00:00:00Z'), 'Australian Eastern Time');
  });

  it('falls back to the long name when the generic one is only an offset', () => {
    assert.equal(formatZoneName('UTC', 'en'), 'Coordinated Universal Time');
  });

  it('falls back to the IANA id, or to the offset for Etc/ ids whose sign reads backwards', () => {
    assert.equal(formatZoneName('Mars/Olympus_Mons', 'en'), 'Mars/Olympus_Mons');
    assert.equal(formatZoneName('Etc/GMT-14', 'en'), 'GMT+14:00');
  });
});

describe('sameOffsetAt', () => {
  it('compares wall clocks at that instant', () => {
    assert.equal(sameOffsetAt('2026-03-04T14:00:00Z', 'America/New_York', 'America/Toronto'), true);
    assert.equal(sameOffsetAt('2026-03-04T14:00:00Z', 'America/New_York', 'America/Chicago'), false);
    assert.equal(sameOffsetAt('2026-01-15T12:00:00Z', 'Europe/London', 'UTC'), true);
    assert.equal(sameOffsetAt('2026-07-15T12:00:00Z', 'Europe/London', 'UTC'), false);
    // Santo Domingo keeps -04:00 all year: New York matches it only while on daylight time.
    assert.equal(sameOffsetAt('2026-02-20T12:00:00Z', 'America/New_York', 'America/Santo_Domingo'), false);
    assert.equal(sameOffsetAt('2026-03-20T12:00:00Z', 'America/New_York', 'America/Santo_Domingo'), true);
    // Same time of day, a calendar day apart.
    assert.equal(sameOffsetAt('2026-03-04T14:00:00Z', 'Pacific/Kiritimati', 'Pacific/Honolulu'), false);
  });
});
