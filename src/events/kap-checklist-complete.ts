/** What `kap-checklist-complete` carries: the booking's id only. */
export interface KapChecklistCompleteDetail {
  /** Absent on a static page with no backend. */
  readonly bookingId?: string;
}

/** Fired once, when the last required item of the checklist is done and saved. */
export class KapChecklistCompleteEvent extends CustomEvent<KapChecklistCompleteDetail> {
  constructor(detail: KapChecklistCompleteDetail) {
    super('kap-checklist-complete', {
      bubbles: true,
      composed: true,
      detail: Object.freeze(detail.bookingId === undefined ? {} : { bookingId: detail.bookingId }),
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kap-checklist-complete': KapChecklistCompleteEvent;
  }
}
