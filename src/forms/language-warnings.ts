/**
 * What a form lacks in the language it is shown in (`LanguageGaps`, found as it is resolved), in
 * words for the website team: the form still works. Where forms are authored these are the
 * warnings of `parseFormDefinition`; `<kap-intake>` loads this module only when there is
 * something to say (in the drop-in files, a chunk), and says it once on the console.
 */
import type { LanguageGaps } from './parse.js';

export function languageWarnings({ lang, defaultLang, instruments, fallbacks }: LanguageGaps): string[] {
  const warnings = instruments.map(
    ({ source, name, shownLang }) =>
      `${source}: the ${name} has no official "${lang}" translation here, so it is shown in its original ` +
      `language, marked lang="${shownLang}". A validated instrument is only ever shown in its publisher's official translation.`,
  );
  if (fallbacks) {
    const [texts, have, are, them] = fallbacks === 1 ? ['text', 'has', 'is', 'it'] : ['texts', 'have', 'are', 'them'];
    warnings.push(
      `${fallbacks} ${texts} of the form ${have} no "${lang}" version and ${are} shown in "${defaultLang}", marked lang="${defaultLang}": ` +
        `give ${them} per language, like {"${defaultLang}": "…", "${lang}": "…"}.`,
    );
  }
  return warnings;
}
