/**
 * The route × role matrix: every staff route the app registers (walked from Hono's own route list,
 * so a new route cannot be missed), asked by no session, by each role, and by API keys, must answer
 * 401, 403 or success exactly as the permission table says (server/auth/route-access.ts and
 * src/staff/roles.ts). A route missing from the table, or without a sample request below, fails.
 *
 * To add a route: its line in route-access.ts, and a sample here that makes whatever the request
 * needs (each call makes its own, since a request may change it) and names its success status.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { STAFF_PREFIX, STAFF_ROUTES, type RouteAccess } from '../../server/auth/route-access.js';
import { newWebhookSecret } from '../../server/notifications/webhooks.js';
import { sha256Hex } from '../../server/secrets.js';
import { DEFAULT_THEME } from '../../src/theme/theme-tokens.js';
import { PERMISSION_ROLES, STAFF_ROLES, type ApiKeyScope, type StaffRole } from '../../src/staff/roles.js';
import { testApp, type TestApp } from './support.js';
import { addStaff, sessionFor, staffRequest, PASSWORD, type TestStaff } from './staff-support.js';
import { failedDelivery } from './webhook-support.js';

interface Sample {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The status of a request that is allowed. */
  ok: number;
}

interface World {
  app: TestApp;
  staff: Record<StaffRole, TestStaff>;
  bookingId: string;
  responseId: string;
  /** A response with a safety answer: an entry of the safety queue. */
  safetyResponseId: string;
}

let made = 0;
const unique = () => `${++made}-${randomUUID().slice(0, 8)}`;

async function invited(world: World, role: StaffRole): Promise<string> {
  const token = `token-${unique()}`;
  await world.app.stores.staff.add({
    email: `invited-${unique()}@clinic.example`,
    role,
    setup: { tokenHash: sha256Hex(token), expiresAt: world.app.clock.ms + 60_000 },
    now: world.app.clock.ms,
  });
  return token;
}

const SAMPLES: Record<string, (world: World) => Promise<Sample>> = {
  'POST /staff/session': async (world) => {
    const marketer = await addStaff(world.app, 'marketer', { secondFactor: false });
    return { path: '/staff/session', body: { email: marketer.email, password: PASSWORD }, ok: 201 };
  },
  'GET /staff/me': async () => ({ path: '/staff/me', ok: 200 }),
  'DELETE /staff/session': async () => ({ path: '/staff/session', ok: 204 }),
  'DELETE /staff/sessions': async () => ({ path: '/staff/sessions', ok: 204 }),
  'POST /staff/setup/start': async (world) => ({ path: '/staff/setup/start', body: { token: await invited(world, 'clinician') }, ok: 200 }),
  'POST /staff/setup/complete': async (world) => ({
    path: '/staff/setup/complete',
    body: { token: await invited(world, 'marketer'), password: 'quiet harbour morning tea' },
    ok: 201,
  }),
  'GET /staff/accounts': async () => ({ path: '/staff/accounts', ok: 200 }),
  'POST /staff/accounts': async () => ({ path: '/staff/accounts', body: { email: `new-${unique()}@clinic.example`, role: 'front-desk' }, ok: 201 }),
  'POST /staff/accounts/:id/disable': async (world) => ({ path: `/staff/accounts/${(await addStaff(world.app, 'clinician')).record.id}/disable`, ok: 200 }),
  'POST /staff/accounts/:id/reset': async (world) => ({ path: `/staff/accounts/${(await addStaff(world.app, 'clinician')).record.id}/reset`, ok: 200 }),
  'GET /staff/api-keys': async () => ({ path: '/staff/api-keys', ok: 200 }),
  'POST /staff/api-keys': async () => ({ path: '/staff/api-keys', body: { name: 'EHR sync', scopes: ['read:bookings'] }, ok: 201 }),
  'DELETE /staff/api-keys/:id': async (world) => {
    const key = await world.app.stores.apiKeys.create({
      name: 'old',
      scopes: ['read:bookings'],
      secretHash: sha256Hex(unique()),
      createdBy: world.staff.owner.record.id,
      now: world.app.clock.ms,
    });
    return { path: `/staff/api-keys/${key.id}`, ok: 200 };
  },
  'GET /staff/audit': async () => ({ path: '/staff/audit', ok: 200 }),
  'GET /staff/audit.csv': async () => ({ path: '/staff/audit.csv', ok: 200 }),
  'GET /staff/notifications/failed': async () => ({ path: '/staff/notifications/failed', ok: 200 }),
  'POST /staff/notifications/:id/retry': async (world) => {
    const delivery = await failedDelivery(world.app, await newEndpoint(world));
    return { path: `/staff/notifications/${delivery}/retry`, ok: 202 };
  },
  // webhook endpoints: a public documentation address (TEST-NET-3), never called here
  'GET /staff/webhooks': async () => ({ path: '/staff/webhooks', ok: 200 }),
  'POST /staff/webhooks': async () => ({ path: '/staff/webhooks', body: { url: 'https://203.0.113.10/hooks', events: ['booking.confirmed'] }, ok: 201 }),
  'POST /staff/webhooks/:id/rotate': async (world) => ({ path: `/staff/webhooks/${await newEndpoint(world)}/rotate`, ok: 200 }),
  'POST /staff/webhooks/:id/disable': async (world) => ({ path: `/staff/webhooks/${await newEndpoint(world)}/disable`, ok: 200 }),
  'DELETE /staff/webhooks/:id': async (world) => ({ path: `/staff/webhooks/${await newEndpoint(world)}`, ok: 200 }),
  'GET /staff/webhooks/:id/deliveries': async (world) => ({ path: `/staff/webhooks/${await newEndpoint(world)}/deliveries`, ok: 200 }),
  'POST /staff/webhooks/:id/deliveries/:deliveryId/replay': async (world) => {
    const endpoint = await newEndpoint(world);
    const delivery = await failedDelivery(world.app, endpoint);
    return { path: `/staff/webhooks/${endpoint}/deliveries/${delivery}/replay`, ok: 202 };
  },
  'GET /staff/bookings/:id': async (world) => ({ path: `/staff/bookings/${world.bookingId}`, ok: 200 }),
  'GET /staff/intake-responses/:id': async (world) => ({ path: `/staff/intake-responses/${world.responseId}`, ok: 200 }),
  // the clinic's configuration: each sample writes back what is there, or a part of its own
  'GET /staff/clinic': async () => ({ path: '/staff/clinic', ok: 200 }),
  'PUT /staff/clinic/profile': async (world) => ({ path: '/staff/clinic/profile', body: { profile: await world.app.stores.clinic.profile() }, ok: 200 }),
  'PUT /staff/clinic/services': async (world) => ({
    path: '/staff/clinic/services',
    body: { services: (await world.app.stores.clinic.configuration()).services },
    ok: 200,
  }),
  'PUT /staff/clinic/hours': async (world) => ({
    path: '/staff/clinic/hours',
    body: { openingHours: (await world.app.stores.clinic.configuration()).openingHours },
    ok: 200,
  }),
  'PUT /staff/clinic/closures': async () => ({ path: '/staff/clinic/closures', body: { closures: [{ date: '2026-12-24' }] }, ok: 200 }),
  'PUT /staff/clinic/checklists/:serviceId': async () => ({ path: '/staff/clinic/checklists/consultation', body: { checklist: null }, ok: 200 }),
  'GET /staff/forms': async () => ({ path: '/staff/forms', ok: 200 }),
  'PUT /staff/forms/:id/draft': async () => ({ path: `/staff/forms/draft-${unique()}/draft`, body: { draft: { title: 'Check-in' } }, ok: 200 }),
  'POST /staff/forms/:id/publish': async (world) => {
    const id = `form-${unique()}`;
    const draft = { id, title: 'Check-in', pages: [{ id: 'p', title: 'Today', items: [{ type: 'text', id: 'mood', label: 'How are you?', maxLength: 200 }] }] };
    await world.app.stores.forms.saveDraft(id, draft, world.app.clock.ms);
    return { path: `/staff/forms/${id}/publish`, ok: 201 };
  },
  'GET /staff/forms/:id/versions': async (world) => ({ path: `/staff/forms/${await publishedForm(world)}/versions`, ok: 200 }),
  'GET /staff/forms/:id/versions/:version': async (world) => ({ path: `/staff/forms/${await publishedForm(world)}/versions/1`, ok: 200 }),
  'POST /staff/forms/:id/versions/:version/restore': async (world) => ({ path: `/staff/forms/${await publishedForm(world)}/versions/1/restore`, ok: 200 }),
  'GET /staff/theme': async () => ({ path: '/staff/theme', ok: 200 }),
  'PUT /staff/theme/draft': async () => ({ path: '/staff/theme/draft', body: { draft: DEFAULT_THEME }, ok: 200 }),
  'POST /staff/theme/publish': async (world) => {
    await world.app.stores.theme.saveDraft(DEFAULT_THEME, world.app.clock.ms);
    return { path: '/staff/theme/publish', ok: 200 };
  },

  'GET /staff/embed': async () => ({ path: '/staff/embed', ok: 200 }),
  'GET /staff/schedule': async () => ({ path: '/staff/schedule?from=2026-03-02&days=8', ok: 200 }),
  'GET /staff/requests': async () => ({ path: '/staff/requests', ok: 200 }),
  'POST /staff/bookings/:id/confirm': async (world) => ({ path: `/staff/bookings/${await newRequest(world)}/confirm`, ok: 200 }),
  'POST /staff/bookings/:id/decline': async (world) => ({
    path: `/staff/bookings/${await newRequest(world)}/decline`,
    body: { reason: 'no-availability' },
    ok: 200,
  }),
  'GET /staff/bookings/:id/overview': async (world) => ({ path: `/staff/bookings/${world.bookingId}/overview`, ok: 200 }),
  'POST /staff/bookings/:id/cancel': async (world) => ({ path: `/staff/bookings/${await newRequest(world)}/cancel`, ok: 200 }),
  'POST /staff/bookings/:id/revoke-links': async (world) => ({ path: `/staff/bookings/${await newRequest(world, '2026-04-07')}/revoke-links`, ok: 204 }),
  'POST /staff/bookings/:id/reschedule': async (world) => ({
    // Weeks of their own, so that moves refused do not use up the other samples' week.
    path: `/staff/bookings/${await newRequest(world, '2026-03-17')}/reschedule`,
    body: { start: (await world.app.availability('administration', '2026-03-24T00:00:00Z', '2026-03-31T00:00:00Z')).slots[0]!.start },
    headers: { 'Idempotency-Key': randomUUID() },
    ok: 200,
  }),
  'GET /staff/intake-responses': async () => ({ path: '/staff/intake-responses', ok: 200 }),
  'GET /staff/intake-responses/:id/view': async (world) => ({ path: `/staff/intake-responses/${world.safetyResponseId}/view`, ok: 200 }),
  'GET /staff/safety-queue': async () => ({ path: '/staff/safety-queue', ok: 200 }),
  'GET /staff/safety-queue/:id': async (world) => ({ path: `/staff/safety-queue/${world.safetyResponseId}`, ok: 200 }),
  'POST /staff/safety-queue/:id/acknowledge': async (world) => ({
    path: `/staff/safety-queue/${world.safetyResponseId}/acknowledge`,
    body: { note: 'Called; safe.' },
    ok: 200,
  }),
};

/** A request-mode booking at the first free time of the week from `from`, waiting for the clinic's decision. */
/** A new form with version 1 published, as the console's publish makes it. */
async function publishedForm(world: World): Promise<string> {
  const id = `form-${unique()}`;
  const definition = {
    id,
    version: '1',
    title: 'Check-in',
    pages: [{ id: 'p', title: 'Today', items: [{ type: 'text', id: 'mood', label: 'How are you?', maxLength: 200 }] }],
  };
  await world.app.stores.forms.saveDraft(id, definition, world.app.clock.ms);
  await world.app.stores.forms.publish(id, definition, world.app.clock.ms);
  return id;
}

async function newRequest(world: World, from = '2026-03-03'): Promise<string> {
  const start = Date.parse(`${from}T00:00:00Z`);
  const { slots } = await world.app.availability('administration', new Date(start).toISOString(), new Date(start + 7 * 86_400_000).toISOString());
  const booked = await (await world.app.book({ service: 'administration', start: slots[0]!.start })).json();
  return booked.booking.id;
}

async function newEndpoint(world: World): Promise<string> {
  const endpoint = await world.app.stores.webhooks.create({
    url: 'https://203.0.113.10/hooks',
    events: ['booking.confirmed'],
    secret: newWebhookSecret(),
    createdBy: world.staff.owner.record.id,
    now: world.app.clock.ms,
  });
  return endpoint.id;
}

async function makeWorld(): Promise<World> {
  const app = testApp();
  const staff = {} as Record<StaffRole, TestStaff>;
  for (const role of STAFF_ROLES) staff[role] = await addStaff(app, role);
  const booked = await (await app.book({ start: '2026-03-03T15:00:00Z' })).json();
  const response = await app.stores.intake.saveResponse({
    submission: {
      form: 'kap-demo-intake',
      booking: booked.booking.id,
      answers: { 'full-name': 'Ann Lee' },
      scores: [],
      flags: [],
      safety: false,
      safetyItems: [],
    },
    now: app.clock.ms,
  });
  const safety = await app.stores.intake.saveResponse({
    submission: {
      form: 'kap-demo-intake',
      booking: booked.booking.id,
      answers: { 'phq-9.q9': 'several-days' },
      scores: [],
      flags: [],
      safety: true,
      safetyItems: ['phq-9.q9'],
    },
    now: app.clock.ms,
  });
  return { app, staff, bookingId: booked.booking.id, responseId: response.id, safetyResponseId: safety.id };
}

/** Every route the app registered under /staff/, as `METHOD /path` with Hono's `:param`s. */
function staffRoutes(app: TestApp): string[] {
  const routes = app.app.routes
    .filter((route) => route.method !== 'ALL' && route.path.startsWith(STAFF_PREFIX))
    .map((route) => `${route.method} ${route.path}`);
  return [...new Set(routes)].sort();
}

function expected(access: RouteAccess, role: StaffRole | undefined, ok: number): number {
  if (access === 'public') return ok;
  if (role === undefined) return 401;
  if (access === 'signed-in') return ok;
  return (PERMISSION_ROLES[access.permission] as readonly StaffRole[]).includes(role) ? ok : 403;
}

describe('the route × role matrix', async () => {
  const world = await makeWorld();
  const routes = staffRoutes(world.app);

  test('every staff route the app registers is in the permission table, with a sample; the table names no route the app lacks', () => {
    assert.ok(routes.length >= 17, `${routes.length} staff routes`);
    assert.deepEqual(
      routes.filter((route) => !(route in STAFF_ROUTES)),
      [],
      'routes missing from server/auth/route-access.ts',
    );
    assert.deepEqual(
      routes.filter((route) => !(route in SAMPLES)),
      [],
      'routes without a sample in this test',
    );
    assert.deepEqual(
      Object.keys(STAFF_ROUTES).filter((route) => !routes.includes(route)),
      [],
      'table entries with no route',
    );
  });

  for (const route of routes) {
    const access = STAFF_ROUTES[route];
    const sample = SAMPLES[route];
    if (!access || !sample) continue;
    const [method] = route.split(' ') as [string];
    test(`${route}: no session, ${STAFF_ROLES.join(', ')}`, async () => {
      const answers: Record<string, number> = {};
      const wanted: Record<string, number> = {};
      // The error code of each refusal the table expects: 401 `unauthorized` (outside the public routes), 403 `forbidden`.
      const codes: Record<string, string | undefined> = {};
      const wantedCodes: Record<string, string | undefined> = {};
      for (const role of [undefined, ...STAFF_ROLES]) {
        const { path, body, headers, ok } = await sample(world);
        const session = role && (await sessionFor(world.app, world.staff[role].record));
        const response = await staffRequest(world.app, method, path, {
          ...(session ? { session } : {}),
          ...(body !== undefined ? { body } : {}),
          ...(headers ? { headers } : {}),
        });
        const name = role ?? 'no session';
        answers[name] = response.status;
        wanted[name] = expected(access, role, ok);
        const refusal = wanted[name] === 403 ? 'forbidden' : wanted[name] === 401 && access !== 'public' ? 'unauthorized' : undefined;
        wantedCodes[name] = refusal;
        codes[name] =
          refusal &&
          (
            (await response
              .clone()
              .json()
              .catch(() => ({}))) as { error?: { code?: string } }
          ).error?.code;
      }
      assert.deepEqual(answers, wanted);
      assert.deepEqual(codes, wantedCodes, `${route}: the refusals' error codes`);
    });
  }

  test('API keys: accepted only on the GET routes their scopes grant; elsewhere a key is no session (401)', async () => {
    const keyWith = async (scopes: ApiKeyScope[]) => {
      const secret = `kap_${unique()}`;
      await world.app.stores.apiKeys.create({
        name: 'test',
        scopes,
        secretHash: sha256Hex(secret),
        createdBy: world.staff.owner.record.id,
        now: world.app.clock.ms,
      });
      return secret;
    };
    const both = await keyWith(['read:bookings', 'read:responses']);
    const bookingsOnly = await keyWith(['read:bookings']);
    const responsesOnly = await keyWith(['read:responses']);
    const answers: Record<string, number[]> = {};
    const wanted: Record<string, number[]> = {};
    for (const route of routes) {
      const access = STAFF_ROUTES[route]!;
      const [method] = route.split(' ') as [string];
      const statuses: number[] = [];
      for (const secret of [both, bookingsOnly, responsesOnly]) {
        const { path, body, headers, ok } = await SAMPLES[route]!(world);
        const response = await staffRequest(world.app, method, path, {
          headers: { ...headers, Authorization: `Bearer ${secret}` },
          ...(body !== undefined ? { body } : {}),
        });
        statuses.push(response.status);
        void ok;
      }
      answers[route] = statuses;
      if (access === 'public')
        wanted[route] = statuses; // a key changes nothing there
      else if (typeof access === 'object' && access.apiKey) {
        const ok = route.includes('bookings') ? [200, 200, 403] : [200, 403, 200];
        wanted[route] = ok;
      } else wanted[route] = [401, 401, 401];
    }
    assert.deepEqual(answers, wanted);
  });
});
