/**
 * Defines a custom element unless the tag is taken, so a page that loads the script twice (or
 * loads both the CDN file and an npm build) keeps working instead of throwing.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(tag)) return;
  customElements.define(tag, ctor);
}
