/**
 * The clinic's published theme (`GET clinic` `theme`), applied to one element once the backend has
 * answered it. Each property feeds the element's private copy as the fallback of the public one —
 * `--_color-primary: var(--kap-color-primary, <theme>)` — in a constructed style sheet adopted
 * after the element's own (CSP-safe: no style attribute, nothing in `style-src`), so a `--kap-*`
 * the page sets on the element or any ancestor still wins. Each is set through the CSSOM, which
 * refuses a value that would end its declaration. A clinic that cannot be read, or an older
 * backend without a theme, leaves the built-in look.
 */
import type { ApiConnection } from '../api/connection.js';
import { readClinic } from './clinic-read.js';

export async function applyClinicTheme(root: ShadowRoot, client: ApiConnection, signal: AbortSignal): Promise<void> {
  try {
    const { theme } = await readClinic(client, signal);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(':host{}');
    const rule = (sheet.cssRules[0] as CSSStyleRule).style;
    for (const [name, value] of Object.entries(theme?.tokens ?? {})) rule.setProperty(`--_${name}`, `var(--kap-${name},${value})`);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // No theme: the element keeps its own colours.
  }
}
