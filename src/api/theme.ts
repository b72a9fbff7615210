/**
 * The clinic's theme for its elements, as the marketer sets it in the console's Theme screen
 * (`staff/theme…`) and `npm run clinic -- export / import` carries it: five colours for light
 * pages and five for dark ones, the font, base size, corner radius and density. `GET clinic` serves
 * the published one as CSS custom properties (src/theme/theme-tokens.ts). Not imported by the elements.
 */
import * as z from 'zod/mini';

/** A colour as `#rrggbb`. */
export const HexColour = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'Expected a colour such as #1b5e63'));

/** The five colours of one scheme (light or dark). */
export const ThemeColours = z.object({
  /** Buttons, links, the chosen time. */
  brand: HexColour,
  text: HexColour,
  background: HexColour,
  /** The focus indicator around the control the keyboard is on. */
  focus: HexColour,
  /** Error messages and the fields they name. */
  error: HexColour,
});
export type ThemeColours = z.infer<typeof ThemeColours>;

export const THEME_FONTS = ['system', 'inherit'] as const;
export const THEME_DENSITIES = ['compact', 'comfortable', 'spacious'] as const;

export const Theme = z.object({
  light: ThemeColours,
  dark: ThemeColours,
  /** `system`: the device's own interface font; `inherit`: the font of the site around the element. */
  font: z.enum(THEME_FONTS),
  /** The text size in CSS px (16–24): never below 16, whatever the site's root size. */
  baseSize: z.number().check(z.int(), z.gte(16), z.lte(24)),
  /** The corner radius of fields, buttons and panels, in CSS px (0–24). */
  radius: z.number().check(z.int(), z.gte(0), z.lte(24)),
  /** The space between and inside parts; targets stay at least 44 px whatever it is. */
  density: z.enum(THEME_DENSITIES),
});
export type Theme = z.infer<typeof Theme>;

/** The theme as the clinic keeps it: the draft the marketer edits, and the published one `GET clinic` serves. */
export const ConfiguredTheme = z.object({
  draft: z.optional(Theme),
  published: z.optional(z.object({ theme: Theme, publishedAt: z.string() })),
});
export type ConfiguredTheme = z.infer<typeof ConfiguredTheme>;

/** `PUT staff/theme/draft`. */
export const ThemeDraftUpdate = z.object({ draft: Theme });
/** `GET staff/theme`, `PUT staff/theme/draft`, `POST staff/theme/publish`. */
export const ThemeResponse = z.object({ theme: ConfiguredTheme });
