/**
 * Renders the markdown subset's tree (`parseMarkdown` in `src/forms/`) with Lit templates: every
 * piece of text is bound as text, so nothing a clinic writes can become markup. Web links open in
 * a new tab, said so to screen readers: following one must not lose the answers on the page.
 */
import { html, type TemplateResult } from 'lit';
import { parseMarkdown, type MarkdownInline } from '../../forms/markdown.js';

function inline(nodes: readonly MarkdownInline[], newTab: string): unknown[] {
  return nodes.map((node) =>
    node.type === 'text'
      ? node.text
      : node.type === 'strong'
        ? html`<strong>${inline(node.children, newTab)}</strong>`
        : node.type === 'em'
          ? html`<em>${inline(node.children, newTab)}</em>`
          : /^(tel|mailto):/i.test(node.href)
            ? html`<a href=${node.href}>${inline(node.children, newTab)}</a>`
            : html`<a href=${node.href} target="_blank" rel="noopener noreferrer"
                >${inline(node.children, newTab)}<span class="visually-hidden"> ${newTab}</span></a
              >`,
  );
}

/** `source` in the markdown subset as paragraphs and lists; `newTab` is the "(opens in new tab)" words. */
export function markdown(source: string | undefined, newTab: string): TemplateResult[] {
  return parseMarkdown(source ?? '').map((block) =>
    block.type === 'paragraph'
      ? html`<p>${inline(block.children, newTab)}</p>`
      : block.ordered
        ? html`<ol start=${block.start}>${block.items.map((item) => html`<li>${inline(item, newTab)}</li>`)}</ol>`
        : html`<ul>${block.items.map((item) => html`<li>${inline(item, newTab)}</li>`)}</ul>`,
  );
}
