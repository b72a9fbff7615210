/**
 * Client data for the clinic's staff and its EHR sync: `GET staff/bookings/{id}` (a booking with
 * the client's details) and `GET staff/intake-responses/{id}` (answers, scores, flags). Each read is
 * written to the audit log before the data is answered, so no read goes unrecorded. Open to the
 * roles route-access.ts names, or to an API key with `read:bookings` / `read:responses`.
 */
import type { Hono } from 'hono';
import type { StaffBooking } from '../../src/api/staff.js';
import { notFound } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import { toBooking, toInstant, toSecondInstant } from '../stores/records.js';
import type { BookingDetailRecord } from '../stores/types.js';
import type { RouteContext } from './context.js';

export function registerStaffRecordRoutes(app: Hono<AppEnv>, { stores, auth }: RouteContext): void {
  app.get('/staff/bookings/:id', auth.requireStaffOrKey('bookings:read'), async (c) => {
    const detail = await stores.bookings.bookingDetail(c.req.param('id'));
    if (!detail) throw notFound('There is no booking with this id.');
    await auth.audit(c, 'booking.read', { type: 'booking', id: detail.id });
    return c.json({ booking: toStaffBooking(detail) });
  });

  app.get('/staff/intake-responses/:id', auth.requireStaffOrKey('intake:read'), async (c) => {
    const response = await stores.intake.findResponse(c.req.param('id'));
    if (!response) throw notFound('There is no intake response with this id.');
    await auth.audit(c, 'intake_response.read', { type: 'intake_response', id: response.id });
    return c.json({ response: { id: response.id, receivedAt: toSecondInstant(response.receivedAt), submission: response.submission } });
  });
}

export function toStaffBooking(detail: BookingDetailRecord): StaffBooking {
  return {
    ...toBooking(detail),
    client: detail.client,
    consent: { privacy: true, ...(detail.consent.contact !== undefined ? { contact: detail.consent.contact } : {}) },
    ...(detail.reason !== undefined ? { reason: detail.reason } : {}),
    ...(detail.source !== undefined ? { source: detail.source } : {}),
    createdAt: toInstant(detail.createdAt),
  };
}
