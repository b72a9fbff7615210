/**
 * The fields of one question in the form studio, by its type — every property the definition
 * schema gives it (src/forms/definition-items.ts): wording (per language), help, required, the
 * error message, options with scores, flags and safety marks, rows, limits, autocomplete purpose.
 * Each field changes the question through `edit`; ids are the question's own, so they stay put
 * when it moves.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ConsoleKey, Translate } from '../i18n/index.js';
import { assign, moved, nextOptionValue, textIn, withText, type DraftItem, type DraftOption, type Json } from './draft.js';

export interface ItemContext {
  t: Translate;
  /** The language whose texts are being written, and the definition's own. */
  lang: string;
  base: string;
  /** The name of the language being written, for the labels. */
  language: string;
  item: DraftItem;
  edit(change: (item: DraftItem) => void): void;
}

/** Purposes a text, email or phone field may tell the browser, so it can fill them in. */
export const AUTOCOMPLETE = [
  'name',
  'given-name',
  'family-name',
  'email',
  'tel',
  'street-address',
  'address-level2',
  'postal-code',
  'country-name',
  'off',
] as const;

const uid = (ctx: ItemContext, name: string) => `${ctx.item.id}-${name}`;

/**
 * A text in the language being written (`lang`) as one field, a line or with `multiline` a box;
 * `onText` hears each change. The form's, a page's and a question's texts all use it.
 */
export function languageTextField(
  field: { id: string; label: string; lang: string; value: string; multiline?: boolean; hint?: string | undefined },
  onText: (text: string) => void,
): TemplateResult {
  const { id, label, lang, value, multiline = false, hint } = field;
  const onInput = (event: Event) => onText((event.target as HTMLInputElement).value);
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
    ${
      multiline
        ? html`<textarea id=${id} lang=${lang} aria-describedby=${hint ? `${id}-hint` : nothing} .value=${value} @input=${onInput}></textarea>`
        : html`<input id=${id} lang=${lang} aria-describedby=${hint ? `${id}-hint` : nothing} .value=${value} @input=${onInput} />`
    }
  </div>`;
}

/** A text of `target[key]` in the language being written. */
function localTextField(ctx: ItemContext, id: string, label: string, target: () => Json, key: string, multiline = false, hint?: string): TemplateResult {
  const value = textIn(target()[key], ctx.lang, ctx.base);
  return languageTextField({ id, label, lang: ctx.lang, value, multiline, hint }, (text) =>
    ctx.edit((item) => assign(locate(item, target, ctx.item), key, withText(locate(item, target, ctx.item)[key], ctx.lang, ctx.base, text))),
  );
}

/**
 * The same place in the copy being edited as `target` is in the shown item: targets are found
 * again by path, since each edit works on a fresh copy.
 */
function locate(copyItem: DraftItem, target: () => Json, shown: DraftItem): Json {
  const original = target();
  if (original === shown) return copyItem;
  for (const list of ['options', 'rows'] as const) {
    const index = (shown[list] as Json[] | undefined)?.indexOf(original) ?? -1;
    if (index !== -1) return (copyItem[list] as Json[])[index]!;
  }
  return copyItem;
}

function plainField(
  ctx: ItemContext,
  id: string,
  label: string,
  value: string,
  set: (item: DraftItem, value: string) => void,
  hint?: string,
  type = 'text',
): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
    <input id=${id} type=${type} inputmode=${type === 'text' ? nothing : 'decimal'} aria-describedby=${hint ? `${id}-hint` : nothing} .value=${value}
      @change=${(event: Event) => ctx.edit((item) => set(item, (event.target as HTMLInputElement).value.trim()))} />
  </div>`;
}

/** A number property: empty removes it; `whole` keeps only integers. */
function numberField(ctx: ItemContext, key: string, label: ConsoleKey, whole = true): TemplateResult {
  const value = ctx.item[key];
  return plainField(ctx, uid(ctx, key), ctx.t(label), value === undefined ? '' : String(value), (item, text) => {
    const number = Number(text);
    assign(item, key, text === '' || !Number.isFinite(number) || (whole && !Number.isInteger(number)) ? undefined : number);
  });
}

function checkbox(id: string, label: string, checked: boolean, set: (checked: boolean) => void, hint?: string): TemplateResult {
  return html`<div class="field">
    <label class="choice" for=${id}>
      <input id=${id} type="checkbox" .checked=${checked} aria-describedby=${hint ? `${id}-hint` : nothing}
        @change=${(event: Event) => set((event.target as HTMLInputElement).checked)} />
      ${label}
    </label>
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
  </div>`;
}

function flagField(ctx: ItemContext, id: string, label: string, value: string, set: (item: DraftItem, flag: string | undefined) => void): TemplateResult {
  return plainField(
    ctx,
    id,
    label,
    value,
    (item, text) => set(item, text ? text.toLowerCase().replace(/[^a-z0-9-]+/g, '-') : undefined),
    ctx.t('studioFlagHint'),
  );
}

/** Every field of the question, for its type. */
export function itemFields(ctx: ItemContext): TemplateResult {
  const { t, item } = ctx;
  const self = () => item;
  const words = (key: ConsoleKey) => t(key, { language: ctx.language });
  if (item.type === 'display') {
    return localTextField(ctx, uid(ctx, 'text'), words('studioDisplayText'), self, 'text', true, t('studioMarkdownHint'));
  }
  return html`${localTextField(ctx, uid(ctx, 'label'), words('studioQuestion'), self, 'label')}
    ${localTextField(ctx, uid(ctx, 'help'), words('studioHelp'), self, 'help')}
    ${checkbox(uid(ctx, 'required'), t('studioRequired'), item['required'] !== false, (checked) => ctx.edit((next) => assign(next, 'required', checked ? undefined : false)))}
    ${item['required'] !== false ? localTextField(ctx, uid(ctx, 'required-message'), words('studioRequiredMessage'), self, 'requiredMessage', false, t('studioRequiredMessageHint')) : nothing}
    ${localTextField(ctx, uid(ctx, 'short'), words('studioShortText'), self, 'shortText', false, t('studioShortTextHint'))}
    ${typeFields(ctx)} ${safetyAndReview(ctx)}`;
}

function typeFields(ctx: ItemContext): TemplateResult | typeof nothing {
  const { t, item } = ctx;
  const words = (key: ConsoleKey) => t(key, { language: ctx.language });
  switch (item.type) {
    case 'text':
      return html`${numberField(ctx, 'minLength', 'studioMinLength')} ${numberField(ctx, 'maxLength', 'studioMaxLength')}
        ${plainField(ctx, uid(ctx, 'pattern'), t('studioPattern'), String(item['pattern'] ?? ''), (next, value) => assign(next, 'pattern', value), t('studioPatternHint'))}
        ${item['pattern'] ? localTextField(ctx, uid(ctx, 'pattern-message'), words('studioPatternMessage'), () => item, 'patternMessage') : nothing}
        ${autocomplete(ctx)}`;
    case 'textarea':
      return html`${numberField(ctx, 'minLength', 'studioMinLength')} ${numberField(ctx, 'maxLength', 'studioMaxLength')}`;
    case 'email':
    case 'phone':
      return autocomplete(ctx);
    case 'number':
      return html`${localTextField(ctx, uid(ctx, 'unit'), words('studioUnit'), () => item, 'unit')}
        ${numberField(ctx, 'min', 'studioMin', false)} ${numberField(ctx, 'max', 'studioMax', false)}
        ${checkbox(uid(ctx, 'integer'), t('studioInteger'), item['integer'] === true, (checked) => ctx.edit((next) => assign(next, 'integer', checked || undefined)))}`;
    case 'date':
      return html`${checkbox(uid(ctx, 'dob'), t('studioDateOfBirth'), item['dateOfBirth'] === true, (checked) => ctx.edit((next) => assign(next, 'dateOfBirth', checked || undefined)))}
        ${plainField(ctx, uid(ctx, 'min'), t('studioEarliest'), String(item['min'] ?? ''), (next, value) => assign(next, 'min', value), t('studioDateBoundHint'))}
        ${plainField(ctx, uid(ctx, 'max'), t('studioLatest'), String(item['max'] ?? ''), (next, value) => assign(next, 'max', value), t('studioDateBoundHint'))}`;
    case 'choice':
    case 'multi':
      return options(ctx);
    case 'scale':
      return html`${options(ctx)} ${rows(ctx)}`;
    case 'consent':
      return html`${localTextField(ctx, uid(ctx, 'text'), words('studioConsentText'), () => item, 'text', true, t('studioMarkdownHint'))}
        ${checkbox(uid(ctx, 'signature'), t('studioSignature'), item['signature'] === true, (checked) => ctx.edit((next) => assign(next, 'signature', checked || undefined)))}`;
    default:
      return nothing;
  }
}

function autocomplete(ctx: ItemContext): TemplateResult {
  const { t, item } = ctx;
  const current = String(item['autocomplete'] ?? '');
  const known: readonly string[] = AUTOCOMPLETE;
  const id = uid(ctx, 'autocomplete');
  return html`<div class="field">
    <label for=${id}>${t('studioAutocomplete')}</label>
    <p class="hint" id="${id}-hint">${t('studioAutocompleteHint')}</p>
    <select id=${id} aria-describedby="${id}-hint" @change=${(event: Event) => ctx.edit((next) => assign(next, 'autocomplete', (event.target as HTMLSelectElement).value))}>
      <option value="" ?selected=${!current}>${t('studioAutocompleteNone')}</option>
      ${AUTOCOMPLETE.map((token) => html`<option value=${token} ?selected=${token === current}>${t(`autocomplete.${token}`)}</option>`)}
      ${current && !known.includes(current) ? html`<option value=${current} selected>${current}</option>` : nothing}
    </select>
  </div>`;
}

/** Options with their wording, score, clinician flag and safety mark; added, moved, removed. */
function options(ctx: ItemContext): TemplateResult {
  const { t, item } = ctx;
  const list = item.options ?? [];
  const change = (change: (options: DraftOption[]) => DraftOption[]) => ctx.edit((next) => (next.options = change(next.options ?? [])));
  return html`<fieldset class="field options">
    <legend class="label">${t('studioOptions')}</legend>
    <ol class="plain">
      ${list.map((entry, i) => {
        const id = `${item.id}-option-${i}`;
        const at = () => entry;
        return html`<li class="option">
          ${localTextField(ctx, `${id}-label`, t('studioOptionLabel', { n: i + 1, language: ctx.language }), at, 'label')}
          ${plainField(
            ctx,
            `${id}-score`,
            t('studioScore', { n: i + 1 }),
            entry.score === undefined ? '' : String(entry.score),
            (next, value) => {
              const option = next.options![i]!;
              assign(option, 'score', /^-?\d+$/.test(value) ? Number(value) : undefined);
            },
            item.type === 'scale' ? t('studioScoreScaleHint') : t('studioScoreHint'),
          )}
          ${item.type === 'multi' ? checkbox(`${id}-exclusive`, t('studioExclusive'), entry['exclusive'] === true, (checked) => ctx.edit((next) => assign(next.options![i]!, 'exclusive', checked || undefined))) : nothing}
          ${item.type !== 'scale' ? flagField(ctx, `${id}-review`, t('studioOptionFlag', { n: i + 1 }), String(entry['review'] ?? ''), (next, flag) => assign(next.options![i]!, 'review', flag)) : nothing}
          ${item.type !== 'scale' ? checkbox(`${id}-safety`, t('studioOptionSafety', { n: i + 1 }), entry['safety'] === true, (checked) => ctx.edit((next) => assign(next.options![i]!, 'safety', checked || undefined))) : nothing}
          <div class="actions">
            <button class="button button--secondary" type="button" ?disabled=${i === 0} @click=${() => change((all) => moved(all, i, i - 1))}>${t('studioOptionUp', { n: i + 1 })}</button>
            <button class="button button--secondary" type="button" ?disabled=${i === list.length - 1} @click=${() => change((all) => moved(all, i, i + 1))}>${t('studioOptionDown', { n: i + 1 })}</button>
            <button class="button button--secondary" type="button" @click=${() => change((all) => all.filter((_, j) => j !== i))}>${t('studioOptionRemove', { n: i + 1 })}</button>
          </div>
        </li>`;
      })}
    </ol>
    <button class="button button--secondary" type="button" @click=${() => change((all) => [...all, { value: nextOptionValue({ ...item, options: all }), ...(item.type === 'scale' ? { score: all.length } : {}) }])}>${t('studioAddOption')}</button>
  </fieldset>`;
}

/** A scale's rows: each answered on the shared options; a row may be a safety row (as PHQ-9 item 9). */
function rows(ctx: ItemContext): TemplateResult {
  const { t, item } = ctx;
  const list = item.rows ?? [];
  return html`<fieldset class="field options">
    <legend class="label">${t('studioRows')}</legend>
    <ol class="plain">
      ${list.map((row, i) => {
        const id = `${item.id}-row-${i}`;
        return html`<li class="option">
          ${localTextField(ctx, `${id}-label`, t('studioRowLabel', { n: i + 1, language: ctx.language }), () => row, 'label')}
          ${checkbox(`${id}-safety`, t('studioRowSafety', { n: i + 1 }), row['safety'] === true, (checked) => ctx.edit((next) => assign(next.rows![i]!, 'safety', checked || undefined)))}
          <button class="button button--secondary" type="button" ?disabled=${list.length === 1} @click=${() => ctx.edit((next) => (next.rows = next.rows!.filter((_, j) => j !== i)))}>${t('studioRowRemove', { n: i + 1 })}</button>
        </li>`;
      })}
    </ol>
    <button class="button button--secondary" type="button" @click=${() =>
      ctx.edit((next) => {
        const taken = new Set((next.rows ?? []).map((row) => row.id));
        let n = taken.size + 1;
        while (taken.has(`${next.id}-row${n}`)) n++;
        next.rows = [...(next.rows ?? []), { id: `${next.id}-row${n}` }];
      })}>${t('studioAddRow')}</button>
  </fieldset>`;
}

/** The question's own safety mark, and a clinician flag on a "yes". */
function safetyAndReview(ctx: ItemContext): TemplateResult | typeof nothing {
  const { t, item } = ctx;
  const safety = ['yesno', 'number', 'choice', 'multi'].includes(item.type)
    ? checkbox(
        uid(ctx, 'safety'),
        t('studioSafety'),
        item['safety'] === true,
        (checked) => ctx.edit((next) => assign(next, 'safety', checked || undefined)),
        t(item.type === 'yesno' ? 'studioSafetyYesHint' : 'studioSafetyHint'),
      )
    : nothing;
  if (item.type !== 'yesno') return safety;
  const review = item['review'] as Json | undefined;
  const simple = !review || (!Array.isArray(review) && JSON.stringify(review['when']) === JSON.stringify({ equals: 'yes' }));
  if (!simple) return html`${safety}<p class="hint">${t('studioReviewKept')}</p>`;
  return html`${safety}
    ${flagField(ctx, uid(ctx, 'review'), t('studioYesFlag'), String(review?.['flag'] ?? ''), (next, flag) => assign(next, 'review', flag ? { when: { equals: 'yes' }, flag } : undefined))}`;
}
