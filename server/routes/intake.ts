/**
 * The intake endpoints: `GET forms/{id}` answers the latest published version of a form as the
 * clinic wrote it (the element checks it with `parseFormDefinition()`; a draft is never served:
 * 404), and `POST intake-responses` (Idempotency-Key required, as for bookings) stores one response
 * to the version it names — an older published version too — with the server's own scores and
 * flags, recomputed from the answers by `checkSubmission()` against that version (what the client
 * computed is never stored); an unknown or unpublished form or version is 404.
 * A response linked to a booking needs that booking's bearer token, as every per-booking route
 * does. Nothing from a request is logged: the request log records only the route pattern and status.
 */
import type { Hono } from 'hono';
import type { IntakeResponseCreated } from '../../src/api/schemas.js';
import { checkSubmission } from '../../src/forms/index.js';
import { IntakeSubmission } from '../../src/api/intake-submission.js';
import { notFound, validationFailed } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import { idempotency } from '../middleware/idempotency.js';
import { toSecondInstant } from '../stores/records.js';
import type { IntakeResponseRecord, ServedForm } from '../stores/types.js';
import { authorizedBooking } from './booking-auth.js';
import type { RouteContext } from './context.js';
import { refusing } from './refusals.js';
import { parseRequest } from './validation.js';

const HOUR = 3_600_000;

export function registerIntakeRoutes(app: Hono<AppEnv>, { stores, now }: RouteContext): void {
  app.get('/forms/:id', async (c) => {
    const served = await stores.forms.find(c.req.param('id'));
    if (!served) throw notFound('There is no intake form with this id.');
    return c.json(served.definition);
  });

  app.post('/intake-responses', idempotency({ store: stores.idempotency, now, required: true }), async (c) => {
    const body = parseRequest(IntakeSubmission, c.var.body);
    // Linking answers to a booking needs that booking's token: an unknown id and a wrong or
    // missing token answer the same 401, so the route cannot be used to learn which ids exist.
    if (body.booking !== undefined) await authorizedBooking(stores, body.booking, c.req.header('Authorization'), now());
    // The version answered, however old, as long as it was published; a draft or unknown form is not there.
    const served = body.version === undefined ? await stores.forms.find(body.form) : await stores.forms.findVersion(body.form, body.version);
    if (!served) throw notFound('There is no published intake form with this id and version.');
    const at = now();
    const respond = (record: IntakeResponseRecord): IntakeResponseCreated => ({
      response: { id: record.id, receivedAt: toSecondInstant(record.receivedAt) },
    });
    const record = await refusing(
      stores.intake.saveResponse({ submission: checkedSubmission(served, body, at), now: at, idempotency: c.var.idempotency?.outcome(201, respond) }),
      { now: at },
    );
    return c.json(respond(record), 201);
  });
}

/**
 * The submission as the server recomputes it from the answers; `422 validation_failed` with
 * per-answer messages. Dates are checked against "today" anywhere on earth, since the client's own
 * date may be a day either side of the server's.
 */
function checkedSubmission(served: ServedForm, body: IntakeSubmission, now: number): IntakeSubmission {
  const dayAt = (offsetHours: number) => new Date(now + offsetHours * HOUR).toISOString().slice(0, 10);
  let checked = checkSubmission(served.form, body, { today: dayAt(14) });
  if (!checked.ok) {
    const earliest = checkSubmission(served.form, body, { today: dayAt(-12) });
    if (earliest.ok) checked = earliest;
  }
  if (!checked.ok) throw validationFailed(checked.fields, 'Some answers need correcting.');
  return checked.submission;
}
