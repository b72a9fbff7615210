export * from './strings.js';
export * from './registry.js';
export { en } from './en.js';
