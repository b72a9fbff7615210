/**
 * `GET clinic` (public): what any page may know of the clinic — its name, time zone, phone, privacy
 * notice and crisis lines, and its published theme. The elements read it
 * where no attribute says otherwise. Nothing here is about a client.
 */
import type { Hono } from 'hono';
import type { ClinicResponse } from '../../src/api/clinic.js';
import type { ClinicProfile } from '../../src/api/clinic-config.js';
import type { Theme } from '../../src/api/theme.js';
import { themeTokens } from '../../src/theme/theme-tokens.js';
import type { AppEnv } from '../app-env.js';
import type { RouteContext } from './context.js';

export function registerClinicRoutes(app: Hono<AppEnv>, { stores }: RouteContext): void {
  app.get('/clinic', async (c) => c.json(publicClinic(await stores.clinic.profile(), (await stores.theme.theme()).published?.theme)));
}

/** `theme`: the published one, served as the custom properties the elements read (src/theme/theme-tokens.ts). */
export function publicClinic(profile: ClinicProfile, theme?: Theme): ClinicResponse {
  return {
    name: profile.name,
    timeZone: profile.timeZone,
    ...(profile.contact?.phone ? { phone: profile.contact.phone } : {}),
    ...(profile.privacyNoticeUrl ? { privacyNoticeUrl: profile.privacyNoticeUrl } : {}),
    ...(profile.crisisResources ? { crisisResources: profile.crisisResources } : {}),
    ...(theme ? { theme: { tokens: themeTokens(theme) } } : {}),
  };
}
