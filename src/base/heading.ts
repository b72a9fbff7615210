/**
 * Headings at the host page's level. An element sits under the page's own headings, so its top
 * heading takes the level the page gives it (`heading-level`, default 2) and its sub-headings the
 * next level down; the error summary, which GOV.UK puts above the page's heading, takes the top
 * level too, so the outline never skips a level. How a heading looks does not depend on its level:
 * `heading--top` and `heading--sub` set the size.
 */
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html, literal, type StaticValue } from 'lit/static-html.js';

const TAGS: readonly StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

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
}

/** An `h1`–`h6` at `level`: `sub` is one level below the element's top heading (never past `h6`). */
export function renderHeading(level: number, sub: boolean, content: unknown, options: HeadingOptions = {}): TemplateResult {
  const tag = TAGS[Math.min(6, headingLevel(level) + (sub ? 1 : 0)) - 1]!;
  const className = `heading ${sub ? 'heading--sub' : 'heading--top'}${options.class ? ` ${options.class}` : ''}`;
  return html`<${tag}
    id=${ifDefined(options.id)}
    part=${ifDefined(options.part)}
    class=${className}
    tabindex=${ifDefined(options.focusable ? '-1' : undefined)}
    data-focus=${ifDefined(options.focus)}
    >${content}</${tag}
  >`;
}
