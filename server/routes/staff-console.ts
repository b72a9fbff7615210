/**
 * What the clinic's console reads and decides, under /staff/ (route-access.ts says who may):
 *
 * - `GET staff/schedule?from=YYYY-MM-DD&days=N`: bookings starting on those clinic days — service,
 *   time, status, checklist progress, and, as the role allows, the client's name and the intake's
 *   status (front desk: "submitted" / "needs a clinician" only; clinicians also the responses).
 * - `GET staff/requests`: request-mode bookings waiting; `POST staff/bookings/{id}/confirm` and
 *   `…/decline` (a reason from the list, optionally up to three other times of the service to
 *   suggest, which the client's `GET bookings/{id}` then lists) decide one — atomic, and the same
 *   decision again answers the first one unchanged.
 * - `GET staff/safety-queue`: intake responses with a safety answer, and safety signals from
 *   intakes never sent, until a clinician acknowledges them; `GET staff/safety-queue/{id}` opens
 *   one (an audit row first); `POST staff/safety-queue/{id}/acknowledge` with a note.
 *
 * Every read of client data is written to the audit log before it is answered.
 */
import type { Hono } from 'hono';
import {
  AcknowledgeRequest,
  DeclineRequest,
  type AnsweredQuestion,
  type Decision,
  type DecisionResponse,
  type RequestsResponse,
  type SafetyEntryResponse,
  type SafetyQueueEntry,
  type ScheduleEntry,
  type ScheduleResponse,
} from '../../src/api/staff.js';
import { answerText } from '../../src/forms/answer-text.js';
import { fromSubmission } from '../../src/forms/submission.js';
import { indexForm } from '../../src/forms/form-index.js';
import { addDays, dayOf, startOfDay } from '../../src/scheduling/zones.js';
import { roleMay } from '../../src/staff/roles.js';
import { ApiError, notFound, validationFailed } from '../api-error.js';
import { bookableSlot } from '../booking-rules.js';
import type { AppEnv } from '../app-env.js';
import { toBooking, toInstant, toSecondInstant } from '../stores/records.js';
import { isRefusal } from '../stores/refusal.js';
import type { BookingDetailRecord, DecisionRecord, SafetyItemRecord, Stores } from '../stores/types.js';
import type { RouteContext } from './context.js';
import { toStaffBooking } from './staff-records.js';
import { parseRequest } from './validation.js';

const MAX_DAYS = 31;

export function registerStaffConsoleRoutes(app: Hono<AppEnv>, { stores, now, auth }: RouteContext): void {
  app.get('/staff/schedule', auth.requireStaff('schedule:read'), async (c) => {
    const { timeZone } = await stores.clinic.schedulingRules();
    const from = c.req.query('from') ?? dayOf(new Date(now()), timeZone);
    const days = Number(c.req.query('days') ?? 8);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || Number.isNaN(Date.parse(`${from}T00:00:00Z`))) throw validationFailed({ from: 'Expected a day as YYYY-MM-DD' });
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) throw validationFailed({ days: `Expected a whole number of days from 1 to ${MAX_DAYS}` });
    const role = c.var.staff.role;
    const bookings = await details(
      stores,
      await stores.console.bookingsBetween(Date.parse(startOfDay(from, timeZone)), Date.parse(startOfDay(addDays(from, days), timeZone))),
    );
    const names = await serviceNames(stores);
    const intake = roleMay(role, 'intake:status') ? await stores.console.intakeOf(bookings.map((booking) => booking.id)) : undefined;
    const seesClient = roleMay(role, 'bookings:read');
    if (seesClient && bookings.length > 0) await auth.audit(c, 'schedule.read', { type: 'schedule', id: `${from}+${days}` });
    const entries: ScheduleEntry[] = [];
    for (const booking of bookings) {
      const items = await stores.checklists.items(booking.id);
      const record = intake?.get(booking.id);
      entries.push({
        ...toBooking(booking),
        serviceName: names.get(booking.serviceId) ?? booking.serviceId,
        ...(seesClient ? { client: { name: booking.client.name } } : {}),
        ...(items ? { checklist: { done: items.filter((item) => item.doneAt !== undefined).length, total: items.length } } : {}),
        ...(intake
          ? {
              intake: {
                status: !record ? 'none' : record.needsClinician ? 'needs-clinician' : record.responseIds.length ? 'submitted' : 'none',
                ...(record && roleMay(role, 'intake:read') ? { responses: record.responseIds } : {}),
              },
            }
          : {}),
      });
    }
    const body: ScheduleResponse = { timeZone, from, days, bookings: entries };
    return c.json(body);
  });

  app.get('/staff/requests', auth.requireStaff('bookings:read'), async (c) => {
    const waiting = await details(stores, await stores.console.waitingRequests(now()));
    const names = await serviceNames(stores);
    if (waiting.length > 0) await auth.audit(c, 'requests.read');
    const body: RequestsResponse = {
      requests: waiting.map((booking) => ({ booking: toStaffBooking(booking), serviceName: names.get(booking.serviceId) ?? booking.serviceId })),
    };
    return c.json(body);
  });

  const decide = (decision: 'confirmed' | 'declined') =>
    app.post(`/staff/bookings/:id/${decision === 'confirmed' ? 'confirm' : 'decline'}`, auth.requireStaff('bookings:manage'), async (c) => {
      const decline = decision === 'declined' ? parseRequest(DeclineRequest, c.var.body) : undefined;
      const at = now();
      const suggestedStarts = decline?.suggestedTimes?.length ? await suggestedStartsOf(stores, c.req.param('id'), decline.suggestedTimes, at) : undefined;
      let record: DecisionRecord;
      try {
        record = await stores.console.decideRequest({
          bookingId: c.req.param('id'),
          decision,
          ...(decline ? { reason: decline.reason } : {}),
          ...(suggestedStarts ? { suggestedStarts } : {}),
          staffId: c.var.staff.id,
          now: at,
        });
      } catch (error) {
        throw decisionRefused(error);
      }
      // Only a new decision is a change worth recording; the same one again answers it unchanged.
      if (record.at === at && record.staffId === c.var.staff.id) {
        await auth.audit(c, decision === 'confirmed' ? 'booking.confirm' : 'booking.decline', { type: 'booking', id: record.bookingId });
      }
      const booking = await stores.bookings.findBooking(record.bookingId);
      if (!booking) throw notFound('There is no booking with this id.');
      const body: DecisionResponse = { booking: toBooking(booking), decision: await toDecision(stores, record) };
      return c.json(body);
    });
  decide('confirmed');
  decide('declined');

  app.get('/staff/safety-queue', auth.requireStaff('intake:read'), async (c) => {
    const items = await stores.console.safetyQueue();
    if (items.length > 0) await auth.audit(c, 'safety_queue.read');
    return c.json({ items: await Promise.all(items.map((item) => toEntry(stores, item))) });
  });

  app.get('/staff/safety-queue/:id', auth.requireStaff('intake:read'), async (c) => {
    const item = await stores.console.safetyItem(c.req.param('id'));
    if (!item) throw notFound('There is no safety entry with this id.');
    await auth.audit(c, item.kind === 'response' ? 'intake_response.read' : 'safety_signal.read', {
      type: item.kind === 'response' ? 'intake_response' : 'safety_signal',
      id: item.id,
    });
    const body: SafetyEntryResponse = { item: await toEntry(stores, item), ...(await laidOut(stores, item)) };
    return c.json(body);
  });

  app.post('/staff/safety-queue/:id/acknowledge', auth.requireStaff('safety:acknowledge'), async (c) => {
    const { note } = parseRequest(AcknowledgeRequest, c.var.body);
    const at = now();
    const item = await stores.console.acknowledge({ id: c.req.param('id'), staffId: c.var.staff.id, note, now: at });
    if (!item) throw notFound('There is no safety entry with this id.');
    if (item.acknowledgement?.at === at && item.acknowledgement.staffId === c.var.staff.id) {
      await auth.audit(c, 'safety.acknowledge', { type: item.kind === 'response' ? 'intake_response' : 'safety_signal', id: item.id });
    }
    return c.json({ item: await toEntry(stores, item) });
  });
}

/**
 * A decline's suggested times, checked as a client's booking of them would be: each one of the
 * times the clinic offers for the booking's service, within the booking window (not whether it is
 * free: a suggestion holds nothing, and the client's booking of it checks that). Distinct, in ms.
 */
async function suggestedStartsOf(stores: Stores, bookingId: string, times: readonly string[], at: number): Promise<number[]> {
  const booking = await stores.bookings.findBooking(bookingId);
  if (!booking) throw notFound('There is no booking with this id.');
  const service = await stores.clinic.findService(booking.serviceId);
  if (!service) throw validationFailed({ suggestedTimes: 'This service can no longer be booked online, so no other time can be suggested.' });
  const rules = await stores.clinic.schedulingRules();
  const starts = new Set<number>();
  for (const time of times) {
    try {
      starts.add(bookableSlot(rules, service, Date.parse(time), at).start);
    } catch (error) {
      if (error instanceof ApiError) throw validationFailed({ suggestedTimes: `${time} is not a time the clinic offers for this service from now on.` });
      throw error;
    }
  }
  return [...starts];
}

function decisionRefused(error: unknown): unknown {
  if (isRefusal(error, 'booking_not_found')) return notFound('There is no booking with this id.');
  if (isRefusal(error, 'booking_cancelled')) return new ApiError(409, 'booking_cancelled', 'The client cancelled this request.');
  if (isRefusal(error, 'already_decided')) {
    return new ApiError(409, 'already_decided', 'This booking is not a request waiting for a decision: it was decided already, or never needed one.');
  }
  return error;
}

/** Each booking's details (client included), in the order given. */
async function details(stores: Stores, ids: readonly string[]): Promise<BookingDetailRecord[]> {
  const found = await Promise.all(ids.map((id) => stores.bookings.bookingDetail(id)));
  return found.filter((detail): detail is BookingDetailRecord => detail !== undefined);
}

/** The version of a form a response answered, or the form as served when that version is unknown. */
export async function formAnswered(stores: Stores, formId: string, version: string | undefined) {
  return (version !== undefined ? await stores.forms.findVersion(formId, version) : undefined) ?? (await stores.forms.find(formId));
}

export async function serviceNames(stores: Stores): Promise<Map<string, string>> {
  return new Map((await stores.clinic.listServices()).map((service) => [service.id, service.name]));
}

export async function staffRef(stores: Stores, id: string): Promise<{ id: string; email?: string }> {
  const staff = await stores.staff.find(id);
  return { id, ...(staff ? { email: staff.email } : {}) };
}

async function toDecision(stores: Stores, record: DecisionRecord): Promise<Decision> {
  return {
    decision: record.decision,
    ...(record.reason ? { reason: record.reason } : {}),
    ...(record.suggestedStarts ? { suggestedTimes: record.suggestedStarts.map(toInstant) } : {}),
    by: await staffRef(stores, record.staffId),
    at: toInstant(record.at),
  };
}

async function toEntry(stores: Stores, item: SafetyItemRecord): Promise<SafetyQueueEntry> {
  const served = await stores.forms.find(item.formId);
  const booking = item.bookingId === undefined ? undefined : await stores.bookings.bookingDetail(item.bookingId);
  const names = booking ? await serviceNames(stores) : undefined;
  const ack = item.acknowledgement;
  return {
    id: item.id,
    kind: item.kind,
    receivedAt: toSecondInstant(item.receivedAt),
    form: { id: item.formId, ...(item.formVersion !== undefined ? { version: item.formVersion } : {}), ...(served ? { title: served.form.title } : {}) },
    ...(booking
      ? {
          booking: {
            id: booking.id,
            start: toInstant(booking.start),
            serviceName: names?.get(booking.serviceId) ?? booking.serviceId,
            clientName: booking.client.name,
          },
        }
      : {}),
    ...(ack ? { acknowledgement: { by: await staffRef(stores, ack.staffId), at: toInstant(ack.at), note: ack.note } } : {}),
  };
}

/**
 * The answers in the order and wording of the form version they answered (the form as served when
 * that version is unknown; answers the form does not ask are listed after it by key). A signal
 * carries no answers: its safety items are listed, unanswered otherwise.
 */
export async function laidOut(
  stores: Stores,
  item: Pick<SafetyItemRecord, 'id' | 'kind' | 'formId' | 'formVersion' | 'items'>,
): Promise<Omit<SafetyEntryResponse, 'item'>> {
  const served = await formAnswered(stores, item.formId, item.formVersion);
  const response = item.kind === 'response' ? await stores.intake.findResponse(item.id) : undefined;
  const submission = response?.submission;
  const safetyKeys = new Set(submission ? submission.safetyItems : item.items);
  const questions: AnsweredQuestion[] = [];
  if (served) {
    const answers = submission ? fromSubmission(served.form, submission.answers) : {};
    for (const field of indexForm(served.form).fields) {
      if (!submission && !safetyKeys.has(field.key)) continue;
      questions.push({
        key: field.key,
        page: field.page.title,
        ...(field.row ? { group: field.item.label } : {}),
        question: field.row ? field.row.label : field.item.label,
        answer: answerText(field.item, answers[field.key], { locale: served.form.lang }),
        safety: safetyKeys.has(field.key),
      });
    }
  }
  const known = new Set(questions.map((question) => question.key));
  for (const [key, value] of Object.entries(submission?.answers ?? {})) {
    if (!known.has(key))
      questions.push({
        key,
        page: '',
        question: key,
        answer: [typeof value === 'object' ? JSON.stringify(value) : String(value)],
        safety: safetyKeys.has(key),
      });
  }
  return {
    questions,
    scores: (submission?.scores ?? []).map(({ instrument, complete, total, answered, missing, band }) => ({
      instrument,
      complete,
      total,
      answered,
      missing,
      band,
    })),
    flags: submission?.flags ?? [],
  };
}
