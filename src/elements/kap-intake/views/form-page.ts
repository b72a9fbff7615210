/**
 * A page of `<kap-intake>`'s form, or check-your-answers: Back, the error summary, "Step 2 of 6",
 * the heading, then the questions (with the crisis panel after the answer that raised it) or the
 * answers to check, a failed or too long submission, and Continue or Send.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { KapApiError } from '../../../api/errors.js';
import { inLanguage } from '../../../base/local-template.js';
import { inputsShow, nextAnswer } from '../../../forms/answer-input.js';
import { todayIso } from '../../../forms/dates.js';
import type { ResolvedForm } from '../../../forms/definition.js';
import type { Item } from '../../../forms/definition-items.js';
import { safetyFields } from '../../../forms/flags.js';
import type { ValidationError } from '../../../forms/validation.js';
import { markdownText, type IntakeView, type PageLayout } from './intake-view.js';
import { drawnFrom, renderQuestion, type QuestionsView } from './questions.js';

/** `crisis`: the crisis panel, or nothing while no safety answer was given. */
export function renderFormPage(v: IntakeView, layout: PageLayout, crisis: unknown): TemplateResult {
  const { flow, ui } = v;
  const { form, seen, pages, page, check, step, crisisAfter } = layout;
  // The booking's link no longer opens it (`401`): the form for fresh links follows, outside the answers' form.
  const refused = check && (flow.failure as KapApiError | undefined)?.kind === 'unauthorized';
  const questions: QuestionsView = {
    answers: flow.answers,
    errors: flow.errors,
    shown: seen.items,
    // A validated instrument's page: its wording stays exactly as published.
    verbatim: page.instrument !== undefined,
    locale: ui.locale,
    t: (key, params) => ui.t(key, params),
    md: (source, lang) => markdownText(v, source, lang),
    after: (key) => (key === crisisAfter ? crisis : nothing),
    words: ui.words,
  };
  return html`${
    check || step > 1 ? html`<button part="back" class="link-button back" type="button" @click=${() => flow.back()}>${ui.t('intakeBack')}</button>` : nothing
  }
    ${renderPageErrors(
      v,
      flow.errors.filter((error) => seen.items.has(error.itemId)),
    )}
    ${check || pages.length < 2 ? nothing : html`<p part="progress" class="muted">${ui.t('intakeStep', { page: step, count: pages.length })}</p>`}
    ${ui.heading(check ? ui.t('intakeCheckHeading') : page.title, {
      id: 'heading',
      part: 'heading',
      focusable: true,
      lang: check ? undefined : page.langs?.['title'],
    })}
    <form
      novalidate
      @input=${(event: Event) => answerInput(v, event)}
      @submit=${(event: Event) => {
        event.preventDefault();
        if (check) void flow.submit();
        else flow.next();
      }}
    >
      ${
        check
          ? renderCheck(v, layout)
          : html`${step === 1 ? renderStart(v, form) : nothing} ${markdownText(v, page.intro, page.langs?.['intro'])}
          ${page.items.map((item) => guard(questionInputs(item, questions), () => renderQuestion(item, questions)))}
          ${page.notice ? html`<p part="notice" class="muted small" lang=${page.langs?.['notice'] ?? nothing}>${page.notice}</p>` : nothing}`
      }
      ${crisisAfter ? nothing : crisis}
      ${check ? renderSendOutcome(v, refused) : nothing}
      ${flow.checks.failure ? html`<div part="notice" class="notice notice--error" role="alert"><p>${ui.failureMessage(flow.checks.failure)}</p></div>` : nothing}
      <button part="button" class="button" type="submit" aria-disabled=${flow.submitting ? 'true' : 'false'}>
        ${check ? (form.submitLabel ? inLanguage(form.submitLabel, form.langs?.['submitLabel']) : ui.t('intakeSubmit')) : ui.t('intakeContinue')}
      </button>
      ${check ? flow.checks.checks?.renderWriteStatus(ui, flow.status, 'intakeSending') : nothing}
    </form>
    ${refused ? ui.renderEmailLinks('emailLinksAnswersKept') : nothing}`;
}

/**
 * What a question is drawn from (see `drawnFrom`), and whether it is shown and today (a signature is
 * dated with it): an answer draws its own question again, not the whole page (Lit's `guard`).
 */
function questionInputs(item: Item, questions: QuestionsView): unknown[] {
  const slots = item.type === 'scale' ? [item.id, ...item.rows.map((row) => row.id)] : [item.id];
  return [questions.shown.has(item.id), item.type === 'consent' && todayIso(), ...drawnFrom(questions, item, slots)];
}

/** Check-your-answers: it comes with the answer checks (their chunk), which alone lead to it. */
function renderCheck(v: IntakeView, { form, pages, seen }: PageLayout): unknown {
  const { flow, ui } = v;
  const view = flow.checks.checks?.renderCheckAnswers({
    form,
    pages,
    seen,
    answers: flow.answers,
    locale: ui.locale,
    heading: (content, options) => ui.heading(content, options, true),
    t: (key) => ui.t(key),
    change: (index) => flow.change(index),
  });
  return view ?? html`<p role="status">${ui.t('loading')}</p>`;
}

/** Every input reports here: `name` is the answer's key, `data-part` what part of it changed. */
function answerInput(v: IntakeView, event: Event): void {
  const { name: key, type, checked, value, dataset } = event.target as HTMLInputElement;
  const { form, answers } = v.flow;
  if (!form) return;
  const change = { part: dataset['part'], type, checked, value };
  const answer = nextAnswer(form, key, answers[key], change);
  v.flow.set(key, answer, inputsShow(change, answers[key], answer));
}

/**
 * The form's intro; then, when a safety answer would reach the clinic at once (the intake is
 * linked to a booking and asks safety questions), a plain word that it will.
 */
function renderStart(v: IntakeView, form: ResolvedForm): unknown {
  // Its words come with the crisis panel, which a form with safety questions waits for (en-intake-parts.ts).
  const signals = v.flow.followedUp && safetyFields(form).length > 0;
  return html`${markdownText(v, form.intro, form.langs?.['intro'])}
  ${signals ? html`<p part="notice" class="notice">${v.ui.t('intakeSafetyNotice')}</p>` : nothing}`;
}

/**
 * Why the answers could not be sent, or which is too long: only check-your-answers sends them, and
 * it comes with the answer checks, which bring these too.
 */
function renderSendOutcome(v: IntakeView, refused: boolean): unknown {
  const { flow } = v;
  const checks = flow.checks.checks;
  if (!checks) return nothing;
  return html`${flow.failure && !refused ? checks.renderSendFailure(v, flow.failure) : nothing}${flow.tooLong ? checks.renderTooLong(v, flow.tooLong) : nothing}`;
}

/** Errors come only from the answer checks, which bring the summary (and its words) with them. */
function renderPageErrors(v: IntakeView, errors: ValidationError[]): unknown {
  const checks = v.flow.checks.checks;
  if (!checks) return nothing;
  return checks.renderErrorSummary(
    (title) => v.ui.heading(title),
    v.ui.t('errorSummaryTitle'),
    errors.map((error) => ({
      href: `#f-${error.field}`,
      message: error.message,
      ...(error.lang ? { lang: error.lang } : {}),
      focus: () => v.root.querySelector<HTMLElement>(`#${CSS.escape(`f-${error.field}`)}`)?.focus(),
    })),
  );
}
