/**
 * `POST safety-signals`: the moment a client answers a safety item above zero in an intake linked
 * to a booking, `<kap-intake>` tells the clinic, so a disclosure of thoughts of self-harm reaches
 * a person even if the form is never sent. The request names the booking, the form, its version
 * and which safety items — no answer, no score — and carries the booking's bearer token (a wrong
 * or missing token and an unknown booking all answer the same 401). It needs an Idempotency-Key
 * like every write, and is idempotent by content too: the same booking, form, version and items
 * are one signal, whatever key a reload sends them with. The intake response later stored for the
 * same booking, form and version is linked to it (`IntakeStore.saveResponse`).
 */
import type { Hono } from 'hono';
import { SafetySignalRequest, type SafetySignalCreated } from '../../src/api/schemas.js';
import { safetyFields } from '../../src/forms/flags.js';
import { validationFailed } from '../api-error.js';
import type { AppEnv } from '../app-env.js';
import { idempotency } from '../middleware/idempotency.js';
import { toSecondInstant } from '../stores/records.js';
import type { SafetySignalRecord, ServedForm } from '../stores/types.js';
import { authorizedBooking } from './booking-auth.js';
import type { RouteContext } from './context.js';
import { refusing } from './refusals.js';
import { parseRequest } from './validation.js';

export function registerSafetySignalRoutes(app: Hono<AppEnv>, { stores, now }: RouteContext): void {
  app.post('/safety-signals', idempotency({ store: stores.idempotency, now, required: true }), async (c) => {
    const request = parseRequest(SafetySignalRequest, c.var.body);
    await authorizedBooking(stores, request.booking, c.req.header('Authorization'), now());
    const served = await stores.forms.find(request.form);
    if (!served) throw validationFailed({ form: 'There is no intake form with this id.' });
    const at = now();
    const respond = (signal: SafetySignalRecord): SafetySignalCreated => ({
      signal: { id: signal.id, receivedAt: toSecondInstant(signal.receivedAt) },
    });
    const signal = await refusing(
      stores.intake.recordSafetySignal({
        bookingId: request.booking,
        formId: request.form,
        formVersion: request.version,
        items: safetyItemsInFormOrder(served, request.items),
        now: at,
        idempotency: c.var.idempotency?.outcome(201, respond),
      }),
      { now: at },
    );
    return c.json(respond(signal), 201);
  });
}

/**
 * The items as the form orders them, each once, so the same set is the same signal whatever order
 * it came in; `422` for an item that is not one of the form's safety items.
 */
export function safetyItemsInFormOrder(served: ServedForm, items: readonly string[]): string[] {
  const allowed = safetyFields(served.form).map((field) => field.key);
  const fields: Record<string, string> = {};
  items.forEach((item, i) => {
    if (!allowed.includes(item)) fields[`items.${i}`] = 'Not a safety item of this form.';
  });
  if (Object.keys(fields).length) throw validationFailed(fields);
  return allowed.filter((key) => items.includes(key));
}
