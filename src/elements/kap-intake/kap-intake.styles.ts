import { css } from 'lit';

/**
 * What the intake adds to the shared form styles: dates, units, "or", scale rows, crisis panel.
 * Check-your-answers and the error summary bring their own (views/checks.styles.ts).
 */
export const intakeStyles = css`
  .intake {
    container-type: inline-size;
  }
  .back {
    margin-bottom: var(--_space);
  }
  .status:empty {
    display: none;
  }
  .small {
    font-size: 0.875em;
  }
  .field .field {
    margin-block: var(--_space) 0;
  }
  /* What follows a choice group (its crisis panel) is laid out as if the group's sibling. */
  .group-after {
    display: contents;
  }
  .choices--inline {
    display: flex;
    flex-wrap: wrap;
    column-gap: 1.5em;
  }
  /* An option drawn as its input in its label (drawn-choices.ts), placed as an input beside its label. */
  label.choice {
    padding-block: 0.4em;
    cursor: pointer;
  }
  label.choice input {
    margin-top: -0.05em;
  }
  .choice-hint {
    margin-top: -0.5em;
    padding-inline-start: calc(var(--_control) + 0.6em);
  }
  .or {
    margin: 0.25em 0;
  }
  .with-unit {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  .input--number,
  .input--year {
    max-width: 6em;
  }
  .date {
    display: flex;
    gap: var(--_space);
  }
  .input--day,
  .input--month {
    max-width: 4em;
  }
  .signature {
    margin-top: var(--_space);
  }
  /* Scale rows (PHQ-9…) side by side on wide screens: still one radio group per row. */
  @container (min-width: 36em) {
    fieldset fieldset .choices {
      grid-auto-flow: column;
      grid-auto-columns: 1fr;
    }
  }
  .crisis {
    margin-block: var(--_space);
  }
  .crisis ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .crisis li + li {
    margin-top: var(--_space);
  }
  .crisis li > p {
    margin: 0.25em 0 0;
  }
  .crisis .crisis-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-top: 0.5em;
  }
`;
