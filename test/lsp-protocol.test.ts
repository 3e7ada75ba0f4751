import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
    CodeActionRequest,
    FoldingRangeRequest,
    ReferencesRequest,
    WorkspaceSymbolRequest,
    CompletionRequest,
    DefinitionRequest,
    DocumentFormattingRequest,
    DocumentSymbolRequest,
    type DocumentSymbol,
    HoverRequest,
    InlayHintRequest,
    RenameRequest,
    SemanticTokensRequest,
    type CompletionItem,
    type CompletionList,
    type Location,
    type LocationLink,
    type MarkupContent
} from 'vscode-languageserver-protocol';
import { formatFigure, Rational } from '@cnms/language';
import { runCli, tempCopy, tempModel } from './helpers/cli.js';
import { fileUri, startServer, type LspSession } from './helpers/lsp-client.js';

/** The steel example's figures as the CLI computes them: the editor must show the same. */
function cliBalance(dir: string) {
    return JSON.parse(runCli(['balance', dir, '--format', 'json']).stdout);
}
const shown = (exact: string, signed = false) => formatFigure(Rational.parse(exact.replace(/^-/, '')).times(Rational.fromInteger(exact.startsWith('-') ? -1 : 1)), 'en', 3, signed);

describe('the language server over stdio (steel example)', () => {
    let dir: string;
    let session: LspSession;
    let orgUri: string;
    let siteUri: string;
    let siteText: string;

    beforeAll(async () => {
        dir = tempCopy('examples/steel');
        orgUri = fileUri(join(dir, 'organization.cnms'));
        siteUri = fileUri(join(dir, 'sites/main_works.cnms'));
        siteText = readFileSync(join(dir, 'sites/main_works.cnms'), 'utf8');
        session = await startServer(dir);
        await session.open(siteUri, siteText);
        await session.waitForDiagnostics(siteUri);
    });
    afterAll(async () => session?.close());

    test('publishes diagnostics with rule ids and doc links; the example has no error', async () => {
        const published = session.diagnostics.get(siteUri) ?? [];
        expect(published.filter(d => d.severity === 1)).toEqual([]);
        for (const diagnostic of published) {
            expect(diagnostic.code).toMatch(/^CN-/);
            expect(diagnostic.codeDescription?.href).toMatch(new RegExp(`${diagnostic.code}$`));
        }
    });

    test("inlay hints show each source's emissions as the CLI computes them", async () => {
        const json = cliBalance(dir);
        const hints = await session.connection.sendRequest(InlayHintRequest.type, {
            textDocument: { uri: siteUri },
            range: { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } }
        });
        const labels = (hints ?? []).map(h => (typeof h.label === 'string' ? h.label : h.label.map(p => p.value).join('')));
        const bfCoke = json.sources.find((s: { id: string }) => s.id === 'bf_coke');
        expect(labels).toContain(`= ${shown(bfCoke.co2e)} tCO2e`);
        expect(labels.some(l => /^= [\d,.]+ GJ$/.test(l))).toBe(true);
    });

    test('a code lens above the organization gives the net balance', async () => {
        const json = cliBalance(dir);
        const orgText = readFileSync(join(dir, 'organization.cnms'), 'utf8');
        await session.open(orgUri, orgText);
        const lenses = await session.validatedCodeLens(orgUri);
        const titles = (lenses ?? []).map(l => l.command?.title ?? '');
        expect(titles).toContain(`Net 2024: ${shown(json.net, true)} tCO2e · emissions ${shown(json.emissions)} · removals ${shown(json.removals)} · offsets ${shown(json.offsets)} · not neutral`);
        expect(lenses?.find(l => l.command?.title.startsWith('Net 2024'))?.command?.command).toBe('cnms.showBalance');
    });

    test('cnms/balance answers for the status bar', async () => {
        const json = cliBalance(dir);
        const summary = await session.connection.sendRequest<{ net: string; netDisplay: string; markdown: string; neutral: boolean }>('cnms/balance', { uri: orgUri });
        expect(summary.net).toBe(json.net);
        expect(summary.netDisplay).toBe(shown(json.net, true));
        expect(summary.markdown).toContain('Net balance');
    });

    test('hover on a source shows the calculation chain', async () => {
        const line = siteText.split('\n').findIndex(l => l.startsWith('source bf_coke'));
        const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: siteUri }, position: { line, character: 8 } });
        const text = (hover?.contents as MarkupContent).value;
        expect(text).toContain('bf_coke');
        expect(text).toContain('Activity');
        expect(text).toContain('GWP (AR5)');
        expect(text).toContain('IPCC 2006');
        expect(text).toMatch(/Counted emissions: [\d,.]+ tCO2e/);
    });

    test('completion offers properties in a block, sites after `at`, units after a number', async () => {
        const uri = fileUri(join(dir, 'sites/new.cnms'));
        const text = 'source x at  {\n    category 1\n    activity 12 \n}\n';
        await session.open(uri, text);
        const labels = async (line: number, character: number) => {
            const result = await session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
            return ((result as CompletionList)?.items ?? (result as CompletionItem[]) ?? []).map(i => i.label);
        };
        expect(await labels(0, 12)).toEqual(expect.arrayContaining(['main_works', 'lime_plant']));
        // on `category` itself: the properties not given yet, and category (the one being written); activity is given below
        const properties = await labels(1, 4);
        expect(properties).toEqual(expect.arrayContaining(['category', 'factor', 'emissions']));
        expect(properties).not.toContain('activity');
        expect(await labels(2, 16)).toEqual(expect.arrayContaining(['MWh', 't', 'GJ']));
    });

    test('go to definition reaches the built-in library, served read-only', async () => {
        const line = siteText.split('\n').findIndex(l => l.includes('factor ipcc2006.coke_oven_coke'));
        const character = siteText.split('\n')[line].indexOf('ipcc2006') + 10;
        const result = await session.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: siteUri }, position: { line, character } });
        const first = (Array.isArray(result) ? result[0] : result) as Location | LocationLink | undefined;
        const target = first && 'targetUri' in first ? first.targetUri : first?.uri;
        expect(target).toBe('cnms-builtin:/library/ipcc2006.cnms');
        const content = await session.connection.sendRequest<string | null>('cnms/builtinContent', { uri: target });
        expect(content).toContain('factor coke_oven_coke');
    });

    test('document symbols list the declarations', async () => {
        const symbols = (await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: siteUri } })) as DocumentSymbol[] | null;
        // the outline gathers a kind with three or more declarations under a heading (`Sources (11)`)
        const names = (list: readonly DocumentSymbol[]): string[] => list.flatMap(s => [s.name, ...names(s.children ?? [])]);
        expect(names(symbols ?? [])).toEqual(expect.arrayContaining(['main_works', 'bf_coke', 'purchased_power']));
    });

    test('references, workspace symbols and folding ranges', async () => {
        const line = siteText.split('\n').findIndex(l => l.startsWith('site main_works'));
        const references = await session.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: siteUri }, position: { line, character: 6 }, context: { includeDeclaration: false } });
        const sourcesAtSite = siteText.split('\n').filter(l => /^source \w+ .* at main_works/.test(l)).length;
        expect(references?.length).toBeGreaterThanOrEqual(sourcesAtSite);
        const symbols = await session.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'bf_co' });
        expect((symbols ?? []).map(s => s.name)).toContain('bf_coke');
        const folds = await session.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: siteUri } });
        expect((folds ?? []).length).toBeGreaterThan(5);
    });

    test('semantic tokens are produced', async () => {
        const tokens = await session.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: siteUri } });
        expect(tokens?.data.length).toBeGreaterThan(50);
    });

    test('rename changes every reference and refuses a clashing name', async () => {
        const line = siteText.split('\n').findIndex(l => l.startsWith('site main_works'));
        const edit = await session.connection.sendRequest(RenameRequest.type, { textDocument: { uri: siteUri }, position: { line, character: 6 }, newName: 'works_1' });
        const edits = Object.values(edit?.changes ?? {}).flat();
        expect(edits.length).toBeGreaterThan(5);
        expect(edits.every(e => e.newText === 'works_1')).toBe(true);
        await expect(session.connection.sendRequest(RenameRequest.type, { textDocument: { uri: siteUri }, position: { line, character: 6 }, newName: 'lime_plant' })).rejects.toThrow(/already the name of a site/);
        await expect(session.connection.sendRequest(RenameRequest.type, { textDocument: { uri: siteUri }, position: { line, character: 6 }, newName: '9 bad' })).rejects.toThrow(/not a valid name/);
    });

    test('formatting gives the canonical layout, keeps comments and is idempotent', async () => {
        const uri = fileUri(join(dir, 'sites/messy.cnms'));
        const messy = '// a comment that stays\nsite  messy_site{location "X"   share 50%}\nsource m at messy_site{category 1   emissions 10   t*0.44 tCO2/t // trailing\n}\n';
        await session.open(uri, messy);
        const format = async (text: string) => {
            const edits = await session.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
            return TextDocument.applyEdits(TextDocument.create(uri, 'cnms', 1, text), edits ?? []);
        };
        const once = await format(messy);
        expect(once).toBe('// a comment that stays\nsite messy_site {\n    location "X"\n    share 50 %\n}\nsource m at messy_site {\n    category 1\n    emissions 10 t * 0.44 tCO2/t // trailing\n}\n');
        await session.change(uri, once, 2);
        expect(await format(once)).toBe(once);
    });

    test('a change that breaks a line is flagged, and the repair clears it; a quick fix offers the nearest unit', async () => {
        const broken = siteText.replace('activity 320_000 MWh', 'activity 320_000 MWH');
        await session.change(siteUri, broken, 5);
        const flagged = await session.waitForDiagnostics(siteUri, d => d.some(x => x.code === 'CN-NUM-002'));
        const unknown = flagged.find(d => d.code === 'CN-NUM-002')!;
        expect(unknown.message).toBe("Unknown unit 'MWH'; did you mean 'MWh'?");
        expect(unknown.codeDescription?.href).toMatch(/CN-NUM-002$/);
        const actions = await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: siteUri }, range: unknown.range, context: { diagnostics: [unknown] } });
        const fix = (actions ?? []).find(a => 'edit' in a && a.edit);
        expect(fix && 'edit' in fix ? Object.values(fix.edit!.changes!)[0][0].newText : undefined).toBe('MWh');
        const syntax = siteText.replace('category 2', 'category');
        await session.change(siteUri, syntax, 6);
        const parseError = await session.waitForDiagnostics(siteUri, d => d.some(x => x.code === 'CN-NUM-001'));
        expect(parseError.length).toBeGreaterThan(0);
        const clean = (d: { code?: unknown }[]) => d.every(x => !String(x.code).startsWith('CN-NUM-'));
        await session.change(siteUri, siteText, 7);
        const repaired = await session.waitForDiagnostics(siteUri, clean);
        expect(repaired.filter(d => d.severity === 1)).toEqual([]);
    });
});

describe('the language server on the model cnms init writes (no emissions recorded)', () => {
    let session: LspSession;
    let orgUri: string;

    beforeAll(async () => {
        const dir = join(tempModel({}), 'model');
        expect(runCli(['init', dir, '--year', '2024']).code).toBe(0);
        orgUri = fileUri(join(dir, 'organization.cnms'));
        session = await startServer(dir);
        await session.open(orgUri, readFileSync(join(dir, 'organization.cnms'), 'utf8'));
        await session.waitForDiagnostics(orgUri);
    });
    afterAll(async () => session?.close());

    test("the code lens and the status bar's answer say it is not neutral, and why", async () => {
        const lenses = await session.validatedCodeLens(orgUri);
        const titles = (lenses ?? []).map(l => l.command?.title ?? '');
        expect(titles).toContain('Net 2024: 0.000 tCO2e · emissions 0.000 · removals 0.000 · offsets 0.000 · not neutral: no emissions recorded');
        const summary = await session.connection.sendRequest<{ neutral: boolean; markdown: string }>('cnms/balance', { uri: orgUri });
        expect(summary.neutral).toBe(false);
        expect(summary.markdown).toContain('no emissions are recorded for the period');
    });
});
