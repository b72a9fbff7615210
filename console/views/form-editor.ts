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
 * This file holds the state and the changes; what it draws is in console/studio/editor-views.ts.
 */
import { html, type PropertyDeclarations } from 'lit';
import type { ConfiguredForm } from '../../src/api/clinic-config.js';
import { ConsoleApiError } from '../api-client.js';
import { consoleStyles } from '../console.styles.js';
import {
  baseLang,
  blockPage,
  copy,
  editable,
  moveItem,
  moveTarget,
  moved,
  newItem,
  nextId,
  textIn,
  type Block,
  type Draft,
  type DraftItem,
  type DraftPage,
  type Place,
} from '../studio/draft.js';
import { renderEditor, type EditorContext, type Publish, type SaveState } from '../studio/editor-views.js';
import { editorStyles } from '../studio/editor.styles.js';
import { anchor } from '../studio/problem-list.js';
import { draftProblems, placeProblem } from '../studio/problems.js';
import { ConsoleView } from './console-view.js';
import { formStyles } from './form-parts.js';

/** How long after the last change the draft is saved, and checked. */
const SAVE_AFTER_MS = 1000;
const CHECK_AFTER_MS = 150;

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

  async #moveButton(from: Place, step: -1 | 1, id: string) {
    const to = moveTarget(this.draft!, from, step);
    if (!to) return;
    this.#edit((draft) => moveItem(draft, from, to));
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

  // ---- drawing ---------------------------------------------------------------------------

  override render() {
    const t = this.t;
    const draft = this.draft;
    const title = draft ? textIn(draft.title, this.lang, baseLang(draft)) || textIn(draft.title, baseLang(draft), baseLang(draft)) || this.formId : this.formId;
    return html`<section class="section" aria-labelledby="editor-heading">
      <button class="button button--secondary" type="button" @click=${() => this.dispatchEvent(new CustomEvent('form-closed', { bubbles: true, composed: true }))}>${t('studioBack')}</button>
      <h2 id="editor-heading" class="heading--sub" tabindex="-1">${t('studioEditorHeading', { title })}</h2>
      ${
        this.loaded.name === 'ready' && draft
          ? renderEditor(
              this.#context(),
              draft,
              this.messages.map((message) => placeProblem(t, message)),
            )
          : this.loadingOrFailed()
      }
    </section>`;
  }

  /** What the editor's templates (console/studio/editor-views.ts) read and call, as this render sees it. */
  #context(): EditorContext {
    return {
      t: this.t,
      textLang: this.textLang,
      open: this.open,
      save: this.save,
      undo: this.undo,
      refused: this.refused,
      publish: this.publish,
      nextVersion: this.loaded.name === 'ready' ? String(this.loaded.data.versions.length + 1) : '',
      setTextLang: (lang) => (this.textLang = lang),
      setOpen: (id) => (this.open = id),
      edit: (change) => this.#edit(change),
      editPage: (page, change) => this.#editPage(page, change),
      editItem: (place, change) => this.#editItem(place, change),
      canMove: (from, step) => moveTarget(this.draft!, from, step) !== undefined,
      moveItem: (from, step, id) => void this.#moveButton(from, step, id),
      movePage: (page, step) => void this.#movePage(page, step),
      deleteItem: (place, name) => void this.#deleteItem(place, name),
      deletePage: (page, name) => void this.#deletePage(page, name),
      addItem: (page) => void this.#addItem(page),
      addPage: () => void this.#addPage(),
      addBlock: () => void this.#addBlock(),
      retry: this.#retry,
      undoDeletion: () => void this.#undo(),
      goTo: this.#goTo,
      askPublish: () => void this.#askPublish(),
      confirmPublish: () => void this.#confirmPublish(),
      cancelPublish: () => (this.publish = { name: 'idle' }),
      dragging: () => this.#dragFrom !== undefined,
      dragStart: (from) => (this.#dragFrom = from),
      dragEnd: () => (this.#dragFrom = undefined),
      drop: (event, to) => this.#drop(event, to),
    };
  }

  #goTo = (place: string) => void this.#focusPlace(place);

  async #focusPlace(place: string) {
    const match = /^p(\d+)\.i(\d+)$/.exec(place);
    const item = match && this.draft?.pages[Number(match[1])]?.items?.[Number(match[2])];
    if (item) this.open = item.id;
    await this.focusOn(`#${anchor(place)}`);
  }

  #drop(event: DragEvent, to: Place) {
    event.preventDefault();
    event.stopPropagation();
    const from = this.#dragFrom;
    this.#dragFrom = undefined;
    this.renderRoot.querySelectorAll('.drop-target').forEach((element) => element.classList.remove('drop-target'));
    if (!from || (from.page === to.page && from.item === to.item)) return;
    // Dropped on a later place of the same page: the item goes where that one was.
    this.#edit((draft) => moveItem(draft, from, to));
  }
}
if (!customElements.get('console-form-editor')) customElements.define('console-form-editor', ConsoleFormEditor);
