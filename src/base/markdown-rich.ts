/**
 * Text in the markdown subset beyond plain paragraphs — emphasis, links, lists — as Lit templates,
 * with its parser: imported by `loadMarkdown` (markdown-template.ts) only for content that has some
 * (in the drop-in files, a chunk). Every piece of text is bound as text, so nothing a clinic writes
 * can become markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { MarkdownBlock, MarkdownInline } from '../text/markdown.js';

export { parseMarkdown } from '../text/markdown.js';

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
