/**
 * What a locale module supplies for the intake's built-in content in its language: the ready-made
 * pages, the default crisis panel and validated instruments. `parseFormDefinition(json, { lang,
 * translations })` uses it; whatever it leaves out is shown in English, marked `lang="en"`.
 *
 * Instruments are the exception to "translate with care": only a publisher's official
 * translation, verified against its reference record and reproduced verbatim, may go in
 * `instruments` (the Spanish module ships the PHQ-9's "Spanish for the USA" form and nothing for the
 * GAD-7 or PCL-5). Never translate an instrument yourself.
 */
import type { CrisisPanel, IncludeId } from './definition.js';
import type { Instrument, InstrumentId } from './instruments/types.js';
import type { PageTranslation } from './localize.js';
import type {} from '../i18n/content.js';

export type { PageTranslation } from './localize.js';

/** The language the built-in pages and texts are written in; translations sit beside them. */
export const BUILT_IN_LANG = 'en';

export interface FormsTranslation {
  /** The language of the translation (BCP 47), e.g. `es`. */
  lang: string;
  /** Ready-made pages (`{ "include": … }`), text by text. */
  includes?: Partial<Record<IncludeId, PageTranslation>>;
  /** The crisis panel shown when the definition sets none: 988 and 911, whole. */
  crisis?: CrisisPanel;
  /** Official translations of validated instruments only, each with its `language`. */
  instruments?: Partial<Record<InstrumentId, Instrument>>;
}

declare module '../i18n/content.js' {
  interface KapContent {
    /** The intake's built-in content in this language. */
    forms?: FormsTranslation;
  }
}
