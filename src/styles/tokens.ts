import { css } from 'lit';

/**
 * The two tiers of custom properties. Public `--kap-*` are the theming API, each read exactly
 * once here with its built-in default; everything else reads the private `--_*` copies.
 *
 * Sizes hold under any host page: a theme that shrinks the root font (`html { font-size: 62.5% }`,
 * common in WordPress) cannot shrink the text below 16 px or a target below 44 px, while a larger
 * root (the reader's own setting) still enlarges the text. Targets are in px, which zoom scales.
 *
 * Colours use `light-dark()`, resolved on the element's own top element (`part="base"`), where no
 * page rule reaches: by default the element follows the host page's `color-scheme`; a page that
 * declares none gets the light colours, unless the page behind the element is dark
 * (`:state(dark-page)`, see src/base/page-scheme-controller.ts). `theme="dark"` or `theme="light"`
 * forces one, `theme="auto"` follows the reader's system.
 */
export const tokens = css`
  :host {
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
    --_radius: var(--kap-radius, max(0.375rem, 6px));
    --_space: var(--kap-space, max(1rem, 16px));
    --_font-size: var(--kap-font-size, max(1rem, 16px));
    --_font-family: var(--kap-font-family, inherit);
    --_max-width: var(--kap-max-width, max(40rem, 640px));
    --_target: 44px;
    /* Checkbox and radio squares. */
    --_control: max(1.5rem, 24px);
  }

  /* On the host for anyone who reads it, on the base because a page rule on the host beats these. */
  :host([theme='light']),
  :host([theme='light']) [part~='base'] {
    color-scheme: light;
  }
  :host([theme='dark']),
  :host([theme='dark']) [part~='base'],
  :host(:state(dark-page)),
  :host(:state(dark-page)) [part~='base'] {
    color-scheme: dark;
  }
  :host([theme='auto']),
  :host([theme='auto']) [part~='base'] {
    color-scheme: light dark;
  }
`;
