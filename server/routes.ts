/**
 * The contract's booking endpoints. Each validates its input with the shared schemas, asks the
 * store, and answers with the shapes the schemas describe. Paths are relative to wherever the
 * app is mounted; no response carries an absolute URL.
 */
import type { Hono } from 'hono';
import {
  AvailabilityQuery,
  BookingRequest,
  HoldRequest,
  RescheduleRequest,
  type AvailabilityResponse,
  type BookingCreatedResponse,
  type BookingResponse,
  type HoldResponse,
  type Service,
  type ServicesResponse,
} from '../src/api/schemas.js';
import { validationFailed } from './api-error.js';
import type { AppEnv } from './app-env.js';
import { authorizedBooking } from './booking-auth.js';
import { registerChecklistRoutes } from './checklist-routes.js';
import type { ChecklistStore } from './checklist-store.js';
import { toBooking, toInstant, type ClinicStore } from './clinic-store.js';
import type { Db } from './database.js';
import { availabilityWindow } from './follow-up.js';
import { idempotency } from './idempotency.js';
import { registerIntakeRoutes } from './intake-routes.js';
import { buildOpenApiDocument } from './openapi.js';
import { newAccessToken } from './secrets.js';
import { parseRequest } from './validation.js';

/** The longest window one availability request may ask for. */
export const MAX_AVAILABILITY_WINDOW_DAYS = 62;
const DAY = 86_400_000;

export interface RouteDependencies {
  db: Db;
  store: ClinicStore;
  checklists: ChecklistStore;
  now: () => number;
  holdMinutes: number;
}

export function registerRoutes(app: Hono<AppEnv>, { db, store, checklists, now, holdMinutes }: RouteDependencies): void {
  const optionalKey = idempotency({ db, now, required: false });
  const requiredKey = idempotency({ db, now, required: true });

  app.get('/health', (c) => {
    db.prepare('SELECT 1').get();
    return c.json({ status: 'ok' });
  });

  app.get('/openapi.json', (c) => c.json(buildOpenApiDocument()));

  app.get('/services', (c) => c.json({ lang: store.language, services: store.listServices() } satisfies ServicesResponse));

  app.get('/availability', (c) => {
    const query = parseRequest(AvailabilityQuery, pick(c.req.query(), ['service', 'from', 'to', 'after']));
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    if (to <= from) throw validationFailed({ to: 'The end of the range must be after its start.' });
    if (to - from > MAX_AVAILABILITY_WINDOW_DAYS * DAY) {
      throw validationFailed({ to: `Ask for at most ${MAX_AVAILABILITY_WINDOW_DAYS} days at a time.` });
    }
    const service = requireService(store, query.service);
    const window = availabilityWindow(store, service, query.after, c.req.header('Authorization'));
    const slots = store.availability(service, from, to, now(), window);
    return c.json({
      service: service.id,
      timeZone: store.timeZone,
      slots: slots.map((slot) => ({ start: toInstant(slot.start), end: toInstant(slot.end) })),
    } satisfies AvailabilityResponse);
  });

  app.post('/holds', optionalKey, (c) => {
    const request = parseRequest(HoldRequest, c.var.body);
    const service = requireService(store, request.service);
    const hold = store.createHold(service, Date.parse(request.start), now(), holdMinutes);
    return c.json({ hold } satisfies HoldResponse, 201);
  });

  app.delete('/holds/:id', (c) => {
    store.releaseHold(c.req.param('id'));
    return c.body(null, 204);
  });

  app.post('/bookings', requiredKey, (c) => {
    const request = parseRequest(BookingRequest, c.var.body);
    const service = requireService(store, request.service);
    const accessToken = newAccessToken();
    const at = now();
    let body: BookingCreatedResponse | undefined;
    store.createBooking({
      service,
      request,
      accessToken,
      now: at,
      withinTransaction(booking) {
        checklists.createFor(booking, at);
        body = { booking, accessToken };
        c.var.idempotency?.record(201, body);
      },
    });
    return c.json(body!, 201);
  });

  app.get('/bookings/:id', (c) => {
    const row = authorizedBooking(store, c.req.param('id'), c.req.header('Authorization'));
    return c.json({ booking: toBooking(row) } satisfies BookingResponse);
  });

  app.post('/bookings/:id/cancel', optionalKey, (c) => {
    const row = authorizedBooking(store, c.req.param('id'), c.req.header('Authorization'));
    const booking = store.cancelBooking(row.id, now());
    return c.json({ booking } satisfies BookingResponse);
  });

  app.post('/bookings/:id/reschedule', requiredKey, (c) => {
    const row = authorizedBooking(store, c.req.param('id'), c.req.header('Authorization'));
    const request = parseRequest(RescheduleRequest, c.var.body);
    let body: BookingResponse | undefined;
    store.rescheduleBooking({
      bookingId: row.id,
      request,
      now: now(),
      withinTransaction(booking) {
        body = { booking };
        c.var.idempotency?.record(200, body);
      },
    });
    return c.json(body!);
  });

  registerChecklistRoutes(app, { store, checklists, now });
  registerIntakeRoutes(app, { db, store, now });
}

function requireService(store: ClinicStore, id: string): Service {
  const service = store.findService(id);
  if (!service) throw validationFailed({ service: 'There is no such service at this clinic.' });
  return service;
}

function pick(source: Record<string, string>, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((key) => key in source).map((key) => [key, source[key]!]));
}
