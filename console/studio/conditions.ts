/**
 * Conditions by pointing and clicking: the rows a marketer builds ("[question] [is] [value]",
 * combined with all / any) and the definition's own condition (`{ item, equals }`, `{ all: [...] }`,
 * src/forms/definition-basics.ts), each made from the other; and the questions a condition may
 * read — only those before the item or page it is on — with their own options to pick from.
 */
import { INSTRUMENTS } from '../../src/forms/instruments/index.js';
import type { InstrumentId } from '../../src/forms/instruments/types.js';
import { MEDICAL_SCREENING_PAGE } from '../../src/forms/medical-screening.js';
import { textIn, type Draft, type DraftItem, type Json } from './draft.js';

export const OPERATORS = ['equals', 'notEquals', 'anyOf', 'answered', 'greaterThan', 'lessThan'] as const;
export type Operator = (typeof OPERATORS)[number];

export interface ConditionRow {
  item: string;
  operator: Operator;
  /** The value, as picked or typed (for `anyOf`, the values picked). */
  value: string | string[];
}

export interface ConditionRows {
  combine: 'all' | 'any';
  rows: ConditionRow[];
}

export interface Choice {
  value: string;
  label: string;
  score?: number;
}

/** A question a condition can read: an item or a row of a scale, with its options when it has them. */
export interface EarlierQuestion {
  id: string;
  label: string;
  kind: 'choice' | 'multi' | 'yesno' | 'number' | 'date' | 'text';
  options?: Choice[];
}

/** The rows of a condition, or `undefined` when it is nested deeper than the studio edits. */
export function toRows(when: unknown): ConditionRows | undefined {
  if (!when || typeof when !== 'object') return { combine: 'all', rows: [] };
  const condition = when as Json;
  const group = (condition['all'] ?? condition['any']) as unknown[] | undefined;
  const combine = condition['any'] ? 'any' : 'all';
  const simple = group ?? [condition];
  const rows = simple.map(toRow);
  return rows.every(Boolean) ? { combine, rows: rows as ConditionRow[] } : undefined;
}

function toRow(condition: unknown): ConditionRow | undefined {
  if (!condition || typeof condition !== 'object') return undefined;
  const entry = condition as Json;
  if (typeof entry['item'] !== 'string') return undefined;
  const operator = OPERATORS.find((name) => name in entry);
  if (!operator) return undefined;
  const raw = entry[operator];
  const value = operator === 'anyOf' ? (raw as unknown[]).map(String) : operator === 'answered' ? '' : String(raw);
  if (operator === 'answered' && raw !== true) return undefined;
  return { item: entry['item'], operator, value };
}

/** The definition's condition for `rows` (`undefined`: always shown). */
export function fromRows({ combine, rows }: ConditionRows, questions: readonly EarlierQuestion[]): Json | undefined {
  const conditions = rows.map((row) =>
    fromRow(
      row,
      questions.find((question) => question.id === row.item),
    ),
  );
  if (conditions.length === 0) return undefined;
  return conditions.length === 1 ? conditions[0] : { [combine]: conditions };
}

function fromRow(row: ConditionRow, question: EarlierQuestion | undefined): Json {
  if (row.operator === 'answered') return { item: row.item, answered: true };
  if (row.operator === 'anyOf') return { item: row.item, anyOf: Array.isArray(row.value) ? row.value : [row.value].filter(Boolean) };
  const text = Array.isArray(row.value) ? (row.value[0] ?? '') : row.value;
  // More / less than a choice compares its option's score; a number compares numbers; a date, YYYY-MM-DD.
  const numeric = row.operator === 'greaterThan' || row.operator === 'lessThan' ? question?.kind !== 'date' : question?.kind === 'number';
  const value = numeric && text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
  return { item: row.item, [row.operator]: value };
}

/** The operators that fit a question. */
export function operatorsFor(question: EarlierQuestion | undefined): Operator[] {
  switch (question?.kind) {
    case 'number':
    case 'date':
      return ['equals', 'notEquals', 'answered', 'greaterThan', 'lessThan'];
    case 'text':
      return ['equals', 'notEquals', 'anyOf', 'answered'];
    case 'yesno':
      return ['equals', 'notEquals', 'answered'];
    case 'multi':
      return ['equals', 'notEquals', 'anyOf', 'answered'];
    default:
      return [...OPERATORS];
  }
}

/** For a choice (or scale row) compared by more / less than: its options, valued by score. */
export function scoreChoices(question: EarlierQuestion): Choice[] {
  return (question.options ?? []).filter((entry) => entry.score !== undefined).map((entry) => ({ ...entry, value: String(entry.score) }));
}

/**
 * The questions before item `itemIndex` of page `pageIndex` (before the page itself when
 * `itemIndex` is undefined), in order, labelled in `lang`.
 */
export function earlierQuestions(draft: Draft, pageIndex: number, itemIndex: number | undefined, lang: string, yesNo: [string, string]): EarlierQuestion[] {
  const base = draft.lang ?? 'en';
  const label = (text: unknown, fallback: string) => textIn(text, lang, base) || textIn(text, base, base) || fallback;
  const questions: EarlierQuestion[] = [];
  const addItem = (item: DraftItem, itemLabel: (text: unknown, fallback: string) => string) => {
    const options = (item.options ?? []).map((entry) => ({
      value: entry.value,
      label: itemLabel(entry.label, entry.value),
      ...(entry.score !== undefined ? { score: entry.score } : {}),
    }));
    switch (item.type) {
      case 'display':
      case 'consent':
        return;
      case 'scale':
        for (const row of item.rows ?? []) questions.push({ id: row.id, label: itemLabel(row.label, row.id), kind: 'choice', options });
        return;
      case 'choice':
      case 'multi':
        questions.push({ id: item.id, label: itemLabel(item['label'], item.id), kind: item.type, options });
        return;
      case 'yesno':
        questions.push({
          id: item.id,
          label: itemLabel(item['label'], item.id),
          kind: 'yesno',
          options: [
            { value: 'yes', label: yesNo[0] },
            { value: 'no', label: yesNo[1] },
          ],
        });
        return;
      case 'number':
      case 'date':
        questions.push({ id: item.id, label: itemLabel(item['label'], item.id), kind: item.type });
        return;
      default:
        questions.push({ id: item.id, label: itemLabel(item['label'], item.id), kind: 'text' });
    }
  };
  draft.pages.forEach((page, p) => {
    if (p > pageIndex) return;
    if (p === pageIndex && itemIndex === undefined) return;
    if (page.instrument && page.instrument in INSTRUMENTS) {
      const instrument = INSTRUMENTS[page.instrument as InstrumentId];
      const options = instrument.options.map((entry) => ({ value: entry.value, label: entry.label, score: entry.score }));
      for (const row of instrument.items)
        questions.push({ id: `${instrument.id}.${row.linkId}`, label: `${instrument.name} ${row.number}. ${row.text}`, kind: 'choice', options });
      if (instrument.extra) {
        const extra = instrument.extra;
        questions.push({
          id: `${instrument.id}.${extra.linkId}`,
          label: extra.text,
          kind: 'choice',
          options: extra.options.map((entry) => ({ value: entry.value, label: entry.label })),
        });
      }
      return;
    }
    // The screening page's own texts are in English: its Spanish lives with the element's translations.
    if (page.include === 'kap-medical-screening') {
      for (const item of MEDICAL_SCREENING_PAGE.items as DraftItem[]) addItem(item, (text, fallback) => (typeof text === 'string' ? text : fallback));
      return;
    }
    (page.items ?? []).forEach((item, i) => {
      if (p === pageIndex && i >= itemIndex!) return;
      addItem(item, label);
    });
  });
  return questions;
}
