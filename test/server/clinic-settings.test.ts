/**
 * `GET clinic` (public) and the staff routes that read and change the clinic's configuration:
 * checked as the configuration they make (problems by path, nothing changed), audited, and seen at
 * once by availability and the forms served. Who may call each route is the matrix's (staff-matrix.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ClinicResponse } from '../../src/api/clinic.js';
import { DEMO_PROFILE } from '../../server/demo/clinic.js';
import { DEMO_INTAKE_FORM_ID } from '../../server/demo/intake-form.js';
import { testApp, type TestApp } from './support.js';
import { addStaff, sessionFor, staffRequest, type Session } from './staff-support.js';

async function owner(app: TestApp): Promise<Session> {
  return sessionFor(app, (await addStaff(app, 'owner')).record);
}

async function auditActions(app: TestApp): Promise<string[]> {
  return (await app.stores.audit.query({ limit: 50 })).entries.map((entry) => entry.action);
}

describe('GET /clinic', () => {
  test('answers the demo clinic’s public profile, in the contract’s shape, with nothing else of its configuration', async () => {
    const app = testApp();
    const response = await app.request('/clinic');
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.deepEqual(body, {
      name: DEMO_PROFILE.name,
      timeZone: 'America/New_York',
      phone: DEMO_PROFILE.contact.phone,
      privacyNoticeUrl: DEMO_PROFILE.privacyNoticeUrl,
      crisisResources: DEMO_PROFILE.crisisResources,
    });
    assert.ok(ClinicResponse.safeParse(body).success);
  });
});

describe('the clinic’s settings (staff)', () => {
  test('the owner reads the whole configuration', async () => {
    const app = testApp();
    const response = await staffRequest(app, 'GET', '/staff/clinic', { session: await owner(app) });
    assert.equal(response.status, 200);
    const { configuration } = await response.json();
    assert.deepEqual(configuration, JSON.parse(JSON.stringify(await app.stores.clinic.configuration())));
  });

  test('a profile change shows in GET clinic at once, and is audited', async () => {
    const app = testApp();
    const session = await owner(app);
    const profile = { ...(await app.stores.clinic.profile()), name: 'Harbor Light Clinic', privacyNoticeUrl: 'https://harborlight.example/privacy' };
    const response = await staffRequest(app, 'PUT', '/staff/clinic/profile', { session, body: { profile } });
    assert.equal(response.status, 200);
    const clinic = await (await app.request('/clinic')).json();
    assert.equal(clinic.name, 'Harbor Light Clinic');
    assert.equal(clinic.privacyNoticeUrl, 'https://harborlight.example/privacy');
    assert.ok((await auditActions(app)).includes('clinic.profile.update'));
  });

  test('a change that would break the configuration is 422 by path, and changes nothing', async () => {
    const app = testApp();
    const session = await owner(app);
    const before = await app.stores.clinic.configuration();
    const services = before.services.map((service) =>
      service.id === 'integration' ? { ...service, followUp: { after: 'massage', minHoursAfterEnd: 24, maxHoursAfterEnd: 48 } } : service,
    );
    const response = await staffRequest(app, 'PUT', '/staff/clinic/services', { session, body: { services } });
    assert.equal(response.status, 422);
    assert.deepEqual(Object.keys((await response.json()).error.fields), ['services.3.followUp.after']);
    const overlapping = await staffRequest(app, 'PUT', '/staff/clinic/hours', {
      session,
      body: {
        openingHours: [
          { weekday: 1, opens: '09:00', closes: '13:00' },
          { weekday: 1, opens: '12:00', closes: '17:00' },
        ],
      },
    });
    assert.equal(overlapping.status, 422);
    assert.ok('openingHours.0' in (await overlapping.json()).error.fields);
    assert.deepEqual(await app.stores.clinic.configuration(), before);
    assert.ok(!(await auditActions(app)).some((action) => action.startsWith('clinic.')));
  });

  test('the owner closes a day and availability stops offering it; buffers keep time free after a booking', async () => {
    const app = testApp();
    const session = await owner(app);
    const tuesday = ['2026-03-03T05:00:00Z', '2026-03-04T05:00:00Z'] as const;
    assert.ok((await app.availability('consultation', ...tuesday)).slots.length > 0);
    const closed = await staffRequest(app, 'PUT', '/staff/clinic/closures', {
      session,
      body: { closures: [{ date: '2026-03-03', reason: 'Staff training' }] },
    });
    assert.equal(closed.status, 200);
    assert.deepEqual((await app.availability('consultation', ...tuesday)).slots, []);
    assert.equal((await app.book({ start: '2026-03-03T15:00:00Z' })).status, 422, 'a closed day is no slot at all');

    await staffRequest(app, 'PUT', '/staff/clinic/closures', { session, body: { closures: [] } });
    const { services } = await app.stores.clinic.configuration();
    const buffered = services.map((service) => (service.id === 'consultation' ? { ...service, bufferAfterMinutes: 45 } : service));
    assert.equal((await staffRequest(app, 'PUT', '/staff/clinic/services', { session, body: { services: buffered } })).status, 200);
    assert.equal((await app.book({ start: '2026-03-03T15:00:00Z' })).status, 201); // 10:00–10:45, kept free until 11:30
    const starts = (await app.availability('consultation', ...tuesday)).slots.map((slot) => slot.start);
    assert.ok(!starts.includes('2026-03-03T16:00:00Z') && !starts.includes('2026-03-03T15:30:00Z'));
    assert.ok(starts.includes('2026-03-03T16:30:00Z'));
    assert.deepEqual(
      (await auditActions(app)).filter((action) => action.startsWith('clinic.')),
      ['clinic.services.update', 'clinic.closures.update', 'clinic.closures.update'],
    );
  });

  test('publishing is refused while the authoring checks find a problem the studio shows, as the studio words it; saving the draft is not', async () => {
    const app = testApp();
    const marketer = await sessionFor(app, (await addStaff(app, 'marketer')).record);
    // A condition on a question that comes later: the form studio shows it at the question.
    const draft = {
      title: 'Check-in',
      pages: [
        {
          id: 'today',
          title: 'Today',
          items: [
            { type: 'text', id: 'dose', label: 'Which dose?', when: { item: 'lithium', equals: 'yes' } },
            { type: 'yesno', id: 'lithium', label: 'Do you take lithium?' },
          ],
        },
      ],
    };
    assert.equal((await staffRequest(app, 'PUT', '/staff/forms/check-in/draft', { session: marketer, body: { draft } })).status, 200);
    const refused = await staffRequest(app, 'POST', '/staff/forms/check-in/publish', { session: marketer });
    assert.equal(refused.status, 422);
    assert.match((await refused.json()).error.fields.draft, /\npages\[0\]\.items\[0\] \("dose"\): condition refers to "lithium" which is not an earlier item/);
    assert.equal((await app.request('/forms/check-in')).status, 404);
    const forms = (await (await staffRequest(app, 'GET', '/staff/forms', { session: marketer })).json()).forms;
    assert.deepEqual(forms.find((form: { id: string }) => form.id === 'check-in').versions, []);

    draft.pages[0]!.items.reverse();
    await staffRequest(app, 'PUT', '/staff/forms/check-in/draft', { session: marketer, body: { draft } });
    const published = await staffRequest(app, 'POST', '/staff/forms/check-in/publish', { session: marketer });
    assert.equal(published.status, 201);
    assert.equal((await published.json()).form.versions[0].version, '1');
  });

  test('a form: its draft is not served; published, it is; the same version again is 409; a broken draft 422', async () => {
    const app = testApp();
    const marketer = await sessionFor(app, (await addStaff(app, 'marketer')).record);
    const draft = {
      title: 'Check-in',
      version: 'v1',
      pages: [{ id: 'today', title: 'Today', items: [{ type: 'text', id: 'mood', label: 'How are you today?', maxLength: 200 }] }],
    };
    assert.equal((await staffRequest(app, 'PUT', '/staff/forms/check-in/draft', { session: marketer, body: { draft } })).status, 200);
    assert.equal((await app.request('/forms/check-in')).status, 404);
    const published = await staffRequest(app, 'POST', '/staff/forms/check-in/publish', { session: marketer });
    assert.equal(published.status, 201);
    assert.deepEqual(
      (await published.json()).form.versions.map((version: { version: string }) => version.version),
      ['v1'],
    );
    const served = await (await app.request('/forms/check-in')).json();
    assert.equal(served.id, 'check-in');
    assert.equal(served.version, 'v1');

    const again = await staffRequest(app, 'POST', '/staff/forms/check-in/publish', { session: marketer });
    assert.equal(again.status, 409);
    assert.equal((await again.json()).error.code, 'form_version_published');

    await staffRequest(app, 'PUT', '/staff/forms/check-in/draft', { session: marketer, body: { draft: { ...draft, version: 'v2', pages: [] } } });
    const broken = await staffRequest(app, 'POST', '/staff/forms/check-in/publish', { session: marketer });
    assert.equal(broken.status, 422);
    assert.ok('draft' in (await broken.json()).error.fields);
    assert.equal((await (await app.request('/forms/check-in')).json()).version, 'v1');
    assert.equal((await staffRequest(app, 'POST', '/staff/forms/no-such-form/publish', { session: marketer })).status, 404);
    const forms = (await (await staffRequest(app, 'GET', '/staff/forms', { session: marketer })).json()).forms;
    assert.deepEqual(
      forms.map((form: { id: string }) => form.id),
      [DEMO_INTAKE_FORM_ID, 'check-in'],
    );
    assert.deepEqual(
      (await auditActions(app)).filter((action) => action.startsWith('form.')),
      ['form.draft.update', 'form.publish', 'form.draft.update'],
    );
  });
});
