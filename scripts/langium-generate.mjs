// Runs `langium generate` on Node 20: chevrotain 13 (inside Langium 4.4) calls
// Object.groupBy, which Node 20 lacks, so the maintained es-shims polyfill is
// loaded first (see ../shared/design/architecture.md, "Node 20").
//
// Block properties are written `( 'a' a=… | 'b' b=… )*` on purpose: any order,
// and a property given twice is reported by the validator (CN-NUM-001) instead
// of being a parse error. Langium warns about each such assignment; those
// expected warnings are counted here rather than printed one by one.
import { spawnSync } from 'node:child_process';

const cli = new URL('../node_modules/langium-cli/bin/langium.js', import.meta.url).pathname;
// `node scripts/langium-generate.mjs [CONFIG]`: the repository's langium-config.json unless another is named.
const config = process.argv[2] ?? new URL('../langium-config.json', import.meta.url).pathname;
const run = spawnSync(process.execPath, ['--require', 'object.groupby/auto', cli, 'generate', '--file', config], { encoding: 'utf8' });
const lines = `${run.stdout}${run.stderr}`.split('\n');
const expected = /Found multiple assignments to '\w+' with the '\??=' assignment operator/;
const hidden = lines.filter(line => expected.test(line)).length;
for (const line of lines) {
    if (line.trim() !== '' && !expected.test(line)) console.log(line);
}
if (hidden > 0) console.log(`(${hidden} expected warnings about properties assigned in a repeated group not shown)`);
process.exit(run.status ?? 1);
