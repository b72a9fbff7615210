import { css } from 'lit';

/**
 * GOV.UK-shaped form parts shared by every element that asks questions: label, hint, inline
 * error, inputs, radios and checkboxes with large targets, the error summary, and a button that
 * reads as a link.
 */
export const formStyles = css`
  .field {
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .field--error {
    padding-inline-start: calc(var(--_space) * 0.75);
    border-inline-start: 5px solid var(--_color-error);
  }
  fieldset {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .label,
  legend {
    display: block;
    margin: 0 0 0.25em;
    padding: 0;
    font-weight: 700;
  }
  .hint {
    display: block;
    margin: 0 0 0.5em;
    color: var(--_color-muted);
  }
  .error-message {
    display: block;
    margin: 0 0 0.5em;
    color: var(--_color-error);
    font-weight: 700;
  }
  .input {
    display: block;
    width: 100%;
    min-height: var(--_target);
    margin: 0;
    padding: 0.4em 0.6em;
    border: 2px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-background);
    color: var(--_color-text);
    font: inherit;
  }
  .input[aria-invalid='true'] {
    border-color: var(--_color-error);
  }
  .input:focus-visible {
    outline: 3px solid var(--_color-focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_color-text);
  }

  .choices {
    display: grid;
    gap: 0.25em;
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.6em;
    min-height: var(--_target);
    padding-block: 0.3em;
  }
  .choice input {
    flex: none;
    width: var(--_control);
    height: var(--_control);
    margin: 0.05em 0 0;
    accent-color: var(--_color-primary);
    cursor: pointer;
  }
  .choice label {
    cursor: pointer;
    padding-block: 0.1em;
  }

  /* A button that reads as a link (Change, Back, Keep my current time): the forms' quieter way back. */
  .link-button {
    display: inline-flex;
    align-items: center;
    min-height: var(--_target);
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_color-primary);
    font: inherit;
    text-decoration: underline;
    text-decoration-thickness: max(1px, 0.0625em);
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
`;
