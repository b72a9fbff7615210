/** Every file `scripts/write-framework-types.ts` writes, by its path from the repo root, from the manifest. */
import { editorDataFiles } from './editor-data.js';
import { elementsOf, type Manifest } from './elements.js';
import { typingFiles } from './typings.js';

export function frameworkFiles(manifest: Manifest): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, content] of Object.entries(typingFiles(elementsOf(manifest)))) {
    files[`dist/frameworks/${name}`] = content;
    // An empty module beside each typing, so that a plain `import 'kap-elements/vue'` resolves in a bundler too.
    files[`dist/frameworks/${name.replace(/\.d\.ts$/, '.js')}`] = '// Types only: see the .d.ts beside this file.\nexport {};\n';
  }
  for (const [name, content] of Object.entries(editorDataFiles(manifest))) files[`dist/${name}`] = content;
  return files;
}
