import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook loads the project's vite.config.ts too (it keeps the plugins and drops `build`), so the
 * stories compile `src/` exactly as the library build does: legacy decorators from tsconfig.json.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Storybook's own preview bundle is large by nature; the library's size is checked elsewhere.
  viteFinal: (config) => ({ ...config, build: { ...config.build, chunkSizeWarningLimit: 4096 } }),
};

export default config;
