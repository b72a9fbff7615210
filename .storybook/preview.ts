import type { Decorator, Preview } from '@storybook/web-components-vite';
import { html } from 'lit';

/** Light and dark page backgrounds, chosen from the toolbar or by a story's `globals`. */
const backgrounds = {
  light: { name: 'Light', value: '#ffffff' },
  dark: { name: 'Dark', value: '#16181d' },
};

/**
 * The elements follow the host page's `color-scheme` (a page that declares none gets the light
 * colours unless it is dark behind them), so a dark background also declares `color-scheme: dark`,
 * as a dark site should.
 */
const withColorScheme: Decorator = (story, context) => {
  const selected = context.globals['backgrounds'] as { value?: string } | string | undefined;
  const value = typeof selected === 'string' ? selected : selected?.value;
  return html`<div style="color-scheme: ${value === 'dark' ? 'dark' : 'light'}">${story()}</div>`;
};

const preview: Preview = {
  decorators: [withColorScheme],
  parameters: {
    layout: 'padded',
    backgrounds: { options: backgrounds },
    // The a11y panel runs axe on every story; violations are errors, not warnings.
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  initialGlobals: { backgrounds: { value: 'light' } },
};

export default preview;
