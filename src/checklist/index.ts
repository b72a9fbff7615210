export * from './definition.js';
export * from './due.js';
export * from './kap-default.js';
export * from './item-texts.js';
export * from './languages.js';
export * from './parse.js';
