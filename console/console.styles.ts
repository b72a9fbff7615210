/**
 * The console's look: the elements' tokens and base styles (src/styles), so the console and the
 * elements share colours, type, focus rings and targets, light and dark; plus the few layouts the
 * console alone has (header, navigation, lists, tables that become cards below 40 rem).
 */
import { css } from 'lit';
import { baseStyles } from '../src/styles/base.styles.js';
import { tokens } from '../src/styles/tokens.js';

const consoleLayout = css`
  :host {
    max-width: none;
  }
  [part~='base'] {
    min-height: 100%;
  }
  .wrap {
    max-width: 72rem;
    margin: 0 auto;
    padding: var(--_space);
  }
  .field {
    display: grid;
    gap: 0.25rem;
    margin: 0 0 var(--_space);
    max-width: 32rem;
  }
  label,
  .label {
    font-weight: 600;
  }
  .hint {
    color: var(--_color-muted);
    margin: 0;
  }
  input,
  select,
  textarea {
    box-sizing: border-box;
    min-height: var(--_target);
    width: 100%;
    padding: 0.5rem 0.75rem;
    border: 2px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-background);
    color: var(--_color-text);
    font: inherit;
  }
  textarea {
    min-height: 6rem;
  }
  [aria-invalid='true'] {
    border-color: var(--_color-error);
  }
  .error-message {
    color: var(--_color-error);
    font-weight: 600;
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .card {
    margin: 0 0 var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
  .card > :last-child {
    margin-bottom: 0;
  }
  .badge {
    display: inline-block;
    padding: 0 0.5em;
    border: 2px solid currentcolor;
    border-radius: var(--_radius);
    font-weight: 600;
  }
  .badge--alert {
    color: var(--_color-error);
  }
  .section {
    margin: 0 0 calc(var(--_space) * 2);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: 0.5rem;
    border-bottom: 1px solid var(--_color-border);
    text-align: start;
    vertical-align: top;
  }
  /* Below 40 rem a table row reads as a card: each cell on its own line with its header. */
  @media (max-width: 40rem) {
    table.stack thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    table.stack tr {
      display: block;
      border-bottom: 2px solid var(--_color-border);
      padding: 0.5rem 0;
    }
    table.stack td,
    table.stack th[scope='row'] {
      display: block;
      border: 0;
      padding: 0.125rem 0;
    }
    table.stack td::before {
      content: attr(data-label) ': ';
      font-weight: 600;
    }
  }
  .code-list {
    font-family: ui-monospace, monospace;
    columns: 2 10rem;
  }
  .mono {
    font-family: ui-monospace, monospace;
    overflow-wrap: anywhere;
  }
  /* Printing a response: only the response, black on white, no controls. */
  @media print {
    .no-print {
      display: none !important;
    }
    :host {
      color: #000;
      background: #fff;
    }
    .card {
      break-inside: avoid;
    }
  }
`;

export const consoleStyles = [tokens, baseStyles, consoleLayout];
