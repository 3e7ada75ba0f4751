// A dataset's CSV saved outside the editor takes effect at once (the server
// spoken to over the protocol, on real files): a broken row shows at the
// declaration and its source says "not computed", a fixed one gives the new
// figure; and, in the services themselves, a saved CSV recomputes exactly the
// figures that read it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, InlayHintRequest } from 'vscode-languageserver-protocol';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { addBuiltinDocuments, createCnmsServices, type Dataset, type Source } from '@cnms/language';
import { LANGUAGE_ONLY_SETTINGS } from './helpers/cli.js';
import { fileUri, startServer, type LspSession } from './helpers/lsp-client.js';

const dirs: string[] = [];
const sessions: LspSession[] = [];
afterAll(async () => {
    await Promise.all(sessions.map(session => session.close()));
    dirs.forEach(dir => rmSync(dir, { recursive: true, force: true }));
});

const ORGANIZATION = 'organization acme "Acme" {\n    consolidation operational-control\n    period 2024\n    gwp AR6\n    ms-scope "All"\n}\nsite plant\n';
const SOURCES =
    [
        'dataset north "data/north.csv" {\n    column meter text\n    column month date\n    column energy MWh\n}',
        'dataset south "data/south.csv" {\n    column meter text\n    column month date\n    column energy MWh\n}',
        'source from_north at plant {\n    category 2\n    activity sum(north.energy where month in 2024)\n    factor 1 tCO2/MWh\n}',
        'source from_south at plant {\n    category 2\n    activity sum(south.energy where month in 2024)\n    factor 1 tCO2/MWh\n}',
        'source typed at plant {\n    category 2\n    activity 5 MWh\n    factor 1 tCO2/MWh\n}'
    ].join('\n') + '\n';
const HEADER = 'meter,month,energy\n';

function newModel(): string {
    const dir = mkdtempSync(join(tmpdir(), 'cnms-datasets-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'organization.cnms'), ORGANIZATION);
    writeFileSync(join(dir, 'sources.cnms'), SOURCES);
    writeFileSync(join(dir, 'cnms.json'), LANGUAGE_ONLY_SETTINGS);
    writeFileSync(join(dir, 'data/north.csv'), HEADER + 'N-1,2024-01,4\nN-1,2024-02,6\n');
    writeFileSync(join(dir, 'data/south.csv'), HEADER + 'S-1,2024-01,20\n');
    return dir;
}

function labelOf(hint: { label: string | Array<{ value: string }> }): string {
    return typeof hint.label === 'string' ? hint.label : hint.label.map(part => part.value).join('');
}

describe('the language server watches the CSV files of datasets', () => {
    test('a saved CSV: a broken row shows at the declaration and its source is not computed; fixed, the new figure', async () => {
        const dir = newModel();
        const session = await startServer(dir);
        sessions.push(session);
        const uri = fileUri(join(dir, 'sources.cnms'));
        const text = readFileSync(join(dir, 'sources.cnms'), 'utf8');
        const first = session.waitForDiagnostics(uri);
        await session.open(uri, text);
        expect((await first).filter(d => d.severity === 1)).toEqual([]);
        /** The figure hint on each source's header line, by source. */
        const hints = async () => {
            const all = await session.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } } });
            const lines = text.split('\n');
            const bySource: Record<string, string> = {};
            for (const hint of all ?? []) {
                const match = /^source (\w+)/.exec(lines[hint.position.line] ?? '');
                if (match && (labelOf(hint).startsWith('=') || labelOf(hint).startsWith('⚠'))) bySource[match[1]] = labelOf(hint);
            }
            return bySource;
        };
        expect(await hints()).toEqual({ from_north: '= 10.000 tCO2e', from_south: '= 20.000 tCO2e', typed: '= 5.000 tCO2e' });
        // the dataset's hover: its file and rows, its columns
        const hover = async () => {
            const result = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 9 } });
            return (result?.contents as { value: string } | undefined)?.value;
        };
        expect((await hover())?.split('\n\n---\n\n')[0]).toBe('**north**\n\n`data/north.csv` · rows: 2\n- `meter`: text\n- `month`: date\n- `energy`: `MWh`');

        const north = join(dir, 'data/north.csv');
        const broken = session.waitForDiagnostics(uri, diagnostics => diagnostics.some(d => d.code === 'CN-NUM-013'));
        writeFileSync(north, HEADER + 'N-1,2024-01,4\nN-1,2024-02,six\n');
        await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(north), type: FileChangeType.Changed }] });
        const diagnostics = await broken;
        const data = diagnostics.filter(d => d.code === 'CN-NUM-013');
        expect(data.map(d => d.message)).toEqual(["data/north.csv:3:3: 'six' in column energy is not a number."]);
        // at the declaration's path
        expect(data[0].range.start.line).toBe(0);
        expect(text.split('\n')[0].slice(data[0].range.start.character, data[0].range.end.character)).toBe('"data/north.csv"');
        expect(await hints()).toEqual({ from_north: '⚠ not computed: CN-NUM-014', from_south: '= 20.000 tCO2e', typed: '= 5.000 tCO2e' });
        expect(await hover()).toContain('Rows with problems: 1 (the figures that use them are not computed)');

        const fixed = session.waitForDiagnostics(uri, diagnostics => !diagnostics.some(d => d.code === 'CN-NUM-013'));
        writeFileSync(north, HEADER + 'N-1,2024-01,4\nN-1,2024-02,6.125\n');
        await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(north), type: FileChangeType.Changed }] });
        expect((await fixed).filter(d => d.severity === 1)).toEqual([]);
        expect(await hints()).toEqual({ from_north: '= 10.125 tCO2e', from_south: '= 20.000 tCO2e', typed: '= 5.000 tCO2e' });
        const summary = await session.connection.sendRequest<{ net: string; uncomputed: number }>('cnms/balance', { uri: fileUri(join(dir, 'organization.cnms')) });
        expect(summary).toMatchObject({ net: '35.125', uncomputed: 0 });

        // deleted, then created again
        const gone = session.waitForDiagnostics(uri, diagnostics => diagnostics.some(d => d.code === 'CN-NUM-013'));
        rmSync(north);
        await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(north), type: FileChangeType.Deleted }] });
        expect((await gone).filter(d => d.code === 'CN-NUM-013').map(d => d.message)).toEqual(['The file data/north.csv of dataset north does not exist.']);
        const back = session.waitForDiagnostics(uri, diagnostics => !diagnostics.some(d => d.code === 'CN-NUM-013'));
        writeFileSync(north, HEADER + 'N-1,2024-03,1\n');
        await session.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(north), type: FileChangeType.Created }] });
        await back;
        expect((await hints()).from_north).toBe('= 1.000 tCO2e');
    }, 120_000);
});

describe('a path no file can have', () => {
    test('a lone surrogate half in a dataset path is a diagnostic, not a crash (found by the fuzzer)', async () => {
        const dir = newModel();
        const session = await startServer(dir);
        sessions.push(session);
        const uri = fileUri(join(dir, 'odd.cnms'));
        const published = session.waitForDiagnostics(uri, diagnostics => diagnostics.some(d => d.code === 'CN-NUM-013'));
        await session.open(uri, 'dataset odd "data/\ud800.csv" {\n    column energy MWh\n}\n');
        const diagnostics = await published;
        expect(diagnostics.filter(d => d.code === 'CN-NUM-013').map(d => d.message)).toEqual(['The path data/\ud800.csv of dataset odd is not a path a file can have.']);
        // and the server still answers
        const summary = await session.connection.sendRequest<{ net: string }>('cnms/balance', { uri: fileUri(join(dir, 'organization.cnms')) });
        expect(summary.net).toBe('35');
    }, 60_000);
});

describe('a saved CSV recomputes exactly the figures that read it', () => {
    test("the other dataset's source and the typed source keep their cached figures", async () => {
        const dir = newModel();
        const { shared, Cnms } = createCnmsServices(NodeFileSystem);
        const factory = shared.workspace.LangiumDocumentFactory;
        const documents = shared.workspace.LangiumDocuments;
        const all = addBuiltinDocuments(factory, documents);
        for (const name of ['organization.cnms', 'sources.cnms']) {
            const document = factory.fromString(readFileSync(join(dir, name), 'utf8'), URI.file(join(dir, name)));
            documents.addDocument(document);
            all.push(document);
        }
        await shared.workspace.DocumentBuilder.build(all, { validation: true });
        const elements = (documents.getDocument(URI.file(join(dir, 'sources.cnms')))!.parseResult.value as unknown as { elements: Array<Source | Dataset> }).elements;
        const source = (name: string) => elements.find((element): element is Source => element.$type === 'Source' && element.name === name)!;
        const north = elements.find((element): element is Dataset => element.$type === 'Dataset' && element.name === 'north')!;
        const figures = Cnms.semantics.SourceFigures;
        const before = new Map(['from_north', 'from_south', 'typed'].map(name => [name, figures.of(source(name))]));
        expect(before.get('from_north')?.co2e.toString()).toBe('10000000'); // grams

        writeFileSync(join(dir, 'data/north.csv'), HEADER + 'N-1,2024-01,4\nN-1,2024-02,7\n');
        Cnms.semantics.FigureMemo.fileChanged(URI.file(join(dir, 'data/north.csv')).toString());
        const after = new Map(['from_north', 'from_south', 'typed'].map(name => [name, figures.of(source(name))]));
        expect(after.get('from_north')?.co2e.toString()).toBe('11000000');
        expect(after.get('from_north')).not.toBe(before.get('from_north'));
        // the very same objects: not computed again
        expect(after.get('from_south')).toBe(before.get('from_south'));
        expect(after.get('typed')).toBe(before.get('typed'));

        // saved unchanged: the dataset's figure is computed again, the table is not parsed again (kept by content)
        const figure = Cnms.semantics.Datasets.of(north);
        Cnms.semantics.FigureMemo.fileChanged(URI.file(join(dir, 'data/north.csv')).toString());
        const again = Cnms.semantics.Datasets.of(north);
        expect(again).not.toBe(figure);
        expect(again.table).toBe(figure.table);
    });
});
