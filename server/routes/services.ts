/**
 * What can be booked: `GET services` and `GET availability` (free slots of one service in a range
 * of at most 14 days; for a follow-up service, only in the window after the `after` booking).
 */
import type { Hono } from 'hono';
import { AvailabilityQuery, type AvailabilityResponse, type Service, type ServicesResponse } from '../../src/api/schemas.js';
import { MAX_AVAILABILITY_DAYS } from '../../src/scheduling/slots.js';
import { validationFailed } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import { offeredSlots } from '../booking-rules.js';
import { toInstant } from '../stores/records.js';
import type { Stores } from '../stores/types.js';
import type { RouteContext } from './context.js';
import { availabilityWindow } from './follow-up.js';
import { parseRequest } from './validation.js';

const DAY = 86_400_000;

export function registerServiceRoutes(app: Hono<AppEnv>, { stores, now }: RouteContext): void {
  app.get('/services', async (c) => c.json({ lang: await stores.clinic.language(), services: await stores.clinic.listServices() } satisfies ServicesResponse));

  app.get('/availability', async (c) => {
    const query = parseRequest(AvailabilityQuery, pick(c.req.query(), ['service', 'from', 'to', 'after']));
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    if (to <= from) throw validationFailed({ to: 'The end of the range must be after its start.' });
    if (to - from > MAX_AVAILABILITY_DAYS * DAY) {
      throw validationFailed({ to: `Ask for at most ${MAX_AVAILABILITY_DAYS} days at a time.` });
    }
    const service = await requireService(stores, query.service);
    const window = await availabilityWindow(stores, service, query.after, c.req.header('Authorization'), now());
    const slots = await offeredSlots(stores, service, { start: from, end: to }, now(), window);
    const { timeZone } = await stores.clinic.schedulingRules();
    return c.json({
      service: service.id,
      timeZone,
      slots: slots.map((slot) => ({ start: toInstant(slot.start), end: toInstant(slot.end) })),
    } satisfies AvailabilityResponse);
  });
}

/** The active service `id`; `422` on `service` when there is none. */
export async function requireService(stores: Stores, id: string): Promise<Service> {
  const service = await stores.clinic.findService(id);
  if (!service) throw validationFailed({ service: 'There is no such service at this clinic.' });
  return service;
}

function pick(source: Record<string, string>, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((key) => key in source).map((key) => [key, source[key]!]));
}
