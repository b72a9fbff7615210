/**
 * What `kap-intake-page` carries: where the client is in the form, as numbers only — never the
 * page's questions or answers. Both count the form definition's pages, shown or not: the pages
 * shown depend on the answers, which listeners must not be able to infer.
 */
export interface KapIntakePageDetail {
  /** The page shown, by its place in the definition (from 1); `pageCount + 1` is check-your-answers. */
  readonly page: number;
  /** How many pages the form definition has (including any a condition hides). */
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
