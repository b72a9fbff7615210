/**
 * The markdown template's two renderers: plain paragraphs are shown without the parser, and once it
 * has loaded (with the templates of emphasis, links and lists) the same text shows the same DOM.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { render } from 'lit';
import { loadMarkdown, markdown, markdownAtHand } from '../../src/base/markdown-template.js';
import { needsMarkdownParser } from '../../src/text/plain-paragraphs.js';

/** What `source` shows as, without Lit's comment markers. */
function shown(source: string, lang?: string): string {
  const container = document.createElement('div');
  render(markdown(source, lang ? { lang } : {}), container);
  return container.innerHTML.replace(/<!--[^]*?-->/g, '');
}

const line = fc.stringMatching(/^[A-Za-z0-9 ,.;:'"!?()—–-]{0,30}$/);
const prose = fc.array(fc.oneof(line, fc.constant(''), fc.constant('  ')), { maxLength: 6 }).map((lines) => lines.join('\n'));

describe('markdown template', () => {
  it('shows plain paragraphs the same before and after the parser loads', async () => {
    const samples = fc.sample(prose, { numRuns: 300, seed: 7 }).filter((source) => !needsMarkdownParser(source));
    samples.push('Stop eating six hours before.\n\nDrink water — 2 glasses.', 'One\ntwo', '');
    expect(samples.length).to.be.greaterThan(200);
    expect(markdownAtHand(samples)).to.equal(true);
    // Each text once before the parser is here (so it is not cached yet), then again after.
    const before = samples.map((source, index) => shown(`${source}\n\n${index}`, index % 2 ? 'es' : undefined));
    expect(before.some((html) => html.includes('<p lang="es">'))).to.equal(true);
    expect(markdownAtHand('a **b**')).to.equal(false);
    expect(shown('a **b**')).to.equal('<p>a **b**</p>');

    await loadMarkdown();
    expect(markdownAtHand('a **b**')).to.equal(true);
    const after = samples.map((source, index) => shown(`${source}\n\n${index}`, index % 2 ? 'es' : undefined));
    expect(after).to.deep.equal(before);
    // And the rest now reads as markdown.
    expect(shown('a **b** [c](https://clinic.example)')).to.equal(
      '<p>a <strong>b</strong> <a rel="noopener noreferrer" href="https://clinic.example">c</a></p>',
    );
  });
});
