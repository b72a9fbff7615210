import { css } from 'lit';

/** The first screen's styles (the times); the later views bring theirs (views/later.styles.ts). */
export const bookingStyles = css`
  .booking {
    container-type: inline-size;
  }
  .step > .heading {
    margin-bottom: var(--_space);
  }

  .loading {
    display: flex;
    align-items: center;
    gap: 0.6em;
    min-height: var(--_target);
    color: var(--_color-muted);
  }
  .spinner {
    width: 1.1em;
    height: 1.1em;
    border: 3px solid var(--_color-surface);
    border-top-color: var(--_color-primary);
    border-radius: 50%;
    animation: kap-spin 0.9s linear infinite;
  }
  @keyframes kap-spin {
    to {
      transform: rotate(1turn);
    }
  }
  .status:empty {
    display: none;
  }

  .service {
    margin: 0 0 var(--_space);
  }
  .service p {
    margin: 0;
  }
  .service-name {
    font-weight: 700;
    font-size: 1.125em;
  }
  .zone {
    font-weight: 600;
  }

  .week-nav {
    display: grid;
    grid-template-columns: 1fr 1fr;
    grid-template-areas: 'range range' 'previous next';
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    margin: 0 0 calc(var(--_space) * 0.5);
  }
  .week-nav [data-week='previous'] {
    grid-area: previous;
  }
  .week-nav [data-week='next'] {
    grid-area: next;
  }
  .week-range {
    grid-area: range;
    margin: 0;
    text-align: center;
    font-weight: 600;
  }
  @container (min-width: 34em) {
    .week-nav {
      grid-template-columns: auto 1fr auto;
      grid-template-areas: 'previous range next';
    }
  }
  .week-limit {
    margin-top: 0;
    font-size: 0.9375em;
  }

  .days-and-times {
    display: grid;
    gap: var(--_space);
  }
  @container (min-width: 34em) {
    .days-and-times {
      grid-template-columns: minmax(12em, 2fr) 3fr;
      align-items: start;
    }
  }
  .days {
    display: grid;
    gap: 0.5em;
  }
  .day {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    min-height: var(--_target);
    width: 100%;
    margin: 0;
    padding: 0.5em 0.75em;
    border: 2px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-background);
    color: var(--_color-text);
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .day:hover {
    background: var(--_color-surface);
  }
  .day[aria-pressed='true'] {
    border-color: var(--_color-primary);
    background: var(--_color-primary);
    color: var(--_color-on-primary);
  }
  .day-name {
    font-weight: 700;
  }
  .day-count {
    font-size: 0.9375em;
  }
  .times-heading {
    margin-top: 0;
  }
  .time-list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(7em, 1fr));
    gap: 0.5em;
  }
  .time {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    min-height: var(--_target);
    margin: 0;
    padding: 0.4em 0.5em;
    border: 2px solid var(--_color-primary);
    border-radius: var(--_radius);
    background: var(--_color-background);
    color: var(--_color-primary);
    font: inherit;
    font-weight: 700;
    cursor: pointer;
  }
  .time:hover {
    background: var(--_color-surface);
  }
  .time[aria-busy='true'] {
    background: var(--_color-primary);
    color: var(--_color-on-primary);
  }
  .time[aria-disabled='true']:not([aria-busy='true']) {
    cursor: progress;
  }
  .time-own {
    font-weight: 400;
    font-size: 0.875em;
    color: var(--_color-muted);
  }
`;
