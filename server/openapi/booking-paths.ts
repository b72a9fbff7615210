/** The OpenAPI paths of booking: services, availability, holds and bookings. */
import * as schemas from '../../src/api/schemas.js';
import { MAX_AVAILABILITY_DAYS } from '../../src/scheduling/slots.js';
import { bearer, json, parameter, ref, replayable, responses, success, toJsonSchema, WRITE_ERRORS, type OpenApiOperation } from './parts.js';

export const BOOKING_PATHS: Record<string, Record<string, OpenApiOperation>> = {
  '/services': {
    get: {
      operationId: 'listServices',
      summary: 'The services a client can book',
      description:
        '`name` and `description` are in `lang` (the clinic’s language; `en` when absent). A service may carry them in other ' +
        'languages in `translations`, keyed by BCP 47 tag (`{"es": {"name": "Consulta inicial"}}`): an element shows the ' +
        'page’s language, then its base language, then the plain fields, marking text in another language with `lang`.',
      tags: ['booking'],
      responses: responses({ '200': success('Bookable services.', 'ServicesResponse') }, 'InternalError'),
    },
  },
  '/availability': {
    get: {
      operationId: 'getAvailability',
      summary: 'Free slots of a service in [from, to)',
      description:
        'Slots whose start lies in [from, to), after the minimum notice and before the booking horizon, ' +
        `minus existing bookings and live holds of any service. \`to - from\` may be at most ${MAX_AVAILABILITY_DAYS} days. ` +
        'A follow-up service (one with `followUp`, e.g. integration) is asked for with `after=<booking id>` of a ' +
        'booking of the `followUp.after` service and that booking’s bearer token; only slots whose start lies in ' +
        '[its end + minHoursAfterEnd, its end + maxHoursAfterEnd] (elapsed hours, both ends included) are returned. ' +
        'Without `after` a follow-up service is `422` (`fields.after`): it can only be booked in a window. ' +
        'A wrong token is `401`; a booking of another service, or a cancelled one, is `422`. ' +
        'Holds and bookings of a follow-up service must lie in the window of some active booking of the service it follows (`422` on `start` otherwise).',
      tags: ['booking'],
      parameters: (['service', 'from', 'to', 'after'] as const).map((name) => ({
        name,
        in: 'query',
        required: name !== 'after',
        ...(name === 'after' ? { description: 'For a follow-up service: the booking that opens the window (send its token as the bearer token).' } : {}),
        schema: toJsonSchema(schemas.AvailabilityQuery.def.shape[name], 'input'),
      })),
      security: [{}, { bearerAuth: [] }],
      responses: responses(
        { '200': success('Free slots and the clinic time zone.', 'AvailabilityResponse') },
        'Unauthorized',
        'ValidationFailed',
        'InternalError',
      ),
    },
  },
  '/holds': {
    post: {
      operationId: 'createHold',
      summary: 'Hold a free slot for a few minutes while the client types',
      tags: ['booking'],
      description:
        'The answer carries `releaseToken`, shown once (stored only as a hash): the proof `DELETE holds/{id}` needs. ' +
        'One client (its address, through the proxies the server trusts) keeps at most 4 live holds, at most 2 of them ' +
        'on slots starting on one clinic day; past that the answer is `429 too_many_holds`, with `Retry-After` until its ' +
        'first hold lapses.',
      parameters: [parameter('IdempotencyKey')],
      requestBody: { required: true, content: json(ref('HoldRequest')) },
      responses: responses({ '201': replayable('The hold, which lapses by itself at `expiresAt`, and its release token.', 'HoldResponse') }, ...WRITE_ERRORS),
    },
  },
  '/holds/{id}': {
    delete: {
      operationId: 'releaseHold',
      summary: 'Release a hold with the release token it came with (releasing one that is gone is not an error)',
      description:
        'Send the hold’s `releaseToken` as the bearer token. Without it, or with another, the answer is the same `204` ' +
        'as for a hold that is gone, and the hold stays until it lapses: the route tells nobody which holds exist.',
      tags: ['booking'],
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      security: [{ holdReleaseToken: [] }],
      responses: responses({ '204': { description: 'Released, or nothing to release with this token.' } }, 'InternalError'),
    },
  },
  '/bookings': {
    post: {
      operationId: 'createBooking',
      summary: 'Book a slot',
      description:
        'Requires `Idempotency-Key`. A `request`-mode service creates a booking with status `requested`, ' +
        'which the clinic confirms later. With `holdId`, the client’s own hold is consumed; if it has expired ' +
        'and the slot was taken meanwhile the answer is `409 hold_expired`. While the hold is live its slot stays bookable ' +
        'even once it has come inside the minimum notice: the notice and the horizon are judged from when the hold was placed. ' +
        '`holdId` needs no release token: hold ids are ' +
        '128-bit random values that only the holder is shown, and a hold only lets its holder book its own slot. ' +
        'The access token in the answer is shown once and stored only as a hash.',
      tags: ['booking'],
      parameters: [parameter('IdempotencyKeyRequired')],
      requestBody: { required: true, content: json(ref('BookingRequest')) },
      responses: responses({ '201': replayable('The booking and its access token.', 'BookingCreatedResponse') }, ...WRITE_ERRORS),
    },
  },
  '/bookings/{id}': {
    get: {
      operationId: 'getBooking',
      summary: 'Read a booking with its access token',
      tags: ['booking'],
      parameters: [parameter('BookingId')],
      security: bearer(),
      responses: responses({ '200': success('The booking.', 'BookingResponse') }, 'Unauthorized', 'InternalError'),
    },
  },
  '/booking-access/exchange': {
    post: {
      operationId: 'exchangeBookingAccess',
      summary: 'Exchange a link’s token (or a tab’s credential) for a short-lived credential the tab keeps',
      description:
        'The elements call it on opening a link (`#booking=…&token=…`) and keep the credential in `sessionStorage`, so a reload ' +
        'in the same tab keeps working while the link’s token is stored nowhere. The credential opens the booking like its ' +
        'token (`Authorization: Bearer`) for 30 minutes; exchanging it again before then gives a fresh one. A token that does ' +
        'not open the booking (wrong, expired, cancelled, revoked) answers `401`.',
      tags: ['booking'],
      requestBody: { required: true, content: json(ref('BookingAccessExchange')) },
      responses: responses(
        { '200': success('The credential and when it stops opening the booking.', 'BookingAccessCredential') },
        'Unauthorized',
        ...WRITE_ERRORS,
      ),
    },
  },
  '/booking-access/email-links': {
    post: {
      operationId: 'emailBookingLinks',
      summary: '“Email me my links”: fresh links for the active bookings of an address, by email',
      description:
        'Always `202 {}`, whatever the address — known, unknown or without active bookings — so the route tells nobody ' +
        'which addresses book here; the bookings are looked up after the answer, and each active one gets an email with ' +
        'fresh links through the outbox (`links.requested`). Rate limited per address (5 an hour) and per client (20 an hour): `429`. ' +
        'A retry under the same `Idempotency-Key` is answered from the first request, and neither looks up nor counts again.',
      tags: ['booking'],
      parameters: [parameter('IdempotencyKey')],
      requestBody: { required: true, content: json(ref('EmailLinksRequest')) },
      responses: responses(
        {
          '202': {
            description: 'Accepted; whatever the address, the same answer.',
            headers: { 'Idempotent-Replayed': { $ref: '#/components/headers/IdempotentReplayed' } },
          },
        },
        ...WRITE_ERRORS,
      ),
    },
  },
  '/bookings/{id}/cancel': {
    post: {
      operationId: 'cancelBooking',
      summary: 'Cancel a booking; cancelling again answers the same',
      description:
        'A session that has started (or taken place) can no longer be cancelled online: `409 booking_started`, ' + 'the same rule as for rescheduling.',
      tags: ['booking'],
      parameters: [parameter('BookingId'), parameter('IdempotencyKey')],
      security: bearer(),
      responses: responses({ '200': replayable('The cancelled booking; its time is free again.', 'BookingResponse') }, 'Unauthorized', ...WRITE_ERRORS),
    },
  },
  '/bookings/{id}/reschedule': {
    post: {
      operationId: 'rescheduleBooking',
      summary: 'Move a booking to another free slot of its service',
      description:
        'Requires `Idempotency-Key`. The booking keeps its id, token, status and checklist; only `start` and `end` change. ' +
        'The check and the move are one transaction: the booking is never at two times, nor at none. Its own current time ' +
        'does not count as taken; with `holdId`, the client’s own hold on the new time is consumed, and while it is live the ' +
        'notice and the horizon are judged from when it was placed. A cancelled booking is ' +
        '`409 booking_cancelled`; a session that has started (or taken place) is `409 booking_started`.',
      tags: ['booking'],
      parameters: [parameter('BookingId'), parameter('IdempotencyKeyRequired')],
      security: bearer(),
      requestBody: { required: true, content: json(ref('RescheduleRequest')) },
      responses: responses({ '200': replayable('The booking at its new time.', 'BookingResponse') }, 'Unauthorized', ...WRITE_ERRORS),
    },
  },
};
