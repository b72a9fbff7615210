import { css } from 'lit';

export const checklistStyles = css`
  .loading {
    min-height: var(--_target);
    color: var(--_color-muted);
  }

  .session {
    margin: 0 0 calc(var(--_space) * 0.25);
  }
  .session-label {
    display: block;
    color: var(--_color-muted);
  }
  .session-when {
    font-size: 1.125em;
    font-weight: 700;
  }
  .zone-note {
    margin-bottom: var(--_space);
  }

  .progress {
    margin: 0 0 var(--_space);
  }
  .sync-status {
    margin: 0 0 var(--_space);
  }
  .sync-status:empty {
    display: none;
  }
  .progress p {
    margin: 0 0 0.25em;
    font-weight: 600;
  }
  .progress progress {
    display: block;
    width: 100%;
    height: 0.75em;
    accent-color: var(--_color-primary);
  }

  .due-now .heading {
    font-size: 1.0625em;
  }
  .due-now ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .due-now li {
    margin-block: 0.25em;
  }

  .group {
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .group legend {
    margin-bottom: calc(var(--_space) * 0.5);
  }
  .group-heading {
    margin: 0;
    font-size: 1.25em;
  }
  .items {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    padding-block: calc(var(--_space) * 0.5);
    border-bottom: 1px solid color-mix(in srgb, var(--_color-border) 35%, transparent);
  }
  .item:last-child {
    border-bottom: 0;
  }
  .item .choice {
    min-height: var(--_target);
  }
  .item .choice label {
    font-weight: 600;
  }
  .item-info {
    padding-inline-start: calc(var(--_control) + 0.6em);
  }
  .item-info > :last-child {
    margin-bottom: 0;
  }
  .due {
    margin: 0 0 0.35em;
  }
  .item--done .due,
  .item--done .details {
    color: var(--_color-muted);
  }
  .badge {
    display: inline-block;
    margin-inline-end: 0.5em;
    padding: 0 0.5em;
    border: 2px solid var(--_color-primary);
    border-radius: var(--_radius);
    color: var(--_color-primary);
    font-size: 0.875em;
    font-weight: 700;
  }
  .badge--now {
    background: var(--_color-primary);
    color: var(--_color-on-primary);
  }
  .details p,
  .details ul,
  .details ol {
    margin: 0 0 0.5em;
  }
  .details ul,
  .details ol {
    padding-inline-start: 1.25em;
  }
  .saving {
    margin: 0 0 0.35em;
    font-size: 0.9375em;
  }
  .item .notice {
    margin-top: 0.5em;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    margin: 0 0 calc(var(--_space) * 0.5);
  }

  @media print {
    :host {
      max-width: none;
    }
    [part~='base'] {
      padding: 0 !important;
      color: #000;
      background: #fff;
      color-scheme: light !important;
    }
    .actions,
    .actions + .hint,
    .due-now,
    .saving,
    progress,
    button {
      display: none !important;
    }
    .notice {
      background: none;
    }
    .badge {
      border-color: #000;
      background: none;
      color: #000;
    }
    .item {
      break-inside: avoid;
    }
    .group-heading {
      break-after: avoid;
    }
  }
`;
