/**
 * The elements as the framework typings need them, read from `custom-elements.json` (the
 * manifest `npm run analyze` writes from the classes' JSDoc and Lit decorators): each tag with
 * its class, the attributes with the property each sets, the writable public properties and the
 * events with their classes. Everything in `dist/frameworks/` is written from this, so a typing
 * cannot name an attribute, a property or an event the element does not have.
 */

export interface ManifestDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  attributes?: { name: string; fieldName?: string }[];
  members?: { kind: string; name: string; readonly?: boolean; static?: boolean; privacy?: string }[];
  events?: { name?: string; type?: { text: string } }[];
}

export interface Manifest {
  modules: { path: string; declarations?: ManifestDeclaration[] }[];
}

export interface ElementModel {
  tag: string;
  className: string;
  /** The first sentence of the class's JSDoc. */
  summary: string;
  /** HTML attribute → the property it sets (`time-zone` → `timeZone`). */
  attributes: { name: string; property: string }[];
  /** Public properties a page may set (read-only ones such as `accessToken` left out). */
  properties: string[];
  /** Event name → its class in `src/events/` (`kap-booking-confirm` → `KapBookingConfirmEvent`). */
  events: { name: string; type: string }[];
}

export function elementsOf(manifest: Manifest): ElementModel[] {
  const declarations = manifest.modules.flatMap((mod) => mod.declarations ?? []);
  return declarations
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .map((declaration) => {
      const events = (declaration.events ?? []).map((event) => {
        if (!event.name || !event.type?.text) throw new Error(`${declaration.name}: every event needs its name and class in the manifest`);
        return { name: event.name, type: event.type.text };
      });
      return {
        tag: declaration.tagName!,
        className: declaration.name,
        summary: /^[^]*?\.(?=\s|$)/.exec((declaration.summary ?? '').replace(/\s+/g, ' ').trim())?.[0] ?? '',
        attributes: (declaration.attributes ?? []).map((attribute) => ({ name: attribute.name, property: attribute.fieldName ?? attribute.name })),
        properties: (declaration.members ?? [])
          .filter((member) => member.kind === 'field' && !member.readonly && !member.static && member.privacy !== 'private' && member.privacy !== 'protected')
          .map((member) => member.name),
        events,
      };
    })
    .sort((a, b) => a.tag.localeCompare(b.tag));
}
