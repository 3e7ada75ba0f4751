// `cnms balance` products[], `cnms cbam` (xlsx and json) and the editor's
// figures on the long-process steel example (examples/cbam-steel,
// docs/cbam.md). The specific embedded emissions are worked out by hand
// below; the communication is read back cell by cell.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HoverRequest, InlayHintRequest, type MarkupContent } from 'vscode-languageserver-protocol';
import { formatFigure, Rational } from '@cnms/language';
import { CBAM_MISSING, CBAM_SHEETS } from '@cnms/report';
import { runCli, tempCopy, tempModel } from './helpers/cli.js';
import { fileUri, startServer, type LspSession } from './helpers/lsp-client.js';

const EXAMPLE = 'examples/cbam-steel';
const fraction = (numerator: string, denominator: string) => Rational.parse(numerator).dividedBy(Rational.parse(denominator));

/**
 * By hand (tCO2e; electricity at china_grid.north_2023 = 0.6361 tCO2/MWh):
 * sinter     direct 420,000 / 2,600,000 = 21/130
 *            indirect 180,000 × 0.6361 = 114,498; / 2,600,000 = 57,249/1,300,000
 * pig iron   direct (3,150,000 − 500,000 GJ × 0.08 + 2,550,000 × 21/130 + 620,000 × 0.085) / 2,000,000
 *                 = (3,110,000 + 5,355,000/13 + 52,700) / 2,000,000 = 46,470,100/13 / 2,000,000 = 464,701/260,000
 *            indirect (120,000 × 0.6361 + 2,550,000 × 57,249/1,300,000 + 620,000 × 0.021) / 2,000,000
 *                 = (76,332 + 2,919,699/26 + 13,020) / 2,000,000 = 5,242,851/26 / 2,000,000 = 5,242,851/52,000,000
 * slab       direct (190,000 + 1,880,000 × 464,701/260,000) / 2,100,000 = 46,151,894/13 / 2,100,000 = 23,075,947/13,650,000
 *            indirect (95,000 × 0.6361 + 1,880,000 × 5,242,851/52,000,000) / 2,100,000
 *                 = (60,429.5 + 246,413,997/1,300) / 2,100,000 = 324,972,347/1,300 / 2,100,000 = 324,972,347/2,730,000,000
 * coil       direct (2,300 TJ × (56,100 kgCO2 + 1 kgCH4 × 27.9 + 0.1 kgN2O × 273)/TJ + 40,000 + 2,060,000 × 23,075,947/13,650,000) / 2,000,000
 *                 = (129,156.96 + 40,000 + 4,753,645,082/1,365) / 2,000,000 = 498,454,433,240/136,500 / 2,000,000
 *            indirect (160,000 × 0.6361 + 2,060,000 × 324,972,347/2,730,000,000) / 2,000,000
 *                 = (101,776 + 66,944,303,482/273,000) / 2,000,000 = 94,729,151,482/273,000 / 2,000,000
 */
const EXPECTED: Record<string, { direct: Rational; indirect: Rational }> = {
    sinter: { direct: fraction('21', '130'), indirect: fraction('57249', '1300000') },
    pig_iron: { direct: fraction('464701', '260000'), indirect: fraction('5242851', '52000000') },
    slab: { direct: fraction('23075947', '13650000'), indirect: fraction('324972347', '2730000000') },
    hrc: { direct: fraction('498454433240', '273000000000'), indirect: fraction('94729151482', '546000000000') }
};

interface ProductJson {
    id: string;
    process: string;
    installation: string;
    cn: string | null;
    category: string | null;
    quantity: string;
    seeDirect: string;
    seeIndirect: string;
    see: string;
    computed: boolean;
}

function balanceJson(dir: string) {
    const result = runCli(['balance', dir, '--format', 'json']);
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as { products: ProductJson[]; purchased: Array<{ id: string; seeDirect: string }>; processes: Array<{ id: string; attributedDirect: string }> };
}

describe('cnms balance: products[] (the example)', () => {
    test('json: each good of the chain with the figures worked out by hand, exact', () => {
        const json = balanceJson(EXAMPLE);
        expect(json.products.map(product => product.id)).toEqual(['sinter', 'pig_iron', 'slab', 'hrc']);
        for (const product of json.products) {
            const expected = EXPECTED[product.id];
            expect(product.computed).toBe(true);
            expect(product.seeDirect).toBe(expected.direct.toString());
            expect(product.seeIndirect).toBe(expected.indirect.toString());
            expect(product.see).toBe(expected.direct.plus(expected.indirect).toString());
        }
        // the blast furnaces send 500,000 GJ × 0.08 tCO2/GJ = 40,000 tCO2e of heat to the mill
        expect(json.processes.find(process => process.id === 'ironmaking')!.attributedDirect).toBe('3110000');
        expect(json.processes.find(process => process.id === 'rolling')!.attributedDirect).toBe('169156.96');
        expect(json.purchased).toEqual([expect.objectContaining({ id: 'pellets', seeDirect: '0.085' })]);
    });

    test('text: a products section, rounded for display only', () => {
        const result = runCli(['balance', EXAMPLE, '--no-color']);
        // coil: 1.82584… + 0.17349… = 1.99933… → 1.999
        expect(result.stdout).toMatch(/hrc @ works \/ rolling \[7208 39 00\] +1\.999 tCO2e\/t\n +direct +1\.826 tCO2e\/t\n +indirect +0\.173 tCO2e\/t/);
        const zh = runCli(['balance', EXAMPLE, '--no-color', '--lang', 'zh-CN']);
        expect(zh.stdout).toContain('产品：单位隐含排放量');
    });

    test('a model without processes has an empty products[]', () => {
        const dir = tempModel({ 'org.cnms': 'organization acme { period 2024 }\nsite s\nsource a at s { category 1 emissions 1 tCO2 }\n' });
        expect(balanceJson(dir).products).toEqual([]);
    });
});

describe('cnms cbam', () => {
    test('--format json: the communication, with the figures of cnms balance and the missing UN/LOCODE flagged', () => {
        const result = runCli(['cbam', EXAMPLE, '--format', 'json']);
        expect(result.stderr).toBe('');
        // a mandatory field is missing: exit 1, as for an incomplete balance
        expect(result.code).toBe(1);
        const communication = JSON.parse(result.stdout);
        expect(communication.installation).toMatchObject({
            id: 'works',
            name: 'Caofeidian integrated steel works',
            operator: 'Tangshan Coastal Steel Co., Ltd.',
            country: 'CN',
            city: 'Tangshan',
            unlocode: null,
            period: { start: '2025-01-01', end: '2025-12-31' }
        });
        expect(communication.missing).toEqual([{ sheet: 'A_InstData', item: 'works', field: 'UN/LOCODE' }]);
        expect(communication.complete).toBe(false);
        expect(communication.products).toEqual(balanceJson(EXAMPLE).products);
        expect(communication.purchasedPrecursors).toEqual([expect.objectContaining({ id: 'pellets', usedBy: 'ironmaking', mass: '620000', seeDirect: '0.085', seeIndirect: '0.021', defaultValue: false })]);
        // the sources of the four processes, in full: 420,000 + 3,150,000 + 190,000 + 129,156.96 direct
        const direct = communication.sources.filter((source: { kind: string }) => source.kind === 'direct').reduce((sum: Rational, source: { co2e: string }) => sum.plus(Rational.parse(source.co2e)), Rational.ZERO);
        expect(direct.toString()).toBe('3889156.96');
    });

    test('-o FILE.xlsx: the template sheets, every mandatory cell filled or flagged, figures equal to cnms balance', async () => {
        const dir = tempCopy(EXAMPLE);
        const file = join(dir, 'communication.xlsx');
        const result = runCli(['cbam', dir, '-o', file]);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(1);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(readFileSync(file));
        expect(workbook.worksheets.map(sheet => sheet.name)).toEqual([...CBAM_SHEETS]);
        const balance = balanceJson(dir);

        // A_InstData: field and value; the mandatory ones never empty
        const data = new Map<string, string>();
        workbook.getWorksheet('A_InstData')!.eachRow((row, index) => {
            if (index > 1) data.set(String(row.getCell(1).value), String(row.getCell(2).value ?? ''));
        });
        for (const field of ['Name of the installation', 'Name of the operator', 'Country', 'City', 'UN/LOCODE', 'Start of the reporting period', 'End of the reporting period', 'Aggregated goods categories']) {
            expect(data.get(field), field).toBeTruthy();
        }
        expect(data.get('UN/LOCODE')).toBe(CBAM_MISSING);
        expect(data.get('Country')).toBe('CN');
        expect(data.get('Start of the reporting period')).toBe('2025-01-01');

        // Summary_Communication: one row a product; each figure numeric, its exact decimal in the hidden column beside it
        const sheet = workbook.getWorksheet('Summary_Communication')!;
        const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
        const column = (header: string) => headers.indexOf(header) + 1;
        const mandatory = [
            'Installation',
            'City',
            'Country',
            'UN/LOCODE',
            'Start of the reporting period',
            'End of the reporting period',
            'Production process',
            'Aggregated goods category',
            'Product',
            'CN code',
            'SEE direct (tCO2e/t)',
            'SEE indirect (tCO2e/t)'
        ];
        for (const header of mandatory) expect(column(header), header).toBeGreaterThan(0);
        expect(sheet.rowCount).toBe(1 + balance.products.length);
        balance.products.forEach((product, index) => {
            const row = sheet.getRow(index + 2);
            for (const header of mandatory) expect(String(row.getCell(column(header)).value ?? ''), `${product.id}: ${header}`).not.toBe('');
            expect(row.getCell(column('Product')).value).toBeTruthy();
            expect(row.getCell(column('CN code')).value).toBe(product.cn);
            expect(row.getCell(column('SEE direct (tCO2e/t) (exact)')).value).toBe(product.seeDirect);
            expect(row.getCell(column('SEE indirect (tCO2e/t) (exact)')).value).toBe(product.seeIndirect);
            expect(row.getCell(column('SEE total (tCO2e/t) (exact)')).value).toBe(product.see);
            expect(row.getCell(column('Quantity produced (t) (exact)')).value).toBe(product.quantity);
            expect(typeof row.getCell(column('SEE direct (tCO2e/t)')).value).toBe('number');
            expect(sheet.getColumn(column('SEE direct (tCO2e/t) (exact)')).hidden).toBe(true);
        });

        // D_Processes and E_PurchPrec carry the balance's process and precursor figures
        const processes = workbook.getWorksheet('D_Processes')!;
        const processHeaders = (processes.getRow(1).values as unknown[]).slice(1).map(String);
        const attributed = processHeaders.indexOf('Attributed direct emissions (tCO2e) (exact)') + 1;
        expect(processes.getRow(3).getCell(1).value).toBe('ironmaking');
        expect(processes.getRow(3).getCell(attributed).value).toBe('3110000');
        const purchased = workbook.getWorksheet('E_PurchPrec')!;
        expect(purchased.getRow(2).getCell(1).value).toBe('pellets');
        expect(purchased.getRow(2).getCell(3).value).toBe('2601 12 00');
    });

    test('refusals: an xlsx without -o, a model without installation, an unknown installation', () => {
        expect(runCli(['cbam', EXAMPLE]).stderr).toContain('name the file with -o FILE.xlsx');
        const dir = tempModel({ 'org.cnms': 'organization acme { period 2024 }\n' });
        const none = runCli(['cbam', dir, '--format', 'json']);
        expect(none.code).toBe(2);
        expect(none.stderr).toContain('the model declares no installation');
        const unknown = runCli(['cbam', EXAMPLE, '--format', 'json', '--installation', 'mill']);
        expect(unknown.stderr).toContain("the model has no installation 'mill': it has works");
    });
});

describe('cnms report: an annex per installation', () => {
    test('json carries the products with the figures of cnms balance; md and html show the annex', () => {
        const balance = balanceJson(EXAMPLE);
        const json = JSON.parse(runCli(['report', EXAMPLE, '--format', 'json']).stdout);
        expect(json.format_version).toBe('1.5');
        expect(json.products.installations.map((installation: { id: string }) => installation.id)).toEqual(['works']);
        expect(json.products.installations[0].goods).toEqual(balance.products);
        expect(json.products.installations[0].processes).toEqual(balance.processes);
        expect(json.products.uncomputed).toBe(0);
        const md = runCli(['report', EXAMPLE, '--format', 'md']).stdout;
        expect(md).toContain('## Annex: products and their embedded emissions (EU CBAM, docs/cbam.md)');
        expect(md).toContain('| Hot-rolled coil (hrc) | 7208 39 00 | rolling | 2,000,000.000 | 1.826 | 0.173 | 1.999 |');
        const html = runCli(['report', EXAMPLE, '--format', 'html', '--lang', 'zh-CN']).stdout;
        expect(html).toContain('<h2 id="h-products">附录：产品及其隐含排放量（欧盟 CBAM，docs/cbam.md）</h2>');
        // a model without installations has no annex and no products key
        const steel = JSON.parse(runCli(['report', 'examples/steel', '--format', 'json']).stdout);
        expect('products' in steel).toBe(false);
    });
});

describe("cnms diff: a change of a good's specific embedded emissions, by cause", () => {
    const model = (furnace: string, rod: string, rodSee: string, fasteners: string) => `organization acme { period 2025 }
site plant
installation works at plant { country "CN" city "Ningbo" }
source furnace at plant { category 1 emissions ${furnace} tCO2 }
good wire_rod { cn-code "7213 91 10" embedded-direct ${rodSee} tCO2e/t }
process fastening in works {
    sources furnace
    consumes ${rod} t of wire_rod
    good fasteners { cn-code "7318 15 88" quantity ${fasteners} t }
}
`;

    test('the causes sum exactly to the change', () => {
        const repo = mkdtempSync(join(tmpdir(), 'cnms-cbam-diff-'));
        const git = (...args: string[]) =>
            execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
        git('init', '-q', '-b', 'main');
        writeFileSync(join(repo, 'org.cnms'), model('30', '1_050', '2.10', '1_000'));
        git('add', '-A');
        git('commit', '-q', '-m', 'before');
        writeFileSync(join(repo, 'org.cnms'), model('40', '1_100', '2.00', '1_100'));
        const result = runCli(['diff', 'HEAD', '--format', 'json'], { cwd: repo });
        expect(result.stderr).toBe('');
        const diff = JSON.parse(result.stdout);
        // before (30 + 1,050 × 2.10) / 1,000 = 2.235; after (40 + 1,100 × 2.00) / 1,100 = 2,240 / 1,100 = 112/55
        const fasteners = diff.products.find((product: { id: string }) => product.id === 'fasteners');
        expect(fasteners.see.before).toBe('2.235');
        expect(fasteners.see.after).toBe(fraction('112', '55').toString());
        // in order: attributed direct 40: 2,245 / 1,000 = 2.245 (+0.01); precursors 2,200: 2,240 / 1,000 = 2.24 (−0.005);
        // activity level 1,100: 112/55 − 2.24 = −56/275
        expect(fasteners.causes).toEqual([
            { cause: 'attributed-direct', delta: '0.01' },
            { cause: 'precursors', delta: '-0.005' },
            { cause: 'activity-level', delta: fraction('56', '275').negated().toString() }
        ]);
        const sum = Rational.parse('0.01').plus(Rational.parse('0.005').negated()).plus(fraction('56', '275').negated());
        expect(sum.equals(fraction('112', '55').minus(Rational.parse('2.235')))).toBe(true);
        const text = runCli(['diff', 'HEAD'], { cwd: repo }).stdout;
        expect(text).toContain('~ good fasteners (fastening) 2.235 → 2.036 tCO2e/t (-0.199)');
    });
});

describe('the editor shows the figures of cnms balance', () => {
    let dir: string;
    let session: LspSession;
    let uri: string;
    let text: string;

    beforeAll(async () => {
        dir = tempCopy(EXAMPLE);
        uri = fileUri(join(dir, 'processes.cnms'));
        text = readFileSync(join(dir, 'processes.cnms'), 'utf8');
        session = await startServer(dir);
        await session.open(uri, text);
        await session.waitForDiagnostics(uri);
    });
    afterAll(async () => session?.close());

    test('inlay hints on each process and good', async () => {
        const hints = await session.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } } });
        const labels = (hints ?? []).map(hint => (typeof hint.label === 'string' ? hint.label : hint.label.map(part => part.value).join('')));
        const shown = (value: Rational) => formatFigure(value, 'en', 3);
        const coil = EXPECTED.hrc;
        expect(labels).toContain(`= ${shown(coil.direct.plus(coil.indirect))} tCO2e/t (direct ${shown(coil.direct)} · indirect ${shown(coil.indirect)})`);
        expect(labels).toContain('= 0.106 tCO2e/t (direct 0.085 · indirect 0.021)');
        // the blast furnaces: 3,110,000 direct, 76,332 indirect, 2,000,000 t of hot metal
        expect(labels).toContain('attributed 3,110,000.000 + 76,332.000 tCO2e · 2,000,000.000 t');
    });

    test('hover on a process gives its attribution term by term', async () => {
        const line = text.split('\n').findIndex(l => l.startsWith('process ironmaking'));
        const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 10 } });
        const value = (hover?.contents as MarkupContent).value;
        expect(value).toContain('Attributed direct emissions = sources 3,150,000 + heat imported 0 − heat exported 40,000 + waste gas imported 0 − waste gas exported 0 = 3,110,000 tCO2e');
        expect(value).toContain('Precursor pellets: 620,000 t × (0.085 + 0.021) tCO2e/t');
        expect(value).toContain('installation-process-good--products-and-their-embedded-emissions');
    });
});
