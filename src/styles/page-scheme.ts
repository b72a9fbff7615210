/**
 * How an element sits on the page around it, from colours the browser computed: plain functions,
 * no DOM, so they are tested in Node (test/styles/page-scheme.test.ts).
 *
 * A page that declares no `color-scheme` gets the light colours by default; on a dark site that
 * would be a white slab. So when the page declares none (and the element has no `theme`), the
 * element reads what is behind it: a dark background, or light text over no background at all,
 * means a dark page, and the element takes its dark colours. When its own background still stands
 * apart from the page's (a forced theme, a brand-coloured band), it frames itself with padding so
 * its text never touches the edge of a slab.
 */
import { contrastRatio, relativeLuminance } from '../theme/contrast.js';

/** sRGB channels 0–255 and alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

const RGB = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/i;

/** `rgb(…)`/`rgba(…)` as `getComputedStyle` writes sRGB colours; `undefined` for any other form. */
export function parseRgb(value: string): Rgba | undefined {
  const match = RGB.exec(value.trim());
  if (!match) return undefined;
  const alpha = match[4] === undefined ? 1 : match[4].endsWith('%') ? Number.parseFloat(match[4]) / 100 : Number(match[4]);
  return { r: Number(match[1]), g: Number(match[2]), b: Number(match[3]), a: alpha };
}

export { contrastRatio, relativeLuminance };

/** Below this luminance a background reads as dark: black text would contrast less than white. */
const DARK_BACKGROUND = 0.179;
/** Text this light only makes sense on a dark page. */
const LIGHT_TEXT = 0.5;
/** The element frames itself when its background and the page's differ by more than this ratio. */
const FRAME_CONTRAST = 1.2;

/** Alpha at or above which a background hides what is behind it, for this purpose. */
export const OPAQUE_ENOUGH = 0.5;

export interface PageColours {
  /** The page's declared `color-scheme` where the element sits (`normal` when none). */
  colorScheme: string;
  /** The nearest ancestor background that is opaque enough; `undefined` when there is none. */
  background: Rgba | undefined;
  /** The text colour the element inherits from the page. */
  text: Rgba | undefined;
}

/** Whether an element with no `theme` should take its dark colours on this page. */
export function pageLooksDark(page: PageColours): boolean {
  if (page.colorScheme.trim() !== 'normal') return false; // the page said what it wants
  if (page.background) return relativeLuminance(page.background) < DARK_BACKGROUND;
  return !!page.text && relativeLuminance(page.text) > LIGHT_TEXT;
}

const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };

/**
 * Whether the element's own background stands apart from what is behind it. With no opaque
 * background on the page, that is the canvas: white on a page that declares no scheme; on a page
 * that declares one, the scheme's canvas, whose colours the element then shares.
 */
export function standsApart(own: Rgba, page: PageColours): boolean {
  if (own.a < OPAQUE_ENOUGH) return false;
  const behind = page.background ?? (page.colorScheme.trim() === 'normal' ? WHITE : undefined);
  return !!behind && contrastRatio(own, behind) > FRAME_CONTRAST;
}
