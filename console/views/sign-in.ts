/**
 * `<console-sign-in>`: email, password and the authenticator's code. A wrong combination gets one
 * answer whatever was wrong; too many tries say how long to wait. Fires `signed-in` with the
 * session when the server opens one.
 */
import { LitElement, html, nothing } from 'lit';
import type { StaffSessionResponse } from '../../src/api/staff.js';
import { ConsoleApiError, type ConsoleApi } from '../api-client.js';
import { consoleStyles } from '../console.styles.js';
import type { Translate } from '../i18n/index.js';

export class ConsoleSignIn extends LitElement {
  static override properties = { api: { attribute: false }, t: { attribute: false }, notice: {}, busy: { state: true }, error: { state: true } };
  static override styles = consoleStyles;
  declare api: ConsoleApi;
  declare t: Translate;
  /** Shown above the form: why the reader is here (signed out, session ended). */
  declare notice: string;
  declare busy: boolean;
  declare error: string;

  constructor() {
    super();
    this.notice = '';
    this.busy = false;
    this.error = '';
  }

  override render() {
    const t = this.t;
    return html`<div part="base">
      <h1 tabindex="-1" class="heading--top">${t('signInHeading')}</h1>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${this.error ? html`<div class="notice notice--error" role="alert"><p>${this.error}</p></div>` : nothing}
      <form @submit=${this.#submit} novalidate>
        <div class="field">
          <label for="email">${t('email')}</label>
          <input id="email" name="email" type="email" autocomplete="username" required spellcheck="false" />
        </div>
        <div class="field">
          <label for="password">${t('password')}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </div>
        <div class="field">
          <label for="code">${t('code')}</label>
          <p class="hint" id="code-hint">${t('codeHint')}</p>
          <input id="code" name="code" autocomplete="one-time-code" inputmode="text" spellcheck="false" aria-describedby="code-hint" />
        </div>
        <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t('signingIn') : t('signIn')}</button>
      </form>
    </div>`;
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    const form = new FormData(event.target as HTMLFormElement);
    const code = String(form.get('code') ?? '').trim();
    this.busy = true;
    this.error = '';
    try {
      const session: StaffSessionResponse = await this.api.signIn({
        email: String(form.get('email') ?? '').trim(),
        password: String(form.get('password') ?? ''),
        ...(code ? { code } : {}),
      });
      this.dispatchEvent(new CustomEvent('signed-in', { detail: session, bubbles: true, composed: true }));
    } catch (error) {
      this.error = this.#message(error);
    } finally {
      this.busy = false;
    }
  }

  #message(error: unknown): string {
    if (!(error instanceof ConsoleApiError)) return this.t('errorUnexpected');
    if (error.status === 0) return this.t('errorNetwork');
    if (error.code === 'too_many_attempts') return this.t('tooManyAttempts', { wait: `${Math.ceil((error.retryAfterSeconds ?? 60) / 60)} min` });
    if (error.status === 401 || error.status === 422) return this.t('signInFailed');
    return error.status >= 500 ? this.t('errorServer') : this.t('errorUnexpected');
  }
}
if (!customElements.get('console-sign-in')) customElements.define('console-sign-in', ConsoleSignIn);
