/**
 * `<console-staff>`: the owner's Staff settings — every account (email, role, status, set up or
 * not, second factor, last sign-in), a form that adds a person and shows their one-time set-up link (valid 24
 * hours) once, with Copy; a new set-up link for an account; Disable after a confirm step. The server
 * decides (an owner cannot disable their own account, nor the clinic's only owner): its refusal is
 * what the screen says.
 */
import { html, nothing, type PropertyDeclarations } from 'lit';
import type { StaffListResponse, StaffSetupLinkResponse } from '../../src/api/staff.js';
import { STAFF_ROLES, type StaffRole } from '../../src/staff/roles.js';
import { ConsoleApiError } from '../api-client.js';
import { consoleStyles } from '../console.styles.js';
import { clinicTime } from '../format.js';
import { ConsoleView } from './console-view.js';
import { roleWord } from './role-word.js';
import { errorSummary, fieldError, formStyles, type FieldErrors } from './form-parts.js';
import type { ConsoleShownOnce } from './shown-once.js';
import './shown-once.js';

type StaffMember = StaffListResponse['staff'][number];

interface Data {
  staff: StaffMember[];
  /** The signed-in owner's own account. */
  me: string;
}

const FIELDS = ['staff-email', 'staff-role'] as const;

export class ConsoleStaff extends ConsoleView<Data> {
  static override properties: PropertyDeclarations = {
    errors: { state: true },
    link: { state: true },
    confirming: { state: true },
    outcome: { state: true },
    refusal: { state: true },
    busy: { state: true },
  };
  static override styles = [...consoleStyles, formStyles];
  declare errors: FieldErrors;
  /** The set-up link just made, shown this once. */
  declare link: StaffSetupLinkResponse | undefined;
  /** The account whose Disable awaits a yes. */
  declare confirming: StaffMember | undefined;
  declare outcome: string;
  /** The server's refusal of a disable or reset, in words. */
  declare refusal: string;
  declare busy: boolean;

  constructor() {
    super();
    this.errors = {};
    this.link = undefined;
    this.confirming = undefined;
    this.outcome = '';
    this.refusal = '';
    this.busy = false;
  }

  /** Shown by a choice in Settings' navigation: focus moves to its heading. */
  override firstUpdated() {
    void this.focusOn('#staff-heading');
  }

  protected override async fetch(): Promise<Data> {
    const [{ staff }, session] = await Promise.all([this.api.staff(), this.api.me()]);
    return { staff, me: session.staff.id };
  }

  override render() {
    const t = this.t;
    return html`<section class="section" aria-labelledby="staff-heading">
      <h3 id="staff-heading" tabindex="-1">${t('staffHeading')}</h3>
      <p class="hint">${t('staffHint')}</p>
      ${this.loaded.name === 'ready' ? this.#ready(this.loaded.data) : this.loadingOrFailed()}
    </section>`;
  }

  #ready(data: Data) {
    const t = this.t;
    return html`${this.outcome ? html`<p class="notice notice--success" role="status">${this.outcome}</p>` : nothing}
      ${this.refusal ? html`<div class="notice notice--error" role="alert" id="staff-refusal" tabindex="-1"><p>${this.refusal}</p></div>` : nothing}
      ${
        this.link
          ? html`<console-shown-once
            .t=${t}
            .heading=${t('setupLinkHeading', { email: this.link.staff.email })}
            .help=${t('setupLinkHelp', { time: clinicTime(this.link.setupExpiresAt, this.timeZone, this.lang) })}
            .label=${t('setupLinkLabel')}
            .value=${this.link.setupUrl}
          ></console-shown-once>`
          : nothing
      }
      <table class="stack">
        <thead>
          <tr>
            <th scope="col">${t('staffEmail')}</th>
            <th scope="col">${t('staffRole')}</th>
            <th scope="col">${t('staffState')}</th>
            <th scope="col">${t('staffSetUp')}</th>
            <th scope="col">${t('staffSecondFactor')}</th>
            <th scope="col">${t('staffLastSignIn')}</th>
            <th scope="col">${t('staffActions')}</th>
          </tr>
        </thead>
        <tbody>
          ${data.staff.map(
            (member) => html`<tr data-staff=${member.id}>
              <th scope="row" class="mono">${member.email} ${member.id === data.me ? t('staffYou') : nothing}</th>
              <td data-label=${t('staffRole')}>${roleWord(t, member.role)}</td>
              <td data-label=${t('staffState')}>${t(`staffState.${member.state}`)}</td>
              <td data-label=${t('staffSetUp')}>${member.state === 'invited' ? t('no') : t('yes')}</td>
              <td data-label=${t('staffSecondFactor')}>${member.secondFactor ? t('yes') : t('no')}</td>
              <td data-label=${t('staffLastSignIn')}>${member.lastSignInAt ? clinicTime(member.lastSignInAt, this.timeZone, this.lang) : t('staffNeverSignedIn')}</td>
              <td data-label=${t('staffActions')}>
                <div class="actions">
                  <button class="button button--secondary" type="button" aria-label=${t('staffResetLabel', { email: member.email })} @click=${() => this.#reset(member)}>
                    ${t('staffReset')}
                  </button>
                  ${
                    member.state === 'disabled'
                      ? nothing
                      : html`<button class="button button--secondary" type="button" data-disable=${member.id} aria-label=${t('staffDisableLabel', { email: member.email })} @click=${() => this.#askDisable(member)}>
                        ${t('staffDisable')}
                      </button>`
                  }
                </div>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.confirming ? this.#confirm(this.confirming) : nothing} ${this.#form()}`;
  }

  #confirm(member: StaffMember) {
    const t = this.t;
    return html`<section class="card" aria-labelledby="staff-confirm-heading">
      <h4 id="staff-confirm-heading" tabindex="-1">${t('staffDisableConfirm', { email: member.email })}</h4>
      <p>${t('staffDisableWarning')}</p>
      <div class="actions">
        <button class="button" type="button" @click=${() => this.#disable(member)}>${t('staffDisableYes')}</button>
        <button class="button button--secondary" type="button" @click=${() => this.#cancelDisable(member)}>${t('confirmNo')}</button>
      </div>
    </section>`;
  }

  #form() {
    const t = this.t;
    const errors = this.errors;
    const described = (id: string, hint?: string) => [hint, errors[id] ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    return html`<form class="card" aria-labelledby="staff-add-heading" novalidate @submit=${this.#add}>
      <h4 id="staff-add-heading">${t('staffAddHeading')}</h4>
      ${errorSummary(t, this.renderRoot, errors, FIELDS, 5)}
      <div class="field">
        <label for="staff-email">${t('staffEmail')}</label>
        <p class="hint" id="staff-email-hint">${t('staffAddEmailHint')}</p>
        ${fieldError(t, 'staff-email', errors['staff-email'])}
        <input id="staff-email" name="email" type="email" autocomplete="off" spellcheck="false" required maxlength="254"
          aria-invalid=${errors['staff-email'] ? 'true' : 'false'} aria-describedby=${described('staff-email', 'staff-email-hint')} />
      </div>
      <div class="field">
        <label for="staff-role">${t('staffRole')}</label>
        ${fieldError(t, 'staff-role', errors['staff-role'])}
        <select id="staff-role" name="role" required aria-invalid=${errors['staff-role'] ? 'true' : 'false'} aria-describedby=${described('staff-role')}>
          <option value="">${t('staffRoleChoose')}</option>
          ${STAFF_ROLES.map((role) => html`<option value=${role}>${roleWord(t, role)}</option>`)}
        </select>
      </div>
      <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t('staffAdd')}</button>
    </form>`;
  }

  #add = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const email = (form.elements.namedItem('email') as HTMLInputElement).value.trim();
    const role = (form.elements.namedItem('role') as HTMLSelectElement).value as StaffRole | '';
    const errors: FieldErrors = {};
    if (!email) errors['staff-email'] = this.t('staffEmailMissing');
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors['staff-email'] = this.t('staffEmailInvalid');
    if (!role) errors['staff-role'] = this.t('staffRoleMissing');
    if (Object.keys(errors).length > 0 || !role) return this.#showErrors(errors);
    const link = await this.#write(
      () => this.api.inviteStaff(email, role),
      (error) => this.#showErrors(this.#formErrors(error)),
    );
    if (!link) return;
    form.reset();
    await this.#showLink(link);
  };

  async #reset(member: StaffMember) {
    if (this.busy) return;
    const link = await this.#write(
      () => this.api.resetStaff(member.id),
      (error) => this.#refuse(error),
    );
    if (link) await this.#showLink(link);
  }

  async #askDisable(member: StaffMember) {
    this.confirming = member;
    this.outcome = '';
    this.refusal = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#staff-confirm-heading')?.focus();
  }

  async #cancelDisable(member: StaffMember) {
    this.confirming = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-disable="${member.id}"]`)?.focus();
  }

  async #disable(member: StaffMember) {
    if (this.busy) return;
    const done = await this.#write(
      () => this.api.disableStaff(member.id),
      (error) => this.#refuse(error),
    );
    this.confirming = undefined;
    if (!done) return;
    this.outcome = this.t('staffDisabled', { email: member.email });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#staff-heading')?.focus();
  }

  /** Runs one write; on success the list is read again. Answers the write's result, or undefined once `failed` has shown why. */
  async #write<T>(write: () => Promise<T>, failed: (error: unknown) => Promise<void>): Promise<T | undefined> {
    this.busy = true;
    this.errors = {};
    this.outcome = '';
    this.refusal = '';
    this.link = undefined;
    try {
      const result = await write();
      if (this.loaded.name === 'ready') this.loaded = { name: 'ready', data: { ...this.loaded.data, staff: (await this.api.staff()).staff } };
      return result;
    } catch (error) {
      await failed(error);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  async #showLink(link: StaffSetupLinkResponse) {
    this.link = link;
    await this.updateComplete;
    await this.renderRoot.querySelector<ConsoleShownOnce>('console-shown-once')?.focusHeading();
  }

  #formErrors(error: unknown): FieldErrors {
    if (error instanceof ConsoleApiError && error.code === 'email_taken') return { 'staff-email': this.t('staffEmailTaken') };
    if (error instanceof ConsoleApiError && error.status === 422 && error.fields['email']) return { 'staff-email': this.t('staffEmailInvalid') };
    return { form: this.message(error) };
  }

  async #refuse(error: unknown) {
    const code = error instanceof ConsoleApiError ? error.code : '';
    this.refusal =
      code === 'last_owner'
        ? this.t('staffLastOwner')
        : code === 'own_account'
          ? this.t('staffOwnAccount')
          : code === 'not_found'
            ? this.t('staffNotFound')
            : this.message(error);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#staff-refusal')?.focus();
  }

  async #showErrors(errors: FieldErrors) {
    this.errors = errors;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }
}
if (!customElements.get('console-staff')) customElements.define('console-staff', ConsoleStaff);
