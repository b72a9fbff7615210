/**
 * `<console-forms>`: the form studio's list of the clinic's intake forms, for the marketer and the
 * owner (`forms:manage`): each form's title, whether it has a draft, and its latest published
 * version, with Edit; and New form — a title, an id (used in the embed code) and what it starts
 * from: the KAP intake, a short pre-consultation form, or a blank page. Making one saves its first
 * draft (`PUT staff/forms/{id}/draft`) and opens it (`open-form`, the form's id). It asks
 * `GET staff/forms` only: forms and their versions, never anything about a client.
 */
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { ConfiguredForm } from '../../src/api/clinic-config.js';
import { consoleStyles } from '../console.styles.js';
import { sameDefinition, textIn } from '../studio/draft.js';
import { TEMPLATES, templateDraft, type Template } from '../studio/templates.js';
import { ConsoleView } from './console-view.js';
import { errorSummary, field, focusSummary, formStyles, type FieldErrors } from './form-parts.js';

const FIELDS = ['new-form-title', 'new-form-id', 'form'] as const;
const FORM_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

export class ConsoleForms extends ConsoleView<ConfiguredForm[]> {
  static override properties: PropertyDeclarations = { errors: { state: true }, busy: { state: true } };
  static override styles = [...consoleStyles, formStyles];
  declare errors: FieldErrors;
  declare busy: boolean;

  constructor() {
    super();
    this.errors = {};
    this.busy = false;
  }

  protected override async fetch(): Promise<ConfiguredForm[]> {
    return (await this.api.forms()).forms;
  }

  override render() {
    const t = this.t;
    return html`<section class="section" aria-labelledby="forms-heading">
      <h2 id="forms-heading" class="heading--sub" tabindex="-1">${t('formsHeading')}</h2>
      <p class="hint">${t('formsIntro')}</p>
      ${this.loaded.name === 'ready' ? html`${this.#list(this.loaded.data)} ${this.#create()}` : this.loadingOrFailed()}
    </section>`;
  }

  #title(form: ConfiguredForm): string {
    const definition = form.draft ?? form.versions.at(-1)?.definition ?? {};
    const base = typeof definition['lang'] === 'string' ? definition['lang'] : 'en';
    return textIn(definition['title'], this.lang, base) || textIn(definition['title'], base, base) || form.id;
  }

  #list(forms: ConfiguredForm[]) {
    const t = this.t;
    if (forms.length === 0) return html`<p>${t('formsNone')}</p>`;
    return html`<table class="stack">
      <caption class="visually-hidden">${t('formsHeading')}</caption>
      <thead>
        <tr><th scope="col">${t('formsColumnForm')}</th><th scope="col">${t('formsColumnPublished')}</th><th scope="col">${t('formsColumnDraft')}</th><th scope="col"><span class="visually-hidden">${t('formsColumnActions')}</span></th></tr>
      </thead>
      <tbody>
        ${forms.map((form) => {
          const latest = form.versions.at(-1);
          const title = this.#title(form);
          return html`<tr>
            <th scope="row">${title} <span class="hint mono">(${form.id})</span></th>
            <td data-label=${t('formsColumnPublished')}>${latest ? t('formsVersion', { version: latest.version, count: form.versions.length }) : t('formsNotPublished')}</td>
            <td data-label=${t('formsColumnDraft')}>${form.draft && !(latest && sameDefinition(form.draft, latest.definition)) ? t('formsDraftWaiting', { version: form.versions.length + 1 }) : t('formsNoDraft')}</td>
            <td>
              <button class="button button--secondary" type="button" @click=${() => this.#open(form.id)}>${t('formsEdit')}<span class="visually-hidden">: ${title}</span></button>
            </td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  #create() {
    const t = this.t;
    const errors = this.errors;
    return html`<form class="card" aria-labelledby="new-form-heading" novalidate @submit=${this.#make}>
      <h3 id="new-form-heading">${t('formsNew')}</h3>
      ${errorSummary(t, this.renderRoot, errors, FIELDS)}
      ${field(t, 'new-form-title', t('formsNewTitle'), errors, (describedBy, invalid) => html`<input id="new-form-title" name="title" maxlength="200" autocomplete="off" aria-invalid=${invalid} aria-describedby=${describedBy} />`)}
      ${field(
        t,
        'new-form-id',
        t('formsNewId'),
        errors,
        (describedBy, invalid) =>
          html`<input id="new-form-id" name="id" maxlength="100" autocomplete="off" spellcheck="false" aria-invalid=${invalid} aria-describedby=${describedBy} />`,
        t('formsNewIdHint'),
      )}
      <fieldset class="field">
        <legend class="label">${t('formsTemplate')}</legend>
        ${TEMPLATES.map(
          (template) => html`<label class="choice" for="template-${template}">
            <input id="template-${template}" type="radio" name="template" value=${template} ?checked=${template === 'blank'} aria-describedby="template-${template}-hint" />
            ${t(`template.${template}`)}
          </label>
          <p class="hint" id="template-${template}-hint">${t(`template.${template}.hint`)}</p>`,
        )}
      </fieldset>
      <button class="button" type="submit" ?disabled=${this.busy}>${t('formsCreate')}</button>
      ${this.busy ? html`<p role="status">${t('loading')}</p>` : nothing}
    </form>`;
  }

  #open(id: string) {
    this.dispatchEvent(new CustomEvent('open-form', { detail: id, bubbles: true, composed: true }));
  }

  #make = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.loaded.name !== 'ready') return;
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? '';
    const title = value('title');
    const id = value('id');
    const template = (form.querySelector<HTMLInputElement>('input[name="template"]:checked')?.value ?? 'blank') as Template;
    const errors: FieldErrors = {};
    if (!title) errors['new-form-title'] = this.t('formsNewTitleMissing');
    if (!FORM_ID.test(id)) errors['new-form-id'] = this.t('formsNewIdInvalid');
    else if (this.loaded.data.some((existing) => existing.id === id)) errors['new-form-id'] = this.t('formsNewIdTaken');
    this.errors = errors;
    if (Object.keys(errors).length) return focusSummary(this);
    this.busy = true;
    try {
      await this.api.saveFormDraft(id, await templateDraft(template, id, title, this.lang));
      this.#open(id);
    } catch (error) {
      this.errors = { form: this.message(error) };
      await focusSummary(this);
    } finally {
      this.busy = false;
    }
  };
}
if (!customElements.get('console-forms')) customElements.define('console-forms', ConsoleForms);
