/**
 * Check-your-answers of `<kap-intake>`, as a template: each shown page as a GOV.UK summary card —
 * its title with one "Change" that returns to that page, then its answers — so the way to "Send"
 * takes one Tab per page, not one per answer (a PHQ-9 alone has ten); then any safety answer to a
 * question a later answer skipped, which is still sent (see `safetyTriggered`), listed under its
 * own heading so the client knows — without "Change", since its question is no longer asked.
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
  /** A heading at the level under the page's heading. */
  heading: (content: string) => TemplateResult;
  t: (key: KapStringKey) => string;
  /** "Change": back to the page at this index in `form.pages`. */
  change: (pageIndex: number) => void;
}

export function renderCheckAnswers({ form, pages, seen, answers, locale, heading, t, change }: CheckAnswersView): TemplateResult[] {
  const answer = (label: string, item: AnswerableItem, key: string) => {
    const lines = answerText(item, answers[key], { locale, yes: t('intakeYes'), no: t('intakeNo') });
    return html`<div>
      <dt>${label}</dt>
      <dd>${lines.length ? lines.map((line, i) => html`${i ? html`<br />` : nothing}${line}`) : t('intakeNotAnswered')}</dd>
    </div>`;
  };
  const shown = pages.map((page) => {
    const index = form.pages.indexOf(page);
    return html`<div class="answers-card">
      <div class="answers-title">
        ${heading(page.title)}
        <button part="button" class="link-button" type="button" @click=${() => change(index)}>
          ${t('intakeChange')}<span class="visually-hidden">${` ${page.title}`}</span>
        </button>
      </div>
      <dl part="answers" class="answers">
        ${page.items.flatMap((item) =>
          item.type === 'display' || !seen.items.has(item.id)
            ? []
            : item.type === 'scale'
              ? item.rows.map((row) => answer(`${row.number}. ${row.label}`, item, row.id))
              : [answer(item.label, item, item.id)],
        )}
      </dl>
    </div>`;
  });
  const fields = indexForm(form).byKey;
  const kept = safetyTriggered(form, answers).items.flatMap((key) => {
    const { item, row } = fields.get(key)!;
    return seen.items.has(key) ? [] : [answer(row ? `${row.number}. ${row.label}` : item.label, item, key)];
  });
  if (!kept.length) return shown;
  return [
    ...shown,
    html`${heading(t('intakeKeptHeading'))}
      <p>${t('intakeKeptBody')}</p>
      <dl part="answers" class="answers">${kept}</dl>`,
  ];
}
