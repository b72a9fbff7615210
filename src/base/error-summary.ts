import { html, nothing } from 'lit';

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
 * answer as a link to its field.
 */
export function renderErrorSummary(title: string, errors: readonly SummaryError[]): unknown {
  if (!errors.length) return nothing;
  return html`<div part="error-summary" class="error-summary" tabindex="-1" data-focus="error-summary">
    <div role="alert">
      <h3>${title}</h3>
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
