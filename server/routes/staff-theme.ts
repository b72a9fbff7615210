/**
 * The clinic's theme for its elements (permission theme:manage: owner, marketer): read it, replace
 * the draft, publish the draft. Publishing is refused while any contrast pair of the draft fails
 * WCAG 2.2 AA (src/theme/theme-tokens.ts), naming each; the published theme is what `GET clinic`
 * serves. Every change is recorded in the audit log. Nothing here is about a client.
 */
import type { Hono } from 'hono';
import { ThemeDraftUpdate } from '../../src/api/theme.js';
import { contrastFailures } from '../../src/theme/theme-tokens.js';
import { notFound, validationFailed } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import type { RouteContext } from './context.js';
import { parseRequest } from './validation.js';

export function registerStaffThemeRoutes(app: Hono<AppEnv>, { stores, now, auth }: RouteContext): void {
  const manage = auth.requireStaff('theme:manage');

  app.get('/staff/theme', manage, async (c) => c.json({ theme: await stores.theme.theme() }));

  app.put('/staff/theme/draft', manage, async (c) => {
    const { draft } = parseRequest(ThemeDraftUpdate, c.var.body);
    await stores.theme.saveDraft(draft, now());
    await auth.audit(c, 'theme.draft.update', { type: 'theme', id: 'draft' });
    return c.json({ theme: await stores.theme.theme() });
  });

  app.post('/staff/theme/publish', manage, async (c) => {
    const { draft } = await stores.theme.theme();
    if (!draft) throw notFound('There is no draft theme to publish.');
    const failures = contrastFailures(draft);
    if (failures.length > 0) {
      throw validationFailed({ draft: failures.join(' ') }, 'The theme cannot be published: some colours do not contrast enough to be read.');
    }
    await stores.theme.publish(draft, now());
    await auth.audit(c, 'theme.publish', { type: 'theme', id: 'published' });
    return c.json({ theme: await stores.theme.theme() });
  });
}
