/**
 * Bookings: `POST bookings` (Idempotency-Key required), and under the booking's bearer token
 * `GET bookings/{id}` (a declined request with the other times the clinic suggested), `POST bookings/{id}/cancel` and `POST bookings/{id}/reschedule`. Each write
 * is one store method, atomic with its checklist and its idempotent outcome; paths are relative
 * to wherever the app is mounted, and no response carries an absolute URL.
 */
import type { Hono } from 'hono';
import { BookingRequest, RescheduleRequest, type BookingCreatedResponse, type BookingResponse } from '../../src/api/schemas.js';
import { validationFailed } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import { followUpOpening, heldOrBookableSlot, initialStatus } from '../booking-rules.js';
import { idempotency } from '../middleware/idempotency.js';
import { newAccessToken, sha256Hex } from '../secrets.js';
import { checklistCopyIfValid } from '../stores/checklist-templates.js';
import { changeRefusal, toBooking, toInstant } from '../stores/records.js';
import { StoreRefusal } from '../stores/refusal.js';
import type { BookingRecord } from '../stores/types.js';
import { authorizedBooking } from './booking-auth.js';
import type { RouteContext } from './context.js';
import { followUpContext } from './follow-up.js';
import { refusalError, refusing } from './refusals.js';
import { requireService } from './services.js';
import { parseRequest } from './validation.js';

export function registerBookingRoutes(app: Hono<AppEnv>, { stores, now }: RouteContext): void {
  const optionalKey = idempotency({ store: stores.idempotency, now, required: false });
  const requiredKey = idempotency({ store: stores.idempotency, now, required: true });
  const asResponse = (record: BookingRecord): BookingResponse => ({ booking: toBooking(record) });

  app.post('/bookings', requiredKey, async (c) => {
    const request = parseRequest(BookingRequest, c.var.body);
    const service = await requireService(stores, request.service);
    const at = now();
    const slot = await heldOrBookableSlot(stores, await stores.clinic.schedulingRules(), service, Date.parse(request.start), request.holdId, at);
    // Shown once, in this answer; only its hash is kept.
    const accessToken = newAccessToken();
    const respond = (record: BookingRecord): BookingCreatedResponse => ({ booking: toBooking(record), accessToken });
    const refusal = { now: at, followUp: await followUpContext(stores, service) };
    const record = await refusing(
      stores.bookings.createBooking({
        serviceId: service.id,
        slot,
        status: initialStatus(service),
        client: request.client,
        consent: { contact: request.consent.contact },
        reason: request.reason,
        source: request.source,
        lang: request.lang,
        timeZone: request.timeZone,
        tokenHash: sha256Hex(accessToken),
        holdId: request.holdId,
        opening: followUpOpening(service, slot.start),
        checklist: await checklistCopyIfValid(stores.clinic, service.id),
        now: at,
        idempotency: c.var.idempotency?.outcome(201, respond),
      }),
      refusal,
    );
    return c.json(respond(record), 201);
  });

  // A request the clinic declined also lists the other times it suggested, those still ahead.
  app.get('/bookings/:id', async (c) => {
    const record = await authorizedBooking(stores, c.req.param('id'), c.req.header('Authorization'), now());
    const decision = record.status === 'cancelled' ? await stores.console.decisionOf(record.id) : undefined;
    const at = now();
    const suggested = decision?.decision === 'declined' ? (decision.suggestedStarts ?? []).filter((start) => start > at) : [];
    const body: BookingResponse = {
      booking: { ...toBooking(record), ...(suggested.length ? { suggestedTimes: suggested.map((start) => toInstant(start)) } : {}) },
    };
    return c.json(body);
  });

  app.post('/bookings/:id/cancel', optionalKey, async (c) => {
    const record = await authorizedBooking(stores, c.req.param('id'), c.req.header('Authorization'), now());
    const at = now();
    const cancelled = await refusing(
      stores.bookings.cancelBooking({ bookingId: record.id, now: at, idempotency: c.var.idempotency?.outcome(200, asResponse) }),
      { now: at, change: 'cancel' },
    );
    return c.json(asResponse(cancelled));
  });

  // The booking keeps its id, token, checklist and status, except that a request-mode session is a
  // request again at its new time (the clinic confirms it). A cancelled booking or a session that
  // has started cannot be moved; the store checks that again inside the move's transaction.
  app.post('/bookings/:id/reschedule', requiredKey, async (c) => {
    const record = await authorizedBooking(stores, c.req.param('id'), c.req.header('Authorization'), now());
    const request = parseRequest(RescheduleRequest, c.var.body);
    const at = now();
    const unchangeable = changeRefusal(record, at);
    if (unchangeable) {
      const refusal = new StoreRefusal(unchangeable);
      throw refusalError(refusal, { now: at, change: 'move' }) ?? refusal;
    }
    const service = await stores.clinic.findService(record.serviceId);
    if (!service) throw validationFailed({ start: 'This service can no longer be booked online. Please contact the clinic.' });
    const slot = await heldOrBookableSlot(stores, await stores.clinic.schedulingRules(), service, Date.parse(request.start), request.holdId, at);
    const refusal = { now: at, change: 'move' as const, followUp: await followUpContext(stores, service) };
    const moved = await refusing(
      stores.bookings.rescheduleBooking({
        bookingId: record.id,
        slot,
        asRequest: service.mode === 'request',
        holdId: request.holdId,
        opening: followUpOpening(service, slot.start),
        now: at,
        idempotency: c.var.idempotency?.outcome(200, asResponse),
      }),
      refusal,
    );
    return c.json(asResponse(moved));
  });
}
