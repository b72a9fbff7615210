/**
 * `<studio-form-versions .formId=${…}>`: a form's published versions, newest first — the version,
 * when it was published and by whom (a staff email; never client data) — each with "What changed"
 * (the difference from the version before, in plain words: src/forms/form-diff.ts) and "Restore as
 * draft" (after a confirm step: the version's definition becomes the form's draft, which the audit
 * log records; `studio-draft-restored` then tells the page, detail `{ formId }`).
 */
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { FormVersionResponse, FormVersionSummary } from '../../src/api/clinic-config.js';
import { diffForms, type FormChange } from '../../src/forms/form-diff.js';
import { pickText, type LocalText } from '../../src/i18n/local-text.js';
import { clinicTime } from '../format.js';
import { ConsoleView } from '../views/console-view.js';
import { formStyles } from '../views/form-parts.js';
import { consoleStyles } from '../console.styles.js';

type Shown = { version: string } & ({ name: 'loading' } | { name: 'failed'; message: string } | { name: 'ready'; data: FormVersionResponse['version'] });

export class StudioFormVersions extends ConsoleView<FormVersionSummary[]> {
  static override properties: PropertyDeclarations = {
    formId: {},
    shown: { state: true },
    confirming: { state: true },
    outcome: { state: true },
    restoring: { state: true },
  };
  static override styles = [...consoleStyles, formStyles];
  declare formId: string;
  /** The version whose changes are shown. */
  declare shown: Shown | undefined;
  /** The version waiting for "Restore" to be confirmed. */
  declare confirming: string | undefined;
  /** What the last restore did: said in the status line, or the alert. */
  declare outcome: { ok: boolean; message: string } | undefined;
  declare restoring: boolean;

  constructor() {
    super();
    this.formId = '';
    this.shown = undefined;
    this.confirming = undefined;
    this.outcome = undefined;
    this.restoring = false;
  }

  protected override async fetch(): Promise<FormVersionSummary[]> {
    return (await this.api.formVersions(this.formId)).versions;
  }

  override render() {
    const t = this.t;
    return html`<section class="section" aria-labelledby="versions-heading">
      <h3 id="versions-heading" tabindex="-1">${t('studioVersionsHeading')}</h3>
      ${
        this.outcome
          ? this.outcome.ok
            ? html`<p class="notice" role="status">${this.outcome.message}</p>`
            : html`<div class="notice notice--error" role="alert"><p>${this.outcome.message}</p></div>`
          : nothing
      }
      ${this.confirming ? this.#confirm(this.confirming) : nothing}
      ${this.loaded.name === 'ready' ? this.#table(this.loaded.data) : this.loadingOrFailed()} ${this.shown ? this.#changes(this.shown) : nothing}
    </section>`;
  }

  #table(versions: FormVersionSummary[]) {
    const t = this.t;
    if (versions.length === 0) return html`<p>${t('studioVersionsNone')}</p>`;
    return html`<table class="stack">
      <caption class="visually-hidden">${t('studioVersionsHeading')}</caption>
      <thead>
        <tr>
          <th scope="col">${t('studioVersion')}</th>
          <th scope="col">${t('studioVersionPublished')}</th>
          <th scope="col">${t('studioVersionBy')}</th>
          <th scope="col"><span class="visually-hidden">${t('studioVersionActions')}</span></th>
        </tr>
      </thead>
      <tbody>
        ${versions.map(
          (entry) => html`<tr>
            <th scope="row">${entry.version}</th>
            <td data-label=${t('studioVersionPublished')}>${clinicTime(entry.publishedAt, this.timeZone, this.lang)}</td>
            <td data-label=${t('studioVersionBy')}>${entry.publishedBy ?? t('studioVersionByNobody')}</td>
            <td class="actions">
              <button class="button button--secondary" type="button" aria-expanded=${this.shown?.version === entry.version ? 'true' : 'false'}
                @click=${() => this.#show(entry.version)}>${t('studioVersionWhatChanged', { version: entry.version })}</button>
              <button class="button button--secondary" type="button" ?disabled=${this.restoring}
                @click=${() => this.#askRestore(entry.version)}>${t('studioVersionRestore', { version: entry.version })}</button>
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  #confirm(version: string) {
    const t = this.t;
    return html`<section class="card" aria-labelledby="restore-confirm-heading">
      <h4 id="restore-confirm-heading" tabindex="-1">${t('studioRestoreConfirm', { version })}</h4>
      <p>${t('studioRestoreConfirmHint')}</p>
      <div class="actions">
        <button class="button" type="button" ?disabled=${this.restoring} @click=${() => this.#restore(version)}>${t('studioRestoreYes')}</button>
        <button class="button button--secondary" type="button" @click=${this.#cancel}>${t('studioRestoreNo')}</button>
      </div>
    </section>`;
  }

  #changes(shown: Shown) {
    const t = this.t;
    return html`<section class="card" aria-labelledby="changes-heading">
      <h4 id="changes-heading" tabindex="-1">${t('studioChangesHeading', { version: shown.version })}</h4>
      ${
        shown.name === 'loading'
          ? html`<p role="status">${t('loading')}</p>`
          : shown.name === 'failed'
            ? html`<div class="notice notice--error" role="alert"><p>${shown.message}</p></div>`
            : this.#changeList(shown.data)
      }
    </section>`;
  }

  #changeList(version: FormVersionResponse['version']) {
    const t = this.t;
    if (!version.previous) return html`<p>${t('studioChangesFirst')}</p>`;
    const changes = diffForms(version.previous.definition, version.definition);
    if (changes.length === 0) return html`<p>${t('studioChangesNone', { previous: version.previous.version })}</p>`;
    const defaultLang = typeof version.definition['lang'] === 'string' ? version.definition['lang'] : 'en';
    return html`<p>${t('studioChangesSince', { previous: version.previous.version })}</p>
      <ul>
        ${changes.map((change) => html`<li>${this.#changeWords(change, defaultLang)}</li>`)}
      </ul>`;
  }

  /** One change in plain words: "Added the question “Full name”", "Changed the question “Mood”: its wording and when it is shown". */
  #changeWords(change: FormChange, defaultLang: string): string {
    const t = this.t;
    const name = labelText(change.label, this.lang, defaultLang) ?? change.id;
    const part = t(`studioPart.${change.part}`);
    if (change.kind !== 'changed') return t(change.kind === 'added' ? 'studioChangeAdded' : 'studioChangeRemoved', { part, name });
    const list = new Intl.ListFormat(this.lang, { type: 'conjunction' }).format(change.aspects.map((aspect) => t(`studioAspect.${aspect}`)));
    return t('studioChangeChanged', { part, name, what: list });
  }

  async #show(version: string) {
    if (this.shown?.version === version) {
      this.shown = undefined;
      return;
    }
    this.shown = { version, name: 'loading' };
    try {
      const { version: data } = await this.api.formVersion(this.formId, version);
      if (this.shown?.version === version) this.shown = { version, name: 'ready', data };
    } catch (error) {
      if (this.shown?.version === version) this.shown = { version, name: 'failed', message: this.message(error, 'studioVersionNotFound') };
    }
    await this.focusOn('#changes-heading');
  }

  async #askRestore(version: string) {
    this.confirming = version;
    this.outcome = undefined;
    await this.focusOn('#restore-confirm-heading');
  }

  #cancel = async () => {
    const version = this.confirming;
    this.confirming = undefined;
    await this.updateComplete;
    // Back to the button that asked.
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('tbody button')];
    buttons.find((button) => button.textContent?.trim() === this.t('studioVersionRestore', { version: version ?? '' }))?.focus();
  };

  async #restore(version: string) {
    this.restoring = true;
    try {
      await this.api.restoreFormVersion(this.formId, version);
      this.outcome = { ok: true, message: this.t('studioRestored', { version }) };
      this.dispatchEvent(new CustomEvent('studio-draft-restored', { detail: { formId: this.formId }, bubbles: true, composed: true }));
    } catch (error) {
      this.outcome = { ok: false, message: this.message(error, 'studioVersionNotFound') };
    } finally {
      this.restoring = false;
      this.confirming = undefined;
    }
    await this.focusOn('#versions-heading');
  }
}

/** A label in the reader's language, shortened for a sentence. */
function labelText(label: LocalText | undefined, lang: string, defaultLang: string): string | undefined {
  if (label === undefined) return undefined;
  const text = pickText(label, lang, defaultLang).text.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

if (!customElements.get('studio-form-versions')) customElements.define('studio-form-versions', StudioFormVersions);
