/**
 * What the owner's staff and API-key screens share: the GOV.UK error summary above a form (it takes
 * focus; each problem links to its field), and `<console-shown-once>`, a secret the server answers
 * only this once — a set-up link, an API key — in a read-only field with a Copy button.
 */
import { LitElement, css, html, nothing } from 'lit';
import { consoleStyles } from '../console.styles.js';
import type { Translate } from '../i18n/index.js';

export const errorSummaryStyles = css`
  input[type='checkbox'] {
    width: 1.5rem;
    height: 1.5rem;
    min-height: 0;
    margin: 0;
  }
  .error-summary {
    margin: 0 0 var(--_space);
    padding: var(--_space);
    border: 5px solid var(--_color-error);
    background: var(--_color-background);
  }
  .error-summary:focus {
    outline: 3px solid var(--_color-focus);
    outline-offset: 0;
  }
  .error-summary :is(h4, h5) {
    margin-top: 0;
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .error-summary a {
    color: var(--_color-error);
    font-weight: 700;
  }
`;

/** A form's problems: the field's id (in the same shadow root) and what to do. */
export type FormErrors = Partial<Record<string, string>>;

/**
 * The summary of `errors` (nothing when there are none), focusable as `.error-summary`; a field's
 * own problems are in `order`, a problem of the whole form under `form` (no link). Its title is a
 * heading one level below the form's (`level`).
 */
export function errorSummary(t: Translate, errors: FormErrors, order: readonly string[], root: () => ShadowRoot | HTMLElement, level: 4 | 5 = 5) {
  const fields = order.filter((id) => errors[id]);
  if (fields.length === 0 && !errors['form']) return nothing;
  return html`<div class="error-summary" tabindex="-1">
    <div role="alert">
      ${level === 4 ? html`<h4>${t('errorSummaryTitle')}</h4>` : html`<h5>${t('errorSummaryTitle')}</h5>`}
      <ul>
        ${errors['form'] ? html`<li>${errors['form']}</li>` : nothing}
        ${fields.map(
          (id) =>
            html`<li>
              <a href="#${id}" @click=${(event: Event) => {
                event.preventDefault();
                root().querySelector<HTMLElement>(`#${id}`)?.focus();
              }}>${errors[id]}</a>
            </li>`,
        )}
      </ul>
    </div>
  </div>`;
}

/** A field's own message, linked from it with `aria-describedby`. */
export function fieldError(t: Translate, id: string, message: string | undefined) {
  return message ? html`<p class="error-message" id="${id}-error"><span class="visually-hidden">${t('errorPrefix')}</span> ${message}</p>` : nothing;
}

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
