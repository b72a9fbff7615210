/**
 * "Email me my links" (`POST booking-access/email-links`): the same 202 for a known and an unknown
 * address, the lookup after the answer, rate limits per address and per client, and the email with
 * fresh, working links arriving at a real SMTP server in the test process.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EMAIL_LINKS_LIMITS } from '../../server/routes/booking-access.js';
import { smtpTransport } from '../../server/notifications/smtp.js';
import { NotificationWorker } from '../../server/notifications/worker.js';
import { mailSink, recipient, type MailSink } from './notifications-support.js';
import { CLIENT, MINUTE, testApp, type TestApp } from './support.js';

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
    escalationMs: 30 * MINUTE,
  });
}

const ask = (app: TestApp, email: string, client = '203.0.113.7') => app.postJson('/booking-access/email-links', { email }, { 'X-Forwarded-For': client });

/** Lets the work queued after the answer run. */
const afterAnswer = () => new Promise((resolve) => setImmediate(resolve));

const linksRequested = (app: TestApp) =>
  (app.db.prepare("SELECT count(*) AS n FROM notification_events WHERE type = 'links.requested'").get() as { n: number }).n;

describe('POST /booking-access/email-links', () => {
  test('a known and an unknown address get the same answer: 202 {}, same headers', async () => {
    const app = testApp({ trustProxy: '1' });
    assert.equal((await app.book({ start: '2026-03-03T15:00:00Z' })).status, 201);
    const known = await ask(app, CLIENT.email);
    const unknown = await ask(app, 'nobody-books-here@example.com');
    for (const response of [known, unknown]) {
      assert.equal(response.status, 202);
      assert.deepEqual(await response.json(), {});
    }
    const headers = (response: Response) => [...response.headers].filter(([name]) => !['date', 'x-request-id'].includes(name));
    assert.deepEqual(headers(known), headers(unknown));
    await afterAnswer();
    assert.equal(linksRequested(app), 1, 'the known address’s one active booking, looked up after the answer');
  });

  test('the email arrives with fresh links that open the booking; a cancelled booking gets none', async () => {
    const app = testApp({ trustProxy: '1' });
    const worker = workerFor(app);
    const { booking } = await (await app.book({ start: '2026-03-03T15:00:00Z' })).json();
    const other = await (await app.book({ start: '2026-03-04T15:00:00Z' })).json();
    await app.request(`/bookings/${other.booking.id}/cancel`, { method: 'POST', headers: { Authorization: `Bearer ${other.accessToken}` } });
    await worker.runOnce();
    const from = sink.messages.length;
    assert.equal((await ask(app, CLIENT.email.toUpperCase())).status, 202);
    await afterAnswer();
    await worker.runOnce();
    await sink.waitFor(from + 1);
    const mails = sink.messages.slice(from);
    assert.equal(mails.length, 1, 'one email: the cancelled booking gets no links');
    const mail = mails[0]!;
    assert.equal(recipient(mail), CLIENT.email);
    assert.match(mail.subject ?? '', /Your links for your appointment at /);
    const manage = /http:\/\/site\.test\/manage\.html#[^\s"<>]+/.exec(mail.text ?? '')?.[0];
    assert.ok(manage, 'a manage link');
    const params = new URLSearchParams(new URL(manage).hash.slice(1));
    assert.equal(params.get('booking'), booking.id);
    const opened = await app.request(`/bookings/${booking.id}`, { headers: { Authorization: `Bearer ${params.get('token')}` } });
    assert.equal(opened.status, 200);
  });

  test('rate limited per address and per client: 429 with Retry-After, the same for known and unknown', async () => {
    const app = testApp({ trustProxy: '1' });
    for (let i = 0; i < EMAIL_LINKS_LIMITS.perAddress; i += 1) assert.equal((await ask(app, 'someone@example.com', `198.51.100.${i}`)).status, 202);
    const limited = await ask(app, 'someone@example.com', '198.51.100.99');
    assert.equal(limited.status, 429, 'the address, from another client');
    assert.ok(Number(limited.headers.get('Retry-After')) > 0);

    for (let i = 0; i < EMAIL_LINKS_LIMITS.perClient; i += 1) await ask(app, `person${i}@example.com`, '192.0.2.1');
    assert.equal((await ask(app, 'fresh@example.com', '192.0.2.1')).status, 429, 'the client, with another address');
    assert.equal((await ask(app, 'fresh@example.com', '192.0.2.2')).status, 202);
    app.clock.advance(EMAIL_LINKS_LIMITS.windowMs);
    assert.equal((await ask(app, 'someone@example.com', '198.51.100.99')).status, 202, 'a new window');
  });

  test('a retry under the same Idempotency-Key is the same request: its 202 replayed, one lookup, one count against the limit', async () => {
    const app = testApp({ trustProxy: '1' });
    assert.equal((await app.book({ start: '2026-03-03T15:00:00Z' })).status, 201);
    const key = { 'X-Forwarded-For': '203.0.113.9', 'Idempotency-Key': 'links-retry-0001' };
    const first = await app.postJson('/booking-access/email-links', { email: CLIENT.email }, key);
    await afterAnswer();
    const retried = await app.postJson('/booking-access/email-links', { email: CLIENT.email }, key);
    await afterAnswer();
    assert.deepEqual([first.status, retried.status], [202, 202]);
    assert.equal(retried.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(await retried.json(), {});
    assert.equal(linksRequested(app), 1, 'the retry looked nothing up again');
    for (let i = 1; i < EMAIL_LINKS_LIMITS.perAddress; i += 1) assert.equal((await ask(app, CLIENT.email, `198.51.100.${i}`)).status, 202);
    assert.equal((await ask(app, CLIENT.email, '198.51.100.99')).status, 429, 'the replay did not count');
  });

  test('not an email address: 422', async () => {
    const app = testApp({ trustProxy: '1' });
    assert.equal((await ask(app, 'not-an-address')).status, 422);
  });
});
