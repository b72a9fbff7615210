import { css } from 'lit';

/**
 * The two tiers of custom properties. Public `--kap-*` are the theming API, each read exactly
 * once here with its built-in default; everything else reads the private `--_*` copies.
 *
 * Colours use `light-dark()`: by default an element follows the host page's `color-scheme`
 * (a page that declares none stays light, so a light site never gets a dark widget);
 * `theme="dark"` or `theme="light"` forces one, `theme="auto"` follows the reader's system.
 */
export const tokens = css`
  :host {
    color-scheme: inherit;
    --_color-primary: var(--kap-color-primary, light-dark(#1b5e63, #86d3d8));
    --_color-on-primary: var(--kap-color-on-primary, light-dark(#ffffff, #0b2325));
    --_color-text: var(--kap-color-text, light-dark(#1c262b, #eef3f4));
    --_color-muted: var(--kap-color-muted, light-dark(#4b5a61, #b3c1c6));
    --_color-background: var(--kap-color-background, light-dark(#ffffff, #111a1d));
    --_color-surface: var(--kap-color-surface, light-dark(#f1f6f6, #1b282c));
    --_color-border: var(--kap-color-border, light-dark(#5d6d74, #8a9ca3));
    --_color-error: var(--kap-color-error, light-dark(#b3261e, #ff9b8f));
    --_color-success: var(--kap-color-success, light-dark(#1c6b3a, #86dca0));
    --_color-focus: var(--kap-color-focus, light-dark(#1f4fd1, #ffc94a));
    --_radius: var(--kap-radius, 0.375rem);
    --_space: var(--kap-space, 1rem);
    --_font-size: var(--kap-font-size, 1rem);
    --_font-family: var(--kap-font-family, inherit);
    --_max-width: var(--kap-max-width, 40rem);
    --_target: 2.75rem;
  }

  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
`;
