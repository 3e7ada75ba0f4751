// Bundles the extension into out/extension.cjs (vscode-languageclient inside,
// `vscode` left to the editor) and copies the language server's bundle to
// out/server/main-node.cjs, so that the packaged extension needs no node_modules.
// Files are replaced atomically (written beside, then renamed): tests may load
// them while another run rebuilds them.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const server = join(here, '../server/out/main-node.cjs');
if (!existsSync(server)) {
    console.error('packages/server/out/main-node.cjs is missing: run `npx -y pnpm@12.4.2 run build` at the root first');
    process.exit(1);
}

function replace(target, write) {
    mkdirSync(dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    write(temporary);
    renameSync(temporary, target);
}

const result = await build({
    absWorkingDir: here,
    entryPoints: ['src/extension.ts'],
    outfile: 'out/extension.cjs',
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    sourcemap: false,
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
    write: false
});
for (const file of result.outputFiles) replace(file.path, temporary => writeFileSync(temporary, file.contents));
replace(join(here, 'out/server/main-node.cjs'), temporary => copyFileSync(server, temporary));
console.log('bundled packages/vscode/out/extension.cjs and copied out/server/main-node.cjs');

// the rule pages, opened from a finding's code without a network (src/rule-docs.ts)
const rules = join(here, '../../docs/rules');
for (const name of readdirSync(rules).filter(name => name.endsWith('.md'))) replace(join(here, 'out/rules', name), temporary => copyFileSync(join(rules, name), temporary));
