// Keywords as names (grammar/cnms.langium, rules Name and ValueName;
// docs/language-notes.md): a model that names a site `status`, a source `good`,
// a factor `process` or a let `full` parses, links, computes, formats and is
// served by the editor as the same model with ordinary names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { AstUtils, createLangiumParser, EmptyFileSystem, GrammarAST, GrammarUtils } from 'langium';
import { CompletionRequest, DefinitionRequest, HoverRequest, RenameRequest, SemanticTokensRequest, type CompletionItem, type CompletionList, type Location, type LocationLink, type MarkupContent } from 'vscode-languageserver-protocol';
import { createCnmsServices, declaresOrganization, nameKeywords } from '@cnms/language';
import { languageModel, runCli } from './helpers/cli.js';
import { grammarKeywords } from './helpers/grammar.js';
import { fileUri, startServer, type LspSession } from './helpers/lsp-client.js';

const { Cnms } = createCnmsServices(EmptyFileSystem);
const grammar = Cnms.Grammar;
/**
 * The parser as the language builds it, but in development mode: in production
 * mode (the generated module's) its lookahead reports no ambiguity at all.
 */
const parser = createLangiumParser(new Proxy(Cnms, { get: (services, key) => (key === 'LanguageMetaData' ? { ...Cnms.LanguageMetaData, mode: 'development' } : services[key as keyof typeof Cnms]) }));

/** The keywords a name cannot be where an expression refers to it, besides those that start a statement in a block, and why. */
const NOT_VALUE_NAMES: Record<string, string> = {
    monthly: 'starts a month-by-month value, `monthly { … }`, where an expression starts'
};

/** The word keywords of the grammar: those the terminal ID would match. */
function wordKeywords(): string[] {
    const id = grammar.rules.find(rule => GrammarAST.isTerminalRule(rule) && rule.name === 'ID') as GrammarAST.TerminalRule;
    const pattern = new RegExp(`^(?:${GrammarUtils.terminalRegex(id).source})$`);
    return [...grammarKeywords()].filter(keyword => pattern.test(keyword)).sort();
}

/**
 * The keywords that start a statement inside a block: a property (`activity`,
 * `status`), a good in a process, a column of a dataset, a declaration in a
 * library. After an expression written in a block the next statement starts
 * with one, so an expression may not read one as a name: `activity 5 *`
 * half-typed before `factor grid` must still end at `factor`.
 */
function blockStatementKeywords(): Set<string> {
    const firstKeywords = (element: GrammarAST.AbstractElement | undefined, seen: Set<GrammarAST.AbstractRule>): string[] => {
        if (!element) return [];
        if (GrammarAST.isKeyword(element)) return [element.value];
        if (GrammarAST.isGroup(element)) return firstKeywords(element.elements[0], seen);
        if (GrammarAST.isAlternatives(element)) return element.elements.flatMap(e => firstKeywords(e, seen));
        if (GrammarAST.isAssignment(element)) return firstKeywords(element.terminal, seen);
        const rule = GrammarAST.isRuleCall(element) ? element.rule.ref : undefined;
        if (GrammarAST.isParserRule(rule) && !seen.has(rule)) {
            seen.add(rule);
            return firstKeywords(rule.definition, seen);
        }
        return [];
    };
    const keywords = new Set<string>();
    for (const rule of grammar.rules) {
        // the entry rule's repetition is the file's declarations, not a block
        if (!GrammarAST.isParserRule(rule) || rule.entry) continue;
        for (const node of AstUtils.streamAllContents(rule)) {
            if (GrammarAST.isAbstractElement(node) && node.cardinality === '*') for (const keyword of firstKeywords(node, new Set())) keywords.add(keyword);
        }
    }
    return keywords;
}

/** Parses a text; its syntax errors and the ambiguities the parser's lookahead reported while reading it. */
function parse(text: string): { errors: string[]; ambiguities: string[]; value: ReturnType<typeof parser.parse>['value'] } {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
        const result = parser.parse(text);
        const logged = [...log.mock.calls, ...warn.mock.calls].map(call => String(call[0]));
        return { errors: [...result.lexerErrors, ...result.parserErrors].map(error => error.message), ambiguities: logged.filter(line => /mbiguous/.test(line)), value: result.value };
    } finally {
        log.mockRestore();
        warn.mockRestore();
    }
}

describe('which keywords are names (read from the grammar)', () => {
    test('a stray token where a long decision fails is reported at once, its message worked out for one token (syntax/error-paths.ts)', () => {
        // `value …` of a factor decides between `value E of GAS` and `value E` past the whole expression; listing every
        // three-token sequence a name may start took 10 s here
        const started = performance.now();
        const result = Cnms.parser.LangiumParser.parse('factor f {\n    value 1\n    let\n}\n');
        expect(performance.now() - started).toBeLessThan(2000);
        expect(result.parserErrors.length).toBeGreaterThan(0);
    });

    test('every word keyword is a Name; a ValueName is every one but the block statements and those listed with their reason', () => {
        const words = wordKeywords();
        expect(words.length).toBeGreaterThan(150);
        // a new keyword must be added to rule Name, or this fails
        expect([...nameKeywords('Name')].sort()).toEqual(words);
        const statements = blockStatementKeywords();
        for (const word of Object.keys(NOT_VALUE_NAMES)) expect(statements.has(word), `${word} is a block statement already`).toBe(false);
        // a keyword that starts no block statement is a ValueName, unless NOT_VALUE_NAMES gives the reason it cannot be
        const values = words.filter(word => !statements.has(word) && !(word in NOT_VALUE_NAMES));
        expect([...nameKeywords('ValueName')].sort()).toEqual(values);
        expect(values).toEqual(expect.arrayContaining(['full', 'joint', 'none', 'of', 'other', 'measured', 'calculated', 'estimated', 'process', 'installation', 'site']));
    });

    test('every word keyword parses as a name in every place a name stands, with no ambiguity reported', () => {
        const values = nameKeywords('ValueName');
        for (const word of nameKeywords('Name')) {
            let text =
                `site ${word}\nrole ${word} { top-management }\nsource ${word} at ${word} { category 1 emissions 1 tCO2 }\n` +
                `meter ${word} { measures ${word}, ${word} }\ninstrument ${word} { covers ${word} }\nreduction ${word} { on ${word} owner ${word} }\n` +
                `installation ${word} at ${word} { country "CN" }\nprocess ${word} in ${word} { sources ${word}, ${word} consumes 5 t of ${word} good ${word} { quantity 1 t } }\n` +
                `dataset ${word} "d.csv" { column ${word} text column x MWh }\nlet sum_of = sum(${word}.${word} where ${word} = "a", ${word} in 2024)\n`;
            if (values.has(word)) text += `let ${word} = 2 t\nfactor f = 3 * ${word} + ${word}.x / (${word}) { source "s" }\noutput o = -${word}\nfactor g { value 1 t/t of ${word} }\n`;
            const { errors, ambiguities, value } = parse(text);
            expect(errors, `${word}:\n${text}`).toEqual([]);
            expect(ambiguities, word).toEqual([]);
            const names = AstUtils.streamAllContents(value)
                .map(node => (node as { name?: unknown }).name)
                .filter(name => name === word)
                .count();
            expect(names, word).toBeGreaterThanOrEqual(values.has(word) ? 12 : 11);
        }
    });

    test('a word that starts a block statement or a value is not a name in an expression: a half-typed expression still ends before it', () => {
        expect(parse('let monthly = 1').errors).not.toEqual([]);
        expect(parse('let status = 1').errors).not.toEqual([]);
        expect(parse('let x = 2 * status').errors).not.toEqual([]);
        // the property after a half-typed expression is read as the property, and the error is at it
        const half = parse('source s {\n    category 1\n    activity 5 *\n    factor grid\n}\n');
        expect(half.errors).toHaveLength(1);
        expect(half.errors[0]).toMatch(/factor/);
    });
});

/** The model of the task with keyword names; `ordinary` gives it the names a model would have had before. */
function model(ordinary: boolean): string {
    const name = (keyword: string, plain: string) => (ordinary ? plain : keyword);
    const [site, grid, boiler, ef, use, works, rolling, coil] = [
        name('status', 'plant'),
        name('good', 'power'),
        name('of', 'boiler'),
        name('process', 'grid_ef'),
        name('full', 'power_use'),
        name('joint', 'works'),
        name('none', 'rolling'),
        name('other', 'coil')
    ];
    return `organization acme "Acme" {
    consolidation operational-control
    period 2024
    gwp AR6
    scope2 location-based
    ms-scope "All"
}
site ${site} "Main works" {
    control full
}
let ${use} = 1_200 MWh
factor ${ef} = 0.5703 tCO2/MWh
source ${grid} "Grid power" at ${site} {
    category 2
    activity ${use}
    factor ${ef}
}
source ${boiler} "Boiler" at ${site} {
    category 1
    activity 2 * ${use} + 150 MWh
    factor ${ef} * 3
}
installation ${works} at ${site} {
    country "CN"
}
process ${rolling} "Rolling" in ${works} {
    sources ${grid}, ${boiler}
    good ${coil} {
        quantity 1_000 t
    }
}
`;
}

describe('cnms on a model whose names are keywords', () => {
    const balance = (dir: string) => {
        const result = runCli(['balance', dir, '--format', 'json']);
        expect(result.stderr).toBe('');
        return JSON.parse(result.stdout);
    };

    test('computes the figures worked out by hand, the same as with ordinary names', () => {
        const keywords = balance(languageModel({ 'org.cnms': model(false) }));
        const ordinary = balance(languageModel({ 'org.cnms': model(true) }));
        // good: 1,200 MWh × 0.5703 tCO2/MWh = 684.36; of: (2 × 1,200 + 150) MWh × 3 × 0.5703 = 2,550 × 1.7109 = 4,362.795
        expect(keywords.sources.map((s: { id: string; site: string; co2e: string }) => [s.id, s.site, s.co2e])).toEqual([
            ['good', 'status', '684.36'],
            ['of', 'status', '4362.795']
        ]);
        expect(keywords.emissions).toBe('5047.155');
        expect(keywords.errors).toBe(0);
        // the coil: 4,362.795 t direct and 684.36 t indirect over 1,000 t
        const coil = keywords.products[0];
        expect([coil.id, coil.installation, coil.process, coil.seeDirect, coil.seeIndirect, coil.see]).toEqual(['other', 'joint', 'none', '4.362795', '0.68436', '5.047155']);
        for (const field of ['emissions', 'byCategory', 'byScope', 'byGas', 'net', 'errors', 'warnings']) expect(keywords[field], field).toEqual(ordinary[field]);
        expect(keywords.sources.map((s: { co2e: string }) => s.co2e)).toEqual(ordinary.sources.map((s: { co2e: string }) => s.co2e));
    });

    test('validate says the same as for ordinary names; format leaves the file byte for byte', () => {
        const diagnostics = (ordinary: boolean) => {
            const result = runCli(['validate', languageModel({ 'org.cnms': model(ordinary) }), '--format', 'json']);
            expect(result.stderr).toBe('');
            expect(result.code).toBe(0);
            return (JSON.parse(result.stdout).diagnostics as Array<{ line: number; rule: string; severity: string }>).map(d => [d.line, d.rule, d.severity]);
        };
        expect(diagnostics(false)).toEqual(diagnostics(true));
        const dir = languageModel({ 'org.cnms': model(false) });
        const check = runCli(['format', '--check', dir]);
        expect(check.code).toBe(0);
        const messy = languageModel({
            'org.cnms': model(false)
                .replace(/\n\s*(?=\S)/g, ' ')
                .replace(/ at /g, '  at  ')
        });
        expect(runCli(['format', messy]).code).toBe(0);
        expect(readFileSync(join(messy, 'org.cnms'), 'utf8')).toBe(model(false));
    });

    test('a syntax error where a name is missing says "a name", not the keywords a name may be', () => {
        const dir = languageModel({ 'org.cnms': 'organization acme {\n    period 2024\n}\nsite {\n}\nlet y = 2 *\nsource s {\n}\n' });
        const result = runCli(['validate', dir, '--format', 'json']);
        const messages = (JSON.parse(result.stdout).diagnostics as Array<{ line: number; rule: string; message: string }>).filter(d => d.rule === 'CN-NUM-001').map(d => [d.line, d.message]);
        expect(messages).toEqual([
            [4, "Syntax error: expected a name, found '{'."],
            [7, "Syntax error: expected '-', '(', a name, 'monthly', a number, found 'source'."]
        ]);
    });

    test('an expression nested through keyword names is still held to the depth limit', () => {
        const segment = `${'('.repeat(60)}full + `;
        const dir = languageModel({ 'org.cnms': `${model(false)}let deep = ${segment.repeat(40)}1${')'.repeat(60 * 40)}\n` });
        const result = runCli(['validate', dir, '--format', 'json']);
        expect(result.stderr).toBe('');
        const diagnostics = JSON.parse(result.stdout).diagnostics as Array<{ rule: string; message: string }>;
        expect(diagnostics.filter(d => d.rule === 'CN-NUM-001').map(d => /nested more than 64 levels deep/.test(d.message))).toEqual([true]);
    });

    test('a file declares an organisation named with a keyword; a keyword used as a value does not declare one', () => {
        expect(declaresOrganization('organization at "Acme" {\n}\n')).toBe(true);
        expect(declaresOrganization('organization status {\n}\n')).toBe(true);
        expect(declaresOrganization('let x = 2 * organization\n')).toBe(false);
        expect(declaresOrganization('site organization\nsource s at organization {\n}\n')).toBe(false);
    });
});

describe('the language server on a model whose names are keywords', () => {
    let dir: string;
    let session: LspSession;
    let uri: string;
    const text = model(false);
    const lines = text.split('\n');
    const at = (line: string, word: string, nth = 0) => {
        const index = lines.findIndex(l => l.startsWith(line));
        let character = -1;
        for (let i = 0; i <= nth; i++) character = lines[index].indexOf(word, character + 1);
        return { line: index, character };
    };

    beforeAll(async () => {
        dir = languageModel({ 'org.cnms': text });
        uri = fileUri(join(dir, 'org.cnms'));
        session = await startServer(dir);
        await session.open(uri, text);
        await session.waitForDiagnostics(uri);
    });
    afterAll(async () => session?.close());

    test('no diagnostic is an error', () => {
        expect((session.diagnostics.get(uri) ?? []).filter(d => d.severity === 1)).toEqual([]);
    });

    test('semantic tokens colour `at status` and `sources good, of` as names, like `activity full`', async () => {
        const tokens = await session.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
        const decoded: Array<{ line: number; character: number; length: number; type: number }> = [];
        let line = 0;
        let character = 0;
        for (let i = 0; i < (tokens?.data.length ?? 0); i += 5) {
            const [dLine, dChar, length, type] = tokens!.data.slice(i, i + 4);
            line += dLine;
            character = dLine === 0 ? character + dChar : dChar;
            decoded.push({ line, character, length, type });
        }
        const typeAt = (position: { line: number; character: number }) => decoded.find(t => t.line === position.line && t.character === position.character)?.type;
        const variable = typeAt(at('    activity full', 'full'));
        expect(variable).toBeDefined();
        expect(typeAt(at('source good', 'status'))).toBe(variable);
        expect(typeAt(at('    sources good', 'good'))).toBe(variable);
        expect(typeAt(at('    sources good', 'of'))).toBe(variable);
        expect(typeAt(at('process none', 'joint'))).toBe(variable);
    });

    test('definition, hover and completion read the names', async () => {
        const definition = await session.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: at('source good', 'status') });
        const first = (Array.isArray(definition) ? definition[0] : definition) as Location | LocationLink | undefined;
        const range = first && 'targetRange' in first ? first.targetSelectionRange : first?.range;
        expect(range?.start).toEqual(at('site status', 'status'));
        const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at('    factor process', 'process') });
        expect((hover?.contents as MarkupContent).value).toContain('process');
        const end = at('    factor process', 'process');
        const completion = await session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: end.line, character: end.character + 'process'.length } });
        const labels = ((completion as CompletionList)?.items ?? (completion as CompletionItem[]) ?? []).map(item => item.label);
        expect(labels).toContain('process');
    });

    test('rename takes a keyword the declaration accepts, and refuses one an expression would read as the keyword', async () => {
        const edit = await session.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: at('let full', 'full'), newName: 'measured' });
        const edits = Object.values(edit?.changes ?? {}).flat();
        // the let and `activity full`, `2 * full`
        expect(edits.map(e => e.newText)).toEqual(['measured', 'measured', 'measured']);
        await expect(session.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: at('let full', 'full'), newName: 'status' })).rejects.toThrow(
            /'status' cannot name a named value: an expression would read it as the keyword/
        );
        const site = await session.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: at('site status', 'status'), newName: 'category' });
        // the site and its three `at status`
        expect(
            Object.values(site?.changes ?? {})
                .flat()
                .map(e => e.newText)
        ).toEqual(['category', 'category', 'category', 'category']);
        await expect(session.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: at('site status', 'status'), newName: 'base-year' })).rejects.toThrow(/not a valid name/);
    });

    test("after `factor process +` completion offers what a factor may be (factors and lets), not sources: `process` is read as the factor's name, not as the property", async () => {
        const extra = fileUri(join(dir, 'extra.cnms'));
        await session.open(extra, 'source extra at status {\n    category 1\n    factor process + \n}\n');
        const completion = await session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: extra }, position: { line: 2, character: '    factor process + '.length } });
        const labels = ((completion as CompletionList)?.items ?? (completion as CompletionItem[]) ?? []).map(item => item.label);
        expect(labels).toEqual(expect.arrayContaining(['process', 'full']));
        expect(labels).not.toContain('good');
    });
});
