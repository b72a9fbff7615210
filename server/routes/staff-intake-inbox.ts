/**
 * The intake inbox of the clinic's console, under /staff/ (route-access.ts says who may):
 *
 * - `GET staff/intake-responses`: the latest responses, newest first — when, which form and version,
 *   which booking, whether it needs a clinician. No answers and no client details, so listing is
 *   not a read of client data and is not audited.
 * - `GET staff/intake-responses/{id}/view`: one response laid out for reading — the answers in the
 *   order and wording of the form version it answered, scores, flags. Written to the audit log
 *   before it is answered.
 */
import type { Hono } from 'hono';
import type { IntakeInboxEntry, IntakeInboxResponse, IntakeResponseView } from '../../src/api/staff.js';
import { notFound } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import { toInstant, toSecondInstant } from '../stores/records.js';
import type { ResponseSummaryRecord, Stores } from '../stores/types.js';
import type { RouteContext } from './context.js';
import { formAnswered, laidOut, serviceNames } from './staff-console.js';

/** How many responses the inbox lists. */
const INBOX_SIZE = 200;

export function registerStaffIntakeInboxRoutes(app: Hono<AppEnv>, { stores, auth }: RouteContext): void {
  app.get('/staff/intake-responses', auth.requireStaff('intake:read'), async (c) => {
    const names = await serviceNames(stores);
    const recent = await stores.console.recentResponses(INBOX_SIZE);
    const body: IntakeInboxResponse = { responses: await Promise.all(recent.map((summary) => toInboxEntry(stores, summary, names))) };
    return c.json(body);
  });

  app.get('/staff/intake-responses/:id/view', auth.requireStaff('intake:read'), async (c) => {
    const response = await stores.intake.findResponse(c.req.param('id'));
    if (!response) throw notFound('There is no intake response with this id.');
    await auth.audit(c, 'intake_response.read', { type: 'intake_response', id: response.id });
    const { submission } = response;
    const summary: ResponseSummaryRecord = {
      id: response.id,
      bookingId: submission.booking,
      formId: submission.form,
      formVersion: submission.version,
      receivedAt: response.receivedAt,
      needsClinician: submission.safety || submission.flags.length > 0,
    };
    const body: IntakeResponseView = {
      response: await toInboxEntry(stores, summary, await serviceNames(stores)),
      ...(await laidOut(stores, { id: response.id, kind: 'response', formId: submission.form, formVersion: submission.version, items: [] })),
    };
    return c.json(body);
  });
}

async function toInboxEntry(stores: Stores, summary: ResponseSummaryRecord, names: Map<string, string>): Promise<IntakeInboxEntry> {
  const form = await formAnswered(stores, summary.formId, summary.formVersion);
  const booking = summary.bookingId === undefined ? undefined : await stores.bookings.findBooking(summary.bookingId);
  return {
    id: summary.id,
    receivedAt: toSecondInstant(summary.receivedAt),
    form: { id: summary.formId, ...(summary.formVersion !== undefined ? { version: summary.formVersion } : {}), ...(form ? { title: form.form.title } : {}) },
    ...(booking ? { booking: { id: booking.id, start: toInstant(booking.start), serviceName: names.get(booking.serviceId) ?? booking.serviceId } } : {}),
    needsClinician: summary.needsClinician,
  };
}
