import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { calendarFile, escapeText, foldLine, triggerDuration, type CalendarEvent } from '../../src/scheduling/ics.js';

const NOW = new Date('2026-03-01T09:30:15.250Z');
const EVENT: CalendarEvent = {
  uid: 'bk_1@kap-elements',
  start: '2026-03-04T14:00:00Z',
  end: '2026-03-04T14:45:00Z',
  summary: 'Consultation, Riverbend Clinic; online',
  description: 'Join from the link in your confirmation email.\nBring: your questions\\notes',
  location: 'Online (video call)',
  url: 'https://clinic.example/bookings#token=abc',
};

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent');
  return { calendar, events };
}

const utf8 = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** Physical lines, checking the framing RFC 5545 §3.1 asks for. */
function physicalLines(text: string): string[] {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(text), 'only CRLF line breaks');
  const lines = text.slice(0, -2).split('\r\n');
  for (const line of lines) {
    const bytes = utf8.encode(line);
    assert.ok(bytes.length <= 75, `${bytes.length} octets: ${line}`);
    // Decoding each physical line alone fails if a fold split a multibyte character.
    assert.equal(strictDecoder.decode(bytes), line);
  }
  return lines;
}

function unfold(text: string): string[] {
  return text.replace(/\r\n /g, '').slice(0, -2).split('\r\n');
}

describe('calendarFile', () => {
  it('writes a VCALENDAR that ical.js reads back field by field', () => {
    const text = calendarFile([EVENT], { now: NOW });
    const { calendar, events } = parse(text);
    assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
    assert.equal(calendar.getFirstPropertyValue('prodid'), '-//kap-elements//kap-booking//EN');
    assert.equal(calendar.getFirstPropertyValue('calscale'), 'GREGORIAN');
    assert.equal(calendar.getFirstPropertyValue('method'), 'PUBLISH');
    assert.equal(events.length, 1);
    const event = new ICAL.Event(events[0]!);
    assert.equal(event.uid, EVENT.uid);
    assert.equal(event.summary, EVENT.summary);
    assert.equal(event.description, EVENT.description);
    assert.equal(event.location, EVENT.location);
    assert.equal(events[0]!.getFirstPropertyValue('url'), EVENT.url);
    assert.equal(event.startDate.toJSDate().toISOString(), '2026-03-04T14:00:00.000Z');
    assert.equal(event.endDate.toJSDate().toISOString(), '2026-03-04T14:45:00.000Z');
    assert.equal(event.startDate.zone?.tzid, 'UTC');
  });

  it('writes the exact lines, UTC date-times without milliseconds, and CRLF endings', () => {
    const text = calendarFile([{ uid: 'u1', start: '2026-03-04T14:00:00.000Z', end: '2026-03-04T15:00:00Z', summary: 'Session' }], {
      now: NOW,
      productId: '-//Riverbend Clinic//Booking//EN',
    });
    assert.equal(
      text,
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Riverbend Clinic//Booking//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'BEGIN:VEVENT',
        'UID:u1',
        'DTSTAMP:20260301T093015Z',
        'DTSTART:20260304T140000Z',
        'DTEND:20260304T150000Z',
        'SUMMARY:Session',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });

  it('holds several events and an empty calendar', () => {
    const second = { ...EVENT, uid: 'bk_2@kap-elements', start: '2026-03-05T14:00:00Z', end: '2026-03-05T15:00:00Z' };
    assert.equal(parse(calendarFile([EVENT, second], { now: NOW })).events.length, 2);
    assert.equal(parse(calendarFile([], { now: NOW })).events.length, 0);
  });

  it('says nothing about the person: only calendar, time and the given text properties', () => {
    const names = new Set(unfold(calendarFile([EVENT], { now: NOW })).map((line) => line.split(/[:;]/)[0]));
    const allowed = [
      'BEGIN',
      'END',
      'VERSION',
      'PRODID',
      'CALSCALE',
      'METHOD',
      'UID',
      'DTSTAMP',
      'DTSTART',
      'DTEND',
      'SUMMARY',
      'DESCRIPTION',
      'LOCATION',
      'URL',
    ];
    for (const name of names) assert.ok(allowed.includes(name), `unexpected property ${name}`);
    assert.ok(!names.has('ATTENDEE') && !names.has('ORGANIZER'));
  });

  it('cannot be made to inject properties through text or the URL', () => {
    const hostile: CalendarEvent = {
      ...EVENT,
      summary: 'Session\r\nATTENDEE:mailto:alice@example.com',
      location: 'Room 1\nORGANIZER:mailto:x@example.com',
      url: 'https://clinic.example/a\r\nATTENDEE:mailto:alice@example.com',
    };
    const text = calendarFile([hostile], { now: NOW });
    const names = unfold(text).map((line) => line.split(/[:;]/)[0]);
    assert.ok(!names.includes('ATTENDEE') && !names.includes('ORGANIZER'));
    const event = new ICAL.Event(parse(text).events[0]!);
    assert.equal(event.summary, 'Session\nATTENDEE:mailto:alice@example.com');
  });

  it('refuses non-http URLs, invalid instants and events that end before they start', () => {
    assert.throws(() => calendarFile([{ ...EVENT, url: 'javascript:alert(1)' }], { now: NOW }), RangeError);
    assert.throws(() => calendarFile([{ ...EVENT, url: '/relative' }], { now: NOW }), RangeError);
    assert.throws(() => calendarFile([{ ...EVENT, start: 'soon' }], { now: NOW }), RangeError);
    assert.throws(() => calendarFile([{ ...EVENT, end: EVENT.start }], { now: NOW }), RangeError);
    assert.throws(() => calendarFile([EVENT], { now: new Date(NaN) }), RangeError);
  });

  it('folds a long line at 75 octets and ical.js unfolds it', () => {
    const summary = 'Ketamine-assisted psychotherapy — preparation session with your therapist, 60 minutes';
    const text = calendarFile([{ ...EVENT, summary }], { now: NOW });
    const lines = physicalLines(text);
    assert.ok(
      lines.some((line) => line.startsWith(' ')),
      'at least one continuation line',
    );
    assert.equal(new ICAL.Event(parse(text).events[0]!).summary, summary);
  });
});

describe('reminders (VALARM)', () => {
  const WITH_ALARMS: CalendarEvent = {
    uid: 'bk_1-fast@kap-elements',
    start: '2026-03-05T11:00:00Z',
    end: '2026-03-05T11:15:00Z',
    summary: 'Stop eating',
    alarms: [
      { description: 'Stop eating; light meal, then water only', minutesBefore: 60 },
      { description: 'Now', minutesBefore: 0 },
    ],
  };

  it('writes one VALARM per reminder inside its event, and ical.js reads each back', () => {
    const text = calendarFile([WITH_ALARMS, { ...EVENT, alarms: [{ description: 'Session tomorrow', minutesBefore: 1440 }] }], {
      now: NOW,
    });
    physicalLines(text);
    const { events } = parse(text);
    const alarms = events.map((event) => event.getAllSubcomponents('valarm'));
    assert.deepEqual(
      alarms.map((list) => list.length),
      [2, 1],
    );
    const first = alarms[0]!.map((alarm) => ({
      action: alarm.getFirstPropertyValue('action'),
      description: alarm.getFirstPropertyValue('description'),
      trigger: (alarm.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds(),
    }));
    assert.deepEqual(first, [
      { action: 'DISPLAY', description: 'Stop eating; light meal, then water only', trigger: -3600 },
      { action: 'DISPLAY', description: 'Now', trigger: 0 },
    ]);
    assert.equal((alarms[1]![0]!.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds(), -86_400);
    // An event without alarms has none.
    assert.equal(parse(calendarFile([EVENT], { now: NOW })).events[0]!.getAllSubcomponents('valarm').length, 0);
  });

  it('writes the exact VALARM lines (RFC 5545 §3.6.6: ACTION, DESCRIPTION, TRIGGER)', () => {
    const lines = unfold(calendarFile([WITH_ALARMS], { now: NOW }));
    const start = lines.indexOf('BEGIN:VALARM');
    assert.deepEqual(lines.slice(start, start + 5), [
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'DESCRIPTION:Stop eating\\; light meal\\, then water only',
      'TRIGGER:-PT1H',
      'END:VALARM',
    ]);
    assert.equal(lines[lines.lastIndexOf('END:VALARM') + 1], 'END:VEVENT');
  });

  it('turns minutes into RFC 5545 durations that ical.js agrees with', () => {
    const cases: [number, string][] = [
      [0, 'PT0M'],
      [1, '-PT1M'],
      [60, '-PT1H'],
      [90, '-PT1H30M'],
      [1440, '-P1D'],
      [1500, '-P1DT1H'],
      [2881, '-P2DT1M'],
      [-30, 'PT30M'],
      [-1440, 'P1D'],
    ];
    for (const [minutes, expected] of cases) {
      assert.equal(triggerDuration(minutes), expected);
      assert.equal(ICAL.Duration.fromString(expected).toSeconds(), -minutes * 60 || 0);
    }
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (minutes) => {
        assert.equal(ICAL.Duration.fromString(triggerDuration(minutes)).toSeconds(), -minutes * 60 || 0);
      }),
    );
    for (const bad of [1.5, Number.NaN, Infinity]) assert.throws(() => triggerDuration(bad), RangeError);
  });

  it('cannot be made to inject properties through a reminder', () => {
    const text = calendarFile([{ ...WITH_ALARMS, alarms: [{ description: 'x\r\nATTENDEE:mailto:a@example.com\nEND:VALARM', minutesBefore: 5 }] }], {
      now: NOW,
    });
    const names = unfold(text).map((line) => line.split(/[:;]/)[0]);
    assert.ok(!names.includes('ATTENDEE'));
    assert.equal(names.filter((name) => name === 'END').length, 3);
    const alarm = parse(text).events[0]!.getFirstSubcomponent('valarm')!;
    assert.equal(alarm.getFirstPropertyValue('description'), 'x\nATTENDEE:mailto:a@example.com\nEND:VALARM');
  });
});

describe('escapeText and foldLine', () => {
  it('escapes backslash, semicolon, comma and newlines (CRLF, CR and LF alike)', () => {
    assert.equal(escapeText('a\\b;c,d\ne\r\nf\rg'), 'a\\\\b\\;c\\,d\\ne\\nf\\ng');
    assert.equal(escapeText('tab\tstays, bell\u0007 goes'), 'tab\tstays\\, bell goes');
  });

  it('never splits a multibyte character and keeps 75-octet lines', () => {
    const line = `SUMMARY:${'é'.repeat(40)}${'界'.repeat(30)}${'👩🏽‍⚕️'.repeat(10)}`;
    const folded = foldLine(line);
    for (const physical of folded.split('\r\n')) {
      const bytes = utf8.encode(physical);
      assert.ok(bytes.length <= 75);
      assert.equal(strictDecoder.decode(bytes), physical);
    }
    assert.equal(folded.replace(/\r\n /g, ''), line);
  });

  it('fills lines up to exactly 75 octets', () => {
    const folded = foldLine('X'.repeat(75 + 74 + 10));
    assert.deepEqual(
      folded.split('\r\n').map((l) => utf8.encode(l).length),
      [75, 75, 11],
    );
    assert.equal(foldLine('X'.repeat(75)), 'X'.repeat(75));
  });
});

describe('round trips (property)', () => {
  const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
  const textArb = fc
    .array(
      fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.constantFrom('\\', ';', ',', '\n', '\r\n', ':', '"', '界', '😀', '👩🏽‍⚕️', 'é', ' ', '\\n', '\\,'),
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(''));

  it('any summary, description and location survive escaping, folding and parsing by ical.js', () => {
    fc.assert(
      fc.property(textArb, textArb, textArb, (summary, description, location) => {
        const text = calendarFile([{ ...EVENT, summary, description, location }], { now: NOW });
        physicalLines(text);
        const event = new ICAL.Event(parse(text).events[0]!);
        const expected = (value: string) => value.replace(/\r\n?/g, '\n').replace(controls, '');
        assert.equal(event.summary, expected(summary));
        assert.equal(event.description, expected(description));
        assert.equal(event.location, expected(location));
      }),
      { numRuns: 500 },
    );
  });

  it('folding is undone exactly by unfolding, for any line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (value) => {
        const line = `DESCRIPTION:${escapeText(value)}`;
        const folded = foldLine(line);
        assert.equal(folded.replace(/\r\n /g, ''), line);
        for (const physical of folded.split('\r\n')) {
          const bytes = utf8.encode(physical);
          assert.ok(bytes.length <= 75);
          assert.equal(strictDecoder.decode(bytes), physical);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
