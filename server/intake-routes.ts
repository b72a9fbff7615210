/**
 * The intake endpoints: `GET forms/{id}` answers a form definition as the clinic wrote it (the
 * element checks it with `parseFormDefinition()`), and `POST intake-responses` (Idempotency-Key
 * required, as for bookings) stores one response with the server's own scores and flags. Nothing
 * from a request is logged: the request log records only the route pattern and status.
 */
import type { Hono } from 'hono';
import type { IntakeResponseCreated } from '../src/api/schemas.js';
import { IntakeSubmission } from '../src/forms/submission.js';
import { notFound } from './api-error.js';
import type { AppEnv } from './app-env.js';
import type { Db } from './database.js';
import { idempotency } from './idempotency.js';
import { IntakeStore } from './intake-store.js';
import { parseRequest } from './validation.js';

export interface IntakeRouteDependencies {
  db: Db;
  now: () => number;
  /** Default: a store serving the demo clinic's intake. */
  intake?: IntakeStore;
}

export function registerIntakeRoutes(app: Hono<AppEnv>, { db, now, intake = new IntakeStore(db) }: IntakeRouteDependencies): void {
  app.get('/forms/:id', (c) => {
    const definition = intake.definition(c.req.param('id'));
    if (!definition) throw notFound('There is no intake form with this id.');
    return c.json(definition);
  });

  app.post('/intake-responses', idempotency({ db, now, required: true }), (c) => {
    const body = parseRequest(IntakeSubmission, c.var.body);
    let created: IntakeResponseCreated | undefined;
    intake.store(body, now(), (response) => {
      created = { response };
      c.var.idempotency?.record(201, created);
    });
    return c.json(created!, 201);
  });
}
