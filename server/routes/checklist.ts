/**
 * A booking's preparation checklist under its bearer token: `GET bookings/{id}/checklist` and
 * `PUT bookings/{id}/checklist/{itemId}` `{done}`. PUT sets a state, so repeating it is harmless
 * and needs no Idempotency-Key. A cancelled booking's checklist can still be read (the element
 * says the booking was cancelled) but not changed. A booking without a checklist yet (made before
 * checklists existed, or while its template was broken) gets its copy when first read; a broken
 * template is then a 500 (`ChecklistTemplateError` in the log) until the clinic fixes it.
 */
import type { Hono } from 'hono';
import { ChecklistItemUpdate, type ChecklistItemResponse, type ChecklistResponse } from '../../src/api/schemas.js';
import { notFound } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import { bookingChecklist } from '../stores/checklist-templates.js';
import { toBooking, toItemState } from '../stores/records.js';
import { authorizedBooking } from './booking-auth.js';
import type { RouteContext } from './context.js';
import { refusing } from './refusals.js';
import { parseRequest } from './validation.js';

export function registerChecklistRoutes(app: Hono<AppEnv>, { stores, now }: RouteContext): void {
  app.get('/bookings/:id/checklist', async (c) => {
    const booking = await authorizedBooking(stores, c.req.param('id'), c.req.header('Authorization'), now());
    const items = await bookingChecklist(stores, booking, now());
    const lang = (await stores.checklists.language(booking.id)) ?? 'en';
    const { timeZone } = await stores.clinic.schedulingRules();
    return c.json({ lang, booking: toBooking(booking), timeZone, items: items.map(toItemState) } satisfies ChecklistResponse);
  });

  app.put('/bookings/:id/checklist/:itemId', async (c) => {
    const booking = await authorizedBooking(stores, c.req.param('id'), c.req.header('Authorization'), now());
    const { done } = parseRequest(ChecklistItemUpdate, c.var.body);
    const at = now();
    await bookingChecklist(stores, booking, at);
    const item = await refusing(stores.checklists.setDone({ bookingId: booking.id, itemId: c.req.param('itemId'), done, now: at }), {
      now: at,
      change: 'checklist',
    });
    if (!item) throw notFound('This checklist has no such item. Reload the checklist to see its items.');
    return c.json({ item: toItemState(item) } satisfies ChecklistItemResponse);
  });
}
