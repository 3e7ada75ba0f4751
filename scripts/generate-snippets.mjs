// Writes the VS Code extension's snippets (packages/vscode/snippets/cnms.json)
// from the declaration snippets of the language package, their single source.
// `--check` fails when the committed file is stale. Needs the language package built.
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const { DECLARATION_SNIPPETS } = await import(`${root}packages/language/out/lsp/declaration-snippets.js`);
const target = `${root}packages/vscode/snippets/cnms.json`;
const text = `${JSON.stringify(DECLARATION_SNIPPETS, null, 2)}\n`;
if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== text) {
        console.error('packages/vscode/snippets/cnms.json is stale: run `node scripts/generate-snippets.mjs` and commit it');
        process.exit(1);
    }
    console.log('snippets are fresh');
} else {
    writeFileSync(target, text);
    console.log(`wrote ${Object.keys(DECLARATION_SNIPPETS).length} snippets to packages/vscode/snippets/cnms.json`);
}
