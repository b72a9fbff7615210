/**
 * A form's published versions for whoever manages forms: the history with who published each (a
 * staff email), one version with the one before it, and "restore as draft" (audited). Who may call
 * each route is the matrix's (staff-matrix.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FormResponse, FormVersionResponse, FormVersionsResponse } from '../../src/api/clinic-config.js';
import { testApp, type TestApp } from './support.js';
import { addStaff, sessionFor, staffRequest, type Session } from './staff-support.js';

const page = (label: string) => ({ id: 'today', title: 'Today', items: [{ type: 'text', id: 'mood', label, maxLength: 200 }] });

async function marketer(app: TestApp): Promise<{ session: Session; email: string }> {
  const { record } = await addStaff(app, 'marketer');
  return { session: await sessionFor(app, record), email: record.email };
}

/** Saves `draft` as form check-in's draft and publishes it. */
async function publish(app: TestApp, session: Session, draft: Record<string, unknown>): Promise<void> {
  assert.equal((await staffRequest(app, 'PUT', '/staff/forms/check-in/draft', { session, body: { draft } })).status, 200);
  assert.equal((await staffRequest(app, 'POST', '/staff/forms/check-in/publish', { session })).status, 201);
}

describe('a form’s versions (staff)', () => {
  test('the history is newest first, naming who published each; a version comes with the one before it', async () => {
    const app = testApp();
    const { session, email } = await marketer(app);
    await publish(app, session, { title: 'Check-in', pages: [page('How are you?')] });
    app.clock.advance(60_000);
    await publish(app, session, { title: 'Check-in', pages: [page('How are you today?')] });

    const list = await staffRequest(app, 'GET', '/staff/forms/check-in/versions', { session });
    assert.equal(list.status, 200);
    const { versions } = FormVersionsResponse.parse(await list.json());
    assert.deepEqual(
      versions.map((version) => [version.version, version.publishedBy]),
      [
        ['2', email],
        ['1', email],
      ],
    );
    assert.ok(Date.parse(versions[0]!.publishedAt) > Date.parse(versions[1]!.publishedAt));

    const second = FormVersionResponse.parse(await (await staffRequest(app, 'GET', '/staff/forms/check-in/versions/2', { session })).json()).version;
    assert.equal(second.version, '2');
    assert.equal(second.previous?.version, '1');
    assert.deepEqual((second.definition['pages'] as { items: { label: string }[] }[])[0]!.items[0]!.label, 'How are you today?');
    assert.deepEqual((second.previous?.definition['pages'] as { items: { label: string }[] }[])[0]!.items[0]!.label, 'How are you?');
    const first = FormVersionResponse.parse(await (await staffRequest(app, 'GET', '/staff/forms/check-in/versions/1', { session })).json()).version;
    assert.equal(first.previous, undefined);

    assert.equal((await staffRequest(app, 'GET', '/staff/forms/check-in/versions/9', { session })).status, 404);
    assert.equal((await staffRequest(app, 'GET', '/staff/forms/no-such-form/versions', { session })).status, 404);
    // A form made in the studio and not yet published: no versions, and no 404 for the page to log.
    const draft = { title: 'Draft only', pages: [page('Hello?')] };
    assert.equal((await staffRequest(app, 'PUT', '/staff/forms/draft-only/draft', { session, body: { draft } })).status, 200);
    const none = await staffRequest(app, 'GET', '/staff/forms/draft-only/versions', { session });
    assert.equal(none.status, 200);
    assert.deepEqual(FormVersionsResponse.parse(await none.json()).versions, []);
  });

  test('a version from code or the seed names nobody', async () => {
    const app = testApp();
    const { session } = await marketer(app);
    const forms = (await (await staffRequest(app, 'GET', '/staff/forms', { session })).json()).forms as { id: string }[];
    const { versions } = FormVersionsResponse.parse(await (await staffRequest(app, 'GET', `/staff/forms/${forms[0]!.id}/versions`, { session })).json());
    assert.equal(versions.length, 1);
    assert.equal(versions[0]!.publishedBy, undefined);
  });

  test('restore as draft: the version’s definition becomes the draft, without its number, audited; publishing it makes a new version', async () => {
    const app = testApp();
    const { session } = await marketer(app);
    await publish(app, session, { title: 'Check-in', pages: [page('How are you?')] });
    await publish(app, session, { title: 'Check-in', pages: [page('How are you today?')] });

    const restored = await staffRequest(app, 'POST', '/staff/forms/check-in/versions/1/restore', { session });
    assert.equal(restored.status, 200);
    const { form } = FormResponse.parse(await restored.json());
    assert.deepEqual(form.draft, { title: 'Check-in', pages: [page('How are you?')], id: 'check-in' });
    const actions = (await app.stores.audit.query({ limit: 50 })).entries.map((entry) => entry.action);
    assert.ok(actions.includes('form.version.restore'));

    assert.equal((await staffRequest(app, 'POST', '/staff/forms/check-in/publish', { session })).status, 201);
    const { versions } = FormVersionsResponse.parse(await (await staffRequest(app, 'GET', '/staff/forms/check-in/versions', { session })).json());
    assert.deepEqual(
      versions.map((version) => version.version),
      ['3', '2', '1'],
    );
    assert.equal((await staffRequest(app, 'POST', '/staff/forms/check-in/versions/7/restore', { session })).status, 404);
  });
});
