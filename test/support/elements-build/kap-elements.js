// A stand-in for dist/cdn/kap-elements.js in the console's browser tests (test/support/reference-backend.js, `elements=fixture`).
export const defined = 'kap-elements';
