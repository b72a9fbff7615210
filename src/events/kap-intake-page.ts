/**
 * What `kap-intake-page` carries: where the client is in the form, as numbers only — never the
 * page's questions or answers.
 */
export interface KapIntakePageDetail {
  /** The step shown, from 1 to `pageCount`; `pageCount + 1` is the check-your-answers page. */
  readonly page: number;
  /** How many pages of questions the client goes through with their answers so far. */
  readonly pageCount: number;
}

/** Fired each time the intake shows a page (the first one included). */
export class KapIntakePageEvent extends CustomEvent<KapIntakePageDetail> {
  constructor(detail: KapIntakePageDetail) {
    super('kap-intake-page', {
      bubbles: true,
      composed: true,
      detail: Object.freeze({ page: detail.page, pageCount: detail.pageCount }),
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kap-intake-page': KapIntakePageEvent;
  }
}
