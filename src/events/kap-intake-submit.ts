/** What `kap-intake-submit` carries: the stored response's id, nothing else (no answers, no scores). */
export interface KapIntakeSubmitDetail {
  readonly responseId: string;
}

/** Fired once the backend has stored the intake. */
export class KapIntakeSubmitEvent extends CustomEvent<KapIntakeSubmitDetail> {
  constructor(detail: KapIntakeSubmitDetail) {
    super('kap-intake-submit', {
      bubbles: true,
      composed: true,
      detail: Object.freeze({ responseId: detail.responseId }),
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kap-intake-submit': KapIntakeSubmitEvent;
  }
}
