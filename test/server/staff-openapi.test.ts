/**
 * The staff paths in openapi.json: their security follows the route table (session cookie, the
 * CSRF header on writes, an API key where the table allows one), and real answers of the staff
 * routes validate against the document's schemas.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { STAFF_ROUTES } from '../../server/auth/route-access.js';
import { buildOpenApiDocument } from '../../server/openapi/document.js';
import { testApp } from './support.js';
import { addStaff, codeOf, sessionFor, staffRequest } from './staff-support.js';

const BASE = 'https://kap-elements.test/openapi.json';
const doc = buildOpenApiDocument();
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ $id: BASE, components: { schemas: doc.components.schemas } });

async function conforms(method: string, path: string, response: Response): Promise<any> {
  const documented = doc.paths[path]?.[method]?.responses[String(response.status)] as
    { $ref?: string; content?: Record<string, { schema: { $ref?: string } }> } | undefined;
  assert.ok(documented, `${method} ${path} documents ${response.status}`);
  const resolved = documented.$ref ? (doc.components.responses[documented.$ref.split('/').at(-1)!] as typeof documented) : documented;
  const schema = resolved.content?.['application/json']?.schema;
  const body = await response.json();
  assert.ok(schema, `${method} ${path} ${response.status} has a JSON schema`);
  const validate = ajv.compile(schema.$ref ? { $ref: `${BASE}${schema.$ref}` } : schema);
  assert.ok(validate(body), `${method} ${path} ${response.status}: ${ajv.errorsText(validate.errors)}`);
  return body;
}

describe('the staff paths in openapi.json', () => {
  test('security schemes: the session cookie, the CSRF header, API keys', () => {
    const schemes = doc.components.securitySchemes as Record<string, { type: string; in?: string; name?: string; scheme?: string }>;
    assert.deepEqual([schemes.staffSession!.type, schemes.staffSession!.in, schemes.staffSession!.name], ['apiKey', 'cookie', '__Host-kap_staff']);
    assert.deepEqual([schemes.staffCsrf!.type, schemes.staffCsrf!.in, schemes.staffCsrf!.name], ['apiKey', 'header', 'X-CSRF-Token']);
    assert.deepEqual([schemes.staffApiKey!.type, schemes.staffApiKey!.scheme], ['http', 'bearer']);
  });

  test('each operation’s security is what the route table says', () => {
    for (const [route, access] of Object.entries(STAFF_ROUTES)) {
      const [method, path] = route.split(' ') as [string, string];
      const operation = doc.paths[path.replace(/:(\w+)/g, '{$1}')]![method.toLowerCase()]!;
      const session = method === 'GET' ? { staffSession: [] } : { staffSession: [], staffCsrf: [] };
      if (access === 'public') assert.equal(operation.security, undefined, route);
      else if (access !== 'signed-in' && access.apiKey)
        assert.deepEqual(operation.security, [session, { staffApiKey: [route.includes('bookings') ? 'read:bookings' : 'read:responses'] }], route);
      else assert.deepEqual(operation.security, [session], route);
    }
    const guarded = Object.entries(STAFF_ROUTES).filter(([, access]) => access !== 'public');
    const undocumented = guarded.filter(([route]) => {
      const [method, path] = route.split(' ') as [string, string];
      const { responses } = doc.paths[path.replace(/:(\w+)/g, '{$1}')]![method.toLowerCase()]!;
      return !(responses['401'] && responses['403']);
    });
    assert.deepEqual(
      undocumented.map(([route]) => route),
      [],
      'every route behind a session documents 401 and 403',
    );
  });

  test('real answers of the staff routes match the document', async () => {
    const app = testApp();
    const owner = await addStaff(app, 'owner');
    const signInWith = (body: unknown) => staffRequest(app, 'POST', '/staff/session', { body });
    await conforms('post', '/staff/session', await signInWith({ email: owner.email, password: 'wrong password here', code: '123456' }));
    await conforms('post', '/staff/session', await signInWith({ email: owner.email, password: owner.password, code: codeOf(app, owner) }));
    await conforms('post', '/staff/session', await signInWith({ email: 'not an email', password: 'x' }));
    const session = await sessionFor(app, owner.record);
    await conforms('get', '/staff/me', await staffRequest(app, 'GET', '/staff/me', { session }));
    await conforms('get', '/staff/me', await staffRequest(app, 'GET', '/staff/me'));
    const invited = await conforms(
      'post',
      '/staff/accounts',
      await staffRequest(app, 'POST', '/staff/accounts', { session, body: { email: 'desk@clinic.example', role: 'front-desk' } }),
    );
    await conforms(
      'post',
      '/staff/accounts',
      await staffRequest(app, 'POST', '/staff/accounts', { session, body: { email: 'desk@clinic.example', role: 'front-desk' } }),
    );
    await conforms('get', '/staff/accounts', await staffRequest(app, 'GET', '/staff/accounts', { session }));
    const token = new URL(invited.setupUrl).hash.slice('#token='.length);
    await conforms('post', '/staff/setup/start', await staffRequest(app, 'POST', '/staff/setup/start', { body: { token } }));
    await conforms('post', '/staff/accounts/{id}/disable', await staffRequest(app, 'POST', `/staff/accounts/${invited.staff.id}/disable`, { session }));
    await conforms('post', '/staff/accounts/{id}/disable', await staffRequest(app, 'POST', `/staff/accounts/${owner.record.id}/disable`, { session }));
    await conforms('post', '/staff/accounts/{id}/reset', await staffRequest(app, 'POST', `/staff/accounts/${invited.staff.id}/reset`, { session }));
    await conforms('post', '/staff/setup/start', await staffRequest(app, 'POST', '/staff/setup/start', { body: { token } }));
    const key = await conforms(
      'post',
      '/staff/api-keys',
      await staffRequest(app, 'POST', '/staff/api-keys', { session, body: { name: 'EHR', scopes: ['read:bookings'] } }),
    );
    await conforms('post', '/staff/api-keys', await staffRequest(app, 'POST', '/staff/api-keys', { session, body: { name: '', scopes: [] } }));
    const booked = await (await app.book({ start: '2026-03-03T15:00:00Z', reason: 'ptsd', source: 'newsletter' })).json();
    await conforms(
      'get',
      '/staff/bookings/{id}',
      await app.request(`/staff/bookings/${booked.booking.id}`, { headers: { Authorization: `Bearer ${key.secret}` } }),
    );
    await conforms('get', '/staff/bookings/{id}', await staffRequest(app, 'GET', '/staff/bookings/bk_nobody', { session }));
    await conforms('get', '/staff/api-keys', await staffRequest(app, 'GET', '/staff/api-keys', { session }));
    await conforms('delete', '/staff/api-keys/{id}', await staffRequest(app, 'DELETE', `/staff/api-keys/${key.apiKey.id}`, { session }));
    await conforms('get', '/staff/audit', await staffRequest(app, 'GET', '/staff/audit?limit=3', { session }));
    await conforms('get', '/staff/audit', await staffRequest(app, 'GET', '/staff/audit?limit=x', { session }));
    const response = await app.stores.intake.saveResponse({
      submission: { form: 'kap-demo-intake', answers: { a: 'b' }, scores: [], flags: [], safety: false, safetyItems: [] },
      now: app.clock.ms,
    });
    await conforms('get', '/staff/intake-responses/{id}', await staffRequest(app, 'GET', `/staff/intake-responses/${response.id}`, { session }));
    const marketer = await sessionFor(app, (await addStaff(app, 'marketer')).record);
    // The embed code's data, over the stand-in build and over none (elements: null).
    for (const [elementsDir, built] of [
      ['test/support/elements-build', true],
      ['test/support/no-elements-build', false],
    ] as const) {
      const other = testApp({ elementsDir });
      const embed = await conforms(
        'get',
        '/staff/embed',
        await staffRequest(other, 'GET', '/staff/embed', { session: await sessionFor(other, (await addStaff(other, 'marketer')).record) }),
      );
      assert.equal(embed.elements === null, !built);
    }
    await conforms('get', '/staff/intake-responses/{id}', await staffRequest(app, 'GET', `/staff/intake-responses/${response.id}`, { session: marketer }));
  });

  test('real answers of the console routes match the document', async () => {
    const app = testApp();
    const session = await sessionFor(app, (await addStaff(app, 'owner')).record);
    const booked = await (await app.book({ service: 'administration', start: '2026-03-04T14:00:00Z' })).json();
    await app.stores.intake.saveResponse({
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
    await conforms('get', '/staff/schedule', await staffRequest(app, 'GET', '/staff/schedule?from=2026-03-02', { session }));
    await conforms('get', '/staff/schedule', await staffRequest(app, 'GET', '/staff/schedule?from=March', { session }));
    await conforms('get', '/staff/requests', await staffRequest(app, 'GET', '/staff/requests', { session }));
    const queue = await conforms('get', '/staff/safety-queue', await staffRequest(app, 'GET', '/staff/safety-queue', { session }));
    await conforms('get', '/staff/safety-queue/{id}', await staffRequest(app, 'GET', `/staff/safety-queue/${queue.items[0].id}`, { session }));
    await conforms('get', '/staff/safety-queue/{id}', await staffRequest(app, 'GET', '/staff/safety-queue/ir_none', { session }));
    await conforms(
      'post',
      '/staff/safety-queue/{id}/acknowledge',
      await staffRequest(app, 'POST', `/staff/safety-queue/${queue.items[0].id}/acknowledge`, { session, body: { note: 'Called.' } }),
    );
    await conforms(
      'post',
      '/staff/bookings/{id}/decline',
      await staffRequest(app, 'POST', `/staff/bookings/${booked.booking.id}/decline`, { session, body: { reason: 'x' } }),
    );
    await conforms('post', '/staff/bookings/{id}/confirm', await staffRequest(app, 'POST', `/staff/bookings/${booked.booking.id}/confirm`, { session }));
    await conforms(
      'post',
      '/staff/bookings/{id}/decline',
      await staffRequest(app, 'POST', `/staff/bookings/${booked.booking.id}/decline`, { session, body: { reason: 'other' } }),
    );
  });
});
