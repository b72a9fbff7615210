/**
 * One booking in the clinic's console, under /staff/ (route-access.ts says who may):
 *
 * - `GET staff/bookings/{id}/overview`: the booking with the client's details, its history as the
 *   store keeps it (made; confirmed or declined, by whom and when; cancelled, when), its checklist with the time each
 *   item was ticked, and its intake (front desk: the status only; `intake:read`: also the responses
 *   to open). Written to the audit log before it is answered.
 * - `POST staff/bookings/{id}/cancel`: cancels on the client's behalf through the client's own store
 *   method and rules — atomic, freeing the time; cancelling again answers the booking unchanged;
 *   a session that has started cannot be cancelled. A real cancellation is written to the audit log.
 * - `POST staff/bookings/{id}/reschedule` (`Idempotency-Key` required): moves the booking to another
 *   start time through the client's own store method (`rescheduleBooking`) and rules — atomic, with
 *   the same no-double-booking guarantee; its status stays (a request is still a request, a
 *   confirmed session stays confirmed). A cancelled booking or a session that has started answers
 *   409 as for the client. The move is written to the audit log; a retry with the key replays it.
 * - `POST staff/bookings/{id}/revoke-links` (owner): every token that opens the booking — its own,
 *   its emails' links, the tabs' credentials — stops at once (server/booking-access.ts); answers
 *   `204`. Written to the audit log. The client gets fresh links with "Email me my links".
 */
import type { Hono } from 'hono';
import { StaffRescheduleRequest, type BookingOverviewResponse, type StaffCancelResponse, type StaffRescheduleResponse } from '../../src/api/staff.js';
import { roleMay } from '../../src/staff/roles.js';
import { ApiError, notFound, validationFailed } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import { bookableSlot, followUpOpening } from '../booking-rules.js';
import { idempotency } from '../middleware/idempotency.js';
import { newAccessToken, sha256Hex } from '../secrets.js';
import { changeRefusal, toBooking, toInstant, toSecondInstant } from '../stores/records.js';
import { isRefusal, StoreRefusal } from '../stores/refusal.js';
import type { BookingRecord, Stores } from '../stores/types.js';
import type { RouteContext } from './context.js';
import { followUpContext } from './follow-up.js';
import { refusalError, type RefusalContext } from './refusals.js';
import { staffRef } from './staff-console.js';
import { toStaffBooking } from './staff-records.js';
import { parseRequest } from './validation.js';

export function registerStaffBookingRoutes(app: Hono<AppEnv>, { stores, now, auth }: RouteContext): void {
  app.get('/staff/bookings/:id/overview', auth.requireStaff('bookings:read'), async (c) => {
    const detail = await stores.bookings.bookingDetail(c.req.param('id'));
    if (!detail) throw notFound('There is no booking with this id.');
    await auth.audit(c, 'booking.read', { type: 'booking', id: detail.id });
    const role = c.var.staff.role;
    const service = await stores.clinic.findService(detail.serviceId);
    const items = await stores.checklists.items(detail.id);
    const decision = await stores.console.decisionOf(detail.id);
    const body: BookingOverviewResponse = {
      booking: toStaffBooking(detail),
      serviceName: service?.name ?? detail.serviceId,
      history: [
        { event: 'created', at: toInstant(detail.createdAt) },
        ...(decision
          ? [
              {
                event: decision.decision,
                at: toInstant(decision.at),
                by: await staffRef(stores, decision.staffId),
                ...(decision.suggestedStarts ? { suggestedTimes: decision.suggestedStarts.map((start) => toInstant(start)) } : {}),
              },
            ]
          : []),
        // A decline is a cancellation already said.
        ...(detail.cancelledAt !== undefined && decision?.decision !== 'declined' ? [{ event: 'cancelled' as const, at: toInstant(detail.cancelledAt) }] : []),
      ],
      ...(items
        ? {
            checklist: items.map((item) => ({
              id: item.id,
              text: item.text,
              group: item.group,
              ...(item.doneAt !== undefined ? { doneAt: toInstant(item.doneAt) } : {}),
            })),
          }
        : {}),
      ...(roleMay(role, 'intake:status') ? { intake: await intakeOf(stores, detail.id, roleMay(role, 'intake:read')) } : {}),
    };
    return c.json(body);
  });

  app.post('/staff/bookings/:id/cancel', auth.requireStaff('bookings:manage'), async (c) => {
    const before = await stores.bookings.findBooking(c.req.param('id'));
    if (!before) throw notFound('There is no booking with this id.');
    let cancelled;
    try {
      cancelled = await stores.bookings.cancelBooking({ bookingId: before.id, now: now() });
    } catch (error) {
      if (isRefusal(error, 'booking_not_found')) throw notFound('There is no booking with this id.');
      if (isRefusal(error, 'booking_started')) throw new ApiError(409, 'booking_started', 'This session has already started, so it cannot be cancelled.');
      throw error;
    }
    // Cancelling again answers the booking as it is; only the first is a change worth recording.
    if (before.status !== 'cancelled') await auth.audit(c, 'booking.cancel', { type: 'booking', id: before.id });
    const body: StaffCancelResponse = { booking: toBooking(cancelled) };
    return c.json(body);
  });

  app.post('/staff/bookings/:id/revoke-links', auth.requireStaff('links:revoke'), async (c) => {
    const booking = await stores.bookings.findBooking(c.req.param('id'));
    if (!booking) throw notFound('There is no booking with this id.');
    // The own token is replaced by one nobody keeps: nothing minted before opens the booking.
    await stores.bookings.revokeLinks(booking.id, sha256Hex(newAccessToken()));
    await auth.audit(c, 'booking.revoke-links', { type: 'booking', id: booking.id });
    return c.body(null, 204);
  });

  const requiredKey = idempotency({ store: stores.idempotency, now, required: true });
  app.post('/staff/bookings/:id/reschedule', auth.requireStaff('bookings:manage'), requiredKey, async (c) => {
    const { start } = parseRequest(StaffRescheduleRequest, c.var.body);
    const record = await stores.bookings.findBooking(c.req.param('id'));
    if (!record) throw notFound('There is no booking with this id.');
    const at = now();
    const unchangeable = changeRefusal(record, at);
    if (unchangeable) throw moveRefused(new StoreRefusal(unchangeable), { now: at, change: 'move' });
    const service = await stores.clinic.findService(record.serviceId);
    if (!service) throw validationFailed({ start: 'This service is no longer offered, so its bookings cannot be moved.' });
    const slot = bookableSlot(await stores.clinic.schedulingRules(), service, Date.parse(start), at);
    const respond = (moved: BookingRecord): StaffRescheduleResponse => ({ booking: toBooking(moved) });
    const refusal: RefusalContext = { now: at, change: 'move', followUp: await followUpContext(stores, service) };
    let moved: BookingRecord;
    try {
      // The client's own move: the store checks again, inside its transaction, that the booking
      // may still move and that nothing else holds or has the new time.
      moved = await stores.bookings.rescheduleBooking({
        bookingId: record.id,
        slot,
        asRequest: false,
        opening: followUpOpening(service, slot.start),
        now: at,
        idempotency: c.var.idempotency?.outcome(200, respond),
      });
    } catch (error) {
      throw error instanceof StoreRefusal ? moveRefused(error, refusal) : error;
    }
    await auth.audit(c, 'booking.reschedule', { type: 'booking', id: record.id });
    return c.json(respond(moved));
  });
}

/** The client's refusals, worded for the clinic where they differ (no "contact the clinic"). */
function moveRefused(refusal: StoreRefusal, context: RefusalContext): unknown {
  if (refusal.reason === 'booking_not_found') return notFound('There is no booking with this id.');
  if (refusal.reason === 'booking_started') return new ApiError(409, 'booking_started', 'This session has already started, so it cannot be moved.');
  if (refusal.reason === 'booking_cancelled') return new ApiError(409, 'booking_cancelled', 'This booking was cancelled, so it cannot be moved.');
  return refusalError(refusal, context) ?? refusal;
}

async function intakeOf(stores: Stores, bookingId: string, withResponses: boolean): Promise<NonNullable<BookingOverviewResponse['intake']>> {
  const record = (await stores.console.intakeOf([bookingId])).get(bookingId);
  const status = !record ? 'none' : record.needsClinician ? 'needs-clinician' : record.responseIds.length ? 'submitted' : 'none';
  if (!withResponses) return { status };
  const responses = [];
  for (const id of record?.responseIds ?? []) {
    const response = await stores.intake.findResponse(id);
    if (response) responses.push({ id, receivedAt: toSecondInstant(response.receivedAt) });
  }
  return { status, responses };
}
