/** What `kap-slot-select` carries: the service id and the held slot's instants, nothing else. */
export interface KapSlotSelectDetail {
  /** The service id, e.g. `consultation`. */
  readonly service: string;
  /** ISO 8601 instant in UTC. */
  readonly start: string;
  /** ISO 8601 instant in UTC. */
  readonly end: string;
}

/** Fired when the client has chosen a time and the clinic is holding it for them. */
export class KapSlotSelectEvent extends CustomEvent<KapSlotSelectDetail> {
  constructor(detail: KapSlotSelectDetail) {
    super('kap-slot-select', {
      bubbles: true,
      composed: true,
      detail: Object.freeze({ service: detail.service, start: detail.start, end: detail.end }),
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kap-slot-select': KapSlotSelectEvent;
  }
}
