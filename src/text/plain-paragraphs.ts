/**
 * Texts in the markdown subset (src/text/markdown.ts) that have no markdown in them, read without
 * its parser: most of what clinics write is plain paragraphs, and a page that shows only those need
 * not load the parser (src/base/markdown-template.ts). `plainParagraphs` gives exactly what
 * `parseMarkdown` gives for every text `needsMarkdownParser` lets through (a property test holds it
 * to that: test/forms/markdown.test.ts).
 */
import type { MarkdownBlock } from './markdown.js';

/**
 * Whether `source` may read differently in the markdown subset than as plain paragraphs: it has an
 * emphasis or link marker, an escape, or a line that starts a list. (A yes may be wrong; a no never is.)
 */
export function needsMarkdownParser(source: string): boolean {
  return /[*[\\]/.test(source) || /^ {0,3}(?:-|\d{1,9}\.) +\S/m.test(source);
}

/** A text with no markdown in it as `parseMarkdown` reads it: paragraphs apart at blank lines, each one's lines trimmed and joined. */
export function plainParagraphs(source: string): MarkdownBlock[] {
  const paragraphs: string[][] = [[]];
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    const text = line.trim();
    if (text) paragraphs[paragraphs.length - 1]!.push(text);
    else paragraphs.push([]);
  }
  return paragraphs.filter((lines) => lines.length).map((lines) => ({ type: 'paragraph', children: [{ type: 'text', text: lines.join(' ') }] }));
}
