/**
 * Notifications end to end with a real SMTP server in the test process: a booking through the API
 * → the client's confirmation arrives, in the language they booked in, with working links and an
 * .ics without client details; a request confirmed by staff → the client's email, and the front
 * desk's alert without client data; PHQ-9 item 9 above zero → every clinician's alert at once,
 * the owner's escalation only when nobody acknowledges in time (an injected clock, no sleeps);
 * no email carries an intake answer, a reason or the client's name; failures retry, then show.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { DEMO_INTAKE_FORM_ID } from '../../server/demo/intake-form.js';
import { retryAt, GIVE_UP_AFTER_MS } from '../../server/notifications/backoff.js';
import { devMailbox } from '../../server/notifications/dev-mailbox.js';
import { parseDuration } from '../../server/notifications/settings.js';
import { smtpTransport } from '../../server/notifications/smtp.js';
import { NotificationWorker } from '../../server/notifications/worker.js';
import { DEMO_INTAKE_FORM } from '../../src/forms/demo-intake.js';
import { parseFormDefinition, toSubmission, type Answers } from '../../src/forms/index.js';
import { completeDemoAnswers } from '../forms/support.js';
import { mailSink, recipient, wholeMessage, type MailSink } from './notifications-support.js';
import { addStaff, sessionFor, staffRequest } from './staff-support.js';
import { CLIENT, HOUR, MINUTE, testApp, type TestApp } from './support.js';

const CANARY = 'Canary-Lamotrigine-7731';
let sink: MailSink;

before(async () => {
  sink = await mailSink();
});
after(() => sink.close());

function workerFor(app: TestApp, options: Partial<ConstructorParameters<typeof NotificationWorker>[0]> = {}): NotificationWorker {
  return new NotificationWorker({
    stores: app.stores,
    now: () => app.clock.ms,
    email: smtpTransport({ url: sink.url, from: 'Harbor Light <appointments@harbor.example>' }),
    siteUrl: 'http://site.test/',
    consoleUrl: 'http://kap.test/console/',
    escalationMs: 30 * MINUTE,
    ...options,
  });
}

/** The messages that arrived since `from`, waiting for `count` of them. */
async function arrived(from: number, count: number) {
  await sink.waitFor(from + count);
  return sink.messages.slice(from);
}

function assertNothingPrivate(text: string): void {
  assert.ok(!text.includes(CANARY), 'no intake answer');
  assert.ok(!text.includes(CLIENT.name), "no client's name");
  assert.ok(!/treatment_resistant_depression|depression/i.test(text), 'no reason');
  assert.ok(!/Initial consultation|Consulta inicial|Ketamine session|Sesión con ketamina/i.test(text), 'no service name');
}

function fragmentOf(href: string): { booking: string; token: string } {
  const params = new URLSearchParams(new URL(href).hash.slice(1));
  return { booking: params.get('booking')!, token: params.get('token')! };
}

describe("the client's emails", () => {
  test('a booking through the API: the confirmation arrives in their language, with both zones, working links and an .ics without client details', async () => {
    const app = testApp();
    const worker = workerFor(app);
    const from = sink.messages.length;
    const response = await app.book({
      start: '2026-03-03T15:00:00Z',
      reason: 'treatment_resistant_depression',
      lang: 'es',
      timeZone: 'Europe/Madrid',
    } as never);
    assert.equal(response.status, 201);
    const { booking } = await response.json();
    await worker.runOnce();
    const [mail, ...others] = await arrived(from, 1);
    assert.equal(others.length, 0);
    assert.equal(recipient(mail!), CLIENT.email);
    assert.equal(mail!.subject, 'Su cita en Harbor Light Ketamine Therapy', "neutral: the clinic's name, no service");
    assert.match(mail!.text!, /Su cita está confirmada/);
    assert.match(mail!.text!, /\(su hora\)/);
    assert.match(mail!.text!, /\(hora de la clínica\)/);
    assert.match(mail!.html as string, /<html lang="es">/);
    assertNothingPrivate(`${mail!.subject}\n${mail!.text}`);
    assert.ok(!wholeMessage(mail!).includes(CLIENT.name));

    const links = [...mail!.text!.matchAll(/http:\/\/site\.test\/es\/(manage|checklist|intake)\.html#\S+/g)].map((match) => match[0]);
    assert.equal(links.length, 3);
    const { booking: id, token } = fragmentOf(links[0]!);
    assert.equal(id, booking.id);
    const opened = await app.request(`/bookings/${id}`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(opened.status, 200, 'the link opens the booking');
    const wrong = await app.request(`/bookings/${id}`, { headers: { Authorization: `Bearer ${token}x` } });
    assert.equal(wrong.status, 401);

    const ics = mail!.attachments.find((attachment) => attachment.filename === 'appointment.ics');
    assert.ok(ics);
    const content = ics.content.toString('utf8');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(content)).getFirstSubcomponent('vevent')!);
    assert.equal(event.startDate.toJSDate().toISOString(), '2026-03-03T15:00:00.000Z');
    assert.equal(event.endDate.toJSDate().toISOString(), '2026-03-03T15:45:00.000Z');
    assert.match(event.summary, /^Cita en /);
    assert.ok(!content.includes(CLIENT.email) && !content.includes(CLIENT.name) && !content.includes(CLIENT.phone));

    await worker.runOnce();
    assert.equal(sink.messages.length, from + 1, 'delivered once');
    await app.close();
  });

  test('a request: the client hears it was received, the front desk gets a sentence and a link; confirmed by staff, the client gets the confirmation', async () => {
    const app = testApp();
    const worker = workerFor(app);
    const desk = await addStaff(app, 'front-desk', { email: 'desk@clinic.example' });
    const from = sink.messages.length;
    const response = await app.book({ service: 'administration', start: '2026-03-04T14:00:00Z' });
    const { booking } = await response.json();
    await worker.runOnce();
    const first = await arrived(from, 2);
    const toClient = first.find((mail) => recipient(mail) === CLIENT.email)!;
    const toDesk = first.find((mail) => recipient(mail) === 'desk@clinic.example')!;
    assert.match(toClient.text!, /We have received your request/);
    assert.match(toDesk.subject!, /^New appointment request/);
    assert.match(toDesk.text!, /http:\/\/kap\.test\/console\//);
    assert.ok(!wholeMessage(toDesk).includes(CLIENT.email) && !wholeMessage(toDesk).includes(booking.id), 'no client data, not even the id');

    const confirmed = await staffRequest(app, 'POST', `/staff/bookings/${booking.id}/confirm`, { session: await sessionFor(app, desk.record) });
    assert.equal(confirmed.status, 200);
    await worker.runOnce();
    const [mail, ...others] = await arrived(from + 2, 1);
    assert.equal(others.length, 0);
    assert.equal(recipient(mail!), CLIENT.email);
    assert.match(mail!.text!, /The clinic has confirmed your request/);
    assert.ok(mail!.attachments.some((attachment) => attachment.filename === 'appointment.ics'));
    for (const message of sink.messages.slice(from)) assertNothingPrivate(wholeMessage(message));
    await app.close();
  });
});

function submit(app: TestApp, answers: Answers, booking: { id: string; token: string }): Promise<Response> {
  const parsed = parseFormDefinition({ ...DEMO_INTAKE_FORM, id: DEMO_INTAKE_FORM_ID });
  assert.ok(parsed.ok);
  const body = toSubmission(parsed.form, answers, { today: '2026-03-02', booking: booking.id });
  return app.postJson('/intake-responses', body, { 'Idempotency-Key': randomUUID(), Authorization: `Bearer ${booking.token}` });
}

const withSafetyAnswer = (): Answers => ({ ...completeDemoAnswers(), 'ms-medications': ['other'], 'ms-medications-list': CANARY, 'phq-9.q9': 'several-days' });

describe('safety flags', () => {
  test('PHQ-9 item 9 above zero: every clinician is alerted within seconds by the running worker; the owner when nobody acknowledges in time', async () => {
    const app = testApp();
    await addStaff(app, 'clinician', { email: 'one@clinic.example' });
    await addStaff(app, 'clinician', { email: 'two@clinic.example' });
    await addStaff(app, 'owner', { email: 'owner@clinic.example' });
    const booked = await (await app.book({ start: '2026-03-03T15:00:00Z' })).json();
    const booking = { id: booked.booking.id, token: booked.accessToken };
    const worker = app.startNotifications({
      email: smtpTransport({ url: sink.url, from: 'Harbor Light <appointments@harbor.example>' }),
      siteUrl: 'http://site.test/',
      consoleUrl: 'http://kap.test/console/',
      escalationMs: 30 * MINUTE,
      pollMs: 50,
    });
    await sink.waitFor(sink.messages.length + 1); // the booking's confirmation
    const from = sink.messages.length;
    const started = Date.now();
    assert.equal((await submit(app, withSafetyAnswer(), booking)).status, 201);
    const alerts = await arrived(from, 2);
    // At once, not at a retry or the escalation: bounded loosely, so a busy machine does not fail it.
    assert.ok(Date.now() - started < 15_000, `within seconds (took ${Date.now() - started} ms)`);
    assert.deepEqual(alerts.map(recipient).sort(), ['one@clinic.example', 'two@clinic.example']);
    for (const alert of alerts) {
      assert.match(alert.subject!, /^SAFETY FLAG/);
      assert.ok(!wholeMessage(alert).includes(booking.id));
      assertNothingPrivate(wholeMessage(alert));
    }
    await worker.stop();

    await worker.runOnce();
    assert.equal(sink.messages.length, from + 2, 'no escalation before its time');
    app.clock.advance(30 * MINUTE);
    await worker.runOnce();
    const [escalation, ...others] = await arrived(from + 2, 1);
    assert.equal(others.length, 0);
    assert.equal(recipient(escalation!), 'owner@clinic.example');
    assert.match(escalation!.subject!, /^SAFETY FLAG not acknowledged/);
    assert.match(escalation!.text!, /30 minutes/);
    assertNothingPrivate(wholeMessage(escalation!));
    await app.close();
  });

  test('acknowledged in time: the owner is not emailed', async () => {
    const app = testApp();
    const clinician = await addStaff(app, 'clinician', { email: 'three@clinic.example' });
    await addStaff(app, 'owner', { email: 'owner2@clinic.example' });
    const worker = workerFor(app);
    const booked = await (await app.book({ start: '2026-03-03T15:00:00Z' })).json();
    const booking = { id: booked.booking.id, token: booked.accessToken };
    await worker.runOnce();
    const from = sink.messages.length;
    const stored = await (await submit(app, withSafetyAnswer(), booking)).json();
    await worker.runOnce();
    assert.deepEqual((await arrived(from, 1)).map(recipient), ['three@clinic.example']);
    const session = await sessionFor(app, clinician.record);
    const ack = await staffRequest(app, 'POST', `/staff/safety-queue/${stored.response?.id ?? stored.id}/acknowledge`, {
      session,
      body: { note: 'Called the client.' },
    });
    assert.equal(ack.status, 200, await ack.clone().text());
    app.clock.advance(31 * MINUTE);
    await worker.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(sink.messages.length, from + 1, 'no escalation');
    assert.deepEqual(
      (await app.stores.notifications.deliveries({ state: 'skipped', limit: 10 })).map((d) => d.destination.endsWith(':escalation')),
      [true],
    );
    await app.close();
  });
});

describe('failures', () => {
  test('a delivery that cannot be sent is retried with backoff, then listed for the owner', async () => {
    const app = testApp();
    const worker = workerFor(app, { email: smtpTransport({ url: 'smtp://127.0.0.1:9', from: 'a@b.example' }), random: () => 0.5 });
    await app.book({ start: '2026-03-03T15:00:00Z' });
    const result = await worker.runOnce();
    assert.equal(result.failed, 1);
    const [pending] = await app.stores.notifications.deliveries({ state: 'pending', limit: 10 });
    assert.ok(pending && pending.nextAttemptAt > app.clock.ms, 'waits for its retry');
    assert.ok(pending.lastError && !pending.lastError.includes('@'));
    app.clock.advance(GIVE_UP_AFTER_MS);
    await worker.runOnce();
    const owner = await addStaff(app, 'owner');
    const listed = await (await staffRequest(app, 'GET', '/staff/notifications/failed', { session: await sessionFor(app, owner.record) })).json();
    assert.deepEqual(
      listed.deliveries.map((d: { destination: string; state: string; attempts: number }) => [d.destination, d.state, d.attempts]),
      [['email:client', 'failed', 2]],
    );
    await app.close();
  });

  test('KAP_SAFETY_ESCALATION reads 2h, 90m, 45s (minutes without a unit) and refuses anything else', () => {
    assert.equal(parseDuration('X', '2h'), 2 * HOUR);
    assert.equal(parseDuration('X', '90m'), 90 * MINUTE);
    assert.equal(parseDuration('X', '45s'), 45_000);
    assert.equal(parseDuration('X', '30'), 30 * MINUTE);
    assert.throws(() => parseDuration('KAP_SAFETY_ESCALATION', 'soon'), /KAP_SAFETY_ESCALATION must be a duration/);
  });

  test('backoff doubles with jitter and stops three days after the delivery was made', () => {
    const made = 0;
    assert.equal(
      retryAt(1, made, 0, () => 0),
      15_000,
    );
    assert.equal(
      retryAt(1, made, 0, () => 0.999999),
      30_000,
    );
    assert.equal(
      retryAt(3, made, 0, () => 0),
      60_000,
    );
    assert.equal(
      retryAt(20, made, 0, () => 1 - Number.EPSILON),
      6 * HOUR,
    );
    assert.equal(
      retryAt(20, made, GIVE_UP_AFTER_MS - 60_000, () => 0.5),
      undefined,
    );
  });
});

describe('the development mailbox', () => {
  test('without SMTP, development keeps each message; the owner reads it at /console/dev-mail under the console CSP, with working links and the .ics', async () => {
    const app = testApp({ development: true });
    const owner = await addStaff(app, 'owner');
    const clinician = await addStaff(app, 'clinician');
    const worker = workerFor(app, { email: devMailbox(app.stores.notifications, () => app.clock.ms) });
    const { booking } = await (await app.book({ start: '2026-03-03T15:00:00Z' })).json();
    await worker.runOnce();
    await worker.runOnce();
    const page = await staffRequest(app, 'GET', '/console/dev-mail', { session: await sessionFor(app, owner.record) });
    assert.equal(page.status, 200);
    assert.match(page.headers.get('Content-Security-Policy') ?? '', /default-src 'none'/);
    const html = await page.text();
    assert.equal(html.match(/<article/g)?.length, 1, 'kept once');
    assert.match(html, /Your appointment at Harbor Light Ketamine Therapy/);
    const manage = /<a href="(http:\/\/site\.test\/manage\.html#[^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
    assert.ok(manage);
    const { token } = fragmentOf(manage);
    assert.equal((await app.request(`/bookings/${booking.id}`, { headers: { Authorization: `Bearer ${token}` } })).status, 200);
    const ics = /href="(\/console\/dev-mail\/[^"]+\/0)"/.exec(html)?.[1];
    assert.ok(ics);
    const file = await staffRequest(app, 'GET', ics, { session: await sessionFor(app, owner.record) });
    assert.match(await file.text(), /^BEGIN:VCALENDAR/);
    // Refused as a page (the demo page links here), under the same CSP, saying how to get in.
    const forbidden = await staffRequest(app, 'GET', '/console/dev-mail', { session: await sessionFor(app, clinician.record) });
    assert.equal(forbidden.status, 403, 'the owner only');
    assert.match(await forbidden.text(), /Only the clinic’s owner can read the development mailbox/);
    for (const path of ['/console/dev-mail', ics]) {
      const refused = await staffRequest(app, 'GET', path);
      assert.equal(refused.status, 401);
      assert.match(refused.headers.get('Content-Type') ?? '', /^text\/html/);
      assert.match(refused.headers.get('Content-Security-Policy') ?? '', /default-src 'none'/);
      const text = await refused.text();
      assert.match(text, /<a href="\/console\/">Sign in to the console<\/a>/);
      assert.match(text, /npm run staff -- add --email you@your-clinic\.example --role owner/);
      assert.doesNotMatch(text, /Your appointment at/, 'and no message');
    }
    await app.close();
  });

  test('the dev mailbox and the outbox hold no client address or name in the raw SQLite file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kap-dev-mail-'));
    const app = testApp({ db: join(dir, 'kap.sqlite'), development: true });
    const worker = workerFor(app, { email: devMailbox(app.stores.notifications, () => app.clock.ms) });
    await app.book({ start: '2026-03-03T15:00:00Z' });
    await worker.runOnce();
    assert.equal((await app.stores.notifications.devMail(10))[0]?.to, CLIENT.email, 'kept, and readable by the clinic');
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    const raw = readdirSync(dir)
      .filter((name) => !name.endsWith('.key'))
      .map((name) => readFileSync(join(dir, name)));
    assert.deepEqual(
      raw.flatMap((content) => [CLIENT.email, CLIENT.name].filter((canary) => content.includes(canary))),
      [],
    );
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('outside development the mailbox is refused, even to the owner', async () => {
    const app = testApp();
    const owner = await addStaff(app, 'owner');
    const page = await staffRequest(app, 'GET', '/console/dev-mail', { session: await sessionFor(app, owner.record) });
    assert.equal(page.status, 404);
    await app.close();
  });
});
