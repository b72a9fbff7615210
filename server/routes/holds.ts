/**
 * `POST holds` keeps a free slot for a few minutes while the client types, within the client's
 * caps; `DELETE holds/{id}` gives it back with the release token it came with.
 */
import type { Hono } from 'hono';
import { HoldRequest, type HoldResponse } from '../../src/api/schemas.js';
import type { AppEnv } from '../app-env.js';
import { bookableSlot, followUpOpening, holdClient } from '../booking-rules.js';
import { idempotency } from '../middleware/idempotency.js';
import { newAccessToken, sha256Hex } from '../secrets.js';
import { toHold } from '../stores/records.js';
import type { HoldRecord } from '../stores/types.js';
import { bearerToken } from './booking-auth.js';
import type { RouteContext } from './context.js';
import { followUpContext } from './follow-up.js';
import { refusing } from './refusals.js';
import { requireService } from './services.js';
import { parseRequest } from './validation.js';

const MINUTE = 60_000;

export function registerHoldRoutes(app: Hono<AppEnv>, { stores, now, holdMinutes, holdLimits }: RouteContext): void {
  app.post('/holds', idempotency({ store: stores.idempotency, now, required: false }), async (c) => {
    const request = parseRequest(HoldRequest, c.var.body);
    const service = await requireService(stores, request.service);
    const at = now();
    const rules = await stores.clinic.schedulingRules();
    const slot = bookableSlot(rules, service, Date.parse(request.start), at);
    // Shown once, in this answer; only its hash is kept.
    const releaseToken = newAccessToken();
    const respond = (hold: HoldRecord): HoldResponse => ({ hold: toHold(hold), releaseToken });
    const refusal = { now: at, followUp: await followUpContext(stores, service) };
    const hold = await refusing(
      stores.bookings.placeHold({
        serviceId: service.id,
        slot,
        now: at,
        expiresAt: at + holdMinutes * MINUTE,
        releaseTokenHash: sha256Hex(releaseToken),
        client: holdClient(c.var.client, holdLimits, slot, rules),
        opening: followUpOpening(service, slot.start),
        idempotency: c.var.idempotency?.outcome(201, respond),
      }),
      refusal,
    );
    return c.json(respond(hold), 201);
  });

  // Needs the hold's release token; without it (or with another) the answer is the same 204 as
  // for a hold that is gone, and the hold stays until it lapses: the route is no oracle for which
  // holds exist.
  app.delete('/holds/:id', async (c) => {
    const token = bearerToken(c.req.header('Authorization'));
    if (token !== undefined) await stores.bookings.releaseHold(c.req.param('id'), sha256Hex(token));
    return c.body(null, 204);
  });
}
