/**
 * `<console-profile>`: the owner's clinic profile — name, time zone, the in-person address,
 * contact phone and email, the privacy notice's address and crisis lines by country (rows added
 * and removed). Saved as a whole (`PUT staff/clinic/profile`); what is missing is said before
 * sending, and the server's problems (a phone, email or address it refuses) at their field, by the
 * path it answers (`profile.contact.email`, `profile.crisisResources.US.0.phone`). The language of
 * the services' texts and the scheduling settings stay as they are.
 */
import { LitElement, html, nothing } from 'lit';
import type { ClinicProfile } from '../../src/api/clinic-config.js';
import { ConsoleApiError, type ConsoleApi } from '../api-client.js';
import { consoleStyles } from '../console.styles.js';
import type { ConsoleKey, Translate } from '../i18n/index.js';
import { errorSummary, field, focusSummary, settingsFormStyles, type FieldErrors } from './settings-form.js';

interface CrisisRow {
  country: string;
  name: string;
  description: string;
  phone: string;
  sms: string;
  url: string;
}
type CrisisField = Exclude<keyof CrisisRow, 'country'> | 'country';
const CRISIS_FIELDS: readonly CrisisField[] = ['country', 'name', 'description', 'phone', 'sms', 'url'];

interface Draft {
  name: string;
  timeZone: string;
  address: string;
  country: string;
  phone: string;
  email: string;
  privacyNoticeUrl: string;
  crisis: CrisisRow[];
}
type DraftField = Exclude<keyof Draft, 'crisis'>;

type State = { name: 'loading' } | { name: 'failed'; message: string } | { name: 'ready'; profile: ClinicProfile };

/** Each draft field's input id and label. */
const FIELDS: Record<DraftField, { id: string; label: ConsoleKey; invalid: ConsoleKey }> = {
  name: { id: 'profile-name', label: 'profileName', invalid: 'profileNameInvalid' },
  timeZone: { id: 'profile-zone', label: 'profileTimeZone', invalid: 'profileTimeZoneInvalid' },
  address: { id: 'profile-address', label: 'profileAddress', invalid: 'profileAddressInvalid' },
  country: { id: 'profile-country', label: 'profileCountry', invalid: 'countryInvalid' },
  phone: { id: 'profile-phone', label: 'profilePhone', invalid: 'phoneInvalid' },
  email: { id: 'profile-email', label: 'profileEmail', invalid: 'profileEmailInvalid' },
  privacyNoticeUrl: { id: 'profile-privacy', label: 'profilePrivacy', invalid: 'profilePrivacyInvalid' },
};
const CRISIS_INVALID: Record<CrisisField, ConsoleKey> = {
  country: 'countryInvalid',
  name: 'crisisNameMissing',
  description: 'crisisDescriptionInvalid',
  phone: 'phoneInvalid',
  sms: 'phoneInvalid',
  url: 'crisisUrlInvalid',
};

function draftOf(profile: ClinicProfile): Draft {
  return {
    name: profile.name,
    timeZone: profile.timeZone,
    address: profile.address?.lines.join('\n') ?? '',
    country: profile.address?.country ?? '',
    phone: profile.contact?.phone ?? '',
    email: profile.contact?.email ?? '',
    privacyNoticeUrl: profile.privacyNoticeUrl ?? '',
    crisis: Object.entries(profile.crisisResources ?? {}).flatMap(([country, lines]) =>
      lines.map((line) => ({ country, name: line.name, description: line.description ?? '', phone: line.phone ?? '', sms: line.sms ?? '', url: line.url ?? '' })),
    ),
  };
}

/** The profile to send: empty fields left out; crisis rows grouped by country in their order. */
function profileOf(draft: Draft, language: string): ClinicProfile {
  const lines = draft.address.split('\n').map((line) => line.trim()).filter(Boolean);
  const given = <T extends Record<string, string>>(record: T) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== '')) as Partial<T>;
  const contact = given({ phone: draft.phone.trim(), email: draft.email.trim() });
  const crisisResources: NonNullable<ClinicProfile['crisisResources']> = {};
  for (const row of draft.crisis) {
    const { country, ...line } = row;
    const trimmed = given(Object.fromEntries(Object.entries(line).map(([key, value]) => [key, value.trim()])) as Omit<CrisisRow, 'country'>);
    (crisisResources[country.trim().toUpperCase()] ??= []).push({ name: '', ...trimmed });
  }
  return {
    name: draft.name.trim(),
    timeZone: draft.timeZone,
    language,
    ...(lines.length > 0 ? { address: { lines, ...(draft.country.trim() ? { country: draft.country.trim().toUpperCase() } : {}) } } : {}),
    ...(Object.keys(contact).length > 0 ? { contact } : {}),
    ...(draft.privacyNoticeUrl.trim() ? { privacyNoticeUrl: draft.privacyNoticeUrl.trim() } : {}),
    ...(draft.crisis.length > 0 ? { crisisResources } : {}),
  };
}

/** The IANA zones this browser knows, with `current` among them. */
function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

export class ConsoleProfile extends LitElement {
  static override properties = {
    api: { attribute: false },
    t: { attribute: false },
    lang: {},
    state: { state: true },
    draft: { state: true },
    errors: { state: true },
    outcome: { state: true },
    busy: { state: true },
  };
  static override styles = [consoleStyles, settingsFormStyles];
  declare api: ConsoleApi;
  declare t: Translate;
  declare lang: string;
  declare state: State;
  declare draft: Draft;
  declare errors: FieldErrors;
  declare outcome: string;
  declare busy: boolean;

  constructor() {
    super();
    this.lang = 'en';
    this.state = { name: 'loading' };
    this.errors = {};
    this.outcome = '';
    this.busy = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  async load() {
    try {
      const { profile } = (await this.api.clinic()).configuration;
      this.draft = draftOf(profile);
      this.state = { name: 'ready', profile };
    } catch (error) {
      this.state = { name: 'failed', message: this.#message(error) };
    }
  }

  /** Shown on the owner's choice: focus moves to its heading. */
  override firstUpdated() {
    this.renderRoot.querySelector<HTMLElement>('#profile-heading')?.focus();
  }

  override render() {
    const t = this.t;
    const state = this.state;
    return html`<section class="section" aria-labelledby="profile-heading">
      <h3 id="profile-heading" tabindex="-1">${t('profileHeading')}</h3>
      ${this.outcome ? html`<p class="notice notice--success" role="status">${this.outcome}</p>` : nothing}
      ${state.name === 'loading' ? html`<p role="status">${t('loading')}</p>` : nothing}
      ${state.name === 'failed'
        ? html`<div class="notice notice--error" role="alert"><p>${state.message}</p></div>
            <button class="button button--secondary" type="button" @click=${() => this.load()}>${t('tryAgain')}</button>`
        : nothing}
      ${state.name === 'ready' ? this.#form() : nothing}
    </section>`;
  }

  #input(name: DraftField, type = 'text', hint?: string, extra: { autocomplete?: string; maxlength?: number } = {}) {
    const { id, label } = FIELDS[name];
    return field(this.t, id, this.t(label), this.errors, (describedBy, invalid) =>
      type === 'textarea'
        ? html`<textarea id=${id} rows="4" aria-describedby=${describedBy} aria-invalid=${invalid} .value=${this.draft[name]}
            @input=${(event: Event) => this.#set(name, (event.target as HTMLTextAreaElement).value)}></textarea>`
        : html`<input id=${id} type=${type} autocomplete=${extra.autocomplete ?? 'off'} maxlength=${extra.maxlength ?? nothing} aria-describedby=${describedBy}
            aria-invalid=${invalid} .value=${this.draft[name]} @input=${(event: Event) => this.#set(name, (event.target as HTMLInputElement).value)} />`,
    hint);
  }

  #form() {
    const t = this.t;
    return html`<form novalidate @submit=${this.#save}>
      ${errorSummary(t, this.renderRoot, this.errors)}
      ${this.#input('name', 'text', undefined, { autocomplete: 'organization', maxlength: 200 })}
      ${field(t, FIELDS.timeZone.id, t('profileTimeZone'), this.errors, (describedBy, invalid) => html`<select id=${FIELDS.timeZone.id} aria-describedby=${describedBy} aria-invalid=${invalid}
          @change=${(event: Event) => this.#set('timeZone', (event.target as HTMLSelectElement).value)}>
          ${timeZones(this.draft.timeZone).map((zone) => html`<option value=${zone} ?selected=${zone === this.draft.timeZone}>${zone}</option>`)}
        </select>`, t('profileTimeZoneHint'))}
      <fieldset class="card">
        <legend>${t('profileAddressHeading')}</legend>
        ${this.#input('address', 'textarea', t('profileAddressHint'))}
        ${this.#input('country', 'text', t('countryHint'), { autocomplete: 'country', maxlength: 2 })}
      </fieldset>
      <fieldset class="card">
        <legend>${t('profileContactHeading')}</legend>
        ${this.#input('phone', 'tel', t('profilePhoneHint'), { autocomplete: 'tel' })}
        ${this.#input('email', 'email', undefined, { autocomplete: 'email' })}
      </fieldset>
      ${this.#input('privacyNoticeUrl', 'url', t('profilePrivacyHint'))}
      <fieldset class="card">
        <legend id="crisis-heading" tabindex="-1">${t('crisisHeading')}</legend>
        <p class="hint">${t('crisisHint')}</p>
        ${this.draft.crisis.length === 0 ? html`<p>${t('crisisEmpty')}</p>` : nothing}
        ${this.draft.crisis.map((row, index) => this.#crisisRow(row, index))}
        <button class="button button--secondary" type="button" @click=${this.#addCrisis}>${t('crisisAdd')}</button>
      </fieldset>
      <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t('profileSave')}</button>
    </form>`;
  }

  #crisisRow(row: CrisisRow, index: number) {
    const t = this.t;
    const labels: Record<CrisisField, ConsoleKey> = {
      country: 'crisisCountry',
      name: 'crisisName',
      description: 'crisisDescription',
      phone: 'crisisPhone',
      sms: 'crisisSms',
      url: 'crisisUrl',
    };
    const title = t('crisisRow', { number: index + 1, name: row.name || '…' });
    return html`<fieldset class="card">
      <legend>${title}</legend>
      ${CRISIS_FIELDS.map((name) => {
        const id = `crisis-${index}-${name}`;
        return field(t, id, t(labels[name]), this.errors, (describedBy, invalid) => html`<input id=${id} type=${name === 'url' ? 'url' : name === 'phone' || name === 'sms' ? 'tel' : 'text'}
            autocomplete="off" maxlength=${name === 'country' ? 2 : name === 'description' ? 500 : 200} aria-describedby=${describedBy} aria-invalid=${invalid} .value=${row[name]}
            @input=${(event: Event) => this.#setCrisis(index, name, (event.target as HTMLInputElement).value)} />`, name === 'country' ? t('countryHint') : undefined);
      })}
      <button class="button button--secondary" type="button" aria-label=${t('crisisRemove', { row: title })} @click=${() => this.#removeCrisis(index)}>${t('closureRemove')}</button>
    </fieldset>`;
  }

  #set(name: DraftField, value: string) {
    this.draft = { ...this.draft, [name]: value };
  }

  #setCrisis(index: number, name: CrisisField, value: string) {
    this.draft = { ...this.draft, crisis: this.draft.crisis.map((row, at) => (at === index ? { ...row, [name]: value } : row)) };
  }

  #addCrisis = async () => {
    this.draft = { ...this.draft, crisis: [...this.draft.crisis, { country: '', name: '', description: '', phone: '', sms: '', url: '' }] };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#crisis-${this.draft.crisis.length - 1}-country`)?.focus();
  };

  async #removeCrisis(index: number) {
    this.draft = { ...this.draft, crisis: this.draft.crisis.filter((_, at) => at !== index) };
    this.errors = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#crisis-heading')?.focus();
  }

  /** What is missing, before asking the server (which checks every format). */
  #missing(): FieldErrors {
    const errors: FieldErrors = {};
    if (!this.draft.name.trim()) errors[FIELDS.name.id] = this.t('profileNameInvalid');
    this.draft.crisis.forEach((row, index) => {
      if (!row.country.trim()) errors[`crisis-${index}-country`] = this.t('countryInvalid');
      if (!row.name.trim()) errors[`crisis-${index}-name`] = this.t('crisisNameMissing');
    });
    return errors;
  }

  /** A server path (`profile.crisisResources.US.1.phone`) as the id of the field it is about. */
  #fieldOf(path: string): { id: string; message: string } | undefined {
    const parts = path.split('.');
    if (parts[0] !== 'profile') return undefined;
    const [, key, ...rest] = parts;
    const simple = (name: DraftField) => ({ id: FIELDS[name].id, message: this.t(FIELDS[name].invalid) });
    switch (key) {
      case 'name':
      case 'timeZone':
      case 'privacyNoticeUrl':
        return simple(key);
      case 'address':
        return simple(rest[0] === 'country' ? 'country' : 'address');
      case 'contact':
        return rest[0] === 'phone' || rest[0] === 'email' ? simple(rest[0]) : undefined;
      case 'crisisResources': {
        const [country, nth, name] = rest;
        const rows = this.draft.crisis.map((row, index) => ({ row, index })).filter(({ row }) => row.country.trim().toUpperCase() === country);
        const row = nth === undefined ? rows[0] : rows[Number(nth)];
        if (!row) return undefined;
        const crisisField = CRISIS_FIELDS.includes(name as CrisisField) ? (name as CrisisField) : 'country';
        return { id: `crisis-${row.index}-${crisisField}`, message: this.t(CRISIS_INVALID[crisisField]) };
      }
      default:
        return undefined;
    }
  }

  #save = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy || this.state.name !== 'ready') return;
    this.outcome = '';
    let errors = this.#missing();
    if (Object.keys(errors).length === 0) {
      this.busy = true;
      try {
        const { profile } = (await this.api.saveProfile(profileOf(this.draft, this.state.profile.language))).configuration;
        this.state = { name: 'ready', profile };
        this.draft = draftOf(profile);
        this.errors = {};
        this.outcome = this.t('profileSaved');
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#profile-heading')?.focus();
        return;
      } catch (error) {
        errors = {};
        if (error instanceof ConsoleApiError && error.status === 422) {
          for (const path of Object.keys(error.fields)) {
            const found = this.#fieldOf(path);
            if (found) errors[found.id] ??= found.message;
          }
        }
        if (Object.keys(errors).length === 0) errors['form'] = this.#message(error);
      } finally {
        this.busy = false;
      }
    }
    this.errors = this.#inFormOrder(errors);
    await focusSummary(this);
  };

  /** The summary lists problems in the order of the fields on the screen. */
  #inFormOrder(errors: FieldErrors): FieldErrors {
    const order = [...this.renderRoot.querySelectorAll('input, select, textarea')].map((control) => control.id);
    return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => (order.indexOf(a) >>> 0) - (order.indexOf(b) >>> 0)));
  }

  #message(error: unknown): string {
    if (!(error instanceof ConsoleApiError)) return this.t('errorUnexpected');
    if (error.status === 0) return this.t('errorNetwork');
    if (error.status === 403) return this.t('errorForbidden');
    return error.status >= 500 ? this.t('errorServer') : this.t('errorUnexpected');
  }
}
if (!customElements.get('console-profile')) customElements.define('console-profile', ConsoleProfile);
