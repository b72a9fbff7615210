/** The building blocks every resource's part of the OpenAPI document uses. */
import * as z from 'zod/mini';

export type JsonSchema = Record<string, unknown>;

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

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: unknown) => ({ 'application/json': { schema } });
export const errorResponse = (description: string, headers?: Record<string, unknown>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: json(ref('ErrorBody')),
});
export const parameter = (name: string) => ({ $ref: `#/components/parameters/${name}` });
export const pathId = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string', minLength: 1 } });
export const bearer = () => [{ bearerAuth: [] }];
/** A success answer whose body is the named schema. */
export const success = (description: string, schema: string) => ({ description, content: json(ref(schema)) });
/** A write's success answer, which a retry with the same Idempotency-Key gets again, marked as replayed. */
export const replayable = (description: string, schema: string) => ({
  description,
  headers: { 'Idempotent-Replayed': { $ref: '#/components/headers/IdempotentReplayed' } },
  content: json(ref(schema)),
});

export const ERROR_STATUS = {
  BadRequest: '400',
  Unauthorized: '401',
  Forbidden: '403',
  NotFound: '404',
  Conflict: '409',
  PayloadTooLarge: '413',
  UnsupportedMediaType: '415',
  ValidationFailed: '422',
  RateLimited: '429',
  InternalError: '500',
} as const;
export type ErrorResponse = keyof typeof ERROR_STATUS;

/**
 * What every write can answer: a bad, too large or conflicting request, too many writes, a failure
 * (and 422 for a reused Idempotency-Key, or a body that fails validation).
 */
export const WRITE_ERRORS = ['BadRequest', 'Conflict', 'ValidationFailed', 'PayloadTooLarge', 'UnsupportedMediaType', 'RateLimited', 'InternalError'] as const;

/**
 * An operation's `responses`: its successes, then each named error response under its status.
 * Every request counts against a per-client budget (reads and writes apart), so every operation
 * can answer 429.
 */
export function responses(successes: Record<string, unknown>, ...errors: ErrorResponse[]): Record<string, unknown> {
  const answers: Record<string, unknown> = { ...successes };
  for (const name of [...errors, 'RateLimited' as const]) answers[ERROR_STATUS[name]] = { $ref: `#/components/responses/${name}` };
  return answers;
}

/** One zod schema as JSON Schema (2020-12). */
export function toJsonSchema(schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema {
  const generated = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  delete generated.$schema;
  return generated;
}
