/**
 * The embed code as text: the `<script type="module">` tag(s) with `integrity` and `crossorigin`,
 * the element with its attributes, and the sources a site's Content-Security-Policy must allow.
 * Plain functions over the `GET staff/embed` answer (no Lit, no DOM): the view shows the text in a
 * read-only field, never as HTML, and every attribute value is escaped here.
 */
import type { EmbedResponse } from '../src/api/staff.js';

export const EMBED_ELEMENTS = ['booking', 'intake', 'checklist'] as const;
export type EmbedElement = (typeof EMBED_ELEMENTS)[number];

export const ELEMENT_TAGS: Record<EmbedElement, string> = { booking: 'kap-booking', intake: 'kap-intake', checklist: 'kap-prep-checklist' };

/**
 * A campaign's source tag (`<kap-booking source>`, sent with the booking): a short name, never a
 * person's details. Only the booking element has one; the intake and the checklist do not.
 */
export const SOURCE_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;

export interface EmbedChoice {
  element: EmbedElement;
  /** `<kap-booking service>`. */
  service?: string;
  /** `<kap-intake form>`. */
  form?: string;
  lang: 'en' | 'es';
  /** `<kap-booking source>`. */
  source?: string;
}

export interface EmbedSnippet {
  /** What to paste: the script tag(s), a blank line, the element. */
  code: string;
  /** One line per Content-Security-Policy directive to extend, sources only. */
  csp: string[];
}

/** `value` safe inside a double-quoted HTML attribute (and a JSX string attribute, which reads the same entities). */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The embed code for `choice`. `api` is the backend's base URL as a page must reach it (the
 * server's `KAP_PUBLIC_URL`, else the address the console reached it at).
 */
export function embedSnippet(elements: NonNullable<EmbedResponse['elements']>, api: string, choice: EmbedChoice): EmbedSnippet {
  const base = new URL(api);
  const script = (file: { path: string; integrity: string }) =>
    `<script type="module" src="${escapeAttribute(new URL(file.path, base).href)}" integrity="${escapeAttribute(file.integrity)}" crossorigin="anonymous"></script>`;
  const scripts = [script(elements[choice.element])];
  if (choice.lang === 'es') scripts.push(script(elements.spanish));

  const attributes: [string, string][] = [['api', base.href]];
  if (choice.element === 'booking' && choice.service) attributes.push(['service', choice.service]);
  if (choice.element === 'intake' && choice.form) attributes.push(['form', choice.form]);
  if (choice.lang === 'es') attributes.push(['lang', 'es']);
  if (choice.element === 'booking' && choice.source) attributes.push(['source', choice.source]);
  const tag = ELEMENT_TAGS[choice.element];
  const element = `<${tag} ${attributes.map(([name, value]) => `${name}="${escapeAttribute(value)}"`).join(' ')}></${tag}>`;

  return { code: `${scripts.join('\n')}\n\n${element}\n`, csp: contentSecurityPolicy(base.origin) };
}

/**
 * What the elements need from a page's policy (README, "Privacy, security and CSP"): their scripts
 * and every request come from the API's origin; Lit's Trusted Types policy where the site
 * enforces Trusted Types. Their styles are constructed style sheets, which `style-src` does not govern.
 */
export function contentSecurityPolicy(apiOrigin: string): string[] {
  return [`script-src ${apiOrigin}`, `connect-src ${apiOrigin}`, 'trusted-types lit-html'];
}
