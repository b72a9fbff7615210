/**
 * Check-your-answers of `<kap-intake>`, as a template: each shown page as a GOV.UK summary card —
 * its title with one "Change" that returns to that page, then its answers — so the way to "Send"
 * takes one Tab per page, not one per answer (a PHQ-9 alone has ten); then any safety answer to a
 * question a later answer skipped, which is still sent (see `safetyTriggered`), listed under its
 * own heading so the client knows — without "Change", since its question is no longer asked.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { HeadingOptions } from '../../../base/heading.js';
import { inLanguage } from '../../../base/local-template.js';
import { answerText } from '../../../forms/answer-text.js';
import { chosenOptions, modelValue, type AnswerValue, type Answers } from '../../../forms/answers.js';
import type { Visibility } from '../../../forms/conditions.js';
import type { AnswerableItem, ScaleRow } from '../../../forms/definition-items.js';
import type { ResolvedForm, ResolvedPage } from '../../../forms/definition.js';
import { safetyTriggered } from '../../../forms/flags.js';
import { indexForm } from '../../../forms/form-index.js';
import type { KapStringKey } from '../../../i18n/strings.js';

export interface CheckAnswersView {
  form: ResolvedForm;
  /** The pages the client went through. */
  pages: ResolvedPage[];
  seen: Pick<Visibility, 'items'>;
  answers: Answers;
  locale: string;
  /** A heading at the level under the page's heading. */
  heading: (content: string, options?: HeadingOptions) => TemplateResult;
  t: (key: KapStringKey) => string;
  /** "Change": back to the page at this index in `form.pages`. */
  change: (pageIndex: number) => void;
}

const rowLabel = (row: ScaleRow) => html`${row.number}. ${inLanguage(row.label, row.langs?.['label'])}`;

/**
 * The language of each line `answerText` gives, where it is not the page's: a chosen option's
 * label (an instrument's, say) or a consent's label; what the client typed has none.
 */
function answerLanguages(item: AnswerableItem, value: AnswerValue | undefined): (string | undefined)[] {
  if ('options' in item) return chosenOptions(item, modelValue(item, value)).map((option) => option.langs?.['label']);
  return item.type === 'consent' ? [item.langs?.['label']] : [];
}

export function renderCheckAnswers({ form, pages, seen, answers, locale, heading, t, change }: CheckAnswersView): TemplateResult[] {
  const answer = (label: unknown, item: AnswerableItem, key: string) => {
    const lines = answerText(item, answers[key], { locale, yes: t('intakeYes'), no: t('intakeNo') });
    const langs = answerLanguages(item, answers[key]);
    return html`<div>
      <dt>${label}</dt>
      <dd>
        ${lines.length ? lines.map((line, i) => html`${i ? html`<br />` : nothing}${inLanguage(line, langs[i])}`) : t('intakeNotAnswered')}
      </dd>
    </div>`;
  };
  const shown = pages.map((page) => {
    const index = form.pages.indexOf(page);
    const titleLang = page.langs?.['title'];
    return html`<div class="answers-card">
      <div class="answers-title">
        ${heading(page.title, { lang: titleLang })}
        <button part="button" class="link-button" type="button" @click=${() => change(index)}>
          ${t('intakeChange')}<span class="visually-hidden" lang=${titleLang ?? nothing}>${` ${page.title}`}</span>
        </button>
      </div>
      <dl part="answers" class="answers">
        ${page.items.flatMap((item) =>
          item.type === 'display' || !seen.items.has(item.id)
            ? []
            : item.type === 'scale'
              ? item.rows.map((row) => answer(rowLabel(row), item, row.id))
              : [answer(inLanguage(item.label, item.langs?.['label']), item, item.id)],
        )}
      </dl>
    </div>`;
  });
  const fields = indexForm(form).byKey;
  const kept = safetyTriggered(form, answers).items.flatMap((key) => {
    const { item, row } = fields.get(key)!;
    return seen.items.has(key) ? [] : [answer(row ? rowLabel(row) : inLanguage(item.label, item.langs?.['label']), item, key)];
  });
  if (!kept.length) return shown;
  return [
    ...shown,
    html`${heading(t('intakeKeptHeading'))}
      <p>${t('intakeKeptBody')}</p>
      <dl part="answers" class="answers">${kept}</dl>`,
  ];
}
