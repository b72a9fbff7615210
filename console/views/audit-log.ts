/**
 * `<console-audit-log>`: the owner's audit log — newest first, a page at a time (Older, Newer),
 * filtered by person and by a range of days in the clinic's zone; each row says when (in the
 * clinic's zone), who (the account's email, an API key's name), what in words, which record, and
 * from which address. "Download CSV" is a plain link to `staff/audit.csv` with the same filter:
 * a GET, which the session cookie alone opens (no CSRF token: it changes nothing but the log).
 */
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { ApiKey, AuditEntry, AuditPage, StaffMember } from '../../src/api/staff.js';
import { addDays, dayOf, startOfDay } from '../../src/scheduling/zones.js';
import type { AuditFilter } from '../api-client.js';
import { consoleStyles } from '../console.styles.js';
import { clinicTime } from '../format.js';
import { en } from '../i18n/en.js';
import type { ConsoleKey } from '../i18n/index.js';
import { ConsoleView } from './console-view.js';
import { errorSummary, fieldError, formStyles, type FieldErrors } from './form-parts.js';

interface Data {
  page: AuditPage;
  staff: StaffMember[];
  keys: ApiKey[];
}

const FIELDS = ['audit-from', 'audit-to'] as const;

export class ConsoleAuditLog extends ConsoleView<Data> {
  static override properties: PropertyDeclarations = { filter: { state: true }, pages: { state: true }, errors: { state: true } };
  static override styles = [...consoleStyles, formStyles];
  declare filter: AuditFilter;
  /** The `before` of each page shown so far: the first is the newest page (none). */
  declare pages: (string | undefined)[];
  declare errors: FieldErrors;

  constructor() {
    super();
    this.filter = {};
    this.pages = [undefined];
    this.errors = {};
  }

  override firstUpdated() {
    void this.focusOn('#audit-heading');
  }

  protected override async fetch(): Promise<Data> {
    const [page, { staff }, { apiKeys }] = await Promise.all([this.api.audit(this.filter, this.pages.at(-1)), this.api.staff(), this.api.apiKeys()]);
    return { page, staff, keys: apiKeys };
  }

  override render() {
    const t = this.t;
    return html`<section class="section" aria-labelledby="audit-heading">
      <h2 id="audit-heading" class="heading--sub" tabindex="-1">${t('auditHeading')}</h2>
      <p class="hint">${t('auditHint', { zone: this.timeZone })}</p>
      ${this.loaded.name === 'ready' ? this.#ready(this.loaded.data) : this.loadingOrFailed()}
    </section>`;
  }

  #ready(data: Data) {
    const t = this.t;
    return html`${this.#filterForm(data.staff)}
      <p class="actions">
        <a class="button button--secondary" href=${this.api.auditCsvUrl(this.filter)} download="audit-log.csv" aria-describedby="audit-download-hint">${t('auditDownload')}</a>
        <span class="hint" id="audit-download-hint">${t('auditDownloadHint')}</span>
      </p>
      ${
        data.page.entries.length === 0
          ? html`<p>${t('auditEmpty')}</p>`
          : html`<table class="stack">
            <thead>
              <tr>
                <th scope="col">${t('auditWhen')}</th>
                <th scope="col">${t('auditWho')}</th>
                <th scope="col">${t('auditAction')}</th>
                <th scope="col">${t('auditRecord')}</th>
                <th scope="col">${t('auditAddress')}</th>
              </tr>
            </thead>
            <tbody>
              ${data.page.entries.map(
                (entry) => html`<tr data-entry=${entry.id}>
                  <td data-label=${t('auditWhen')}><time datetime=${entry.at}>${clinicTime(entry.at, this.timeZone, this.lang)}</time></td>
                  <td data-label=${t('auditWho')} class="mono">${this.#who(entry, data)}</td>
                  <td data-label=${t('auditAction')}>${this.#action(entry.action)}</td>
                  <td data-label=${t('auditRecord')}>${entry.record ? html`${this.#recordType(entry.record.type)} <span class="mono">${entry.record.id}</span>` : nothing}</td>
                  <td data-label=${t('auditAddress')} class="mono">${entry.address ?? ''}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
      }
      <nav aria-label=${t('auditPaging')}>
        <p class="actions">
          ${this.pages.length > 1 ? html`<button class="button button--secondary" type="button" @click=${this.#newer}>${t('auditNewer')}</button>` : nothing}
          <span>${t('auditPage', { page: this.pages.length })}</span>
          ${data.page.next ? html`<button class="button button--secondary" type="button" @click=${() => this.#older(data.page.next!)}>${t('auditOlder')}</button>` : nothing}
        </p>
      </nav>`;
  }

  #filterForm(staff: StaffMember[]) {
    const t = this.t;
    const errors = this.errors;
    const from = this.filter.from ? dayOf(this.filter.from, this.timeZone) : '';
    // The filter's end is the start of the day after the last day included.
    const to = this.filter.to ? dayOf(new Date(Date.parse(this.filter.to) - 1000), this.timeZone) : '';
    return html`<form class="card" aria-labelledby="audit-filter-heading" novalidate @submit=${this.#apply}>
      <h3 id="audit-filter-heading">${t('auditFilterHeading')}</h3>
      ${errorSummary(t, this.renderRoot, errors, FIELDS, 4)}
      <div class="field">
        <label for="audit-person">${t('auditPerson')}</label>
        <select id="audit-person" name="actor">
          <option value="">${t('auditEveryone')}</option>
          ${staff.map((member) => html`<option value=${member.id} ?selected=${member.id === this.filter.actor}>${member.email}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="audit-from">${t('auditFrom')}</label>
        ${fieldError(t, 'audit-from', errors['audit-from'])}
        <input id="audit-from" name="from" type="date" .value=${from} aria-invalid=${errors['audit-from'] ? 'true' : 'false'} aria-describedby=${errors['audit-from'] ? 'audit-from-error' : nothing} />
      </div>
      <div class="field">
        <label for="audit-to">${t('auditTo')}</label>
        ${fieldError(t, 'audit-to', errors['audit-to'])}
        <input id="audit-to" name="to" type="date" .value=${to} aria-invalid=${errors['audit-to'] ? 'true' : 'false'} aria-describedby=${errors['audit-to'] ? 'audit-to-error' : nothing} />
      </div>
      <button class="button" type="submit">${t('auditApply')}</button>
    </form>`;
  }

  #who(entry: AuditEntry, data: Data): string {
    const t = this.t;
    const id = entry.actor.id ?? '';
    switch (entry.actor.type) {
      case 'staff':
        return data.staff.find((member) => member.id === id)?.email ?? t('auditUnknownStaff', { id });
      case 'api_key': {
        const key = data.keys.find((candidate) => candidate.id === id);
        return key ? t('auditApiKey', { name: key.name }) : t('auditUnknownKey', { id });
      }
      case 'system':
        return t('auditSystem');
      case 'anonymous':
        return t('auditAnonymous');
    }
  }

  /** An action in words; one the console has no words for yet, as the server names it. */
  #action(action: string): string {
    const key = `action.${action}`;
    return key in en ? this.t(key as ConsoleKey) : action;
  }

  #recordType(type: string): string {
    const key = `record.${type}`;
    return key in en ? this.t(key as ConsoleKey) : type;
  }

  #apply = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value.trim();
    const [actor, from, to] = [value('actor'), value('from'), value('to')];
    const errors: FieldErrors = {};
    if (from && !/^\d{4}-\d{2}-\d{2}$/.test(from)) errors['audit-from'] = this.t('closureDateInvalid');
    if (to && !/^\d{4}-\d{2}-\d{2}$/.test(to)) errors['audit-to'] = this.t('closureDateInvalid');
    else if (from && to && to < from) errors['audit-to'] = this.t('auditToBeforeFrom');
    this.errors = errors;
    if (Object.keys(errors).length > 0) return this.focusOn('.error-summary');
    this.filter = {
      ...(actor ? { actor } : {}),
      ...(from ? { from: startOfDay(from, this.timeZone) } : {}),
      // The end day is included: up to the start of the day after it.
      ...(to ? { to: startOfDay(addDays(to, 1), this.timeZone) } : {}),
    };
    this.pages = [undefined];
    await this.#reload();
  };

  async #older(next: string) {
    this.pages = [...this.pages, next];
    await this.#reload();
  }

  async #newer() {
    this.pages = this.pages.slice(0, -1);
    await this.#reload();
  }

  /** Another page or filter: loading until it is read (no page number over the last page's rows), then focus on the heading. */
  async #reload() {
    this.loaded = { name: 'loading' };
    await this.load();
    await this.focusOn('#audit-heading');
  }
}
if (!customElements.get('console-audit-log')) customElements.define('console-audit-log', ConsoleAuditLog);
