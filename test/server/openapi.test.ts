/**
 * The published OpenAPI document against the running app: every route documented (and nothing
 * documented that does not exist), and real responses, success and error, validated with Ajv
 * against the document's own JSON Schemas for their status code.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { buildOpenApiDocument, type OpenApiDocument } from '../../server/openapi/document.js';
import { CLIENT, MINUTE, bookingBody, testApp } from './support.js';

const BASE = 'https://kap-elements.test/openapi.json';
const doc = buildOpenApiDocument();

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ $id: BASE, components: { schemas: doc.components.schemas } });

type Method = 'get' | 'post' | 'put' | 'delete';

function resolveRef<T>(value: unknown): T {
  const ref = (value as { $ref?: string }).$ref;
  if (!ref) return value as T;
  const target = ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<any>((node, part) => node?.[part], doc);
  assert.ok(target, `unresolved ${ref}`);
  return target as T;
}

function schemaFor(method: Method, path: string, status: number): object | undefined {
  const operation = doc.paths[path]?.[method];
  assert.ok(operation, `${method.toUpperCase()} ${path} is not documented`);
  const documented = operation.responses[String(status)];
  assert.ok(documented, `${method.toUpperCase()} ${path} does not document status ${status}`);
  const response = resolveRef<{ content?: Record<string, { schema: unknown }> }>(documented);
  const schema = response.content?.['application/json']?.schema as { $ref?: string } | undefined;
  if (!schema) return undefined;
  return schema.$ref ? { $ref: `${BASE}${schema.$ref}` } : schema;
}

/** Validates a real response against the document; returns the parsed body. */
async function conforms(method: Method, path: string, response: Response): Promise<any> {
  const schema = schemaFor(method, path, response.status);
  const text = await response.text();
  if (!schema) {
    assert.equal(text, '', `${method} ${path} ${response.status} documents no body`);
    return undefined;
  }
  const body = JSON.parse(text);
  const validate = ajv.compile(schema);
  assert.ok(validate(body), `${method.toUpperCase()} ${path} ${response.status} does not match the document: ${ajv.errorsText(validate.errors)}\n${text}`);
  return body;
}

describe('openapi.json', () => {
  test('is OpenAPI 3.1 and served by the app exactly as built', async () => {
    assert.equal(doc.openapi, '3.1.0');
    const app = testApp();
    const response = await app.request('/openapi.json');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), doc);
  });

  test('documents every route the app serves, and no route it does not', () => {
    const app = testApp();
    const served = new Set(
      app.app.routes
        // The console's page and files (/console/…) and the elements' built files (/elements/…) are the app's, not the API's.
        .filter((route) => route.method !== 'ALL' && !/^\/(console|elements)(\/|$)/.test(route.path))
        .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`)));
    assert.deepEqual([...served].sort(), [...documented].sort());
  });

  test('every $ref resolves', () => {
    const refs: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' && typeof value === 'string') refs.push(value);
          else walk(value);
        }
      }
    };
    walk(doc);
    assert.ok(refs.length > 20);
    for (const ref of refs) resolveRef({ $ref: ref });
  });

  test('response objects never forbid additional properties; request bodies do', () => {
    const responseSchemas = [
      'FollowUpWindow',
      'Service',
      'ServicesResponse',
      'Slot',
      'AvailabilityResponse',
      'Hold',
      'HoldResponse',
      'Booking',
      'BookingResponse',
      'BookingCreatedResponse',
      'ChecklistItemState',
      'ChecklistResponse',
      'ChecklistItemResponse',
      'SafetySignalCreated',
      'ErrorBody',
    ];
    const closed: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}/${i}`));
      else if (node && typeof node === 'object') {
        if ((node as Record<string, unknown>).additionalProperties === false) closed.push(path);
        for (const [key, value] of Object.entries(node)) walk(value, `${path}/${key}`);
      }
    };
    for (const name of responseSchemas) walk(doc.components.schemas[name], name);
    assert.deepEqual(closed, []);
    for (const name of ['BookingRequest', 'ClientDetails', 'Consent', 'HoldRequest', 'RescheduleRequest', 'ChecklistItemUpdate', 'SafetySignalRequest']) {
      assert.equal(doc.components.schemas[name]!.additionalProperties, false, name);
    }
  });

  test('declares the bearer scheme, the Idempotency-Key header and the error envelope', () => {
    assert.deepEqual(doc.components.securitySchemes.bearerAuth, {
      type: 'http',
      scheme: 'bearer',
      description: (doc.components.securitySchemes.bearerAuth as { description: string }).description,
    });
    for (const path of [
      '/bookings/{id}',
      '/bookings/{id}/cancel',
      '/bookings/{id}/reschedule',
      '/bookings/{id}/checklist',
      '/bookings/{id}/checklist/{itemId}',
    ]) {
      const operation = Object.values(doc.paths[path]!)[0]!;
      assert.deepEqual(operation.security, [{ bearerAuth: [] }], path);
      assert.ok(operation.responses['401']);
    }
    const key = (operation: OpenApiDocument['paths'][string][string]) =>
      (operation.parameters ?? [])
        .map((parameter) => resolveRef<{ name: string; in: string; required: boolean }>(parameter))
        .find((p) => p.name === 'Idempotency-Key');
    assert.equal(key(doc.paths['/bookings']!.post!)?.required, true);
    assert.equal(key(doc.paths['/holds']!.post!)?.required, false);
    assert.equal(key(doc.paths['/bookings/{id}/reschedule']!.post!)?.required, true);
    assert.deepEqual(doc.paths['/availability']!.get!.security, [{}, { bearerAuth: [] }], 'the bearer token is optional on availability');
    assert.equal(key(doc.paths['/bookings/{id}/cancel']!.post!)?.in, 'header');
    const rateLimited = resolveRef<{ headers: Record<string, unknown> }>(doc.paths['/bookings']!.post!.responses['429']);
    assert.ok(rateLimited.headers['Retry-After']);
  });

  test('a hold comes with its release token, which DELETE holds/{id} asks for; every operation documents 429', () => {
    const hold = doc.components.schemas.HoldResponse as { properties: Record<string, unknown>; required?: string[] };
    assert.ok(hold.properties.releaseToken, 'HoldResponse.releaseToken');
    assert.ok(!(hold.required ?? []).includes('releaseToken'), 'optional: a backend may issue none');
    assert.equal((doc.components.securitySchemes.holdReleaseToken as { scheme: string }).scheme, 'bearer');
    assert.deepEqual(doc.paths['/holds/{id}']!.delete!.security, [{ holdReleaseToken: [] }]);
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) assert.ok(operation.responses['429'], `${method} ${path}`);
    }
  });

  test('the request schemas accept what the elements send and reject what the server rejects', () => {
    const validate = ajv.compile({ $ref: `${BASE}#/components/schemas/BookingRequest` });
    assert.ok(validate(bookingBody({ start: '2026-03-03T15:00:00Z', reason: 'ptsd', source: 'x' })), ajv.errorsText(validate.errors));
    assert.equal(validate({ ...bookingBody({ start: '2026-03-03T15:00:00Z' }), holdID: 'typo' }), false);
    assert.equal(validate(bookingBody({ start: '2026-03-03T15:00:00+01:00' })), false);
    assert.equal(validate({ ...bookingBody({ start: '2026-03-03T15:00:00Z' }), consent: { privacy: false } }), false);
  });

  test('the check can fail: a response of the wrong shape is rejected', () => {
    const validate = ajv.compile({ $ref: `${BASE}#/components/schemas/AvailabilityResponse` });
    assert.ok(validate({ service: 'consultation', timeZone: 'America/New_York', slots: [], addedLater: true }));
    assert.equal(
      validate({ service: 'consultation', timeZone: 'America/New_York', slots: [{ start: '2026-03-03T10:00:00-05:00', end: '2026-03-03T15:45:00Z' }] }),
      false,
    );
    assert.equal(validate({ service: 'consultation', slots: [] }), false);
    const booking = ajv.compile({ $ref: `${BASE}#/components/schemas/BookingCreatedResponse` });
    assert.equal(
      booking({
        booking: { id: 'b', service: 's', start: '2026-03-03T15:00:00Z', end: '2026-03-03T15:45:00Z', status: 'pending' },
        accessToken: 'x'.repeat(43),
      }),
      false,
    );
  });

  test('real responses of every endpoint, success and failure, match the document', async () => {
    const app = testApp({ rateLimit: { writes: 40, windowMs: MINUTE } });
    const slot = '2026-03-03T15:00:00Z';
    const json = { 'Content-Type': 'application/json' };

    await conforms('get', '/health', await app.request('/health'));
    const services = await conforms('get', '/services', await app.request('/services'));
    assert.equal(services.services.length, 4);
    await conforms('get', '/availability', await app.request(`/availability?service=consultation&from=2026-03-03T00:00:00Z&to=2026-03-10T00:00:00Z`));
    await conforms('get', '/availability', await app.request('/availability?service=consultation'));

    const held = await conforms('post', '/holds', await app.postJson('/holds', { service: 'consultation', start: slot }, { 'Idempotency-Key': 'h1' }));
    await conforms('post', '/holds', await app.postJson('/holds', { service: 'consultation', start: slot }, { 'Idempotency-Key': 'h1' }));
    await conforms('post', '/holds', await app.postJson('/holds', { service: 'consultation', start: slot }));
    await conforms('post', '/holds', await app.postJson('/holds', { service: 'consultation' }));
    await conforms('post', '/holds', await app.request('/holds', { method: 'POST', headers: json, body: '{' }));
    await conforms('post', '/holds', await app.request('/holds', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' }));
    await conforms('post', '/holds', await app.postJson('/holds', { service: 'consultation', start: slot, pad: 'x'.repeat(40_000) }));

    await conforms('post', '/bookings', await app.postJson('/bookings', bookingBody({ start: slot })));
    const key = randomUUID();
    const created = await conforms(
      'post',
      '/bookings',
      await app.postJson('/bookings', bookingBody({ start: slot, holdId: held.hold.id }), { 'Idempotency-Key': key }),
    );
    await conforms('post', '/bookings', await app.postJson('/bookings', bookingBody({ start: slot, holdId: held.hold.id }), { 'Idempotency-Key': key }));
    await conforms('post', '/bookings', await app.postJson('/bookings', bookingBody({ start: '2026-03-04T15:00:00Z' }), { 'Idempotency-Key': key }));
    await conforms('post', '/bookings', await app.postJson('/bookings', bookingBody({ start: slot }), { 'Idempotency-Key': randomUUID() }));
    await conforms(
      'post',
      '/bookings',
      await app.postJson('/bookings', bookingBody({ start: slot, client: { ...CLIENT, email: 'x' } }), { 'Idempotency-Key': randomUUID() }),
    );
    const requested = await conforms('post', '/bookings', await app.book({ service: 'administration', start: '2026-03-05T14:00:00Z' }));
    assert.equal(requested.booking.status, 'requested');

    const auth = { Authorization: `Bearer ${created.accessToken}` };
    await conforms('get', '/bookings/{id}', await app.request(`/bookings/${created.booking.id}`, { headers: auth }));
    await conforms('get', '/bookings/{id}', await app.request(`/bookings/${created.booking.id}`));
    await conforms('post', '/bookings/{id}/cancel', await app.request(`/bookings/${created.booking.id}/cancel`, { method: 'POST', headers: auth }));
    await conforms('post', '/bookings/{id}/cancel', await app.request(`/bookings/${created.booking.id}/cancel`, { method: 'POST' }));
    await conforms('delete', '/holds/{id}', await app.request(`/holds/${held.hold.id}`, { method: 'DELETE' }));
    await conforms(
      'delete',
      '/holds/{id}',
      await app.request(`/holds/${held.hold.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${held.releaseToken}` } }),
    );
    assert.match(held.releaseToken, /^[\w-]{43}$/);

    // Past the hold caps: 429 too_many_holds, documented.
    for (const start of ['2026-03-04T15:00:00Z', '2026-03-04T17:00:00Z']) {
      await conforms('post', '/holds', await app.postJson('/holds', { service: 'consultation', start }));
    }
    const tooMany = await app.postJson('/holds', { service: 'consultation', start: '2026-03-04T19:00:00Z' });
    assert.equal(tooMany.status, 429);
    assert.equal((await conforms('post', '/holds', tooMany)).error.code, 'too_many_holds');

    // Exhaust the write limit: the 429 is documented too.
    let limited: Response | undefined;
    for (let i = 0; i < 40 && !limited; i++) {
      const response = await app.request(`/holds/x${i}`, { method: 'DELETE' });
      if (response.status === 429) limited = response;
    }
    assert.ok(limited);
    await conforms('delete', '/holds/{id}', limited);

    const reads = testApp({ rateLimit: { writes: 1, reads: 1, windowMs: MINUTE } });
    await conforms('get', '/services', await reads.request('/services'));
    await conforms('get', '/availability', await reads.request('/availability?service=consultation&from=2026-03-03T00:00:00Z&to=2026-03-04T00:00:00Z'));

    app.db.exec('ALTER TABLE services RENAME TO services_gone');
    await conforms('get', '/services', await app.request('/services'));
  });

  test('the safety signal: bearer token and Idempotency-Key required, a closed body of ids, real answers match', async () => {
    const operation = doc.paths['/safety-signals']!.post!;
    assert.deepEqual(operation.security, [{ bearerAuth: [] }]);
    assert.deepEqual(operation.parameters, [{ $ref: '#/components/parameters/IdempotencyKeyRequired' }]);
    const request = ajv.compile({ $ref: `${BASE}#/components/schemas/SafetySignalRequest` });
    const body = { booking: 'bk_1', form: 'kap-demo-intake', version: 'v1', items: ['phq-9.q9'] };
    assert.ok(request(body), ajv.errorsText(request.errors));
    assert.equal(request({ ...body, answers: { 'phq-9.q9': 'nearly-every-day' } }), false, 'no answers');
    assert.equal(request({ ...body, items: [] }), false);

    const app = testApp();
    const created = await (await app.book({ start: '2026-03-03T15:00:00Z' })).json();
    const send = (payload: unknown, headers: Record<string, string>) => app.postJson('/safety-signals', payload, headers);
    const auth = { Authorization: `Bearer ${created.accessToken}` };
    const signal = { ...body, booking: created.booking.id };
    const key = randomUUID();
    const first = await conforms('post', '/safety-signals', await send(signal, { ...auth, 'Idempotency-Key': key }));
    assert.match(first.signal.id, /^ss_/);
    await conforms('post', '/safety-signals', await send(signal, { ...auth, 'Idempotency-Key': key }));
    await conforms('post', '/safety-signals', await send(signal, { 'Idempotency-Key': randomUUID() }));
    await conforms('post', '/safety-signals', await send(signal, auth));
    await conforms('post', '/safety-signals', await send({ ...signal, items: ['email'] }, { ...auth, 'Idempotency-Key': randomUUID() }));
  });

  test('real responses of the journey endpoints (follow-up availability, reschedule, checklist) match the document', async () => {
    const app = testApp();
    const book = async (service: string, start: string) => {
      const body = await conforms('post', '/bookings', await app.book({ service, start }));
      return { id: body.booking.id as string, auth: { Authorization: `Bearer ${body.accessToken}` } };
    };
    const session = await book('administration', '2026-03-04T18:00:00Z');
    const consultation = await book('consultation', '2026-03-03T15:00:00Z');
    const range = 'from=2026-03-02T00:00:00Z&to=2026-03-14T00:00:00Z';

    const services = await conforms('get', '/services', await app.request('/services'));
    assert.ok(services.services.some((service: { followUp?: unknown }) => service.followUp));
    const window = await conforms(
      'get',
      '/availability',
      await app.request(`/availability?service=integration&${range}&after=${session.id}`, { headers: session.auth }),
    );
    assert.ok(window.slots.length > 0);
    await conforms('get', '/availability', await app.request(`/availability?service=integration&${range}&after=${session.id}`));
    await conforms('get', '/availability', await app.request(`/availability?service=integration&${range}`));

    const reschedule = (id: string, body: unknown, headers: Record<string, string>) => app.postJson(`/bookings/${id}/reschedule`, body, headers);
    const key = randomUUID();
    const moved = await conforms(
      'post',
      '/bookings/{id}/reschedule',
      await reschedule(consultation.id, { start: '2026-03-05T15:00:00Z' }, { ...consultation.auth, 'Idempotency-Key': key }),
    );
    assert.equal(moved.booking.start, '2026-03-05T15:00:00Z');
    await conforms(
      'post',
      '/bookings/{id}/reschedule',
      await reschedule(consultation.id, { start: '2026-03-05T15:00:00Z' }, { ...consultation.auth, 'Idempotency-Key': key }),
    );
    await conforms('post', '/bookings/{id}/reschedule', await reschedule(consultation.id, { start: '2026-03-05T15:00:00Z' }, consultation.auth));
    await conforms(
      'post',
      '/bookings/{id}/reschedule',
      await reschedule(consultation.id, { start: '2026-03-05T15:00:00Z' }, { 'Idempotency-Key': randomUUID() }),
    );
    await conforms(
      'post',
      '/bookings/{id}/reschedule',
      await reschedule(consultation.id, { start: '2026-03-04T18:30:00Z' }, { ...consultation.auth, 'Idempotency-Key': randomUUID() }),
    );
    await conforms(
      'post',
      '/bookings/{id}/reschedule',
      await reschedule(consultation.id, { start: 'soon' }, { ...consultation.auth, 'Idempotency-Key': randomUUID() }),
    );

    const list = await conforms('get', '/bookings/{id}/checklist', await app.request(`/bookings/${session.id}/checklist`, { headers: session.auth }));
    assert.ok(list.items.length > 5);
    await conforms('get', '/bookings/{id}/checklist', await app.request(`/bookings/${session.id}/checklist`));
    const put = (id: string, item: string, body: unknown, headers: Record<string, string>) =>
      app.request(`/bookings/${id}/checklist/${item}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const checked = await conforms('put', '/bookings/{id}/checklist/{itemId}', await put(session.id, 'stop-eating', { done: true }, session.auth));
    assert.equal(checked.item.done, true);
    await conforms('put', '/bookings/{id}/checklist/{itemId}', await put(session.id, 'stop-eating', { done: true }, {}));
    await conforms('put', '/bookings/{id}/checklist/{itemId}', await put(session.id, 'no-such-item', { done: true }, session.auth));
    await conforms('put', '/bookings/{id}/checklist/{itemId}', await put(session.id, 'stop-eating', { done: 'yes' }, session.auth));
    await app.request(`/bookings/${consultation.id}/cancel`, { method: 'POST', headers: consultation.auth });
    const refused = await conforms('put', '/bookings/{id}/checklist/{itemId}', await put(consultation.id, 'test-video', { done: true }, consultation.auth));
    assert.equal(refused.error.code, 'unauthorized', 'a cancelled booking’s token opens nothing (server/booking-access.ts)');
    await conforms(
      'post',
      '/bookings/{id}/reschedule',
      await reschedule(consultation.id, { start: '2026-03-03T15:00:00Z' }, { ...consultation.auth, 'Idempotency-Key': randomUUID() }),
    );
  });
});

describe('texts in other languages (additive: older clients ignore them)', () => {
  const schemaOf = (name: string) => doc.components.schemas[name] as { properties: Record<string, any>; required?: string[] };

  test('services and checklist items document optional `translations`, their responses an optional `lang`', () => {
    for (const [name, fields] of [
      ['Service', ['name', 'description']],
      ['ChecklistItemState', ['text', 'details', 'group']],
    ] as const) {
      const translations = schemaOf(name).properties['translations'];
      assert.ok(translations, `${name}.translations is documented`);
      assert.ok(!schemaOf(name).required?.includes('translations'), `${name}.translations is optional`);
      assert.deepEqual(Object.keys(translations.additionalProperties.properties).sort(), [...fields].sort());
    }
    for (const name of ['ServicesResponse', 'ChecklistResponse']) {
      assert.ok(schemaOf(name).properties['lang'], `${name}.lang is documented`);
      assert.ok(!schemaOf(name).required?.includes('lang'), `${name}.lang is optional`);
    }
  });

  test('the reference backend answers the demo services and checklists in English with their Spanish, and matches the document', async () => {
    const app = testApp();
    const services = await conforms('get', '/services', await app.request('/services'));
    assert.equal(services.lang, 'en');
    const consultation = services.services.find((service: { id: string }) => service.id === 'consultation');
    assert.equal(consultation.name, 'Initial consultation');
    assert.equal(consultation.translations.es.name, 'Consulta inicial');
    assert.match(consultation.translations.es.description, /^Una videollamada privada con nuestro equipo médico/);
    assert.ok(services.services.every((service: { translations?: { es?: { name?: string } } }) => service.translations?.es?.name));

    const booked = await conforms('post', '/bookings', await app.book({ service: 'administration', start: '2026-03-04T18:00:00Z' }));
    const list = await conforms(
      'get',
      '/bookings/{id}/checklist',
      await app.request(`/bookings/${booked.booking.id}/checklist`, { headers: { Authorization: `Bearer ${booked.accessToken}` } }),
    );
    assert.equal(list.lang, 'en');
    const stop = list.items.find((item: { id: string }) => item.id === 'stop-eating');
    assert.equal(stop.text, 'Stop eating 4 hours before your session');
    assert.deepEqual(Object.keys(stop.translations), ['es']);
    assert.equal(stop.translations.es.text, 'Deje de comer 4 horas antes de la sesión');
    assert.ok(
      list.items.every((item: { translations?: { es?: { text?: string; group?: string } } }) => item.translations?.es?.text && item.translations.es.group),
    );
  });
});

describe('the contract document the npm package ships', () => {
  const contract = buildOpenApiDocument({ scope: 'contract' });

  test('has every element path and no staff path or staff component', () => {
    const elementPaths = Object.keys(doc.paths).filter((path) => !path.startsWith('/staff'));
    assert.deepEqual(Object.keys(contract.paths), elementPaths);
    const text = JSON.stringify(contract);
    assert.doesNotMatch(text, /\/staff|staffSession|StaffMember|ApiKey/);
    assert.ok(Object.keys(contract.components.schemas).length < Object.keys(doc.components.schemas).length);
  });

  test('resolves every reference it makes', () => {
    const refs = JSON.stringify(contract).match(/"#\/components\/[^"]+"/g) ?? [];
    assert.ok(refs.length > 0);
    for (const ref of new Set(refs)) {
      const target = JSON.parse(ref)
        .slice(2)
        .split('/')
        .reduce((node: any, part: string) => node?.[part], contract);
      assert.ok(target, `unresolved ${ref}`);
    }
    for (const operation of Object.values(contract.paths).flatMap((operations) => Object.values(operations))) {
      for (const requirement of operation.security ?? []) {
        for (const scheme of Object.keys(requirement)) assert.ok(contract.components.securitySchemes[scheme], scheme);
      }
    }
  });
});
