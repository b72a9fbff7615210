import { html, nothing, type TemplateResult } from 'lit';
import { enFormErrors } from '../i18n/en-form-errors.js';
import { registerBuiltInStrings } from '../i18n/registry.js';

registerBuiltInStrings(enFormErrors);

/** One wrong answer in the summary: the link to its field and what to do about it. */
export interface SummaryError {
  /** `#` and the id of the field the link leads to. */
  href: string;
  message: string;
  /** The message's language when it is not the page's (a clinic's own wording with no translation). */
  lang?: string;
  /** Moves focus to the field (the link's default jump cannot cross the shadow root). */
  focus: () => void;
}

/**
 * The GOV.UK error summary every form element shows after a failed Continue or submit: a
 * "There is a problem" box, focusable so the element can move focus to it, listing each wrong
 * answer as a link to its field. It stands above the page's heading, as GOV.UK places it, so its
 * title is a heading of the same level (`heading`, the element's top level): the outline does not
 * skip a level before the page's heading comes.
 */
export function renderErrorSummary(heading: (content: string) => TemplateResult, title: string, errors: readonly SummaryError[]): unknown {
  if (!errors.length) return nothing;
  return html`<div part="error-summary" class="error-summary" tabindex="-1" data-focus="error-summary">
    <div role="alert">
      ${heading(title)}
      <ul>
        ${errors.map(
          (error) =>
            html`<li>
              <a
                href=${error.href}
                lang=${error.lang ?? nothing}
                @click=${(event: Event) => {
                  event.preventDefault();
                  error.focus();
                }}
                >${error.message}</a
              >
            </li>`,
        )}
      </ul>
    </div>
  </div>`;
}
