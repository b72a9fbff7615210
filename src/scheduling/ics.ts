/**
 * An iCalendar file (RFC 5545) for "add to calendar". It carries only what the caller passes —
 * times, a summary, and optionally a description, location, link and reminders — never who booked.
 */

/** A reminder the calendar shows before an event (a VALARM with `ACTION:DISPLAY`, §3.6.6). */
export interface CalendarAlarm {
  /** What the reminder says. */
  description: string;
  /** Whole minutes before the event starts; 0 is at its start, a negative number after it. */
  minutesBefore: number;
}

export interface CalendarEvent {
  /** Globally unique and stable, so importing the file twice updates one event. */
  uid: string;
  /** ISO instants. */
  start: string;
  end: string;
  summary: string;
  description?: string;
  location?: string;
  /** An absolute http(s) URL. */
  url?: string;
  /** Reminders, each written as its own VALARM inside the event. */
  alarms?: CalendarAlarm[];
}

export interface CalendarFileOptions {
  /** Stamped as DTSTAMP on every event. */
  now: Date;
  productId?: string;
  method?: 'PUBLISH';
}

const CRLF = '\r\n';

/** `20260304T140000Z` */
function utcDateTime(value: string | Date, what: string): string {
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Invalid ${what} for a calendar event: ${String(value)}`);
  return new Date(ms).toISOString().replace(/-|:|\.\d{3}/g, '');
}

/** TEXT escaping (RFC 5545 §3.3.11); other control characters are not allowed in TEXT at all. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Folds a content line into chunks of at most 75 octets, never inside a UTF-8 sequence (§3.1). */
export function foldLine(line: string): string {
  let out = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > 75) {
      out += `${CRLF} `;
      octets = 1;
    }
    out += char;
    octets += size;
  }
  return out;
}

function safeUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RangeError(`Invalid URL for a calendar event: ${value}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RangeError(`A calendar event URL must be http(s): ${value}`);
  }
  return url.href;
}

/**
 * A TRIGGER duration relative to the event's start (§3.3.6): 90 minutes before is `-PT1H30M`,
 * a day before `-P1D`, the start itself `PT0M`.
 */
export function triggerDuration(minutesBefore: number): string {
  if (!Number.isSafeInteger(minutesBefore)) {
    throw new RangeError(`A calendar reminder needs a whole number of minutes, not ${String(minutesBefore)}`);
  }
  const sign = minutesBefore > 0 ? '-' : '';
  let rest = Math.abs(minutesBefore);
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const minutes = rest - hours * 60;
  const time = `${hours ? `${hours}H` : ''}${minutes || (!days && !hours) ? `${minutes}M` : ''}`;
  return `${sign}P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

function alarmLines(alarm: CalendarAlarm): string[] {
  return ['BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(alarm.description)}`, `TRIGGER:${triggerDuration(alarm.minutesBefore)}`, 'END:VALARM'];
}

export function calendarFile(events: CalendarEvent[], options: CalendarFileOptions): string {
  const stamp = utcDateTime(options.now, 'DTSTAMP');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(options.productId ?? '-//kap-elements//kap-booking//EN')}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${options.method ?? 'PUBLISH'}`,
  ];
  for (const event of events) {
    const start = utcDateTime(event.start, 'start');
    const end = utcDateTime(event.end, 'end');
    if (Date.parse(event.end) <= Date.parse(event.start)) {
      throw new RangeError('A calendar event must end after it starts.');
    }
    lines.push('BEGIN:VEVENT', `UID:${escapeText(event.uid)}`, `DTSTAMP:${stamp}`, `DTSTART:${start}`, `DTEND:${end}`, `SUMMARY:${escapeText(event.summary)}`);
    if (event.description !== undefined) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.location !== undefined) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.url !== undefined) lines.push(`URL:${safeUrl(event.url)}`);
    for (const alarm of event.alarms ?? []) lines.push(...alarmLines(alarm));
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
