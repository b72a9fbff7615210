// A stand-in for dist/cdn/kap-intake.js in the console's browser tests (test/support/reference-backend.js, `elements=fixture`).
export const defined = 'kap-intake';
