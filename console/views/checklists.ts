/**
 * `<console-checklists>`: the owner's preparation checklists, one per service. Pick a service,
 * then edit its checklist's title and items — what to do, the group it is listed under, details in
 * the markdown subset, when it is due (minutes from the session's start) and whether it is
 * required — add, remove and move items up or down, and save (`PUT staff/clinic/checklists/{id}`),
 * or remove the service's checklist. Texts given per language are edited in the checklist's own
 * language, the others kept. The server checks the checklist as `<kap-prep-checklist>` reads it;
 * a problem it names by item (`items[2] ("fast").details: …`) is said at that item's field.
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { ConfiguredService } from '../../src/api/clinic-config.js';
import type { ChecklistDefinitionInput } from '../../src/checklist/definition.js';
import type { LocalText } from '../../src/i18n/local-text.js';
import { ConsoleApiError } from '../api-client.js';
import { consoleStyles } from '../console.styles.js';
import type { ConsoleKey } from '../i18n/index.js';
import { ConsoleView } from './console-view.js';
import { errorSummary, field, focusSummary, formStyles, wholeNumber, type FieldErrors } from './form-parts.js';

type StoredItem = ChecklistDefinitionInput['items'][number];

interface ItemDraft {
  /** The item as stored (its id and other languages are kept); absent for a new one. */
  stored: StoredItem | undefined;
  text: string;
  group: string;
  details: string;
  due: string;
  required: boolean;
}
type ItemText = 'text' | 'group' | 'details' | 'due';

interface Draft {
  /** The checklist as stored; absent while a new one is started. */
  stored: ChecklistDefinitionInput | undefined;
  title: string;
  items: ItemDraft[];
}

/** What the screen shows: the services, and their checklists by service id. */
interface Checklists {
  services: ConfiguredService[];
  checklists: Record<string, Record<string, unknown>>;
}

const itemId = (index: number, key: ItemText | 'up' | 'down' | 'required') => `item-${index}-${key}`;

/** A problem's word by the item field the server names. */
const ITEM_PROBLEMS: Record<string, { key: ItemText; word: ConsoleKey }> = {
  text: { key: 'text', word: 'checklistTextMissing' },
  group: { key: 'group', word: 'checklistGroupMissing' },
  details: { key: 'details', word: 'checklistDetailsInvalid' },
  dueOffsetMinutes: { key: 'due', word: 'checklistDueInvalid' },
};

/** The text in `lang` of a text that is plain or given per language. */
function variant(value: LocalText | undefined, lang: string): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : (value[lang] ?? '');
}

/** `original` with its `lang` text replaced; the other languages kept. */
function withVariant(original: LocalText | undefined, lang: string, text: string): LocalText {
  return original !== undefined && typeof original !== 'string' ? { ...original, [lang]: text } : text;
}

/** An id for a new item from its text (`Stop eating` → `stop-eating`), not among `taken`. */
function newItemId(text: string, taken: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'item';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

export class ConsoleChecklists extends ConsoleView<Checklists> {
  static override properties: PropertyDeclarations = {
    serviceId: { state: true },
    draft: { state: true },
    errors: { state: true },
    outcome: { state: true },
    busy: { state: true },
  };
  static override styles = [...consoleStyles, formStyles];
  /** The service whose checklist is edited. */
  declare serviceId: string;
  /** Its checklist as edited; `undefined` when it has none. */
  declare draft: Draft | undefined;
  declare errors: FieldErrors;
  declare outcome: string;
  declare busy: boolean;

  constructor() {
    super();
    this.serviceId = '';
    this.errors = {};
    this.outcome = '';
    this.busy = false;
  }

  protected override async fetch(): Promise<Checklists> {
    const { services, checklists } = (await this.api.clinic()).configuration;
    return { services, checklists };
  }

  /** The checklists loaded or saved: the chosen service's (the first's, if it is gone) is what the form edits. */
  override willUpdate(changed: PropertyValues<this>) {
    if (!changed.has('loaded') || this.loaded.name !== 'ready') return;
    const { services, checklists } = this.loaded.data;
    if (!services.some((service) => service.id === this.serviceId)) this.serviceId = services[0]?.id ?? '';
    this.draft = this.#draftOf(checklists[this.serviceId]);
  }

  /** The checklist's own language: its plain texts are in it. */
  get #language(): string {
    return this.draft?.stored?.lang ?? 'en';
  }

  #draftOf(template: Record<string, unknown> | undefined): Draft | undefined {
    if (!template) return undefined;
    // The server stores only a checklist that parses (server/clinic-config.ts); read as written.
    const stored = template as unknown as ChecklistDefinitionInput;
    const lang = stored.lang ?? 'en';
    return {
      stored,
      title: variant(stored.title, lang),
      items: stored.items.map((item) => ({
        stored: item,
        text: variant(item.text, lang),
        group: variant(item.group, lang),
        details: variant(item.details, lang),
        due: item.dueOffsetMinutes === undefined ? '' : String(item.dueOffsetMinutes),
        required: item.required ?? true,
      })),
    };
  }

  #checklistOf(draft: Draft): Record<string, unknown> {
    const lang = this.#language;
    const taken = new Set(draft.items.flatMap((item) => (item.stored ? [item.stored.id] : [])));
    const { title: storedTitle, items: _items, ...rest } = draft.stored ?? {};
    return {
      ...rest,
      ...(draft.title.trim() ? { title: withVariant(storedTitle, lang, draft.title.trim()) } : {}),
      items: draft.items.map((item) => {
        const { details: storedDetails, dueOffsetMinutes: _due, ...stored } = item.stored ?? { id: newItemId(item.text, taken) };
        const due = wholeNumber(item.due);
        return {
          ...stored,
          text: withVariant(item.stored?.text, lang, item.text.trim()),
          group: withVariant(item.stored?.group, lang, item.group.trim()),
          ...(item.details.trim() ? { details: withVariant(storedDetails, lang, item.details.trim()) } : {}),
          ...(due !== undefined ? { dueOffsetMinutes: due } : {}),
          required: item.required,
        };
      }),
    };
  }

  /** Shown on the owner's choice: focus moves to its heading. */
  override firstUpdated() {
    void this.focusOn('#checklists-heading');
  }

  override render() {
    const t = this.t;
    const loaded = this.loaded;
    return html`<section class="section" aria-labelledby="checklists-heading">
      <h3 id="checklists-heading" tabindex="-1">${t('checklistsHeading')}</h3>
      <p class="hint">${t('checklistsHint')}</p>
      ${this.outcome ? html`<p class="notice notice--success" role="status">${this.outcome}</p>` : nothing} ${this.loadingOrFailed()}
      ${loaded.name === 'ready' ? this.#ready(loaded.data.services) : nothing}
    </section>`;
  }

  #ready(services: ConfiguredService[]) {
    const t = this.t;
    if (services.length === 0) return html`<p>${t('servicesEmpty')}</p>`;
    return html`<div class="field">
        <label for="checklist-service">${t('checklistService')}</label>
        <select id="checklist-service" @change=${this.#pick}>
          ${services.map((service) => html`<option value=${service.id} ?selected=${service.id === this.serviceId}>${service.name}</option>`)}
        </select>
      </div>
      ${
        this.draft
          ? this.#form(this.draft)
          : html`<p>${t('checklistAbsent')}</p>
            <button class="button" type="button" @click=${this.#start}>${t('checklistStart')}</button>`
      }`;
  }

  #form(draft: Draft) {
    const t = this.t;
    return html`<form novalidate @submit=${this.#save}>
      ${errorSummary(t, this.renderRoot, this.errors)}
      ${field(
        t,
        'checklist-title',
        t('checklistTitle'),
        this.errors,
        (describedBy, invalid) => html`<input id="checklist-title" type="text" maxlength="200" autocomplete="off"
          aria-describedby=${describedBy} aria-invalid=${invalid} .value=${draft.title} @input=${(event: Event) => this.#change({ title: (event.target as HTMLInputElement).value })} />`,
        t('checklistTitleHint'),
      )}
      <h4 id="checklist-items-heading" tabindex="-1">${t('checklistItems')}</h4>
      <ol class="plain" aria-labelledby="checklist-items-heading">
        ${draft.items.map((item, index) => this.#item(item, index, draft.items.length))}
      </ol>
      <div class="actions">
        <button class="button button--secondary" type="button" @click=${this.#addItem}>${t('checklistAddItem')}</button>
        <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t('checklistSave')}</button>
        ${draft.stored ? html`<button class="button button--secondary" type="button" @click=${this.#removeChecklist}>${t('checklistRemove')}</button>` : nothing}
      </div>
    </form>`;
  }

  #item(item: ItemDraft, index: number, count: number) {
    const t = this.t;
    const name = item.text.trim() || t('checklistItemNew');
    const text = (key: ItemText, label: string, type: 'text' | 'textarea' | 'number', hint?: string) => {
      const id = itemId(index, key);
      const set = (event: Event) => this.#setItem(index, { [key]: (event.target as HTMLInputElement).value });
      return field(
        t,
        id,
        label,
        this.errors,
        (describedBy, invalid) =>
          type === 'textarea'
            ? html`<textarea id=${id} rows="3" maxlength="4000" aria-describedby=${describedBy} aria-invalid=${invalid} .value=${item[key]} @input=${set}></textarea>`
            : html`<input id=${id} type=${type} autocomplete="off" maxlength=${type === 'text' ? (key === 'group' ? 100 : 300) : nothing}
              aria-describedby=${describedBy} aria-invalid=${invalid} .value=${item[key]} @input=${set} />`,
        hint,
      );
    };
    return html`<li class="card">
      <fieldset>
        <legend>${t('checklistItem', { number: index + 1, name })}</legend>
        ${text('text', t('checklistText'), 'text')} ${text('group', t('checklistGroup'), 'text', t('checklistGroupHint'))}
        ${text('details', t('checklistDetails'), 'textarea', t('checklistDetailsHint'))} ${text('due', t('checklistDue'), 'number', t('checklistDueHint'))}
        <label class="choice"><input id=${itemId(index, 'required')} type="checkbox" .checked=${item.required}
          @change=${(event: Event) => this.#setItem(index, { required: (event.target as HTMLInputElement).checked })} /> ${t('checklistRequired')}</label>
        <div class="actions">
          ${index > 0 ? html`<button id=${itemId(index, 'up')} class="button button--secondary" type="button" aria-label=${t('checklistMoveUp', { name })} @click=${() => this.#move(index, -1)}>${t('moveUp')}</button>` : nothing}
          ${index < count - 1 ? html`<button id=${itemId(index, 'down')} class="button button--secondary" type="button" aria-label=${t('checklistMoveDown', { name })} @click=${() => this.#move(index, 1)}>${t('moveDown')}</button>` : nothing}
          <button class="button button--secondary" type="button" aria-label=${t('checklistRemoveItem', { name })} @click=${() => this.#removeItem(index)}>${t('closureRemove')}</button>
        </div>
      </fieldset>
    </li>`;
  }

  #pick = async (event: Event) => {
    if (this.loaded.name !== 'ready') return;
    this.serviceId = (event.target as HTMLSelectElement).value;
    this.draft = this.#draftOf(this.loaded.data.checklists[this.serviceId]);
    this.errors = {};
    this.outcome = '';
  };

  #start = async () => {
    this.draft = { stored: undefined, title: '', items: [] };
    await this.#addItem();
  };

  #change(change: Partial<Draft>) {
    if (this.draft) this.draft = { ...this.draft, ...change };
  }

  #setItem(index: number, change: Partial<ItemDraft>) {
    this.#change({ items: this.draft!.items.map((item, at) => (at === index ? { ...item, ...change } : item)) });
  }

  #addItem = async () => {
    const items = this.draft!.items;
    const group = items.at(-1)?.group ?? '';
    this.#change({ items: [...items, { stored: undefined, text: '', group, details: '', due: '', required: true }] });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${itemId(items.length, 'text')}`)?.focus();
  };

  async #removeItem(index: number) {
    this.#change({ items: this.draft!.items.filter((_, at) => at !== index) });
    this.errors = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#checklist-items-heading')?.focus();
  }

  /** Moves an item one place; focus stays on the moved item's button (the other one at an end). */
  async #move(index: number, by: -1 | 1) {
    const items = [...this.draft!.items];
    const to = index + by;
    [items[index], items[to]] = [items[to]!, items[index]!];
    this.#change({ items });
    this.errors = {};
    await this.updateComplete;
    const same = this.renderRoot.querySelector<HTMLElement>(`#${itemId(to, by < 0 ? 'up' : 'down')}`);
    (same ?? this.renderRoot.querySelector<HTMLElement>(`#${itemId(to, by < 0 ? 'down' : 'up')}`))?.focus();
  }

  #missing(draft: Draft): FieldErrors {
    const errors: FieldErrors = {};
    if (draft.items.length === 0) errors['form'] = this.t('checklistEmpty');
    draft.items.forEach((item, index) => {
      if (!item.text.trim()) errors[itemId(index, 'text')] = this.t('checklistTextMissing');
      if (!item.group.trim()) errors[itemId(index, 'group')] = this.t('checklistGroupMissing');
      if (item.due.trim() && wholeNumber(item.due) === undefined) errors[itemId(index, 'due')] = this.t('checklistDueInvalid');
    });
    return errors;
  }

  /** The server's problems (`items[2] ("fast").details: …; …`) at their items' fields. */
  #serverProblems(message: string): FieldErrors {
    const errors: FieldErrors = {};
    for (const problem of message.split('; ')) {
      const match = /^items\[(\d+)\][^.:]*\.(\w+)/.exec(problem);
      const known = match && ITEM_PROBLEMS[match[2]!];
      if (match && known) errors[itemId(Number(match[1]), known.key)] ??= this.t(known.word);
    }
    return errors;
  }

  #save = async (event: SubmitEvent) => {
    event.preventDefault();
    const draft = this.draft;
    if (this.busy || !draft) return;
    this.outcome = '';
    let errors = this.#missing(draft);
    if (Object.keys(errors).length === 0) {
      errors = await this.#send(this.#checklistOf(draft), this.t('checklistSaved'));
      if (Object.keys(errors).length === 0) return;
    }
    const order = draft.items.flatMap((_, index) => (['text', 'group', 'details', 'due'] as const).map((key) => itemId(index, key)));
    this.errors = Object.fromEntries(Object.entries(errors).sort(([a], [b]) => (order.indexOf(a) >>> 0) - (order.indexOf(b) >>> 0)));
    await focusSummary(this);
  };

  #removeChecklist = async () => {
    const errors = await this.#send(null, this.t('checklistRemoved'));
    if (Object.keys(errors).length > 0) {
      this.errors = errors;
      await focusSummary(this);
    }
  };

  /** Saves (or, with `null`, removes) the checklist; answers the problems, none when it is stored. */
  async #send(checklist: Record<string, unknown> | null, outcome: string): Promise<FieldErrors> {
    this.busy = true;
    try {
      const { configuration } = await this.api.saveChecklist(this.serviceId, checklist);
      this.loaded = { name: 'ready', data: { services: configuration.services, checklists: configuration.checklists } };
      this.errors = {};
      this.outcome = outcome;
      await this.focusOn('#checklists-heading');
      return {};
    } catch (error) {
      const checklistProblem = error instanceof ConsoleApiError && error.status === 422 ? error.fields['checklist'] : undefined;
      const errors = checklistProblem ? this.#serverProblems(checklistProblem) : {};
      if (Object.keys(errors).length === 0)
        errors['form'] = checklistProblem ? this.t('checklistRefused', { problems: checklistProblem }) : this.message(error, 'checklistServiceGone');
      return errors;
    } finally {
      this.busy = false;
    }
  }
}
if (!customElements.get('console-checklists')) customElements.define('console-checklists', ConsoleChecklists);
