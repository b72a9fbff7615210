/**
 * Spanish, published as `i18n/es.js`. Importing this module registers it for `lang="es"` (and
 * `es-*`) in every kap element on the page, whichever bundle defined them: the strings
 * (src/i18n/es.ts, with "Email me my links": es-email-links.ts), and the intake's built-in content in Spanish (the medical screening page, the
 * crisis panel and the official Spanish PHQ-9; see `src/forms/es/`).
 */
import { FORMS_ES } from './forms/es/index.js';
import { registerContent } from './i18n/content.js';
import { es } from './i18n/es.js';
import { esEmailLinks } from './i18n/es-email-links.js';
import { registerLocale } from './i18n/registry.js';

// Content first: the strings' registration re-renders the elements, which then find both.
registerContent('es', { forms: FORMS_ES });
registerLocale('es', { ...es, ...esEmailLinks });

export { es };
