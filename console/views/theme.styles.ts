/**
 * The theme screen's own layout (console/views/theme.ts): the colour fields side by side, the
 * contrast list, the previews; and the preview's (theme-preview.ts): each state framed on a light or
 * a dark page.
 */
import { css } from 'lit';

export const themeStyles = css`
  .colours {
    display: grid;
    gap: var(--_space);
    grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr));
  }
  .colour {
    display: grid;
    grid-template-columns: 4rem 1fr;
    gap: 0.25rem 0.75rem;
    align-items: end;
    margin: 0 0 var(--_space);
    padding: 0;
    border: 0;
  }
  .colour legend {
    padding: 0;
    font-weight: 600;
  }
  .colour .error-message {
    grid-column: 1 / -1;
  }
  .colour label {
    font-weight: 400;
  }
  input[type='color'] {
    padding: 0.125rem;
    min-width: 44px;
  }
  .checks {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .fails {
    color: var(--_color-error);
    font-weight: 600;
  }
  .previews {
    margin: var(--_space) 0 0;
  }
  .preview-controls .choice {
    display: inline-flex;
    margin-inline-end: 0.75rem;
  }
`;

export const themePreviewStyles = css`
  .states {
    display: grid;
    gap: var(--_space);
    grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr));
  }
  .state {
    margin: 0;
    padding: var(--_space);
    border: 2px solid var(--_color-border);
    border-radius: var(--_radius);
    min-width: 0;
  }
  .state--light {
    background: #ffffff;
    color: #1a1a1a;
    color-scheme: light;
  }
  .state--dark {
    background: #111a1d;
    color: #eef3f4;
    color-scheme: dark;
  }
  .state h4 {
    margin: 0 0 calc(var(--_space) * 0.5);
  }
`;
