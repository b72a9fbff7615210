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
  type AvailabilityResponse,
  type BookingCreatedResponse,
  type BookingResponse,
  type HoldResponse,
  type Service,
  type ServicesResponse,
} from '../src/api/schemas.js';
import { ApiError, validationFailed } from './api-error.js';
import type { AppEnv } from './app-env.js';
import { toBooking, toInstant, type BookingRow, type ClinicStore } from './clinic-store.js';
import type { Db } from './database.js';
import { idempotency } from './idempotency.js';
import { buildOpenApiDocument } from './openapi.js';
import { newAccessToken, tokenMatches } from './secrets.js';
import { parseRequest } from './validation.js';

/** The longest window one availability request may ask for. */
export const MAX_AVAILABILITY_WINDOW_DAYS = 62;
const DAY = 86_400_000;

export interface RouteDependencies {
  db: Db;
  store: ClinicStore;
  now: () => number;
  holdMinutes: number;
}

export function registerRoutes(app: Hono<AppEnv>, { db, store, now, holdMinutes }: RouteDependencies): void {
  const optionalKey = idempotency({ db, now, required: false });
  const requiredKey = idempotency({ db, now, required: true });

  app.get('/health', (c) => {
    db.prepare('SELECT 1').get();
    return c.json({ status: 'ok' });
  });

  app.get('/openapi.json', (c) => c.json(buildOpenApiDocument()));

  app.get('/services', (c) => c.json({ services: store.listServices() } satisfies ServicesResponse));

  app.get('/availability', (c) => {
    const query = parseRequest(AvailabilityQuery, pick(c.req.query(), ['service', 'from', 'to']));
    const from = Date.parse(query.from);
    const to = Date.parse(query.to);
    if (to <= from) throw validationFailed({ to: 'The end of the range must be after its start.' });
    if (to - from > MAX_AVAILABILITY_WINDOW_DAYS * DAY) {
      throw validationFailed({ to: `Ask for at most ${MAX_AVAILABILITY_WINDOW_DAYS} days at a time.` });
    }
    const service = requireService(store, query.service);
    const slots = store.availability(service, from, to, now());
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
    let body: BookingCreatedResponse | undefined;
    store.createBooking({
      service,
      request,
      accessToken,
      now: now(),
      withinTransaction(booking) {
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
}

function requireService(store: ClinicStore, id: string): Service {
  const service = store.findService(id);
  if (!service) throw validationFailed({ service: 'There is no such service at this clinic.' });
  return service;
}

/**
 * The booking that this bearer token opens. A missing token, a wrong token and an unknown id all
 * answer the same `401 unauthorized`, so a token-less caller cannot learn which ids exist.
 */
function authorizedBooking(store: ClinicStore, id: string, authorization: string | undefined): BookingRow {
  const token = /^Bearer[ ]+([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(authorization ?? '')?.[1];
  const row = store.findBooking(id);
  if (token === undefined || !tokenMatches(token, row?.token_sha256) || !row) {
    throw new ApiError(401, 'unauthorized', 'This link or access token does not open this booking.', {
      headers: { 'WWW-Authenticate': 'Bearer' },
    });
  }
  return row;
}

function pick(source: Record<string, string>, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((key) => key in source).map((key) => [key, source[key]!]));
}
