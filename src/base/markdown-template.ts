/**
 * The one home of text in the markdown subset on screen, used by every element: `markdown(source)`
 * parses a text once (parsed trees are kept per text) and renders the tree with Lit templates.
 * Every piece of text is bound as text, so nothing a clinic writes can become markup.
 *
 * Most texts are plain: paragraphs and nothing else. Those are read here; the parser of the rest
 * (`parseMarkdown` in `src/text/markdown.ts`, with no Lit) is imported only for content that has
 * some (in the drop-in files, a chunk): an element checks what it is about to show with
 * `markdownAtHand` and waits for `loadMarkdown` before showing it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MarkdownBlock, MarkdownInline } from '../text/markdown.js';
import { needsMarkdownParser, plainParagraphs } from '../text/plain-paragraphs.js';

/** The parser, once some content needed it. */
let parser: typeof import('../text/markdown.js') | undefined;

/** Every string in `value`, however deep in objects and arrays. */
function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (value && typeof value === 'object') for (const inner of Object.values(value)) yield* stringsIn(inner);
}

/** Whether every text in `content` (a form, checklist items: any object) can be shown now. */
export function markdownAtHand(content: unknown): boolean {
  if (parser) return true;
  for (const text of stringsIn(content)) if (needsMarkdownParser(text)) return false;
  return true;
}

/** Imports the parser, for content `markdownAtHand` said needs it. */
export async function loadMarkdown(): Promise<void> {
  parser ??= await import('../text/markdown.js');
}

export interface MarkdownLinks {
  /**
   * Set where leaving the page loses work (a half-filled form): web links then open in a new tab,
   * and these words ("(opens in new tab)") are read after each one. Left out, every link opens in
   * the same tab, for pages where nothing is lost by leaving. `tel:` and `mailto:` links hand off
   * to another app, so they never need a new tab.
   */
  newTab?: string;
  /**
   * The text's language when it is not the page's (`lang` on each paragraph and list); the
   * element's own words inside it ("(opens in new tab)") are then marked with `pageLang`.
   */
  lang?: string;
  pageLang?: string;
}

function renderLink(href: string, label: unknown[], links: MarkdownLinks): TemplateResult {
  if (links.newTab === undefined || /^(tel|mailto):/i.test(href)) {
    return html`<a href=${href} rel="noopener noreferrer">${label}</a>`;
  }
  const lang = links.lang ? links.pageLang : undefined;
  return html`<a href=${href} target="_blank" rel="noopener noreferrer"
    >${label}<span class="visually-hidden" lang=${lang ?? nothing}> ${links.newTab}</span></a
  >`;
}

function renderInline(nodes: readonly MarkdownInline[], links: MarkdownLinks): unknown[] {
  return nodes.map((node) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'strong':
        return html`<strong>${renderInline(node.children, links)}</strong>`;
      case 'em':
        return html`<em>${renderInline(node.children, links)}</em>`;
      case 'link':
        return renderLink(node.href, renderInline(node.children, links), links);
    }
  });
}

/** `blocks` as paragraphs and lists. */
export function renderMarkdown(blocks: readonly MarkdownBlock[], links: MarkdownLinks = {}): TemplateResult[] {
  const lang = links.lang ?? nothing;
  return blocks.map((block) => {
    if (block.type === 'paragraph') return html`<p lang=${lang}>${renderInline(block.children, links)}</p>`;
    const items = block.items.map((item) => html`<li>${renderInline(item, links)}</li>`);
    return block.ordered ? html`<ol lang=${lang} start=${block.start}>${items}</ol>` : html`<ul lang=${lang}>${items}</ul>`;
  });
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
    if (!parser && needsMarkdownParser(source)) return renderMarkdown(plainParagraphs(source), links);
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(source, (blocks = parser ? parser.parseMarkdown(source) : plainParagraphs(source)));
  }
  return renderMarkdown(blocks, links);
}
