/**
 * `<studio-forms>`: the studio's Forms area for whoever manages forms (marketer, owner): each intake
 * form with its draft and latest version, and for one of them at a time its live preview (the
 * draft, else the latest version: form-preview.ts) or its versions (form-versions.ts). It asks
 * `GET staff/forms` only: definitions, never a client's answers. Which form is open is kept in
 * memory, never in the address.
 */
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { ConfiguredForm } from '../../src/api/clinic-config.js';
import { pickText } from '../../src/i18n/local-text.js';
import { ConsoleView } from '../views/console-view.js';
import './form-preview.js';
import './form-versions.js';

type Open = { id: string; panel: 'preview' | 'versions' };

export class StudioForms extends ConsoleView<ConfiguredForm[]> {
  static override properties: PropertyDeclarations = { open: { state: true } };
  declare open: Open | undefined;

  constructor() {
    super();
    this.open = undefined;
  }

  protected override async fetch(): Promise<ConfiguredForm[]> {
    return (await this.api.forms()).forms;
  }

  override render() {
    const t = this.t;
    return html`<section class="section" aria-labelledby="forms-heading">
      <h2 id="forms-heading" tabindex="-1">${t('studioFormsHeading')}</h2>
      <p class="hint">${t('studioFormsIntro')}</p>
      ${this.loaded.name === 'ready' ? this.#forms(this.loaded.data) : this.loadingOrFailed()}
    </section>`;
  }

  #forms(forms: ConfiguredForm[]) {
    const t = this.t;
    if (forms.length === 0) return html`<p>${t('studioFormsNone')}</p>`;
    const open = this.open && forms.find((form) => form.id === this.open!.id);
    return html`<ul class="plain">
        ${forms.map((form) => {
          const latest = form.versions.at(-1);
          return html`<li class="card">
            <h3>${this.#title(form)} <span class="hint mono">(${form.id})</span></h3>
            <p>
              ${latest ? t('studioFormLatest', { version: latest.version }) : t('studioFormUnpublished')}
              ${form.draft ? t('studioFormHasDraft') : nothing}
            </p>
            <div class="actions">
              <button class="button button--secondary" type="button" aria-pressed=${this.#isOpen(form.id, 'preview') ? 'true' : 'false'}
                @click=${() => this.#toggle({ id: form.id, panel: 'preview' })}>${t('studioFormPreview', { form: form.id })}</button>
              ${
                latest
                  ? html`<button class="button button--secondary" type="button" aria-pressed=${this.#isOpen(form.id, 'versions') ? 'true' : 'false'}
                    @click=${() => this.#toggle({ id: form.id, panel: 'versions' })}>${t('studioFormVersions', { form: form.id })}</button>`
                  : nothing
              }
            </div>
          </li>`;
        })}
      </ul>
      ${open ? this.#panel(open, this.open!.panel) : nothing}`;
  }

  #panel(form: ConfiguredForm, panel: Open['panel']) {
    if (panel === 'versions') {
      return html`<studio-form-versions .api=${this.api} .t=${this.t} .lang=${this.lang} .timeZone=${this.timeZone} .formId=${form.id}
        @studio-draft-restored=${() => this.load()}></studio-form-versions>`;
    }
    return html`<studio-form-preview .api=${this.api} .t=${this.t} .lang=${this.lang}
      .definition=${form.draft ?? form.versions.at(-1)?.definition}></studio-form-preview>`;
  }

  /** The form's title in the reader's language: its draft's, else its latest version's, else its id. */
  #title(form: ConfiguredForm): string {
    const definition = form.draft ?? form.versions.at(-1)?.definition ?? {};
    const title = definition['title'];
    const lang = typeof definition['lang'] === 'string' ? definition['lang'] : 'en';
    return typeof title === 'string' || (title && typeof title === 'object')
      ? pickText(title as Record<string, string>, this.lang, lang).text || form.id
      : form.id;
  }

  #isOpen(id: string, panel: Open['panel']): boolean {
    return this.open?.id === id && this.open.panel === panel;
  }

  async #toggle(open: Open) {
    this.open = this.#isOpen(open.id, open.panel) ? undefined : open;
    if (!this.open) return;
    await this.updateComplete;
    const child = this.renderRoot.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('studio-form-preview, studio-form-versions');
    await child?.updateComplete;
    child?.shadowRoot?.querySelector<HTMLElement>('#preview-heading, #versions-heading')?.focus();
  }
}
if (!customElements.get('studio-forms')) customElements.define('studio-forms', StudioForms);
