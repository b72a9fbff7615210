/**
 * "Show this when [an earlier question] [is / is not / is any of / is answered / is more than /
 * is less than] [value]", rows combined with all / any: the studio's condition editor. Only
 * questions before the one being edited are offered, and the value is picked from that
 * question's own options when it has them. A condition nested deeper than rows of one group is
 * kept as written and said so.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../i18n/index.js';
import { fromRows, operatorsFor, scoreChoices, toRows, type ConditionRow, type ConditionRows, type EarlierQuestion, type Operator } from './conditions.js';
import type { Json } from './draft.js';

export interface ConditionContext {
  t: Translate;
  /** Prefix of the fields' ids (unique on the screen). */
  prefix: string;
  when: unknown;
  questions: EarlierQuestion[];
  set(when: Json | undefined): void;
}

export function conditionEditor(ctx: ConditionContext): TemplateResult {
  const { t, prefix, questions } = ctx;
  const rows = toRows(ctx.when);
  const legendId = `${prefix}-when-legend`;
  if (!rows) {
    return html`<div class="field condition"><p class="label">${t('studioWhen')}</p><p class="hint">${t('studioWhenKept')}</p></div>`;
  }
  const update = (next: ConditionRows) => ctx.set(fromRows(next, questions));
  const setRow = (i: number, row: ConditionRow) => update({ ...rows, rows: rows.rows.map((old, j) => (j === i ? row : old)) });
  const add = () => {
    const question = questions[0]!;
    update({ ...rows, rows: [...rows.rows, { item: question.id, operator: 'equals', value: question.options?.[0]?.value ?? '' }] });
  };
  return html`<fieldset class="field condition" aria-labelledby=${legendId}>
    <legend id=${legendId} class="label">${t('studioWhen')}</legend>
    ${
      rows.rows.length === 0
        ? html`<p class="hint">${questions.length ? t('studioAlwaysShown') : t('studioNoEarlier')}</p>`
        : rows.rows.length > 1
          ? html`<div class="field">
              <label for="${prefix}-combine">${t('studioCombine')}</label>
              <select id="${prefix}-combine" @change=${(event: Event) => update({ ...rows, combine: (event.target as HTMLSelectElement).value === 'any' ? 'any' : 'all' })}>
                <option value="all" ?selected=${rows.combine === 'all'}>${t('studioCombineAll')}</option>
                <option value="any" ?selected=${rows.combine === 'any'}>${t('studioCombineAny')}</option>
              </select>
            </div>`
          : nothing
    }
    <ol class="plain">
      ${rows.rows.map((row, i) =>
        conditionRow(
          ctx,
          `${prefix}-cond-${i}`,
          i,
          row,
          (next) => setRow(i, next),
          () => update({ ...rows, rows: rows.rows.filter((_, j) => j !== i) }),
        ),
      )}
    </ol>
    ${questions.length ? html`<button id="${prefix}-add-condition" class="button button--secondary" type="button" @click=${add}>${t('studioAddCondition')}</button>` : nothing}
  </fieldset>`;
}

function conditionRow(ctx: ConditionContext, id: string, i: number, row: ConditionRow, set: (row: ConditionRow) => void, remove: () => void): TemplateResult {
  const { t, questions } = ctx;
  const question = questions.find((entry) => entry.id === row.item);
  const operators = operatorsFor(question);
  return html`<li class="condition-row">
    <div class="field">
      <label for="${id}-item">${t('studioConditionQuestion', { n: i + 1 })}</label>
      <select id="${id}-item" @change=${(event: Event) => {
        const next = questions.find((entry) => entry.id === (event.target as HTMLSelectElement).value)!;
        const operator = operatorsFor(next).includes(row.operator) ? row.operator : 'equals';
        set({ item: next.id, operator, value: operator === 'anyOf' ? [] : (next.options?.[0]?.value ?? '') });
      }}>
        ${question ? nothing : html`<option value="" selected>${t('studioConditionMissing', { id: row.item })}</option>`}
        ${questions.map((entry) => html`<option value=${entry.id} ?selected=${entry.id === row.item}>${entry.label}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="${id}-operator">${t('studioConditionOperator', { n: i + 1 })}</label>
      <select id="${id}-operator" @change=${(event: Event) => {
        const operator = (event.target as HTMLSelectElement).value as Operator;
        const choices = question && (operator === 'greaterThan' || operator === 'lessThan') && question.options ? scoreChoices(question) : question?.options;
        set({ ...row, operator, value: operator === 'anyOf' ? [] : (choices?.[0]?.value ?? '') });
      }}>
        ${operators.map((operator) => html`<option value=${operator} ?selected=${operator === row.operator}>${t(`operator.${operator}`)}</option>`)}
      </select>
    </div>
    ${valuePicker(ctx, id, i, row, question, set)}
    <button class="button button--secondary" type="button" @click=${remove}>${t('studioRemoveCondition', { n: i + 1 })}</button>
  </li>`;
}

function valuePicker(ctx: ConditionContext, id: string, i: number, row: ConditionRow, question: EarlierQuestion | undefined, set: (row: ConditionRow) => void) {
  const { t } = ctx;
  const label = t('studioConditionValue', { n: i + 1 });
  if (row.operator === 'answered') return nothing;
  const byScore = row.operator === 'greaterThan' || row.operator === 'lessThan';
  const choices = question?.options && (byScore ? scoreChoices(question) : question.options);
  if (row.operator === 'anyOf' && choices) {
    const picked = Array.isArray(row.value) ? row.value : [row.value];
    return html`<fieldset class="field">
      <legend class="label">${label}</legend>
      ${choices.map(
        (choice, j) => html`<label class="choice" for="${id}-any-${j}">
          <input id="${id}-any-${j}" type="checkbox" .checked=${picked.includes(choice.value)}
            @change=${(event: Event) => {
              const on = (event.target as HTMLInputElement).checked;
              set({ ...row, value: choices.map((entry) => entry.value).filter((value) => (value === choice.value ? on : picked.includes(value))) });
            }} />
          ${choice.label}
        </label>`,
      )}
    </fieldset>`;
  }
  if (choices) {
    const value = Array.isArray(row.value) ? (row.value[0] ?? '') : row.value;
    return html`<div class="field">
      <label for="${id}-value">${label}</label>
      <select id="${id}-value" @change=${(event: Event) => set({ ...row, value: (event.target as HTMLSelectElement).value })}>
        ${choices.some((choice) => choice.value === value) ? nothing : html`<option value="" selected>${t('studioPickValue')}</option>`}
        ${choices.map((choice) => html`<option value=${choice.value} ?selected=${choice.value === value}>${byScore ? t('studioScoreChoice', { label: choice.label, score: choice.score ?? '' }) : choice.label}</option>`)}
      </select>
    </div>`;
  }
  const value = Array.isArray(row.value) ? row.value.join(', ') : row.value;
  const hint = question?.kind === 'date' ? t('studioConditionDateHint') : row.operator === 'anyOf' ? t('studioConditionListHint') : undefined;
  return html`<div class="field">
    <label for="${id}-value">${label}</label>
    ${hint ? html`<p class="hint" id="${id}-value-hint">${hint}</p>` : nothing}
    <input id="${id}-value" inputmode=${question?.kind === 'number' ? 'decimal' : nothing} aria-describedby=${hint ? `${id}-value-hint` : nothing} .value=${value}
      @change=${(event: Event) => {
        const text = (event.target as HTMLInputElement).value.trim();
        set({
          ...row,
          value:
            row.operator === 'anyOf'
              ? text
                  .split(',')
                  .map((part) => part.trim())
                  .filter(Boolean)
              : text,
        });
      }} />
  </div>`;
}
