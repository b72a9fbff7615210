/**
 * `<console-embed>`: the embed code, for the marketer and the owner (`embed:read`). Choose the
 * element (booking, intake, checklist) and its options — the service to book and a campaign's
 * source tag, the intake form, the language — then Make the code: the script tag with its SRI
 * `integrity` and the element, ready to paste, in a read-only field with Copy (and, when the
 * browser will not copy, the field selected for Ctrl+C); the sources to add to the site's
 * Content-Security-Policy; where to paste it on WordPress, Webflow, Squarespace and in a React app.
 *
 * It asks `GET staff/embed` only: the clinic's services, published forms and the elements' build,
 * never anything about a client. The code is text in a textarea, never HTML in the page.
 */
import { css, html, nothing, type PropertyDeclarations } from 'lit';
import type { EmbedResponse } from '../../src/api/staff.js';
import { EMBED_ELEMENTS, SOURCE_PATTERN, embedSnippet, type EmbedChoice, type EmbedElement, type EmbedSnippet } from '../embed-snippet.js';
import { consoleStyles } from '../console.styles.js';
import { ConsoleView } from './console-view.js';
import { errorSummary, fieldError, focusSummary, formStyles, type FieldErrors } from './form-parts.js';

const FIELDS = ['embed-service', 'embed-form', 'embed-source'] as const;
const PLATFORMS = [
  ['embedWordPress', 'embedWordPressHow'],
  ['embedWebflow', 'embedWebflowHow'],
  ['embedSquarespace', 'embedSquarespaceHow'],
  ['embedReact', 'embedReactHow'],
] as const;

export class ConsoleEmbed extends ConsoleView<EmbedResponse> {
  static override properties: PropertyDeclarations = {
    element: { state: true },
    errors: { state: true },
    snippet: { state: true },
    copied: { state: true },
  };
  static override styles = [
    ...consoleStyles,
    formStyles,
    css`
      textarea.mono {
        min-height: 9rem;
        max-width: 48rem;
        white-space: pre-wrap;
      }
      .csp {
        max-width: 48rem;
        padding: var(--_space);
        border: 2px solid var(--_color-border);
        border-radius: var(--_radius);
        white-space: pre-wrap;
      }
    `,
  ];
  /** The element chosen: which options the form shows. */
  declare element: EmbedElement;
  declare errors: FieldErrors;
  /** The code made from the last choice. */
  declare snippet: EmbedSnippet | undefined;
  /** What Copy did, said in the live region. */
  declare copied: string;

  constructor() {
    super();
    this.element = 'booking';
    this.errors = {};
    this.snippet = undefined;
    this.copied = '';
  }

  protected override fetch(): Promise<EmbedResponse> {
    return this.api.embed();
  }

  override render() {
    const t = this.t;
    return html`<section class="section" aria-labelledby="embed-heading">
      <h2 id="embed-heading" class="heading--sub" tabindex="-1">${t('embedHeading')}</h2>
      <p class="hint">${t('embedIntro')}</p>
      ${this.loaded.name === 'ready' ? this.#ready(this.loaded.data) : this.loadingOrFailed()}
    </section>`;
  }

  #ready(data: EmbedResponse) {
    const t = this.t;
    if (!data.elements) return html`<div class="notice notice--error" role="alert"><p>${t('embedNotBuilt')}</p></div>`;
    return html`${this.#form(data)} ${this.snippet ? this.#code(this.snippet) : nothing}`;
  }

  #form(data: EmbedResponse) {
    const t = this.t;
    const errors = this.errors;
    return html`<form class="card" aria-labelledby="embed-choose-heading" novalidate @submit=${this.#make}>
      <h3 id="embed-choose-heading">${t('embedChoose')}</h3>
      ${errorSummary(t, this.renderRoot, errors, FIELDS)}
      <fieldset class="field">
        <legend class="label">${t('embedElement')}</legend>
        ${EMBED_ELEMENTS.map(
          (element) => html`<label class="choice" for="embed-element-${element}">
            <input id="embed-element-${element}" type="radio" name="element" value=${element} .checked=${element === this.element}
              @change=${() => this.#choose(element)} />
            ${t(`embedElement.${element}`)}
          </label>`,
        )}
      </fieldset>
      ${
        this.element === 'booking'
          ? html`${this.#select('embed-service', t('embedService'), data.services, t('embedNoServices'))}
            <div class="field">
              <label for="embed-source">${t('embedSource')}</label>
              <p class="hint" id="embed-source-hint">${t('embedSourceHint')}</p>
              ${fieldError(t, 'embed-source', errors['embed-source'])}
              <input id="embed-source" name="source" maxlength="100" autocomplete="off" spellcheck="false"
                aria-invalid=${errors['embed-source'] ? 'true' : 'false'}
                aria-describedby=${['embed-source-hint', errors['embed-source'] ? 'embed-source-error' : ''].filter(Boolean).join(' ')} />
            </div>`
          : this.element === 'intake'
            ? this.#select(
                'embed-form',
                t('embedForm'),
                data.forms.map((form) => ({ id: form.id, name: form.title })),
                t('embedNoForms'),
              )
            : html`<p class="hint">${t('embedChecklistHint')}</p>`
      }
      <fieldset class="field">
        <legend class="label">${t('embedLanguage')}</legend>
        ${(['en', 'es'] as const).map(
          (lang) => html`<label class="choice" for="embed-lang-${lang}">
            <input id="embed-lang-${lang}" type="radio" name="lang" value=${lang} ?checked=${lang === 'en'} />
            <span lang=${lang}>${lang === 'es' ? 'Español' : 'English'}</span>
          </label>`,
        )}
      </fieldset>
      <button class="button" type="submit">${t('embedMake')}</button>
    </form>`;
  }

  /** A choice among `options`; with none, the field says why there is nothing to choose. */
  #select(id: string, label: string, options: readonly { id: string; name: string }[], empty: string) {
    const t = this.t;
    const error = this.errors[id];
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${options.length === 0 ? html`<p class="hint" id="${id}-hint">${empty}</p>` : nothing} ${fieldError(t, id, error)}
      <select id=${id} name=${id.replace('embed-', '')} aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${[options.length === 0 ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing}>
        ${options.map((option) => html`<option value=${option.id}>${option.name} (${option.id})</option>`)}
      </select>
    </div>`;
  }

  #code(snippet: EmbedSnippet) {
    const t = this.t;
    return html`<section class="card" aria-labelledby="embed-code-heading">
        <h3 id="embed-code-heading" tabindex="-1">${t('embedCodeHeading')}</h3>
        <div class="field">
          <label for="embed-code">${t('embedCodeLabel')}</label>
          <p class="hint" id="embed-code-hint">${t('embedCodeHint')}</p>
          <textarea id="embed-code" class="mono" readonly rows="8" spellcheck="false" aria-describedby="embed-code-hint" .value=${snippet.code}></textarea>
        </div>
        <div class="actions">
          <button class="button" type="button" @click=${this.#copy}>${t('copy')}</button>
          <p role="status" aria-live="polite" id="embed-copied">${this.copied}</p>
        </div>
      </section>
      <section class="card" aria-labelledby="embed-csp-heading">
        <h3 id="embed-csp-heading">${t('embedCspHeading')}</h3>
        <p>${t('embedCspHint')}</p>
        <pre class="csp mono" id="embed-csp"><code>${snippet.csp.join('\n')}</code></pre>
        <p class="hint">${t('embedCspTrustedTypes')}</p>
      </section>
      <section class="card" aria-labelledby="embed-where-heading">
        <h3 id="embed-where-heading">${t('embedWhereHeading')}</h3>
        <dl>
          ${PLATFORMS.map(([name, how]) => html`<dt><strong>${t(name)}</strong></dt><dd>${t(how)}</dd>`)}
        </dl>
      </section>`;
  }

  /** Another element: its own options, and the code made for the one before is gone. */
  #choose(element: EmbedElement) {
    this.element = element;
    this.errors = {};
    this.snippet = undefined;
    this.copied = '';
  }

  #make = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.loaded.name !== 'ready' || !this.loaded.data.elements) return;
    const data = this.loaded.data;
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value.trim() ?? '';
    const lang = value('lang') === 'es' ? 'es' : 'en';
    const choice: EmbedChoice = { element: this.element, lang };
    const errors: FieldErrors = {};
    if (this.element === 'booking') {
      choice.service = value('service');
      if (!choice.service) errors['embed-service'] = this.t('embedNoServices');
      const source = value('source');
      if (source && !SOURCE_PATTERN.test(source)) errors['embed-source'] = this.t('embedSourceInvalid');
      if (source) choice.source = source;
    } else if (this.element === 'intake') {
      choice.form = value('form');
      if (!choice.form) errors['embed-form'] = this.t('embedNoForms');
    }
    this.errors = errors;
    this.copied = '';
    if (Object.keys(errors).length > 0) {
      this.snippet = undefined;
      await focusSummary(this);
      return;
    }
    // The address pages reach the API at: the server's public URL, else the one this console uses.
    this.snippet = embedSnippet(data.elements!, data.publicUrl ?? this.api.base.href, choice);
    await this.focusOn('#embed-code-heading');
  };

  #copy = async () => {
    const field = this.renderRoot.querySelector<HTMLTextAreaElement>('#embed-code');
    try {
      await navigator.clipboard.writeText(this.snippet?.code ?? '');
      this.copied = this.t('copied');
    } catch {
      // Not allowed here (an old browser, a policy, no permission): the code selected, to copy by hand.
      this.copied = this.t('embedCopyByHand');
      field?.focus();
      field?.select();
    }
  };
}
if (!customElements.get('console-embed')) customElements.define('console-embed', ConsoleEmbed);
