/**
 * What check-your-answers shows when a sending did not record the answers: why, that they are
 * kept, and "Try again" with the same key; or, for a `413`, which answer to shorten. Only
 * check-your-answers sends, so these come with the answer checks (intake-validation.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { TooLong } from '../controllers/intake-flow.js';
import type { IntakeView } from './intake-view.js';

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
