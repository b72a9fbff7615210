/**
 * A form's published versions for whoever manages forms (owner, marketer; auth/route-access.ts):
 * the history (when, and by whom — a staff email, never client data), one version with the one
 * before it (the console words the difference, src/forms/form-diff.ts), and "restore as draft",
 * which makes an old version's definition the draft again (audited). Versions themselves never change.
 */
import type { Hono } from 'hono';
import type { FormVersionSummary } from '../../src/api/clinic-config.js';
import { notFound } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import type { PublishedVersion } from '../stores/types.js';
import type { RouteContext } from './context.js';

export function registerFormVersionRoutes(app: Hono<AppEnv>, { stores, now, auth }: RouteContext): void {
  const forms = auth.requireStaff('forms:manage');

  /** Staff emails by id, for the versions' publishers (an account since removed is left unnamed). */
  async function summaries(versions: readonly PublishedVersion[]): Promise<FormVersionSummary[]> {
    const emails = new Map<string, string | undefined>();
    for (const { publishedBy } of versions) {
      if (publishedBy && !emails.has(publishedBy)) emails.set(publishedBy, (await stores.staff.find(publishedBy))?.email);
    }
    return versions.map(({ version, publishedAt, publishedBy }) => {
      const email = publishedBy && emails.get(publishedBy);
      return { version, publishedAt: new Date(publishedAt).toISOString(), ...(email ? { publishedBy: email } : {}) };
    });
  }

  /** Form `id`'s history, oldest first; 404 for a form with no published version. */
  async function history(id: string): Promise<PublishedVersion[]> {
    const versions = await stores.forms.history(id);
    if (versions.length === 0) throw notFound('This form has no published version.');
    return versions;
  }

  /** Version `version` of `versions`, with its index; 404 when there is none. */
  function find(versions: readonly PublishedVersion[], version: string): [PublishedVersion, number] {
    const index = versions.findIndex((entry) => entry.version === version);
    if (index < 0) throw notFound('This form has no such version.');
    return [versions[index]!, index];
  }

  // A form with only a draft (one just made in the studio) has no versions yet: an empty list, not a 404.
  app.get('/staff/forms/:id/versions', forms, async (c) => {
    const id = c.req.param('id');
    const versions = await stores.forms.history(id);
    if (versions.length === 0 && !(await stores.clinic.configuration()).forms.some((form) => form.id === id)) throw notFound('There is no such form.');
    return c.json({ versions: (await summaries(versions)).reverse() });
  });

  app.get('/staff/forms/:id/versions/:version', forms, async (c) => {
    const versions = await history(c.req.param('id'));
    const [entry, index] = find(versions, c.req.param('version'));
    const [summary] = await summaries([entry]);
    const previous = versions[index - 1];
    return c.json({
      version: {
        ...summary!,
        definition: entry.definition,
        ...(previous ? { previous: { version: previous.version, definition: previous.definition } } : {}),
      },
    });
  });

  app.post('/staff/forms/:id/versions/:version/restore', forms, async (c) => {
    const id = c.req.param('id');
    const [entry] = find(await history(id), c.req.param('version'));
    // Without its version number: publishing the restored draft makes a new version.
    const { version: _published, ...draft } = entry.definition;
    await stores.forms.saveDraft(id, { ...draft, id }, now());
    await auth.audit(c, 'form.version.restore', { type: 'form', id });
    return c.json({ form: (await stores.clinic.configuration()).forms.find((form) => form.id === id) });
  });
}
