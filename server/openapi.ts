/**
 * The OpenAPI 3.1 document of the booking API, generated from the contract's zod schemas, so it
 * cannot drift from what the elements and the reference backend actually accept. Request bodies
 * are described as the server reads them (unknown keys rejected); response objects leave
 * `additionalProperties` open, because fields may be added to responses, never removed.
 */
import * as z from 'zod/mini';
import * as schemas from '../src/api/schemas.js';
import { IntakeSubmission } from '../src/forms/submission.js';
import { CORS_EXPOSE_HEADERS } from './cors.js';

type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  servers: { url: string; description?: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, unknown>;
    parameters: Record<string, unknown>;
    headers: Record<string, unknown>;
    securitySchemes: Record<string, unknown>;
  };
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  parameters?: unknown[];
  requestBody?: unknown;
  security?: Record<string, string[]>[];
  responses: Record<string, unknown>;
}

const RESPONSE_SCHEMAS = {
  FollowUpWindow: schemas.FollowUpWindow,
  Service: schemas.Service,
  ServicesResponse: schemas.ServicesResponse,
  Slot: schemas.Slot,
  AvailabilityResponse: schemas.AvailabilityResponse,
  Hold: schemas.Hold,
  HoldResponse: schemas.HoldResponse,
  Booking: schemas.Booking,
  BookingResponse: schemas.BookingResponse,
  BookingCreatedResponse: schemas.BookingCreatedResponse,
  ChecklistItemState: schemas.ChecklistItemState,
  ChecklistResponse: schemas.ChecklistResponse,
  ChecklistItemResponse: schemas.ChecklistItemResponse,
  IntakeResponseCreated: schemas.IntakeResponseCreated,
  SafetySignalCreated: schemas.SafetySignalCreated,
  ErrorBody: schemas.ErrorBody,
} as const;

const REQUEST_SCHEMAS = {
  HoldRequest: schemas.HoldRequest,
  ClientDetails: schemas.ClientDetails,
  Consent: schemas.Consent,
  BookingRequest: schemas.BookingRequest,
  RescheduleRequest: schemas.RescheduleRequest,
  ChecklistItemUpdate: schemas.ChecklistItemUpdate,
  IntakeSubmission,
  SafetySignalRequest: schemas.SafetySignalRequest,
} as const;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const errorResponse = (description: string, headers?: Record<string, unknown>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: json(ref('ErrorBody')),
});
const parameter = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const pathId = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string', minLength: 1 } });
const bearer = () => [{ bearerAuth: [] }];
/** A success answer whose body is the named schema. */
const success = (description: string, schema: string) => ({ description, content: json(ref(schema)) });
/** A write's success answer, which a retry with the same Idempotency-Key gets again, marked as replayed. */
const replayable = (description: string, schema: string) => ({
  description,
  headers: { 'Idempotent-Replayed': { $ref: '#/components/headers/IdempotentReplayed' } },
  content: json(ref(schema)),
});

const ERROR_STATUS = {
  BadRequest: '400',
  Unauthorized: '401',
  NotFound: '404',
  Conflict: '409',
  PayloadTooLarge: '413',
  UnsupportedMediaType: '415',
  ValidationFailed: '422',
  RateLimited: '429',
  InternalError: '500',
} as const;
type ErrorResponse = keyof typeof ERROR_STATUS;

/**
 * What every write can answer: a bad, too large or conflicting request, too many writes, a failure
 * (and 422 for a reused Idempotency-Key, or a body that fails validation).
 */
const WRITE_ERRORS = [
  'BadRequest',
  'Conflict',
  'ValidationFailed',
  'PayloadTooLarge',
  'UnsupportedMediaType',
  'RateLimited',
  'InternalError',
] as const;

/** An operation's `responses`: its successes, then each named error response under its status. */
function responses(successes: Record<string, unknown>, ...errors: ErrorResponse[]): Record<string, unknown> {
  const answers: Record<string, unknown> = { ...successes };
  for (const name of errors) answers[ERROR_STATUS[name]] = { $ref: `#/components/responses/${name}` };
  return answers;
}

let cached: OpenApiDocument | undefined;

/** The document; built once per process (it depends only on the schemas). */
export function buildOpenApiDocument(): OpenApiDocument {
  cached ??= build();
  return structuredClone(cached);
}

function build(): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'kap-elements booking API',
      version: '1',
      description:
        'The backend contract of kap-elements. Paths are relative to the `api` base URL an element is given. ' +
        'Times are ISO 8601 instants in UTC (`Z`); time zones are IANA names. No client data ever goes in a URL. ' +
        'Errors use one envelope, `{"error": {"code", "message", "fields"?}}`. Responses may gain fields; clients ignore unknown ones. ' +
        `Cross-origin callers on the allow-list can read the headers ${CORS_EXPOSE_HEADERS}.`,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '.', description: 'Relative to where this document is served: the `api` base URL.' }],
    paths: {
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
            'minus existing bookings and live holds of any service. `to - from` may be at most 62 days. ' +
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
            ...(name === 'after'
              ? { description: 'For a follow-up service: the booking that opens the window (send its token as the bearer token).' }
              : {}),
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
          parameters: [parameter('IdempotencyKey')],
          requestBody: { required: true, content: json(ref('HoldRequest')) },
          responses: responses(
            { '201': replayable('The hold; it lapses by itself at `expiresAt`.', 'HoldResponse') },
            ...WRITE_ERRORS,
          ),
        },
      },
      '/holds/{id}': {
        delete: {
          operationId: 'releaseHold',
          summary: 'Release a hold (releasing one that is gone is not an error)',
          tags: ['booking'],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: responses({ '204': { description: 'Released.' } }, 'RateLimited', 'InternalError'),
        },
      },
      '/bookings': {
        post: {
          operationId: 'createBooking',
          summary: 'Book a slot',
          description:
            'Requires `Idempotency-Key`. A `request`-mode service creates a booking with status `requested`, ' +
            'which the clinic confirms later. With `holdId`, the client’s own hold is consumed; if it has expired ' +
            'and the slot was taken meanwhile the answer is `409 hold_expired`. The access token in the answer is ' +
            'shown once and stored only as a hash.',
          tags: ['booking'],
          parameters: [parameter('IdempotencyKeyRequired')],
          requestBody: { required: true, content: json(ref('BookingRequest')) },
          responses: responses(
            { '201': replayable('The booking and its access token.', 'BookingCreatedResponse') },
            ...WRITE_ERRORS,
          ),
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
      '/bookings/{id}/cancel': {
        post: {
          operationId: 'cancelBooking',
          summary: 'Cancel a booking; cancelling again answers the same',
          tags: ['booking'],
          parameters: [parameter('BookingId'), parameter('IdempotencyKey')],
          security: bearer(),
          responses: responses(
            { '200': replayable('The cancelled booking; its time is free again.', 'BookingResponse') },
            'Unauthorized',
            ...WRITE_ERRORS,
          ),
        },
      },
      '/bookings/{id}/reschedule': {
        post: {
          operationId: 'rescheduleBooking',
          summary: 'Move a booking to another free slot of its service',
          description:
            'Requires `Idempotency-Key`. The booking keeps its id, token, status and checklist; only `start` and `end` change. ' +
            'The check and the move are one transaction: the booking is never at two times, nor at none. Its own current time ' +
            'does not count as taken; with `holdId`, the client’s own hold on the new time is consumed. A cancelled booking is ' +
            '`409 booking_cancelled`.',
          tags: ['booking'],
          parameters: [parameter('BookingId'), parameter('IdempotencyKeyRequired')],
          security: bearer(),
          requestBody: { required: true, content: json(ref('RescheduleRequest')) },
          responses: responses(
            { '200': replayable('The booking at its new time.', 'BookingResponse') },
            'Unauthorized',
            ...WRITE_ERRORS,
          ),
        },
      },
      '/bookings/{id}/checklist': {
        get: {
          operationId: 'getChecklist',
          summary: 'The booking’s preparation checklist and the state of its items',
          description:
            'Items are in the order the clinic wrote them; `dueOffsetMinutes` counts real minutes from the session’s start ' +
            '(negative before it). A rescheduled booking keeps its items and their state. A cancelled booking’s checklist can be read, not changed. ' +
            '`text`, `details` and `group` are in `lang` (`en` when absent); their other languages are in each item’s `translations`.',
          tags: ['checklist'],
          parameters: [parameter('BookingId')],
          security: bearer(),
          responses: responses(
            { '200': success('The booking, the clinic’s time zone and the items.', 'ChecklistResponse') },
            'Unauthorized',
            'InternalError',
          ),
        },
      },
      '/bookings/{id}/checklist/{itemId}': {
        put: {
          operationId: 'updateChecklistItem',
          summary: 'Check an item off, or not',
          description:
            'Sets the state, so repeating the same request is harmless (no Idempotency-Key needed). Checking an item that is ' +
            'already done keeps its first `doneAt`.',
          tags: ['checklist'],
          parameters: [parameter('BookingId'), pathId('itemId')],
          security: bearer(),
          requestBody: { required: true, content: json(ref('ChecklistItemUpdate')) },
          responses: responses(
            { '200': success('The item with its new state.', 'ChecklistItemResponse') },
            'Unauthorized',
            'NotFound',
            ...WRITE_ERRORS,
          ),
        },
      },
      '/forms/{id}': {
        get: {
          operationId: 'getForm',
          summary: 'An intake form definition',
          description:
            'The definition as the clinic wrote it; the element checks it with `parseFormDefinition()`. Its schema is ' +
            'published separately as `form-definition.schema.json` (kap-elements `dist/`).',
          tags: ['intake'],
          parameters: [pathId('id')],
          responses: responses(
            {
              '200': { description: 'The form definition.', content: json({ type: 'object', required: ['id', 'title', 'pages'] }) },
            },
            'NotFound',
            'InternalError',
          ),
        },
      },
      '/intake-responses': {
        post: {
          operationId: 'submitIntake',
          summary: 'Store an intake response',
          description:
            'Requires `Idempotency-Key`. The answers are checked against the form (hidden questions, types, the same ' +
            'validation as in the browser); scores, review flags and the safety flag are recomputed by the server, and ' +
            'those are stored, never the client’s. `booking`, when sent, links the response to that booking and needs ' +
            'its access token as the bearer token; a missing or wrong token and an unknown booking id all answer `401`, ' +
            'so ids cannot be probed. Without `booking` no token is needed.',
          tags: ['intake'],
          parameters: [parameter('IdempotencyKeyRequired')],
          requestBody: { required: true, content: json(ref('IntakeSubmission')) },
          security: [{}, { bearerAuth: [] }],
          responses: responses(
            { '201': replayable('The stored response’s id and time; never answers or scores.', 'IntakeResponseCreated') },
            'Unauthorized',
            ...WRITE_ERRORS,
          ),
        },
      },
      '/safety-signals': {
        post: {
          operationId: 'sendSafetySignal',
          summary: 'Tell the clinic at once that safety items were answered above zero',
          description:
            'Sent by the intake the moment a safety item (PHQ-9 item 9, or one the form marks `safety`) is answered above ' +
            'zero in an intake linked to a booking, so the clinic learns of it even if the form is never sent. It names ' +
            'the booking, the form, its version and the safety items — never an answer or a score. Requires ' +
            '`Idempotency-Key` and the booking’s access token as the bearer token; a missing or wrong token and an unknown ' +
            'booking id all answer `401`. Items must be safety items of the form (`422` otherwise). Idempotent by content ' +
            'too: the same booking, form, version and items answer the first signal, whatever the key. The intake response ' +
            'later stored for the same booking, form and version is linked to it.',
          tags: ['intake'],
          parameters: [parameter('IdempotencyKeyRequired')],
          requestBody: { required: true, content: json(ref('SafetySignalRequest')) },
          security: bearer(),
          responses: responses(
            { '201': replayable('The recorded signal’s id and when it was first received.', 'SafetySignalCreated') },
            'Unauthorized',
            ...WRITE_ERRORS,
          ),
        },
      },
      '/health': {
        get: {
          operationId: 'health',
          summary: 'Liveness and database check',
          tags: ['operations'],
          responses: responses(
            {
              '200': {
                description: 'The server and its database answer.',
                content: json({ type: 'object', properties: { status: { const: 'ok' } }, required: ['status'] }),
              },
            },
            'InternalError',
          ),
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'openApiDocument',
          summary: 'This document',
          tags: ['operations'],
          responses: {
            '200': {
              description: 'The OpenAPI 3.1 document.',
              content: json({ type: 'object', required: ['openapi', 'paths'] }),
            },
          },
        },
      },
    },
    components: {
      schemas: {
        ...registrySchemas(RESPONSE_SCHEMAS, 'output'),
        ...registrySchemas(REQUEST_SCHEMAS, 'input'),
      },
      responses: {
        BadRequest: errorResponse(
          '`idempotency_key_missing` (POST /bookings or /bookings/{id}/reschedule without Idempotency-Key) or `validation_failed` (body is not JSON, malformed key).',
        ),
        Unauthorized: errorResponse(
          '`unauthorized`: the bearer token is missing or does not open this booking (for availability: the `after` booking). An unknown booking id answers the same, so ids cannot be probed.',
          { 'WWW-Authenticate': { schema: { type: 'string' } } },
        ),
        NotFound: errorResponse('`not_found`: no such route, or no such item in this booking’s checklist.'),
        Conflict: errorResponse(
          '`slot_unavailable` (the time is taken, inside the notice or past the horizon), `hold_expired` (the hold lapsed and the time was taken meanwhile), `booking_cancelled` (the booking was cancelled: it cannot be rescheduled nor its checklist changed) or `request_in_progress` (the first request with this Idempotency-Key is still running).',
        ),
        PayloadTooLarge: errorResponse('`payload_too_large`: the body is over 32 KB.'),
        UnsupportedMediaType: errorResponse('`validation_failed`: a body was sent without `Content-Type: application/json`.'),
        ValidationFailed: errorResponse(
          '`validation_failed` with per-field messages in `fields`, keyed by dotted path (`client.email`); or `idempotency_key_reused` (the key was used with a different request).',
        ),
        RateLimited: errorResponse('`rate_limited`: too many writes from this client; wait `Retry-After` seconds.', {
          'Retry-After': { $ref: '#/components/headers/RetryAfter' },
        }),
        InternalError: errorResponse('`internal_error`: something failed on the server; retrying may succeed.'),
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'Optional here; when sent, the first outcome for this key is stored for 24 hours and replayed to retries with the same request.',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
        IdempotencyKeyRequired: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description:
            'A new random value (e.g. a UUID) per logical submission, kept across its retries. The first outcome is stored for 24 hours and replayed; the same key with a different body is `422 idempotency_key_reused`.',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
        BookingId: pathId('id'),
      },
      headers: {
        IdempotentReplayed: {
          description: '`true` when this is the stored response to an earlier request with the same Idempotency-Key.',
          schema: { type: 'string', enum: ['true'] },
        },
        RetryAfter: { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 1 } },
      },
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'The `accessToken` returned when the booking was created. Send it in this header, never in a URL.',
        },
      },
    },
  };
}

function registrySchemas(entries: Record<string, z.core.$ZodType>, io: 'input' | 'output'): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(entries)) registry.add(schema, { id });
  const generated = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
    override: (ctx) => describeObject(ctx.zodSchema, ctx.jsonSchema as JsonSchema, io),
  }).schemas;
  for (const schema of Object.values(generated)) {
    delete schema.$schema;
    delete schema.$id;
  }
  return generated as Record<string, JsonSchema>;
}

function toJsonSchema(schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema {
  const generated = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  delete generated.$schema;
  return generated;
}

/** Responses stay open to new fields; requests are closed, as the server rejects unknown keys. */
function describeObject(zodSchema: z.core.$ZodType, jsonSchema: JsonSchema, io: 'input' | 'output'): void {
  if (zodSchema._zod.def.type !== 'object') return;
  if (io === 'output') {
    if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
  } else {
    jsonSchema.additionalProperties ??= false;
  }
}
