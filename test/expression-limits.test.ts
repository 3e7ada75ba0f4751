import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeLensRequest, CompletionRequest, DocumentFormattingRequest, HoverRequest, InlayHintRequest, type Diagnostic } from 'vscode-languageserver-protocol';
import { languageModel, runCli, tempModel } from './helpers/cli.js';
import { isLet, type CnmsFile } from '@cnms/language';
import { buildModel } from './helpers/model.js';
import { fileUri, startServer, type LspSession } from './helpers/lsp-client.js';

// The limits of docs/limits.md: an expression at most 64 levels deep and of at
// most 1,000 terms; past them one located CN-NUM-001 and the value not computed.

const ORG = 'organization acme "Acme" { period 2024 consolidation operational-control ms-scope "All" }\nsite s\n';
const sum = (terms: number) => Array(terms).fill('1').join(' + ');
/** A model whose third line holds `x`; source `bad` counts x, source `good` 7 tCO2. */
const model = (line: string) => `${ORG}${line}\nsource bad at s { category 1 emissions x }\nsource good at s { category 1 emissions 7 tCO2 }\n`;

const TOO_DEEP = /nested more than 64 levels deep .* not computed — split it into lets\.$/;
const TOO_LONG = /has more than 1,000 terms .* not computed — split it into lets\.$/;

const PAST_A_LIMIT: ReadonlyArray<{ name: string; line: string; message: RegExp }> = [
    { name: '200 parentheses', line: `let x = ${'('.repeat(200)}1${')'.repeat(200)} tCO2`, message: TOO_DEEP },
    { name: '531 unary minus signs', line: `let x = ${'-'.repeat(531)}1 tCO2`, message: TOO_DEEP },
    { name: 'a sum of 3,732 terms', line: `let x = (${sum(3732)}) tCO2`, message: TOO_LONG },
    { name: 'a sum of 5,000 terms', line: `let x = (${sum(5000)}) tCO2`, message: TOO_LONG }
];

const HALF_TYPED: ReadonlyArray<{ name: string; line: string }> = [
    { name: '`10^`', line: 'let x = 10^' },
    { name: '`let x = `', line: 'let x = ' },
    { name: '`(1 +`', line: 'let x = (1 +' },
    { name: '`5 *`', line: 'let x = 5 *' }
];

const FILE_TOO_LARGE = 'This file is larger than 2 MiB, the limit per file; it is not read — split it into several files.';
/** Valid text, one byte past 2 MiB. */
const HUGE = 'let h = 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10\n'.repeat(Math.ceil((2 * 1024 * 1024 + 1) / 47));

interface JsonDiagnostic {
    file: string;
    line: number;
    column: number;
    rule: string;
    message: string;
}

function validate(dir: string): JsonDiagnostic[] {
    const result = runCli(['validate', dir, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    return (JSON.parse(result.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
}

/** The balance as JSON: exit 1 (an error), the bad source not computed, the rest counted. */
function expectBalanceWithoutBad(dir: string): void {
    const result = runCli(['balance', dir, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.errors).toBeGreaterThan(0);
    expect(json.emissions).toBe('7');
    expect(json.sources.find((s: { id: string }) => s.id === 'bad')).toMatchObject({ co2e: null, computed: false });
    expect(json.sources.find((s: { id: string }) => s.id === 'good')).toMatchObject({ co2e: '7', computed: true });
}

describe('cnms on expressions past the limits', () => {
    for (const { name, line, message } of PAST_A_LIMIT) {
        test(`${name}: one CN-NUM-001 at the expression, the value not computed, the rest of the model computed`, () => {
            const dir = languageModel({ 'org.cnms': model(line) });
            const diagnostics = validate(dir);
            expect(diagnostics.map(d => [d.line, d.column, d.rule])).toEqual([[3, 9, 'CN-NUM-001']]);
            expect(diagnostics[0].message).toMatch(message);
            expectBalanceWithoutBad(dir);
            for (const args of [
                ['balance', dir],
                ['report', dir, '--format', 'md']
            ]) {
                const text = runCli(args);
                expect(text.stdout + text.stderr).not.toMatch(/undefined|NaN|RangeError|internal error|\[object Object\]/);
            }
        });
    }

    test('an expression at the limits is read: 64 levels and 1,000 terms', () => {
        // (1 + … 990 ones …) inside 63 parentheses, one more for the group: 64 levels; 990 + 1 terms
        const line = `let x = ${'('.repeat(63)}${sum(990)}${')'.repeat(63)} tCO2\nlet y = ${'-'.repeat(64)}1 tCO2\nlet z = (${sum(999)}) tCO2`;
        const dir = languageModel({ 'org.cnms': `${model(line)}source more at s { category 1 emissions y + z }\n` });
        const result = runCli(['balance', dir, '--format', 'json']);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const json = JSON.parse(result.stdout);
        // 990 + 7 + (1 + 999) (64 minus signs cancel)
        expect(json.emissions).toBe('1997');
    });

    test('zh-CN: the limit is said in Chinese', () => {
        const dir = languageModel({ 'org.cnms': model(`let x = ${'('.repeat(100)}1${')'.repeat(100)} tCO2`) });
        const result = runCli(['validate', dir, '--lang', 'zh-CN']);
        expect(result.stdout).toContain('该表达式嵌套超过 64 层（括号与负号）；CNMS 最多读取 64 层');
    });

    test('a stray token inside parentheses does not reset the count', () => {
        // the parser's recovery would join the two halves across the string: 130 levels in all
        const line = `let x = ${'('.repeat(65)}"a" ${'('.repeat(65)}1${')'.repeat(130)} tCO2`;
        const dir = languageModel({ 'org.cnms': model(line) });
        const result = runCli(['validate', dir, '--format', 'json']);
        expect(result.stderr).toBe('');
        const diagnostics = (JSON.parse(result.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
        expect(diagnostics.some(d => d.rule === 'CN-NUM-001' && TOO_DEEP.test(d.message))).toBe(true);
    });
});

describe('what the limits count', () => {
    test('a minus sign between two terms, or the sign of an exponent, is not a level', async () => {
        // 300 subtractions of 2^-1 (600 terms, each exponent a term): 1 − 300 × 0.5 = −149
        const built = await buildModel({ 'org.cnms': `${ORG}let x = 1 ${'- 2^-1 '.repeat(300)}\noutput o = x\n` });
        expect(built.languageDiagnostics()).toEqual([]);
        const file = built.documents.get('org.cnms')!.parseResult.value as CnmsFile;
        const x = file.elements.filter(isLet).find(element => element.name === 'x');
        expect(built.Cnms.semantics.Evaluator.evaluate(x?.value)?.value.toString()).toBe('-149');
    });

    test('a qualified name is one term; the count starts afresh at each declaration', async () => {
        const terms = (count: number) => Array(count).fill('ipcc2006.motor_gasoline').join(' + ');
        const built = await buildModel({ 'org.cnms': `${ORG}let a = ${terms(1000)}\nlet b = ${terms(1000)}\nlet c = ${terms(1001)}\n` });
        expect(built.languageDiagnostics().map(d => [d.line, d.column, TOO_LONG.test(d.message)])).toEqual([[5, 9, true]]);
        const lets = (built.documents.get('org.cnms')!.parseResult.value as CnmsFile).elements.filter(isLet);
        const value = (name: string) => built.Cnms.semantics.Evaluator.evaluate(lets.find(element => element.name === name)?.value);
        // 1,000 × 69,300 kgCO2/TJ = 69,300 tCO2/TJ, i.e. 69.3 g per kJ: 69,300,000,000 g per 10^12 J
        expect(value('a')?.value.toString()).toBe('0.0693');
        expect(value('b')?.value.toString()).toBe('0.0693');
        expect(lets.find(element => element.name === 'c')?.value).toBeUndefined();
    });

    test('unary minus signs before parentheses add up: -(-( … 33 times is 66 levels', async () => {
        const built = await buildModel({ 'org.cnms': `${ORG}let a = ${'-('.repeat(32)}1${')'.repeat(32)}\nlet b = ${'-('.repeat(33)}1${')'.repeat(33)}\n` });
        expect(built.languageDiagnostics().map(d => [d.line, d.column, TOO_DEEP.test(d.message)])).toEqual([[4, 9, true]]);
    });
});

describe('cnms on half-typed expressions', () => {
    for (const { name, line } of HALF_TYPED) {
        test(`${name}: the syntax error is the only diagnostic, the value not computed`, () => {
            const dir = languageModel({ 'org.cnms': model(line) });
            const diagnostics = validate(dir);
            expect(diagnostics.map(d => d.rule)).toEqual(['CN-NUM-001']);
            expect(diagnostics[0].message).toMatch(/^Syntax error: /);
            expectBalanceWithoutBad(dir);
            for (const args of [
                ['validate', dir],
                ['balance', dir],
                ['report', dir, '--format', 'md']
            ]) {
                const text = runCli(args);
                expect(text.stdout + text.stderr).not.toMatch(/undefined|NaN|TypeError|internal error|\[object Object\]/);
            }
        });
    }

    test('a source whose emissions are left out (half-typed, or past a limit) is not also said to have none', () => {
        const dir = tempModel({ 'org.cnms': `${ORG}source deep at s { category 1 emissions ${'('.repeat(100)}1${')'.repeat(100)} tCO2 }\nsource half at s { category 1 emissions }\nsource good at s { category 1 emissions 7 tCO2 }\n` });
        const result = runCli(['validate', dir, '--format', 'json']);
        expect(result.stderr).toBe('');
        const diagnostics = (JSON.parse(result.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
        expect(diagnostics.filter(d => d.rule === 'CN-NUM-001' || d.rule === 'CN-6.2-003').map(d => [d.line, d.rule])).toEqual([
            [3, 'CN-NUM-001'],
            [4, 'CN-NUM-001']
        ]);
    });

    test('a target or an offset whose figure is past a limit or half-typed is not also said to lack it', () => {
        const deep = `${'('.repeat(100)}1${')'.repeat(100)}`;
        const dir = tempModel({
            'org.cnms':
                `${ORG}target cut "Cut" {\n    kind absolute-reduction\n    categories 1\n    base-year 2020\n    base ${deep} tCO2e\n    reduce 10 %\n    year 2030\n}\n` +
                `offset ccer {\n    standard CCER  registry "R"  serial "CCER-1"\n    kind reduction  vintage 2023\n    quantity 1_000 *\n    retired 2025-03-15\n}\n`
        });
        const result = runCli(['validate', dir, '--format', 'json']);
        expect(result.stderr).toBe('');
        const diagnostics = (JSON.parse(result.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
        // the deep base (line 7) and the half-typed quantity (the parser finds it unfinished at `retired`, line 15) get
        // their syntax errors; nothing says the target has no base or the offset no quantity
        expect(diagnostics.filter(d => d.rule === 'CN-NUM-001').map(d => d.line)).toEqual([7, 15]);
        expect(diagnostics.filter(d => d.message.includes('has no `base`') || d.message.includes('has no `quantity`'))).toEqual([]);
    });

    test('a source whose activity is half-typed is not computed, and says so', () => {
        const dir = languageModel({ 'org.cnms': `${ORG}let x = 0 tCO2\nsource bad at s { category 1 activity 5 * factor 2 tCO2/MWh }\nsource good at s { category 1 emissions 7 tCO2 }\n` });
        const diagnostics = validate(dir);
        expect(diagnostics.map(d => d.rule)).toEqual(['CN-NUM-001']);
        expectBalanceWithoutBad(dir);
    });
});

describe('the language server on expressions past the limits and half-typed', () => {
    let dir: string;
    let session: LspSession;
    const deep = model(`let x = ${'('.repeat(200)}1${')'.repeat(200)} tCO2`);

    beforeAll(async () => {
        // a deep file, a long one and one past 2 MiB already on disk when the server starts
        dir = languageModel({ 'org.cnms': deep, 'long.cnms': `let w = (${sum(5000)}) tCO2\n`, 'huge.cnms': HUGE });
        session = await startServer(dir);
    });
    afterAll(async () => session?.close());

    /** Every request an editor sends on a document: none may fail. */
    async function askEverything(uri: string, lines: number): Promise<void> {
        const range = { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } };
        await session.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range });
        await session.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
        for (let line = 0; line < lines; line++) {
            for (const character of [0, 8, 10, 12, 30]) {
                await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
                await session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
            }
        }
        const edits = await session.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
        // a file that is not read whole is never reformatted
        expect(edits ?? []).toEqual([]);
    }

    const limitDiagnostic = (diagnostics: Diagnostic[]) => diagnostics.filter(d => d.code === 'CN-NUM-001');

    test('started on a folder with a deep, a long and a 2 MiB file, it answers and locates each', async () => {
        const orgUri = fileUri(join(dir, 'org.cnms'));
        const longUri = fileUri(join(dir, 'long.cnms'));
        await session.open(orgUri, deep);
        const published = await session.waitForDiagnostics(orgUri, d => limitDiagnostic(d).length > 0);
        expect(limitDiagnostic(published).map(d => [d.range.start, d.message.match(TOO_DEEP) !== null])).toEqual([[{ line: 2, character: 8 }, true]]);
        // the whole expression left out, its unit too
        expect(limitDiagnostic(published)[0].range.end).toEqual({ line: 2, character: 8 + 401 + ' tCO2'.length });
        await askEverything(orgUri, 5);
        const lenses = await session.validatedCodeLens(orgUri);
        expect(lenses.length).toBeGreaterThan(0);
        const long = session.diagnostics.get(longUri) ?? (await session.waitForDiagnostics(longUri));
        expect(limitDiagnostic(long).map(d => [d.range.start, TOO_LONG.test(d.message)])).toEqual([[{ line: 0, character: 8 }, true]]);
        const hugeUri = fileUri(join(dir, 'huge.cnms'));
        const huge = session.diagnostics.get(hugeUri) ?? (await session.waitForDiagnostics(hugeUri));
        expect(huge.map(d => [d.range.start, d.message])).toEqual([[{ line: 0, character: 0 }, FILE_TOO_LARGE]]);
    });

    test('opening and changing documents to hostile and half-typed text: it survives and answers', async () => {
        const uri = fileUri(join(dir, 'typed.cnms'));
        writeFileSync(join(dir, 'typed.cnms'), '');
        let version = 1;
        await session.open(uri, 'let t = 1', version);
        const texts = [...PAST_A_LIMIT.map(c => ({ text: c.line.replace(/^let x/, 'let t'), expect: c.message })), ...HALF_TYPED.map(c => ({ text: c.line.replace(/^let x/, 'let t'), expect: undefined }))];
        for (const { text, expect: message } of texts) {
            version++;
            await session.change(uri, `${text}\nlet u = 2 tCO2\n`, version);
            const published = await session.waitForDiagnostics(uri, d => d.some(x => x.code === 'CN-NUM-001'));
            const syntax = limitDiagnostic(published);
            expect(syntax).toHaveLength(1);
            if (message) {
                expect(syntax[0].message).toMatch(message);
                expect(syntax[0].range.start).toEqual({ line: 0, character: 8 });
            } else {
                expect(syntax[0].message).toMatch(/^Syntax error: /);
            }
            await askEverything(uri, 3);
        }
    });

    test('an expression at the limits is read whole: hover, inlay hints and formatting walk it', async () => {
        const uri = fileUri(join(dir, 'at-limits.cnms'));
        // written without spaces around `+`, so that formatting has every operator to space
        const text = `let a = ${'('.repeat(63)}${Array(990).fill('1').join('+')}${')'.repeat(63)} tCO2\nlet b = ${'-'.repeat(64)}1 tCO2\n`;
        await session.open(uri, text);
        const published = await session.waitForDiagnostics(uri);
        expect(published.filter(d => String(d.code).startsWith('CN-NUM-'))).toEqual([]);
        const hints = await session.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } } });
        // a let's value with the digits it has (the display rules of docs/language.md): 990 sums of 1, and 64 minus signs
        expect((hints ?? []).map(h => h.label)).toEqual(['= 990 tCO2', '= 1 tCO2']);
        const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 4 } });
        expect(JSON.stringify(hover)).toContain('990');
        const edits = await session.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
        const formatted = TextDocument.applyEdits(TextDocument.create(uri, 'cnms', 1, text), edits ?? []);
        expect(formatted).toBe(`let a = ${'('.repeat(63)}${sum(990)}${')'.repeat(63)} tCO2\nlet b = ${'-'.repeat(64)}1 tCO2\n`);
    });

    test('a document larger than 2 MiB is not parsed: one diagnostic at its start', async () => {
        const uri = fileUri(join(dir, 'opened.cnms'));
        await session.open(uri, HUGE);
        const published = await session.waitForDiagnostics(uri, d => d.some(x => x.code === 'CN-NUM-001'));
        expect(published.map(d => [d.range.start, d.message])).toEqual([[{ line: 0, character: 0 }, FILE_TOO_LARGE]]);
        await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 9 } });
    });
});
