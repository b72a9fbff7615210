/**
 * `<studio-form-preview .definition=${…}>`: the live preview of a form definition (a draft as
 * src/forms defines it) beside the studio's editor, or on its own for a form's current draft. It
 * shows the real `<kap-intake>` (as `<studio-preview-intake>`, loaded lazily: preview-intake.ts),
 * at phone (375 px) or desktop width, light or dark, in English or Spanish; the marketer steps
 * through its pages, sees its conditions and its crisis panel, and sends it — to nowhere: what is
 * typed here never leaves the page (the element's requests are answered in the page). "Start
 * again" gives an empty form. A draft the element cannot read shows the element's own message
 * naming the problem.
 */
import { css, html, nothing, type PropertyDeclarations } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { consoleStyles } from '../console.styles.js';
import { ConsoleElement } from '../views/console-view.js';
import { formStyles } from '../views/form-parts.js';

type Width = 'phone' | 'desktop';
type Scheme = 'light' | 'dark';
type PreviewLanguage = 'en' | 'es';

/** The element's module, loaded once for every preview on the page. */
let loading: Promise<unknown> | undefined;

export class StudioFormPreview extends ConsoleElement {
  static override properties: PropertyDeclarations = {
    definition: { attribute: false },
    headingLevel: { attribute: false },
    ready: { state: true },
    width: { state: true },
    scheme: { state: true },
    previewLang: { state: true },
    run: { state: true },
    sent: { state: true },
  };
  static override styles = [
    ...consoleStyles,
    formStyles,
    css`
      :host {
        display: block;
        background: var(--_color-background);
        color: var(--_color-text);
      }
      .controls fieldset {
        margin: 0;
        padding: 0 0.75rem 0.5rem;
        border: 1px solid var(--_color-border);
        border-radius: var(--_radius);
      }
      .controls .choice {
        display: inline-flex;
        margin-inline-end: 0.75rem;
      }
      .frame {
        box-sizing: border-box;
        margin: var(--_space) 0 0;
        border: 2px solid var(--_color-border);
        border-radius: var(--_radius);
        overflow: auto;
      }
      .frame--phone {
        width: min(375px, 100%);
      }
      .frame--desktop {
        width: 100%;
      }
    `,
  ];
  /** The form definition to show (JSON as src/forms defines it). */
  declare definition: Record<string, unknown> | undefined;
  /** The level of the preview's own heading (the element's headings are below it). */
  declare headingLevel: 2 | 3;
  declare ready: 'loading' | 'ready' | 'failed';
  declare width: Width;
  declare scheme: Scheme;
  declare previewLang: PreviewLanguage;
  /** Each "Start again" draws a new element: an empty form. */
  declare run: number;
  /** The preview's form was "sent" (to nowhere). */
  declare sent: boolean;

  constructor() {
    super();
    this.definition = undefined;
    this.headingLevel = 3;
    this.ready = 'loading';
    this.width = 'phone';
    this.scheme = 'light';
    this.previewLang = 'en';
    this.run = 0;
    this.sent = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    this.ready = 'loading';
    try {
      loading ??= import('./preview-intake.js');
      await loading;
      this.ready = 'ready';
    } catch {
      loading = undefined;
      this.ready = 'failed';
    }
  }

  override render() {
    const t = this.t;
    const heading =
      this.headingLevel === 2
        ? html`<h2 id="preview-heading" tabindex="-1">${t('studioPreviewHeading')}</h2>`
        : html`<h3 id="preview-heading" tabindex="-1">${t('studioPreviewHeading')}</h3>`;
    return html`<section class="section" aria-labelledby="preview-heading">
      ${heading}
      <p class="hint" id="preview-nothing-sent">${t('studioPreviewNothingSent')}</p>
      <div class="controls actions">
        ${this.#choice('width', t('studioPreviewWidth'), [
          ['phone', t('studioPreviewPhone')],
          ['desktop', t('studioPreviewDesktop')],
        ])}
        ${this.#choice('scheme', t('studioPreviewScheme'), [
          ['light', t('studioPreviewLight')],
          ['dark', t('studioPreviewDark')],
        ])}
        ${this.#choice('previewLang', t('studioPreviewLanguage'), [
          ['en', 'English', 'en'],
          ['es', 'Español', 'es'],
        ])}
        <button class="button button--secondary" type="button" @click=${this.#again}>${t('studioPreviewStartAgain')}</button>
      </div>
      <p role="status" class="hint">${this.sent ? t('studioPreviewSent') : nothing}</p>
      ${this.#element()}
    </section>`;
  }

  /** A group of radio buttons setting one of the preview's options. */
  #choice<K extends 'width' | 'scheme' | 'previewLang'>(name: K, legend: string, options: [this[K], string, string?][]) {
    return html`<fieldset>
      <legend class="label">${legend}</legend>
      ${options.map(
        ([value, label, lang]) => html`<label class="choice" for="preview-${name}-${value}">
          <input id="preview-${name}-${value}" type="radio" name="preview-${name}" .checked=${this[name] === value}
            @change=${() => {
              this[name] = value;
            }} />
          <span lang=${lang ?? nothing}>${label}</span>
        </label>`,
      )}
    </fieldset>`;
  }

  #element() {
    const t = this.t;
    if (this.ready === 'loading') return html`<p role="status">${t('loading')}</p>`;
    if (this.ready === 'failed') {
      return html`<div class="notice notice--error" role="alert"><p>${t('studioPreviewFailed')}</p></div>
        <button class="button button--secondary" type="button" @click=${() => this.#load()}>${t('tryAgain')}</button>`;
    }
    if (!this.definition) return html`<p class="notice">${t('studioPreviewNoDefinition')}</p>`;
    return html`<div class="frame frame--${this.width}" role="region" aria-label=${t('studioPreviewRegion')}>
      ${keyed(
        this.run,
        html`<studio-preview-intake
          .definition=${this.definition}
          .clinic=${() => this.api.publicClinic()}
          lang=${this.previewLang}
          theme=${this.scheme}
          heading-level=${this.headingLevel + 1}
          @kap-intake-submit=${() => (this.sent = true)}
        ></studio-preview-intake>`,
      )}
    </div>`;
  }

  /** An empty form again, from its first page. */
  #again = () => {
    this.run += 1;
    this.sent = false;
  };
}
if (!customElements.get('studio-form-preview')) customElements.define('studio-form-preview', StudioFormPreview);
