/**
 * `<console-webhooks>`: the owner's webhook endpoints in Settings — every endpoint (address,
 * events, status, when its secret was made) with New secret (shown once; the old one signs beside
 * it for 24 hours), Disable, Delete after a confirm step, and its delivery log (event, status,
 * tries, last error, next try) with Send again for a finished delivery; a form adds an endpoint
 * (address, events) and shows its signing secret once.
 */
import { html, nothing, type PropertyDeclarations } from 'lit';
import { WEBHOOK_EVENT_TYPES, type WebhookEndpoint } from '../../src/api/staff.js';
import type { NotificationDeliveriesResponse } from '../../src/api/staff.js';
import { ConsoleApiError } from '../api-client.js';
import { consoleStyles } from '../console.styles.js';
import { clinicTime } from '../format.js';
import type { ConsoleKey } from '../i18n/index.js';
import { ConsoleView } from './console-view.js';
import { errorSummary, fieldError, formStyles, type FieldErrors } from './form-parts.js';
import type { ConsoleShownOnce } from './shown-once.js';
import './shown-once.js';

const FIELDS = ['hook-url', 'hook-event-0'] as const;
type Delivery = NotificationDeliveriesResponse['deliveries'][number];

export class ConsoleWebhooks extends ConsoleView<WebhookEndpoint[]> {
  static override properties: PropertyDeclarations = {
    errors: { state: true },
    secret: { state: true },
    confirming: { state: true },
    log: { state: true },
    outcome: { state: true },
    busy: { state: true },
  };
  static override styles = [...consoleStyles, formStyles];
  declare errors: FieldErrors;
  /** A secret just made (creation or New secret), shown this once. */
  declare secret: { url: string; value: string } | undefined;
  /** The endpoint whose Delete awaits a yes. */
  declare confirming: WebhookEndpoint | undefined;
  /** The endpoint whose delivery log is open, with its deliveries. */
  declare log: { endpoint: WebhookEndpoint; deliveries: Delivery[] } | undefined;
  declare outcome: string;
  declare busy: boolean;

  constructor() {
    super();
    this.errors = {};
    this.secret = undefined;
    this.confirming = undefined;
    this.log = undefined;
    this.outcome = '';
    this.busy = false;
  }

  /** Shown by a choice in Settings' navigation: focus moves to its heading. */
  override firstUpdated() {
    void this.focusOn('#hooks-heading');
  }

  protected override async fetch(): Promise<WebhookEndpoint[]> {
    return (await this.api.webhooks()).webhooks;
  }

  override render() {
    const t = this.t;
    return html`<section class="section" aria-labelledby="hooks-heading">
      <h3 id="hooks-heading" tabindex="-1">${t('webhooksHeading')}</h3>
      <p class="hint">${t('webhooksHint')}</p>
      ${this.loaded.name === 'ready' ? this.#ready(this.loaded.data) : this.loadingOrFailed()}
    </section>`;
  }

  #time(instant: string) {
    return clinicTime(instant, this.timeZone, this.lang);
  }

  /** An event's name in words; every type of the contract has its words (the typecheck says when one lacks them). */
  #event(type: string) {
    if (!isWebhookEventType(type)) return type;
    return this.t(`webhookEvent.${type}` satisfies ConsoleKey);
  }

  #ready(endpoints: WebhookEndpoint[]) {
    const t = this.t;
    return html`${this.outcome ? html`<p class="notice notice--success" role="status">${this.outcome}</p>` : nothing}
      ${this.errors['action'] ? html`<div class="notice notice--error" role="alert"><p>${this.errors['action']}</p></div>` : nothing}
      ${
        this.secret
          ? html`<console-shown-once
            .t=${t}
            .heading=${t('webhookSecretHeading', { url: this.secret.url })}
            .help=${t('webhookSecretWarning')}
            .label=${t('webhookSecretLabel')}
            .value=${this.secret.value}
          ></console-shown-once>`
          : nothing
      }
      ${
        endpoints.length === 0
          ? html`<p>${t('webhooksEmpty')}</p>`
          : html`<table class="stack">
            <thead>
              <tr>
                <th scope="col">${t('webhookUrl')}</th>
                <th scope="col">${t('webhookEvents')}</th>
                <th scope="col">${t('webhookState')}</th>
                <th scope="col">${t('webhookSecretMade')}</th>
                <th scope="col"><span class="visually-hidden">${t('staffActions')}</span></th>
              </tr>
            </thead>
            <tbody>
              ${endpoints.map(
                (endpoint) => html`<tr data-hook=${endpoint.id}>
                  <th scope="row">${endpoint.url}</th>
                  <td data-label=${t('webhookEvents')}>${endpoint.events.map((type) => this.#event(type)).join(', ')}</td>
                  <td data-label=${t('webhookState')}>${endpoint.state === 'active' ? t('webhookActive') : t('webhookDisabled')}</td>
                  <td data-label=${t('webhookSecretMade')}>${this.#time(endpoint.secretCreatedAt)}</td>
                  <td data-label=${t('staffActions')}>
                    <div class="actions">
                      <button class="button button--secondary" type="button" data-log=${endpoint.id} aria-label=${t('webhookLogLabel', { url: endpoint.url })} @click=${() => this.#openLog(endpoint)}>
                        ${t('webhookLog')}
                      </button>
                      ${
                        endpoint.state === 'active'
                          ? html`<button class="button button--secondary" type="button" aria-label=${t('webhookRotateLabel', { url: endpoint.url })} @click=${() => this.#rotate(endpoint)}>
                              ${t('webhookRotate')}
                            </button>
                            <button class="button button--secondary" type="button" aria-label=${t('webhookDisableLabel', { url: endpoint.url })} @click=${() => this.#disable(endpoint)}>
                              ${t('webhookDisable')}
                            </button>`
                          : nothing
                      }
                      <button class="button button--secondary" type="button" data-delete=${endpoint.id} aria-label=${t('webhookDeleteLabel', { url: endpoint.url })} @click=${() => this.#askDelete(endpoint)}>
                        ${t('webhookDelete')}
                      </button>
                    </div>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`
      }
      ${this.confirming ? this.#confirm(this.confirming) : nothing} ${this.log ? this.#log(this.log.endpoint, this.log.deliveries) : nothing} ${this.#form()}`;
  }

  #confirm(endpoint: WebhookEndpoint) {
    const t = this.t;
    return html`<section class="card" aria-labelledby="hook-confirm-heading">
      <h4 id="hook-confirm-heading" tabindex="-1">${t('webhookDeleteConfirm', { url: endpoint.url })}</h4>
      <p>${t('webhookDeleteWarning')}</p>
      <div class="actions">
        <button class="button" type="button" @click=${() => this.#delete(endpoint)}>${t('webhookDeleteYes')}</button>
        <button class="button button--secondary" type="button" @click=${() => this.#cancelDelete(endpoint)}>${t('confirmNo')}</button>
      </div>
    </section>`;
  }

  #log(endpoint: WebhookEndpoint, deliveries: Delivery[]) {
    const t = this.t;
    return html`<section class="card" aria-labelledby="hook-log-heading">
      <h4 id="hook-log-heading" tabindex="-1">${t('webhookLogHeading', { url: endpoint.url })}</h4>
      ${
        deliveries.length === 0
          ? html`<p>${t('webhookLogEmpty')}</p>`
          : html`<table class="stack">
            <thead>
              <tr>
                <th scope="col">${t('webhookLogEvent')}</th>
                <th scope="col">${t('webhookState')}</th>
                <th scope="col">${t('webhookLogAttempts')}</th>
                <th scope="col">${t('webhookLogError')}</th>
                <th scope="col">${t('webhookLogNext')}</th>
                <th scope="col"><span class="visually-hidden">${t('staffActions')}</span></th>
              </tr>
            </thead>
            <tbody>
              ${deliveries.map(
                (delivery) => html`<tr data-delivery=${delivery.id}>
                  <th scope="row">${this.#event(delivery.event.type)} · ${this.#time(delivery.event.occurredAt)}</th>
                  <td data-label=${t('webhookState')}>${t(`webhookDelivery.${delivery.state}` as ConsoleKey)}</td>
                  <td data-label=${t('webhookLogAttempts')}>${delivery.attempts}</td>
                  <td data-label=${t('webhookLogError')}>${delivery.error ?? '—'}</td>
                  <td data-label=${t('webhookLogNext')}>${delivery.state === 'pending' ? this.#time(delivery.nextAttemptAt) : '—'}</td>
                  <td data-label=${t('staffActions')}>
                    ${
                      delivery.state === 'delivered' || delivery.state === 'failed' || delivery.state === 'skipped'
                        ? html`<button class="button button--secondary" type="button" aria-label=${t('webhookReplayLabel', { event: this.#event(delivery.event.type) })}
                            @click=${() => this.#replay(endpoint, delivery)}>${t('webhookReplay')}</button>`
                        : nothing
                    }
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`
      }
    </section>`;
  }

  #form() {
    const t = this.t;
    const errors = this.errors;
    return html`<form class="card" aria-labelledby="hook-add-heading" novalidate @submit=${this.#create}>
      <h4 id="hook-add-heading">${t('webhookCreateHeading')}</h4>
      ${errorSummary(t, this.renderRoot, errors, FIELDS, 5)}
      <div class="field">
        <label for="hook-url">${t('webhookUrl')}</label>
        <p class="hint" id="hook-url-hint">${t('webhookUrlHint')}</p>
        ${fieldError(t, 'hook-url', errors['hook-url'])}
        <input id="hook-url" name="url" type="url" required maxlength="2000" autocomplete="off" spellcheck="false"
          aria-invalid=${errors['hook-url'] ? 'true' : 'false'} aria-describedby=${['hook-url-hint', errors['hook-url'] ? 'hook-url-error' : ''].filter(Boolean).join(' ')} />
      </div>
      <fieldset class="field" aria-describedby=${errors['hook-event-0'] ? 'hook-event-0-error' : nothing}>
        <legend class="label">${t('webhookEvents')}</legend>
        ${fieldError(t, 'hook-event-0', errors['hook-event-0'])}
        ${WEBHOOK_EVENT_TYPES.map(
          (type, index) => html`<label class="actions" for="hook-event-${index}">
            <input id="hook-event-${index}" type="checkbox" name="events" value=${type} /> ${this.#event(type)}
          </label>`,
        )}
      </fieldset>
      <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t('webhookCreate')}</button>
    </form>`;
  }

  #create = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const url = (form.elements.namedItem('url') as HTMLInputElement).value.trim();
    const events = [...form.querySelectorAll<HTMLInputElement>('input[name="events"]:checked')].map((box) => box.value);
    const errors: FieldErrors = {};
    if (!url) errors['hook-url'] = this.t('webhookUrlMissing');
    if (events.length === 0) errors['hook-event-0'] = this.t('webhookEventsMissing');
    if (Object.keys(errors).length > 0) return this.#showErrors(errors);
    this.#begin();
    try {
      const created = await this.api.createWebhook(url, events);
      form.reset();
      await this.#reread();
      await this.#showSecret(created.webhook.url, created.secret);
    } catch (error) {
      // The server's own words for a refused address (not https, private, unknown host).
      const refusal = error instanceof ConsoleApiError && error.status === 422 ? error.fields['url'] : undefined;
      await this.#showErrors(refusal ? { 'hook-url': refusal } : { form: this.message(error) });
    } finally {
      this.busy = false;
    }
  };

  async #rotate(endpoint: WebhookEndpoint) {
    await this.#act(async () => {
      const rotated = await this.api.rotateWebhook(endpoint.id);
      await this.#reread();
      await this.#showSecret(endpoint.url, rotated.secret);
    });
  }

  async #disable(endpoint: WebhookEndpoint) {
    await this.#act(async () => {
      await this.api.disableWebhook(endpoint.id);
      await this.#reread();
      this.outcome = this.t('webhookDisabledNotice', { url: endpoint.url });
      await this.focusOn('#hooks-heading');
    });
  }

  async #openLog(endpoint: WebhookEndpoint) {
    await this.#act(async () => {
      this.log = { endpoint, deliveries: (await this.api.webhookDeliveries(endpoint.id)).deliveries };
      await this.focusOn('#hook-log-heading');
    });
  }

  async #replay(endpoint: WebhookEndpoint, delivery: Delivery) {
    await this.#act(async () => {
      await this.api.replayWebhookDelivery(endpoint.id, delivery.id);
      this.log = { endpoint, deliveries: (await this.api.webhookDeliveries(endpoint.id)).deliveries };
      this.outcome = this.t('webhookReplayed');
      await this.focusOn('#hooks-heading');
    });
  }

  async #askDelete(endpoint: WebhookEndpoint) {
    this.confirming = endpoint;
    this.errors = {};
    this.outcome = '';
    await this.focusOn('#hook-confirm-heading');
  }

  async #cancelDelete(endpoint: WebhookEndpoint) {
    this.confirming = undefined;
    await this.focusOn(`[data-delete="${endpoint.id}"]`);
  }

  async #delete(endpoint: WebhookEndpoint) {
    await this.#act(async () => {
      await this.api.deleteWebhook(endpoint.id);
      this.confirming = undefined;
      if (this.log?.endpoint.id === endpoint.id) this.log = undefined;
      await this.#reread();
      this.outcome = this.t('webhookDeleted', { url: endpoint.url });
      await this.focusOn('#hooks-heading');
    });
  }

  /** One action on an endpoint: its failure is said at the top of the section. */
  async #act(action: () => Promise<void>) {
    if (this.busy) return;
    this.#begin();
    try {
      await action();
    } catch (error) {
      this.errors = { action: this.message(error) };
      await this.focusOn('#hooks-heading');
    } finally {
      this.busy = false;
    }
  }

  async #showSecret(url: string, value: string) {
    this.secret = { url, value };
    await this.updateComplete;
    await this.renderRoot.querySelector<ConsoleShownOnce>('console-shown-once')?.focusHeading();
  }

  #begin() {
    this.busy = true;
    this.errors = {};
    this.outcome = '';
    this.secret = undefined;
  }

  async #reread() {
    this.loaded = { name: 'ready', data: await this.fetch() };
  }

  async #showErrors(errors: FieldErrors) {
    this.errors = errors;
    await this.focusOn('.error-summary');
  }
}
if (!customElements.get('console-webhooks')) customElements.define('console-webhooks', ConsoleWebhooks);

function isWebhookEventType(type: string): type is (typeof WEBHOOK_EVENT_TYPES)[number] {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);
}
