/**
 * The typings of `<kap-booking>`, `<kap-intake>` and `<kap-prep-checklist>` for each framework a
 * clinic's site is built with, written from the manifest (./elements.ts): which names each
 * framework accepts on a custom element, and how it listens to an event, differ; the types come
 * from the classes themselves (`KapBooking['timeZone']`, `KapBookingConfirmEvent`), so a typing
 * and the element cannot disagree on a type either.
 *
 * How each framework hands a custom element its props (which the typings follow):
 * - React 19 and Preact: a prop the element has as a property is set as that property, any other
 *   as an attribute; `on` + the event's name as written (`onkap-booking-confirm`) adds a listener.
 * - Solid: a plain prop is set as a property (`time-zone` as `timeZone`); `attr:` forces an
 *   attribute, `prop:` a property, `on:kap-booking-confirm` adds a listener.
 * - Vue 3: a prop the element has is set as a property, any other as an attribute;
 *   `@kap-booking-confirm` is `onKapBookingConfirm` to the type checker.
 * - Svelte: `onkap-booking-confirm` (Svelte 5) or `on:kap-booking-confirm` (Svelte 4).
 *
 * An attribute named like a method every element has (`after`, the follow-up's booking) would
 * replace that method in React, Preact and Vue, which set what the element has as a property: it
 * is left out there, and its property (`afterBooking`) is typed instead.
 */
import type { ElementModel } from './elements.js';

export type Framework = 'react' | 'preact' | 'solid' | 'vue' | 'svelte';

/** The module each framework's typing is published as: `kap-elements/<name>` → `dist/frameworks/<name>.d.ts`. */
export const TYPINGS: Record<Framework, string> = {
  react: 'react-jsx',
  preact: 'preact-jsx',
  solid: 'solid-jsx',
  vue: 'vue',
  svelte: 'svelte',
};

/** Methods of `Element` and `ChildNode` an attribute must not be named after (see above). */
const ELEMENT_METHODS = new Set(['after', 'before', 'append', 'prepend', 'remove', 'replaceWith', 'replaceChildren', 'animate', 'closest', 'matches']);

const quote = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const camelEvent = (name: string) => `on${name.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase())}`;

interface Line {
  key: string;
  type: string;
}

/** What every framework types alike: the properties, and the attributes under their own names. */
function valueLines(element: ElementModel, options: { attributePrefix?: string; propertyPrefix?: string; methodNamesSafe?: boolean } = {}): Line[] {
  const { className } = element;
  const lines: Line[] = element.properties.map((property) => ({ key: property, type: `${className}['${property}']` }));
  for (const attribute of element.attributes) {
    if (!options.attributePrefix && attribute.name === attribute.property) continue;
    // Under a prefix (Solid's `attr:`) the name is only ever an attribute; Svelte sets as a property
    // only what has a setter, and a method has none: `after` is safe there.
    if (ELEMENT_METHODS.has(attribute.name) && !options.attributePrefix && !options.methodNamesSafe) continue;
    lines.push({ key: `${options.attributePrefix ?? ''}${attribute.name}`, type: `AttributeValue<${className}['${attribute.property}']>` });
  }
  if (options.propertyPrefix) {
    for (const property of element.properties) lines.push({ key: `${options.propertyPrefix}${property}`, type: `${className}['${property}']` });
  }
  return lines;
}

function eventLines(element: ElementModel, keyOf: (event: string) => string): Line[] {
  return element.events.map((event) => ({ key: keyOf(event.name), type: `(event: ${event.type}) => void` }));
}

function propsInterface(element: ElementModel, name: string, base: string, lines: Line[]): string {
  const body = lines.map((line) => `  ${quote(line.key)}?: ${line.type};`).join('\n');
  return `/** \`<${element.tag}>\`: ${element.summary.replaceAll('*/', '*\\/')} */\nexport interface ${name}${base ? ` extends ${base}` : ''} {\n${body}\n}\n`;
}

function importsOf(elements: ElementModel[]): string {
  const names = [...new Set(elements.flatMap((element) => [element.className, ...element.events.map((event) => event.type)]))].sort();
  return `import type { ${names.join(', ')} } from '../types/index.js';\n`;
}

const ATTRIBUTE_VALUE =
  '/** An attribute takes its property\'s type; a number may also be written as text (`weeks-ahead="8"`). */\n' +
  // eslint-disable-next-line no-template-curly-in-string -- TypeScript's template literal type, written out
  'type AttributeValue<T> = T extends number ? T | `${number}` : T;\n';

function header(framework: string, use: string): string {
  return `// Generated from custom-elements.json by scripts/write-framework-types.ts (npm run build): do not edit.\n// The kap elements for ${framework}. ${use}\n`;
}

function augmentation(elements: ElementModel[], propsName: (element: ElementModel) => string, wrap: (entries: string) => string): string {
  const entries = elements.map((element) => `'${element.tag}': ${propsName(element)};`).join('\n');
  return wrap(entries);
}

const indent = (text: string, by: string) =>
  text
    .split('\n')
    .map((line) => (line ? by + line : line))
    .join('\n');

function jsx(elements: ElementModel[], framework: 'react' | 'preact'): string {
  const react = framework === 'react';
  const name = (element: ElementModel) => `${element.className}${react ? 'React' : 'Preact'}Props`;
  const base = (element: ElementModel) =>
    react ? `DetailedHTMLProps<HTMLAttributes<${element.className}>, ${element.className}>` : `HTMLAttributes<${element.className}>`;
  const parts = [
    header(react ? 'React 19' : 'Preact', `Add \`import type {} from 'kap-elements/${TYPINGS[framework]}';\` once (or list it in tsconfig \`types\`).`),
    // Preact exports its HTMLAttributes from the package itself since 10.25 (and in 11).
    react ? "import type { DetailedHTMLProps, HTMLAttributes } from 'react';\n" : "import type { HTMLAttributes } from 'preact';\n",
    importsOf(elements),
    '\n',
    ATTRIBUTE_VALUE,
    '\n',
    elements
      .map((element) => propsInterface(element, name(element), base(element), [...valueLines(element), ...eventLines(element, (event) => `on${event}`)]))
      .join('\n'),
    '\n',
    augmentation(
      elements,
      name,
      (entries) => `declare module '${framework}' {\n  namespace JSX {\n    interface IntrinsicElements {\n${indent(entries, '      ')}\n    }\n  }\n}\n`,
    ),
  ];
  return parts.join('');
}

function solid(elements: ElementModel[]): string {
  const name = (element: ElementModel) => `${element.className}SolidProps`;
  return [
    header('Solid', "Add `import type {} from 'kap-elements/solid-jsx';` once (or list it in tsconfig `types`)."),
    "import type { JSX } from 'solid-js';\n",
    importsOf(elements),
    '\n',
    ATTRIBUTE_VALUE,
    '\n',
    elements
      .map((element) =>
        propsInterface(element, name(element), `JSX.HTMLAttributes<${element.className}>`, [
          ...valueLines(element, { attributePrefix: 'attr:', propertyPrefix: 'prop:' }),
          // A plain kebab-case name is set as its property (`time-zone` → `timeZone`) in Solid.
          ...element.attributes
            .filter((attribute) => attribute.name !== attribute.property && !ELEMENT_METHODS.has(attribute.name))
            .map((attribute) => ({ key: attribute.name, type: `${element.className}['${attribute.property}']` })),
          ...eventLines(element, (event) => `on:${event}`),
        ]),
      )
      .join('\n'),
    '\n',
    augmentation(
      elements,
      name,
      (entries) => `declare module 'solid-js' {\n  namespace JSX {\n    interface IntrinsicElements {\n${indent(entries, '      ')}\n    }\n  }\n}\n`,
    ),
  ].join('');
}

function vue(elements: ElementModel[]): string {
  const name = (element: ElementModel) => `${element.className}VueProps`;
  return [
    header('Vue 3', "Add `import type {} from 'kap-elements/vue';` once; tell Vue's compiler the `kap-` tags are custom elements (README)."),
    "import type { DefineComponent } from 'vue';\n",
    importsOf(elements),
    '\n',
    ATTRIBUTE_VALUE,
    '\n',
    elements.map((element) => propsInterface(element, name(element), '', [...valueLines(element), ...eventLines(element, camelEvent)])).join('\n'),
    '\n',
    augmentation(
      elements,
      (element) => `DefineComponent<${name(element)}>`,
      (entries) => `declare module 'vue' {\n  interface GlobalComponents {\n${indent(entries, '    ')}\n  }\n}\n`,
    ),
  ].join('');
}

function svelte(elements: ElementModel[]): string {
  const name = (element: ElementModel) => `${element.className}SvelteProps`;
  return [
    header('Svelte', "Add `import type {} from 'kap-elements/svelte';` once (in a .d.ts of the app, or list it in tsconfig `types`)."),
    "import type { HTMLAttributes } from 'svelte/elements';\n",
    importsOf(elements),
    '\n',
    ATTRIBUTE_VALUE,
    '\n',
    elements
      .map((element) =>
        propsInterface(element, name(element), `HTMLAttributes<${element.className}>`, [
          ...valueLines(element, { methodNamesSafe: true }),
          ...eventLines(element, (event) => `on${event}`),
          ...eventLines(element, (event) => `on:${event}`),
        ]),
      )
      .join('\n'),
    '\n',
    augmentation(elements, name, (entries) => `declare module 'svelte/elements' {\n  interface SvelteHTMLElements {\n${indent(entries, '    ')}\n  }\n}\n`),
  ].join('');
}

/** Each framework's `.d.ts`, by the file name it gets in `dist/frameworks/`. */
export function typingFiles(elements: ElementModel[]): Record<string, string> {
  const text: Record<Framework, string> = {
    react: jsx(elements, 'react'),
    preact: jsx(elements, 'preact'),
    solid: solid(elements),
    vue: vue(elements),
    svelte: svelte(elements),
  };
  return Object.fromEntries(Object.entries(text).map(([framework, content]) => [`${TYPINGS[framework as Framework]}.d.ts`, content]));
}
