// Bundles the CLI into out/bundle/ (bin/cnms.js runs out/bundle/main.js): one
// ES module per command, loaded when the command runs, and chunks of the code
// they share, so that a process resolves and reads a handful of files instead
// of some thousand modules of node_modules (issue 11: `cnms validate
// examples/steel` spent about a third of its time loading modules). A command
// loads only what it needs, as before: `--version` and `--help` read
// main.js alone, `validate` never the report renderers.
//
// Also writes out/bundle/chunks.json: for each file, the packages (and the
// modules of the other CNMS packages) whose code it holds, so that the tests
// can tell which code a command loaded.
//
// Files are replaced atomically (the bundle is written beside, then renamed):
// tests may run the CLI while another run rebuilds it.
import { build } from 'esbuild';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { asciiOnlyFiles } from '../../scripts/ascii-output.mjs';

const here = new URL('.', import.meta.url).pathname;
const target = join(here, 'out/bundle');
const temporary = `${target}.${process.pid}.tmp`;

/**
 * The versions the report states (packages/report/src/provenance.ts), found as
 * the unbundled report finds them: the nearest node_modules/<name>/package.json
 * above packages/report/out. A bundle has no node_modules of its own.
 */
function reportLibraries() {
    const libraries = {};
    for (const name of ['langium', 'decimal.js', 'vega', 'vega-lite', 'exceljs']) {
        for (let dir = join(here, '../report/out'); ; dir = dirname(dir)) {
            const file = join(dir, 'node_modules', name, 'package.json');
            if (existsSync(file)) {
                libraries[name] = JSON.parse(readFileSync(file, 'utf8')).version;
                break;
            }
            if (dirname(dir) === dir) break;
        }
    }
    return libraries;
}

const libraries = reportLibraries();
const result = await build({
    absWorkingDir: here,
    entryPoints: ['src/main.ts'],
    outdir: temporary,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // ES modules first: a CommonJS package imported with import() becomes, in a split bundle, a module with a default
    // export only (vega's named exports would be lost); vega and the others also ship an ES module build
    mainFields: ['module', 'main'],
    // vega's optional canvas renderer is not used (charts are SVG)
    external: ['canvas'],
    chunkNames: '[name]-[hash]',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    define: { CNMS_BUNDLED_LIBRARIES: JSON.stringify(libraries) },
    // the CommonJS packages inside (exceljs, vega's dependencies …) call require()
    banner: { js: "import { createRequire as cnmsCreateRequire } from 'node:module';\nconst require = cnmsCreateRequire(import.meta.url);" }
});

/**
 * What an input of the bundle is (inputs are relative to packages/cli): a dependency by its package name (`langium`),
 * a module of another CNMS package by its path (`@cnms/language/out/i18n/locale.js`), the CLI's own code as `@cnms/cli`.
 */
function packageOf(input) {
    const inModules = input.lastIndexOf('node_modules/');
    if (inModules >= 0) return /^((?:@[^/]+\/)?[^/]+)/.exec(input.slice(inModules + 'node_modules/'.length))[1];
    const sibling = /^\.\.\/([^/]+)\/(.*)$/.exec(input);
    return sibling ? `@cnms/${sibling[1]}/${sibling[2]}` : '@cnms/cli';
}

const chunks = {};
for (const [file, output] of Object.entries(result.metafile.outputs)) {
    const packages = new Set();
    for (const input of Object.keys(output.inputs)) packages.add(packageOf(input));
    chunks[file.slice(file.lastIndexOf('/') + 1)] = [...packages].sort();
}
writeFileSync(join(temporary, 'chunks.json'), `${JSON.stringify(chunks, null, 2)}\n`);
// V8 keeps a module's source in the heap: one-byte when it is ASCII (scripts/ascii-output.mjs)
asciiOnlyFiles(Object.keys(result.metafile.outputs).map(file => join(here, file)));
// for snapshot.mjs: the chunk each import() loads (by the source it was made from), and the report's library versions
const entries = {};
for (const [file, output] of Object.entries(result.metafile.outputs)) if (output.entryPoint) entries[output.entryPoint] = file.slice(file.lastIndexOf('/') + 1);
writeFileSync(join(temporary, 'entries.json'), `${JSON.stringify(entries, null, 2)}\n`);
writeFileSync(join(temporary, 'libraries.json'), `${JSON.stringify(libraries, null, 2)}\n`);
rmSync(`${target}.old`, { recursive: true, force: true });
if (existsSync(target)) renameSync(target, `${target}.old`);
renameSync(temporary, target);
rmSync(`${target}.old`, { recursive: true, force: true });
console.log('bundled packages/cli/out/bundle/main.js');
