/**
 * What a sending leads to: the confirmation once the answers are recorded; on check-your-answers,
 * when a sending did not record them, why, that they are kept, and "Try again" with the same key,
 * or, for a `413`, which answer to shorten. Only check-your-answers sends, so these come with the
 * answer checks (intake-validation.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ResolvedForm } from '../../../forms/definition.js';
import type { TooLong } from '../controllers/intake-flow.js';
import { markdownText, type IntakeView } from './intake-view.js';

/** The answers are recorded: the form's confirmation (else ours), and the crisis panel if it was shown. */
export function renderConfirmation(v: IntakeView, form: ResolvedForm, crisis: unknown): TemplateResult {
  const { ui } = v;
  const confirmation = form.confirmation;
  return html`<div part="confirmation" class="notice notice--success">
      ${ui.heading(confirmation?.heading ?? ui.t('intakeDoneHeading'), {
        id: 'heading',
        part: 'heading',
        focusable: true,
        lang: confirmation?.heading ? confirmation.langs?.['heading'] : undefined,
      })}
    </div>
    ${v.flow.changesNotSent ? html`<p part="notice" class="notice">${ui.t('intakeChangesNotSent')}</p>` : nothing}
    ${confirmation?.body ? markdownText(v, confirmation.body, confirmation.langs?.['body']) : html`<p>${ui.t('intakeDoneBody')}</p>`}
    ${crisis}`;
}

/** The answers could not be sent: why, that they are kept, and "Try again" with the same key. */
export function renderSendFailure(v: IntakeView, failure: unknown): TemplateResult {
  return html`<div part="notice" class="notice notice--error" role="alert">
    <p>${v.ui.failureMessage(failure)}</p>
    <p>${v.ui.t('detailsKept')}</p>
    <button
      part="button"
      class="button button--secondary"
      type="button"
      data-focus-fallback='button[type="submit"]'
      @click=${() => void v.flow.submit()}
    >
      ${v.ui.t('tryAgain')}
    </button>
  </div>`;
}

/** A `413`: not a dead end — which answer to shorten, and the way to it; nothing typed is lost. */
export function renderTooLong(v: IntakeView, { label, page }: TooLong): TemplateResult {
  return html`<div part="notice" class="notice notice--error" role="alert">
    <p>${label ? v.ui.t('intakeTooLong', { question: label }) : v.ui.t('intakeTooLongAny')}</p>
    ${
      page === undefined
        ? nothing
        : html`<button part="button" class="button button--secondary" type="button" @click=${() => v.flow.change(page)}>
          ${v.ui.t('intakeShortenAnswer')}
        </button>`
    }
  </div>`;
}
