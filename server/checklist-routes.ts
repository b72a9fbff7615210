/**
 * A booking's preparation checklist under its bearer token: `GET bookings/{id}/checklist` and
 * `PUT bookings/{id}/checklist/{itemId}` `{done}`. PUT sets a state, so repeating it is harmless
 * and needs no Idempotency-Key. A cancelled booking's checklist can still be read (the element
 * says the booking was cancelled) but not changed.
 */
import type { Hono } from 'hono';
import { ChecklistItemUpdate, type ChecklistItemResponse, type ChecklistResponse } from '../src/api/schemas.js';
import { notFound } from './api-error.js';
import type { AppEnv } from './app-env.js';
import { authorizedBooking } from './booking-auth.js';
import type { ChecklistStore } from './checklist-store.js';
import { toBooking, type ClinicStore } from './clinic-store.js';
import { parseRequest } from './validation.js';

export interface ChecklistRouteDependencies {
  store: ClinicStore;
  checklists: ChecklistStore;
  now: () => number;
}

export function registerChecklistRoutes(app: Hono<AppEnv>, { store, checklists, now }: ChecklistRouteDependencies): void {
  app.get('/bookings/:id/checklist', (c) => {
    const row = authorizedBooking(store, c.req.param('id'), c.req.header('Authorization'));
    const items = checklists.items(row, now());
    return c.json({
      lang: checklists.language(row.id),
      booking: toBooking(row),
      timeZone: store.timeZone,
      items,
    } satisfies ChecklistResponse);
  });

  app.put('/bookings/:id/checklist/:itemId', (c) => {
    const row = authorizedBooking(store, c.req.param('id'), c.req.header('Authorization'));
    const { done } = parseRequest(ChecklistItemUpdate, c.var.body);
    const item = checklists.setDone(row, c.req.param('itemId'), done, now());
    if (!item) throw notFound('This checklist has no such item. Reload the checklist to see its items.');
    return c.json({ item } satisfies ChecklistItemResponse);
  });
}
