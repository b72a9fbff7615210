import { css } from 'lit';

/**
 * What every element shares: box, type, focus, buttons, notices, reduced motion.
 *
 * A page's rules beat `:host` rules, and inherited properties flow in from the page
 * (`* { color: red; font: 20px serif }` reaches the host). So the element's colours, type and box
 * are set on its own top element (`part="base"`), which no page rule reaches; only the font family
 * is inherited, as documented. When its background stands apart from the page's (a forced theme,
 * a coloured band: `:state(framed)`), it pads itself, so text never sits at the edge of a slab.
 */
export const baseStyles = css`
  :host {
    display: block;
    max-width: var(--_max-width);
    min-width: 0;
  }
  :host([hidden]) {
    display: none;
  }

  [part~='base'] {
    box-sizing: border-box;
    color: var(--_color-text);
    background: var(--_color-background);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    font-style: normal;
    font-weight: 400;
    font-variant: normal;
    font-stretch: normal;
    font-kerning: auto;
    font-feature-settings: normal;
    font-variation-settings: normal;
    font-size-adjust: none;
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    white-space: normal;
    word-break: normal;
    overflow-wrap: break-word;
    hyphens: manual;
    -webkit-text-fill-color: currentcolor;
    cursor: auto;
  }
  :host(:state(framed)) [part~='base'] {
    padding: var(--_space);
    border-radius: var(--_radius);
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  /* Headings take the host page's level (heading-level); their size follows their role, not their level. */
  h1,
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0 0 calc(var(--_space) * 0.75);
    line-height: 1.25;
    font-weight: 700;
  }
  .heading--top {
    font-size: 1.5em;
  }
  .heading--sub {
    font-size: 1.25em;
  }
  p {
    margin: 0 0 var(--_space);
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }

  :focus-visible {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  a {
    color: var(--_color-primary);
    text-decoration-thickness: max(1px, 0.0625em);
    text-underline-offset: 0.15em;
  }
  a:hover {
    text-decoration-thickness: max(3px, 0.1875em);
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: var(--_target);
    min-width: var(--_target);
    margin: 0;
    padding: 0.5em 1.1em;
    border: 2px solid var(--_color-primary);
    border-radius: var(--_radius);
    background: var(--_color-primary);
    color: var(--_color-on-primary);
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    text-align: center;
    text-decoration: none;
    cursor: pointer;
  }
  .button:hover {
    background: color-mix(in srgb, var(--_color-primary) 85%, var(--_color-text));
  }
  .button--secondary {
    background: transparent;
    color: var(--_color-primary);
  }
  .button--secondary:hover {
    background: var(--_color-surface);
  }
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    border-color: var(--_color-border);
    background: var(--_color-surface);
    color: var(--_color-muted);
  }

  .notice {
    margin: 0 0 var(--_space);
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-inline-start: 5px solid var(--_color-primary);
    background: var(--_color-surface);
  }
  .notice > :last-child {
    margin-bottom: 0;
  }
  .notice--error {
    border-color: var(--_color-error);
  }
  .notice--success {
    border-color: var(--_color-success);
  }
  .muted {
    color: var(--_color-muted);
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
      scroll-behavior: auto !important;
    }
  }
  /*
   * Forced colours (Windows High Contrast): the browser replaces every colour with the reader's
   * few system colours, so a state shown by colour alone vanishes. States keep a system colour of
   * their own: focus the Highlight ring, disabled GrayText, a chosen item (pressed, busy) the
   * Highlight background.
   */
  @media (forced-colors: active) {
    .button,
    .notice {
      border: 2px solid ButtonText;
    }
    :focus-visible,
    [tabindex='-1']:focus-visible {
      outline: 3px solid Highlight;
    }
    /* Important: the elements' own colours for these states are more specific, and must give way here. */
    [aria-disabled='true'] {
      border-color: GrayText !important;
      color: GrayText !important;
    }
    button[aria-pressed='true'],
    button[aria-busy='true'] {
      forced-color-adjust: none;
      border-color: Highlight !important;
      background: Highlight !important;
      color: HighlightText !important;
    }
    button[aria-pressed='true'] *,
    button[aria-busy='true'] * {
      color: inherit !important;
    }
  }
`;
