/**
 * The styles of `<kap-booking>`'s views after its first screen — the details form, the appointment
 * and its confirmation, managing it, a follow-up's window — with the form styles and the error
 * summary's, which the details form uses. Each view chunk exports them as `styles` and the element
 * adopts them when the chunk arrives (lazy-views.ts): a page that only shows the times never loads them.
 */
import { css } from 'lit';
import { errorSummaryStyles } from '../../../styles/error-summary.styles.js';
import { formStyles } from '../../../styles/form.styles.js';

export const styles = [
  formStyles,
  errorSummaryStyles,
  css`
  .summary {
    display: grid;
    gap: 0.25em;
    margin: 0 0 calc(var(--_space) * 0.5);
  }
  .summary > div {
    display: grid;
    grid-template-columns: minmax(6em, 1fr) 3fr;
    gap: 0.5em;
  }
  .summary dt {
    font-weight: 700;
  }
  .summary dd {
    margin: 0;
  }
  .reference {
    font-family: ui-monospace, monospace;
    word-break: break-all;
  }
  .change-time {
    margin-bottom: calc(var(--_space) * 0.5);
  }
  .hold {
    margin-bottom: var(--_space);
  }
  .form {
    margin-top: var(--_space);
  }
  .confirm {
    margin-top: calc(var(--_space) * 0.5);
  }
  .confirmation .notice {
    margin-bottom: calc(var(--_space) * 1.5);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    margin: var(--_space) 0 0;
  }
  .suggested-times {
    list-style: none;
    padding: 0;
  }
  /* The destructive answer (GOV.UK's warning button): the error colour, text in the background's. */
  .button--warning {
    border-color: var(--_color-error);
    background: var(--_color-error);
    color: var(--_color-background);
  }
  .button--warning:hover {
    background: color-mix(in srgb, var(--_color-error) 85%, var(--_color-text));
  }
  .window-note,
  .current-time {
    margin: 0 0 calc(var(--_space) * 0.5);
    font-weight: 600;
  }
  .keep-time {
    margin-bottom: var(--_space);
  }
  .manage-link {
    margin-bottom: 0.25em;
    font-weight: 600;
  }
  `,
];
