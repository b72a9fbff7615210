/** The OpenAPI paths for operators and tools: health and this document. */
import { json, responses, type OpenApiOperation } from './parts.js';

export const OPERATION_PATHS: Record<string, Record<string, OpenApiOperation>> = {
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
      responses: responses({
        '200': {
          description: 'The OpenAPI 3.1 document.',
          content: json({ type: 'object', required: ['openapi', 'paths'] }),
        },
      }),
    },
  },
};
