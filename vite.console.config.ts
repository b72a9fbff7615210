/**
 * The clinic's console (console/): a single-page app built by Vite into `dist-console/`, which the
 * reference backend serves at `/console/` on the API origin under a strict CSP
 * (server/routes/console-assets.ts). Its own config, apart from the library builds of
 * vite.config.ts: it bundles Lit, zod and uqr into hashed files under `/console/assets/`, with no
 * inline script or style and nothing fetched from another origin.
 *
 *   vite build -c vite.console.config.ts   (part of `npm run build`, so `npm start` builds it)
 */
import { resolve } from 'node:path';
import { defineConfig, normalizePath, type Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * package.json's `sideEffects` lists the published `dist/` files; Rolldown would apply it to our own
 * sources too and drop the statements that define the console's elements. Ours are taken as written.
 */
function keepOwnSideEffects(): Plugin {
  const own = [resolve(root, 'console'), resolve(root, 'src')].map((dir) => `${normalizePath(dir)}/`);
  return {
    name: 'kap:console-keep-side-effects',
    transform: {
      order: 'post',
      filter: { id: /\.ts$/ },
      handler(code, id) {
        return own.some((dir) => id.startsWith(dir)) ? { code, map: null, moduleSideEffects: true } : undefined;
      },
    },
  };
}

export default defineConfig({
  root: resolve(root, 'console'),
  base: '/console/',
  publicDir: false,
  logLevel: 'warn',
  plugins: [keepOwnSideEffects()],
  build: {
    target: 'es2022',
    outDir: resolve(root, 'dist-console'),
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: false,
    // Small files inlined as data: URLs would need a looser CSP; keep every asset a file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
