/**
 * What every console view shares: the API client, the words, the language and the clinic's time
 * zone it is handed by `<kap-console>`, one rule for turning a failed request into words, and —
 * for a view that shows what it asks the server for — loading that on connect into `loaded`
 * (loading, failed with a message and Try again, or ready with the data).
 */
import { LitElement, html, nothing, type PropertyDeclarations } from 'lit';
import { ConsoleApiError, type ConsoleApi } from '../api-client.js';
import { consoleStyles } from '../console.styles.js';
import type { ConsoleKey, Translate } from '../i18n/index.js';

export type Loaded<Data> = { name: 'loading' } | { name: 'failed'; message: string } | { name: 'ready'; data: Data };

/**
 * A failed request in the staff member's words: no connection, not allowed, not found (in the
 * view's own word for what was not found, when it has one), the server's fault, or anything else.
 */
export function errorMessage(t: Translate, error: unknown, notFound?: ConsoleKey): string {
  if (!(error instanceof ConsoleApiError)) return t('errorUnexpected');
  if (error.status === 0) return t('errorNetwork');
  if (error.status === 403) return t('errorForbidden');
  if (error.status === 404 && notFound) return t(notFound);
  return error.status >= 500 ? t('errorServer') : t('errorUnexpected');
}

/** A view handed the console's client, words, language and time zone. */
export class ConsoleElement extends LitElement {
  static override properties: PropertyDeclarations = { api: { attribute: false }, t: { attribute: false }, lang: {}, timeZone: { attribute: false } };
  static override styles = consoleStyles;
  declare api: ConsoleApi;
  declare t: Translate;
  declare lang: string;
  /** The clinic's time zone, in which every time is shown. */
  declare timeZone: string;

  constructor() {
    super();
    this.lang = 'en';
    this.timeZone = 'UTC';
  }

  /** `error` in this view's words; `notFound` names what a 404 means here. */
  protected message(error: unknown, notFound?: ConsoleKey): string {
    return errorMessage(this.t, error, notFound);
  }

  protected async focusOn(selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}

/** A view that loads `Data` when it is connected (and again on Try again or `load()`). */
export abstract class ConsoleView<Data> extends ConsoleElement {
  static override properties: PropertyDeclarations = { loaded: { state: true } };
  declare loaded: Loaded<Data>;
  /** What a 404 from `fetch` means in this view, if anything. */
  protected notFound: ConsoleKey | undefined;

  constructor() {
    super();
    this.loaded = { name: 'loading' };
  }

  /** Asks the server for what the view shows. */
  protected abstract fetch(): Promise<Data>;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  async load() {
    try {
      this.loaded = { name: 'ready', data: await this.fetch() };
    } catch (error) {
      this.loaded = { name: 'failed', message: this.message(error, this.notFound) };
    }
  }

  /** The loading line, or the failure with Try again; nothing once the data is ready. */
  protected loadingOrFailed() {
    const loaded = this.loaded;
    if (loaded.name === 'loading') return html`<p role="status">${this.t('loading')}</p>`;
    if (loaded.name === 'failed') {
      return html`<div class="notice notice--error" role="alert"><p>${loaded.message}</p></div>
        <button class="button button--secondary" type="button" @click=${() => this.load()}>${this.t('tryAgain')}</button>`;
    }
    return nothing;
  }
}
