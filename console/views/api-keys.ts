/**
 * `<console-api-keys>`: the owner's API keys settings — every key (name, scopes, created, last
 * used, revoked), a form that creates one with a name and scopes (the contract's list, which the
 * server checks against) and shows its secret once with Copy and a warning that it will not be
 * shown again, and Revoke after a confirm step.
 */
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { ApiKey, ApiKeyCreatedResponse } from '../../src/api/staff.js';
import { API_KEY_SCOPE_NAMES, type ApiKeyScope } from '../../src/staff/roles.js';
import { ConsoleApiError } from '../api-client.js';
import { consoleStyles } from '../console.styles.js';
import { clinicTime } from '../format.js';
import { ConsoleView } from './console-view.js';
import { errorSummary, fieldError, formStyles, type FieldErrors } from './form-parts.js';
import type { ConsoleShownOnce } from './shown-once.js';
import './shown-once.js';

/** The first scope's checkbox: where the summary's "choose a scope" leads. */
const FIELDS = ['key-name', 'key-scope-0'] as const;

export class ConsoleApiKeys extends ConsoleView<ApiKey[]> {
  static override properties: PropertyDeclarations = {
    errors: { state: true },
    created: { state: true },
    confirming: { state: true },
    outcome: { state: true },
    busy: { state: true },
  };
  static override styles = [...consoleStyles, formStyles];
  declare errors: FieldErrors;
  /** The key just made, its secret shown this once. */
  declare created: ApiKeyCreatedResponse | undefined;
  /** The key whose Revoke awaits a yes. */
  declare confirming: ApiKey | undefined;
  declare outcome: string;
  declare busy: boolean;

  constructor() {
    super();
    this.errors = {};
    this.created = undefined;
    this.confirming = undefined;
    this.outcome = '';
    this.busy = false;
  }

  /** Shown by a choice in Settings' navigation: focus moves to its heading. */
  override firstUpdated() {
    void this.focusOn('#keys-heading');
  }

  protected override async fetch(): Promise<ApiKey[]> {
    return (await this.api.apiKeys()).apiKeys;
  }

  override render() {
    const t = this.t;
    return html`<section class="section" aria-labelledby="keys-heading">
      <h3 id="keys-heading" tabindex="-1">${t('apiKeysHeading')}</h3>
      <p class="hint">${t('apiKeysHint')}</p>
      ${this.loaded.name === 'ready' ? this.#ready(this.loaded.data) : this.loadingOrFailed()}
    </section>`;
  }

  #time(instant: string) {
    return clinicTime(instant, this.timeZone, this.lang);
  }

  #ready(keys: ApiKey[]) {
    const t = this.t;
    return html`${this.outcome ? html`<p class="notice notice--success" role="status">${this.outcome}</p>` : nothing}
      ${
        this.created
          ? html`<console-shown-once
            .t=${t}
            .heading=${t('apiKeySecretHeading', { name: this.created.apiKey.name })}
            .help=${t('apiKeySecretWarning')}
            .label=${t('apiKeySecretLabel')}
            .value=${this.created.secret}
          ></console-shown-once>`
          : nothing
      }
      ${
        keys.length === 0
          ? html`<p>${t('apiKeysEmpty')}</p>`
          : html`<table class="stack">
            <thead>
              <tr>
                <th scope="col">${t('apiKeyName')}</th>
                <th scope="col">${t('apiKeyScopes')}</th>
                <th scope="col">${t('apiKeyCreated')}</th>
                <th scope="col">${t('apiKeyLastUsed')}</th>
                <th scope="col">${t('apiKeyState')}</th>
                <th scope="col"><span class="visually-hidden">${t('staffActions')}</span></th>
              </tr>
            </thead>
            <tbody>
              ${keys.map(
                (key) => html`<tr data-key=${key.id}>
                  <th scope="row">${key.name}</th>
                  <td data-label=${t('apiKeyScopes')}>${key.scopes.map((scope) => t(`scope.${scope as ApiKeyScope}`)).join(', ')}</td>
                  <td data-label=${t('apiKeyCreated')}>${this.#time(key.createdAt)}</td>
                  <td data-label=${t('apiKeyLastUsed')}>${key.lastUsedAt ? this.#time(key.lastUsedAt) : t('apiKeyNeverUsed')}</td>
                  <td data-label=${t('apiKeyState')}>${key.revokedAt ? t('apiKeyRevokedAt', { time: this.#time(key.revokedAt) }) : t('apiKeyActive')}</td>
                  <td data-label=${t('staffActions')}>
                    ${
                      key.revokedAt
                        ? nothing
                        : html`<button class="button button--secondary" type="button" data-revoke=${key.id} aria-label=${t('apiKeyRevokeLabel', { name: key.name })} @click=${() => this.#askRevoke(key)}>
                          ${t('apiKeyRevoke')}
                        </button>`
                    }
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`
      }
      ${this.confirming ? this.#confirm(this.confirming) : nothing} ${this.#form()}`;
  }

  #confirm(key: ApiKey) {
    const t = this.t;
    return html`<section class="card" aria-labelledby="key-confirm-heading">
      <h4 id="key-confirm-heading" tabindex="-1">${t('apiKeyRevokeConfirm', { name: key.name })}</h4>
      ${this.errors['revoke'] ? html`<div class="notice notice--error" role="alert"><p>${this.errors['revoke']}</p></div>` : nothing}
      <p>${t('apiKeyRevokeWarning')}</p>
      <div class="actions">
        <button class="button" type="button" @click=${() => this.#revoke(key)}>${t('apiKeyRevokeYes')}</button>
        <button class="button button--secondary" type="button" @click=${() => this.#cancelRevoke(key)}>${t('confirmNo')}</button>
      </div>
    </section>`;
  }

  #form() {
    const t = this.t;
    const errors = this.errors;
    return html`<form class="card" aria-labelledby="key-add-heading" novalidate @submit=${this.#create}>
      <h4 id="key-add-heading">${t('apiKeyCreateHeading')}</h4>
      ${errorSummary(t, this.renderRoot, errors, FIELDS, 5)}
      <div class="field">
        <label for="key-name">${t('apiKeyName')}</label>
        <p class="hint" id="key-name-hint">${t('apiKeyNameHint')}</p>
        ${fieldError(t, 'key-name', errors['key-name'])}
        <input id="key-name" name="name" required maxlength="100" autocomplete="off"
          aria-invalid=${errors['key-name'] ? 'true' : 'false'} aria-describedby=${['key-name-hint', errors['key-name'] ? 'key-name-error' : ''].filter(Boolean).join(' ')} />
      </div>
      <fieldset class="field" aria-describedby=${errors['key-scope-0'] ? 'key-scope-0-error' : nothing}>
        <legend class="label">${t('apiKeyScopes')}</legend>
        ${fieldError(t, 'key-scope-0', errors['key-scope-0'])}
        ${API_KEY_SCOPE_NAMES.map(
          (scope, index) => html`<label class="actions" for="key-scope-${index}">
            <input id="key-scope-${index}" type="checkbox" name="scopes" value=${scope} /> ${t(`scope.${scope}`)}
          </label>`,
        )}
      </fieldset>
      <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t('apiKeyCreate')}</button>
    </form>`;
  }

  #create = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
    const scopes = [...form.querySelectorAll<HTMLInputElement>('input[name="scopes"]:checked')].map((box) => box.value as ApiKeyScope);
    const errors: FieldErrors = {};
    if (!name) errors['key-name'] = this.t('apiKeyNameMissing');
    else if (name.length > 100) errors['key-name'] = this.t('apiKeyNameTooLong');
    if (scopes.length === 0) errors['key-scope-0'] = this.t('apiKeyScopesMissing');
    if (Object.keys(errors).length > 0) return this.#showErrors(errors);
    this.#begin();
    try {
      const created = await this.api.createApiKey(name, scopes);
      form.reset();
      await this.#reread();
      this.created = created;
      await this.updateComplete;
      await this.renderRoot.querySelector<ConsoleShownOnce>('console-shown-once')?.focusHeading();
    } catch (error) {
      await this.#showErrors(
        error instanceof ConsoleApiError && error.status === 422 && error.fields['name']
          ? { 'key-name': this.t('apiKeyNameMissing') }
          : { form: this.message(error) },
      );
    } finally {
      this.busy = false;
    }
  };

  async #askRevoke(key: ApiKey) {
    this.confirming = key;
    this.errors = {};
    this.outcome = '';
    await this.focusOn('#key-confirm-heading');
  }

  async #cancelRevoke(key: ApiKey) {
    this.confirming = undefined;
    this.errors = {};
    await this.focusOn(`[data-revoke="${key.id}"]`);
  }

  async #revoke(key: ApiKey) {
    if (this.busy) return;
    this.#begin();
    try {
      await this.api.revokeApiKey(key.id);
      await this.#reread();
      this.confirming = undefined;
      this.outcome = this.t('apiKeyRevoked', { name: key.name });
      await this.focusOn('#keys-heading');
    } catch (error) {
      this.errors = { revoke: this.message(error) };
      await this.focusOn('#key-confirm-heading');
    } finally {
      this.busy = false;
    }
  }

  #begin() {
    this.busy = true;
    this.errors = {};
    this.outcome = '';
    this.created = undefined;
  }

  async #reread() {
    this.loaded = { name: 'ready', data: await this.fetch() };
  }

  async #showErrors(errors: FieldErrors) {
    this.errors = errors;
    await this.focusOn('.error-summary');
  }
}
if (!customElements.get('console-api-keys')) customElements.define('console-api-keys', ConsoleApiKeys);
