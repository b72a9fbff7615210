/**
 * `<console-profile>`: the owner's clinic profile — name, time zone, the in-person address,
 * contact phone and email, the privacy notice's address and crisis lines by country (rows added
 * and removed). Saved as a whole (`PUT staff/clinic/profile`); what is missing is said before
 * sending, and the server's problems (a phone, email or address it refuses) at their field, by the
 * path it answers (`profile.contact.email`, `profile.crisisResources.US.0.phone`). The language of
 * the services' texts and the scheduling settings stay as they are.
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { ClinicProfile } from '../../src/api/clinic-config.js';
import { ConsoleApiError } from '../api-client.js';
import { consoleStyles } from '../console.styles.js';
import type { ConsoleKey } from '../i18n/index.js';
import { ConsoleView } from './console-view.js';
import { errorSummary, field, focusSummary, formStyles, type FieldErrors } from './form-parts.js';

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
      lines.map((line) => ({
        country,
        name: line.name,
        description: line.description ?? '',
        phone: line.phone ?? '',
        sms: line.sms ?? '',
        url: line.url ?? '',
      })),
    ),
  };
}

/** The profile to send: empty fields left out; crisis rows grouped by country in their order. */
function profileOf(draft: Draft, language: string): ClinicProfile {
  const lines = draft.address
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
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

export class ConsoleProfile extends ConsoleView<ClinicProfile> {
  static override properties: PropertyDeclarations = {
    draft: { state: true },
    errors: { state: true },
    outcome: { state: true },
    busy: { state: true },
  };
  static override styles = [...consoleStyles, formStyles];
  /** The profile as edited, not yet saved. */
  declare draft: Draft;
  declare errors: FieldErrors;
  declare outcome: string;
  declare busy: boolean;

  constructor() {
    super();
    this.errors = {};
    this.outcome = '';
    this.busy = false;
  }

  protected override async fetch(): Promise<ClinicProfile> {
    return (await this.api.clinic()).configuration.profile;
  }

  /** The profile loaded or saved is what the form then edits. */
  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('loaded') && this.loaded.name === 'ready') this.draft = draftOf(this.loaded.data);
  }

  /** Shown on the owner's choice: focus moves to its heading. */
  override firstUpdated() {
    void this.focusOn('#profile-heading');
  }

  override render() {
    const t = this.t;
    return html`<section class="section" aria-labelledby="profile-heading">
      <h3 id="profile-heading" tabindex="-1">${t('profileHeading')}</h3>
      ${this.outcome ? html`<p class="notice notice--success" role="status">${this.outcome}</p>` : nothing}
      ${this.loadingOrFailed()} ${this.loaded.name === 'ready' ? this.#form() : nothing}
    </section>`;
  }

  #input(name: DraftField, type = 'text', hint?: string, extra: { autocomplete?: string; maxlength?: number } = {}) {
    const { id, label } = FIELDS[name];
    return field(
      this.t,
      id,
      this.t(label),
      this.errors,
      (describedBy, invalid) =>
        type === 'textarea'
          ? html`<textarea id=${id} rows="4" aria-describedby=${describedBy} aria-invalid=${invalid} .value=${this.draft[name]}
            @input=${(event: Event) => this.#set(name, (event.target as HTMLTextAreaElement).value)}></textarea>`
          : html`<input id=${id} type=${type} autocomplete=${extra.autocomplete ?? 'off'} maxlength=${extra.maxlength ?? nothing} aria-describedby=${describedBy}
            aria-invalid=${invalid} .value=${this.draft[name]} @input=${(event: Event) => this.#set(name, (event.target as HTMLInputElement).value)} />`,
      hint,
    );
  }

  #form() {
    const t = this.t;
    return html`<form novalidate @submit=${this.#save}>
      ${errorSummary(t, this.renderRoot, this.errors)}
      ${this.#input('name', 'text', undefined, { autocomplete: 'organization', maxlength: 200 })}
      ${field(
        t,
        FIELDS.timeZone.id,
        t('profileTimeZone'),
        this.errors,
        (describedBy, invalid) => html`<select id=${FIELDS.timeZone.id} aria-describedby=${describedBy} aria-invalid=${invalid}
          @change=${(event: Event) => this.#set('timeZone', (event.target as HTMLSelectElement).value)}>
          ${timeZones(this.draft.timeZone).map((zone) => html`<option value=${zone} ?selected=${zone === this.draft.timeZone}>${zone}</option>`)}
        </select>`,
        t('profileTimeZoneHint'),
      )}
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
        return field(
          t,
          id,
          t(labels[name]),
          this.errors,
          (describedBy, invalid) => html`<input id=${id} type=${name === 'url' ? 'url' : name === 'phone' || name === 'sms' ? 'tel' : 'text'}
            autocomplete="off" maxlength=${name === 'country' ? 2 : name === 'description' ? 500 : 200} aria-describedby=${describedBy} aria-invalid=${invalid} .value=${row[name]}
            @input=${(event: Event) => this.#setCrisis(index, name, (event.target as HTMLInputElement).value)} />`,
          name === 'country' ? t('countryHint') : undefined,
        );
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
    if (this.busy || this.loaded.name !== 'ready') return;
    this.outcome = '';
    let errors = this.#missing();
    if (Object.keys(errors).length === 0) {
      this.busy = true;
      try {
        const { profile } = (await this.api.saveProfile(profileOf(this.draft, this.loaded.data.language))).configuration;
        this.loaded = { name: 'ready', data: profile };
        this.errors = {};
        this.outcome = this.t('profileSaved');
        await this.focusOn('#profile-heading');
        return;
      } catch (error) {
        errors = {};
        if (error instanceof ConsoleApiError && error.status === 422) {
          for (const path of Object.keys(error.fields)) {
            const found = this.#fieldOf(path);
            if (found) errors[found.id] ??= found.message;
          }
        }
        if (Object.keys(errors).length === 0) errors['form'] = this.message(error);
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
}
if (!customElements.get('console-profile')) customElements.define('console-profile', ConsoleProfile);
