import { Controls, Description, Primary, Subtitle, Title } from '@storybook/addon-docs/blocks';
import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { createElement, Fragment } from 'react';
import { componentDescription, manifest, manifestArgTypes } from '../stories/support/manifest.js';

// Each element's Docs page (and its description) is read from the manifest (stories/support/manifest.ts).
setCustomElementsManifest(manifest);

/**
 * An element's Docs page: its description, its first story live with a Control for every public
 * property and token, and the manifest's every attribute, property, event, slot, part and token.
 * Only the first story renders there: every other state has its own story page, and a page of forty
 * live clinics at once would only be slow.
 */
function DocsPage() {
  return createElement(
    Fragment,
    null,
    createElement(Title),
    createElement(Subtitle),
    createElement(Description),
    createElement(Primary),
    createElement(Controls, { sort: 'requiredFirst' }),
  );
}

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
    docs: {
      page: DocsPage,
      // Rows from our own reading of the manifest, so attributes, events and parts are not listed twice.
      extractArgTypes: (component: unknown) => (typeof component === 'string' ? manifestArgTypes(component) : null),
      // The manifest keeps the JSDoc's first lines as the element's `summary`, which Storybook's own reading skips.
      extractComponentDescription: (component: unknown) => (typeof component === 'string' ? componentDescription(component) : null),
    },
  },
  initialGlobals: { backgrounds: { value: 'light' } },
};

export default preview;
