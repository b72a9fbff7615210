/**
 * "Is a Spanish page Spanish?", checked against the English rendering of the same state.
 *
 * `readText` collects every text node of an element's shadow root (visible or visually hidden: a
 * screen reader reads both) and every accessible name given in an attribute (`aria-label`,
 * `title`, `alt`, `placeholder`), each with the language of its nearest `[lang]`. `compareLanguages`
 * then holds each piece of the Spanish rendering to one rule:
 *
 * - a piece that also appears in the English rendering of the same state was not translated: it is
 *   English left on a Spanish page, and must sit under `lang="en"` (it is counted, with its reason);
 * - every other piece is Spanish, and must not sit under another language.
 *
 * Pieces without words (numbers, times, phone numbers), host names and what the client typed are
 * the same in every language and are left out; so are the few words that are the same in both
 * languages (`COGNATES`), each checked to be the Spanish module's own wording.
 */
import { es } from '../../../src/es.js';

export interface Piece {
  text: string;
  /** The nearest `[lang]`, up through shadow roots to the document. */
  lang: string;
  /** The `part` of the nearest element that has one (`problem`, `crisis`…), or empty. */
  part: string;
}

/** A state of an element: its name and what it showed, in each language. */
export type Snapshot = Map<string, Piece[]>;

const NAME_ATTRIBUTES = ['aria-label', 'aria-description', 'title', 'alt', 'placeholder'];

function nearestPart(node: Node): string {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest('[part]')?.getAttribute('part') ?? '';
}

function nearestLang(node: Node): string {
  let current: Node | null = node instanceof Element ? node : node.parentNode;
  while (current) {
    if (current instanceof Element && current.hasAttribute('lang')) return current.getAttribute('lang')!;
    current = current instanceof ShadowRoot ? current.host : current.parentNode;
  }
  return '';
}

/** Every text and attribute-given name in `element`'s shadow root, with its language. */
export function readText(element: Element): Piece[] {
  const root = element.shadowRoot!;
  const pieces: Piece[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Element) {
      for (const name of NAME_ATTRIBUTES) {
        const value = node.getAttribute(name)?.trim();
        if (value) pieces.push({ text: value, lang: nearestLang(node), part: nearestPart(node) });
      }
      continue;
    }
    const parent = node.parentElement?.localName;
    if (parent === 'style' || parent === 'script') continue;
    // A scale row's number and its words share a text node unless the words are in a span of their own.
    const text = node
      .textContent!.replace(/\s+/g, ' ')
      .trim()
      .replace(/^\d+\. /, '');
    if (text) pieces.push({ text, lang: nearestLang(node), part: nearestPart(node) });
  }
  return pieces;
}

/** Words that are the same in English and Spanish; each must be what the Spanish module says. */
export const COGNATES = new Set(['No', 'Error:']);
for (const word of COGNATES) {
  if (!Object.values(es).includes(word)) throw new Error(`"${word}" is not one of the Spanish module's own strings`);
}

const base = (lang: string) => lang.split('-')[0]!.toLowerCase();
/** Pieces that have no language: no two letters in a row (numbers, times, "+1 212 555 0100", "3."), or a host name. */
const languageless = (text: string) => !/\p{L}{2}/u.test(text) || /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(text);

export interface LanguageReport {
  /** English pieces left on the Spanish page, each marked lang="en", by state. */
  englishLeft: { state: string; text: string; part: string }[];
  /** Broken rules, in words. */
  failures: string[];
}

/**
 * Holds the Spanish rendering `spanish` of each state to the rule above, against the English
 * rendering `english` of the same state. `typed` is what the client typed (the same in any language).
 */
export function compareLanguages(spanish: Snapshot, english: Snapshot, typed: readonly string[]): LanguageReport {
  const report: LanguageReport = { englishLeft: [], failures: [] };
  for (const [state, pieces] of spanish) {
    const shown = english.get(state);
    if (!shown) {
      report.failures.push(`${state}: no English rendering to compare with`);
      continue;
    }
    const englishTexts = new Set(shown.map((piece) => piece.text));
    for (const { text, lang, part } of pieces) {
      if (languageless(text) || typed.some((value) => text === value || text === value.trim())) continue;
      const untranslated = englishTexts.has(text) && !COGNATES.has(text);
      if (untranslated) {
        if (base(lang) === 'en') report.englishLeft.push({ state, text, part });
        else report.failures.push(`${state}: English text under lang="${lang}": "${text}"`);
      } else if (base(lang) !== 'es') {
        report.failures.push(`${state}: Spanish text under lang="${lang}": "${text}"`);
      }
    }
  }
  return report;
}
