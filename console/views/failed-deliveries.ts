/**
 * `<console-failed-deliveries>`: the owner's failed deliveries in Settings — each email or webhook
 * the outbox gave up on (`GET staff/notifications/failed`): the event, whom it was for (an email to
 * the client, to a member of staff, an escalation to an owner, or a webhook — never an address),
 * the attempts, the last error's code and when the event happened, with Try again
 * (`POST staff/notifications/{id}/retry`): the delivery waits to be sent again and leaves the list.
 */
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { NotificationDeliveriesResponse } from '../../src/api/staff.js';
import { consoleStyles } from '../console.styles.js';
import { clinicTime } from '../format.js';
import type { ConsoleKey } from '../i18n/index.js';
import { ConsoleView } from './console-view.js';

type Delivery = NotificationDeliveriesResponse['deliveries'][number];

/** The words for whom a delivery was for, from its destination's name. */
export function destinationKind(destination: string): ConsoleKey {
  if (destination === 'email:client') return 'deliveryToClient';
  if (/^email:staff:[^:]+:escalation$/.test(destination)) return 'deliveryToEscalation';
  if (destination.startsWith('email:staff:')) return 'deliveryToStaff';
  if (destination.startsWith('webhook:')) return 'deliveryToWebhook';
  return 'deliveryToOther';
}

export class ConsoleFailedDeliveries extends ConsoleView<Delivery[]> {
  static override properties: PropertyDeclarations = {
    outcome: { state: true },
    problem: { state: true },
    busy: { state: true },
  };
  static override styles = consoleStyles;
  declare outcome: string;
  declare problem: string;
  declare busy: boolean;

  constructor() {
    super();
    this.outcome = '';
    this.problem = '';
    this.busy = false;
  }

  /** Shown by a choice in Settings' navigation: focus moves to its heading. */
  override firstUpdated() {
    void this.focusOn('#failed-heading');
  }

  protected override async fetch(): Promise<Delivery[]> {
    return (await this.api.failedDeliveries()).deliveries;
  }

  override render() {
    const t = this.t;
    return html`<section class="section" aria-labelledby="failed-heading">
      <h3 id="failed-heading" tabindex="-1">${t('failedHeading')}</h3>
      <p class="hint">${t('failedHint')}</p>
      ${this.outcome ? html`<p class="notice notice--success" role="status">${this.outcome}</p>` : nothing}
      ${this.problem ? html`<div class="notice notice--error" role="alert"><p>${this.problem}</p></div>` : nothing}
      ${this.loaded.name === 'ready' ? this.#ready(this.loaded.data) : this.loadingOrFailed()}
    </section>`;
  }

  #event(type: string) {
    return this.t(`webhookEvent.${type}` as ConsoleKey);
  }

  #ready(deliveries: Delivery[]) {
    const t = this.t;
    if (deliveries.length === 0) return html`<p>${t('failedEmpty')}</p>`;
    return html`<table class="stack">
      <thead>
        <tr>
          <th scope="col">${t('webhookLogEvent')}</th>
          <th scope="col">${t('failedTo')}</th>
          <th scope="col">${t('webhookLogAttempts')}</th>
          <th scope="col">${t('webhookLogError')}</th>
          <th scope="col">${t('failedWhen')}</th>
          <th scope="col"><span class="visually-hidden">${t('staffActions')}</span></th>
        </tr>
      </thead>
      <tbody>
        ${deliveries.map(
          (delivery) => html`<tr data-delivery=${delivery.id}>
            <th scope="row">${this.#event(delivery.event.type)}</th>
            <td data-label=${t('failedTo')}>${t(destinationKind(delivery.destination))}</td>
            <td data-label=${t('webhookLogAttempts')}>${delivery.attempts}</td>
            <td data-label=${t('webhookLogError')}><code>${delivery.error ?? '—'}</code></td>
            <td data-label=${t('failedWhen')}>${clinicTime(delivery.event.occurredAt, this.timeZone, this.lang)}</td>
            <td data-label=${t('staffActions')}>
              <button class="button button--secondary" type="button" data-retry=${delivery.id}
                aria-label=${t('failedRetryLabel', { event: this.#event(delivery.event.type), to: t(destinationKind(delivery.destination)) })}
                @click=${() => this.#retry(delivery)}>${t('failedRetry')}</button>
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  async #retry(delivery: Delivery) {
    if (this.busy) return;
    this.busy = true;
    this.outcome = '';
    this.problem = '';
    try {
      await this.api.retryDelivery(delivery.id);
      this.loaded = { name: 'ready', data: (await this.api.failedDeliveries()).deliveries };
      this.outcome = this.t('failedRetried', { event: this.#event(delivery.event.type) });
    } catch (error) {
      this.problem = this.message(error);
    } finally {
      this.busy = false;
    }
    await this.focusOn('#failed-heading');
  }
}
if (!customElements.get('console-failed-deliveries')) customElements.define('console-failed-deliveries', ConsoleFailedDeliveries);
