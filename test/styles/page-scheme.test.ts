/**
 * The rules by which an element reads the page around it (src/styles/page-scheme.ts): which pages
 * count as dark when they declare no `color-scheme`, and when the element frames itself.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contrastRatio, pageLooksDark, parseRgb, relativeLuminance, standsApart, type Rgba } from '../../src/styles/page-scheme.js';

const colour = (value: string): Rgba => parseRgb(value)!;
const WHITE = colour('rgb(255, 255, 255)');
const BLACK = colour('rgb(0, 0, 0)');

describe('parseRgb', () => {
  it('reads the forms getComputedStyle writes', () => {
    assert.deepEqual(parseRgb('rgb(28, 38, 43)'), { r: 28, g: 38, b: 43, a: 1 });
    assert.deepEqual(parseRgb('rgba(0, 0, 0, 0)'), { r: 0, g: 0, b: 0, a: 0 });
    assert.deepEqual(parseRgb('rgb(10 20 30 / 50%)'), { r: 10, g: 20, b: 30, a: 0.5 });
  });
  it('leaves other colour spaces to the caller', () => {
    assert.equal(parseRgb('oklch(0.21 0.034 264.665)'), undefined);
    assert.equal(parseRgb('transparent'), undefined);
  });
});

describe('contrast', () => {
  it('matches WCAG 2', () => {
    assert.equal(relativeLuminance(WHITE), 1);
    assert.equal(relativeLuminance(BLACK), 0);
    assert.equal(contrastRatio(WHITE, BLACK), 21);
    assert.equal(contrastRatio(BLACK, WHITE), 21);
    // The default text on the default background (README, Theming).
    assert.ok(contrastRatio(colour('rgb(28, 38, 43)'), WHITE) > 15);
  });
});

describe('pageLooksDark', () => {
  const page = (background: string | undefined, text: string, colorScheme = 'normal') => ({
    colorScheme,
    background: background === undefined ? undefined : colour(background),
    text: colour(text),
  });

  it('is dark behind a dark background', () => {
    assert.equal(pageLooksDark(page('rgb(18, 20, 23)', 'rgb(232, 230, 227)')), true);
    assert.equal(pageLooksDark(page('rgb(47, 93, 98)', 'rgb(255, 255, 255)')), true, 'a deep brand colour');
  });
  it('is light behind a light background, whatever the text colour', () => {
    assert.equal(pageLooksDark(page('rgb(251, 250, 247)', 'rgb(31, 42, 44)')), false);
    assert.equal(pageLooksDark(page('rgb(255, 255, 255)', 'rgb(255, 0, 0)')), false);
  });
  it('with no background, goes by the text: light text means a dark page, red text does not', () => {
    assert.equal(pageLooksDark(page(undefined, 'rgb(232, 230, 227)')), true);
    assert.equal(pageLooksDark(page(undefined, 'rgb(255, 0, 0)')), false, '* { color: red } on a white canvas');
    assert.equal(pageLooksDark(page(undefined, 'rgb(0, 0, 0)')), false);
  });
  it('never overrides a page that declares its color-scheme', () => {
    assert.equal(pageLooksDark(page('rgb(18, 20, 23)', 'rgb(232, 230, 227)', 'light')), false);
    assert.equal(pageLooksDark(page('rgb(18, 20, 23)', 'rgb(232, 230, 227)', 'light dark')), false);
  });
});

describe('standsApart', () => {
  const DARK = colour('rgb(17, 26, 29)');
  it('frames a light element on a dark page and a dark one on a white canvas', () => {
    assert.equal(standsApart(WHITE, { colorScheme: 'normal', background: colour('rgb(18, 20, 23)'), text: undefined }), true);
    assert.equal(standsApart(DARK, { colorScheme: 'normal', background: undefined, text: undefined }), true);
  });
  it('does not frame an element that matches what is behind it', () => {
    assert.equal(standsApart(WHITE, { colorScheme: 'normal', background: colour('rgb(251, 250, 247)'), text: undefined }), false);
    assert.equal(standsApart(DARK, { colorScheme: 'normal', background: colour('rgb(18, 20, 23)'), text: undefined }), false);
    assert.equal(standsApart(WHITE, { colorScheme: 'normal', background: undefined, text: undefined }), false);
  });
  it('does not guess the canvas of a page that declares a scheme', () => {
    assert.equal(standsApart(DARK, { colorScheme: 'light dark', background: undefined, text: undefined }), false);
  });
  it('never frames a transparent element', () => {
    assert.equal(standsApart(colour('rgba(0, 0, 0, 0)'), { colorScheme: 'normal', background: colour('rgb(18, 20, 23)'), text: undefined }), false);
  });
});
