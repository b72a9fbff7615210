/**
 * Turns `{ "instrument": "phq-9" }` into an ordinary page: the stem as the legend of one scale
 * whose rows are the instrument's items (ids `phq-9.q1` … `phq-9.q9`, stable for the backend),
 * the unscored difficulty question as an optional choice (`phq-9.q10`, `gad-7.q8`), and the
 * notice at the foot of the page.
 */
import type { Condition, Item, ResolvedPage, ScaleItem } from './definition.js';
import { INSTRUMENTS, type InstrumentId } from './instruments/index.js';

export interface InstrumentUse {
  instrument: InstrumentId;
  id?: string;
  title?: string;
  when?: Condition;
  required?: boolean;
}

/** The answer id of an instrument item, e.g. `instrumentKey('phq-9', 'q9')` → `phq-9.q9`. */
export function instrumentKey(instrument: InstrumentId, linkId: string): string {
  return `${instrument}.${linkId}`;
}

export function instrumentPage(use: InstrumentUse, source: string): ResolvedPage {
  const instrument = INSTRUMENTS[use.instrument];
  const scale: ScaleItem = {
    type: 'scale',
    id: instrument.id,
    label: instrument.stem,
    required: use.required ?? true,
    instrument: instrument.id,
    options: instrument.options.map((option) => ({
      value: option.value,
      label: option.label,
      score: option.score,
      ...(option.loinc ? { code: option.loinc } : {}),
    })),
    rows: instrument.items.map((item) => ({
      id: instrumentKey(instrument.id, item.linkId),
      label: item.text,
      number: item.number,
      linkId: item.linkId,
      ...(item.loinc ? { code: item.loinc } : {}),
      ...(instrument.safetyItems.includes(item.linkId) ? { safety: true } : {}),
    })),
  };
  const items: Item[] = [scale];
  const extra = instrument.extra;
  if (extra) {
    items.push({
      type: 'choice',
      id: instrumentKey(instrument.id, extra.linkId),
      label: extra.text,
      required: false,
      ...(extra.loinc ? { code: extra.loinc } : {}),
      options: extra.options.map((option) => ({ value: option.value, label: option.label, code: option.loinc })),
    });
  }
  return {
    id: use.id ?? instrument.id,
    title: use.title ?? instrument.name,
    ...(instrument.instructionsElectronic ? { intro: instrument.instructionsElectronic } : {}),
    ...(use.when ? { when: use.when } : {}),
    items,
    instrument: instrument.id,
    notice: instrument.notice,
    loincNotice: instrument.loincNotice,
    source,
  };
}
