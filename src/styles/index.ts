export { tokens } from './tokens.js';
export { baseStyles } from './base.styles.js';
export { formStyles } from './form.styles.js';
