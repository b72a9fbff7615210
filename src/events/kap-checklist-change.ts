/** What `kap-checklist-change` carries: the item's id, its state and the counts — never its text. */
export interface KapChecklistChangeDetail {
  /** The booking the checklist belongs to; absent on a static page with no backend. */
  readonly bookingId?: string;
  /** The item's id from the checklist definition, e.g. `fast`. */
  readonly itemId: string;
  readonly done: boolean;
  /** How many items are done now. */
  readonly doneCount: number;
  /** How many items the checklist has. */
  readonly total: number;
}

/** Fired when a checklist item has been checked or unchecked and the change is saved. */
export class KapChecklistChangeEvent extends CustomEvent<KapChecklistChangeDetail> {
  constructor(detail: KapChecklistChangeDetail) {
    super('kap-checklist-change', {
      bubbles: true,
      composed: true,
      detail: Object.freeze({
        ...(detail.bookingId === undefined ? {} : { bookingId: detail.bookingId }),
        itemId: detail.itemId,
        done: detail.done,
        doneCount: detail.doneCount,
        total: detail.total,
      }),
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kap-checklist-change': KapChecklistChangeEvent;
  }
}
