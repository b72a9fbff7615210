/**
 * `cem analyze` (the `analyze` script) reads this file. The manifest is generated from the JSDoc
 * tags on each element class (`@summary @event @csspart @cssproperty @cssstate @slot`) and from
 * Lit's decorators, and lands at the repo root, where package.json's `customElements` points.
 */

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
        mod.exports = (mod.exports ?? []).filter(
          (entry) => entry.kind !== 'custom-element-definition' || TAG_NAME.test(entry.name),
        );
      }
      for (const { tagName, className, module } of definitions) {
        const home = modules.find((mod) =>
          (mod.declarations ?? []).some((declaration) => declaration.kind === 'class' && declaration.name === className),
        );
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

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
  plugins: [defineElementCalls()],
};
