/**
 * How a message leaves the server. The outbox worker hands each delivery's message to the
 * transport of its channel, so SMS or a provider's API is one more `Transport` and nothing in the
 * outbox changes. A transport throws `TransportError` with a short code (never a message that could
 * quote an address); `permanent` means trying again cannot help.
 */
export interface OutgoingEmail {
  /** The delivery's id: the same delivery sent again carries the same Message-ID, so a mail system can drop the copy. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: string }[];
}

export interface EmailTransport {
  /** Where messages go, for the start-up line: `smtp` or `dev-mailbox`. */
  readonly kind: string;
  send(message: OutgoingEmail): Promise<void>;
  close?(): Promise<void>;
}

export class TransportError extends Error {
  readonly code: string;
  readonly permanent: boolean;
  constructor(code: string, permanent = false) {
    super(code);
    this.name = 'TransportError';
    this.code = code;
    this.permanent = permanent;
  }
}

/** A short code for a failure, safe to store and show: no message text, which could quote an address. */
export function failureCode(error: unknown): string {
  if (error instanceof TransportError) return error.code;
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  const parts = [typeof code === 'string' ? code.slice(0, 40) : undefined, typeof responseCode === 'number' ? String(responseCode) : undefined];
  const known = parts.filter((part): part is string => part !== undefined);
  return known.length ? known.join(' ') : error instanceof Error ? error.name.slice(0, 40) : 'error';
}
