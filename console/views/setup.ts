/**
 * `<console-setup>`: the one-time set-up link (`/console/setup#token=…`). The token is read from the
 * fragment (never sent in a URL) and the server proposes a TOTP secret, shown as text and as a QR
 * code drawn here; the person sets a password and, where the role needs it, enters a current
 * code. The recovery codes are shown once, then "Go to sign in" fires `setup-done`.
 */
import { LitElement, html, nothing } from 'lit';
import type { SetupCompleteResponse, SetupStartResponse } from '../../src/api/staff.js';
import { ConsoleApiError, type ConsoleApi } from '../api-client.js';
import { consoleStyles } from '../console.styles.js';
import type { Translate } from '../i18n/index.js';
import '../qr-code.js';
import { roleWord } from './role-word.js';

type State =
  { name: 'loading' } | { name: 'invalid'; message: string } | { name: 'form'; start: SetupStartResponse } | { name: 'done'; result: SetupCompleteResponse };

export class ConsoleSetup extends LitElement {
  static override properties = {
    api: { attribute: false },
    t: { attribute: false },
    token: {},
    state: { state: true },
    errors: { state: true },
    busy: { state: true },
  };
  static override styles = consoleStyles;
  declare api: ConsoleApi;
  declare t: Translate;
  declare token: string;
  declare state: State;
  declare errors: Record<string, string>;
  declare busy: boolean;

  constructor() {
    super();
    this.token = '';
    this.state = { name: 'loading' };
    this.errors = {};
    this.busy = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#start();
  }

  async #start() {
    if (!this.token) {
      this.state = { name: 'invalid', message: this.t('setupLinkMissing') };
      return;
    }
    try {
      this.state = { name: 'form', start: await this.api.setupStart(this.token) };
    } catch (error) {
      this.state = {
        name: 'invalid',
        message: error instanceof ConsoleApiError && error.status === 401 ? this.t('setupLinkInvalid') : this.t('errorUnexpected'),
      };
    }
  }

  override render() {
    const t = this.t;
    return html`<div part="base">
      <h1 tabindex="-1" class="heading--top">${t('setupHeading')}</h1>
      ${this.#body()}
    </div>`;
  }

  #body() {
    const t = this.t;
    const state = this.state;
    if (state.name === 'loading') return html`<p role="status">${t('loading')}</p>`;
    if (state.name === 'invalid') return html`<div class="notice notice--error" role="alert"><p>${state.message}</p></div>`;
    if (state.name === 'done') {
      const codes = state.result.recoveryCodes;
      return html`<p class="notice notice--success" role="status">${t('setupDone')}</p>
        ${
          codes.length
            ? html`<h2 class="heading--sub">${t('recoveryCodesHeading')}</h2>
              <p>${t('recoveryCodesHelp')}</p>
              <ul class="code-list">${codes.map((code) => html`<li>${code}</li>`)}</ul>`
            : nothing
        }
        <button class="button" type="button" @click=${() => this.dispatchEvent(new CustomEvent('setup-done', { bubbles: true, composed: true }))}>${t('goToSignIn')}</button>`;
    }
    const { start } = state;
    const error = (name: string) =>
      this.errors[name]
        ? html`<p class="error-message" id="${name}-error"><span class="visually-hidden">${t('errorPrefix')}</span> ${this.errors[name]}</p>`
        : nothing;
    const describedBy = (name: string, hint: string) => [hint, this.errors[name] ? `${name}-error` : ''].filter(Boolean).join(' ');
    return html`<p>${t('setupFor', { email: start.email, role: roleWord(t, start.role) })}</p>
      ${this.errors['form'] ? html`<div class="notice notice--error" role="alert"><p>${this.errors['form']}</p></div>` : nothing}
      <form @submit=${this.#submit} novalidate>
        <div class="field">
          <label for="password">${t('newPassword')}</label>
          <p class="hint" id="password-hint">${t('newPasswordHint')}</p>
          ${error('password')}
          <input id="password" name="password" type="password" autocomplete="new-password" required aria-describedby=${describedBy('password', 'password-hint')} aria-invalid=${this.errors['password'] ? 'true' : 'false'} />
        </div>
        <fieldset class="card">
          <legend class="label">${t('setupSecondFactor')}</legend>
          <p>${t('setupSecondFactorHelp')}</p>
          ${start.secondFactor.required ? nothing : html`<p class="hint">${t('setupSecondFactorOptional')}</p>`}
          <console-qr-code .value=${start.secondFactor.uri} .label=${t('setupQrLabel')}></console-qr-code>
          <p><span class="label">${t('setupKey')}:</span> <span class="mono" data-secret>${start.secondFactor.secret}</span></p>
          <div class="field">
            <label for="code">${t('code')}</label>
            ${error('code')}
            <input id="code" name="code" autocomplete="one-time-code" inputmode="numeric" spellcheck="false" ?required=${start.secondFactor.required} aria-describedby=${describedBy('code', '')} aria-invalid=${this.errors['code'] ? 'true' : 'false'} />
          </div>
        </fieldset>
        <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t('setupComplete')}</button>
      </form>`;
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    const form = new FormData(event.target as HTMLFormElement);
    const code = String(form.get('code') ?? '').trim();
    this.busy = true;
    try {
      const result = await this.api.setupComplete({ token: this.token, password: String(form.get('password') ?? ''), ...(code ? { code } : {}) });
      this.errors = {};
      this.state = { name: 'done', result };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    } catch (error) {
      if (error instanceof ConsoleApiError && error.status === 422) this.errors = error.fields;
      else if (error instanceof ConsoleApiError && error.status === 401) this.state = { name: 'invalid', message: this.t('setupLinkInvalid') };
      else this.errors = { form: error instanceof ConsoleApiError && error.status === 0 ? this.t('errorNetwork') : this.t('errorUnexpected') };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]')?.focus();
    } finally {
      this.busy = false;
    }
  }
}
if (!customElements.get('console-setup')) customElements.define('console-setup', ConsoleSetup);
