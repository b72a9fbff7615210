// ESLint (flat config), run by `npm run lint`. Rules are chosen to catch defects, not to restyle:
// layout is the formatter's job. Typed rules read the two TypeScript projects (tsconfig.json for
// the browser side, tsconfig.node.json for the server, scripts and node tests) through TypeScript 6,
// because TypeScript 7 has no compiler API (see scripts/lint/typescript-6.cjs).
import './scripts/lint/typescript-6.cjs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

/** Imports a layer may not make (STYLE.md: no upward imports). */
const noLit = [
  { group: ['lit', 'lit/*', '@lit/*'], message: 'src/api and the domain folders import no Lit.' },
  { group: ['**/base/*', '**/base'], message: 'src/api and the domain folders import nothing from src/base.' },
  { group: ['**/elements/*', '**/elements/**'], message: 'src/api and the domain folders import no element code.' },
];
const noUnsafeHTML = {
  name: 'lit/directives/unsafe-html.js',
  message: 'No unsafeHTML: configurable text is rendered as text or through src/base/markdown-template.ts.',
};

export default tseslint.config(
  {
    // examples/: each app is checked by its own framework's type checker (test/e2e/examples.test.ts).
    // test/frameworks/: apps of other frameworks, compiled against the built package by
    // test/package/frameworks.test.ts with their own tsconfig (wrong uses on purpose included).
    ignores: [
      'dist/**',
      'dist-console/**',
      'storybook-static/**',
      'node_modules/**',
      'data/**',
      'test-results/**',
      'custom-elements.json',
      'examples/**',
      'test/frameworks/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Unused names are the type check's (noUnusedLocals, noUnusedParameters).
      '@typescript-eslint/no-unused-vars': 'off',
      'no-unused-vars': 'off',
      // `x!` after a check the compiler cannot follow is a deliberate, visible claim.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Deliberate: sanitisers match control characters; `case` labels that share a body may carry a comment.
      'no-control-regex': 'off',
      'no-fallthrough': ['error', { allowEmptyCase: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-self-compare': 'error',
      'no-template-curly-in-string': 'error',
      'no-unreachable-loop': 'error',
      'no-constructor-return': 'error',
      'no-restricted-imports': ['error', { paths: [noUnsafeHTML] }],
    },
  },
  {
    // Typed rules: promises that nobody awaits or catches, and values that do not print as text.
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json', './tsconfig.node.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test's `test`/`describe` return promises the runner itself awaits.
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] },
          ],
        },
      ],
      // An async listener is fine when it handles its own errors; a promise where a boolean is read is not.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      // An AbortSignal's reason is `any`: passing it on is right.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
    },
  },
  {
    // Tests and tools may read loosely typed data (JSON documents, chai chains) as `any`.
    files: ['test/**', 'scripts/**', 'stories/**', '.storybook/**', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Chai's `expect(…)` chains are typed as promises (chai-as-promised), so a floating-promise check
    // would flag every assertion: instead, the one asynchronous assertion the browser tests use must be awaited.
    files: ['test/elements/**/*.ts', 'test/console/**/*.ts', 'stories/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "ExpressionStatement > CallExpression[callee.property.name='accessible']",
          message: 'Await the accessibility check: `await expect(el).to.be.accessible()`; un-awaited, it cannot fail the test.',
        },
      ],
    },
  },
  {
    // Files that no tsconfig includes are linted without types.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs', '.storybook/**/*.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Lit templates and custom elements: the browser side.
    files: ['src/**/*.ts', 'console/**/*.ts', 'stories/**/*.ts', 'test/elements/**/*.ts', 'test/console/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'lit/no-template-bind': 'error',
      'lit/no-useless-template-literals': 'error',
      'lit/attribute-value-entities': 'error',
      'lit/no-this-assign-in-render': 'error',
      'lit/no-property-change-update': 'error',
      'lit/no-legacy-imports': 'error',
      'wc/no-constructor-params': 'error',
      'wc/no-self-class': 'error',
      'wc/guard-super-call': 'off', // LitElement always defines the callbacks it overrides.
    },
  },
  {
    files: ['src/api/**/*.ts', 'src/forms/**/*.ts', 'src/scheduling/**/*.ts', 'src/checklist/**/*.ts', 'src/events/**/*.ts', 'src/time/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noUnsafeHTML], patterns: noLit }] },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noUnsafeHTML],
          patterns: [
            { group: ['lit', 'lit/*', '@lit/*'], message: 'server/ imports no element code.' },
            { group: ['**/src/elements/**', '**/src/base/**', '**/src/kap-*'], message: 'server/ imports no element code.' },
          ],
        },
      ],
    },
  },
);
