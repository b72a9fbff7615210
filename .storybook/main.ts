import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

/**
 * The stories' clinics: the real reference backend in memory at `/api/<story>/` on the Storybook
 * server, as in the browser tests (test/support/reference-backend.js). `npm run test:stories`
 * serves the built Storybook with the same backend (check-stories.mjs).
 */
function referenceBackend(): Plugin {
  return {
    name: 'kap-reference-backend',
    async configureServer(server) {
      const { referenceBackends } = await import('../test/support/reference-backend.js');
      const backends = referenceBackends();
      server.httpServer?.once('close', () => backends.close());
      server.middlewares.use((request, response, next) => {
        backends.handle(request, response).then((handled) => handled || next(), next);
      });
    },
  };
}

/**
 * Storybook loads the project's vite.config.ts too (it keeps the plugins and drops `build`), so the
 * stories compile `src/` exactly as the library build does: class fields as tsconfig.json sets them.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Storybook's own preview bundle is large by nature; the library's size is checked elsewhere.
  viteFinal: (config) => ({
    ...config,
    build: { ...config.build, chunkSizeWarningLimit: 4096 },
    plugins: [...(config.plugins ?? []), referenceBackend()],
  }),
};

export default config;
