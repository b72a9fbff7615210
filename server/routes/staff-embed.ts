/**
 * `GET staff/embed` (marketer, owner — `embed:read`): what the console's embed code is made of.
 * The built elements' versioned paths and SRI hashes (elements-files.ts), the services a page may
 * book directly and the published intake forms — the clinic's configuration only, never anything
 * about a client. A read of configuration: not audited, like `GET staff/forms`.
 */
import type { Hono } from 'hono';
import type { EmbedResponse as Embed } from '../../src/api/staff.js';
import type { AppEnv } from '../app-env.js';
import { SPANISH_FILE, type ElementBuild } from '../elements-files.js';
import type { RouteContext } from './context.js';

export function registerStaffEmbedRoutes(app: Hono<AppEnv>, { stores, auth, publicUrl, elements }: RouteContext): void {
  app.get('/staff/embed', auth.requireStaff('embed:read'), async (c) => {
    const [build, configuration] = await Promise.all([elements.current(), stores.clinic.configuration()]);
    const body: Embed = {
      ...(publicUrl ? { publicUrl } : {}),
      elements: build ? embedFiles(build) : null,
      // A follow-up service is booked from the session that opens its window, never from a page alone.
      services: configuration.services.filter((service) => !service.followUp).map((service) => ({ id: service.id, name: service.name })),
      forms: configuration.forms
        .filter((form) => form.versions.length > 0)
        .map((form) => ({ id: form.id, title: plainTitle(form.versions.at(-1)!.definition['title']) ?? form.id })),
    };
    return c.json(body);
  });
}

function embedFiles(build: ElementBuild): NonNullable<Embed['elements']> {
  const file = (path: string) => ({ path: `elements/${build.version}/${path}`, integrity: build.files.get(path)!.integrity });
  return {
    version: build.version,
    booking: file('kap-booking.js'),
    intake: file('kap-intake.js'),
    checklist: file('kap-prep-checklist.js'),
    spanish: file(SPANISH_FILE),
  };
}

/** A form's title as one string: as written, or its English (else first) text when given per language. */
function plainTitle(title: unknown): string | undefined {
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object') {
    const texts = title as Record<string, unknown>;
    const text = texts['en'] ?? Object.values(texts)[0];
    return typeof text === 'string' ? text : undefined;
  }
  return undefined;
}
