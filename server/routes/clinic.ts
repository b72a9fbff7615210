/**
 * `GET clinic` (public): what any page may know of the clinic — its name, time zone, phone, privacy
 * notice and crisis lines (and, once the studio publishes one, its theme). The elements read it
 * where no attribute says otherwise. Nothing here is about a client.
 */
import type { Hono } from 'hono';
import type { ClinicResponse } from '../../src/api/clinic.js';
import type { ClinicProfile } from '../../src/api/clinic-config.js';
import type { AppEnv } from '../app-env.js';
import type { RouteContext } from './context.js';

export function registerClinicRoutes(app: Hono<AppEnv>, { stores }: RouteContext): void {
  app.get('/clinic', async (c) => c.json(publicClinic(await stores.clinic.profile())));
}

export function publicClinic(profile: ClinicProfile): ClinicResponse {
  return {
    name: profile.name,
    timeZone: profile.timeZone,
    ...(profile.contact?.phone ? { phone: profile.contact.phone } : {}),
    ...(profile.privacyNoticeUrl ? { privacyNoticeUrl: profile.privacyNoticeUrl } : {}),
    ...(profile.crisisResources ? { crisisResources: profile.crisisResources } : {}),
  };
}
