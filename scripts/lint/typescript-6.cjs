/**
 * The lint tools (typescript-eslint, lit-analyzer) need TypeScript's compiler API, which
 * TypeScript 7 (the project's compiler, `tsc`) no longer has. TypeScript 6 is installed beside it
 * as `typescript-6`; loading this file first makes every `require('typescript')` in this process
 * get TypeScript 6. Only the lint processes load it: the build and the type check keep TypeScript 7.
 */
const Module = require('node:module');

const typescript6 = require.resolve('typescript-6');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'typescript' ? typescript6 : resolve.call(this, request, ...rest);
};
