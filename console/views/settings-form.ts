/**
 * What the owner's settings forms (profile, services, checklists) share: a GOV.UK error summary
 * that takes focus and links each problem to its field, a labelled field with its inline error,
 * and the server's `422` paths read back into the form's field ids.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { renderErrorSummary } from '../../src/base/error-summary.js';
import type { Translate } from '../i18n/index.js';

/** Problems by the id of the field they are about (`form` for the whole), in the form's order. */
export type FieldErrors = Record<string, string>;

export const settingsFormStyles = css`
  .error-summary {
    margin: 0 0 var(--_space);
    padding: var(--_space);
    border: 5px solid var(--_color-error);
    background: var(--_color-background);
  }
  .error-summary:focus {
    outline: 3px solid var(--_color-focus);
    outline-offset: 0;
  }
  .error-summary h4 {
    margin-top: 0;
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .error-summary a {
    color: var(--_color-error);
    font-weight: 700;
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

/** The summary above a form: "There is a problem" and a link per field; `form` is said without a link. */
export function errorSummary(t: Translate, root: ParentNode, errors: FieldErrors): unknown {
  const entries = Object.entries(errors);
  return renderErrorSummary(
    (title) => html`<h4>${title}</h4>`,
    t('errorSummaryTitle'),
    entries.map(([id, message]) => ({
      href: id === 'form' ? '#' : `#${id}`,
      message,
      focus: () => (id === 'form' ? undefined : root.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus()),
    })),
  );
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
    ${error ? html`<p class="error-message" id="${id}-error"><span class="visually-hidden">${t('errorPrefix')}</span> ${error}</p>` : nothing}
    ${control(described || nothing, error ? 'true' : 'false')}
  </div>`;
}

/** A whole number typed in a field, or `undefined` for anything else. */
export function wholeNumber(value: string): number | undefined {
  return /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}
