/**
 * What the console's forms share: a GOV.UK error summary that takes focus and links each problem to
 * its field (the elements' own summary, src/base/error-summary.ts), a labelled field with its inline
 * error, and their styles.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { renderErrorSummary } from '../../src/base/error-summary.js';
import { errorSummaryStyles } from '../../src/styles/error-summary.styles.js';
import type { Translate } from '../i18n/index.js';

/** Problems by the id of the field they are about (`form` for the whole), in the form's order. */
export type FieldErrors = Partial<Record<string, string>>;

export const formStyles = css`
  ${errorSummaryStyles}
  input[type='checkbox'] {
    width: 1.5rem;
    height: 1.5rem;
    min-height: 0;
    margin: 0;
  }
  /* The elements' summary styles (errorSummaryStyles), spaced as the console's forms are. */
  .error-summary {
    margin-bottom: var(--_space);
  }
  .error-summary :is(h3, h4, h5) {
    margin-top: 0;
  }
  fieldset.card {
    min-width: 0;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: var(--_target);
  }
  .choice input {
    width: auto;
    min-height: 0;
  }
`;

/**
 * The summary above a form: "There is a problem" (a heading one level below the form's, `level`)
 * and a link per field, in `order` (default: the order of `errors`); a problem of the whole form
 * (`form`) comes first.
 */
export function errorSummary(t: Translate, root: ParentNode, errors: FieldErrors, order: readonly string[] = Object.keys(errors), level: 4 | 5 = 4): unknown {
  const ids = ['form', ...order.filter((id) => id !== 'form')].filter((id) => errors[id]);
  return renderErrorSummary(
    (title) => (level === 4 ? html`<h4>${title}</h4>` : html`<h5>${title}</h5>`),
    t('errorSummaryTitle'),
    ids.map((id) => ({
      href: id === 'form' ? '#' : `#${id}`,
      message: errors[id]!,
      focus: () => (id === 'form' ? undefined : root.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus()),
    })),
  );
}

/** A field's own message, linked from it with `aria-describedby` (`{id}-error`). */
export function fieldError(t: Translate, id: string, message: string | undefined) {
  return message ? html`<p class="error-message" id="${id}-error"><span class="visually-hidden">${t('errorPrefix')}</span> ${message}</p>` : nothing;
}

/** Moves focus to the error summary once it is drawn. */
export async function focusSummary(element: { updateComplete: Promise<boolean>; renderRoot: ParentNode }): Promise<void> {
  await element.updateComplete;
  element.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
}

/** A labelled field with its hint and inline error; `control` draws the input with `describedBy`. */
export function field(
  t: Translate,
  id: string,
  label: string,
  errors: FieldErrors,
  control: (describedBy: string | typeof nothing, invalid: 'true' | 'false') => TemplateResult,
  hint?: string,
): TemplateResult {
  const error = errors[id];
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
    ${fieldError(t, id, error)}
    ${control(described || nothing, error ? 'true' : 'false')}
  </div>`;
}

/** A whole number typed in a field, or `undefined` for anything else. */
export function wholeNumber(value: string): number | undefined {
  return /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}
