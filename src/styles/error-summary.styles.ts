import { css } from 'lit';

/**
 * The error summary's styles (src/base/error-summary.ts). It shows only after a check refused an
 * answer, and the checks come in a chunk: each view that renders it adopts these with it (see
 * src/base/add-styles.ts), so no drop-in file carries them on its first screen.
 */
export const errorSummaryStyles = css`
  .error-summary {
    margin: 0 0 calc(var(--_space) * 1.5);
    padding: var(--_space);
    border: 5px solid var(--_color-error);
    background: var(--_color-background);
  }
  .error-summary:focus {
    outline: 3px solid var(--_color-focus);
    outline-offset: 0;
  }
  .error-summary .heading {
    margin-top: 0;
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .error-summary li {
    margin-block: 0.25em;
  }
  .error-summary a {
    color: var(--_color-error);
    font-weight: 700;
  }
`;
