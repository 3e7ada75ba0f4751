// The parse floor of `pnpm bench` (scripts/bench.mjs): a new Node process
// that parses every `.cnms` file under a folder with the CLI's own parser and
// nothing else. It loads Langium and the generated grammar, builds the parser
// and the CNMS lexer (the lexer `cnms` uses, with its limits), reads each file
// and parses it into its syntax tree and CST; no built-in library, no
// linking, no scopes, no validation, no figures. It fails (exit 1) when a file
// has a lexing or parsing error, so that the floor is the parse of the same
// model `cnms validate` reads.
//
// Usage: node scripts/bench-parse.mjs DIR   → prints `{ files, lines, parseMs }` as JSON
import 'object.groupby/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDefaultCoreModule, createDefaultSharedCoreModule, EmptyFileSystem, inject } from 'langium';
import { CnmsGeneratedModule, CnmsGeneratedSharedModule } from '../packages/language/out/generated/module.js';
import { cnmsLexer } from '../packages/language/out/syntax/cnms-lexer.js';

const dir = process.argv[2];
if (!dir) {
    console.error('usage: node scripts/bench-parse.mjs DIR');
    process.exit(2);
}

const start = performance.now();
const shared = inject(createDefaultSharedCoreModule(EmptyFileSystem), CnmsGeneratedSharedModule);
const Cnms = inject(createDefaultCoreModule({ shared }), CnmsGeneratedModule, { parser: { Lexer: () => cnmsLexer() } });
const parser = Cnms.parser.LangiumParser;
let files = 0;
let lines = 0;
for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.cnms')) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    const text = readFileSync(path, 'utf8');
    const result = parser.parse(text);
    const errors = result.lexerErrors.length + result.parserErrors.length;
    if (errors > 0) {
        console.error(`bench-parse: ${path}: ${errors} syntax errors, the first: ${(result.lexerErrors[0] ?? result.parserErrors[0]).message}`);
        process.exit(1);
    }
    files++;
    lines += text.split('\n').length - 1;
}
console.log(JSON.stringify({ files, lines, parseMs: Math.round(performance.now() - start) }));
