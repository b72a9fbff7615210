/**
 * The markdown subset for text that clinic staff write (intros, consent, display text): paragraphs
 * (separated by a blank line), `**bold**`, `*italic*`, `-` and `1.` lists, and `[text](url)` links
 * whose address is `https:`, `tel:`, `mailto:` or relative to the page. Everything else, including
 * a link to any other address, stays plain text, exactly as written. A backslash escapes the
 * next punctuation character.
 *
 * The result is a small tree, never HTML: the element renders it into Lit templates, so no text
 * written here can become markup.
 */

export type MarkdownInline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: MarkdownInline[] }
  | { type: 'em'; children: MarkdownInline[] }
  | { type: 'link'; href: string; children: MarkdownInline[] };

export type MarkdownBlock = { type: 'paragraph'; children: MarkdownInline[] } | { type: 'list'; ordered: boolean; start: number; items: MarkdownInline[][] };

export interface MarkdownOptions {
  /** Called with the address of every link left as plain text because its scheme is not allowed. */
  onRejectedLink?: (url: string) => void;
}

/**
 * The address if a link may point there, else `null`: `https:`, `tel:` and `mailto:` addresses,
 * and relative ones (`/privacy`, `#top`, `terms.html`), but not protocol-relative (`//host`).
 * Addresses with spaces, control characters or backslashes are refused, since browsers strip or
 * rewrite those in ways that can change the scheme.
 */
export function safeHref(url: string): string | null {
  if (url === '' || /[\u0000-\u0020\u007f-\u009f\\]/.test(url)) return null;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  if (scheme) return ['https', 'tel', 'mailto'].includes(scheme[1]!.toLowerCase()) ? url : null;
  return url.startsWith('//') ? null : url;
}

export function parseMarkdown(source: string, options: MarkdownOptions = {}): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; start: number; items: string[] } | undefined;
  const inline = (text: string) => parseInline(text, options, true);
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', children: inline(paragraph.join(' ')) });
    if (list) blocks.push({ type: 'list', ordered: list.ordered, start: list.start, items: list.items.map(inline) });
    paragraph = [];
    list = undefined;
  };
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const bullet = /^ {0,3}- +(\S.*)$/s.exec(line);
    const numbered = bullet ? null : /^ {0,3}(\d{1,9})\. +(\S.*)$/s.exec(line);
    if (bullet || numbered) {
      const ordered = !!numbered;
      const text = (bullet ? bullet[1] : numbered![2])!.trim();
      if (paragraph.length || (list && list.ordered !== ordered)) flush();
      if (list) list.items.push(text);
      else list = { ordered, start: numbered ? Number(numbered[1]) : 1, items: [text] };
    } else if (list) {
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

const ESCAPABLE = /[!-/:-@[-`{-~]/;

function parseInline(text: string, options: MarkdownOptions, links: boolean): MarkdownInline[] {
  const nodes: MarkdownInline[] = [];
  let plain = '';
  const push = (node: MarkdownInline) => {
    if (plain) nodes.push({ type: 'text', text: plain });
    plain = '';
    nodes.push(node);
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '\\' && i + 1 < text.length && ESCAPABLE.test(text[i + 1]!)) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (char === '*') {
      const marker = text.startsWith('**', i) ? '**' : '*';
      const end = closingMarker(text, i + marker.length, marker);
      if (end !== -1) {
        const children = parseInline(text.slice(i + marker.length, end), options, links);
        push({ type: marker === '**' ? 'strong' : 'em', children });
        i = end + marker.length;
        continue;
      }
      plain += marker;
      i += marker.length;
      continue;
    }
    if (char === '[' && links) {
      const link = linkAt(text, i);
      if (link) {
        const href = safeHref(link.url);
        if (href !== null) {
          push({ type: 'link', href, children: parseInline(link.label, options, false) });
        } else {
          options.onRejectedLink?.(link.url);
          plain += text.slice(i, link.end);
        }
        i = link.end;
        continue;
      }
    }
    plain += char;
    i++;
  }
  if (plain) nodes.push({ type: 'text', text: plain });
  return nodes;
}

/**
 * Where the emphasis opened at `from` closes: the next unescaped `marker` (a lone `*` for
 * italic, skipping `**` pairs) with non-space text on both inner sides; -1 if none.
 */
function closingMarker(text: string, from: number, marker: string): number {
  if (from >= text.length || /\s/.test(text[from]!)) return -1;
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\\') {
      j++;
      continue;
    }
    if (text[j] !== '*') continue;
    if (marker === '*' && text[j + 1] === '*') {
      const pairEnd = closingMarker(text, j + 2, '**');
      if (pairEnd === -1) return -1;
      j = pairEnd + 1;
      continue;
    }
    if (marker === '**' && text[j + 1] !== '*') continue;
    if (j > from && !/\s/.test(text[j - 1]!)) return j;
  }
  return -1;
}

/** A `[label](url)` starting at `start`: the label has no unescaped brackets, the url no spaces and only balanced parentheses. */
function linkAt(text: string, start: number): { label: string; url: string; end: number } | undefined {
  let j = start + 1;
  while (j < text.length && text[j] !== ']') {
    if (text[j] === '[') return undefined;
    j += text[j] === '\\' ? 2 : 1;
  }
  if (j >= text.length || j === start + 1 || text[j + 1] !== '(') return undefined;
  let depth = 0;
  for (let k = j + 2; k < text.length; k++) {
    const char = text[k]!;
    if (/\s/.test(char)) return undefined;
    if (char === '(') depth++;
    else if (char === ')' && depth-- === 0) return { label: text.slice(start + 1, j), url: text.slice(j + 2, k), end: k + 1 };
  }
  return undefined;
}

/** The text of a tree without formatting (link addresses left out), paragraphs and list items on separate lines. */
export function markdownToText(blocks: readonly MarkdownBlock[]): string {
  const flat = (nodes: readonly MarkdownInline[]): string => nodes.map((node) => (node.type === 'text' ? node.text : flat(node.children))).join('');
  return blocks.map((block) => (block.type === 'paragraph' ? flat(block.children) : block.items.map(flat).join('\n'))).join('\n');
}
