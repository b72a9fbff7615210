/**
 * What editors read to complete and document the tags in HTML: VS Code's custom data
 * (`html.customData`, `css.customData`) and JetBrains' web-types (found through package.json's
 * `web-types`). Written from the manifest by break-stuff's generators
 * (custom-element-vs-code-integration, custom-element-jet-brains-integration), which many
 * component libraries use; we only choose the file names and write their JSON compact (editors
 * read it, nobody edits it: 18 kB less in the package).
 */
import { getVsCodeCssCustomData, getVsCodeHtmlCustomData } from 'custom-element-vs-code-integration';
import { getWebTypesData } from 'custom-element-jet-brains-integration';
import type { Manifest } from './elements.js';

const json = (text: string) => `${JSON.stringify(JSON.parse(text))}\n`;

/** Each file by its name in `dist/`. */
export function editorDataFiles(manifest: Manifest): Record<string, string> {
  // The generators take the manifest as their own loose type, and may add to it: each gets a copy.
  const copy = () => structuredClone(manifest) as Parameters<typeof getVsCodeHtmlCustomData>[0];
  const options = { hideLogs: true, descriptionSrc: 'description' as const };
  return {
    'vscode.html-custom-data.json': json(getVsCodeHtmlCustomData(copy(), options)),
    'vscode.css-custom-data.json': json(getVsCodeCssCustomData(copy(), options)),
    'web-types.json': json(getWebTypesData(copy() as Parameters<typeof getWebTypesData>[0], options)),
  };
}
