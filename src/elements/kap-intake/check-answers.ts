/**
 * Check-your-answers of `<kap-intake>`, as a template: each shown page's answers with a "Change"
 * button per answer; then any safety answer to a question a later answer skipped, which is still
 * sent (see `safetyTriggered`), listed under its own heading so the client knows — without
 * "Change", since its question is no longer asked.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { answerText, type Answers } from '../../forms/answers.js';
import type { Visibility } from '../../forms/conditions.js';
import type { AnswerableItem, ResolvedForm, ResolvedPage } from '../../forms/definition.js';
import { safetyTriggered } from '../../forms/flags.js';
import { indexForm } from '../../forms/form-index.js';
import type { KapStringKey } from '../../i18n/strings.js';

export interface CheckAnswersView {
  form: ResolvedForm;
  /** The pages the client went through. */
  pages: ResolvedPage[];
  seen: Visibility;
  answers: Answers;
  locale: string;
  t: (key: KapStringKey) => string;
  /** "Change": back to the page at this index in `form.pages`. */
  change: (pageIndex: number) => void;
}

export function renderCheckAnswers({ form, pages, seen, answers, locale, t, change }: CheckAnswersView): TemplateResult[] {
  const answer = (label: string, item: AnswerableItem, key: string, page?: number) => {
    const lines = answerText(item, answers[key], { locale, yes: t('intakeYes'), no: t('intakeNo') });
    return html`<div>
      <dt>${label}</dt>
      <dd>${lines.length ? lines.map((line, i) => html`${i ? html`<br />` : nothing}${line}`) : t('intakeNotAnswered')}</dd>
      ${page === undefined
        ? nothing
        : html`<dd>
            <button part="button" class="link-button" type="button" @click=${() => change(page)}>
              ${t('intakeChange')}<span class="visually-hidden"> ${label}</span>
            </button>
          </dd>`}
    </div>`;
  };
  const shown = pages.map((page) => {
    const index = form.pages.indexOf(page);
    return html`<h3>${page.title}</h3>
      <dl part="answers" class="answers">
        ${page.items.flatMap((item) =>
          item.type === 'display' || !seen.items.has(item.id)
            ? []
            : item.type === 'scale'
              ? item.rows.map((row) => answer(`${row.number}. ${row.label}`, item, row.id, index))
              : [answer(item.label, item, item.id, index)],
        )}
      </dl>`;
  });
  const fields = indexForm(form).byKey;
  const kept = safetyTriggered(form, answers).items.flatMap((key) => {
    const { item, row } = fields.get(key)!;
    return seen.items.has(key) ? [] : [answer(row ? `${row.number}. ${row.label}` : item.label, item, key)];
  });
  if (!kept.length) return shown;
  return [
    ...shown,
    html`<h3>${t('intakeKeptHeading')}</h3>
      <p>${t('intakeKeptBody')}</p>
      <dl part="answers" class="answers">${kept}</dl>`,
  ];
}
