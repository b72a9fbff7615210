/**
 * Turns `{ "instrument": "phq-9" }` into an ordinary page: the stem as the legend of one scale
 * whose rows are the instrument's items (ids `phq-9.q1` … `phq-9.q9`, stable for the backend),
 * the unscored difficulty question as an optional choice (`phq-9.q10`, `gad-7.q8`), and the
 * notice at the foot of the page.
 *
 * In another language the page shows the instrument's official translation when one is loaded
 * (verbatim, from its verified record); otherwise the English instrument, every text of it marked
 * `lang="en"` — an instrument is never translated here.
 *
 * It comes with the instruments (`BuiltInInstruments.page`, `.shownIn`; in the drop-in files, their
 * chunk): a form without one never loads it.
 */
import { sameLanguage } from '../i18n/local-text.js';
import type { Condition, TextLanguages } from './definition-basics.js';
import type { Item, ScaleItem } from './definition-items.js';
import type { ResolvedPage } from './definition.js';
import { INSTRUMENTS } from './instruments/index.js';
import type { Instrument, InstrumentId } from './instruments/types.js';

export interface InstrumentUse {
  instrument: InstrumentId;
  id?: string;
  title?: string;
  when?: Condition;
  required?: boolean;
  /** Marks of the clinic's own `title` when it is in another language than the page's. */
  langs?: TextLanguages;
}

/** The answer id of an instrument item, e.g. `instrumentKey('phq-9', 'q9')` → `phq-9.q9`. */
export function instrumentKey(instrument: InstrumentId, linkId: string): string {
  return `${instrument}.${linkId}`;
}

/** The instrument to show in `lang`: its official translation when given and in that language, else the English. */
export function instrumentIn(id: InstrumentId, lang: string, translation?: Instrument): Instrument {
  return translation?.id === id && sameLanguage(translation.language ?? 'en', lang) ? translation : INSTRUMENTS[id];
}

export function instrumentPage(use: InstrumentUse, source: string, lang = 'en', translation?: Instrument): ResolvedPage {
  const english = INSTRUMENTS[use.instrument];
  const shown = instrumentIn(use.instrument, lang, translation);
  const language = shown.language ?? 'en';
  const foreign = sameLanguage(language, lang) ? undefined : language;
  const marked = (...fields: string[]): { langs?: TextLanguages } => (foreign ? { langs: Object.fromEntries(fields.map((field) => [field, foreign])) } : {});
  // Codes, scores and the safety item are the English instrument's; a translation gives only the words.
  const label = (value: string) => shown.options.find((option) => option.value === value)!.label;
  const text = (linkId: string) => shown.items.find((item) => item.linkId === linkId)!.text;
  const scale: ScaleItem = {
    type: 'scale',
    id: english.id,
    label: shown.stem,
    required: use.required ?? true,
    instrument: english.id,
    ...marked('label'),
    options: english.options.map((option) => ({
      value: option.value,
      label: label(option.value),
      score: option.score,
      ...(option.loinc ? { code: option.loinc } : {}),
      ...marked('label'),
    })),
    rows: english.items.map((item) => ({
      id: instrumentKey(english.id, item.linkId),
      label: text(item.linkId),
      number: item.number,
      linkId: item.linkId,
      ...(item.loinc ? { code: item.loinc } : {}),
      ...(english.safetyItems.includes(item.linkId) ? { safety: true } : {}),
      ...marked('label'),
    })),
  };
  const items: Item[] = [scale];
  const extra = english.extra;
  if (extra && shown.extra) {
    const words = shown.extra;
    items.push({
      type: 'choice',
      id: instrumentKey(english.id, extra.linkId),
      label: words.text,
      required: false,
      ...(extra.loinc ? { code: extra.loinc } : {}),
      ...marked('label'),
      options: extra.options.map((option) => ({
        value: option.value,
        label: words.options.find((candidate) => candidate.value === option.value)!.label,
        code: option.loinc,
        ...marked('label'),
      })),
    });
  }
  const titleLang = use.title === undefined ? foreign : use.langs?.['title'];
  const langs = {
    ...(titleLang ? { title: titleLang } : {}),
    ...(foreign ? { notice: foreign, ...(shown.instructionsElectronic ? { intro: foreign } : {}) } : {}),
  };
  return {
    id: use.id ?? english.id,
    title: use.title ?? shown.title ?? shown.name,
    ...(shown.instructionsElectronic ? { intro: shown.instructionsElectronic } : {}),
    ...(use.when ? { when: use.when } : {}),
    items,
    instrument: english.id,
    notice: shown.notice,
    // The codes are the English instrument's, and so is LOINC's notice (in English on every page).
    loincNotice: english.loincNotice,
    ...(Object.keys(langs).length ? { langs } : {}),
    source,
  };
}
