// Bundles the server entry points into single files, so that the VS Code
// extension ships the bundle only (the polyfill comes first in each).
import { build } from 'esbuild';
import { asciiOnlyFiles } from '../../scripts/ascii-output.mjs';

const common = { bundle: true, sourcemap: true, minify: false, logLevel: 'warning', legalComments: 'none' };
// vega's optional canvas renderer is not used (charts are SVG), so node-canvas stays out of the bundle.
// In a CommonJS bundle `import.meta` is empty: give `import.meta.url` the bundle's own URL.
await build({
    ...common,
    entryPoints: ['src/main-node.ts'],
    outfile: 'out/main-node.cjs',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['canvas'],
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" }
});
await build({ ...common, entryPoints: ['src/main-browser.ts'], outfile: 'out/main-browser.js', platform: 'browser', format: 'iife', target: 'es2022' });
// V8 keeps a bundle's source in the heap: one-byte when it is ASCII (scripts/ascii-output.mjs)
asciiOnlyFiles(['out/main-node.cjs', 'out/main-browser.js']);
console.log('bundled packages/server/out/main-node.cjs and out/main-browser.js');
