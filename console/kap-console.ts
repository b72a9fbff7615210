/**
 * `<kap-console api="/">`: the clinic's console. It asks the server who is signed in, then shows
 * sign-in, the set-up of an account (at `…/setup#token=…`), or the console itself: the safety
 * queue on top for roles that read intake answers, then Schedule, Requests, the Intake inbox, the
 * Embed code, the Forms studio and Theme (marketer, owner: studio/), (the owner's) Settings and Audit log as the role allows; a booking or a response opens in place,
 * its id kept in memory, never in the URL (a marketer sees no client data and no way to open a
 * response). A session that ends — signed out elsewhere, idle 30 minutes, 12 hours old — brings
 * back sign-in with a word why. The header signs this browser out, or every browser of the account.
 */
import { LitElement, html, nothing } from 'lit';
import type { StaffSessionResponse } from '../src/api/staff.js';
import type { Permission } from '../src/staff/roles.js';
import { ConsoleApi, ConsoleApiError } from './api-client.js';
import { consoleStyles } from './console.styles.js';
import { CONSOLE_LANGUAGES, consoleLanguage, words, type ConsoleLanguage, type Translate } from './i18n/index.js';
import { roleWord } from './views/role-word.js';
import './views/audit-log.js';
import './views/booking.js';
import './views/embed.js';
import './views/theme.js';
import './views/intake-inbox.js';
import './views/intake-response.js';
import './views/requests.js';
import './views/safety-queue.js';
import './views/schedule.js';
import './views/settings.js';
import './views/setup.js';
import './views/sign-in.js';

type View = 'schedule' | 'requests' | 'inbox' | 'settings' | 'audit' | 'embed' | 'forms' | 'theme';
type State =
  | { name: 'loading' }
  | { name: 'failed' }
  | { name: 'setup'; token: string }
  | { name: 'signed-out'; notice: string }
  | { name: 'signed-in'; session: StaffSessionResponse };

/** The form studio (marketer, owner) loads only when Forms is opened: the other roles never fetch it. */
let studio: Promise<void> | undefined;
let studioState: 'loading' | 'ready' | 'failed' = 'loading';
function loadStudio(): Promise<void> {
  studio ??= Promise.all([import('./views/forms.js'), import('./studio/form-studio.js')]).then(
    () => void (studioState = 'ready'),
    () => void (studioState = 'failed'),
  );
  return studio;
}

export class KapConsole extends LitElement {
  static override properties = {
    api: {},
    lang: { reflect: true },
    state: { state: true },
    view: { state: true },
    booking: { state: true },
    response: { state: true },
    form: { state: true },
    timeZone: { state: true },
  };
  static override styles = consoleStyles;
  /** The API's base URL (default: the origin's root, where the console is served at /console/). */
  declare api: string;
  declare lang: ConsoleLanguage;
  declare state: State;
  declare view: View;
  /** The booking opened from the schedule or the requests (its id in memory only, never in the URL). */
  declare booking: string | undefined;
  /** The intake response opened from that booking (id in memory only). */
  declare response: string | undefined;
  /** The form open in the studio's editor (its id: a form, never client data). */
  declare form: string | undefined;
  declare timeZone: string;
  #client: ConsoleApi | undefined;
  #idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.api = '/';
    this.lang = consoleLanguage(document.documentElement.lang || navigator.language);
    this.state = { name: 'loading' };
    this.view = 'schedule';
    this.timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  get client(): ConsoleApi {
    if (!this.#client) {
      this.#client = new ConsoleApi(this.api);
      this.#client.onSessionEnded = () => this.#ended();
    }
    return this.#client;
  }

  get #t(): Translate {
    return words(this.lang);
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#begin();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#idleTimer);
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has('lang')) {
      document.documentElement.lang = this.lang;
      document.title = this.#t('consoleTitle');
    }
  }

  async #begin() {
    // The set-up link's token is in the fragment, so it is never sent to any server in a URL.
    if (/\/setup\/?$/.test(location.pathname)) {
      const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
      history.replaceState(null, '', location.pathname);
      this.state = { name: 'setup', token };
      return;
    }
    try {
      this.#signedIn(await this.client.me());
    } catch (error) {
      this.state = error instanceof ConsoleApiError && error.status === 401 ? { name: 'signed-out', notice: '' } : { name: 'failed' };
    }
  }

  #signedIn(session: StaffSessionResponse) {
    this.state = { name: 'signed-in', session };
    this.view = this.#views().find((view) => view.allowed)?.id ?? 'schedule';
    // Times are shown in the clinic's zone, which the schedule names.
    if (this.#may('schedule:read')) {
      void this.client.schedule(undefined, 1).then(
        (schedule) => (this.timeZone = schedule.timeZone),
        () => {},
      );
    }
    this.#watchIdle();
  }

  /** The server ends a session idle for its timeout; so does the console, without asking it (asking would keep it alive). */
  #watchIdle() {
    clearTimeout(this.#idleTimer);
    if (this.state.name !== 'signed-in') return;
    const idleMs = this.state.session.session.idleTimeoutSeconds * 1000;
    const ends = Math.min(this.client.lastAnsweredAt + idleMs, Date.parse(this.state.session.session.expiresAt));
    this.#idleTimer = setTimeout(() => (Date.now() >= ends ? this.#ended() : this.#watchIdle()), Math.max(1000, ends - Date.now()));
  }

  #ended() {
    clearTimeout(this.#idleTimer);
    this.client.csrfToken = undefined;
    this.state = { name: 'signed-out', notice: this.#t('sessionEnded') };
    void this.#focusHeading();
  }

  #may(permission: Permission): boolean {
    return this.state.name === 'signed-in' && (this.state.session.staff.permissions as string[]).includes(permission);
  }

  override render() {
    const t = this.#t;
    return html`<div part="base">
      <header class="wrap actions no-print">
        <p><strong>${t('consoleTitle')}</strong></p>
        <label class="actions">
          <span>${t('language')}</span>
          <select @change=${(event: Event) => (this.lang = consoleLanguage((event.target as HTMLSelectElement).value))}>
            ${CONSOLE_LANGUAGES.map((lang) => html`<option value=${lang} ?selected=${lang === this.lang} lang=${lang}>${lang === 'es' ? 'Español' : 'English'}</option>`)}
          </select>
        </label>
        ${
          this.state.name === 'signed-in'
            ? html`<p>${t('signedInAs', { email: this.state.session.staff.email, role: roleWord(t, this.state.session.staff.role) })}</p>
              <button class="button button--secondary" type="button" @click=${this.#signOut}>${t('signOut')}</button>
              <button class="button button--secondary" type="button" @click=${this.#signOutEverywhere}>${t('signOutEverywhere')}</button>`
            : nothing
        }
      </header>
      <main class="wrap" @open-booking=${(event: CustomEvent<string>) => (this.booking = event.detail)}>${this.#main()}</main>
    </div>`;
  }

  #main() {
    const t = this.#t;
    const state = this.state;
    switch (state.name) {
      case 'loading':
        return html`<p role="status">${t('loading')}</p>`;
      case 'failed':
        return html`<div class="notice notice--error" role="alert"><p>${t('errorNetwork')}</p></div>
          <button class="button" type="button" @click=${() => this.#begin()}>${t('tryAgain')}</button>`;
      case 'setup':
        return html`<console-setup .api=${this.client} .t=${t} .token=${state.token} @setup-done=${this.#toSignIn}></console-setup>`;
      case 'signed-out':
        return html`<console-sign-in .api=${this.client} .t=${t} .notice=${state.notice} @signed-in=${this.#onSignedIn}></console-sign-in>`;
      case 'signed-in':
        return this.#console();
    }
  }

  #console() {
    const t = this.#t;
    const allowed = this.#views().filter((view) => view.allowed);
    return html`<h1 class="heading--top" tabindex="-1">${t('consoleTitle')}</h1>
      ${this.#may('intake:read') ? html`<console-safety-queue class="no-print" .api=${this.client} .t=${t} .lang=${this.lang} .timeZone=${this.timeZone}></console-safety-queue>` : nothing}
      ${
        allowed.length === 0
          ? html`<p class="notice">${t('nothingForRole')}</p>`
          : html`<nav class="no-print" aria-label=${t('navLabel')}>
              <ul class="plain actions">
                ${allowed.map(
                  (view) => html`<li>
                    <button class="button ${view.id === this.view ? '' : 'button--secondary'}" type="button" aria-current=${view.id === this.view ? 'page' : 'false'} @click=${() => this.#show(view.id)}>${view.label}</button>
                  </li>`,
                )}
              </ul>
            </nav>
            ${
              this.response
                ? html`<console-intake-response .api=${this.client} .t=${t} .lang=${this.lang} .timeZone=${this.timeZone} .responseId=${this.response}
                  @response-closed=${() => (this.response = undefined)}></console-intake-response>`
                : this.booking
                  ? html`<console-booking .api=${this.client} .t=${t} .lang=${this.lang} .timeZone=${this.timeZone} .bookingId=${this.booking} .manage=${this.#may('bookings:manage')} .revoke=${this.#may('links:revoke')}
                  @booking-closed=${this.#closeBooking} @open-response=${(event: CustomEvent<string>) => (this.response = event.detail)}></console-booking>`
                  : this.view === 'inbox'
                    ? html`<console-intake-inbox .api=${this.client} .t=${t} .lang=${this.lang} .timeZone=${this.timeZone}></console-intake-inbox>`
                    : this.view === 'schedule'
                      ? html`<console-schedule .api=${this.client} .t=${t} .lang=${this.lang}></console-schedule>`
                      : this.view === 'forms'
                        ? this.#studio()
                        : this.view === 'embed'
                          ? html`<console-embed .api=${this.client} .t=${t} .lang=${this.lang}></console-embed>`
                          : this.view === 'theme'
                            ? html`<console-theme .api=${this.client} .t=${t} .lang=${this.lang}></console-theme>`
                            : this.view === 'audit'
                              ? html`<console-audit-log .api=${this.client} .t=${t} .lang=${this.lang} .timeZone=${this.timeZone}></console-audit-log>`
                              : this.view === 'settings'
                                ? html`<console-settings .api=${this.client} .t=${t} .lang=${this.lang} .timeZone=${this.timeZone}></console-settings>`
                                : html`<console-requests .api=${this.client} .t=${t} .lang=${this.lang} .timeZone=${this.timeZone} .manage=${this.#may('bookings:manage')}></console-requests>`
            }`
      }`;
  }

  /** Forms, or the form open in the editor, once the studio's code is here (its views read their properties on connecting). */
  #studio() {
    const t = this.#t;
    if (studioState === 'failed') return html`<div class="notice notice--error" role="alert"><p>${t('errorNetwork')}</p></div>`;
    if (studioState === 'loading') {
      void loadStudio().then(() => this.requestUpdate());
      return html`<p role="status">${t('loading')}</p>`;
    }
    return this.form
      ? html`<console-form-studio .api=${this.client} .t=${t} .lang=${this.lang} .timeZone=${this.timeZone} .formId=${this.form}
          @form-closed=${this.#closeForm}></console-form-studio>`
      : html`<console-forms .api=${this.client} .t=${t} .lang=${this.lang} @open-form=${this.#openForm}></console-forms>`;
  }

  /** The console's views in order, and whether this person's role may see each. */
  #views(): { id: View; label: string; allowed: boolean }[] {
    const t = this.#t;
    return [
      { id: 'schedule', label: t('navSchedule'), allowed: this.#may('schedule:read') },
      { id: 'requests', label: t('navRequests'), allowed: this.#may('bookings:read') },
      { id: 'inbox', label: t('navInbox'), allowed: this.#may('intake:read') },
      { id: 'embed', label: t('navEmbed'), allowed: this.#may('embed:read') },
      { id: 'forms', label: t('navForms'), allowed: this.#may('forms:manage') },
      { id: 'theme', label: t('navTheme'), allowed: this.#may('theme:manage') },
      { id: 'settings', label: t('navSettings'), allowed: this.#may('settings:manage') },
      { id: 'audit', label: t('navAudit'), allowed: this.#may('audit:read') },
    ];
  }

  /** Another view; the safety queue is asked again, so what came in meanwhile is on top. */
  #show(view: View) {
    this.view = view;
    this.booking = undefined;
    this.response = undefined;
    this.form = undefined;
    void (this.renderRoot.querySelector('console-safety-queue') as { refresh(): Promise<void> } | null)?.refresh();
  }

  /** Back from a booking: the view it was opened from, focus on that view's place in the navigation. */
  #closeBooking = async () => {
    this.#show(this.view);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('nav [aria-current="page"]')?.focus();
  };

  #openForm = async (event: CustomEvent<string>) => {
    this.form = event.detail;
    await this.updateComplete;
    await (this.renderRoot.querySelector('console-form-studio') as { focusHeading(): Promise<void> } | null)?.focusHeading();
  };

  /** Back from the editor: the list of forms, asked again (its draft and versions changed). */
  #closeForm = async () => {
    this.form = undefined;
    await this.updateComplete;
    const list = this.renderRoot.querySelector('console-forms') as LitElement | null;
    await list?.updateComplete;
    list?.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  };

  #onSignedIn = async (event: CustomEvent<StaffSessionResponse>) => {
    this.#signedIn(event.detail);
    await this.#focusHeading();
  };

  #toSignIn = async () => {
    history.replaceState(null, '', location.pathname.replace(/setup\/?$/, ''));
    this.state = { name: 'signed-out', notice: '' };
    await this.#focusHeading();
  };

  #signOut = async () => {
    try {
      await this.client.signOut();
    } catch {
      // Signed out here whatever the server said: the cookie is HttpOnly, and the server ends it on its own.
    }
    clearTimeout(this.#idleTimer);
    this.client.csrfToken = undefined;
    this.state = { name: 'signed-out', notice: this.#t('signedOut') };
    await this.#focusHeading();
  };

  /** Every browser of this account signed out, this one too (`DELETE staff/sessions`). */
  #signOutEverywhere = async () => {
    try {
      await this.client.signOutEverywhere();
    } catch {
      // A session that had ended already is signed out everywhere too.
    }
    clearTimeout(this.#idleTimer);
    this.client.csrfToken = undefined;
    this.state = { name: 'signed-out', notice: this.#t('signedOutEverywhere') };
    await this.#focusHeading();
  };

  async #focusHeading() {
    await this.updateComplete;
    const child = this.renderRoot.querySelector('console-sign-in, console-setup') as LitElement | null;
    if (child) await child.updateComplete;
    const heading = (child?.renderRoot ?? this.renderRoot).querySelector<HTMLElement>('h1');
    heading?.focus();
  }
}
if (!customElements.get('kap-console')) customElements.define('kap-console', KapConsole);
