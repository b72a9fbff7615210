/**
 * What a theme (src/api/theme.ts) makes of the elements' colours and sizes, in one place: the
 * colours derived from the five the marketer picks (the text on a button, panels, field borders),
 * the contrast pairs WCAG 2.2 AA asks of them, and the custom properties `GET clinic` serves.
 * The server refuses to publish while any pair fails; the console names each failing pair live.
 */
import type { Theme, ThemeColours } from '../api/theme.js';
import { formatRatio, hexContrast, mix, NON_TEXT_CONTRAST, TEXT_CONTRAST } from './contrast.js';

/** The colours the elements use, of one scheme. */
export interface SchemeColours extends ThemeColours {
  /** The label of a brand-coloured button: white or black, whichever stands out more. */
  onBrand: string;
  /** Panels and chosen rows: the background with a little of the text in it. */
  surface: string;
  /** Field and control borders: mostly text. */
  border: string;
}

export function schemeColours(colours: ThemeColours): SchemeColours {
  const onBrand = hexContrast('#ffffff', colours.brand) >= hexContrast('#000000', colours.brand) ? '#ffffff' : '#000000';
  return { ...colours, onBrand, surface: mix(colours.text, colours.background, 0.06), border: mix(colours.text, colours.background, 0.7) };
}

/** The pairs checked, by the words the console and the server's refusal use. */
export const CONTRAST_PAIRS = [
  { id: 'text-background', fore: 'text', back: 'background', needs: TEXT_CONTRAST },
  { id: 'text-surface', fore: 'text', back: 'surface', needs: TEXT_CONTRAST },
  { id: 'brand-background', fore: 'brand', back: 'background', needs: TEXT_CONTRAST },
  { id: 'brand-surface', fore: 'brand', back: 'surface', needs: TEXT_CONTRAST },
  { id: 'button-text', fore: 'onBrand', back: 'brand', needs: TEXT_CONTRAST },
  { id: 'error-background', fore: 'error', back: 'background', needs: TEXT_CONTRAST },
  { id: 'border-background', fore: 'border', back: 'background', needs: NON_TEXT_CONTRAST },
  { id: 'focus-background', fore: 'focus', back: 'background', needs: NON_TEXT_CONTRAST },
] as const satisfies readonly { id: string; fore: keyof SchemeColours; back: keyof SchemeColours; needs: number }[];

export type ContrastPairId = (typeof CONTRAST_PAIRS)[number]['id'];

/** The English words for a pair, as the server's refusal names it (the console has its own, in en and es). */
export const CONTRAST_PAIR_WORDS: Record<ContrastPairId, string> = {
  'text-background': 'Text on background',
  'text-surface': 'Text on panels',
  'brand-background': 'Brand colour (links, outlined buttons) on background',
  'brand-surface': 'Brand colour on panels',
  'button-text': 'Button text on brand colour',
  'error-background': 'Error messages on background',
  'border-background': 'Field borders on background',
  'focus-background': 'Focus indicator on background',
};

export interface ContrastCheck {
  id: ContrastPairId;
  scheme: 'light' | 'dark';
  ratio: number;
  needs: number;
  passes: boolean;
}

/** Every pair of both schemes, failing or not, in a fixed order. */
export function contrastChecks(theme: Pick<Theme, 'light' | 'dark'>): ContrastCheck[] {
  return (['light', 'dark'] as const).flatMap((scheme) => {
    const colours = schemeColours(theme[scheme]);
    return CONTRAST_PAIRS.map(({ id, fore, back, needs }) => {
      const ratio = hexContrast(colours[fore], colours[back]);
      return { id, scheme, ratio, needs, passes: ratio >= needs };
    });
  });
}

const FONTS: Record<Theme['font'], string> = {
  system: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  inherit: 'inherit',
};
/** `--kap-space` by density, in rem with a px floor like the built-in 1 rem / 16 px. */
const SPACE: Record<Theme['density'], string> = {
  compact: 'max(0.75rem, 12px)',
  comfortable: 'max(1rem, 16px)',
  spacious: 'max(1.25rem, 20px)',
};

/**
 * The theme as custom properties, named without their prefix: the elements read each as the
 * fallback of the public `--kap-<name>` (so a page's own `--kap-*` still wins). Colours are
 * `light-dark()` pairs, resolved where the element's colour scheme is.
 */
export function themeTokens(theme: Theme): Record<string, string> {
  const light = schemeColours(theme.light);
  const dark = schemeColours(theme.dark);
  const pair = (key: keyof SchemeColours) => `light-dark(${light[key]}, ${dark[key]})`;
  return {
    'color-primary': pair('brand'),
    'color-on-primary': pair('onBrand'),
    'color-text': pair('text'),
    'color-muted': pair('text'),
    'color-background': pair('background'),
    'color-surface': pair('surface'),
    'color-border': pair('border'),
    'color-error': pair('error'),
    'color-focus': pair('focus'),
    'font-family': FONTS[theme.font],
    'font-size': `max(${theme.baseSize / 16}rem, ${theme.baseSize}px)`,
    radius: `${theme.radius}px`,
    space: SPACE[theme.density],
  };
}

/** The elements' own colours and sizes (src/styles/tokens.ts), where a clinic starts from. */
export const DEFAULT_THEME: Theme = {
  light: { brand: '#1b5e63', text: '#1c262b', background: '#ffffff', focus: '#1f4fd1', error: '#b3261e' },
  dark: { brand: '#86d3d8', text: '#eef3f4', background: '#111a1d', focus: '#ffc94a', error: '#ff9b8f' },
  font: 'inherit',
  baseSize: 16,
  radius: 6,
  density: 'comfortable',
};

/** The failing pairs in English, one sentence each: "Text on background (light): 3.2:1, needs 4.5:1." */
export function contrastFailures(theme: Pick<Theme, 'light' | 'dark'>): string[] {
  return contrastChecks(theme)
    .filter((check) => !check.passes)
    .map((check) => `${CONTRAST_PAIR_WORDS[check.id]} (${check.scheme}): ${formatRatio(check.ratio)}, needs ${check.needs}:1.`);
}
