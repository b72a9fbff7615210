/**
 * `vue-tsc` (the Vue example's type check) on TypeScript 6: vue-tsc drives TypeScript's compiler
 * API, which TypeScript 7 (the project's `tsc`) no longer has; `typescript-6` is installed beside
 * it for the lint tools (see scripts/lint/typescript-6.cjs). Arguments are vue-tsc's:
 * `node scripts/vue-tsc.cjs -p examples/vue/tsconfig.json`.
 */
require('vue-tsc').run(require.resolve('typescript-6/lib/tsc'));
