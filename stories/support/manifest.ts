/**
 * The elements' documentation in Storybook comes from custom-elements.json, the manifest `cem
 * analyze` writes from the JSDoc in src/ (the `storybook:manifest` script writes the stories' own
 * copy to .storybook/generated/ before Storybook starts or builds, so the stories never wait on, or
 * race, `npm run build`). Here it becomes each element's argTypes: a row per attribute, property,
 * event (its type and its `detail` as documented), slot, CSS part and `--kap-*` token, and a
 * Control for every public writable property (objects such as `prefill` and `strings` as object controls)
 * and every token (set on the element's style).
 */
import type { ArgTypes } from '@storybook/web-components-vite';

interface Described {
  name: string;
  description?: string;
  summary?: string;
  default?: string;
  type?: { text?: string };
}
interface Member extends Described {
  kind: string;
  static?: boolean;
  privacy?: string;
  readonly?: boolean;
}
interface Attribute extends Described {
  fieldName?: string;
}
export interface ElementDoc {
  tagName: string;
  summary?: string;
  description?: string;
  members?: Member[];
  attributes?: Attribute[];
  events?: Described[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
}
interface Manifest {
  modules?: { declarations?: (Partial<ElementDoc> & { name?: string })[] }[];
}

// A glob, not a static import, so that `tsc` on a fresh clone does not need the generated file.
const found = import.meta.glob<Manifest>('../../.storybook/generated/custom-elements.json', { eager: true, import: 'default' });
/** The manifest the stories were built with (set as Storybook's own in .storybook/preview.ts). */
export const manifest: Manifest = Object.values(found)[0] ?? {};

/** The manifest's entry for `tag`; throws when the manifest is missing or lacks the element. */
export function elementDoc(tag: string): ElementDoc {
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName === tag) return declaration as ElementDoc;
    }
  }
  throw new Error(`<${tag}> is not in .storybook/generated/custom-elements.json: run \`npm run storybook:manifest\``);
}

/** The public instance properties, read-only ones included (`readonly`). */
export function publicProperties(doc: ElementDoc): Member[] {
  return (doc.members ?? []).filter((member) => member.kind === 'field' && !member.static && !member.privacy);
}

const text = (item: { summary?: string; description?: string }) => [item.summary, item.description].filter(Boolean).join('\n\n');

/** An element's description on its Docs page: its summary and description from the manifest. */
export const componentDescription = (tag: string) => text(elementDoc(tag));

/** A Control fitting a property's declared type: a choice of literals, number, text, or an object. */
function controlFor(type: string): 'select' | 'number' | 'boolean' | 'text' | 'object' {
  const bare = type.replace(/\s*\|\s*(null|undefined)\b/g, '').trim();
  if (/^'[^']*'(\s*\|\s*'[^']*')*$/.test(bare)) return 'select';
  if (bare === 'number' || bare === 'boolean') return bare;
  return bare === 'string' ? 'text' : 'object';
}

const optionsFor = (type: string) => type.match(/'[^']*'/g)?.map((option) => option.slice(1, -1));

/** Keys of the argTypes for an element's attributes, events and other rows that are not properties. */
export const attributeKey = (name: string) => `attribute:${name}`;
export const eventKey = (name: string) => `event:${name}`;

/**
 * Every row of an element's Docs page, from the manifest. Properties keep their own name as the
 * arg (so the stories' existing args, `service`, `timeZone`… are the same Controls); the other rows
 * are read-only documentation.
 */
export function manifestArgTypes(tag: string): ArgTypes {
  const doc = elementDoc(tag);
  const argTypes: ArgTypes = {};
  const documented = (category: string, item: Described, type?: string) => ({
    name: item.name,
    description: text(item),
    control: false as const,
    table: { category, type: type ? { summary: type } : undefined, defaultValue: item.default ? { summary: item.default } : undefined },
  });
  for (const property of publicProperties(doc)) {
    const type = property.type?.text ?? 'unknown';
    const attribute = doc.attributes?.find((candidate) => candidate.fieldName === property.name);
    argTypes[property.name] = {
      name: property.name,
      description: [text(property), property.readonly ? 'Read-only.' : attribute ? `Attribute: \`${attribute.name}\`` : 'Property only (no attribute).']
        .filter(Boolean)
        .join('\n\n'),
      control: property.readonly ? false : controlFor(type),
      options: optionsFor(type),
      table: { category: 'properties', type: { summary: type }, defaultValue: property.default ? { summary: property.default } : undefined },
    };
  }
  for (const attribute of doc.attributes ?? []) {
    argTypes[attributeKey(attribute.name)] = documented('attributes', attribute, attribute.type?.text);
    const row = argTypes[attributeKey(attribute.name)]!;
    row.description = [row.description, attribute.fieldName ? `Property: \`${attribute.fieldName}\` (its Control).` : ''].filter(Boolean).join('\n\n');
  }
  for (const event of doc.events ?? []) argTypes[eventKey(event.name)] = documented('events', event, event.type?.text);
  for (const slot of doc.slots ?? []) argTypes[`slot:${slot.name}`] = documented('slots', slot);
  for (const part of doc.cssParts ?? []) argTypes[`part:${part.name}`] = documented('css shadow parts', part);
  for (const token of doc.cssProperties ?? []) {
    argTypes[token.name] = {
      name: token.name,
      description: `${text(token)}\n\nSet on the element's style; empty = the element's default.`,
      control: { type: /color/.test(token.name) ? 'color' : 'text' },
      table: { category: 'css custom properties', defaultValue: token.default ? { summary: token.default } : undefined },
    };
  }
  return argTypes;
}

/**
 * A callback (for Lit's `ref`) that hands the element the Controls its story's template does not bind itself:
 * public properties (objects included) and `--kap-*` tokens. Args left undefined, or named in
 * `bound`, are not touched, so every existing story renders as it did.
 */
export function applyArgs(tag: string, args: object, bound: readonly string[]): (element?: Element) => void {
  const doc = elementDoc(tag);
  const properties = new Set(
    publicProperties(doc)
      .filter((property) => !property.readonly)
      .map((property) => property.name),
  );
  const tokens = new Set((doc.cssProperties ?? []).map((token) => token.name));
  return (element?: Element) => {
    if (!(element instanceof HTMLElement)) return;
    for (const [key, value] of Object.entries(args)) {
      if (bound.includes(key) || value === undefined) continue;
      if (tokens.has(key)) {
        if (typeof value === 'string' && value) element.style.setProperty(key, value);
        else element.style.removeProperty(key);
      } else if (properties.has(key)) {
        (element as unknown as Record<string, unknown>)[key] = value;
      }
    }
  };
}
