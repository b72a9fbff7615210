/**
 * `<console-form-editor>`: the form studio's editor of one intake form, for the marketer and the
 * owner (`forms:manage`). The form's pages and questions of every type, edited in place, texts in
 * English or Spanish; questions added, moved (Move up / Move down, or dragged with the mouse) and
 * deleted with Undo; conditions built by pointing and clicking on earlier questions; validated
 * instruments and the medical screening page placed as locked blocks; the crisis resources per
 * country. The server's own authoring checks run as the form changes, each problem shown at its
 * question in plain words and in a summary, and Publish is refused while any remains (as the
 * server refuses it). The draft saves itself as it changes (`PUT staff/forms/{id}/draft`), its
 * state said in a live region; Publish asks to confirm, then says the new version.
 *
 * For a preview beside it: `definition` is the draft as it now is, and every change dispatches
 * `studio-draft-change` (`detail: { definition }`). A form's questions are never client data.
 */
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { ConfiguredForm } from '../../src/api/clinic-config.js';
import { INSTRUMENTS } from '../../src/forms/instruments/index.js';
import type { InstrumentId } from '../../src/forms/instruments/types.js';
import { ConsoleApiError } from '../api-client.js';
import { consoleStyles } from '../console.styles.js';
import { conditionEditor } from '../studio/condition-editor.js';
import { earlierQuestions } from '../studio/conditions.js';
import { crisisFields } from '../studio/crisis-fields.js';
import {
  BLOCKS,
  ITEM_TYPES,
  assign,
  baseLang,
  blockPage,
  copy,
  editable,
  isBlock,
  moved,
  newItem,
  nextId,
  textIn,
  withText,
  type Block,
  type Draft,
  type DraftItem,
  type DraftPage,
  type Json,
} from '../studio/draft.js';
import { editorStyles } from '../studio/editor.styles.js';
import { itemFields } from '../studio/item-fields.js';
import { anchor, itemProblems, problemSummary, refusedSummary } from '../studio/problem-list.js';
import { draftProblems, placeProblem, type Problem } from '../studio/problems.js';
import { ConsoleView } from './console-view.js';
import { formStyles } from './form-parts.js';

/** How long after the last change the draft is saved, and checked. */
const SAVE_AFTER_MS = 1000;
const CHECK_AFTER_MS = 150;

type SaveState = 'saved' | 'saving' | 'failed';
type Publish =
  { name: 'idle' } | { name: 'confirm' } | { name: 'busy' } | { name: 'done'; version: string } | { name: 'failed'; message: string; lang?: string };
interface Place {
  page: number;
  item: number;
}

export class ConsoleFormEditor extends ConsoleView<ConfiguredForm> {
  static override properties: PropertyDeclarations = {
    formId: { attribute: false },
    draft: { state: true },
    textLang: { state: true },
    open: { state: true },
    messages: { state: true },
    save: { state: true },
    undo: { state: true },
    publish: { state: true },
    refused: { state: true },
  };
  static override styles = [...consoleStyles, formStyles, editorStyles];
  /** The form being edited. */
  declare formId: string;
  declare draft: Draft | undefined;
  /** The language whose texts are being written. */
  declare textLang: string;
  /** The question whose fields are open, by id. */
  declare open: string | undefined;
  /** The authoring checks' messages about the draft, as the server words them. */
  declare messages: string[];
  declare save: SaveState;
  /** The draft before the last deletion, and what was deleted. */
  declare undo: { draft: Draft; message: string } | undefined;
  declare publish: Publish;
  /** Publish was asked for while problems remain: the error summary shows and takes focus. */
  declare refused: boolean;
  protected override notFound = 'studioFormNotFound' as const;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #checkTimer: ReturnType<typeof setTimeout> | undefined;
  /** Changes not yet sent, and the save under way. */
  #unsaved = false;
  #saving: Promise<void> | undefined;
  #dragFrom: Place | undefined;

  constructor() {
    super();
    this.formId = '';
    this.draft = undefined;
    this.textLang = 'en';
    this.open = undefined;
    this.messages = [];
    this.save = 'saved';
    this.undo = undefined;
    this.publish = { name: 'idle' };
    this.refused = false;
  }

  /** The draft as it now is, with its id: what a preview beside the editor shows. */
  get definition(): Draft | undefined {
    return this.draft && { ...this.draft, id: this.formId };
  }

  protected override async fetch(): Promise<ConfiguredForm> {
    const form = (await this.api.forms()).forms.find((entry) => entry.id === this.formId);
    if (!form) throw new ConsoleApiError(404, 'not_found', '');
    return form;
  }

  override async load() {
    await super.load();
    if (this.loaded.name !== 'ready') return;
    const form = this.loaded.data;
    const source = form.draft ?? form.versions.at(-1)?.definition ?? { title: this.formId, pages: [] };
    this.draft = editable(source, this.formId);
    this.#tell();
    this.textLang = baseLang(this.draft);
    await this.#check();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#checkTimer);
    // Leaving the editor sends what is not saved yet.
    if (this.#unsaved) void this.#saveNow();
  }

  // ---- changes ---------------------------------------------------------------------------

  /** Every edit: a changed copy of the draft, told to a preview, checked and saved soon. */
  #edit(change: (draft: Draft) => unknown) {
    if (!this.draft) return;
    const next = copy(this.draft);
    change(next);
    this.draft = next;
    this.undo = undefined;
    this.publish = { name: 'idle' };
    this.#tell();
    clearTimeout(this.#checkTimer);
    this.#checkTimer = setTimeout(() => void this.#check(), CHECK_AFTER_MS);
    this.#unsaved = true;
    this.save = 'saving';
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => void this.#saveNow(), SAVE_AFTER_MS);
  }

  /** A preview beside the editor hears of the draft: when it loads, and at every edit. */
  #tell() {
    this.dispatchEvent(new CustomEvent('studio-draft-change', { detail: { definition: this.definition }, bubbles: true, composed: true }));
  }

  async #check() {
    if (!this.draft) return;
    const draft = this.draft;
    const messages = await draftProblems({ ...draft, id: this.formId });
    if (draft !== this.draft) return;
    this.messages = messages;
    // Once every problem is fixed, the summary is quiet again until the next refused Publish.
    if (messages.length === 0) this.refused = false;
  }

  /** Sends the draft now (after any save under way); says Saved, or Not saved with Retry. */
  async #saveNow(): Promise<void> {
    clearTimeout(this.#saveTimer);
    if (this.#saving) await this.#saving;
    if (!this.#unsaved || !this.draft) return;
    this.#unsaved = false;
    this.save = 'saving';
    const draft = this.draft;
    this.#saving = this.api.saveFormDraft(this.formId, draft).then(
      () => {
        if (!this.#unsaved) this.save = 'saved';
      },
      () => {
        this.#unsaved = true;
        this.save = 'failed';
      },
    );
    await this.#saving;
    this.#saving = undefined;
  }

  #retry = () => {
    this.#unsaved = true;
    void this.#saveNow();
  };

  #editItem(place: Place, change: (item: DraftItem) => void) {
    this.#edit((draft) => change(draft.pages[place.page]!.items![place.item]!));
  }

  #editPage(page: number, change: (page: DraftPage) => void) {
    this.#edit((draft) => change(draft.pages[page]!));
  }

  /** A deletion, which Undo takes back until the next change. */
  #delete(message: string, change: (draft: Draft) => void) {
    const before = this.draft!;
    this.#edit(change);
    this.undo = { draft: before, message };
  }

  #undo = async () => {
    if (!this.undo) return;
    const { draft } = this.undo;
    this.undo = undefined;
    this.#edit((next) => {
      for (const key of Object.keys(next)) delete next[key];
      Object.assign(next, copy(draft));
    });
    await this.focusOn('#editor-heading');
  };

  async #addItem(page: number) {
    const select = this.renderRoot.querySelector<HTMLSelectElement>(`#add-type-${page}`);
    const type = (select?.value ?? 'text') as DraftItem['type'];
    const item = newItem(this.draft!, type);
    this.#editPage(page, (next) => (next.items = [...(next.items ?? []), item]));
    this.open = item.id;
    await this.focusOn(`#${CSS.escape(item.id)}-${type === 'display' ? 'text' : 'label'}`);
  }

  /** Where Move up / Move down takes an item: within its page, else to the end or start of the nearest page of questions. */
  #target(from: Place, step: -1 | 1): Place | undefined {
    const pages = this.draft!.pages;
    const length = pages[from.page]!.items!.length;
    const within = from.item + step;
    if (within >= 0 && within < length) return { page: from.page, item: within };
    for (let page = from.page + step; page >= 0 && page < pages.length; page += step) {
      if (!isBlock(pages[page]!)) return { page, item: step === -1 ? (pages[page]!.items?.length ?? 0) : 0 };
    }
    return undefined;
  }

  #moveItem(from: Place, to: Place) {
    this.#edit((draft) => {
      const source = draft.pages[from.page]!.items!;
      if (from.page === to.page) {
        draft.pages[from.page]!.items = moved(source, from.item, Math.min(to.item, source.length - 1));
        return;
      }
      const [item] = source.splice(from.item, 1);
      const target = (draft.pages[to.page]!.items ??= []);
      target.splice(to.item, 0, item!);
    });
  }

  async #moveButton(from: Place, step: -1 | 1, id: string) {
    const to = this.#target(from, step);
    if (!to) return;
    this.#moveItem(from, to);
    await this.updateComplete;
    const button = this.renderRoot.querySelector<HTMLButtonElement>(`#${CSS.escape(id)}-${step === -1 ? 'up' : 'down'}`);
    (button && !button.disabled ? button : this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}-heading`))?.focus();
  }

  async #deleteItem(place: Place, name: string) {
    this.#delete(this.t('studioDeleted', { name }), (draft) => void draft.pages[place.page]!.items!.splice(place.item, 1));
    await this.focusOn('#undo-button');
  }

  async #deletePage(page: number, name: string) {
    this.#delete(this.t('studioPageDeleted', { name }), (draft) => void draft.pages.splice(page, 1));
    await this.focusOn('#undo-button');
  }

  async #movePage(page: number, step: -1 | 1) {
    this.#edit((draft) => void (draft.pages = moved(draft.pages, page, page + step)));
    await this.updateComplete;
    const button = this.renderRoot.querySelector<HTMLButtonElement>(`#page-${page + step}-${step === -1 ? 'up' : 'down'}`);
    (button && !button.disabled ? button : this.renderRoot.querySelector<HTMLElement>(`#page-${page + step}-heading`))?.focus();
  }

  async #addPage() {
    const id = nextId(this.draft!, 'page');
    const index = this.draft!.pages.length;
    this.#edit((draft) => void draft.pages.push({ id, items: [] }));
    await this.focusOn(`#page-${index}-title`);
  }

  async #addBlock() {
    const block = (this.renderRoot.querySelector<HTMLSelectElement>('#add-block')?.value ?? 'phq-9') as Block;
    const index = this.draft!.pages.length;
    this.#edit((draft) => void draft.pages.push(blockPage(block)));
    await this.focusOn(`#page-${index}-heading`);
  }

  // ---- publishing ------------------------------------------------------------------------

  #askPublish = async () => {
    await this.#check();
    if (this.messages.length) {
      this.refused = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      return;
    }
    this.refused = false;
    this.publish = { name: 'confirm' };
    await this.focusOn('#publish-confirm-heading');
  };

  #confirmPublish = async () => {
    this.publish = { name: 'busy' };
    await this.#saveNow();
    if (this.save === 'failed') {
      this.publish = { name: 'failed', message: this.t('studioPublishUnsaved') };
      await this.focusOn('#publish-result');
      return;
    }
    try {
      const { form } = await this.api.publishForm(this.formId);
      if (this.loaded.name === 'ready') this.loaded = { name: 'ready', data: form };
      this.publish = { name: 'done', version: form.versions.at(-1)?.version ?? '' };
    } catch (error) {
      const problems = error instanceof ConsoleApiError && error.status === 422 ? (error.fields['draft'] ?? '').split('\n').slice(1).filter(Boolean) : [];
      if (problems.length) {
        // The server found what the studio did not: its words, placed like the studio's own.
        this.messages = problems;
        this.refused = true;
        this.publish = { name: 'idle' };
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
        return;
      }
      const refusal = error instanceof ConsoleApiError && error.status === 422 ? error.fields['draft'] : undefined;
      const message = error instanceof ConsoleApiError && error.status === 409 ? this.t('studioVersionTaken') : (refusal ?? this.message(error));
      this.publish = { name: 'failed', message, ...(refusal ? { lang: 'en' } : {}) };
    }
    await this.focusOn('#publish-result');
  };

  #nextVersion(): string {
    return this.loaded.name === 'ready' ? String(this.loaded.data.versions.length + 1) : '';
  }

  // ---- drawing ---------------------------------------------------------------------------

  override render() {
    const t = this.t;
    const draft = this.draft;
    const title = draft ? textIn(draft.title, this.lang, baseLang(draft)) || textIn(draft.title, baseLang(draft), baseLang(draft)) || this.formId : this.formId;
    return html`<section class="section" aria-labelledby="editor-heading">
      <button class="button button--secondary" type="button" @click=${() => this.dispatchEvent(new CustomEvent('form-closed', { bubbles: true, composed: true }))}>${t('studioBack')}</button>
      <h2 id="editor-heading" class="heading--sub" tabindex="-1">${t('studioEditorHeading', { title })}</h2>
      ${this.loaded.name === 'ready' && draft ? this.#editor(draft) : this.loadingOrFailed()}
    </section>`;
  }

  #problems(): Problem[] {
    return this.messages.map((message) => placeProblem(this.t, message));
  }

  #editor(draft: Draft) {
    const t = this.t;
    const problems = this.#problems();
    const byPlace = new Map<string, Problem[]>();
    for (const problem of problems) byPlace.set(problem.place, [...(byPlace.get(problem.place) ?? []), problem]);
    return html`<div class="actions">
        <p role="status" aria-live="polite" id="save-status">${t(this.save === 'saved' ? 'studioSaved' : this.save === 'saving' ? 'studioSaving' : 'studioNotSaved')}</p>
        ${this.save === 'failed' ? html`<button class="button button--secondary" type="button" @click=${this.#retry}>${t('studioRetry')}</button>` : nothing}
      </div>
      <div role="status" class="actions">
        ${this.undo ? html`<p>${this.undo.message}</p><button id="undo-button" class="button button--secondary" type="button" @click=${this.#undo}>${t('studioUndo')}</button>` : nothing}
      </div>
      ${this.refused && problems.length ? refusedSummary(t, problems, this.#goTo) : problemSummary(t, problems, this.#goTo)}
      <fieldset class="field">
        <legend class="label">${t('studioTextLanguage')}</legend>
        <p class="hint" id="text-lang-hint">${t('studioTextLanguageHint')}</p>
        ${(['en', 'es'] as const).map(
          (lang) => html`<label class="choice" for="text-lang-${lang}">
            <input id="text-lang-${lang}" type="radio" name="text-lang" value=${lang} aria-describedby="text-lang-hint" .checked=${this.textLang === lang} @change=${() => (this.textLang = lang)} />
            <span lang=${lang}>${lang === 'es' ? 'Español' : 'English'}</span>
          </label>`,
        )}
      </fieldset>
      ${this.#formFields(draft, byPlace.get('form') ?? [])}
      ${draft.pages.map((page, index) => this.#page(draft, page, index, byPlace))}
      <section class="card" aria-labelledby="add-page-heading">
        <h3 id="add-page-heading">${t('studioAddPageHeading')}</h3>
        <div class="actions"><button class="button button--secondary" type="button" @click=${() => this.#addPage()}>${t('studioAddPage')}</button></div>
        <div class="field">
          <label for="add-block">${t('studioBlock')}</label>
          <p class="hint" id="add-block-hint">${t('studioBlockHint')}</p>
          <select id="add-block" aria-describedby="add-block-hint">
            ${BLOCKS.map((block) => html`<option value=${block}>${this.#blockName(block)}</option>`)}
          </select>
        </div>
        <button class="button button--secondary" type="button" @click=${() => this.#addBlock()}>${t('studioAddBlock')}</button>
      </section>
      ${crisisFields({
        t,
        lang: this.textLang,
        base: baseLang(draft),
        language: this.#language(),
        crisis: (draft['crisis'] as Json | undefined) ?? {},
        problems: itemProblems(this.t, byPlace.get('crisis') ?? []),
        edit: (change) =>
          this.#edit((next) => {
            const crisis = copy((next['crisis'] as Json | undefined) ?? {});
            change(crisis);
            assign(next, 'crisis', Object.keys(crisis).length ? crisis : undefined);
          }),
      })}
      ${this.#publishCard(problems)}`;
  }

  #language(): string {
    return this.textLang === 'es' ? this.t('studioLangEs') : this.t('studioLangEn');
  }

  #goTo = (place: string) => void this.#focusPlace(place);

  async #focusPlace(place: string) {
    const match = /^p(\d+)\.i(\d+)$/.exec(place);
    const item = match && this.draft?.pages[Number(match[1])]?.items?.[Number(match[2])];
    if (item) this.open = item.id;
    await this.focusOn(`#${anchor(place)}`);
  }

  #text(id: string, label: string, target: Json, key: string, change: (apply: (target: Json) => void) => void, multiline = false, hint?: string) {
    const base = baseLang(this.draft!);
    const value = textIn(target[key], this.textLang, base);
    const onInput = (event: Event) => {
      const text = (event.target as HTMLInputElement).value;
      change((next) => assign(next, key, withText(next[key], this.textLang, base, text)));
    };
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
      ${
        multiline
          ? html`<textarea id=${id} lang=${this.textLang} aria-describedby=${hint ? `${id}-hint` : nothing} .value=${value} @input=${onInput}></textarea>`
          : html`<input id=${id} lang=${this.textLang} aria-describedby=${hint ? `${id}-hint` : nothing} .value=${value} @input=${onInput} />`
      }
    </div>`;
  }

  #formFields(draft: Draft, problems: Problem[]) {
    const t = this.t;
    const words = { language: this.#language() };
    const change = (apply: (target: Json) => void) => this.#edit((next) => apply(next));
    const confirmation = (draft['confirmation'] as Json | undefined) ?? {};
    const changeConfirmation = (apply: (target: Json) => void) =>
      this.#edit((next) => {
        const target = copy((next['confirmation'] as Json | undefined) ?? {});
        apply(target);
        assign(next, 'confirmation', Object.keys(target).length ? target : undefined);
      });
    return html`<section class="card" aria-labelledby="form-heading">
      <h3 id="form-heading" tabindex="-1">${t('studioFormSettings')}</h3>
      ${itemProblems(this.t, problems)}
      ${this.#text('form-title', t('studioFormTitle', words), draft, 'title', change)}
      ${this.#text('form-intro', t('studioFormIntro', words), draft, 'intro', change, true, t('studioMarkdownHint'))}
      ${this.#text('form-submit', t('studioSubmitLabel', words), draft, 'submitLabel', change, false, t('studioSubmitLabelHint'))}
      ${this.#text('form-done-heading', t('studioConfirmationHeading', words), confirmation, 'heading', changeConfirmation)}
      ${this.#text('form-done-body', t('studioConfirmationBody', words), confirmation, 'body', changeConfirmation, true, t('studioMarkdownHint'))}
    </section>`;
  }

  #blockName(block: string): string {
    return block in INSTRUMENTS ? INSTRUMENTS[block as InstrumentId].name : this.t('studioScreeningName');
  }

  #page(draft: Draft, page: DraftPage, index: number, byPlace: Map<string, Problem[]>) {
    const t = this.t;
    const base = baseLang(draft);
    const block = page.instrument ?? page.include;
    const title = block ? this.#blockName(block) : textIn(page.title, this.textLang, base) || textIn(page.title, base, base);
    const name = title || t('studioUntitledPage');
    const last = draft.pages.length - 1;
    return html`<section class="card page" aria-labelledby="page-${index}-heading">
      <h3 id="page-${index}-heading" tabindex="-1">${t('studioPageHeading', { n: index + 1, title: name })}</h3>
      ${itemProblems(this.t, byPlace.get(`p${index}`) ?? [])}
      ${
        block
          ? html`<div class="locked">
              <p><strong>${t('studioLocked')}</strong> ${t(page.instrument ? 'studioLockedInstrument' : 'studioLockedScreening')}</p>
            </div>`
          : html`${this.#text(`page-${index}-title`, t('studioPageTitle', { language: this.#language() }), page, 'title', (apply) => this.#editPage(index, apply))}
            ${this.#text(`page-${index}-intro`, t('studioPageIntro', { language: this.#language() }), page, 'intro', (apply) => this.#editPage(index, apply), true, t('studioMarkdownHint'))}`
      }
      ${conditionEditor({
        t,
        prefix: `page-${index}`,
        when: page.when,
        questions: earlierQuestions(draft, index, undefined, this.textLang, [t('yes'), t('no')]),
        set: (when) => this.#editPage(index, (next) => assign(next, 'when', when)),
      })}
      ${block ? nothing : this.#items(draft, page, index, byPlace)}
      <div class="actions">
        <button id="page-${index}-up" class="button button--secondary" type="button" ?disabled=${index === 0} @click=${() => this.#movePage(index, -1)}>${t('studioPageUp')}<span class="visually-hidden">: ${name}</span></button>
        <button id="page-${index}-down" class="button button--secondary" type="button" ?disabled=${index === last} @click=${() => this.#movePage(index, 1)}>${t('studioPageDown')}<span class="visually-hidden">: ${name}</span></button>
        <button class="button button--secondary" type="button" @click=${() => this.#deletePage(index, name)}>${t('studioPageDelete')}<span class="visually-hidden">: ${name}</span></button>
      </div>
    </section>`;
  }

  #items(draft: Draft, page: DraftPage, pageIndex: number, byPlace: Map<string, Problem[]>) {
    const t = this.t;
    const items = page.items ?? [];
    return html`<h4 class="visually-hidden">${t('studioQuestions')}</h4>
      <ol class="plain" @dragover=${(event: DragEvent) => this.#dragFrom && event.preventDefault()} @drop=${(event: DragEvent) => this.#drop(event, { page: pageIndex, item: items.length })}>
        ${items.map((item, index) => this.#item(draft, item, { page: pageIndex, item: index }, byPlace.get(`p${pageIndex}.i${index}`) ?? []))}
      </ol>
      ${items.length === 0 ? html`<p class="hint">${t('studioNoQuestions')}</p>` : nothing}
      <div class="actions">
        <div class="field">
          <label for="add-type-${pageIndex}">${t('studioQuestionType')}</label>
          <select id="add-type-${pageIndex}">
            ${ITEM_TYPES.map((type) => html`<option value=${type}>${t(`itemType.${type}`)}</option>`)}
          </select>
        </div>
        <button class="button" type="button" @click=${() => this.#addItem(pageIndex)}>${t('studioAddQuestion')}</button>
      </div>`;
  }

  #drop(event: DragEvent, to: Place) {
    event.preventDefault();
    event.stopPropagation();
    const from = this.#dragFrom;
    this.#dragFrom = undefined;
    this.renderRoot.querySelectorAll('.drop-target').forEach((element) => element.classList.remove('drop-target'));
    if (!from || (from.page === to.page && from.item === to.item)) return;
    // Dropped on a later place of the same page: the item goes where that one was.
    this.#moveItem(from, to);
  }

  #item(draft: Draft, item: DraftItem, place: Place, problems: Problem[]): TemplateResult {
    const t = this.t;
    const base = baseLang(draft);
    const open = this.open === item.id;
    const wording = textIn(item['label'] ?? item['text'], this.textLang, base) || textIn(item['label'] ?? item['text'], base, base);
    const name = t('studioItemName', { n: place.item + 1, type: t(`itemType.${item.type}`), label: wording || t('studioNoWording') });
    const fieldsId = `${item.id}-fields`;
    return html`<li class="card item ${problems.length ? 'item--problem' : ''}" id="item-${place.page}-${place.item}"
      @dragover=${(event: DragEvent) => {
        if (!this.#dragFrom) return;
        event.preventDefault();
        (event.currentTarget as HTMLElement).classList.add('drop-target');
      }}
      @dragleave=${(event: DragEvent) => (event.currentTarget as HTMLElement).classList.remove('drop-target')}
      @drop=${(event: DragEvent) => this.#drop(event, place)}>
      <div class="item-head" draggable="true"
        @dragstart=${(event: DragEvent) => {
          this.#dragFrom = place;
          event.dataTransfer?.setData('text/plain', item.id);
          if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
        }}
        @dragend=${() => (this.#dragFrom = undefined)}>
        <h4 id="item-${place.page}-${place.item}-heading" tabindex="-1">${name}</h4>
      </div>
      ${itemProblems(this.t, problems)}
      ${item.when ? html`<p class="hint">${t('studioHasCondition')}</p>` : nothing}
      <div class="actions">
        <button id="${item.id}-edit" class="button button--secondary" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${open ? fieldsId : nothing}
          @click=${() => (this.open = open ? undefined : item.id)}>${t(open ? 'studioClose' : 'studioEdit')}<span class="visually-hidden">: ${name}</span></button>
        <button id="${item.id}-up" class="button button--secondary" type="button" ?disabled=${!this.#target(place, -1)} @click=${() => this.#moveButton(place, -1, item.id)}>${t('studioMoveUp')}<span class="visually-hidden">: ${name}</span></button>
        <button id="${item.id}-down" class="button button--secondary" type="button" ?disabled=${!this.#target(place, 1)} @click=${() => this.#moveButton(place, 1, item.id)}>${t('studioMoveDown')}<span class="visually-hidden">: ${name}</span></button>
        <button id="${item.id}-delete" class="button button--secondary" type="button" @click=${() => this.#deleteItem(place, name)}>${t('studioDelete')}<span class="visually-hidden">: ${name}</span></button>
      </div>
      ${
        open
          ? html`<div id=${fieldsId}>
              ${itemFields({ t, lang: this.textLang, base, language: this.#language(), item, edit: (change) => this.#editItem(place, change) })}
              ${conditionEditor({
                t,
                prefix: item.id,
                when: item['when'],
                questions: earlierQuestions(draft, place.page, place.item, this.textLang, [t('yes'), t('no')]),
                set: (when) => this.#editItem(place, (next) => assign(next, 'when', when)),
              })}
            </div>`
          : nothing
      }
    </li>`;
  }

  #publishCard(problems: Problem[]) {
    const t = this.t;
    const publish = this.publish;
    const version = this.#nextVersion();
    return html`<section class="card" aria-labelledby="publish-heading">
      <h3 id="publish-heading">${t('studioPublishHeading')}</h3>
      <p class="hint">${t('studioPublishHint')}</p>
      ${
        publish.name === 'confirm' || publish.name === 'busy'
          ? html`<div class="notice">
              <h4 id="publish-confirm-heading" tabindex="-1">${t('studioPublishConfirm', { version })}</h4>
              <p>${t('studioPublishConfirmHint')}</p>
              <div class="actions">
                <button class="button" type="button" ?disabled=${publish.name === 'busy'} @click=${this.#confirmPublish}>${t('studioPublishVersion', { version })}</button>
                <button class="button button--secondary" type="button" @click=${() => (this.publish = { name: 'idle' })}>${t('studioCancel')}</button>
              </div>
            </div>`
          : html`<button id="publish-button" class="button" type="button" @click=${this.#askPublish}>${t('studioPublish')}</button>
              ${problems.length ? html`<p class="hint">${t('studioPublishBlocked', { count: problems.length })}</p>` : nothing}`
      }
      <div id="publish-result" tabindex="-1" role="status">
        ${publish.name === 'done' ? html`<p class="notice notice--success">${t('studioPublished', { version: publish.version })}</p>` : nothing}
        ${publish.name === 'failed' ? html`<p class="notice notice--error" lang=${publish.lang ?? nothing}>${publish.message}</p>` : nothing}
      </div>
    </section>`;
  }
}
if (!customElements.get('console-form-editor')) customElements.define('console-form-editor', ConsoleFormEditor);
