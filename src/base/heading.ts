/**
 * Headings at the host page's level. An element sits under the page's own headings, so its top
 * heading takes the level the page gives it (`heading-level`, default 2) and its sub-headings the
 * next level down; the error summary, which GOV.UK puts above the page's heading, takes the top
 * level too, so the outline never skips a level. How a heading looks does not depend on its level:
 * `heading--top` and `heading--sub` set the size.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** A heading level from the attribute: a whole number from 1 to 6, else 2. */
export function headingLevel(value: unknown): number {
  const level = Number(value);
  return Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2;
}

export interface HeadingOptions {
  id?: string;
  part?: string;
  class?: string;
  /** Can take focus from script (`tabindex="-1"`): a step's heading, where focus lands. */
  focusable?: boolean;
  /** The `data-focus` name a flow asks for to move focus here. */
  focus?: string;
  /** The heading's language when it is not the page's (a clinic's text with no translation). */
  lang?: string | undefined;
}

/** An `h1`–`h6` at `level`: `sub` is one level below the element's top heading (never past `h6`). */
export function renderHeading(level: number, sub: boolean, content: unknown, options: HeadingOptions = {}): TemplateResult {
  const at = Math.min(6, headingLevel(level) + (sub ? 1 : 0));
  const className = `heading ${sub ? 'heading--sub' : 'heading--top'}${options.class ? ` ${options.class}` : ''}`;
  const id = ifDefined(options.id);
  const part = ifDefined(options.part);
  const tabindex = ifDefined(options.focusable ? '-1' : undefined);
  const focus = ifDefined(options.focus);
  const lang = ifDefined(options.lang);
  // One template per level: Lit cannot bind a tag name, and static templates cost more than these.
  switch (at) {
    case 1:
      return html`<h1 id=${id} part=${part} class=${className} tabindex=${tabindex} data-focus=${focus} lang=${lang}>${content}</h1>`;
    case 2:
      return html`<h2 id=${id} part=${part} class=${className} tabindex=${tabindex} data-focus=${focus} lang=${lang}>${content}</h2>`;
    case 3:
      return html`<h3 id=${id} part=${part} class=${className} tabindex=${tabindex} data-focus=${focus} lang=${lang}>${content}</h3>`;
    case 4:
      return html`<h4 id=${id} part=${part} class=${className} tabindex=${tabindex} data-focus=${focus} lang=${lang}>${content}</h4>`;
    case 5:
      return html`<h5 id=${id} part=${part} class=${className} tabindex=${tabindex} data-focus=${focus} lang=${lang}>${content}</h5>`;
    default:
      return html`<h6 id=${id} part=${part} class=${className} tabindex=${tabindex} data-focus=${focus} lang=${lang}>${content}</h6>`;
  }
}
