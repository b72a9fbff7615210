/**
 * "Email me my links": the form every element offers where its booking's link is missing or no
 * longer works (`KapElement.renderEmailLinks`). The client types the address they booked with; it
 * goes to `POST booking-access/email-links` (`requestEmailLinks`, src/api/endpoints.ts), which answers the same `202`
 * for any address — so the confirmation says only what happens *if* the address has a booking.
 * A failure (offline, busy, rate limited) is said plainly with "Try again", keeping the address.
 *
 * A module of its own, imported only when a link-missing state is shown: a page whose links work
 * never loads it (in the drop-in files, a chunk). It registers its English as it loads.
 *
 * Privacy: the address lives in this object's memory and the request's body only — never in an
 * event (`kap-error` carries the kind and code of a failure), the console, a URL or storage.
 */
import { html, nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { RequestProgress } from '../api/client.js';
import type { ApiConnection } from '../api/connection.js';
import { requestEmailLinks } from '../api/submissions.js';
import type { KapApiError } from '../api/errors.js';
import { newIdempotencyKey } from '../api/idempotency-key.js';
import { KapErrorEvent } from '../events/kap-error.js';
import { errorSummaryStyles } from '../styles/error-summary.styles.js';
import { formStyles } from '../styles/form.styles.js';
import { addStyles } from './add-styles.js';
import { isEmailAddress } from '../forms/email-address.js';
import { enEmailLinks } from '../i18n/en-email-links.js';
import { registerBuiltInStrings } from '../i18n/registry.js';
import type { EmailLinksStringKey } from '../i18n/strings.js';
import type { ElementUi } from './element-ui.js';
import { renderErrorSummary } from './error-summary.js';
import { renderWriteStatus, type WriteStatus } from './write-status.js';

// Before the element's next update, which this module's arrival asks for and which re-reads its words.
registerBuiltInStrings(enEmailLinks);

type FieldError = 'emailLinksErrorEmpty' | 'emailLinksErrorFormat';

const INPUT = 'kap-email-links-email';

export class EmailLinksForm implements ReactiveController {
  readonly #context: { host: ReactiveElement; ui: ElementUi; client(): ApiConnection | undefined; signal(): AbortSignal };
  /** The address as typed. */
  #value = '';
  #error: FieldError | undefined;
  /** Why the last send failed, offered again with "Try again". */
  #failure: KapApiError | undefined;
  #sent = false;
  /** A selector to focus once the next render is done. */
  #focus: string | undefined;
  /**
   * The request for an address whose answer has not settled it (lost, refused for now): sending
   * the same address again reuses its `Idempotency-Key`, so the backend answers it once.
   */
  #pending: { email: string; key: string } | undefined;
  #sending: AbortController | undefined;
  #progress: RequestProgress | undefined;
  #stopping = false;
  #stopped = false;

  /** `client`: the element's api client; `signal`: aborts when the element leaves the page. */
  constructor(host: ReactiveElement, ui: ElementUi, client: () => ApiConnection | undefined, signal: () => AbortSignal) {
    this.#context = { host, ui, client, signal };
    host.addController(this);
    // Its fields' and error summary's styles: an element whose first screen shows no form has not got them yet.
    addStyles(host, [formStyles, errorSummaryStyles]);
  }

  hostUpdated(): void {
    const target = this.#focus && this.#context.host.renderRoot.querySelector<HTMLElement>(this.#focus);
    if (!target) return;
    this.#focus = undefined;
    target.focus();
  }

  /** What the client hears while the request is on its way, with its Stop button (`renderWriteStatus`). */
  get status(): WriteStatus {
    return {
      sending: Boolean(this.#sending),
      progress: this.#progress,
      stopped: this.#stopped,
      stop: () => {
        this.#stopping = true;
        this.#sending?.abort();
      },
    };
  }

  /** Checks the address, then asks for the links; says what happened. */
  async send(): Promise<void> {
    const host = this.#context.host;
    const client = this.#context.client();
    if (this.#sending || !client) return;
    const email = this.#value.trim();
    this.#error = !email ? 'emailLinksErrorEmpty' : isEmailAddress(email) ? undefined : 'emailLinksErrorFormat';
    this.#failure = undefined;
    this.#stopped = false;
    if (this.#error) return this.#show('.error-summary');
    if (this.#pending?.email !== email) this.#pending = { email, key: newIdempotencyKey() };
    const connection = this.#context.signal();
    const sending = (this.#sending = new AbortController());
    const leave = () => sending.abort();
    connection.addEventListener('abort', leave, { once: true });
    this.#progress = undefined;
    host.requestUpdate();
    try {
      await requestEmailLinks(
        client,
        { email },
        {
          idempotencyKey: this.#pending.key,
          signal: sending.signal,
          onProgress: (progress) => {
            if (progress.kind !== 'slow' && progress.kind !== 'retry') return;
            this.#progress = progress;
            host.requestUpdate();
          },
        },
      );
      this.#pending = undefined;
      this.#sent = true;
      this.#focus = '#kap-email-links-sent';
    } catch (caught) {
      const error = caught as Partial<KapApiError>;
      // Stopped by the client (not known whether it arrived: the same key goes next time), or the element left the page.
      if (error.name === 'AbortError') {
        this.#stopped = this.#stopping && !connection.aborted;
        return;
      }
      const kind = error.kind ?? 'bad_response';
      host.dispatchEvent(new KapErrorEvent({ kind, code: error.code ?? (error.kind ? undefined : 'unexpected') }));
      // The backend read it as no address (it has the last word on what one is): the field says so.
      if (kind === 'validation') {
        this.#pending = undefined;
        this.#error = 'emailLinksErrorFormat';
        this.#focus = '.error-summary';
      } else {
        this.#failure = caught as KapApiError;
      }
    } finally {
      connection.removeEventListener('abort', leave);
      this.#sending = undefined;
      this.#stopping = false;
      host.requestUpdate();
    }
  }

  /** Back to the form after the confirmation, the address kept, to send again. */
  again(): void {
    this.#sent = false;
    this.#show(`#${INPUT}`);
  }

  #show(focus: string): void {
    this.#focus = focus;
    this.#context.host.requestUpdate();
  }

  /** The form, or the confirmation once sent; `lead`, a word of the element's own, goes first (as an alert). */
  render(lead?: EmailLinksStringKey): TemplateResult {
    const { ui } = this.#context;
    const t = ui.t;
    const said = lead ? html`<div part="notice" class="notice notice--error" role="alert"><p>${t(lead)}</p></div>` : nothing;
    if (this.#sent) {
      return html`${said}<section part="email-links" class="email-links" aria-labelledby="kap-email-links-sent">
        <div part="notice" class="notice notice--success" role="status">
          ${ui.heading(t('emailLinksSentHeading'), { id: 'kap-email-links-sent', focusable: true }, true)}
          <p>${t('emailLinksSent')}</p>
        </div>
        <button part="button" class="button button--secondary" type="button" @click=${() => this.again()}>${t('emailLinksAgain')}</button>
      </section>`;
    }
    const error = this.#error;
    const status = this.status;
    const input = () => this.#context.host.renderRoot.querySelector<HTMLInputElement>(`#${INPUT}`);
    const summary = error ? [{ href: `#${INPUT}`, message: t(error), focus: () => input()?.focus() }] : [];
    return html`${said}<section part="email-links" class="email-links" aria-labelledby="kap-email-links-heading">
      ${renderErrorSummary((title) => ui.heading(title, {}, true), t('errorSummaryTitle'), summary)}
      ${ui.heading(t('emailLinksHeading'), { id: 'kap-email-links-heading' }, true)}
      <p>${t('emailLinksIntro')}</p>
      <form
        part="form"
        class="form"
        novalidate
        @submit=${(event: Event) => {
          event.preventDefault();
          void this.send();
        }}
      >
        <div part="field" class="field ${error ? 'field--error' : ''}">
          <label class="label" for=${INPUT}>${t('emailLinksLabel')}</label>
          ${
            error
              ? html`<p class="error-message" id="kap-email-links-error">
                <span class="visually-hidden">${t('errorPrefix')}</span> ${t(error)}
              </p>`
              : nothing
          }
          <input
            class="input"
            id=${INPUT}
            name="email"
            type="email"
            autocomplete="email"
            spellcheck="false"
            .value=${live(this.#value)}
            aria-describedby=${error ? 'kap-email-links-error' : nothing}
            aria-invalid=${error ? 'true' : nothing}
            @input=${(event: Event) => (this.#value = (event.target as HTMLInputElement).value)}
          />
        </div>
        ${
          this.#failure
            ? html`<div part="notice" class="notice notice--error" role="alert">
              <p>${ui.failureMessage(this.#failure)}</p>
              <p>${t('detailsKept')}</p>
              <button
                part="button"
                class="button button--secondary"
                type="button"
                data-focus-fallback="#kap-email-links-submit"
                @click=${() => void this.send()}
              >
                ${t('tryAgain')}
              </button>
            </div>`
            : nothing
        }
        <button part="button" class="button" id="kap-email-links-submit" type="submit" aria-disabled=${status.sending ? 'true' : 'false'}>
          ${t('emailLinksSubmit')}
        </button>
        ${renderWriteStatus(ui, status, 'emailLinksSending')}
      </form>
    </section>`;
  }
}
