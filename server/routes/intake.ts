/**
 * The intake endpoints: `GET forms/{id}` answers a form definition as the clinic wrote it (the
 * element checks it with `parseFormDefinition()`), and `POST intake-responses` (Idempotency-Key
 * required, as for bookings) stores one response with the server's own scores and flags; a response
 * linked to a booking needs that booking's bearer token, as every per-booking route does; and
 * `POST safety-signals` (`safety-signals.ts`) tells the clinic of a safety answer at once. Nothing
 * from a request is logged: the request log records only the route pattern and status.
 */
import type { Hono } from 'hono';
import type { IntakeResponseCreated } from '../../src/api/schemas.js';
import { IntakeSubmission } from '../../src/forms/submission.js';
import { notFound } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import { authorizedBooking } from './booking-auth.js';
import type { ClinicStore } from '../stores/sqlite/bookings.js';
import type { Db } from '../stores/sqlite/database.js';
import { idempotency } from '../middleware/idempotency.js';
import { IntakeStore } from '../stores/sqlite/intake.js';
import { registerSafetySignalRoutes } from './safety-signals.js';
import { parseRequest } from './validation.js';

export interface IntakeRouteDependencies {
  db: Db;
  /** Where a response's `booking` is looked up, to check the bearer token that opens it. */
  store: ClinicStore;
  now: () => number;
  /** Default: a store serving the demo clinic's intake. */
  intake?: IntakeStore;
}

export function registerIntakeRoutes(app: Hono<AppEnv>, { db, store, now, intake = new IntakeStore(db) }: IntakeRouteDependencies): void {
  app.get('/forms/:id', (c) => {
    const definition = intake.definition(c.req.param('id'));
    if (!definition) throw notFound('There is no intake form with this id.');
    return c.json(definition);
  });

  app.post('/intake-responses', idempotency({ db, now, required: true }), (c) => {
    const body = parseRequest(IntakeSubmission, c.var.body);
    // Linking answers to a booking needs that booking's token: an unknown id and a wrong or
    // missing token answer the same 401, so the route cannot be used to learn which ids exist.
    if (body.booking !== undefined) authorizedBooking(store, body.booking, c.req.header('Authorization'));
    let created: IntakeResponseCreated | undefined;
    intake.store(body, now(), (response) => {
      created = { response };
      c.var.idempotency?.record(201, created);
    });
    return c.json(created!, 201);
  });

  registerSafetySignalRoutes(app, { db, store, intake, now });
}
