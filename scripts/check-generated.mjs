// Checks that the committed generated code is fresh: Langium's output for
// grammar/cnms.langium, the TextMate grammar and the embedded built-in library. Run before `build`
// regenerates them, so that CI on a clean clone tests what was committed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const committed = join(root, 'packages/language/src/generated');
const work = mkdtempSync(join(tmpdir(), 'cnms-generated-'));
const fresh = join(work, 'generated');
const config = JSON.parse(readFileSync(join(root, 'langium-config.json'), 'utf8'));
config.out = fresh;
config.languages = config.languages.map(language => ({ ...language, grammar: join(root, language.grammar) }));
const configFile = join(work, 'langium-config.json');
writeFileSync(configFile, JSON.stringify(config));

let failed = false;
const generate = spawnSync(process.execPath, [join(root, 'scripts/langium-generate.mjs'), configFile], { encoding: 'utf8' });
if (generate.status !== 0) {
    console.error(generate.stdout, generate.stderr);
    process.exit(1);
}
for (const name of readdirSync(committed)) {
    if (readFileSync(join(committed, name), 'utf8') !== readFileSync(join(fresh, name), 'utf8')) {
        console.error(`packages/language/src/generated/${name} is stale: run \`pnpm run generate\` and commit it`);
        failed = true;
    }
}
if (!failed) console.log('Langium output is fresh');
if (spawnSync(process.execPath, [join(root, 'scripts/generate-textmate.mjs'), '--check'], { stdio: 'inherit' }).status !== 0) failed = true;
const embed = spawnSync(process.execPath, [join(root, 'scripts/embed-builtins.mjs'), '--check'], { encoding: 'utf8', stdio: 'inherit' });
process.exit(failed || embed.status !== 0 ? 1 : 0);
