/**
 * WCAG 2.2 contrast (src/theme/contrast.ts) against pairs whose ratios are published, and the
 * theme's pairs (src/theme/theme-tokens.ts): which fail, and what `GET clinic` serves.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatRatio, hexContrast, mix, relativeLuminance, rgbOf } from '../../src/theme/contrast.js';
import { contrastChecks, DEFAULT_THEME, themeTokens } from '../../src/theme/theme-tokens.js';

const near = (actual: number, expected: number, places = 2) => assert.equal(actual.toFixed(places), expected.toFixed(places));

describe('contrast ratio', () => {
  it('is 21:1 for black on white and 1:1 for a colour on itself, in either order', () => {
    assert.equal(hexContrast('#000000', '#ffffff'), 21);
    assert.equal(hexContrast('#ffffff', '#000000'), 21);
    assert.equal(hexContrast('#1b5e63', '#1b5e63'), 1);
  });

  it('matches known pairs: #767676 is the lightest grey that passes 4.5:1 on white, #777777 fails', () => {
    near(hexContrast('#767676', '#ffffff'), 4.54);
    near(hexContrast('#777777', '#ffffff'), 4.48);
    assert.ok(hexContrast('#767676', '#ffffff') >= 4.5);
    assert.ok(hexContrast('#777777', '#ffffff') < 4.5);
    // Pure red and pure blue on white (WebAIM's checker: 4.00:1 and 8.59:1); #959595 is 3:1 on white.
    near(hexContrast('#ff0000', '#ffffff'), 4.0);
    near(hexContrast('#0000ff', '#ffffff'), 8.59);
    near(hexContrast('#949494', '#ffffff'), 3.03);
  });

  it('uses the sRGB transfer function with the 0.04045 threshold', () => {
    near(relativeLuminance(rgbOf('#808080')), 0.2159, 4);
    near(relativeLuminance(rgbOf('#0a0a0a')), 10 / 255 / 12.92, 6);
  });

  it('rounds down when it shows a ratio, so 4.48 never reads as 4.5', () => {
    assert.equal(formatRatio(4.48), '4.4:1');
    assert.equal(formatRatio(21), '21:1');
  });

  it('mixes as color-mix(in srgb) does', () => {
    assert.equal(mix('#000000', '#ffffff', 0.5), '#808080');
    assert.equal(mix('#ff0000', '#0000ff', 1), '#ff0000');
  });
});

describe('theme contrast checks', () => {
  it('passes every pair of the built-in colours, light and dark', () => {
    const checks = contrastChecks(DEFAULT_THEME);
    assert.equal(checks.length, 16);
    assert.deepEqual(
      checks.filter((check) => !check.passes),
      [],
    );
  });

  it('names the failing pairs, with their ratio and what they need', () => {
    const theme = { ...DEFAULT_THEME, light: { ...DEFAULT_THEME.light, text: '#949494', focus: '#dddddd' } };
    const failing = contrastChecks(theme).filter((check) => !check.passes);
    assert.deepEqual(
      failing.map(({ id, scheme, needs }) => ({ id, scheme, needs })),
      [
        { id: 'text-background', scheme: 'light', needs: 4.5 },
        { id: 'text-surface', scheme: 'light', needs: 4.5 },
        // The field borders are mostly text: too light a text makes them too light too.
        { id: 'border-background', scheme: 'light', needs: 3 },
        { id: 'focus-background', scheme: 'light', needs: 3 },
      ],
    );
    near(failing[0]!.ratio, 3.03);
  });

  it('puts white or black on the brand colour, whichever passes', () => {
    const light = (brand: string) => contrastChecks({ ...DEFAULT_THEME, light: { ...DEFAULT_THEME.light, brand } }).find((c) => c.id === 'button-text')!;
    assert.ok(light('#ffe066').passes, 'black on yellow');
    assert.ok(light('#003366').passes, 'white on navy');
  });

  it('serves light-dark() colours and sizes with a floor, named without the --kap- prefix', () => {
    const tokens = themeTokens({ ...DEFAULT_THEME, baseSize: 18, radius: 0, density: 'compact', font: 'system' });
    assert.equal(tokens['color-primary'], 'light-dark(#1b5e63, #86d3d8)');
    assert.equal(tokens['color-on-primary'], 'light-dark(#ffffff, #000000)');
    assert.equal(tokens['font-size'], 'max(1.125rem, 18px)');
    assert.equal(tokens['radius'], '0px');
    assert.equal(tokens['space'], 'max(0.75rem, 12px)');
    assert.match(tokens['font-family']!, /^system-ui/);
    for (const [name, value] of Object.entries(tokens)) {
      assert.match(name, /^[a-z-]+$/);
      assert.doesNotMatch(value, /[;{}]/);
    }
  });
});
