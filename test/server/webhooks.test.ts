/**
 * Webhooks end to end (issue 11 §3) with a receiver on loopback that checks every signature with
 * the standardwebhooks package: the owner adds an endpoint (its secret shown once, sealed at rest);
 * each event goes once to each endpoint that wants it, as `{type, timestamp, data}` with ids only
 * (a canary answer, the client's name and reason never leave); a receiver that fails twice gets
 * the event on the third try, on the worker's due times (an injected clock, no sleeps); replay
 * sends the same `webhook-id`; a rotated secret signs beside the new one for 24 h; loopback and
 * private addresses are refused when added and when delivered unless KAP_WEBHOOK_ALLOW_PRIVATE;
 * a server killed with -9 between the change and the delivery still delivers exactly once.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../server/app.js';
import { isPrivateAddress } from '../../server/notifications/webhook-address.js';
import { newWebhookSecret } from '../../server/notifications/webhooks.js';
import { NotificationWorker } from '../../server/notifications/worker.js';
import { NOTIFICATION_EVENT_TYPES } from '../../server/stores/notification-types.js';
import { WEBHOOK_EVENT_TYPES } from '../../src/api/staff.js';
import { addStaff, sessionFor, staffRequest, type TestStaff } from './staff-support.js';
import { CLIENT, HOUR, testApp, type TestApp } from './support.js';
import { signedWith, webhookReceiver, type Receiver } from './webhook-support.js';
import { entryArgs } from '../support/node-entry.js';

const CANARY = 'Canary-Lamotrigine-7731';
let receiver: Receiver;
let dir: string;

before(async () => {
  receiver = await webhookReceiver();
  dir = mkdtempSync(join(tmpdir(), 'kap-webhooks-'));
});
after(async () => {
  await receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

function workerFor(app: TestApp, allowPrivate = true): NotificationWorker {
  return new NotificationWorker({
    stores: app.stores,
    now: () => app.clock.ms,
    email: undefined,
    siteUrl: 'http://site.test/',
    consoleUrl: 'http://kap.test/console/',
    webhooks: { allowPrivate },
    random: () => 0.5,
  });
}

async function ownerRequest(app: TestApp, owner: TestStaff, method: string, path: string, body?: unknown) {
  return staffRequest(app, method, path, { session: await sessionFor(app, owner.record), ...(body !== undefined ? { body } : {}) });
}

async function addEndpoint(app: TestApp, owner: TestStaff, events: string[], url = receiver.url) {
  const response = await ownerRequest(app, owner, 'POST', '/staff/webhooks', { url, events });
  assert.equal(response.status, 201);
  return (await response.json()) as { webhook: { id: string }; secret: string };
}

/** The requests since `from` about events of this test's booking. */
function since(from: number) {
  return receiver.received.slice(from);
}

/** The clock moved to the real time, so the package's `verify` (which checks freshness) applies. */
function toRealTime(app: TestApp): void {
  app.clock.ms = Date.now();
}

describe('webhook endpoints and their deliveries', () => {
  test('added by the owner with a secret shown once and sealed at rest; each event once per endpoint, signed, ids only', async () => {
    const app = testApp({ allowPrivateWebhooks: true });
    const owner = await addStaff(app, 'owner');
    const { webhook, secret } = await addEndpoint(app, owner, ['booking.confirmed', 'intake.submitted']);
    assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    const listed = await (await ownerRequest(app, owner, 'GET', '/staff/webhooks')).text();
    assert.ok(listed.includes(webhook.id) && !listed.includes(secret), 'listed without the secret');
    const raw = JSON.stringify(app.db.prepare('SELECT * FROM webhook_endpoints').all());
    assert.ok(!raw.includes(secret) && !raw.includes(secret.slice(6)), 'the secret is sealed at rest');
    const audited = await app.stores.audit.query({ action: 'webhook.create', limit: 10 });
    assert.deepEqual(
      audited.entries.map((entry) => entry.record?.id),
      [webhook.id],
      'the creation is audited',
    );

    const booked = await (await app.book({ start: '2026-03-03T15:00:00Z', reason: 'treatment_resistant_depression' })).json();
    await app.stores.intake.saveResponse({
      submission: {
        form: 'kap-demo-intake',
        booking: booked.booking.id,
        answers: { 'full-name': CANARY },
        scores: [],
        flags: [],
        safety: false,
        safetyItems: [],
      },
      now: app.clock.ms,
    });
    toRealTime(app);
    const from = receiver.received.length;
    const worker = workerFor(app);
    await worker.runOnce();
    await worker.runOnce();
    const got = since(from);
    assert.deepEqual(got.map((request) => JSON.parse(request.body).type).sort(), ['booking.confirmed', 'intake.submitted'], 'each event once');
    for (const request of got) {
      assert.ok(signedWith(secret, request, true), 'verified by standardwebhooks');
      const payload = JSON.parse(request.body);
      assert.deepEqual(Object.keys(payload).sort(), ['data', 'timestamp', 'type']);
      assert.equal(payload.data.booking, booked.booking.id);
      for (const value of Object.values(payload.data as Record<string, string>)) assert.match(value, /^[\w-]+$/, 'data holds ids');
      for (const secretWord of [CANARY, CLIENT.name, CLIENT.email, CLIENT.phone, 'depression'])
        assert.ok(!request.body.includes(secretWord), `no ${secretWord}`);
      assert.equal(request.headers['content-type'], 'application/json');
    }
    const log = await (await ownerRequest(app, owner, 'GET', `/staff/webhooks/${webhook.id}/deliveries`)).json();
    assert.deepEqual(
      log.deliveries.map((delivery: { state: string }) => delivery.state),
      ['delivered', 'delivered'],
    );
    assert.deepEqual(
      log.deliveries.map((delivery: { event: { id: string } }) => delivery.event.id).sort(),
      got.map((request) => request.headers['webhook-id']).sort(),
      'webhook-id is the event id',
    );
    await app.close();
  });

  test('a receiver that fails twice gets the event on the third try, at the backoff’s due times; replay sends the same webhook-id', async () => {
    const app = testApp({ allowPrivateWebhooks: true });
    const owner = await addStaff(app, 'owner');
    const { webhook, secret } = await addEndpoint(app, owner, ['booking.confirmed']);
    await app.book({ start: '2026-03-03T15:00:00Z' });
    toRealTime(app);
    const worker = workerFor(app);
    const from = receiver.received.length;
    receiver.answers.push(500, 503);
    const logOf = async () => (await (await ownerRequest(app, owner, 'GET', `/staff/webhooks/${webhook.id}/deliveries`)).json()).deliveries[0];

    await worker.runOnce();
    let delivery = await logOf();
    assert.deepEqual([delivery.state, delivery.attempts, delivery.error], ['pending', 1, 'http_500']);
    await worker.runOnce();
    assert.equal(since(from).length, 1, 'not again before its time');
    app.clock.ms = Date.parse(delivery.nextAttemptAt);
    await worker.runOnce();
    delivery = await logOf();
    assert.deepEqual([delivery.state, delivery.attempts, delivery.error], ['pending', 2, 'http_503']);
    app.clock.ms = Date.parse(delivery.nextAttemptAt);
    await worker.runOnce();
    delivery = await logOf();
    assert.deepEqual([delivery.state, delivery.attempts], ['delivered', 3]);
    const tries = since(from);
    assert.deepEqual(
      tries.map((request) => request.status),
      [500, 503, 204],
    );
    assert.equal(new Set(tries.map((request) => request.headers['webhook-id'])).size, 1, 'one webhook-id for every try');
    assert.ok(tries.every((request) => signedWith(secret, request, true)));

    const replay = await ownerRequest(app, owner, 'POST', `/staff/webhooks/${webhook.id}/deliveries/${delivery.id}/replay`);
    assert.equal(replay.status, 202);
    const again = await ownerRequest(app, owner, 'POST', `/staff/webhooks/${webhook.id}/deliveries/${delivery.id}/replay`);
    assert.equal(again.status, 409, 'a delivery waiting to go out is not replayed twice');
    await worker.runOnce();
    const replayed = since(from)[3]!;
    assert.equal(replayed.headers['webhook-id'], tries[0]!.headers['webhook-id'], 'the same webhook-id');
    assert.ok(signedWith(secret, replayed, true));
    assert.equal((await logOf()).state, 'delivered');
    await app.close();
  });

  test('a rotated secret: both sign for 24 hours, then only the new one; a disabled or deleted endpoint gets nothing', async () => {
    const app = testApp({ allowPrivateWebhooks: true });
    const owner = await addStaff(app, 'owner');
    const { webhook, secret: old } = await addEndpoint(app, owner, ['booking.confirmed', 'booking.cancelled']);
    const rotated = await ownerRequest(app, owner, 'POST', `/staff/webhooks/${webhook.id}/rotate`);
    assert.equal(rotated.status, 200);
    const { secret } = await rotated.json();
    assert.notEqual(secret, old);
    const from = receiver.received.length;
    const booked = await (await app.book({ start: '2026-03-03T15:00:00Z' })).json();
    const worker = workerFor(app);
    await worker.runOnce();
    const first = since(from)[0]!;
    assert.equal(first.headers['webhook-signature']!.toString().split(' ').length, 2);
    assert.ok(signedWith(secret, first, false) && signedWith(old, first, false), 'both secrets verify within 24 h');

    app.clock.advance(25 * HOUR);
    await app.stores.bookings.cancelBooking({ bookingId: booked.booking.id, now: app.clock.ms });
    await worker.runOnce();
    const second = since(from)[1]!;
    assert.equal(JSON.parse(second.body).type, 'booking.cancelled');
    assert.ok(signedWith(secret, second, false) && !signedWith(old, second, false), 'only the new secret after 24 h');

    assert.equal((await ownerRequest(app, owner, 'POST', `/staff/webhooks/${webhook.id}/disable`)).status, 200);
    await app.book({ start: '2026-03-04T15:00:00Z' });
    await worker.runOnce();
    assert.equal(since(from).length, 2, 'nothing to a disabled endpoint');
    assert.equal((await ownerRequest(app, owner, 'DELETE', `/staff/webhooks/${webhook.id}`)).status, 200);
    assert.equal((await ownerRequest(app, owner, 'GET', `/staff/webhooks/${webhook.id}/deliveries`)).status, 404);
    await app.close();
  });
});

describe('an answer in time', () => {
  test('a receiver that does not answer within the timeout is a failure (`timeout`), tried again later', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer(() => {});
    silent.on('connection', (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const app = testApp();
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/hooks`;
    await app.stores.webhooks.create({ url, events: ['booking.confirmed'], secret: newWebhookSecret(), createdBy: 'st_test', now: app.clock.ms });
    await app.book({ start: '2026-03-03T15:00:00Z' });
    const worker = new NotificationWorker({
      stores: app.stores,
      now: () => app.clock.ms,
      email: undefined,
      siteUrl: 'http://site.test/',
      consoleUrl: 'http://kap.test/console/',
      webhooks: { allowPrivate: true },
      webhookTimeoutMs: 200,
    });
    await worker.runOnce();
    const [delivery] = (await app.stores.notifications.deliveries({ limit: 10 })).filter((one) => one.destination.startsWith('webhook:'));
    assert.deepEqual([delivery?.state, delivery?.lastError], ['pending', 'timeout']);
    assert.ok(delivery!.nextAttemptAt > app.clock.ms);
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
    await app.close();
  });
});

describe('where a webhook may go', () => {
  test('loopback, private and link-local addresses, and plain http, are refused without KAP_WEBHOOK_ALLOW_PRIVATE', async () => {
    const app = testApp();
    const owner = await addStaff(app, 'owner');
    for (const url of [
      receiver.url,
      'https://127.0.0.1/hooks',
      'https://localhost/hooks',
      'https://[::1]/hooks',
      'https://10.1.2.3/hooks',
      'https://172.20.0.1/hooks',
      'https://192.168.1.10/hooks',
      'https://169.254.169.254/latest',
      'https://[fd00::1]/hooks',
      'https://[::ffff:127.0.0.1]/hooks',
      'https://user:pass@203.0.113.10/hooks',
    ]) {
      const response = await ownerRequest(app, owner, 'POST', '/staff/webhooks', { url, events: ['booking.confirmed'] });
      assert.equal(response.status, 422, url);
      assert.ok((await response.json()).error.fields.url, url);
    }
    assert.equal((await ownerRequest(app, owner, 'POST', '/staff/webhooks', { url: 'https://203.0.113.10/hooks', events: ['booking.confirmed'] })).status, 201);
    assert.deepEqual([...WEBHOOK_EVENT_TYPES], [...NOTIFICATION_EVENT_TYPES], 'the contract offers exactly the outbox’s events');
    assert.deepEqual(['8.8.8.8', '2001:db8::1', '100.64.0.1', '::ffff:10.0.0.1', '0.0.0.0'].map(isPrivateAddress), [false, false, true, true, true]);
    await app.close();
  });

  test('at delivery time: an endpoint whose host now resolves to loopback is refused at connect, and nothing arrives', async () => {
    const app = testApp();
    const port = new URL(receiver.url).port;
    for (const url of [`https://localhost:${port}/hooks`, `https://127.0.0.1:${port}/hooks`]) {
      await app.stores.webhooks.create({ url, events: ['booking.confirmed'], secret: newWebhookSecret(), createdBy: 'st_test', now: app.clock.ms });
    }
    const from = receiver.received.length;
    await app.book({ start: '2026-03-03T15:00:00Z' });
    await workerFor(app, false).runOnce();
    const deliveries = (await app.stores.notifications.deliveries({ limit: 10 })).filter((delivery) => delivery.destination.startsWith('webhook:'));
    assert.deepEqual(
      deliveries.map((delivery) => [delivery.state, delivery.lastError]),
      [
        ['pending', 'webhook_address_private'],
        ['pending', 'webhook_address_private'],
      ],
    );
    assert.equal(since(from).length, 0);
    await app.close();
  });
});

describe('kill -9', () => {
  test('a server killed between the change and its delivery: after a restart the endpoint gets the event exactly once', async () => {
    const path = join(dir, 'killed.sqlite');
    const at = Date.parse('2026-03-02T12:00:00Z');
    const setup = createApp({ db: path, now: () => new Date(at) });
    const secret = newWebhookSecret();
    await setup.stores.webhooks.create({ url: receiver.url, events: ['booking.confirmed'], secret, createdBy: 'st_test', now: at });
    await setup.close();

    const child = spawn(process.execPath, [...entryArgs('test/server/notifications-child.ts'), path, 'change'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        if (output.includes('committed\n')) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error('the child ended without being killed'))));
    });

    const from = receiver.received.length;
    for (const later of [0, 10 * 60_000]) {
      const kap = createApp({ db: path, now: () => new Date(at + later) });
      const worker = kap.startNotifications({
        email: undefined,
        siteUrl: 'http://site.test/',
        consoleUrl: 'http://kap.test/console/',
        webhooks: { allowPrivate: true },
        pollMs: 3_600_000,
      });
      await worker.stop();
      await worker.runOnce();
      await worker.runOnce();
      await kap.close();
    }
    const got = since(from);
    assert.deepEqual(
      got.map((request) => JSON.parse(request.body).type),
      ['booking.confirmed'],
      'exactly once',
    );
    assert.ok(signedWith(secret, got[0]!, false));
  });
});
