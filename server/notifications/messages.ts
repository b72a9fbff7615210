/**
 * The emails themselves, plain text and simple accessible HTML, from what a delivery knows: the
 * kind of message, the language, the time and place, the links. Pure: the worker gathers the facts
 * (compose.ts). A client's message never holds answers, reasons or scores, and no subject names the
 * service; a staff message holds a sentence and a console link, nothing about the client.
 */
import { appointmentIcs } from './ics.js';
import { emailWords, fill, type EmailWords } from './words.js';

export type ClientMessageKind =
  | 'request-received'
  | 'confirmed'
  | 'request-confirmed'
  | 'declined'
  | 'cancelled'
  | 'rescheduled'
  | 'rescheduled-request'
  | 'reminder'
  | 'links'
  | 'checklist-due'
  | 'follow-up';

export type StaffMessageKind = 'request' | 'safety' | 'escalation';

export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: string }[];
}

export interface ClientMessageFacts {
  kind: ClientMessageKind;
  /** The language the client booked in; the clinic's when they did not say. */
  lang: string | undefined;
  clinic: { name: string; timeZone: string; address: readonly string[] | undefined };
  /** The client's time zone, when known and not the clinic's. */
  clientTimeZone: string | undefined;
  location: 'in_person' | 'virtual';
  start: number;
  end: number;
  bookingId: string;
  /** The booking's links (those the message offers), each carrying a token in its fragment. */
  links?: { manage?: string; checklist?: string; intake?: string };
  /** The checklist items coming due (`checklist-due`): their titles only, in the client's language when the checklist has it. */
  checklistItems?: { text: string; lang: string }[];
  /** The follow-up session's booking window and page, its link carrying a token (`follow-up`). */
  followUp?: { start: number; end: number; page: string };
  /** Where to choose another time (a declined request). */
  bookingPage?: string;
  /** Attach a calendar file (the booking's `sequence`-th version). */
  calendar?: { sequence: number; now: number };
}

const SUBJECT: Record<ClientMessageKind, keyof EmailWords> = {
  'request-received': 'subjectRequestReceived',
  confirmed: 'subjectConfirmed',
  'request-confirmed': 'subjectConfirmed',
  declined: 'subjectDeclined',
  cancelled: 'subjectCancelled',
  rescheduled: 'subjectRescheduled',
  'rescheduled-request': 'subjectRescheduled',
  reminder: 'subjectReminder',
  links: 'subjectLinks',
  'checklist-due': 'subjectChecklistDue',
  'follow-up': 'subjectFollowUp',
};

const OPENING: Record<ClientMessageKind, keyof EmailWords> = {
  'request-received': 'requestReceived',
  confirmed: 'confirmed',
  'request-confirmed': 'requestConfirmed',
  declined: 'declined',
  cancelled: 'cancelled',
  rescheduled: 'rescheduled',
  'rescheduled-request': 'rescheduledRequest',
  reminder: 'reminder',
  links: 'links',
  'checklist-due': 'checklistDue',
  'follow-up': 'followUp',
};

export function clientMessage(facts: ClientMessageFacts): ComposedEmail {
  const { lang, words } = emailWords(facts.lang);
  const clinic = facts.clinic.name;
  const subject = fill(words[SUBJECT[facts.kind]], { clinic });
  const times = [`${when(facts.start, facts.end, facts.clinic.timeZone, lang)} (${words.clinicTime})`];
  if (facts.clientTimeZone && facts.clientTimeZone !== facts.clinic.timeZone) {
    times.unshift(`${when(facts.start, facts.end, facts.clientTimeZone, lang)} (${words.yourTime})`);
  }
  const place = facts.location === 'virtual' ? [words.online] : facts.clinic.address?.length ? [...facts.clinic.address] : [clinic];
  const links = (['manage', 'checklist', 'intake'] as const).flatMap((page) => {
    const href = facts.links?.[page];
    return href ? [{ label: words[page], href }] : [];
  });
  // A follow-up invitation is about the window to book in, not the session that ended.
  const session = facts.kind !== 'follow-up';
  const items = facts.checklistItems ?? [];
  const followUp = facts.followUp && {
    times: windowTimes(facts.followUp, facts.clinic.timeZone, facts.clientTimeZone, lang, words),
    page: facts.followUp.page,
  };
  const attachments = facts.calendar
    ? [
        {
          filename: 'appointment.ics',
          contentType: 'text/calendar; charset=utf-8',
          content: appointmentIcs({
            uid: `${facts.bookingId}@kap-elements`,
            start: facts.start,
            end: facts.end,
            summary: fill(words.calendarSummary, { clinic }),
            location: place.join(', '),
            sequence: facts.calendar.sequence,
            now: facts.calendar.now,
            cancelled: facts.kind === 'cancelled',
          }),
        },
      ]
    : [];
  const opening = words[OPENING[facts.kind]];
  const signature = fill(words.signature, { clinic });

  const text = [
    words.greeting,
    '',
    opening,
    ...(items.length ? ['', `${words.comingDue}:`, ...items.map((item) => `  - ${item.text}`)] : []),
    ...(followUp ? ['', `${words.followUpWindow}:`, ...followUp.times.map((time) => `  ${time}`), '', `${words.followUpBook}: ${followUp.page}`] : []),
    ...(session ? ['', `${words.when}:`, ...times.map((time) => `  ${time}`), `${words.where}:`, ...place.map((line) => `  ${line}`)] : []),
    ...(links.length ? ['', `${words.yourLinks}:`, ...links.map((link) => `  ${link.label}: ${link.href}`), '', words.linksPrivate] : []),
    ...(facts.bookingPage ? ['', `${words.bookAgain}: ${facts.bookingPage}`] : []),
    ...(attachments.length ? ['', words.calendarAttached] : []),
    '',
    signature,
    '',
  ].join('\n');

  const html = page(lang, subject, [
    `<p>${escape(words.greeting)}</p>`,
    `<p>${escape(opening)}</p>`,
    ...(items.length
      ? [
          `<h2>${escape(words.comingDue)}</h2>`,
          `<ul>${items.map((item) => `<li${item.lang === lang ? '' : ` lang="${escape(item.lang)}"`}>${escape(item.text)}</li>`).join('')}</ul>`,
        ]
      : []),
    ...(followUp
      ? [
          `<h2>${escape(words.followUpWindow)}</h2>`,
          `<p>${followUp.times.map(escape).join('<br>')}</p>`,
          `<p><a href="${escape(followUp.page)}">${escape(words.followUpBook)}</a></p>`,
        ]
      : []),
    ...(session
      ? [
          `<h2>${escape(words.when)}</h2>`,
          `<p>${times.map(escape).join('<br>')}</p>`,
          `<h2>${escape(words.where)}</h2>`,
          `<p>${place.map(escape).join('<br>')}</p>`,
        ]
      : []),
    ...(links.length
      ? [
          `<h2>${escape(words.yourLinks)}</h2>`,
          `<ul>${links.map((link) => `<li><a href="${escape(link.href)}">${escape(link.label)}</a></li>`).join('')}</ul>`,
          `<p>${escape(words.linksPrivate)}</p>`,
        ]
      : []),
    ...(facts.bookingPage ? [`<p><a href="${escape(facts.bookingPage)}">${escape(words.bookAgain)}</a></p>`] : []),
    ...(attachments.length ? [`<p>${escape(words.calendarAttached)}</p>`] : []),
    `<p>${escape(signature)}</p>`,
  ]);
  return { subject, text, html, attachments };
}

export interface StaffMessageFacts {
  kind: StaffMessageKind;
  lang: string | undefined;
  clinicName: string;
  consoleUrl: string;
  /** How long a safety answer waited before the escalation (milliseconds). */
  waitedMs?: number;
}

export function staffMessage(facts: StaffMessageFacts): ComposedEmail {
  const { lang, words } = emailWords(facts.lang);
  const clinic = facts.clinicName;
  const [subjectKey, bodyKey] = (
    {
      request: ['staffSubjectRequest', 'staffRequest'],
      safety: ['staffSubjectSafety', 'staffSafety'],
      escalation: ['staffSubjectEscalation', 'staffEscalation'],
    } as const
  )[facts.kind];
  const subject = fill(words[subjectKey], { clinic });
  const body = fill(words[bodyKey], { duration: duration(facts.waitedMs ?? 0, lang) });
  const text = [body, '', `${words.staffOpenConsole}: ${facts.consoleUrl}`, '', words.staffNoData, ''].join('\n');
  const html = page(lang, subject, [
    `<p>${escape(body)}</p>`,
    `<p><a href="${escape(facts.consoleUrl)}">${escape(words.staffOpenConsole)}</a></p>`,
    `<p>${escape(words.staffNoData)}</p>`,
  ]);
  return { subject, text, html, attachments: [] };
}

function page(lang: string, title: string, body: string[]): string {
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>' + escape(title) + '</title></head>',
    '<body style="font-family: system-ui, sans-serif; font-size: 16px; line-height: 1.5; color: #1b1b1b; background: #ffffff; max-width: 40em; margin: 0 auto; padding: 1em;">',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
  ].join('\n');
}

function when(start: number, end: number, timeZone: string, lang: string): string {
  const day = new Intl.DateTimeFormat(lang, { timeZone, weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(start);
  const time = new Intl.DateTimeFormat(lang, { timeZone, hour: 'numeric', minute: '2-digit' });
  const zone =
    new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: 'short' }).formatToParts(start).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  return `${day}, ${time.format(start)}–${time.format(end)} ${zone}`;
}

/** A follow-up's booking window in the client's zone (when known and not the clinic's) and the clinic's. */
function windowTimes(window: { start: number; end: number }, clinicZone: string, clientZone: string | undefined, lang: string, words: EmailWords): string[] {
  const span = (timeZone: string) => {
    const format = new Intl.DateTimeFormat(lang, {
      timeZone,
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    return `${format.format(window.start)} – ${format.format(window.end)}`;
  };
  const times = [`${span(clinicZone)} (${words.clinicTime})`];
  if (clientZone && clientZone !== clinicZone) times.unshift(`${span(clientZone)} (${words.yourTime})`);
  return times;
}

function duration(ms: number, lang: string): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const [value, unit] = minutes % 60 === 0 ? [minutes / 60, 'hour' as const] : [minutes, 'minute' as const];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
