/**
 * The largest request body, checked before it is read: 32 KB, but for intake answers, whose limit
 * the served forms set (every answer a form allows fits: `FormStore.maxSubmissionBytes`).
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../api-error.js';
import type { FormStore } from '../stores/types.js';

/** Largest accepted request body, but for intake answers. */
export const MAX_BODY_BYTES = 32 * 1024;

export function bodyLimits(forms: FormStore): MiddlewareHandler {
  const smallBody = limit(MAX_BODY_BYTES);
  const intakeBodies = new Map<number, MiddlewareHandler>();
  return async (c, next) => {
    if (c.req.path !== '/intake-responses') return smallBody(c, next);
    const maxSize = await forms.maxSubmissionBytes();
    let intakeBody = intakeBodies.get(maxSize);
    if (!intakeBody) {
      intakeBody = limit(maxSize);
      intakeBodies.set(maxSize, intakeBody);
    }
    return intakeBody(c, next);
  };
}

function limit(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `The request body is larger than ${Math.ceil(maxSize / 1024)} KB.`);
    },
  });
}
