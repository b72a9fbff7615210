/**
 * `<console-services>`: the owner's services, in the clinic's order, each with every field the
 * configuration has — name, description, duration, buffers before and after, how it is booked
 * (at once, or as a request the clinic confirms), where (online or in person), how many hours
 * before each session the client's reminder email goes out (0: none), and whether it is
 * booked only in a window after another service. "Add a service" adds one with its id (the one the
 * booking page's `service` names); "Remove" retires one when saved: no new bookings, while its
 * bookings keep it (and adding the same id again brings it back); its checklist goes with it.
 * Move up / Move down set the order clients see. Saved together (`PUT staff/clinic/services`); the server's problems are said at their field by
 * path (`services.2.followUp.maxHoursAfterEnd`). Below, the next two weeks' availability, asked
 * again after each save.
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { DEFAULT_REMINDER_HOURS, MAX_REMINDER_HOURS, type ConfiguredService } from '../../src/api/clinic-config.js';
import { ConsoleApiError } from '../api-client.js';
import { consoleStyles } from '../console.styles.js';
import type { ConsoleKey } from '../i18n/index.js';
import { ConsoleView } from './console-view.js';
import './availability-preview.js';
import type { ConsoleAvailabilityPreview } from './availability-preview.js';
import { errorSummary, field, focusSummary, formStyles, wholeNumber, type FieldErrors } from './form-parts.js';

interface ServiceDraft {
  /** The service as stored (its translations are kept); absent for a new one. */
  stored: ConfiguredService | undefined;
  id: string;
  name: string;
  description: string;
  duration: string;
  before: string;
  after: string;
  location: ConfiguredService['location'];
  mode: ConfiguredService['mode'];
  reminder: string;
  followUp: boolean;
  followAfter: string;
  followMin: string;
  followMax: string;
}
type TextKey = 'id' | 'name' | 'description' | 'duration' | 'before' | 'after' | 'reminder' | 'followMin' | 'followMax';

/** What the screen shows: the services, and the clinic's zone for the preview. */
interface Services {
  services: ConfiguredService[];
  timeZone: string;
}

/** The input id of a service's field. */
const fieldId = (index: number, key: keyof ServiceDraft) => `service-${index}-${key}`;

/** A configuration path's key under `services.N` as the draft's field, with the word for its problem. */
const SERVER_FIELDS: Record<string, { key: keyof ServiceDraft; invalid: ConsoleKey }> = {
  id: { key: 'id', invalid: 'serviceIdInvalid' },
  name: { key: 'name', invalid: 'serviceNameMissing' },
  description: { key: 'description', invalid: 'serviceDescriptionInvalid' },
  durationMinutes: { key: 'duration', invalid: 'serviceDurationInvalid' },
  bufferBeforeMinutes: { key: 'before', invalid: 'serviceBufferInvalid' },
  bufferAfterMinutes: { key: 'after', invalid: 'serviceBufferInvalid' },
  location: { key: 'location', invalid: 'errorUnexpected' },
  mode: { key: 'mode', invalid: 'errorUnexpected' },
  reminderHours: { key: 'reminder', invalid: 'serviceReminderInvalid' },
  'followUp.after': { key: 'followAfter', invalid: 'serviceFollowAfterInvalid' },
  'followUp.minHoursAfterEnd': { key: 'followMin', invalid: 'serviceFollowHoursInvalid' },
  'followUp.maxHoursAfterEnd': { key: 'followMax', invalid: 'serviceFollowMaxInvalid' },
};

function draftOf(service: ConfiguredService): ServiceDraft {
  return {
    stored: service,
    id: service.id,
    name: service.name,
    description: service.description,
    duration: String(service.durationMinutes),
    before: String(service.bufferBeforeMinutes),
    after: String(service.bufferAfterMinutes),
    location: service.location,
    mode: service.mode,
    reminder: String(service.reminderHours ?? DEFAULT_REMINDER_HOURS),
    followUp: service.followUp !== undefined,
    followAfter: service.followUp?.after ?? '',
    followMin: service.followUp ? String(service.followUp.minHoursAfterEnd) : '',
    followMax: service.followUp ? String(service.followUp.maxHoursAfterEnd) : '',
  };
}

function servicesOf(configuration: { services: ConfiguredService[]; profile: { timeZone: string } }): Services {
  return { services: configuration.services, timeZone: configuration.profile.timeZone };
}

function serviceOf(draft: ServiceDraft): ConfiguredService {
  const { followUp: _old, ...stored } = draft.stored ?? {};
  return {
    ...stored,
    id: draft.id.trim(),
    name: draft.name.trim(),
    description: draft.description.trim(),
    durationMinutes: Number(draft.duration),
    bufferBeforeMinutes: Number(draft.before),
    bufferAfterMinutes: Number(draft.after),
    location: draft.location,
    mode: draft.mode,
    reminderHours: Number(draft.reminder),
    ...(draft.followUp ? { followUp: { after: draft.followAfter, minHoursAfterEnd: Number(draft.followMin), maxHoursAfterEnd: Number(draft.followMax) } } : {}),
  };
}

export class ConsoleServices extends ConsoleView<Services> {
  static override properties: PropertyDeclarations = {
    drafts: { state: true },
    errors: { state: true },
    outcome: { state: true },
    busy: { state: true },
  };
  static override styles = [...consoleStyles, formStyles];
  declare drafts: ServiceDraft[];
  declare errors: FieldErrors;
  declare outcome: string;
  declare busy: boolean;

  constructor() {
    super();
    this.drafts = [];
    this.errors = {};
    this.outcome = '';
    this.busy = false;
  }

  protected override async fetch(): Promise<Services> {
    return servicesOf((await this.api.clinic()).configuration);
  }

  /** The services loaded or saved are what the form then edits. */
  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('loaded') && this.loaded.name === 'ready') this.drafts = this.loaded.data.services.map(draftOf);
  }

  /** Shown on the owner's choice: focus moves to its heading. */
  override firstUpdated() {
    void this.focusOn('#services-heading');
  }

  override render() {
    const t = this.t;
    const loaded = this.loaded;
    return html`<section class="section" aria-labelledby="services-heading">
      <h3 id="services-heading" tabindex="-1">${t('servicesHeading')}</h3>
      <p class="hint">${t('servicesHint')}</p>
      ${this.outcome ? html`<p class="notice notice--success" role="status">${this.outcome}</p>` : nothing} ${this.loadingOrFailed()}
      ${
        loaded.name === 'ready'
          ? html`${this.#form()}
            <console-availability-preview .api=${this.api} .t=${t} .lang=${this.lang} .services=${loaded.data.services} .timeZone=${loaded.data.timeZone}></console-availability-preview>`
          : nothing
      }
    </section>`;
  }

  #form() {
    const t = this.t;
    return html`<form novalidate @submit=${this.#save}>
      ${errorSummary(t, this.renderRoot, this.errors)}
      ${this.drafts.length === 0 ? html`<p>${t('servicesEmpty')}</p>` : nothing} ${this.drafts.map((draft, index) => this.#service(draft, index))}
      <div class="actions">
        <button class="button button--secondary" type="button" @click=${this.#add}>${t('serviceAdd')}</button>
        <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t('servicesSave')}</button>
      </div>
    </form>`;
  }

  #text(index: number, key: TextKey, label: string, type: 'text' | 'number' | 'textarea', hint?: string) {
    const id = fieldId(index, key);
    const value = this.drafts[index]![key];
    const set = (event: Event) => this.#set(index, { [key]: (event.target as HTMLInputElement).value });
    return field(
      this.t,
      id,
      label,
      this.errors,
      (describedBy, invalid) =>
        type === 'textarea'
          ? html`<textarea id=${id} rows="3" aria-describedby=${describedBy} aria-invalid=${invalid} .value=${value} @input=${set}></textarea>`
          : html`<input id=${id} type=${type} inputmode=${type === 'number' ? 'decimal' : nothing} autocomplete="off" maxlength=${type === 'text' ? 200 : nothing}
            aria-describedby=${describedBy} aria-invalid=${invalid} .value=${value} @input=${set} />`,
      hint,
    );
  }

  #choice<K extends 'location' | 'mode'>(index: number, key: K, legend: string, options: [ServiceDraft[K], string][]) {
    const draft = this.drafts[index]!;
    return html`<fieldset class="field">
      <legend class="label">${legend}</legend>
      ${options.map(
        ([value, label]) => html`<label class="choice"><input type="radio" name=${fieldId(index, key)} value=${value} .checked=${draft[key] === value}
          @change=${() => this.#set(index, { [key]: value } as Partial<ServiceDraft>)} /> ${label}</label>`,
      )}
    </fieldset>`;
  }

  #service(draft: ServiceDraft, index: number) {
    const t = this.t;
    const title = draft.name.trim() || t('serviceNew');
    const others = this.drafts.filter((other, at) => at !== index && other.id.trim());
    const afterId = fieldId(index, 'followAfter');
    return html`<fieldset class="card" id="service-${index}">
      <legend>${title}</legend>
      ${draft.stored ? html`<p class="hint">${t('serviceIdIs', { id: draft.id })}</p>` : this.#text(index, 'id', t('serviceId'), 'text', t('serviceIdHint'))}
      ${this.#text(index, 'name', t('serviceName'), 'text')} ${this.#text(index, 'description', t('serviceDescription'), 'textarea')}
      ${
        draft.stored?.translations && Object.keys(draft.stored.translations).length > 0
          ? html`<p class="hint">${t('serviceTranslationsKept', { languages: Object.keys(draft.stored.translations).join(', ') })}</p>`
          : nothing
      }
      ${this.#text(index, 'duration', t('serviceDuration'), 'number')}
      ${this.#text(index, 'before', t('serviceBufferBefore'), 'number', t('serviceBufferHint'))}
      ${this.#text(index, 'after', t('serviceBufferAfter'), 'number')}
      ${this.#choice(index, 'mode', t('serviceMode'), [
        ['instant', t('serviceModeInstant')],
        ['request', t('serviceModeRequest')],
      ])}
      ${this.#choice(index, 'location', t('serviceLocation'), [
        ['virtual', t('serviceLocationVirtual')],
        ['in_person', t('serviceLocationInPerson')],
      ])}
      ${this.#text(index, 'reminder', t('serviceReminder'), 'number', t('serviceReminderHint'))}
      <label class="choice"><input type="checkbox" .checked=${draft.followUp} @change=${(event: Event) => this.#set(index, { followUp: (event.target as HTMLInputElement).checked })} />
        ${t('serviceFollowUp')}</label>
      ${
        draft.followUp
          ? html`${field(
              t,
              afterId,
              t('serviceFollowAfter'),
              this.errors,
              (describedBy, invalid) => html`<select id=${afterId} aria-describedby=${describedBy} aria-invalid=${invalid}
              @change=${(event: Event) => this.#set(index, { followAfter: (event.target as HTMLSelectElement).value })}>
              <option value="" ?selected=${draft.followAfter === ''}>${t('serviceFollowChoose')}</option>
              ${others.map((other) => html`<option value=${other.id.trim()} ?selected=${other.id.trim() === draft.followAfter}>${other.name || other.id}</option>`)}
            </select>`,
            )}
          ${this.#text(index, 'followMin', t('serviceFollowMin'), 'number')} ${this.#text(index, 'followMax', t('serviceFollowMax'), 'number')}`
          : nothing
      }
      <div class="actions">
        ${
          index > 0
            ? html`<button id="service-${index}-up" class="button button--secondary" type="button" aria-label=${t('serviceMoveUp', { service: title })} @click=${() => this.#move(index, -1)}>
              ${t('moveUp')}
            </button>`
            : nothing
        }
        ${
          index < this.drafts.length - 1
            ? html`<button id="service-${index}-down" class="button button--secondary" type="button" aria-label=${t('serviceMoveDown', { service: title })} @click=${() => this.#move(index, 1)}>
              ${t('moveDown')}
            </button>`
            : nothing
        }
        <button class="button button--secondary" type="button" aria-label=${t('serviceRemove', { service: title })} @click=${() => this.#remove(index)}>${t('closureRemove')}</button>
      </div>
    </fieldset>`;
  }

  #set(index: number, change: Partial<ServiceDraft>) {
    this.drafts = this.drafts.map((draft, at) => (at === index ? { ...draft, ...change } : draft));
  }

  #add = async () => {
    const blank: ServiceDraft = {
      stored: undefined,
      id: '',
      name: '',
      description: '',
      duration: '60',
      before: '0',
      after: '0',
      location: 'virtual',
      mode: 'request',
      reminder: String(DEFAULT_REMINDER_HOURS),
      followUp: false,
      followAfter: '',
      followMin: '',
      followMax: '',
    };
    this.drafts = [...this.drafts, blank];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${fieldId(this.drafts.length - 1, 'id')}`)?.focus();
  };

  /** Moves a service one place in the clinic's order; focus stays on the moved service's button (the other one at an end). */
  async #move(index: number, by: -1 | 1) {
    const drafts = [...this.drafts];
    const to = index + by;
    [drafts[index], drafts[to]] = [drafts[to]!, drafts[index]!];
    this.drafts = drafts;
    this.errors = {};
    await this.updateComplete;
    const same = this.renderRoot.querySelector<HTMLElement>(`#service-${to}-${by < 0 ? 'up' : 'down'}`);
    (same ?? this.renderRoot.querySelector<HTMLElement>(`#service-${to}-${by < 0 ? 'down' : 'up'}`))?.focus();
  }

  async #remove(index: number) {
    const removed = this.drafts[index]!;
    this.drafts = this.drafts.filter((_, at) => at !== index);
    this.errors = {};
    this.outcome = removed.stored ? this.t('serviceRemovedUntilSaved', { service: removed.name }) : '';
    await this.focusOn('#services-heading');
  }

  /** What is missing or not a number, before asking the server (which checks the rest). */
  #missing(): FieldErrors {
    const errors: FieldErrors = {};
    this.drafts.forEach((draft, index) => {
      const problem = (key: keyof ServiceDraft, word: ConsoleKey) => void (errors[fieldId(index, key)] ??= this.t(word));
      if (!draft.stored && !/^[a-z0-9][a-z0-9-]{0,99}$/.test(draft.id.trim())) problem('id', 'serviceIdInvalid');
      if (!draft.stored && this.drafts.some((other, at) => at !== index && other.id.trim() === draft.id.trim())) problem('id', 'serviceIdTaken');
      if (!draft.name.trim()) problem('name', 'serviceNameMissing');
      if (!((wholeNumber(draft.duration) ?? 0) > 0)) problem('duration', 'serviceDurationInvalid');
      for (const key of ['before', 'after'] as const) if (wholeNumber(draft[key]) === undefined) problem(key, 'serviceBufferInvalid');
      const reminder = wholeNumber(draft.reminder);
      if (reminder === undefined || reminder < 0 || reminder > MAX_REMINDER_HOURS) problem('reminder', 'serviceReminderInvalid');
      if (draft.followUp) {
        if (!draft.followAfter) problem('followAfter', 'serviceFollowAfterInvalid');
        for (const key of ['followMin', 'followMax'] as const)
          if (draft[key].trim() === '' || !Number.isFinite(Number(draft[key]))) problem(key, 'serviceFollowHoursInvalid');
      }
    });
    return errors;
  }

  #save = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy || this.loaded.name !== 'ready') return;
    this.outcome = '';
    let errors = this.#missing();
    if (Object.keys(errors).length === 0) {
      this.busy = true;
      try {
        const { configuration } = await this.api.saveServices(this.drafts.map(serviceOf));
        this.loaded = { name: 'ready', data: servicesOf(configuration) };
        this.errors = {};
        this.outcome = this.t('servicesSaved');
        await this.focusOn('#services-heading');
        // What clients are offered now, with this change.
        void this.renderRoot.querySelector<ConsoleAvailabilityPreview>('console-availability-preview')?.refresh();
        return;
      } catch (error) {
        errors = {};
        if (error instanceof ConsoleApiError && error.status === 422) {
          for (const path of Object.keys(error.fields)) {
            const match = /^services\.(\d+)\.(.+)$/.exec(path);
            const known = match && SERVER_FIELDS[match[2]!.replace(/^followUp$/, 'followUp.after')];
            if (match && known) errors[fieldId(Number(match[1]), known.key)] ??= this.t(known.invalid);
          }
        }
        if (Object.keys(errors).length === 0) errors['form'] = this.message(error);
      } finally {
        this.busy = false;
      }
    }
    const order = this.drafts.flatMap((_, index) =>
      (['id', 'name', 'description', 'duration', 'before', 'after', 'reminder', 'followAfter', 'followMin', 'followMax'] as const).map((key) =>
        fieldId(index, key),
      ),
    );
    this.errors = Object.fromEntries(Object.entries(errors).sort(([a], [b]) => (order.indexOf(a) >>> 0) - (order.indexOf(b) >>> 0)));
    await focusSummary(this);
  };
}
if (!customElements.get('console-services')) customElements.define('console-services', ConsoleServices);
