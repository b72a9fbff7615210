import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ChecklistItemResponse, ChecklistResponse } from '../../src/api/schemas.js';
import { KAP_DEFAULT_CHECKLIST } from '../../src/checklist/index.js';
import { createApp } from '../../server/app.js';
import { DEMO_CHECKLIST_TEMPLATES } from '../../server/demo/checklists.js';
import { bearer, booked, getChecklist, putItem, tempDirs } from './journey-support.js';
import { HOUR, MINUTE, testApp } from './support.js';

const SLOT = '2026-03-03T15:00:00Z';
const temp = tempDirs('kap-checklist-');
after(() => temp.cleanup());

describe('GET /bookings/:id/checklist', () => {
  test('a new booking has its service’s checklist: the items in order, none done, with the booking and the clinic’s zone', async () => {
    const app = testApp();
    const consultation = await booked(app, { start: SLOT });
    const response = await getChecklist(app, consultation);
    assert.equal(response.status, 200);
    const body = ChecklistResponse.parse(await response.json());
    assert.deepEqual(body.booking, consultation.booking);
    assert.equal(body.timeZone, 'America/New_York');
    assert.equal(body.lang, 'en', 'the plain texts are in English, the Spanish in translations');
    const template = DEMO_CHECKLIST_TEMPLATES.consultation!;
    assert.deepEqual(
      body.items.map((item) => item.id),
      template.items.map((item) => item.id),
    );
    assert.deepEqual(body.items[0], {
      id: 'list-medications',
      text: 'Write down the medicines and supplements you take, with their doses',
      details: 'The medical team needs this to decide whether ketamine is safe for you.',
      group: 'Before your call',
      dueOffsetMinutes: -60,
      required: true,
      done: false,
      translations: {
        es: {
          text: 'Anote los medicamentos y suplementos que toma, con sus dosis',
          details: 'El equipo médico lo necesita para valorar si la ketamina es segura para usted.',
          group: 'Antes de la llamada',
        },
      },
    });
    const optional = body.items.find((item) => item.id === 'note-questions')!;
    assert.equal(optional.required, false);
    assert.ok(!('dueOffsetMinutes' in optional) && !('details' in optional) && !('doneAt' in optional));
  });

  test('an administration booking gets the KAP default set', async () => {
    const app = testApp();
    const session = await booked(app, { service: 'administration', start: '2026-03-04T15:00:00Z' });
    const body = ChecklistResponse.parse(await (await getChecklist(app, session)).json());
    assert.deepEqual(
      body.items.map((item) => item.id),
      KAP_DEFAULT_CHECKLIST.items.map((item) => item.id),
    );
    assert.equal(body.items.find((item) => item.id === 'stop-eating')?.dueOffsetMinutes, -240);
    assert.equal(body.booking.status, 'requested');
  });

  test('missing, wrong or another booking’s token, and an unknown id, are 401 alike', async () => {
    const app = testApp();
    const mine = await booked(app, { start: SLOT });
    const other = await booked(app, { start: '2026-03-04T15:00:00Z' });
    const bodies = new Set<string>();
    const attempts: [string, Record<string, string>][] = [
      [mine.id, {}],
      [mine.id, bearer(`${mine.token.slice(0, -1)}${mine.token.endsWith('x') ? 'y' : 'x'}`)],
      [mine.id, bearer(other.token)],
      ['bk_unknown', bearer(mine.token)],
    ];
    for (const [id, headers] of attempts) {
      const read = await app.request(`/bookings/${id}/checklist`, { headers });
      assert.equal(read.status, 401);
      assert.equal(read.headers.get('WWW-Authenticate'), 'Bearer');
      bodies.add(await read.text());
      const write = await app.request(`/bookings/${id}/checklist/test-video`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: '{"done":true}',
      });
      assert.equal(write.status, 401);
      bodies.add(await write.text());
    }
    assert.equal(bodies.size, 1);
    // Nothing was checked off by any of them.
    const items = (await (await getChecklist(app, mine)).json()).items as { done: boolean }[];
    assert.ok(items.every((item) => !item.done));
  });
});

describe('PUT /bookings/:id/checklist/:itemId', () => {
  test('checks an item off with the time it was done; the checklist shows it; unchecking clears it', async () => {
    const app = testApp();
    const consultation = await booked(app, { start: SLOT });
    const checkedAt = app.clock.ms;
    const response = await putItem(app, consultation, 'test-video', { done: true });
    assert.equal(response.status, 200);
    const { item } = ChecklistItemResponse.parse(await response.json());
    assert.deepEqual(item, {
      id: 'test-video',
      text: 'Test your camera, microphone and internet connection',
      details: 'Open the video link from your confirmation email a few minutes early; it works in any up-to-date browser.',
      group: 'Before your call',
      dueOffsetMinutes: -15,
      required: true,
      done: true,
      doneAt: new Date(checkedAt).toISOString().replace('.000Z', 'Z'),
      translations: {
        es: {
          text: 'Pruebe la cámara, el micrófono y la conexión a internet',
          details: 'Abra el enlace de video de su correo de confirmación unos minutos antes; funciona en cualquier navegador actualizado.',
          group: 'Antes de la llamada',
        },
      },
    });
    const list = (await (await getChecklist(app, consultation)).json()).items as { id: string; done: boolean }[];
    assert.deepEqual(
      list.filter((entry) => entry.done).map((entry) => entry.id),
      ['test-video'],
    );

    app.clock.advance(MINUTE);
    const undone = await (await putItem(app, consultation, 'test-video', { done: false })).json();
    assert.equal(undone.item.done, false);
    assert.ok(!('doneAt' in undone.item));
  });

  test('is idempotent: the same PUT again answers the same, keeping the first doneAt', async () => {
    const app = testApp();
    const consultation = await booked(app, { start: SLOT });
    const first = await (await putItem(app, consultation, 'quiet-private-place', { done: true })).text();
    app.clock.advance(10 * MINUTE);
    const again = await putItem(app, consultation, 'quiet-private-place', { done: true });
    assert.equal(again.status, 200);
    assert.equal(await again.text(), first);
    for (let i = 0; i < 2; i++) assert.equal((await putItem(app, consultation, 'quiet-private-place', { done: false })).status, 200);
    const list = (await (await getChecklist(app, consultation)).json()).items as { done: boolean }[];
    assert.ok(list.every((entry) => !entry.done));
  });

  test('an unknown item is 404 not_found; an item of another booking’s checklist is unknown here', async () => {
    const app = testApp();
    const consultation = await booked(app, { start: SLOT });
    const response = await putItem(app, consultation, 'stop-eating', { done: true });
    assert.equal(response.status, 404);
    const { error } = await response.json();
    assert.equal(error.code, 'not_found');
    assert.match(error.message, /no such item/);
  });

  test('the body must be exactly {done: boolean}: 422 with the field named', async () => {
    const app = testApp();
    const consultation = await booked(app, { start: SLOT });
    const cases: [unknown, string][] = [
      [{}, 'done'],
      [{ done: 'yes' }, 'done'],
      [{ done: true, doneAt: '2026-03-02T12:00:00Z' }, 'doneAt'],
    ];
    for (const [body, field] of cases) {
      const response = await putItem(app, consultation, 'test-video', body);
      assert.equal(response.status, 422, JSON.stringify(body));
      const { error } = await response.json();
      assert.equal(error.code, 'validation_failed');
      assert.ok(error.fields[field], `${JSON.stringify(body)} → ${JSON.stringify(error.fields)}`);
    }
    const empty = await app.request(`/bookings/${consultation.id}/checklist/test-video`, { method: 'PUT', headers: bearer(consultation.token) });
    assert.equal(empty.status, 422);
  });

  test('a cancelled booking’s checklist can be neither read nor changed with its link: 401 (server/booking-access.ts)', async () => {
    const app = testApp();
    const consultation = await booked(app, { start: SLOT });
    assert.equal((await putItem(app, consultation, 'test-video', { done: true })).status, 200);
    const cancelled = await app.request(`/bookings/${consultation.id}/cancel`, { method: 'POST', headers: bearer(consultation.token) });
    assert.equal(cancelled.status, 200);
    assert.equal((await putItem(app, consultation, 'test-video', { done: false })).status, 401);
    assert.equal((await getChecklist(app, consultation)).status, 401);
  });
});

describe('checklist storage', () => {
  test('state survives a restart of the app on the same database file', async () => {
    const db = join(temp.make(), 'kap.sqlite');
    const first = testApp({ db });
    const session = await booked(first, { service: 'administration', start: '2026-03-05T15:00:00Z' });
    await putItem(first, session, 'arrange-ride-home', { done: true });
    first.clock.advance(HOUR);
    await putItem(first, session, 'stop-eating', { done: true });
    await putItem(first, session, 'stop-eating', { done: false });
    const before = await (await getChecklist(first, session)).text();
    await first.close();

    const second = testApp({ db });
    try {
      const response = await getChecklist(second, session);
      assert.equal(response.status, 200);
      const text = await response.text();
      assert.equal(text, before);
      const items = JSON.parse(text).items as { id: string; done: boolean; doneAt?: string }[];
      assert.deepEqual(
        items.filter((item) => item.done).map((item) => [item.id, item.doneAt]),
        [['arrange-ride-home', '2026-03-02T12:00:00Z']],
      );
    } finally {
      await second.close();
    }
  });

  test('each booking has its own copy: editing the template changes new bookings only', async () => {
    const app = testApp();
    const before = await booked(app, { start: SLOT });
    const template = { items: [{ id: 'only-item', text: 'Only item', group: 'Now' }] };
    app.db.prepare("UPDATE services SET checklist_template = ? WHERE id = 'consultation'").run(JSON.stringify(template));
    const afterEdit = await booked(app, { start: '2026-03-04T15:00:00Z' });
    const oldItems = (await (await getChecklist(app, before)).json()).items as { id: string }[];
    const newItems = (await (await getChecklist(app, afterEdit)).json()).items as { id: string }[];
    assert.equal(oldItems.length, DEMO_CHECKLIST_TEMPLATES.consultation!.items.length);
    assert.deepEqual(
      newItems.map((item) => item.id),
      ['only-item'],
    );
  });

  test('a booking from before checklists existed gets its checklist when first read', async () => {
    const app = testApp();
    const consultation = await booked(app, { start: SLOT });
    app.db.prepare('DELETE FROM booking_checklist_items WHERE booking_id = ?').run(consultation.id);
    app.db.prepare('DELETE FROM booking_checklists WHERE booking_id = ?').run(consultation.id);
    const put = await putItem(app, consultation, 'test-video', { done: true });
    assert.equal(put.status, 200);
    const items = (await (await getChecklist(app, consultation)).json()).items as { id: string; done: boolean }[];
    assert.equal(items.length, DEMO_CHECKLIST_TEMPLATES.consultation!.items.length);
    assert.deepEqual(
      items.filter((item) => item.done).map((item) => item.id),
      ['test-video'],
    );
  });

  test('a service without a template gives an empty checklist', async () => {
    const app = testApp();
    app.db.prepare("UPDATE services SET checklist_template = NULL WHERE id = 'consultation'").run();
    const consultation = await booked(app, { start: SLOT });
    const body = await (await getChecklist(app, consultation)).json();
    assert.deepEqual(body.items, []);
  });

  test('a broken template never blocks a booking; reading its checklist is a 500 until the clinic fixes it', async () => {
    const app = testApp();
    app.db.prepare("UPDATE services SET checklist_template = ? WHERE id = 'consultation'").run('{"items": [{"id": "x"}]}');
    const consultation = await booked(app, { start: SLOT });
    const broken = await getChecklist(app, consultation);
    assert.equal(broken.status, 500);
    assert.equal((await broken.json()).error.code, 'internal_error');
    assert.ok(app.logs.some((line) => line.includes('ChecklistTemplateError')));
    app.db.prepare("UPDATE services SET checklist_template = ? WHERE id = 'consultation'").run(JSON.stringify(DEMO_CHECKLIST_TEMPLATES.consultation));
    const fixed = await getChecklist(app, consultation);
    assert.equal(fixed.status, 200);
    assert.equal((await fixed.json()).items.length, DEMO_CHECKLIST_TEMPLATES.consultation!.items.length);
  });

  test('the server refuses to start with a broken template, naming the service and each problem', async () => {
    const db = join(temp.make(), 'kap.sqlite');
    const first = createApp({ db });
    first.stores.db.prepare("UPDATE services SET checklist_template = ? WHERE id = 'preparation'").run(
      JSON.stringify({
        items: [
          { id: 'a', text: 'A', group: 'G' },
          { id: 'a', text: 'B', group: 'G', dueOffsetMinutes: 'soon' },
        ],
      }),
    );
    await first.close();
    assert.throws(
      () => createApp({ db }),
      (error: Error) => {
        assert.equal(error.name, 'ChecklistTemplateError');
        assert.match(error.message, /service "preparation"/);
        assert.match(error.message, /items\[1\] \("a"\)\.dueOffsetMinutes: must be a whole number of minutes/);
        return true;
      },
    );
  });
});
