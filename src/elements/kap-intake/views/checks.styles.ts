/**
 * The styles of what only the answer checks lead to: the error summary and check-your-answers. They
 * come with the checks (intake-validation.ts exports them) and are adopted as the checks arrive.
 */
import { css } from 'lit';
import { errorSummaryStyles } from '../../../styles/error-summary.styles.js';

export const styles = [
  errorSummaryStyles,
  css`
  /* Check-your-answers: one card per page, its title beside its one Change (GOV.UK summary cards). */
  .answers-title {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0 var(--_space);
    border-bottom: 2px solid var(--_color-border);
  }
  .answers-title .heading {
    margin: 0;
  }
  .answers {
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .answers > div {
    padding-block: 0.5em;
    border-bottom: 1px solid var(--_color-border);
  }
  .answers dt {
    font-weight: 700;
  }
  .answers dd {
    margin: 0;
  }
  `,
];
