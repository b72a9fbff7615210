/**
 * The contract's endpoints that send what a client submits: a booking, a move, a cancel, an intake,
 * a request for their links. Apart from endpoints.ts so that a drop-in file carries none of them on
 * its first screen: each comes with the step that sends it (in the drop-in files, a chunk).
 */
import type { ApiConnection } from './connection.js';
import { request } from './endpoints.js';
import {
  BookingCreatedResponse as BookingCreatedResponseSchema,
  BookingResponse as BookingResponseSchema,
  IntakeResponseCreated as IntakeResponseCreatedSchema,
} from './generated/contract.js';
import type { IntakeSubmission } from './intake-submission.js';
import type { Booking, BookingCreatedResponse, BookingRequest, EmailLinksRequest, IntakeResponse, RescheduleRequest } from './schemas.js';
import type { WriteOptions } from './transport.js';

/** `POST bookings`; resolves with the booking and its access token. */
export function createBooking(api: ApiConnection, body: BookingRequest, opts: WriteOptions): Promise<BookingCreatedResponse> {
  return request(api, { method: 'POST', segments: ['bookings'], body, idempotencyKey: opts.idempotencyKey, schema: BookingCreatedResponseSchema }, opts);
}

/**
 * `POST booking-access/email-links {email}`, "Email me my links": `202 {}` whatever the address,
 * so there is nothing to read back. The address travels only in the body.
 */
export function requestEmailLinks(api: ApiConnection, body: EmailLinksRequest, opts: WriteOptions): Promise<undefined> {
  return request<undefined>(api, { method: 'POST', segments: ['booking-access', 'email-links'], body, idempotencyKey: opts.idempotencyKey }, opts);
}

/** `POST bookings/{id}/cancel` with the booking's bearer token; the body is `{}`. */
export async function cancelBooking(api: ApiConnection, id: string, token: string, opts: WriteOptions): Promise<Booking> {
  const res = await request(
    api,
    { method: 'POST', segments: ['bookings', id, 'cancel'], body: {}, token, idempotencyKey: opts.idempotencyKey, schema: BookingResponseSchema },
    opts,
  );
  return res.booking;
}

/** `POST bookings/{id}/reschedule`: moves the booking to another free slot, atomically. */
export async function rescheduleBooking(api: ApiConnection, id: string, token: string, body: RescheduleRequest, opts: WriteOptions): Promise<Booking> {
  const res = await request(
    api,
    { method: 'POST', segments: ['bookings', id, 'reschedule'], body, token, idempotencyKey: opts.idempotencyKey, schema: BookingResponseSchema },
    opts,
  );
  return res.booking;
}

/**
 * `POST intake-responses`: stores one intake; resolves with the response's id and time. When
 * `body.booking` links it to a booking, `opts.token` must be that booking's bearer token.
 */
export async function submitIntake(api: ApiConnection, body: IntakeSubmission, opts: WriteOptions & { token?: string }): Promise<IntakeResponse> {
  const res = await request(
    api,
    { method: 'POST', segments: ['intake-responses'], body, idempotencyKey: opts.idempotencyKey, token: opts.token, schema: IntakeResponseCreatedSchema },
    opts,
  );
  return res.response;
}
