/**
 * The stories' own copy of the manifest (`npm run storybook:manifest`): the package's analysis
 * (custom-elements-manifest.config.mjs), written to .storybook/generated/ and leaving package.json
 * alone, so Storybook never reads a manifest `npm run build` is writing at the same moment.
 */
import config from '../custom-elements-manifest.config.mjs';

export default { ...config, outdir: '.storybook/generated', packagejson: false };
