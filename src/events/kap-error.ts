import type { KapErrorKind } from '../api/errors.js';

/**
 * What `kap-error` carries: the kind of failure and the contract's error code. Never the error's
 * message, which may quote what the client typed.
 */
export interface KapErrorDetail {
  readonly kind: KapErrorKind;
  /** e.g. `slot_unavailable`, `hold_expired`, `invalid_api`, `unknown_service`. */
  readonly code?: string;
}

/** Fired whenever the element shows the client a failure, so a page can count or report it. */
export class KapErrorEvent extends CustomEvent<KapErrorDetail> {
  constructor(detail: KapErrorDetail) {
    super('kap-error', {
      bubbles: true,
      composed: true,
      detail: Object.freeze(detail.code === undefined ? { kind: detail.kind } : { kind: detail.kind, code: detail.code }),
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kap-error': KapErrorEvent;
  }
}
