// The outline over the protocol: each declaration with the symbol kind of what
// it is (its icon), its title as detail, and in a file of several kinds the
// kinds with three or more declarations gathered under a heading, in English
// and Chinese.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DocumentSymbolRequest, SymbolKind, type DocumentSymbol } from 'vscode-languageserver-protocol';
import { fileUri, startServer, type LspSession } from './helpers/lsp-client.js';

const MODEL = [
    'organization acme "Acme Steel" { period 2024 consolidation operational-control gwp AR6 ms-scope "All" }',
    'site plant',
    'factor grid "Grid 2024" { value 0.5 tCO2/MWh source "test" year 2024 }',
    'let loss = 1.2',
    'factor coal_f { value 2 tCO2/t source "test" year 2024 }',
    'factor spare { value 1 tCO2/t source "test" year 2024 }',
    'source power at plant { category 2 activity 1000 MWh * loss factor grid }',
    'source office at plant { category 2 activity 300 MWh factor grid }',
    'source boiler "Boiler" at plant { category 1 activity 100 t factor coal_f }',
    'reduction efficiency { on power, office cuts 75 tCO2e from 2026 status planned }',
    'policy cn_policy "Policy" { text "We act." }',
    ''
].join('\n');

const sessions: LspSession[] = [];
const dirs: string[] = [];
afterAll(async () => {
    await Promise.all(sessions.map(session => session.close()));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function outline(locale: string, text: string): Promise<DocumentSymbol[]> {
    const dir = mkdtempSync(join(tmpdir(), 'cnms-outline-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'organization.cnms'), text);
    const session = await startServer(dir, { locale });
    sessions.push(session);
    const uri = fileUri(join(dir, 'organization.cnms'));
    await session.open(uri, text);
    return ((await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) ?? []) as DocumentSymbol[];
}

describe('the outline', () => {
    test('kinds, titles and groups of three or more', async () => {
        const symbols = await outline('en', MODEL);
        expect(symbols.map(s => [s.name, s.kind])).toEqual([
            ['acme', SymbolKind.Namespace],
            ['plant', SymbolKind.Module],
            ['Factors (3)', SymbolKind.Constant],
            ['loss', SymbolKind.Variable],
            ['Sources (3)', SymbolKind.Event],
            ['efficiency', SymbolKind.Operator],
            ['cn_policy', SymbolKind.Class]
        ]);
        expect(symbols[0].detail).toBe('Acme Steel');
        const factors = symbols[2].children!;
        expect(factors.map(s => [s.name, s.kind, s.detail])).toEqual([
            ['grid', SymbolKind.Constant, 'Grid 2024'],
            ['coal_f', SymbolKind.Constant, undefined],
            ['spare', SymbolKind.Constant, undefined]
        ]);
        // the group spans its members: from the first factor's line to the last one's
        expect([symbols[2].range.start.line, symbols[2].range.end.line]).toEqual([2, 5]);
        expect(symbols[4].children!.map(s => s.name)).toEqual(['power', 'office', 'boiler']);
        // nothing of the sorting leaks into the protocol
        expect(JSON.stringify(symbols)).not.toContain('"group"');
    });

    test('in Chinese; a file of one kind stays flat', async () => {
        const symbols = await outline('zh-CN', MODEL);
        expect(symbols[2].name).toBe('排放因子（3）');
        expect(symbols[4].name).toBe('排放源（3）');
        const flat = await outline('en', 'factor a { value 1 tCO2/t }\nfactor b { value 2 tCO2/t }\nfactor c { value 3 tCO2/t }\n');
        expect(flat.map(s => [s.name, s.kind])).toEqual([
            ['a', SymbolKind.Constant],
            ['b', SymbolKind.Constant],
            ['c', SymbolKind.Constant]
        ]);
    });
});
