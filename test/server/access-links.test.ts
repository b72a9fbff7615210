import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LINK_GRACE_MS } from '../../server/booking-access.js';
import { addStaff, signedIn, staffRequest } from './staff-support.js';
import { HOUR, testApp, type TestApp } from './support.js';

const CONSULTATION = '2026-03-03T15:00:00Z';

async function booked(app: TestApp, body: { start: string; service?: string } = { start: CONSULTATION }) {
  const response = await app.book(body);
  assert.equal(response.status, 201);
  const json = await response.json();
  return { id: json.booking.id as string, token: json.accessToken as string, end: Date.parse(json.booking.end) };
}

const opens = async (app: TestApp, id: string, token: string) =>
  (await app.request(`/bookings/${id}`, { headers: { Authorization: `Bearer ${token}` } })).status;

describe('a booking’s token expires when its purpose ends', () => {
  test('a booking no service follows opens until its end plus the grace, then answers 401', async () => {
    const app = testApp();
    const { id, token, end } = await booked(app);
    app.clock.ms = end + LINK_GRACE_MS - 1;
    assert.equal(await opens(app, id, token), 200);
    app.clock.ms = end + LINK_GRACE_MS;
    assert.equal(await opens(app, id, token), 401);
    const checklist = await app.request(`/bookings/${id}/checklist`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(checklist.status, 401);
  });

  test('a booking that opens a follow-up window opens until that window closes (the demo: 48 h after an administration)', async () => {
    const app = testApp();
    const { id, token, end } = await booked(app, {
      service: 'administration',
      start: (await app.availability('administration', '2026-03-03T00:00:00Z', '2026-03-10T00:00:00Z')).slots[0]!.start,
    });
    app.clock.ms = end + 48 * HOUR - 1;
    assert.equal(await opens(app, id, token), 200);
    app.clock.ms = end + 48 * HOUR;
    assert.equal(await opens(app, id, token), 401);
  });

  test('a cancelled booking’s token answers 401 at once, for every route', async () => {
    const app = testApp();
    const { id, token } = await booked(app);
    const cancel = await app.request(`/bookings/${id}/cancel`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    assert.equal(cancel.status, 200);
    assert.equal(await opens(app, id, token), 401);
    const checklist = await app.request(`/bookings/${id}/checklist`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(checklist.status, 401);
  });
});

describe('POST /staff/bookings/:id/revoke-links', () => {
  test('the owner revokes: 204, audited, and the booking’s token answers 401 from then on', async () => {
    const app = testApp();
    const { id, token } = await booked(app);
    const owner = await addStaff(app, 'owner');
    const session = await signedIn(app, owner);
    const response = await staffRequest(app, 'POST', `/staff/bookings/${id}/revoke-links`, { session });
    assert.equal(response.status, 204);
    assert.equal(await opens(app, id, token), 401);
    const audit = app.db.prepare("SELECT action, record_id AS recordId FROM audit_log WHERE action = 'booking.revoke-links'").all();
    assert.deepEqual(audit, [{ action: 'booking.revoke-links', recordId: id }]);
  });

  test('a clinician may not (403), and the token still opens', async () => {
    const app = testApp();
    const { id, token } = await booked(app);
    const session = await signedIn(app, await addStaff(app, 'clinician'));
    const response = await staffRequest(app, 'POST', `/staff/bookings/${id}/revoke-links`, { session });
    assert.equal(response.status, 403);
    assert.equal(await opens(app, id, token), 200);
  });

  test('an unknown booking: 404', async () => {
    const app = testApp();
    const session = await signedIn(app, await addStaff(app, 'owner'));
    assert.equal((await staffRequest(app, 'POST', '/staff/bookings/bk_nope/revoke-links', { session })).status, 404);
  });
});

describe('POST /booking-access/exchange', () => {
  const exchange = (app: TestApp, bookingId: string, token: string) => app.postJson('/booking-access/exchange', { bookingId, token });

  test('a link’s token buys a credential (not the token) that opens the booking for 30 minutes; exchanging the credential moves that on and keeps it', async () => {
    const app = testApp();
    const { id, token } = await booked(app);
    const response = await exchange(app, id, token);
    assert.equal(response.status, 200);
    const { credential, expiresAt } = await response.json();
    assert.notEqual(credential, token);
    assert.equal(Date.parse(expiresAt), app.clock.ms + 30 * 60_000);
    assert.equal(await opens(app, id, credential), 200);

    app.clock.advance(20 * 60_000);
    const refreshed = await (await exchange(app, id, credential)).json();
    assert.equal(refreshed.credential, credential, 'the same credential, its expiry moved on');
    assert.equal(Date.parse(refreshed.expiresAt), app.clock.ms + 30 * 60_000);
    app.clock.advance(30 * 60_000 - 1);
    assert.equal(await opens(app, id, credential), 200);
    app.clock.advance(1);
    assert.equal(await opens(app, id, credential), 401, 'unused for 30 minutes: expired');
    assert.equal((await exchange(app, id, credential)).status, 401, 'and no longer refreshable');
    assert.equal(await opens(app, id, token), 200, 'the link itself still opens');
  });

  test('a wrong token, another booking’s token, a cancelled or revoked booking: 401', async () => {
    const app = testApp();
    const first = await booked(app);
    const second = await booked(app, { start: '2026-03-04T15:00:00Z' });
    assert.equal((await exchange(app, first.id, 'not-a-token')).status, 401);
    assert.equal((await exchange(app, first.id, second.token)).status, 401);
    const { credential } = await (await exchange(app, first.id, first.token)).json();
    const session = await signedIn(app, await addStaff(app, 'owner'));
    assert.equal((await staffRequest(app, 'POST', `/staff/bookings/${first.id}/revoke-links`, { session })).status, 204);
    assert.equal(await opens(app, first.id, credential), 401, 'revoking stops the tabs’ credentials too');
    assert.equal((await exchange(app, first.id, first.token)).status, 401);
    await app.request(`/bookings/${second.id}/cancel`, { method: 'POST', headers: { Authorization: `Bearer ${second.token}` } });
    assert.equal((await exchange(app, second.id, second.token)).status, 401);
  });
});
