/**
 * The markdown subset: what each construct becomes, and two properties over arbitrary input —
 * no link ever leads anywhere but https:, tel:, mailto: or the page's own origin (checked with
 * the WHATWG URL parser browsers use), and no text is ever lost.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { markdownToText, parseMarkdown, safeHref, type MarkdownBlock, type MarkdownInline } from '../../src/forms/index.js';
import { needsMarkdownParser, plainParagraphs } from '../../src/text/plain-paragraphs.js';

const text = (t: string): MarkdownInline => ({ type: 'text', text: t });
const para = (...children: MarkdownInline[]): MarkdownBlock => ({ type: 'paragraph', children });

describe('parseMarkdown', () => {
  it('splits paragraphs on blank lines and joins lines inside a paragraph', () => {
    assert.deepEqual(parseMarkdown('One\ntwo\n\n\nThree\r\n'), [para(text('One two')), para(text('Three'))]);
    assert.deepEqual(parseMarkdown(''), []);
    assert.deepEqual(parseMarkdown('  \n\t\n'), []);
  });

  it('reads **bold** and *italic*, nested', () => {
    assert.deepEqual(parseMarkdown('a **b** c *d* e **f *g* h**'), [
      para(text('a '), { type: 'strong', children: [text('b')] }, text(' c '), { type: 'em', children: [text('d')] }, text(' e '), {
        type: 'strong',
        children: [text('f '), { type: 'em', children: [text('g')] }, text(' h')],
      }),
    ]);
  });

  it('leaves unmatched or spaced asterisks as text', () => {
    assert.deepEqual(parseMarkdown('2 * 3 = 6 and **not closed'), [para(text('2 * 3 = 6 and **not closed'))]);
    assert.deepEqual(parseMarkdown('** spaced **'), [para(text('** spaced **'))]);
  });

  it('honours backslash escapes', () => {
    assert.deepEqual(parseMarkdown('\\*not italic\\* and \\[not a link](https://x.test)'), [para(text('*not italic* and [not a link](https://x.test)'))]);
  });

  it('reads - and 1. lists, with lazy continuation lines and the start number', () => {
    assert.deepEqual(parseMarkdown('Intro\n- one\n- **two**\n  more\n\n3. three\n4. four'), [
      para(text('Intro')),
      { type: 'list', ordered: false, start: 1, items: [[text('one')], [{ type: 'strong', children: [text('two')] }, text(' more')]] },
      { type: 'list', ordered: true, start: 3, items: [[text('three')], [text('four')]] },
    ]);
    assert.deepEqual(parseMarkdown('- a\n1. b'), [
      { type: 'list', ordered: false, start: 1, items: [[text('a')]] },
      { type: 'list', ordered: true, start: 1, items: [[text('b')]] },
    ]);
  });

  it('does not treat other syntax as markup: headings, html, * bullets, code stay text', () => {
    assert.deepEqual(parseMarkdown('# Title'), [para(text('# Title'))]);
    assert.deepEqual(parseMarkdown('<b>hi</b> <script>alert(1)</script>'), [para(text('<b>hi</b> <script>alert(1)</script>'))]);
    assert.deepEqual(parseMarkdown('`code`'), [para(text('`code`'))]);
  });

  it('makes links of https:, tel:, mailto: and relative addresses, with formatted text', () => {
    const links = (source: string) =>
      parseMarkdown(source)
        .flatMap((b) => (b.type === 'paragraph' ? b.children : []))
        .filter((n) => n.type === 'link');
    assert.deepEqual(links('[**Call** us](tel:+12125550100)'), [
      { type: 'link', href: 'tel:+12125550100', children: [{ type: 'strong', children: [text('Call')] }, text(' us')] },
    ]);
    for (const href of ['https://clinic.example/a?b=c#d', 'HTTPS://X.TEST', 'mailto:care@clinic.example', '/privacy.html', 'terms', '#top', '?q=1', '../up']) {
      assert.deepEqual(
        links(`[x](${href})`).map((l) => l.type === 'link' && l.href),
        [href],
        href,
      );
    }
  });

  it('keeps links to any other scheme as the plain text that was written, and reports them', () => {
    const parse = (href: string) => {
      const rejected: string[] = [];
      const source = `[click](${href})`;
      const blocks = parseMarkdown(source, { onRejectedLink: (url) => rejected.push(url) });
      return { source, blocks, rejected, hasLink: JSON.stringify(blocks).includes('"type":"link"') };
    };
    for (const href of [
      'javascript:alert(1)',
      'JavaScript:alert`1`',
      'data:text/html,<b>',
      'http://clinic.example',
      'vbscript:x',
      'sms:988',
      '//evil.example/x',
      'https:\\\\evil.example',
    ]) {
      const { source, blocks, rejected, hasLink } = parse(href);
      assert.equal(hasLink, false, href);
      assert.deepEqual(blocks, [para(text(source))], href);
      assert.deepEqual(rejected, [href]);
    }
    // With white space inside, the text is not a link destination at all: still no link.
    assert.equal(parse('java\tscript:x').hasLink, false);
  });
});

describe('safeHref', () => {
  it('refuses control characters, spaces and backslashes that browsers strip or rewrite', () => {
    for (const href of ['java\nscript:alert(1)', ' javascript:alert(1)', 'javascript\u0000:x', '/\\evil.example', 'https://a b', '\u0085x']) {
      assert.equal(safeHref(href), null, JSON.stringify(href));
    }
    assert.equal(safeHref(''), null);
  });
});

// ---- properties ------------------------------------------------------------------------------

const BASE = 'https://clinic.example/intake/page';

/** Fragments that stress the parser: markup, schemes in many spellings, whitespace and controls. */
const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 6 }) },
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      '[',
      ']',
      '(',
      ')',
      '](',
      '*',
      '**',
      '\\',
      '-',
      '1.',
      ' ',
      '\n',
      '\n\n',
      '\t',
      '\r',
      ':',
      '/',
      '//',
      '#',
      '?',
      'javascript:',
      'JAVASCRIPT:',
      'java\tscript:',
      'jav&#x09;ascript:',
      'data:',
      'DaTa:',
      'vbscript:',
      'https:',
      'http:',
      'tel:',
      'mailto:',
      'sms:',
      'file:',
      'blob:',
      '\u0000',
      '\u00a0',
      '\u2028',
      '%0a',
      '&colon;',
      'alert(1)',
      'x',
      'word',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);
const markdownish = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(''));
const linkish = fc
  .tuple(fc.array(fragment, { maxLength: 4 }), fc.array(fragment, { maxLength: 6 }))
  .map(([label, url]) => `[${label.join('') || 'x'}](${url.join('')})`);
const input = fc.oneof(
  markdownish,
  linkish,
  fc.array(fc.oneof(markdownish, linkish), { maxLength: 4 }).map((p) => p.join(' ')),
);

function collectLinks(blocks: MarkdownBlock[]): string[] {
  const hrefs: string[] = [];
  const walk = (nodes: MarkdownInline[]) => {
    for (const node of nodes) {
      if (node.type === 'link') hrefs.push(node.href);
      if (node.type !== 'text') walk(node.children);
    }
  };
  for (const block of blocks) (block.type === 'paragraph' ? [block.children] : block.items).forEach(walk);
  return hrefs;
}

/** All text and link addresses in document order (a link's text before its address). */
function allText(blocks: MarkdownBlock[]): string {
  const walk = (nodes: MarkdownInline[]): string =>
    nodes.map((node) => (node.type === 'text' ? node.text : walk(node.children) + (node.type === 'link' ? node.href : ''))).join('');
  return blocks.map((block) => (block.type === 'paragraph' ? walk(block.children) : block.items.map(walk).join(''))).join('');
}

describe('markdown properties', () => {
  it('a text the plain reading lets through reads exactly as the parser reads it', () => {
    // Plain prose with line breaks, blank lines, indents and Unicode spaces, and markdown-ish input.
    const prose = fc
      .array(
        fc.constantFrom('Take', 'your', 'medicine', '2.', '3', '-', '—', ' ', '  ', '\t', '\n', '\n\n', '\r\n', '\u00a0', '\u2028', 'é', '.', ':', '#', '_'),
        {
          maxLength: 40,
        },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(prose, input, fc.string({ unit: 'grapheme', maxLength: 40 })), (source) => {
        fc.pre(!needsMarkdownParser(source));
        assert.deepEqual(plainParagraphs(source), parseMarkdown(source));
      }),
      { numRuns: 3000 },
    );
    // Both kinds come up: the property is not true only because nothing passes.
    assert.equal(needsMarkdownParser('Stop eating\n\nsix hours before. Drink water — 2 glasses.'), false);
    for (const marked of ['a **b**', 'see [x](https://a.example)', 'a\\*b', '- one', '  12. twelve']) assert.equal(needsMarkdownParser(marked), true, marked);
  });

  it('never yields a link outside https:, tel:, mailto: or the page’s own origin', () => {
    fc.assert(
      fc.property(input, (source) => {
        for (const href of collectLinks(parseMarkdown(source))) {
          assert.doesNotMatch(href.replace(/[\s\u0000-\u001f]/g, ''), /^(javascript|data|vbscript):/i);
          // An address the URL parser rejects is inert in a browser: following it does nothing.
          if (!URL.canParse(href, BASE)) continue;
          const url = new URL(href, BASE);
          assert.ok(['https:', 'tel:', 'mailto:'].includes(url.protocol), `${JSON.stringify(href)} → ${url.href}`);
          // Without a scheme of its own, it stays on the page's origin.
          assert.ok(/^[a-z][a-z0-9+.-]*:/i.test(href) || url.origin === new URL(BASE).origin, JSON.stringify(href));
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('never loses text: every letter and digit of the input is in the output, in order (list numbers aside)', () => {
    fc.assert(
      fc.property(input, (source) => {
        const withoutListNumbers = source
          .replace(/\r\n?/g, '\n')
          .split('\n')
          .map((line) => line.replace(/^ {0,3}\d{1,9}\. +(?=\S)/, ''))
          .join('\n');
        const letters = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');
        assert.equal(letters(allText(parseMarkdown(source))), letters(withoutListNumbers));
      }),
      { numRuns: 5000 },
    );
  });

  it('markdownToText gives the text without formatting', () => {
    assert.equal(markdownToText(parseMarkdown('**Bold** and [a link](https://x.test)\n\n- one\n- two')), 'Bold and a link\none\ntwo');
  });
});
