/**
 * The one home of text in the markdown subset on screen, used by every element: `markdown(source)`
 * parses a text once (parsed trees are kept per text) and renders the tree with Lit templates.
 * Every piece of text is bound as text, so nothing a clinic writes can become markup.
 *
 * Most texts are plain: paragraphs and nothing else. Those are read and shown here; the parser of
 * the rest (`parseMarkdown` in `src/text/markdown.ts`, with no Lit) and the templates of emphasis,
 * links and lists (`markdown-rich.ts`) are imported only for content that has some (in the drop-in
 * files, a chunk): an element checks what it is about to show with `markdownAtHand` and waits for
 * `loadMarkdown` before showing it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MarkdownBlock } from '../text/markdown.js';
import type { MarkdownLinks } from './markdown-rich.js';
import { needsMarkdownParser, plainParagraphs } from '../text/plain-paragraphs.js';

export type { MarkdownLinks } from './markdown-rich.js';

/** The parser and the renderer of what is more than plain paragraphs, once some content needed them. */
let rich: typeof import('./markdown-rich.js') | undefined;

/** Every string in `value`, however deep in objects and arrays. */
function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (value && typeof value === 'object') for (const inner of Object.values(value)) yield* stringsIn(inner);
}

/** Whether every text in `content` (a form, checklist items: any object) can be shown now. */
export function markdownAtHand(content: unknown): boolean {
  if (rich) return true;
  for (const text of stringsIn(content)) if (needsMarkdownParser(text)) return false;
  return true;
}

/** Imports the parser and its renderer, for content `markdownAtHand` said needs them. */
export async function loadMarkdown(): Promise<void> {
  rich ??= await import('./markdown-rich.js');
}

/** Plain paragraphs, as the rich renderer would show them: what a page with no markdown needs. */
function renderPlain(blocks: readonly MarkdownBlock[], links: MarkdownLinks): TemplateResult[] {
  const lang = links.lang ?? nothing;
  return blocks.map(
    (block) => html`<p lang=${lang}>${block.type === 'paragraph' ? block.children.map((node) => (node.type === 'text' ? node.text : '')) : ''}</p>`,
  );
}

/** Parsed texts, so a re-render does not parse them again; cleared when it grows past its bound. */
const parsed = new Map<string, MarkdownBlock[]>();
const PARSED_LIMIT = 500;

/**
 * `source`, a text in the markdown subset, as paragraphs and lists. Before the parser is here (the
 * element did not check with `markdownAtHand`), a text that needs it shows as written, as text.
 */
export function markdown(source: string, links: MarkdownLinks = {}): TemplateResult[] {
  let blocks = parsed.get(source);
  if (!blocks) {
    if (!rich && needsMarkdownParser(source)) return renderPlain(plainParagraphs(source), links);
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(source, (blocks = rich ? rich.parseMarkdown(source) : plainParagraphs(source)));
  }
  return rich ? rich.renderMarkdown(blocks, links) : renderPlain(blocks, links);
}
