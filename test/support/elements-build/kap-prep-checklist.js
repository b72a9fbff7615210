// A stand-in for dist/cdn/kap-prep-checklist.js in the console's browser tests (test/support/reference-backend.js, `elements=fixture`).
export const defined = 'kap-prep-checklist';
