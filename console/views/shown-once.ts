/**
 * `<console-shown-once>`: a secret the server answers only this once — a set-up link, an API key —
 * in a read-only field with a Copy button.
 */
import { LitElement, css, html } from 'lit';
import { consoleStyles } from '../console.styles.js';
import type { Translate } from '../i18n/index.js';

export class ConsoleShownOnce extends LitElement {
  static override properties = { t: { attribute: false }, heading: {}, help: {}, label: {}, value: {}, copied: { state: true } };
  static override styles = [
    consoleStyles,
    css`
      .card {
        border-width: 3px;
        border-color: var(--_color-success, var(--_color-border));
      }
    `,
  ];
  declare t: Translate;
  declare heading: string;
  declare help: string;
  declare label: string;
  declare value: string;
  declare copied: string;

  constructor() {
    super();
    this.heading = '';
    this.help = '';
    this.label = '';
    this.value = '';
    this.copied = '';
  }

  override render() {
    return html`<section class="card" aria-labelledby="shown-once-heading">
      <h4 id="shown-once-heading" tabindex="-1">${this.heading}</h4>
      <p>${this.help}</p>
      <div class="field">
        <label for="shown-once-value">${this.label}</label>
        <input id="shown-once-value" class="mono" readonly .value=${this.value} @focus=${(event: FocusEvent) => (event.target as HTMLInputElement).select()} />
      </div>
      <div class="actions">
        <button class="button" type="button" @click=${this.#copy}>${this.t('copy')}</button>
        <p role="status">${this.copied}</p>
      </div>
    </section>`;
  }

  /** Moves focus to the heading, once shown. */
  async focusHeading() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h4')?.focus();
  }

  #copy = async () => {
    try {
      await navigator.clipboard.writeText(this.value);
      this.copied = this.t('copied');
    } catch {
      this.copied = this.t('copyFailed');
      this.renderRoot.querySelector<HTMLInputElement>('input')?.select();
    }
  };
}
if (!customElements.get('console-shown-once')) customElements.define('console-shown-once', ConsoleShownOnce);
