/** The OpenAPI paths of intake: forms, responses and safety signals. */
import { bearer, json, parameter, pathId, ref, replayable, responses, WRITE_ERRORS, type OpenApiOperation } from './parts.js';

export const INTAKE_PATHS: Record<string, Record<string, OpenApiOperation>> = {
  '/forms/{id}': {
    get: {
      operationId: 'getForm',
      summary: 'An intake form definition',
      description:
        'The version of the form published last, as the clinic wrote it; the element checks it with `parseFormDefinition()`. Its schema is ' +
        'published separately as `form-definition.schema.json` (kap-elements `dist/`). A form with only a draft, or none, is `404`.',
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
        'so ids cannot be probed. Without `booking` no token is needed. The answers are checked and scored against the ' +
        'form `version` they name (the one published last without `version`), however old, as long as it was published: ' +
        'an unknown or unpublished form or version is `404`. The response is stored with its form id and version.',
      tags: ['intake'],
      parameters: [parameter('IdempotencyKeyRequired')],
      requestBody: { required: true, content: json(ref('IntakeSubmission')) },
      security: [{}, { bearerAuth: [] }],
      responses: responses(
        { '201': replayable('The stored response’s id and time; never answers or scores.', 'IntakeResponseCreated') },
        'Unauthorized',
        'NotFound',
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
};
