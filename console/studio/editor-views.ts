/**
 * What `<console-form-editor>` (console/views/form-editor.ts) draws: whether the draft is saved,
 * Undo, the problems, the language the texts are written in, the form's own texts, each page with
 * its questions, adding a page or a locked block, the crisis resources and Publish. Template
 * functions of an `EditorContext`, which the element makes at each render; every change goes back
 * through it, so nothing here holds state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { INSTRUMENTS } from '../../src/forms/instruments/index.js';
import type { InstrumentId } from '../../src/forms/instruments/types.js';
import type { Translate } from '../i18n/index.js';
import { conditionEditor } from './condition-editor.js';
import { earlierQuestions } from './conditions.js';
import { crisisFields } from './crisis-fields.js';
import { BLOCKS, ITEM_TYPES, assign, baseLang, copy, textIn, withText, type Draft, type DraftItem, type DraftPage, type Json, type Place } from './draft.js';
import { itemFields, languageTextField } from './item-fields.js';
import { itemProblems, problemSummary, refusedSummary } from './problem-list.js';
import type { Problem } from './problems.js';

export type SaveState = 'saved' | 'saving' | 'failed';
export type Publish =
  { name: 'idle' } | { name: 'confirm' } | { name: 'busy' } | { name: 'done'; version: string } | { name: 'failed'; message: string; lang?: string };

export interface EditorContext {
  t: Translate;
  /** The language whose texts are being written. */
  textLang: string;
  /** The question whose fields are open, by id. */
  open: string | undefined;
  save: SaveState;
  /** The last deletion, until the next change. */
  undo: { message: string } | undefined;
  /** Publish was asked for while problems remain: the summary says so. */
  refused: boolean;
  publish: Publish;
  /** The version Publish would make. */
  nextVersion: string;
  setTextLang(lang: string): void;
  setOpen(id: string | undefined): void;
  /** Every edit: a changed copy of the draft. */
  edit(change: (draft: Draft) => unknown): void;
  editPage(page: number, change: (page: DraftPage) => void): void;
  editItem(place: Place, change: (item: DraftItem) => void): void;
  /** Whether Move up / Move down has somewhere to take the question. */
  canMove(from: Place, step: -1 | 1): boolean;
  moveItem(from: Place, step: -1 | 1, id: string): void;
  movePage(page: number, step: -1 | 1): void;
  deleteItem(place: Place, name: string): void;
  deletePage(page: number, name: string): void;
  addItem(page: number): void;
  addPage(): void;
  addBlock(): void;
  retry(): void;
  undoDeletion(): void;
  /** A problem's link: the question or field at `place` (`p0.i2`, `form`, `crisis`). */
  goTo(place: string): void;
  askPublish(): void;
  confirmPublish(): void;
  cancelPublish(): void;
  /** Dragging a question with the mouse: where from, if a drag is under way. */
  dragging(): boolean;
  dragStart(from: Place): void;
  dragEnd(): void;
  drop(event: DragEvent, to: Place): void;
}

export function renderEditor(ctx: EditorContext, draft: Draft, problems: Problem[]): TemplateResult {
  const { t } = ctx;
  const byPlace = new Map<string, Problem[]>();
  for (const problem of problems) byPlace.set(problem.place, [...(byPlace.get(problem.place) ?? []), problem]);
  return html`<div class="actions">
      <p role="status" aria-live="polite" id="save-status">${t(ctx.save === 'saved' ? 'studioSaved' : ctx.save === 'saving' ? 'studioSaving' : 'studioNotSaved')}</p>
      ${ctx.save === 'failed' ? html`<button class="button button--secondary" type="button" @click=${() => ctx.retry()}>${t('studioRetry')}</button>` : nothing}
    </div>
    <div role="status" class="actions">
      ${ctx.undo ? html`<p>${ctx.undo.message}</p><button id="undo-button" class="button button--secondary" type="button" @click=${() => ctx.undoDeletion()}>${t('studioUndo')}</button>` : nothing}
    </div>
    ${ctx.refused && problems.length ? refusedSummary(t, problems, ctx.goTo) : problemSummary(t, problems, ctx.goTo)}
    <fieldset class="field">
      <legend class="label">${t('studioTextLanguage')}</legend>
      <p class="hint" id="text-lang-hint">${t('studioTextLanguageHint')}</p>
      ${(['en', 'es'] as const).map(
        (lang) => html`<label class="choice" for="text-lang-${lang}">
          <input id="text-lang-${lang}" type="radio" name="text-lang" value=${lang} aria-describedby="text-lang-hint" .checked=${ctx.textLang === lang} @change=${() => ctx.setTextLang(lang)} />
          <span lang=${lang}>${lang === 'es' ? 'Español' : 'English'}</span>
        </label>`,
      )}
    </fieldset>
    ${formFields(ctx, draft, byPlace.get('form') ?? [])}
    ${draft.pages.map((page, index) => pageCard(ctx, draft, page, index, byPlace))}
    <section class="card" aria-labelledby="add-page-heading">
      <h3 id="add-page-heading">${t('studioAddPageHeading')}</h3>
      <div class="actions"><button class="button button--secondary" type="button" @click=${() => ctx.addPage()}>${t('studioAddPage')}</button></div>
      <div class="field">
        <label for="add-block">${t('studioBlock')}</label>
        <p class="hint" id="add-block-hint">${t('studioBlockHint')}</p>
        <select id="add-block" aria-describedby="add-block-hint">
          ${BLOCKS.map((block) => html`<option value=${block}>${blockName(t, block)}</option>`)}
        </select>
      </div>
      <button class="button button--secondary" type="button" @click=${() => ctx.addBlock()}>${t('studioAddBlock')}</button>
    </section>
    ${crisisFields({
      t,
      lang: ctx.textLang,
      base: baseLang(draft),
      language: language(ctx),
      crisis: (draft['crisis'] as Json | undefined) ?? {},
      problems: itemProblems(t, byPlace.get('crisis') ?? []),
      edit: (change) =>
        ctx.edit((next) => {
          const crisis = copy((next['crisis'] as Json | undefined) ?? {});
          change(crisis);
          assign(next, 'crisis', Object.keys(crisis).length ? crisis : undefined);
        }),
    })}
    ${publishCard(ctx, problems)}`;
}

/** The name of the language the texts are being written in. */
function language(ctx: EditorContext): string {
  return ctx.textLang === 'es' ? ctx.t('studioLangEs') : ctx.t('studioLangEn');
}

function blockName(t: Translate, block: string): string {
  return block in INSTRUMENTS ? INSTRUMENTS[block as InstrumentId].name : t('studioScreeningName');
}

/** A text of the definition in the language being written (`target[key]`), as one field. */
function textField(
  ctx: EditorContext,
  draft: Draft,
  field: { id: string; label: string; multiline?: boolean; hint?: string },
  target: Json,
  key: string,
  change: (apply: (target: Json) => void) => void,
) {
  const base = baseLang(draft);
  return languageTextField({ ...field, lang: ctx.textLang, value: textIn(target[key], ctx.textLang, base) }, (text) =>
    change((next) => assign(next, key, withText(next[key], ctx.textLang, base, text))),
  );
}

function formFields(ctx: EditorContext, draft: Draft, problems: Problem[]) {
  const { t } = ctx;
  const words = { language: language(ctx) };
  const change = (apply: (target: Json) => void) => ctx.edit((next) => apply(next));
  const confirmation = (draft['confirmation'] as Json | undefined) ?? {};
  const changeConfirmation = (apply: (target: Json) => void) =>
    ctx.edit((next) => {
      const target = copy((next['confirmation'] as Json | undefined) ?? {});
      apply(target);
      assign(next, 'confirmation', Object.keys(target).length ? target : undefined);
    });
  const markdown = t('studioMarkdownHint');
  return html`<section class="card" aria-labelledby="form-heading">
    <h3 id="form-heading" tabindex="-1">${t('studioFormSettings')}</h3>
    ${itemProblems(t, problems)}
    ${textField(ctx, draft, { id: 'form-title', label: t('studioFormTitle', words) }, draft, 'title', change)}
    ${textField(ctx, draft, { id: 'form-intro', label: t('studioFormIntro', words), multiline: true, hint: markdown }, draft, 'intro', change)}
    ${textField(ctx, draft, { id: 'form-submit', label: t('studioSubmitLabel', words), hint: t('studioSubmitLabelHint') }, draft, 'submitLabel', change)}
    ${textField(ctx, draft, { id: 'form-done-heading', label: t('studioConfirmationHeading', words) }, confirmation, 'heading', changeConfirmation)}
    ${textField(ctx, draft, { id: 'form-done-body', label: t('studioConfirmationBody', words), multiline: true, hint: markdown }, confirmation, 'body', changeConfirmation)}
  </section>`;
}

function pageCard(ctx: EditorContext, draft: Draft, page: DraftPage, index: number, byPlace: Map<string, Problem[]>) {
  const { t } = ctx;
  const base = baseLang(draft);
  const block = page.instrument ?? page.include;
  const title = block ? blockName(t, block) : textIn(page.title, ctx.textLang, base) || textIn(page.title, base, base);
  const name = title || t('studioUntitledPage');
  const last = draft.pages.length - 1;
  const editPage = (apply: (target: Json) => void) => ctx.editPage(index, apply);
  const words = { language: language(ctx) };
  return html`<section class="card page" aria-labelledby="page-${index}-heading">
    <h3 id="page-${index}-heading" tabindex="-1">${t('studioPageHeading', { n: index + 1, title: name })}</h3>
    ${itemProblems(t, byPlace.get(`p${index}`) ?? [])}
    ${
      block
        ? html`<div class="locked">
            <p><strong>${t('studioLocked')}</strong> ${t(page.instrument ? 'studioLockedInstrument' : 'studioLockedScreening')}</p>
          </div>`
        : html`${textField(ctx, draft, { id: `page-${index}-title`, label: t('studioPageTitle', words) }, page, 'title', editPage)}
          ${textField(ctx, draft, { id: `page-${index}-intro`, label: t('studioPageIntro', words), multiline: true, hint: t('studioMarkdownHint') }, page, 'intro', editPage)}`
    }
    ${conditionEditor({
      t,
      prefix: `page-${index}`,
      when: page.when,
      questions: earlierQuestions(draft, index, undefined, ctx.textLang, [t('yes'), t('no')]),
      set: (when) => ctx.editPage(index, (next) => assign(next, 'when', when)),
    })}
    ${block ? nothing : questions(ctx, draft, page, index, byPlace)}
    <div class="actions">
      <button id="page-${index}-up" class="button button--secondary" type="button" ?disabled=${index === 0} @click=${() => ctx.movePage(index, -1)}>${t('studioPageUp')}<span class="visually-hidden">: ${name}</span></button>
      <button id="page-${index}-down" class="button button--secondary" type="button" ?disabled=${index === last} @click=${() => ctx.movePage(index, 1)}>${t('studioPageDown')}<span class="visually-hidden">: ${name}</span></button>
      <button class="button button--secondary" type="button" @click=${() => ctx.deletePage(index, name)}>${t('studioPageDelete')}<span class="visually-hidden">: ${name}</span></button>
    </div>
  </section>`;
}

function questions(ctx: EditorContext, draft: Draft, page: DraftPage, pageIndex: number, byPlace: Map<string, Problem[]>) {
  const { t } = ctx;
  const items = page.items ?? [];
  return html`<h4 class="visually-hidden">${t('studioQuestions')}</h4>
    <ol class="plain" @dragover=${(event: DragEvent) => ctx.dragging() && event.preventDefault()} @drop=${(event: DragEvent) => ctx.drop(event, { page: pageIndex, item: items.length })}>
      ${items.map((item, index) => question(ctx, draft, item, { page: pageIndex, item: index }, byPlace.get(`p${pageIndex}.i${index}`) ?? []))}
    </ol>
    ${items.length === 0 ? html`<p class="hint">${t('studioNoQuestions')}</p>` : nothing}
    <div class="actions">
      <div class="field">
        <label for="add-type-${pageIndex}">${t('studioQuestionType')}</label>
        <select id="add-type-${pageIndex}">
          ${ITEM_TYPES.map((type) => html`<option value=${type}>${t(`itemType.${type}`)}</option>`)}
        </select>
      </div>
      <button class="button" type="button" @click=${() => ctx.addItem(pageIndex)}>${t('studioAddQuestion')}</button>
    </div>`;
}

function question(ctx: EditorContext, draft: Draft, item: DraftItem, place: Place, problems: Problem[]): TemplateResult {
  const { t } = ctx;
  const base = baseLang(draft);
  const open = ctx.open === item.id;
  const wording = textIn(item['label'] ?? item['text'], ctx.textLang, base) || textIn(item['label'] ?? item['text'], base, base);
  const name = t('studioItemName', { n: place.item + 1, type: t(`itemType.${item.type}`), label: wording || t('studioNoWording') });
  const fieldsId = `${item.id}-fields`;
  return html`<li class="card item ${problems.length ? 'item--problem' : ''}" id="item-${place.page}-${place.item}"
    @dragover=${(event: DragEvent) => {
      if (!ctx.dragging()) return;
      event.preventDefault();
      (event.currentTarget as HTMLElement).classList.add('drop-target');
    }}
    @dragleave=${(event: DragEvent) => (event.currentTarget as HTMLElement).classList.remove('drop-target')}
    @drop=${(event: DragEvent) => ctx.drop(event, place)}>
    <div class="item-head" draggable="true"
      @dragstart=${(event: DragEvent) => {
        ctx.dragStart(place);
        event.dataTransfer?.setData('text/plain', item.id);
        if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
      }}
      @dragend=${() => ctx.dragEnd()}>
      <h4 id="item-${place.page}-${place.item}-heading" tabindex="-1">${name}</h4>
    </div>
    ${itemProblems(t, problems)}
    ${item.when ? html`<p class="hint">${t('studioHasCondition')}</p>` : nothing}
    <div class="actions">
      <button id="${item.id}-edit" class="button button--secondary" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${open ? fieldsId : nothing}
        @click=${() => ctx.setOpen(open ? undefined : item.id)}>${t(open ? 'studioClose' : 'studioEdit')}<span class="visually-hidden">: ${name}</span></button>
      <button id="${item.id}-up" class="button button--secondary" type="button" ?disabled=${!ctx.canMove(place, -1)} @click=${() => ctx.moveItem(place, -1, item.id)}>${t('studioMoveUp')}<span class="visually-hidden">: ${name}</span></button>
      <button id="${item.id}-down" class="button button--secondary" type="button" ?disabled=${!ctx.canMove(place, 1)} @click=${() => ctx.moveItem(place, 1, item.id)}>${t('studioMoveDown')}<span class="visually-hidden">: ${name}</span></button>
      <button id="${item.id}-delete" class="button button--secondary" type="button" @click=${() => ctx.deleteItem(place, name)}>${t('studioDelete')}<span class="visually-hidden">: ${name}</span></button>
    </div>
    ${
      open
        ? html`<div id=${fieldsId}>
            ${itemFields({ t, lang: ctx.textLang, base, language: language(ctx), item, edit: (change) => ctx.editItem(place, change) })}
            ${conditionEditor({
              t,
              prefix: item.id,
              when: item['when'],
              questions: earlierQuestions(draft, place.page, place.item, ctx.textLang, [t('yes'), t('no')]),
              set: (when) => ctx.editItem(place, (next) => assign(next, 'when', when)),
            })}
          </div>`
        : nothing
    }
  </li>`;
}

function publishCard(ctx: EditorContext, problems: Problem[]) {
  const { t, publish, nextVersion: version } = ctx;
  return html`<section class="card" aria-labelledby="publish-heading">
    <h3 id="publish-heading">${t('studioPublishHeading')}</h3>
    <p class="hint">${t('studioPublishHint')}</p>
    ${
      publish.name === 'confirm' || publish.name === 'busy'
        ? html`<div class="notice">
            <h4 id="publish-confirm-heading" tabindex="-1">${t('studioPublishConfirm', { version })}</h4>
            <p>${t('studioPublishConfirmHint')}</p>
            <div class="actions">
              <button class="button" type="button" ?disabled=${publish.name === 'busy'} @click=${() => ctx.confirmPublish()}>${t('studioPublishVersion', { version })}</button>
              <button class="button button--secondary" type="button" @click=${() => ctx.cancelPublish()}>${t('studioCancel')}</button>
            </div>
          </div>`
        : html`<button id="publish-button" class="button" type="button" @click=${() => ctx.askPublish()}>${t('studioPublish')}</button>
            ${problems.length ? html`<p class="hint">${t('studioPublishBlocked', { count: problems.length })}</p>` : nothing}`
    }
    <div id="publish-result" tabindex="-1" role="status">
      ${publish.name === 'done' ? html`<p class="notice notice--success">${t('studioPublished', { version: publish.version })}</p>` : nothing}
      ${publish.name === 'failed' ? html`<p class="notice notice--error" lang=${publish.lang ?? nothing}>${publish.message}</p>` : nothing}
    </div>
  </section>`;
}
