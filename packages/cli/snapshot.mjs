// Builds the CLI's startup snapshot into out/snapshot/ (issue 11: a run of
// `cnms` spent most of its time before it read the model: loading the code,
// building the parser, parsing the built-in library, the parser's first and
// slowest run). src/snapshot-main.ts is bundled into one CommonJS file (what
// `node --build-snapshot` runs), which Node runs once and writes as a V8 heap
// snapshot, cnms.blob; bin/cnms.js starts a Node from it when built.json says
// it was built here, by this very Node, and runs the bundle otherwise.
//
// The report's renderers (vega, vega-lite, ExcelJS) are not in the snapshot:
// they are imported when a report needs them, from the ES module bundle
// (out/bundle/, esbuild.mjs, built first). A Node started from a snapshot has
// no import() of its own, so the bundle imports them through import.cjs, an
// ordinary module beside it.
//
// Files are replaced atomically, as esbuild.mjs does: tests may run the CLI
// while another run rebuilds it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { asciiOnly } from '../../scripts/ascii-output.mjs';

const here = new URL('.', import.meta.url).pathname;
const target = join(here, 'out/snapshot');
const temporary = `${target}.${process.pid}.tmp`;
const bundled = join(here, 'out/bundle');
/** The bundle's entry chunks (esbuild.mjs): the source each was made from → its file. */
const entries = JSON.parse(readFileSync(join(bundled, 'entries.json'), 'utf8'));
const LAZY = /^(vega|vega-lite|exceljs)$/;

rmSync(temporary, { recursive: true, force: true });
mkdirSync(temporary, { recursive: true });
const result = await build({
    absWorkingDir: here,
    entryPoints: ['src/snapshot-main.ts'],
    outfile: join(temporary, 'cnms.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    mainFields: ['module', 'main'],
    external: ['canvas'],
    legalComments: 'none',
    // no comments and no indentation, and ASCII only (below, scripts/ascii-output.mjs): V8 keeps a script's source in
    // the heap, two bytes a character when one character is past Latin-1 (6 MB of the 16 MB the snapshot was)
    minifyWhitespace: true,
    logLevel: 'warning',
    // report/provenance.ts reads import.meta only where CNMS_BUNDLED_LIBRARIES is not defined; it is, below
    logOverride: { 'empty-import-meta': 'silent' },
    define: { CNMS_BUNDLED_LIBRARIES: readFileSync(join(bundled, 'libraries.json'), 'utf8').trim() },
    write: false,
    plugins: [
        {
            name: 'renderers-from-the-bundle',
            setup(plugin) {
                plugin.onResolve({ filter: LAZY }, async args => {
                    if (args.pluginData === 'inner') return undefined;
                    const resolved = await plugin.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'inner' });
                    const chunk = entries[relative(here, resolved.path)];
                    if (args.kind !== 'dynamic-import' || !chunk) return { errors: [{ text: `${args.path} must be imported with import() and be an entry of out/bundle (found ${chunk ?? 'none'})` }] };
                    return { path: `../bundle/${chunk}`, external: true };
                });
            }
        }
    ]
});
// each import() of a renderer, through import.cjs in the folder of the blob the Node was started from (bin/cnms.js
// gives its absolute path)
const importBeside = `(specifier => require("node:module").createRequire(process.execArgv[process.execArgv.indexOf("--snapshot-blob") + 1])("./import.cjs")(specifier))`;
let imports = 0;
const code = result.outputFiles[0].text.replace(/\bimport\("(\.\.\/bundle\/[^"]+)"\)/g, (_, specifier) => {
    imports++;
    return `${importBeside}("${specifier}")`;
});
if (imports === 0) throw new Error('snapshot.mjs: no import() of the renderers found in the bundle');
writeFileSync(join(temporary, 'cnms.cjs'), asciiOnly(code));
writeFileSync(join(temporary, 'import.cjs'), '// import() for the snapshot (snapshot.mjs): a Node started from a snapshot has none of its own\nmodule.exports = specifier => import(specifier);\n');

const snapshot = spawnSync(process.execPath, ['--snapshot-blob', join(temporary, 'cnms.blob'), '--build-snapshot', join(temporary, 'cnms.cjs')], { cwd: temporary, stdio: 'inherit' });
if (snapshot.status !== 0) throw new Error(`snapshot.mjs: node --build-snapshot failed (${snapshot.status ?? snapshot.signal})`);
writeFileSync(join(temporary, 'built.json'), `${JSON.stringify({ node: process.version, arch: process.arch, execPath: process.execPath, folder: target }, null, 2)}\n`);

rmSync(`${target}.old`, { recursive: true, force: true });
if (existsSync(target)) renameSync(target, `${target}.old`);
renameSync(temporary, target);
rmSync(`${target}.old`, { recursive: true, force: true });
console.log('built packages/cli/out/snapshot/cnms.blob');
