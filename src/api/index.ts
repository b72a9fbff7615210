export * from './schemas.js';
export * from './errors.js';
export * from './client.js';
export { newIdempotencyKey } from './idempotency-key.js';
export * from './idempotent-write.js';
export * from './intake-submission.js';
