/**
 * Renders the markdown subset's tree (`src/forms/markdown.ts`) with Lit templates: every piece of
 * text is bound as text, so nothing a clinic writes can become markup.
 */
import { html, type TemplateResult } from 'lit';
import type { MarkdownBlock, MarkdownInline } from '../../forms/markdown.js';

function renderInline(nodes: readonly MarkdownInline[]): unknown[] {
  return nodes.map((node) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'strong':
        return html`<strong>${renderInline(node.children)}</strong>`;
      case 'em':
        return html`<em>${renderInline(node.children)}</em>`;
      case 'link':
        // Same tab: nothing is lost by leaving (every tick is saved), and a new tab would need announcing.
        return html`<a href=${node.href} rel="noopener noreferrer">${renderInline(node.children)}</a>`;
    }
  });
}

export function renderMarkdown(blocks: readonly MarkdownBlock[]): TemplateResult[] {
  return blocks.map((block) => {
    if (block.type === 'paragraph') return html`<p>${renderInline(block.children)}</p>`;
    const items = block.items.map((item) => html`<li>${renderInline(item)}</li>`);
    return block.ordered ? html`<ol start=${block.start}>${items}</ol>` : html`<ul>${items}</ul>`;
  });
}
