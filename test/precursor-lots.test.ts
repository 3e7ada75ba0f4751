// A precursor bought from several installations (`bought-from` lots,
// docs/cbam.md): its specific embedded emissions are the mass-weighted
// average of its lots', Σ m_j × SEE_j / Σ m_j, exact, and show wherever the
// precursor's figure shows: hover, `cnms balance --format json`, the report,
// `cnms cbam`. Every expected figure is worked out by hand in the test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol';
import { isGood, Rational, type Good } from '@cnms/language';
import { buildModel, exact, type BuiltModel } from './helpers/model.js';
import { runCli, tempModel } from './helpers/cli.js';
import { fileUri, startServer, type LspSession } from './helpers/lsp-client.js';

const MODEL = `organization acme "Acme Fasteners" {
    period 2025
    ms-scope "Fastener making"
}
site plant { location "Ningbo, Zhejiang" }
installation works "Fastener works" at plant {
    country "CN"
    city "Ningbo"
    unlocode "CNNGB"
}
source furnace "Heat-treatment furnace" at plant { category 1 emissions 30 tCO2 }
// 600 t at 2.0 + 400 t at 2.5 tCO2e/t: (1,200 + 1,000) / 1,000 = 2.2 tCO2e/t direct;
// 600 t at 0.1 + 400 t at 0 (none given): 60 / 1,000 = 0.06 tCO2e/t indirect
good wire_rod "Wire rod" {
    cn-code "7213 91 10"
    category "Iron or steel products"
    bought-from "Jiangsu Wire Co." { quantity 600 t embedded-direct 2.0 tCO2e/t embedded-indirect 0.1 tCO2e/t country "CN" }
    bought-from "Hebei Rod Works" { quantity 400 t embedded-direct 2.5 tCO2e/t country "CN" }
}
process fastening "Fastener making" in works {
    sources furnace
    consumes 1_050 t of wire_rod
    good fasteners "Fasteners" { cn-code "7318 15 88" category "Iron or steel products" quantity 1_000 t }
}
`;

async function build(text: string): Promise<BuiltModel> {
    return buildModel({ 'org.cnms': text });
}

function goodNamed(model: BuiltModel, name: string): Good {
    const file = model.documents.get('org.cnms')!.parseResult.value as { elements: unknown[] };
    const good = file.elements.find((element): element is Good => isGood(element) && element.name === name);
    if (!good) throw new Error(`no good ${name}`);
    return good;
}

describe('a precursor bought from several installations', () => {
    test('600 t at 2.0 and 400 t at 2.5 tCO2e/t give exactly 2.2; the process using it takes the average', async () => {
        const model = await build(MODEL);
        expect(model.diagnostics().filter(d => d.code.startsWith('CN-CBAM-') || d.code.startsWith('CN-NUM-'))).toEqual([]);
        const products = model.Cnms.semantics.ProductFigures;
        const rod = products.ofGood(goodNamed(model, 'wire_rod'))!;
        expect(exact(rod.seeDirect)).toBe('2.2');
        expect(exact(rod.seeIndirect)).toBe('0.06');
        expect(rod.lots!.map(lot => [lot.supplier, exact(lot.mass), exact(lot.seeDirect), exact(lot.seeIndirect)])).toEqual([
            ['Jiangsu Wire Co.', '600', '2', '0.1'],
            ['Hebei Rod Works', '400', '2.5', '0']
        ]);
        // fasteners: (30 + 1,050 × 2.2) / 1,000 = (30 + 2,310) / 1,000 = 2.34 direct; 1,050 × 0.06 / 1,000 = 0.063 indirect
        const process = model.documents.get('org.cnms')!.parseResult.value.elements.find(element => element.$type === 'Process')!;
        const fasteners = products.ofGood((process as unknown as { goods: Good[] }).goods[0])!;
        expect(exact(fasteners.seeDirect)).toBe('2.34');
        expect(exact(fasteners.seeIndirect)).toBe('0.063');
    });

    test('an average that is not a short decimal stays exact: 1 t at 1 and 2 t at 2 give 5/3', async () => {
        const model = await build(
            MODEL.replace('quantity 600 t embedded-direct 2.0 tCO2e/t embedded-indirect 0.1 tCO2e/t', 'quantity 1 t embedded-direct 1 tCO2e/t').replace('quantity 400 t embedded-direct 2.5 tCO2e/t', 'quantity 2 t embedded-direct 2 tCO2e/t')
        );
        const rod = model.Cnms.semantics.ProductFigures.ofGood(goodNamed(model, 'wire_rod'))!;
        expect(rod.seeDirect.equals(Rational.fromInteger(5).dividedBy(Rational.fromInteger(3)))).toBe(true);
    });

    test('a lot without its mass or figures, figures of its own beside lots, lots on a made good, lots of 0 t: CN-CBAM-008, never a figure', async () => {
        const problems = async (replace: (text: string) => string) =>
            (await build(replace(MODEL)))
                .diagnostics()
                .filter(d => d.code === 'CN-CBAM-008')
                .map(d => d.message);
        expect(await problems(text => text.replace('{ quantity 400 t embedded-direct 2.5 tCO2e/t country "CN" }', '{ embedded-direct 2.5 tCO2e/t }'))).toEqual([
            'The lot of wire_rod bought from Hebei Rod Works has no `quantity`: its share of the average is not known.'
        ]);
        // a supplier left empty is shown as a name not given, not as a double space
        expect(await problems(text => text.replace('"Hebei Rod Works" { quantity 400 t embedded-direct 2.5 tCO2e/t country "CN" }', '"" { embedded-direct 2.5 tCO2e/t }'))).toEqual([
            'The lot of wire_rod bought from — has no `quantity`: its share of the average is not known.'
        ]);
        expect(await problems(text => text.replace('{ quantity 400 t embedded-direct 2.5 tCO2e/t country "CN" }', '{ quantity 400 t }'))).toEqual([
            'The lot of wire_rod bought from Hebei Rod Works gives no `embedded-direct`: the average is not computed.'
        ]);
        expect(await problems(text => text.replace('category "Iron or steel products"\n    bought-from', 'category "Iron or steel products"\n    embedded-direct 2 tCO2e/t\n    bought-from'))).toEqual([
            'Good wire_rod is bought in lots (`bought-from`) and also gives figures of its own: its figures are the average of its lots; remove `embedded-direct` and `embedded-indirect`.'
        ]);
        expect(await problems(text => text.replace('quantity 600 t', 'quantity 0 t').replace('quantity 400 t', 'quantity 0 t'))).toEqual(['The lots of wire_rod add up to 0 t: no average is computed.']);
        expect(await problems(text => text.replace('quantity 1_000 t }', 'quantity 1_000 t bought-from "X" { quantity 1 t embedded-direct 1 tCO2e/t } }'))).toEqual([
            'Good fasteners is made by process fastening, whose figures it takes; `bought-from` is for goods bought.'
        ]);
    });

    test('lots produced in different reporting periods (Art. 14(1)): the same weighted average, each lot with its period', async () => {
        const periods = MODEL.replace('bought-from "Jiangsu Wire Co." { quantity 600 t', 'bought-from "Jiangsu Wire Co." { period 2024 quantity 600 t').replace(
            'bought-from "Hebei Rod Works" { quantity 400 t',
            'bought-from "Hebei Rod Works" { period 2025-01-01 .. 2025-06-30 quantity 400 t'
        );
        const model = await build(periods);
        expect(model.diagnostics().filter(d => d.code.startsWith('CN-CBAM-'))).toEqual([]);
        const rod = model.Cnms.semantics.ProductFigures.ofGood(goodNamed(model, 'wire_rod'))!;
        // (600 × 2.0 + 400 × 2.5) / 1,000 = 2.2, as without periods: a period is not a weight
        expect(exact(rod.seeDirect)).toBe('2.2');
        expect(rod.lots!.map(lot => lot.period)).toEqual(['2024-01-01 .. 2024-12-31', '2025-01-01 .. 2025-06-30']);
        const json = JSON.parse(runCli(['balance', tempModel({ 'org.cnms': periods }), '--format', 'json']).stdout);
        expect(json.purchased[0].lots.map((lot: { period: string | null }) => lot.period)).toEqual(['2024-01-01 .. 2024-12-31', '2025-01-01 .. 2025-06-30']);
        // a period that is not one of the calendar is CN-CBAM-008; the average still stands
        const bad = await build(periods.replace('period 2025-01-01 .. 2025-06-30', 'period 2025-02-30 .. 2025-06-30'));
        expect(
            bad
                .diagnostics()
                .filter(d => d.code === 'CN-CBAM-008')
                .map(d => d.message)
        ).toEqual(['The lot of wire_rod bought from Hebei Rod Works gives a `period` that is not a period of the calendar (a year such as 2024, or dates such as 2024-01-01 .. 2024-06-30).']);
        expect(exact(bad.Cnms.semantics.ProductFigures.ofGood(goodNamed(bad, 'wire_rod'))!.seeDirect)).toBe('2.2');
    });

    test('half-typed lots: a diagnostic, no crash, nothing undefined', async () => {
        for (const half of [
            'bought-from',
            'bought-from "Hebei Rod Works"',
            'bought-from "Hebei Rod Works" {',
            'bought-from "Hebei Rod Works" { quantity }',
            'bought-from { quantity 1 t }',
            'bought-from "" { quantity 1 t embedded-direct }',
            'bought-from "Hebei Rod Works" { period }',
            'bought-from "Hebei Rod Works" { period 2025 .. quantity 400 t embedded-direct 2.5 tCO2e/t }'
        ]) {
            const model = await build(MODEL.replace('bought-from "Hebei Rod Works" { quantity 400 t embedded-direct 2.5 tCO2e/t country "CN" }', half));
            const messages = model.diagnostics().map(d => d.message);
            expect(messages.length, half).toBeGreaterThan(0);
            for (const message of messages) expect(message, half).not.toMatch(/undefined|null|NaN|\[object Object\]/);
        }
    });
});

describe('the average where the precursor figure shows', () => {
    let dir: string;

    beforeAll(() => {
        dir = tempModel({ 'org.cnms': MODEL });
    });

    test('cnms balance --format json: purchased[] gives the average and its lots; processes[] uses it', () => {
        const result = runCli(['balance', dir, '--format', 'json']);
        expect(result.stderr).toBe('');
        const json = JSON.parse(result.stdout);
        expect(json.purchased).toEqual([
            {
                id: 'wire_rod',
                title: 'Wire rod',
                cn: '7213 91 10',
                category: 'Iron or steel products',
                supplier: 'Jiangsu Wire Co.; Hebei Rod Works',
                country: 'CN',
                defaultValue: false,
                seeDirect: '2.2',
                seeIndirect: '0.06',
                lots: [
                    { supplier: 'Jiangsu Wire Co.', country: 'CN', mass: '600', seeDirect: '2', seeIndirect: '0.1', defaultValue: false, period: null },
                    { supplier: 'Hebei Rod Works', country: 'CN', mass: '400', seeDirect: '2.5', seeIndirect: '0', defaultValue: false, period: null }
                ],
                computed: true
            }
        ]);
        expect(json.processes[0].precursors).toEqual([{ good: 'wire_rod', mass: '1050', seeDirect: '2.2', seeIndirect: '0.06', defaultValue: false }]);
        expect(json.products[0]).toMatchObject({ id: 'fasteners', seeDirect: '2.34', seeIndirect: '0.063' });
    });

    test('cnms cbam: E_PurchPrec gives the average, its lots in the json and, exact, in the workbook', async () => {
        const json = JSON.parse(runCli(['cbam', dir, '--format', 'json']).stdout);
        expect(json.purchasedPrecursors).toEqual([
            expect.objectContaining({
                id: 'wire_rod',
                supplier: 'Jiangsu Wire Co.; Hebei Rod Works',
                country: 'CN',
                mass: '1050',
                seeDirect: '2.2',
                seeIndirect: '0.06',
                lots: [
                    { supplier: 'Jiangsu Wire Co.', country: 'CN', mass: '600', seeDirect: '2', seeIndirect: '0.1', defaultValue: false, period: null },
                    { supplier: 'Hebei Rod Works', country: 'CN', mass: '400', seeDirect: '2.5', seeIndirect: '0', defaultValue: false, period: null }
                ]
            })
        ]);
        const file = join(dir, 'communication.xlsx');
        runCli(['cbam', dir, '-o', file]);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(readFileSync(file));
        const sheet = workbook.getWorksheet('E_PurchPrec')!;
        const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
        const cell = (header: string) => sheet.getRow(2).getCell(headers.indexOf(header) + 1).value;
        expect(cell('SEE direct (tCO2e/t) (exact)')).toBe('2.2');
        expect(cell('Supplier')).toBe('Jiangsu Wire Co.; Hebei Rod Works');
        expect(cell('Installations of origin (mass-weighted average)')).toBe('Jiangsu Wire Co.: 600 t × (2 + 0.1) tCO2e/t; Hebei Rod Works: 400 t × (2.5 + 0) tCO2e/t');
    });

    test('cnms report: the precursors bought show the average and their suppliers', () => {
        const json = JSON.parse(runCli(['report', dir, '--format', 'json']).stdout);
        expect(json.format_version).toBe('1.5');
        expect(json.products.purchased[0]).toMatchObject({ seeDirect: '2.2', seeIndirect: '0.06', supplier: 'Jiangsu Wire Co.; Hebei Rod Works' });
        expect(json.products.purchased[0].lots).toHaveLength(2);
        const md = runCli(['report', dir, '--format', 'md']).stdout;
        expect(md).toMatch(/Wire rod.*7213 91 10.*Jiangsu Wire Co\.; Hebei Rod Works.*2\.200/);
    });
});

describe('the hover of a good bought in lots', () => {
    let dir: string;
    let session: LspSession;
    let uri: string;

    beforeAll(async () => {
        dir = tempModel({ 'org.cnms': MODEL });
        uri = fileUri(join(dir, 'org.cnms'));
        session = await startServer(dir);
        await session.open(uri, MODEL);
        await session.waitForDiagnostics(uri);
    });
    afterAll(async () => session?.close());

    test('gives the average and each lot', async () => {
        const line = MODEL.split('\n').findIndex(l => l.startsWith('good wire_rod'));
        const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 7 } });
        const value = (hover?.contents as MarkupContent).value;
        expect(value).toContain('Specific embedded emissions: 2.26 tCO2e/t (direct 2.2 · indirect 0.06)');
        expect(value).toContain('Bought from 2 installations; its embedded emissions are the mass-weighted average of its lots:');
        expect(value).toContain('Jiangsu Wire Co.: 600 t × (2 + 0.1) tCO2e/t');
        expect(value).toContain('Hebei Rod Works: 400 t × (2.5 + 0) tCO2e/t');
    });

    test('follows an edit of a lot: 600 t at 2.0 and 1,400 t at 2.5 give (1,200 + 3,500) / 2,000 = 2.35 direct, 60 / 2,000 = 0.03 indirect', async () => {
        const edited = MODEL.replace('quantity 400 t', 'quantity 1_400 t');
        await session.change(uri, edited, 2);
        await session.waitForDiagnostics(uri);
        const line = edited.split('\n').findIndex(l => l.startsWith('good wire_rod'));
        const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 7 } });
        const value = (hover?.contents as MarkupContent).value;
        expect(value).toContain('Specific embedded emissions: 2.38 tCO2e/t (direct 2.35 · indirect 0.03)');
        expect(value).toContain('Hebei Rod Works: 1,400 t × (2.5 + 0) tCO2e/t');
        // and the process that uses it: fasteners (30 + 1,050 × 2.35) / 1,000 = 2.4975 direct, 1,050 × 0.03 / 1,000 = 0.0315 indirect
        const processLine = edited.split('\n').findIndex(l => l.startsWith('process fastening'));
        const processHover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: processLine, character: 10 } });
        const processValue = (processHover?.contents as MarkupContent).value;
        expect(processValue).toContain('Precursor wire_rod: 1,050 t × (2.35 + 0.03) tCO2e/t');
        // shown to three decimals, half-even: 2.4975 → 2.498; 2.4975 + 0.0315 = 2.529
        expect(processValue).toContain('Specific embedded emissions: 2.529 tCO2e/t (direct 2.498 · indirect 0.0315)');
    });
});
