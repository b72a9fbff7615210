/**
 * The clinic's configuration for its staff (auth/route-access.ts): the owner reads it whole and
 * replaces one part at a time — profile and scheduling settings, services, opening hours, closures,
 * a service's checklist; whoever manages forms (owner, marketer) edits a form's draft and publishes
 * it as an immutable version. Each change is checked as the configuration it makes (the same
 * checks as `npm run clinic -- import`, server/clinic-config.ts), stored in one transaction and
 * recorded in the audit log.
 */
import type { Context, Hono } from 'hono';
import {
  ChecklistUpdate,
  ClosuresUpdate,
  FormDraftUpdate,
  OpeningHoursUpdate,
  ProfileUpdate,
  ServicesUpdate,
  type ClinicConfiguration,
} from '../../src/api/clinic-config.js';
import { ApiError, notFound, validationFailed } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import type { StaffEnv } from '../auth/staff-auth.js';
import { configurationProblems } from '../clinic-config.js';
import { servedForm } from '../stores/code-forms.js';
import { isRefusal } from '../stores/refusal.js';
import type { ConfigurationChange } from '../stores/types.js';
import type { RouteContext } from './context.js';
import { parseRequest } from './validation.js';

export function registerClinicSettingsRoutes(app: Hono<AppEnv>, { stores, now, auth }: RouteContext): void {
  const settings = auth.requireStaff('settings:manage');
  const forms = auth.requireStaff('forms:manage');

  /** Checks `change` as part of the whole configuration, stores it, audits it. `rename` maps a path of the configuration to the request's. */
  async function change(c: Context<StaffEnv>, action: string, part: ConfigurationChange, rename: (path: string) => string = (path) => path) {
    const current = await stores.clinic.configuration();
    const problems = configurationProblems({ ...current, ...part });
    const touched = Object.keys(part);
    const own = Object.entries(problems).filter(([path]) => touched.some((key) => path === key || path.startsWith(`${key}.`)));
    // A problem elsewhere (a checklist naming a service just removed) is this change's too.
    const fields = Object.fromEntries((own.length > 0 ? own : Object.entries(problems)).map(([path, message]) => [rename(path), message]));
    if (Object.keys(fields).length > 0) throw validationFailed(fields, 'The clinic’s configuration would not be valid.');
    await stores.clinic.updateConfiguration(part);
    await auth.audit(c, action, { type: 'clinic', id: touched.join(',') });
    return c.json({ configuration: await stores.clinic.configuration() });
  }

  app.get('/staff/clinic', settings, async (c) => c.json({ configuration: await stores.clinic.configuration() }));

  app.put('/staff/clinic/profile', settings, async (c) => {
    const { profile, scheduling } = parseRequest(ProfileUpdate, c.var.body);
    return change(c, 'clinic.profile.update', { profile, ...(scheduling ? { scheduling } : {}) });
  });

  app.put('/staff/clinic/services', settings, async (c) => {
    const { services } = parseRequest(ServicesUpdate, c.var.body);
    const { checklists } = await stores.clinic.configuration();
    // A retired service keeps no checklist in the configuration (its bookings keep their copies).
    const kept = Object.fromEntries(Object.entries(checklists).filter(([id]) => services.some((service) => service.id === id)));
    return change(c, 'clinic.services.update', { services, checklists: kept });
  });

  app.put('/staff/clinic/hours', settings, async (c) => change(c, 'clinic.hours.update', parseRequest(OpeningHoursUpdate, c.var.body)));

  app.put('/staff/clinic/closures', settings, async (c) => change(c, 'clinic.closures.update', parseRequest(ClosuresUpdate, c.var.body)));

  app.put('/staff/clinic/checklists/:serviceId', settings, async (c) => {
    const serviceId = c.req.param('serviceId');
    const { checklist } = parseRequest(ChecklistUpdate, c.var.body);
    const current = await stores.clinic.configuration();
    if (!current.services.some((service) => service.id === serviceId)) throw notFound('There is no such service at this clinic.');
    const { [serviceId]: _old, ...others } = current.checklists;
    const checklists = checklist === null ? others : { ...others, [serviceId]: checklist };
    return change(c, 'clinic.checklist.update', { checklists }, (path) => (path === `checklists.${serviceId}` ? 'checklist' : path));
  });

  app.get('/staff/forms', forms, async (c) => c.json({ forms: (await stores.clinic.configuration()).forms }));

  app.put('/staff/forms/:id/draft', forms, async (c) => {
    const id = c.req.param('id');
    const { draft } = parseRequest(FormDraftUpdate, c.var.body);
    if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(id)) throw validationFailed({ id: 'A form id is lowercase letters, digits and hyphens.' });
    await stores.forms.saveDraft(id, { ...draft, id }, now());
    await auth.audit(c, 'form.draft.update', { type: 'form', id });
    return c.json({ form: await configuredForm(id) });
  });

  app.post('/staff/forms/:id/publish', forms, async (c) => {
    const id = c.req.param('id');
    const form = await configuredForm(id);
    if (!form?.draft) throw notFound('This form has no draft to publish.');
    const version = typeof form.draft['version'] === 'string' && form.draft['version'] ? form.draft['version'] : String(form.versions.length + 1);
    const definition = { ...form.draft, id, version };
    try {
      servedForm(definition);
    } catch (error) {
      throw validationFailed({ draft: (error as Error).message }, 'The draft is not a form this clinic can serve yet.');
    }
    try {
      const actor = c.var.actor;
      await stores.forms.publish(id, definition, now(), actor.type === 'staff' ? actor.id : undefined);
    } catch (error) {
      if (isRefusal(error, 'form_version_conflict')) {
        throw new ApiError(409, 'form_version_published', `Version ${version} of this form is published already: give the draft a new version.`);
      }
      if (isRefusal(error, 'form_not_found')) throw notFound('There is no form with this id.');
      throw error;
    }
    await auth.audit(c, 'form.publish', { type: 'form', id });
    return c.json({ form: await configuredForm(id) }, 201);
  });

  async function configuredForm(id: string): Promise<ClinicConfiguration['forms'][number] | undefined> {
    return (await stores.clinic.configuration()).forms.find((form) => form.id === id);
  }
}
