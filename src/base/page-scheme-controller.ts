/**
 * Reads the colours of the page around an element and tells its styles through two custom states
 * (see src/styles/page-scheme.ts for the rules):
 *
 * - `:state(dark-page)`: no `theme`, no declared `color-scheme`, and a dark page behind it; the
 *   tokens then resolve to the dark colours.
 * - `:state(framed)`: the element's background stands apart from the page's, so it pads itself.
 *
 * It looks after the first render, when `theme` changes, when the reader's system scheme changes,
 * and when the page's `<html>` or `<body>` changes class or style (how sites switch themes).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { OPAQUE_ENOUGH, pageLooksDark, parseRgb, standsApart, type PageColours, type Rgba } from '../styles/page-scheme.js';

export const DARK_PAGE_STATE = 'dark-page';
export const FRAMED_STATE = 'framed';

type SchemeHost = ReactiveControllerHost & HTMLElement & { theme?: string | undefined; renderRoot: ParentNode };

let painter: CanvasRenderingContext2D | null | undefined;

/** Any computed colour as sRGB: `rgb()` directly, other spaces (`oklch()`, `color()`) by painting one pixel. */
function toRgba(value: string): Rgba | undefined {
  const parsed = parseRgb(value);
  if (parsed) return parsed;
  painter ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!painter) return undefined;
  painter.clearRect(0, 0, 1, 1);
  painter.fillStyle = value;
  painter.fillRect(0, 0, 1, 1);
  const [r = 0, g = 0, b = 0, a = 0] = painter.getImageData(0, 0, 1, 1).data;
  return { r, g, b, a: a / 255 };
}

/** The element's parent as it is rendered: its slot, its parent element, or its shadow root's host. */
function renderedParent(element: Element): Element | null {
  if (element.assignedSlot) return element.assignedSlot;
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The page's colours where `host` sits: read from its parent, which the element's own rules do not touch. */
function pageColours(host: HTMLElement): PageColours {
  const parent = renderedParent(host);
  let background: Rgba | undefined;
  for (let element = parent; element && !background; element = renderedParent(element)) {
    const colour = toRgba(getComputedStyle(element).backgroundColor);
    if (colour && colour.a >= OPAQUE_ENOUGH) background = colour;
  }
  const around = getComputedStyle(parent ?? document.documentElement);
  return { colorScheme: around.colorScheme || 'normal', background, text: toRgba(getComputedStyle(host).color) };
}

export class PageSchemeController implements ReactiveController {
  readonly #host: SchemeHost;
  #states: CustomStateSet | undefined;
  #observer: MutationObserver | undefined;
  #media: MediaQueryList | undefined;
  #frame = 0;
  #checkedTheme: string | undefined | null = null;

  constructor(host: SchemeHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#checkedTheme = null;
    this.#schedule(); // on a page (again, after a move): look once it has rendered, and watch from then on
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#media?.removeEventListener('change', this.#schedule);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  /** Watches the page for what changes its colours, from the first look on: nothing before it needs to be seen. */
  #watch(): void {
    if (this.#observer) return;
    this.#observer = new MutationObserver(this.#schedule);
    this.#observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] });
    if (document.body) this.#observer.observe(document.body, { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] });
    this.#media = window.matchMedia?.('(prefers-color-scheme: dark)');
    this.#media?.addEventListener('change', this.#schedule);
  }

  /**
   * A new `theme` is looked at in the next frame, before it is painted: reading computed styles
   * right after a render would force the browser to lay out the whole new tree at once, on the
   * render's own clock (the first render, above all).
   */
  hostUpdated(): void {
    if (this.#checkedTheme !== (this.#host.theme ?? undefined)) this.#schedule();
  }

  /** Reads the page now and sets the two states. */
  check(): void {
    const theme = this.#host.theme ?? undefined;
    this.#checkedTheme = theme;
    const states = this.#statesOf();
    if (!states) return;
    const page = pageColours(this.#host);
    this.#set(states, DARK_PAGE_STATE, !theme && pageLooksDark(page));
    const base = this.#host.renderRoot.querySelector('[part~="base"]');
    const own = base ? toRgba(getComputedStyle(base).backgroundColor) : undefined;
    this.#set(states, FRAMED_STATE, !!own && standsApart(own, page));
  }

  readonly #schedule = (): void => {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#watch();
      this.check();
    });
  };

  #statesOf(): CustomStateSet | undefined {
    if (!this.#states) {
      try {
        this.#states = this.#host.attachInternals().states;
      } catch {
        return undefined; // no custom states in this browser: the element keeps its declared scheme
      }
    }
    return this.#states;
  }

  #set(states: CustomStateSet, state: string, on: boolean): void {
    if (on) states.add(state);
    else states.delete(state);
  }
}
