// A stand-in for dist/cdn/i18n/es.js.
export const language = 'es';
