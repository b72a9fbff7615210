import type { CSSResult } from 'lit';

/**
 * Adopts `styles` into `host`'s shadow root after its own, each once: for views that come in a chunk
 * with their styles, so a page that never shows them never loads them. The element's own styles
 * come first, as Lit adopts them; these follow, as later rules of the same sheet would.
 */
export function addStyles(host: Element, styles: readonly CSSResult[]): void {
  const root = host.shadowRoot;
  if (!root) return;
  const sheets = styles.map((style) => style.styleSheet).filter((sheet) => !!sheet && !root.adoptedStyleSheets.includes(sheet)) as CSSStyleSheet[];
  if (sheets.length) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
}
