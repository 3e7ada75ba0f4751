// The TextMate grammar of the VS Code extension, loaded as VS Code loads it
// (vscode-textmate with the Oniguruma WebAssembly build), on every example
// model, the every-construct fixture and the built-in library.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { grammarKeywords } from './helpers/grammar.js';

const root = new URL('..', import.meta.url).pathname;
const GRAMMAR_FILE = join(root, 'packages/vscode/syntaxes/cnms.tmLanguage.json');

interface Token {
    readonly text: string;
    readonly scopes: readonly string[];
    readonly line: number;
}

let grammar: textmate.IGrammar;

beforeAll(async () => {
    const wasm = readFileSync(join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
            createOnigString: (text: string) => new oniguruma.OnigString(text)
        }),
        loadGrammar: async scopeName => (scopeName === 'source.cnms' ? textmate.parseRawGrammar(readFileSync(GRAMMAR_FILE, 'utf8'), GRAMMAR_FILE) : null)
    });
    const loaded = await registry.loadGrammar('source.cnms');
    if (!loaded) throw new Error('source.cnms did not load');
    grammar = loaded;
});

function tokenize(text: string): Token[] {
    const tokens: Token[] = [];
    let state = textmate.INITIAL;
    text.split(/\r?\n/).forEach((line, index) => {
        const result = grammar.tokenizeLine(line, state);
        for (const token of result.tokens) {
            tokens.push({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes, line: index + 1 });
        }
        state = result.ruleStack;
    });
    return tokens;
}

/** The scopes of the `occurrence`-th token (from 0) whose text is `text`, searched after the first token equal to `after`. */
function scopesOf(tokens: readonly Token[], text: string, options: { after?: string; occurrence?: number } = {}): readonly string[] {
    let start = 0;
    if (options.after !== undefined) {
        start = tokens.findIndex(token => token.text.includes(options.after!));
        expect(start, `a token containing ${JSON.stringify(options.after)}`).toBeGreaterThanOrEqual(0);
    }
    const found = tokens.slice(start).filter(token => token.text === text)[options.occurrence ?? 0];
    expect(found, `a token ${JSON.stringify(text)}${options.after ? ` after ${JSON.stringify(options.after)}` : ''}`).toBeDefined();
    return found.scopes;
}

function cnmsFiles(dir: string): string[] {
    return readdirSync(dir)
        .sort()
        .flatMap(name => {
            const path = join(dir, name);
            if (statSync(path).isDirectory()) return cnmsFiles(path);
            return name.endsWith('.cnms') ? [path] : [];
        });
}

/** The keywords of the Langium grammar, from the parser's own grammar object. */
function langiumKeywords(): string[] {
    return [...grammarKeywords()].sort();
}

const files = [...cnmsFiles(join(root, 'examples')), ...cnmsFiles(join(root, 'test/fixtures/every-construct')), ...cnmsFiles(join(root, 'packages/language/src/builtins'))];

describe('TextMate grammar', () => {
    test('is the generated one and a valid grammar', () => {
        const json = JSON.parse(readFileSync(GRAMMAR_FILE, 'utf8'));
        expect(json.scopeName).toBe('source.cnms');
        expect(json.information_for_contributors.join(' ')).toContain('scripts/generate-textmate.mjs');
        expect(files.length).toBeGreaterThanOrEqual(16);
    });

    test.each(files.map(file => [relative(root, file), file]))('%s: declarations, comments and strings keep their scopes', (_name, file) => {
        const text = readFileSync(file, 'utf8');
        const tokens = tokenize(text);
        expect(tokens.filter(token => token.scopes.some(scope => scope.startsWith('invalid'))).map(t => `${t.line}: ${t.text}`)).toEqual([]);
        const lines = text.split(/\r?\n/);
        lines.forEach((line, index) => {
            const onLine = tokens.filter(token => token.line === index + 1);
            // A declaration at the start of a line outside any block (or in a library): keyword and declared name.
            const declaration =
                /^(?:\s{4})?(organization|site|unit|let|factor|source|removal|offset|instrument|reduction|output|target|plan|claim|policy|role|risk|audit|review|nonconformity|library|gas|dimension|gwp-set|issue|party|obligation|change|meter|training|document|control|procurement|design|evaluation|compliance-check|improvement)\s+([^\s"{=]+)/.exec(
                    line
                );
            const inLibrary =
                /^\s{4}\S/.test(line) &&
                text
                    .split(/\r?\n/)
                    .slice(0, index)
                    .some(previous => previous.startsWith('library '));
            if (declaration && (!/^\s/.test(line) || inLibrary)) {
                const keyword = onLine.find(token => token.text === declaration[1]);
                const name = onLine.find(token => token.text === declaration[2]);
                expect(keyword?.scopes, `${relative(root, file)}:${index + 1} keyword`).toContain('keyword.other.declaration.cnms');
                expect(name?.scopes, `${relative(root, file)}:${index + 1} name`).toContain('entity.name.type.cnms');
            }
            // A line comment: everything from `//` on, when not inside a string.
            const comment = /^\s*(\/\/.*)$/.exec(line);
            if (comment) {
                expect(onLine.filter(token => token.text.trim() !== '').every(token => token.scopes.includes('comment.line.double-slash.cnms'))).toBe(true);
            }
            // Every string starts a string scope.
            for (const token of onLine.filter(t => t.text === '"' && t.scopes.includes('punctuation.definition.string.begin.cnms'))) {
                expect(token.scopes).toContain('string.quoted.double.cnms');
            }
        });
        // Every number outside comments and strings is a number or a date.
        for (const token of tokens) {
            const outside = !token.scopes.some(scope => scope.startsWith('comment') || scope.startsWith('string'));
            if (outside && /^\d[\d_]*(\.\d[\d_]*)?$/.test(token.text)) {
                expect(token.scopes, `${relative(root, file)}:${token.line} ${token.text}`).toContain('constant.numeric.cnms');
            }
        }
    });

    test('key scopes in the every-construct fixture', () => {
        const org = tokenize(readFileSync(join(root, 'test/fixtures/every-construct/organization.cnms'), 'utf8'));
        expect(scopesOf(org, ' Every construct of language.md, once, in a model split over files.')).toContain('comment.line.double-slash.cnms');
        expect(scopesOf(org, 'organization')).toContain('keyword.other.declaration.cnms');
        expect(scopesOf(org, 'acme')).toContain('entity.name.type.cnms');
        expect(scopesOf(org, 'Acme Steel Co., Ltd.')).toContain('string.quoted.double.cnms');
        expect(scopesOf(org, 'base-year')).toContain('keyword.other.property.cnms');
        expect(scopesOf(org, '2020')).toContain('constant.numeric.cnms');
        expect(scopesOf(org, 'equity-share')).toContain('constant.language.cnms');
        expect(scopesOf(org, 'market-based')).toContain('constant.language.cnms');
        expect(scopesOf(org, '%', { after: 'materiality' })).toContain('support.type.unit.cnms');
        expect(scopesOf(org, '2024-01-15')).toContain('constant.numeric.date.cnms');
        expect(scopesOf(org, 'top-management')).toContain('keyword.other.property.cnms');
        expect(scopesOf(org, 'months')).toContain('constant.language.cnms');
        expect(scopesOf(org, '12', { after: 'interval' })).toContain('constant.numeric.cnms');
        // `verified` is a reduction status after `status` and a nonconformity's property on its own.
        expect(scopesOf(org, 'closed')).toContain('constant.language.cnms');
        expect(scopesOf(org, 'verified')).toContain('keyword.other.property.cnms');
        // `obligation` is a declaration at the top and a property inside a party.
        expect(scopesOf(org, 'obligation')).toContain('keyword.other.property.cnms');
        expect(scopesOf(org, 'obligation', { occurrence: 1 })).toContain('keyword.other.declaration.cnms');
        expect(scopesOf(org, 'risk', { after: 'carbon_price' })).toContain('constant.language.cnms');

        const plant = tokenize(readFileSync(join(root, 'test/fixtures/every-construct/sites/plant_a.cnms'), 'utf8'));
        expect(scopesOf(plant, 'source')).toContain('keyword.other.declaration.cnms');
        expect(scopesOf(plant, 'boiler')).toContain('entity.name.type.cnms');
        expect(scopesOf(plant, 'at')).toContain('keyword.other.property.cnms');
        expect(scopesOf(plant, '1_250')).toContain('constant.numeric.cnms');
        expect(scopesOf(plant, 'wan_Nm3')).toContain('support.type.unit.cnms');
        expect(scopesOf(plant, 'MWh', { after: '86_000' })).toContain('support.type.unit.cnms');
        expect(scopesOf(plant, 'tkm')).toContain('support.type.unit.cnms');
        expect(scopesOf(plant, 'tCO2e', { after: '5_000' })).toContain('support.type.gas.cnms');
        expect(scopesOf(plant, 'tCO2', { after: '0.44' })).toContain('support.type.gas.cnms');
        expect(scopesOf(plant, 't', { after: '0.44' })).toContain('support.type.unit.cnms');
        expect(scopesOf(plant, 'kgCO2', { after: '0.062' })).toContain('support.type.gas.cnms');
        expect(scopesOf(plant, 'factor', { after: 'boiler' })).toContain('keyword.other.property.cnms');
        expect(scopesOf(plant, 'removal', { after: 'vcs_forest' })).toContain('constant.language.cnms');
        expect(scopesOf(plant, 'removal')).toContain('keyword.other.declaration.cnms');
        expect(scopesOf(plant, '..')).toContain('keyword.operator.range.cnms');
        expect(scopesOf(plant, '2024-12-31')).toContain('constant.numeric.date.cnms');
        expect(scopesOf(plant, '*', { after: 'wan_Nm3' })).toContain('keyword.operator.arithmetic.cnms');

        const factors = tokenize(readFileSync(join(root, 'test/fixtures/every-construct/factors.cnms'), 'utf8'));
        expect(scopesOf(factors, 'tCO2', { after: '0.5366' })).toContain('support.type.gas.cnms');
        expect(scopesOf(factors, '/', { after: '0.5366' })).toContain('keyword.operator.arithmetic.cnms');
        expect(scopesOf(factors, 'MWh', { after: '0.5366' })).toContain('support.type.unit.cnms');
        expect(scopesOf(factors, 'source', { after: 'grid_2022' })).toContain('keyword.other.property.cnms');
        expect(scopesOf(factors, 'kgCH4')).toContain('support.type.gas.cnms');
        expect(scopesOf(factors, '^')).toContain('keyword.operator.arithmetic.cnms');
        expect(scopesOf(factors, '=')).toContain('keyword.operator.assignment.cnms');
    });

    test('Chinese names, qualified names, escapes, block comments and libraries', () => {
        const tokens = tokenize(
            [
                'site 主厂区 "唐山基地主厂区" { location "唐山市" }',
                'source 一号锅炉 at 主厂区 { category 1.1 activity 1_200 t * ipcc2006.ncv_gas_diesel_oil factor ipcc2006.gas_diesel_oil }',
                'let x = 1.2e6 万元 // comment',
                'document d { path "a \\"quoted\\" \\\\ b" }',
                '/* a block',
                '   comment */ unit % "percent" = 1 / 100',
                'library lib "Library" {',
                '    factor f = 2 kgHFC134a/kWh { source "table" year 2020 }',
                '}'
            ].join('\n')
        );
        expect(scopesOf(tokens, '主厂区')).toContain('entity.name.type.cnms');
        expect(scopesOf(tokens, '唐山基地主厂区')).toContain('string.quoted.double.cnms');
        expect(scopesOf(tokens, '一号锅炉')).toContain('entity.name.type.cnms');
        expect(scopesOf(tokens, '1.1')).toContain('constant.numeric.cnms');
        expect(scopesOf(tokens, 'ipcc2006')).not.toContain('constant.numeric.cnms');
        expect(scopesOf(tokens, '.', { after: 'ipcc2006' })).toContain('punctuation.accessor.cnms');
        expect(scopesOf(tokens, '1.2e6')).toContain('constant.numeric.cnms');
        expect(scopesOf(tokens, '万元')).toContain('support.type.unit.cnms');
        expect(scopesOf(tokens, ' comment')).toContain('comment.line.double-slash.cnms');
        expect(scopesOf(tokens, '\\"')).toContain('constant.character.escape.cnms');
        expect(scopesOf(tokens, '\\\\')).toContain('constant.character.escape.cnms');
        expect(scopesOf(tokens, '   comment ')).toContain('comment.block.cnms');
        expect(scopesOf(tokens, '%')).toContain('entity.name.type.cnms');
        expect(scopesOf(tokens, 'library')).toContain('keyword.other.declaration.cnms');
        expect(scopesOf(tokens, 'lib')).toContain('entity.name.type.cnms');
        expect(scopesOf(tokens, 'factor', { after: 'Library' })).toContain('keyword.other.declaration.cnms');
        expect(scopesOf(tokens, 'f', { after: 'Library' })).toContain('entity.name.type.cnms');
        expect(scopesOf(tokens, 'kgHFC134a')).toContain('support.type.gas.cnms');
        expect(scopesOf(tokens, 'kWh')).toContain('support.type.unit.cnms');
        expect(scopesOf(tokens, 'source', { after: 'kWh' })).toContain('keyword.other.property.cnms');
    });

    test('a keyword written as a name is coloured as a name where the syntax says it is one (test/names.test.ts)', () => {
        const tokens = tokenize(
            ['site status "Main works" { control full }', 'source good "Grid power" at status {', '    category 2', '    activity full', '}', 'process none in joint {', '    sources good, of', '    consumes 5 t of other', '}'].join('\n')
        );
        expect(scopesOf(tokens, 'status')).toContain('entity.name.type.cnms');
        expect(scopesOf(tokens, 'good')).toContain('entity.name.type.cnms');
        expect(scopesOf(tokens, 'at')).toContain('keyword.other.property.cnms');
        expect(scopesOf(tokens, 'status', { after: 'Grid power' })).toContain('variable.other.cnms');
        expect(scopesOf(tokens, 'joint')).toContain('variable.other.cnms');
        expect(scopesOf(tokens, 'good', { after: 'sources' })).toContain('variable.other.cnms');
        expect(scopesOf(tokens, 'other')).toContain('variable.other.cnms');
        // `control full`: the value of a property is still its value
        expect(scopesOf(tokens, 'full')).toContain('constant.language.cnms');
    });

    test('covers every keyword of the Langium grammar', () => {
        const keywords = langiumKeywords();
        expect(keywords).toContain('organization');
        expect(keywords).toContain('compliance-check');
        const keywordScope = /^(keyword\.other\.(declaration|property)\.cnms|keyword\.other\.cnms|constant\.language\.cnms)$/;
        const uncovered: string[] = [];
        for (const keyword of keywords.filter(k => /^[A-Za-z]/.test(k))) {
            const top = tokenize(`${keyword} name`).find(token => token.text === keyword);
            const inBlock = tokenize(`organization o { ${keyword} }`).find(token => token.text === keyword);
            if (![top, inBlock].some(token => token?.scopes.some(scope => keywordScope.test(scope)))) uncovered.push(keyword);
        }
        expect(uncovered).toEqual([]);

        const symbols = keywords.filter(k => !/^[A-Za-z]/.test(k));
        const sample = tokenize('let a = (1 + 2) * 3 / 4 - 5 ^ -2 % + b.c { x 2024-01-01 .. 2024-12-31 targets a, b }');
        const plain = new Set(['source.cnms', 'meta.block.cnms']);
        for (const symbol of symbols) {
            const token = sample.find(t => t.text === symbol);
            expect(token, `symbol ${symbol} in the sample`).toBeDefined();
            expect(
                token!.scopes.filter(scope => !plain.has(scope)),
                `scope of ${symbol}`
            ).not.toEqual([]);
        }
    });
});
