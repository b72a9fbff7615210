/**
 * Every failure the API answers is an `ApiError` rendered as the contract's envelope
 * `{"error": {"code", "message", "fields"?}}`. Messages are written for the person behind the
 * client and never echo what the client sent.
 */
import type { ErrorBody, ErrorCode } from '../src/api/schemas.js';
import type { StaffErrorCode } from '../src/api/staff.js';

export type ApiErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500;

export class ApiError extends Error {
  readonly status: ApiErrorStatus;
  readonly code: ErrorCode | StaffErrorCode;
  readonly fields: Record<string, string> | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: ApiErrorStatus,
    code: ErrorCode | StaffErrorCode,
    message: string,
    options: { fields?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = options.fields;
    this.headers = options.headers ?? {};
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
      },
    };
  }

  toResponse(): Response {
    return Response.json(this.toBody(), { status: this.status, headers: this.headers });
  }
}

export function validationFailed(fields: Record<string, string>, message?: string): ApiError {
  return new ApiError(422, 'validation_failed', message ?? 'Some details need correcting.', { fields });
}

export function notFound(message = 'Nothing is here.'): ApiError {
  return new ApiError(404, 'not_found', message);
}

export function slotUnavailable(): ApiError {
  return new ApiError(409, 'slot_unavailable', 'That time is no longer available. Please choose another time.');
}

export function internalError(): ApiError {
  return new ApiError(500, 'internal_error', 'Something went wrong on our side. Please try again.');
}

export function bookingCancelled(message: string): ApiError {
  return new ApiError(409, 'booking_cancelled', message);
}

/** 409: the session has already begun (or passed), so the client can no longer move it online. */
export function bookingStarted(message: string): ApiError {
  return new ApiError(409, 'booking_started', message);
}
