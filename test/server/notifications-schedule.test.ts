/**
 * A confirmed session's later emails, with a real SMTP server in the test process and the test's
 * clock (no sleeps): the reminder at its service's `reminderHours` (moved with the session, none
 * for 0); one email per day with checklist items coming due (titles only, the checklist link, the
 * client's language; none once done or cancelled); the invitation to book the follow-up session
 * when an administration session ends, whose link opens the follow-up's window.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { ParsedMail } from 'mailparser';
import { GIVE_UP_AFTER_MS } from '../../server/notifications/backoff.js';
import { checklistEmails } from '../../server/notifications/schedule.js';
import { smtpTransport } from '../../server/notifications/smtp.js';
import { NotificationWorker } from '../../server/notifications/worker.js';
import { mailSink, recipient, wholeMessage, type MailSink } from './notifications-support.js';
import { addStaff, sessionFor, staffRequest } from './staff-support.js';
import { CLIENT, DAY, HOUR, MINUTE, testApp, type TestApp } from './support.js';

let sink: MailSink;
before(async () => {
  sink = await mailSink();
});
after(() => sink.close());

function workerFor(app: TestApp): NotificationWorker {
  return new NotificationWorker({
    stores: app.stores,
    now: () => app.clock.ms,
    email: smtpTransport({ url: sink.url, from: 'Harbor Light <appointments@harbor.example>' }),
    siteUrl: 'http://site.test/',
    consoleUrl: 'http://kap.test/console/',
  });
}

/** Runs a round and answers the messages it sent (waiting for SMTP to hand them over). */
async function round(worker: NotificationWorker): Promise<ParsedMail[]> {
  const from = sink.messages.length;
  const result = await worker.runOnce();
  await sink.waitFor(from + result.delivered);
  return sink.messages.slice(from);
}

function subjects(mails: ParsedMail[]): string[] {
  return mails.map((mail) => mail.subject ?? '');
}

/** The messages other than checklist emails (the demo services have checklists with timed items). */
function notChecklist(mails: ParsedMail[]): ParsedMail[] {
  return mails.filter((mail) => !mail.subject?.startsWith('Preparing for your appointment'));
}

function assertNothingPrivate(mail: ParsedMail): void {
  const text = wholeMessage(mail);
  assert.ok(!text.includes(CLIENT.name), "no client's name");
  assert.ok(!/Ketamine session|Sesión con ketamina|Integration session|Sesión de integración/i.test(mail.subject ?? ''), 'no service name in the subject');
}

async function setReminderHours(app: TestApp, hours: Record<string, number>): Promise<Response> {
  const owner = await addStaff(app, 'owner');
  const { configuration } = await (await staffRequest(app, 'GET', '/staff/clinic', { session: await sessionFor(app, owner.record) })).json();
  const services = configuration.services.map((service: { id: string }) => (service.id in hours ? { ...service, reminderHours: hours[service.id] } : service));
  return staffRequest(app, 'PUT', '/staff/clinic/services', { session: await sessionFor(app, owner.record), body: { services } });
}

/** A confirmed administration session (a request the front desk confirms). */
async function confirmedAdministration(app: TestApp, start: string, extra: Record<string, unknown> = {}): Promise<{ id: string; token: string }> {
  const booked = await (await app.book({ service: 'administration', start, ...extra } as never)).json();
  assert.equal(booked.booking?.status, 'requested', JSON.stringify(booked));
  const desk = await addStaff(app, 'front-desk');
  const confirmed = await staffRequest(app, 'POST', `/staff/bookings/${booked.booking.id}/confirm`, { session: await sessionFor(app, desk.record) });
  assert.equal(confirmed.status, 200);
  return { id: booked.booking.id, token: booked.accessToken };
}

describe('reminders per service', () => {
  test("the reminder goes out at the service's reminderHours before the session; a move moves it; the owner sets it in the services", async () => {
    const app = testApp();
    assert.equal((await setReminderHours(app, { consultation: 48 })).status, 200);
    const worker = workerFor(app);
    const start = Date.parse('2026-03-05T15:00:00Z');
    const booked = await (await app.book({ start: '2026-03-05T15:00:00Z' })).json();
    assert.deepEqual(subjects(notChecklist(await round(worker))), ['Your appointment at Harbor Light Ketamine Therapy']);

    app.clock.set(new Date(start - 48 * HOUR - MINUTE).toISOString());
    assert.deepEqual(notChecklist(await round(worker)), [], 'not before its time');
    app.clock.advance(MINUTE);
    const [reminder, ...others] = notChecklist(await round(worker));
    assert.equal(others.length, 0);
    assert.equal(recipient(reminder!), CLIENT.email);
    assert.equal(reminder!.subject, 'Reminder: your appointment at Harbor Light Ketamine Therapy');
    assertNothingPrivate(reminder!);

    // Moved a day later: its reminder moves with it (48 hours before the new time), and only that one goes.
    const moved = await app.postJson(
      `/bookings/${booked.booking.id}/reschedule`,
      { start: '2026-03-06T15:00:00Z' },
      { 'Idempotency-Key': randomUUID(), Authorization: `Bearer ${booked.accessToken}` },
    );
    assert.equal(moved.status, 200, await moved.clone().text());
    assert.deepEqual(subjects(notChecklist(await round(worker))), ['Your appointment at Harbor Light Ketamine Therapy has moved']);
    app.clock.set(new Date(start + DAY - 48 * HOUR).toISOString());
    assert.deepEqual(subjects(notChecklist(await round(worker))), ['Reminder: your appointment at Harbor Light Ketamine Therapy']);
    app.clock.advance(3 * DAY);
    assert.deepEqual(notChecklist(await round(worker)), []);
    await app.close();
  });

  test('0 sends no reminder; a service left at the default reminds 24 hours before', async () => {
    const app = testApp();
    assert.equal((await setReminderHours(app, { consultation: 0 })).status, 200);
    const { configuration } = await app.stores.clinic.configuration().then((c) => ({ configuration: c }));
    assert.deepEqual(
      configuration.services.map((service) => [service.id, service.reminderHours]),
      [
        ['consultation', 0],
        ['preparation', 24],
        ['administration', 24],
        ['integration', 24],
      ],
    );
    const worker = workerFor(app);
    await app.book({ start: '2026-03-05T15:00:00Z' });
    await app.book({ service: 'preparation', start: '2026-03-05T17:00:00Z' });
    assert.equal(notChecklist(await round(worker)).length, 2);
    app.clock.set('2026-03-04T17:00:00Z');
    const mails = notChecklist(await round(worker));
    assert.deepEqual(subjects(mails), ['Reminder: your appointment at Harbor Light Ketamine Therapy']);
    assert.match(mails[0]!.text!, /12:00\s?PM–1:00\s?PM/, "the preparation session's, not the consultation's");
    app.clock.advance(2 * DAY);
    assert.deepEqual(notChecklist(await round(worker)), []);
    await app.close();
  });

  test('a reminder time outside 0–720 whole hours is refused at its field', async () => {
    const app = testApp();
    const response = await setReminderHours(app, { consultation: 721 });
    assert.equal(response.status, 422);
    const body = await response.json();
    assert.ok(JSON.stringify(body).includes('services.0.reminderHours'), JSON.stringify(body));
    await app.close();
  });
});

describe('checklist items coming due', () => {
  // Tuesday 10 March 2026, 10:00 in New York (EDT since Sunday 8 March).
  const START = '2026-03-10T14:00:00Z';

  test('one email per day with items due, 24 hours before the first: titles only, the checklist link, the client language; done items left out', async () => {
    const app = testApp();
    const booking = await confirmedAdministration(app, START, { lang: 'es' });
    const worker = workerFor(app);
    await round(worker); // the request received, the desk's alert, the confirmation
    const checklist = (wanted: ParsedMail[]) => wanted.filter((mail) => mail.subject === 'La preparación de su cita en Harbor Light Ketamine Therapy');

    // "Ask your prescriber" is due Saturday 7 March 09:00 (72 h before): its email goes out 24 h earlier.
    app.clock.set('2026-03-06T13:59:00Z');
    assert.deepEqual(checklist(await round(worker)), []);
    app.clock.set('2026-03-06T14:00:00Z');
    const [first, ...others] = checklist(await round(worker));
    assert.equal(others.length, 0);
    assert.equal(recipient(first!), CLIENT.email);
    assert.match(first!.html as string, /<html lang="es">/);
    assert.match(
      first!.html as string,
      /<h2>Vencen pronto<\/h2>\s*<ul><li>Hable de los medicamentos que toma con el profesional que se los receta<\/li><\/ul>/,
    );
    assert.match(first!.html as string, /<a href="http:\/\/site\.test\/es\/checklist\.html#[^"]+">Su lista de preparación<\/a>/);
    assert.match(first!.text!, /Hable de los medicamentos que toma/);
    assert.ok(!/Pida a alguien|Deje de comer|No tome alcohol/.test(first!.text!), "only that day's items");
    assert.ok(!first!.text!.includes('Tell your prescriber'), 'titles only, no details');
    const link = /http:\/\/site\.test\/es\/checklist\.html#\S+/.exec(first!.text!)?.[0];
    assert.ok(link, 'the checklist link');
    assert.ok(!/manage\.html|intake\.html/.test(first!.text!), 'the checklist link only');
    const token = new URLSearchParams(new URL(link).hash.slice(1)).get('token');
    assert.equal(
      (await app.request(`/bookings/${booking.id}/checklist`, { headers: { Authorization: `Bearer ${token}` } })).status,
      200,
      'a fresh token that opens it',
    );
    assertNothingPrivate(first!);

    // "Arrange a ride" (Sunday 8 March) is done before its email: none goes for that day.
    const ticked = await app.request(`/bookings/${booking.id}/checklist/arrange-ride-home`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${booking.token}` },
      body: JSON.stringify({ done: true }),
    });
    assert.equal(ticked.status, 200);
    app.clock.set('2026-03-07T14:00:00Z');
    assert.deepEqual(checklist(await round(worker)), []);

    // Monday 9 March: "no alcohol" (24 h before). Tuesday's two items, 24 h before the first (06:00): one email.
    app.clock.set('2026-03-08T14:00:00Z');
    assert.match(checklist(await round(worker))[0]?.text ?? '', /No tome alcohol ni cannabis/);
    app.clock.set('2026-03-09T10:00:00Z');
    const [day, ...more] = checklist(await round(worker));
    assert.equal(more.length, 0, 'one email for the day, not one per item');
    assert.match(day!.text!, /Deje de comer 4 horas antes/);
    assert.match(day!.text!, /Solo líquidos claros, y no beba nada/);
    app.clock.set('2026-03-12T00:00:00Z');
    assert.deepEqual(checklist(await round(worker)), [], 'nothing for the item after the session');
    await app.close();
  });

  test('none after the booking is cancelled', async () => {
    const app = testApp();
    const booking = await confirmedAdministration(app, START);
    const worker = workerFor(app);
    await round(worker);
    const cancelled = await app.postJson(`/bookings/${booking.id}/cancel`, {}, { Authorization: `Bearer ${booking.token}` });
    assert.equal(cancelled.status, 200);
    assert.deepEqual(subjects(await round(worker)), ['Your appointment at Harbor Light Ketamine Therapy is cancelled']);
    app.clock.set('2026-03-12T00:00:00Z');
    assert.deepEqual(await round(worker), []);
    await app.close();
  });

  test('the schedule: grouped by the day in the client zone; days whose time has passed go together; items already due and restrictions left out', () => {
    const start = Date.parse('2026-03-10T14:00:00Z');
    const items = [
      { id: 'three-days', dueOffsetMinutes: -72 * 60 },
      { id: 'untimed' },
      { id: 'four-hours', dueOffsetMinutes: -240 },
      { id: 'two-hours', dueOffsetMinutes: -120 },
      { id: 'day-before', dueOffsetMinutes: -24 * 60 },
      { id: 'after', dueOffsetMinutes: 24 * 60 },
    ];
    assert.deepEqual(checklistEmails(items, start, 'America/New_York', Date.parse('2026-03-01T00:00:00Z')), [
      { at: start - 96 * HOUR, itemIds: ['three-days'] },
      { at: start - 48 * HOUR, itemIds: ['day-before'] },
      { at: start - 28 * HOUR, itemIds: ['four-hours', 'two-hours'] },
    ]);
    // Made 26 hours before: the items of both days whose time has passed go out at once, in one email.
    const late = start - 26 * HOUR;
    assert.deepEqual(checklistEmails(items, start, 'America/New_York', late), [{ at: late, itemIds: ['four-hours', 'two-hours', 'day-before'] }]);
    assert.deepEqual(checklistEmails(items, start, 'America/New_York', start - HOUR), []);
  });
});

describe('the follow-up invitation', () => {
  test('when the administration session ends, the client is invited to book the follow-up in its window, with a link that opens it', async () => {
    const app = testApp();
    const booking = await confirmedAdministration(app, '2026-03-10T14:00:00Z');
    const worker = workerFor(app);
    await round(worker);
    const invitation = (mails: ParsedMail[]) => mails.filter((mail) => mail.subject === 'Book your next appointment at Harbor Light Ketamine Therapy');
    app.clock.set('2026-03-10T15:59:00Z');
    assert.deepEqual(invitation(await round(worker)), []);
    app.clock.set('2026-03-10T16:00:00Z'); // 2 hours: the session's end
    const [mail, ...others] = invitation(await round(worker));
    assert.equal(others.length, 0);
    assert.equal(recipient(mail!), CLIENT.email);
    assert.match(mail!.text!, /You can now book your follow-up session/);
    assert.match(mail!.text!, /Wednesday, March 11 at 12:00\s?PM EDT – Thursday, March 12 at 12:00\s?PM EDT/, 'the window, 24 to 48 hours after the end');
    assertNothingPrivate(mail!);
    const link = /http:\/\/site\.test\/integration\.html#\S+/.exec(mail!.text!)?.[0];
    assert.ok(link);
    const params = new URLSearchParams(new URL(link).hash.slice(1));
    assert.equal(params.get('booking'), booking.id);
    const slots = await app.request(
      `/availability?service=integration&from=2026-03-11T00:00:00Z&to=2026-03-13T00:00:00Z&after=${encodeURIComponent(booking.id)}`,
      { headers: { Authorization: `Bearer ${params.get('token')}` } },
    );
    assert.equal(slots.status, 200, 'the link opens the follow-up booking');
    const starts = (await slots.json()).slots.map((slot: { start: string }) => Date.parse(slot.start));
    assert.ok(starts.length > 0 && starts.every((at: number) => at >= Date.parse('2026-03-11T16:00:00Z') && at <= Date.parse('2026-03-12T16:00:00Z')));
    app.clock.advance(3 * DAY);
    assert.deepEqual(invitation(await round(worker)), []);
    await app.close();
  });

  test('not sent when the session was cancelled, nor for a service nothing follows', async () => {
    const app = testApp();
    const booking = await confirmedAdministration(app, '2026-03-10T14:00:00Z');
    await app.book({ start: '2026-03-05T15:00:00Z' });
    const worker = workerFor(app);
    await round(worker);
    assert.equal((await app.postJson(`/bookings/${booking.id}/cancel`, {}, { Authorization: `Bearer ${booking.token}` })).status, 200);
    await round(worker);
    app.clock.set('2026-03-13T00:00:00Z');
    assert.deepEqual(
      subjects(await round(worker)).filter((subject) => subject.startsWith('Book your next')),
      [],
    );
    const events = app.db.prepare("SELECT type FROM notification_events WHERE type = 'follow_up.invited'").all();
    assert.equal(events.length, 1, "the administration session's only; the consultation has none");
    await app.close();
  });
});

describe('failed deliveries', () => {
  test('the owner tries a failed delivery again: it is sent, audited, and cannot be retried twice; others may not', async () => {
    const app = testApp();
    const owner = await addStaff(app, 'owner');
    const desk = await addStaff(app, 'front-desk');
    await app.book({ start: '2026-03-05T15:00:00Z' });
    const down = new NotificationWorker({
      stores: app.stores,
      now: () => app.clock.ms,
      email: smtpTransport({ url: 'smtp://127.0.0.1:9', from: 'a@b.example' }),
      siteUrl: 'http://site.test/',
      consoleUrl: 'http://kap.test/console/',
    });
    await down.runOnce();
    app.clock.advance(GIVE_UP_AFTER_MS);
    await down.runOnce();
    const session = await sessionFor(app, owner.record);
    const { deliveries } = await (await staffRequest(app, 'GET', '/staff/notifications/failed', { session })).json();
    const failed = deliveries.find((delivery: { destination: string }) => delivery.destination === 'email:client');
    assert.ok(failed, JSON.stringify(deliveries));
    const path = `/staff/notifications/${failed.id}/retry`;
    assert.equal((await staffRequest(app, 'POST', path, { session: await sessionFor(app, desk.record) })).status, 403);
    const retried = await staffRequest(app, 'POST', path, { session });
    assert.equal(retried.status, 202);
    assert.deepEqual(await retried.json(), { retried: true });
    assert.equal((await staffRequest(app, 'POST', path, { session })).status, 409, 'waiting already');
    const sent = await round(workerFor(app));
    assert.equal(sent.filter((mail) => recipient(mail) === CLIENT.email).length, 1);
    assert.equal((await app.stores.notifications.findDelivery(failed.id))?.state, 'delivered');
    const audit = app.db.prepare("SELECT action, record_type, record_id FROM audit_log WHERE action = 'notification.retry'").all();
    assert.deepEqual(audit, [{ action: 'notification.retry', record_type: 'delivery', record_id: failed.id }]);
    await app.close();
  });
});
