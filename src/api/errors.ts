/**
 * The typed error taxonomy every element turns into words a client understands. Each failure of
 * a request becomes exactly one `KapApiError` with a `kind`; elements switch on `kind`, never on
 * HTTP status codes or message text.
 */
export type KapErrorKind =
  /** The request never reached the server or no answer came back (offline, DNS, CORS). */
  | 'network'
  /** No answer within the timeout. */
  | 'timeout'
  /** 429: the backend asks us to slow down; `retryAfterMs` says for how long. */
  | 'rate_limited'
  /** 422/400 with per-field messages in `fields` (keyed by dotted path, e.g. `client.email`). */
  | 'validation'
  /** 409: `slot_unavailable`, `hold_expired`, `request_in_progress`; see `code`. */
  | 'conflict'
  /** 401/403: missing, wrong or expired access token. */
  | 'unauthorized'
  /** 404. */
  | 'not_found'
  /** 5xx. */
  | 'server'
  /** The backend answered something that does not match the contract. */
  | 'bad_response'
  /** The element is set up wrongly (missing or unsafe `api`, unknown service…). */
  | 'configuration';

export interface KapApiErrorInit {
  kind: KapErrorKind;
  /** The contract's error code when the backend sent one (`slot_unavailable`…). */
  code?: string;
  status?: number;
  fields?: Record<string, string>;
  retryAfterMs?: number;
  cause?: unknown;
}

export class KapApiError extends Error {
  readonly kind: KapErrorKind;
  readonly code: string | undefined;
  readonly status: number | undefined;
  readonly fields: Record<string, string>;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, init: KapApiErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'KapApiError';
    this.kind = init.kind;
    this.code = init.code;
    this.status = init.status;
    this.fields = init.fields ?? {};
    this.retryAfterMs = init.retryAfterMs;
  }

  /** Whether trying the same request again later can succeed. */
  get retryable(): boolean {
    return ['network', 'timeout', 'rate_limited', 'server'].includes(this.kind);
  }
}

export function isKapApiError(value: unknown): value is KapApiError {
  return value instanceof KapApiError;
}
