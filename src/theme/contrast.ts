/**
 * Contrast as WCAG 2.2 defines it (success criteria 1.4.3 and 1.4.11): the relative luminance of
 * an sRGB colour and the ratio of two, from 1:1 to 21:1. Pure, the one home of this rule: the
 * elements read the page behind them with it (src/styles/page-scheme.ts), the server refuses to
 * publish a theme that fails it and the console's Theme screen checks each colour as it is picked.
 */

/** Text needs 4.5:1 against what it sits on (1.4.3, AA); controls' boundaries and focus indicators 3:1 (1.4.11). */
export const TEXT_CONTRAST = 4.5;
export const NON_TEXT_CONTRAST = 3;

/** An sRGB colour, each channel 0–255. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance({ r, g, b }: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio, 1 to 21, whichever colour is lighter: (L1 + 0.05) / (L2 + 0.05). */
export function contrastRatio(first: Rgb, second: Rgb): number {
  const [light, dark] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The channels of `#rrggbb`. */
export function rgbOf(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1, 7), 16);
  return { r: (value >> 16) & 255, g: (value >> 8) & 255, b: value & 255 };
}

/** `#rrggbb` of channels, rounded. */
export function hexOf({ r, g, b }: Rgb): string {
  return `#${[r, g, b]
    .map((channel) =>
      Math.round(Math.min(255, Math.max(0, channel)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** The contrast ratio of two `#rrggbb` colours. */
export function hexContrast(first: string, second: string): number {
  return contrastRatio(rgbOf(first), rgbOf(second));
}

/** A ratio as people read it, rounded down so a failing one never reads as passing: `4.49` → `4.4:1`. */
export function formatRatio(ratio: number): string {
  return `${Math.floor(ratio * 10) / 10}:1`;
}

/** `amount` (0–1) of `first` mixed into `second`, channel by channel, as CSS `color-mix(in srgb, first amount, second)` does. */
export function mix(first: string, second: string, amount: number): string {
  const [a, b] = [rgbOf(first), rgbOf(second)];
  const channel = (key: keyof Rgb) => a[key] * amount + b[key] * (1 - amount);
  return hexOf({ r: channel('r'), g: channel('g'), b: channel('b') });
}
