/**
 * `cem analyze` (the `analyze` script) reads this file. The manifest is generated from the JSDoc
 * tags on each element class (`@summary @event @csspart @cssproperty @cssstate @slot`) and from
 * its `static get properties()` with the JSDoc of each field, and lands at the repo root, where package.json's `customElements` points.
 */

import { readFileSync } from 'node:fs';

/** A valid custom element name: lowercase, starts with a letter, contains a hyphen. */
const TAG_NAME = /^[a-z][a-z0-9._]*-[a-z0-9._-]*$/;

/**
 * Our elements are registered through `defineElement('kap-booking', KapBooking)` (a guarded
 * `customElements.define`), which the analyzer does not recognise. This plugin records those calls,
 * gives each class its `tagName`, and drops the nameless definition the analyzer infers from the
 * `customElements.define(tag, ctor)` inside the helper itself.
 */
function defineElementCalls() {
  const definitions = [];
  return {
    name: 'kap:define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tag, ctor] = node.arguments;
      if (!tag || !ctor || !ts.isStringLiteralLike(tag) || !ts.isIdentifier(ctor)) return;
      definitions.push({ tagName: tag.text, className: ctor.text, module: moduleDoc.path });
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules ?? [];
      for (const mod of modules) {
        mod.exports = (mod.exports ?? []).filter((entry) => entry.kind !== 'custom-element-definition' || TAG_NAME.test(entry.name));
      }
      for (const { tagName, className, module } of definitions) {
        const home = modules.find((mod) => (mod.declarations ?? []).some((declaration) => declaration.kind === 'class' && declaration.name === className));
        if (!home) throw new Error(`defineElement('${tagName}', ${className}): no class ${className} found in the analysed sources.`);
        const declaration = home.declarations.find((entry) => entry.kind === 'class' && entry.name === className);
        declaration.tagName = tagName;
        declaration.customElement = true;
        const definer = modules.find((mod) => mod.path === module);
        const exists = definer.exports.some((entry) => entry.kind === 'custom-element-definition' && entry.name === tagName);
        if (!exists) {
          definer.exports.push({
            kind: 'custom-element-definition',
            name: tagName,
            declaration: { name: className, module: home.path },
          });
        }
      }
      // A base class is not an element of its own: only classes with a tag keep the flag.
      for (const mod of modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.customElement && !declaration.tagName) delete declaration.customElement;
        }
      }
    },
  };
}

const PUBLIC_DECLARATION_KEYS = [
  'kind',
  'name',
  'tagName',
  'customElement',
  'summary',
  'description',
  'superclass',
  'attributes',
  'members',
  'events',
  'slots',
  'cssParts',
  'cssProperties',
  'cssStates',
];

/** The modules package.json `exports` publishes, as `dist/….js` paths, each with the source it is built from. */
function publishedModules() {
  const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
  const targets = Object.values(pkg.exports).map((target) => (typeof target === 'string' ? target : target.default));
  return targets
    .filter((target) => /^\.\/dist\/(?!cdn\/).*\.js$/.test(target))
    .map((target) => {
      const path = target.slice(2);
      const stem = path.slice('dist/'.length, -'.js'.length);
      return { path, sources: [`src/${stem}.ts`, `src/${stem}/index.ts`] };
    });
}

/**
 * The analyzer describes every source module, private members and all (462 KB). What ships is
 * what a consumer can use: the element classes and their base class, with only their public API
 * (attributes, public properties, events, slots, parts, CSS properties), at the paths package.json
 * publishes (`dist/kap-booking.js`, importable as `kap-elements/kap-booking.js`).
 */
function publicManifest() {
  return {
    name: 'kap:public-manifest',
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules ?? [];
      const published = publishedModules();
      const moduleAt = (path) => modules.find((mod) => mod.path === path);
      /** The published module that exports `name`, preferring one that defines it as an element. */
      const publicHome = (name) => {
        const exporting = published.filter(({ sources }) => sources.some((source) => (moduleAt(source)?.exports ?? []).some((entry) => entry.name === name)));
        const defining = exporting.find(({ sources }) =>
          sources.some((source) =>
            (moduleAt(source)?.exports ?? []).some((entry) => entry.kind === 'custom-element-definition' && entry.declaration.name === name),
          ),
        );
        const home = defining ?? exporting.find(({ path }) => path === 'dist/index.js') ?? exporting[0];
        if (!home) throw new Error(`${name} is part of an element's public API but no published module exports it.`);
        return home.path;
      };
      const declarationOf = (name) => modules.flatMap((mod) => mod.declarations ?? []).find((entry) => entry.kind === 'class' && entry.name === name);
      const isPublic = (member) => member.privacy !== 'private' && member.privacy !== 'protected' && !member.static && !/^[_#]/.test(member.name);
      const relink = (reference) =>
        reference && reference.module !== undefined && !reference.package ? { name: reference.name, module: publicHome(reference.name) } : reference;

      const slim = (declaration) => {
        const result = {};
        for (const key of PUBLIC_DECLARATION_KEYS) if (declaration[key] !== undefined) result[key] = declaration[key];
        result.superclass = relink(result.superclass);
        // Each event is an instance of its class in src/events (`kap-slot-select` → KapSlotSelectEvent),
        // exported by the package: a consumer's tools can type their listeners with it.
        result.events = (result.events ?? []).map((event) => {
          if (event.type || !event.name) return event;
          const className = `${event.name.replace(/(^|-)([a-z])/g, (_, __, letter) => letter.toUpperCase())}Event`;
          const declared = modules.some((mod) => (mod.exports ?? []).some((entry) => entry.name === className));
          // src/index.ts re-exports every event class (`export * from './events/index.js'`).
          return declared
            ? { ...event, type: { text: className, references: [{ name: className, module: 'dist/index.js', start: 0, end: className.length }] } }
            : event;
        });
        // Only public members ship, so none needs to say so (the analyzer marks those declared by `static get properties()`).
        result.members = (result.members ?? []).filter(isPublic).map(({ privacy: _public, ...member }) => member);
        for (const key of Object.keys(result)) {
          if (!Array.isArray(result[key])) continue;
          // Inherited attributes, members, events, states… point at the public home of the base class.
          result[key] = result[key].map((entry) => (entry.inheritedFrom ? { ...entry, inheritedFrom: relink(entry.inheritedFrom) } : entry));
          if (result[key].length === 0) delete result[key];
        }
        return JSON.parse(JSON.stringify(result));
      };

      // The elements, then every class they extend from our own sources (KapElement).
      const wanted = modules.flatMap((mod) => mod.declarations ?? []).filter((entry) => entry.customElement && entry.tagName);
      for (let index = 0; index < wanted.length; index++) {
        const parent = wanted[index].superclass;
        if (parent && !parent.package && !wanted.some((entry) => entry.name === parent.name)) {
          const declaration = declarationOf(parent.name);
          if (declaration) wanted.push(declaration);
        }
      }

      const output = new Map();
      const moduleFor = (path) => {
        if (!output.has(path)) output.set(path, { kind: 'javascript-module', path, declarations: [], exports: [] });
        return output.get(path);
      };
      for (const declaration of wanted) {
        const path = publicHome(declaration.name);
        const mod = moduleFor(path);
        mod.declarations.push(slim(declaration));
        mod.exports.push({ kind: 'js', name: declaration.name, declaration: { name: declaration.name, module: path } });
        if (declaration.tagName) {
          mod.exports.push({ kind: 'custom-element-definition', name: declaration.tagName, declaration: { name: declaration.name, module: path } });
        }
      }
      // The all-in-one entry re-exports the elements it defines.
      const index = published.find(({ path }) => path === 'dist/index.js');
      if (index) {
        for (const declaration of wanted) {
          const home = publicHome(declaration.name);
          const exported = index.sources.some((source) => (moduleAt(source)?.exports ?? []).some((entry) => entry.name === declaration.name));
          if (home !== index.path && exported) {
            moduleFor(index.path).exports.push({ kind: 'js', name: declaration.name, declaration: { name: declaration.name, module: home } });
          }
        }
      }
      customElementsManifest.modules = [...output.values()].sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
  plugins: [defineElementCalls(), publicManifest()],
};
