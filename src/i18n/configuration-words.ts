/**
 * The English words of "not available online right now", which `src/base/trusted-types-watch.ts`
 * shows when Lit — and so the rest of the strings — cannot load. `en.ts` takes them from here, so
 * they are written, and shipped, once.
 */
export const CONFIGURATION_WORDS = {
  configurationHeading: 'Sorry, this is not available online right now',
  configurationBody: 'Please contact the clinic directly.',
};
