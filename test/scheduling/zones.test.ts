import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addDays, browserTimeZone, dayOf, isoWeekday, startOfDay, wallClockInstant, weekStart, zoneOffsetMinutes } from '../../src/scheduling/zones.js';

const HOUR = 3_600_000;

function hoursBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / HOUR;
}

/** Zones with no day skipped between 1971 and 2099, each exercising something different. */
const ZONES = [
  'UTC',
  'America/New_York',
  'America/Los_Angeles',
  'America/Santiago',
  'America/Havana',
  'America/Sao_Paulo',
  'America/St_Johns',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Beirut',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Australia/Eucla',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Pacific/Honolulu',
];

const ALL_ZONES = Intl.supportedValuesOf('timeZone');

const dayArb = fc
  .date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
// From 1973: Africa/Monrovia's offset had seconds (-0:44:30) until 1972; minutes are enough after.
const instantArb = fc.date({ min: new Date('1973-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });

describe('browserTimeZone', () => {
  it('returns the runtime zone, a valid IANA name', () => {
    assert.equal(browserTimeZone(), Intl.DateTimeFormat().resolvedOptions().timeZone);
    assert.doesNotThrow(() => new Intl.DateTimeFormat('en', { timeZone: browserTimeZone() }));
  });
});

describe('addDays and weekStart', () => {
  it('crosses month, year and leap-day boundaries', () => {
    assert.equal(addDays('2026-02-28', 1), '2026-03-01');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(addDays('2026-03-08', 0), '2026-03-08');
    assert.equal(addDays('2026-01-01', 365), '2027-01-01');
    assert.equal(addDays('0099-12-31', 1), '0100-01-01');
  });

  it('refuses what is not a real YYYY-MM-DD day', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-3-4', '04/03/2026', '2026-03-04T00:00:00Z', '']) {
      assert.throws(() => addDays(bad, 1), RangeError, bad);
    }
  });

  it('agrees with luxon for any day and offset (property)', () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -1000, max: 1000 }), (day, n) => {
        assert.equal(addDays(day, n), DateTime.fromISO(day, { zone: 'UTC' }).plus({ days: n }).toISODate());
      }),
    );
  });

  it('starts weeks on Monday by default, Sunday on request', () => {
    // 2026-03-04 is a Wednesday.
    assert.equal(weekStart('2026-03-04'), '2026-03-02');
    assert.equal(weekStart('2026-03-02'), '2026-03-02');
    assert.equal(weekStart('2026-03-08'), '2026-03-02');
    assert.equal(weekStart('2026-03-04', 0), '2026-03-01');
    assert.equal(weekStart('2026-03-01', 0), '2026-03-01');
    assert.equal(weekStart('2026-03-01', 1), '2026-02-23');
    assert.equal(weekStart('2027-01-01'), '2026-12-28');
  });

  it('weekStart lands on the right weekday within the last 7 days (property)', () => {
    fc.assert(
      fc.property(dayArb, fc.constantFrom(0 as const, 1 as const), (day, first) => {
        const start = weekStart(day, first);
        const luxonStart = DateTime.fromISO(start, { zone: 'UTC' });
        assert.equal(luxonStart.weekday % 7, first);
        const back = DateTime.fromISO(day, { zone: 'UTC' }).diff(luxonStart, 'days').days;
        assert.ok(back >= 0 && back < 7);
      }),
    );
  });
});

describe('dayOf and zoneOffsetMinutes', () => {
  it('America/New_York around spring-forward, 2026-03-08', () => {
    assert.equal(zoneOffsetMinutes('2026-03-08T06:59:59Z', 'America/New_York'), -300);
    assert.equal(zoneOffsetMinutes('2026-03-08T07:00:00Z', 'America/New_York'), -240);
    assert.equal(dayOf('2026-03-08T04:59:59Z', 'America/New_York'), '2026-03-07');
    assert.equal(dayOf('2026-03-08T05:00:00Z', 'America/New_York'), '2026-03-08');
    assert.equal(dayOf('2026-03-09T03:59:59Z', 'America/New_York'), '2026-03-08');
    assert.equal(dayOf('2026-03-09T04:00:00Z', 'America/New_York'), '2026-03-09');
  });

  it('America/New_York around fall-back, 2026-11-01', () => {
    assert.equal(zoneOffsetMinutes('2026-11-01T05:59:59Z', 'America/New_York'), -240);
    assert.equal(zoneOffsetMinutes('2026-11-01T06:00:00Z', 'America/New_York'), -300);
    assert.equal(dayOf('2026-11-02T04:59:59Z', 'America/New_York'), '2026-11-01');
    assert.equal(dayOf('2026-11-02T05:00:00Z', 'America/New_York'), '2026-11-02');
  });

  it('half-hour, 45-minute and +14 zones', () => {
    assert.equal(zoneOffsetMinutes('2026-03-04T12:00:00Z', 'Asia/Kolkata'), 330);
    assert.equal(zoneOffsetMinutes('2026-03-04T12:00:00Z', 'Asia/Kathmandu'), 345);
    assert.equal(zoneOffsetMinutes('2026-03-04T12:00:00Z', 'Pacific/Kiritimati'), 840);
    assert.equal(zoneOffsetMinutes('2026-03-04T12:00:00Z', 'Pacific/Chatham'), 825);
    assert.equal(dayOf('2026-03-03T18:29:59Z', 'Asia/Kolkata'), '2026-03-03');
    assert.equal(dayOf('2026-03-03T18:30:00Z', 'Asia/Kolkata'), '2026-03-04');
    assert.equal(dayOf('2026-03-03T18:15:00Z', 'Asia/Kathmandu'), '2026-03-04');
    // The same instant is Wednesday in Kiritimati and still Tuesday in Honolulu, at the same wall time.
    assert.equal(dayOf('2026-03-03T10:00:00Z', 'Pacific/Kiritimati'), '2026-03-04');
    assert.equal(dayOf('2026-03-03T10:00:00Z', 'Pacific/Honolulu'), '2026-03-03');
  });

  it('southern hemisphere: Sydney is +11 in January and +10 in July', () => {
    assert.equal(zoneOffsetMinutes('2026-01-15T00:00:00Z', 'Australia/Sydney'), 660);
    assert.equal(zoneOffsetMinutes('2026-07-15T00:00:00Z', 'Australia/Sydney'), 600);
  });

  it('accepts Date objects and refuses invalid instants', () => {
    assert.equal(dayOf(new Date('2026-03-04T23:30:00Z'), 'Asia/Tokyo'), '2026-03-05');
    assert.throws(() => dayOf('not a time', 'UTC'), RangeError);
    assert.throws(() => zoneOffsetMinutes(new Date(NaN), 'UTC'), RangeError);
  });

  it('agree with luxon for any instant in any zone the runtime knows (property)', () => {
    fc.assert(
      fc.property(instantArb, fc.constantFrom(...ALL_ZONES), (instant, zone) => {
        const luxon = DateTime.fromJSDate(instant, { zone });
        assert.equal(dayOf(instant, zone), luxon.toISODate(), `${instant.toISOString()} in ${zone}`);
        assert.equal(zoneOffsetMinutes(instant, zone), luxon.offset, `${instant.toISOString()} in ${zone}`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('startOfDay', () => {
  const cases: Array<[string, string, string, string]> = [
    // zone, day, its first instant, why
    ['America/New_York', '2026-03-08', '2026-03-08T05:00:00Z', 'spring-forward day, still EST at midnight'],
    ['America/New_York', '2026-03-09', '2026-03-09T04:00:00Z', 'the day after, EDT'],
    ['America/New_York', '2026-11-01', '2026-11-01T04:00:00Z', 'fall-back day, EDT at midnight'],
    ['America/New_York', '2026-11-02', '2026-11-02T05:00:00Z', 'the day after, EST'],
    ['Europe/London', '2026-03-29', '2026-03-29T00:00:00Z', 'BST begins at 01:00 GMT'],
    ['Europe/London', '2026-03-30', '2026-03-29T23:00:00Z', 'first BST midnight'],
    ['Europe/London', '2026-10-25', '2026-10-24T23:00:00Z', 'BST ends at 02:00 BST'],
    ['Europe/London', '2026-10-26', '2026-10-26T00:00:00Z', 'first GMT midnight'],
    ['Australia/Sydney', '2026-04-05', '2026-04-04T13:00:00Z', 'DST ends at 03:00 AEDT'],
    ['Australia/Sydney', '2026-04-06', '2026-04-05T14:00:00Z', 'first AEST midnight'],
    ['Australia/Sydney', '2026-10-04', '2026-10-03T14:00:00Z', 'DST begins at 02:00 AEST'],
    ['Australia/Sydney', '2026-10-05', '2026-10-04T13:00:00Z', 'first AEDT midnight'],
    ['Asia/Kolkata', '2026-03-04', '2026-03-03T18:30:00Z', '+05:30'],
    ['Asia/Kathmandu', '2026-03-04', '2026-03-03T18:15:00Z', '+05:45'],
    ['Pacific/Auckland', '2026-04-05', '2026-04-04T11:00:00Z', 'NZDT ends at 03:00'],
    ['Pacific/Auckland', '2026-04-06', '2026-04-05T12:00:00Z', 'NZST'],
    ['Pacific/Auckland', '2026-09-27', '2026-09-26T12:00:00Z', 'NZDT begins at 02:00'],
    ['Pacific/Kiritimati', '2026-03-04', '2026-03-03T10:00:00Z', '+14, a day ahead of Honolulu'],
    ['America/Santiago', '2026-09-06', '2026-09-06T04:00:00Z', 'DST begins at midnight: the day starts at 01:00'],
    ['America/Santiago', '2026-09-05', '2026-09-05T04:00:00Z', 'the ordinary day before it'],
    ['America/Santiago', '2026-04-05', '2026-04-05T04:00:00Z', 'after 24:00 became 23:00 the night before'],
    ['America/Havana', '2026-03-08', '2026-03-08T05:00:00Z', 'DST begins at midnight: the day starts at 01:00 CDT'],
    ['America/Havana', '2026-11-01', '2026-11-01T04:00:00Z', 'midnight happens twice: the earlier one'],
    ['Africa/Tunis', '1977-09-24', '1977-09-23T22:00:00Z', 'midnight twice east of UTC: the earlier one'],
    ['Asia/Beirut', '2026-03-29', '2026-03-28T22:00:00Z', 'DST begins at midnight: the day starts at 01:00 EEST'],
    ['Pacific/Apia', '2011-12-30', '2011-12-30T10:00:00Z', 'a day Samoa skipped: the next day’s start'],
    ['Pacific/Apia', '2011-12-31', '2011-12-30T10:00:00Z', 'the first day after the skip'],
  ];
  for (const [zone, day, expected, why] of cases) {
    it(`${zone} ${day} begins at ${expected} (${why})`, () => {
      assert.equal(startOfDay(day, zone), expected);
    });
  }

  it('day lengths on DST days come out as 23 and 25 hours', () => {
    const length = (day: string, zone: string) => hoursBetween(startOfDay(day, zone), startOfDay(addDays(day, 1), zone));
    assert.equal(length('2026-03-08', 'America/New_York'), 23);
    assert.equal(length('2026-11-01', 'America/New_York'), 25);
    assert.equal(length('2026-03-29', 'Europe/London'), 23);
    assert.equal(length('2026-04-05', 'Australia/Sydney'), 25);
    assert.equal(length('2026-10-04', 'Australia/Sydney'), 23);
    assert.equal(length('2026-09-06', 'America/Santiago'), 23);
    assert.equal(length('2026-04-04', 'America/Santiago'), 25);
    assert.equal(length('2026-04-05', 'Australia/Lord_Howe'), 24.5);
    assert.equal(length('2026-03-04', 'Asia/Kathmandu'), 24);
  });

  it('dayOf(startOfDay(d, z), z) === d and one second earlier is the day before (property)', () => {
    fc.assert(
      fc.property(dayArb, fc.constantFrom(...ZONES), (day, zone) => {
        const start = startOfDay(day, zone);
        assert.match(start, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        assert.equal(dayOf(start, zone), day, `${day} in ${zone} → ${start}`);
        assert.equal(dayOf(new Date(Date.parse(start) - 1000), zone), addDays(day, -1), `${day} in ${zone}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('in every zone the runtime knows, the result is the boundary into that day (property)', () => {
    fc.assert(
      fc.property(dayArb, fc.constantFrom(...ALL_ZONES), (day, zone) => {
        const start = Date.parse(startOfDay(day, zone));
        const before = DateTime.fromMillis(start - 1000, { zone }).toISODate()!;
        const at = DateTime.fromMillis(start, { zone }).toISODate()!;
        assert.ok(before < day, `${day} in ${zone}: ${before} one second before`);
        assert.ok(at >= day, `${day} in ${zone}: ${at} at the start`);
        // Only a day the zone skipped may be missing; then nothing in it exists at all.
        assert.ok(at === day || at === addDays(day, 1), `${day} in ${zone}: ${at}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('matches luxon where local midnight exists', () => {
    fc.assert(
      fc.property(dayArb, fc.constantFrom(...ZONES), (day, zone) => {
        const midnight = DateTime.fromISO(`${day}T00:00:00`, { zone });
        fc.pre(midnight.hour === 0 && midnight.minute === 0);
        // Luxon resolves a repeated midnight to one of its two instants; ours is the earlier.
        assert.ok(Date.parse(startOfDay(day, zone)) <= midnight.toMillis());
        assert.equal(DateTime.fromISO(startOfDay(day, zone), { zone }).toFormat('HH:mm:ss'), '00:00:00');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('isoWeekday', () => {
  it('numbers Monday 1 to Sunday 7', () => {
    assert.deepEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'].map(isoWeekday), [1, 2, 3, 4, 5, 6, 7]);
  });

  it('agrees with luxon (property)', () => {
    fc.assert(fc.property(dayArb, (day) => assert.equal(isoWeekday(day), DateTime.fromISO(day, { zone: 'UTC' }).weekday)));
  });
});

describe('wallClockInstant', () => {
  const at = (day: string, time: string, zone: string) => {
    const [hours, minutes] = time.split(':').map(Number) as [number, number];
    const instant = wallClockInstant(day, hours * 60 + minutes, zone);
    return instant === undefined ? undefined : new Date(instant).toISOString().replace('.000Z', 'Z');
  };
  const cases: Array<[string, string, string, string | undefined, string]> = [
    // zone, day, wall time, instant, why
    ['America/New_York', '2026-03-08', '01:30', '2026-03-08T06:30:00Z', 'before the spring gap, EST'],
    ['America/New_York', '2026-03-08', '02:00', undefined, 'the clocks go from 01:59 to 03:00'],
    ['America/New_York', '2026-03-08', '02:30', undefined, 'inside the gap'],
    ['America/New_York', '2026-03-08', '03:00', '2026-03-08T07:00:00Z', 'after the gap, EDT'],
    ['America/New_York', '2026-11-01', '00:30', '2026-11-01T04:30:00Z', 'before the repeat, EDT'],
    ['America/New_York', '2026-11-01', '01:00', '2026-11-01T05:00:00Z', '01:00 happens twice: the earlier (EDT)'],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00Z', 'the earlier 01:30'],
    ['America/New_York', '2026-11-01', '02:00', '2026-11-01T07:00:00Z', 'after the repeat, EST'],
    ['America/New_York', '2026-03-03', '09:00', '2026-03-03T14:00:00Z', 'an ordinary winter morning'],
    ['Europe/London', '2026-03-29', '01:30', undefined, 'BST begins: 01:00 becomes 02:00'],
    ['Europe/London', '2026-10-25', '01:30', '2026-10-25T00:30:00Z', 'BST ends: the earlier 01:30 (BST)'],
    ['America/Santiago', '2026-09-06', '00:00', undefined, 'midnight is skipped'],
    ['America/Santiago', '2026-09-06', '01:00', '2026-09-06T04:00:00Z', 'the day begins at 01:00'],
    ['Australia/Lord_Howe', '2026-10-04', '02:15', undefined, 'a half-hour gap'],
    ['Australia/Lord_Howe', '2026-04-05', '01:45', '2026-04-04T14:45:00Z', 'a half-hour repeat: the earlier (+11)'],
    ['Asia/Kathmandu', '2026-03-04', '09:00', '2026-03-04T03:15:00Z', '+05:45'],
    ['Pacific/Kiritimati', '2026-03-04', '23:59', '2026-03-04T09:59:00Z', '+14'],
    ['Pacific/Apia', '2011-12-30', '12:00', undefined, 'a day Samoa skipped'],
  ];
  for (const [zone, day, time, expected, why] of cases) {
    it(`${zone} ${day} ${time} is ${expected ?? 'no instant'} (${why})`, () => {
      assert.equal(at(day, time, zone), expected);
    });
  }

  it('refuses a minute outside the day', () => {
    for (const minute of [-1, 1440, 1.5, NaN]) assert.throws(() => wallClockInstant('2026-03-04', minute, 'UTC'), RangeError);
  });

  it('finds the first instant the wall clock reads that time, in any zone the runtime knows (property)', () => {
    fc.assert(
      fc.property(instantArb, fc.constantFrom(...ALL_ZONES), (date, zone) => {
        const instant = Math.floor(date.getTime() / 60_000) * 60_000;
        const wall = DateTime.fromMillis(instant, { zone });
        const found = wallClockInstant(wall.toISODate()!, wall.hour * 60 + wall.minute, zone);
        assert.ok(found !== undefined, `${new Date(instant).toISOString()} in ${zone}`);
        assert.ok(found <= instant, `${new Date(instant).toISOString()} in ${zone}: ${new Date(found).toISOString()} is later`);
        assert.equal(DateTime.fromMillis(found, { zone }).toFormat('yyyy-MM-dd HH:mm'), wall.toFormat('yyyy-MM-dd HH:mm'));
        // An earlier instant reading the same only where the clocks went back over it.
        assert.ok(found === instant || zoneOffsetMinutes(new Date(found), zone) > zoneOffsetMinutes(new Date(instant), zone));
      }),
      { numRuns: 2000 },
    );
  });
});
