// The md, json, csv and xlsx renderers of the report, on a report model built
// BY HAND here (not by the builder): 2 sites, 4 sources (one not computed),
// 1 removal, 2 offsets (one not retired), 1 claim with gates, 2 targets over a
// 5-year plan, findings. The figures are worked out with exact fractions in
// the comments beside them; the renderers must carry them through unchanged.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { escapeMarkdown, REPORT_TEXT, renderCsv, renderJson, renderMarkdown, renderXlsx, type ReportModel } from '@cnms/report';
import { languageModel, runCli } from './helpers/cli.js';

// exceljs is a dependency of @cnms/report only: loaded from there to read the workbooks back, typed
// here by what the test uses (its own index.ts shadows index.d.ts for a path import)
interface XlsxCell {
    readonly value: unknown;
    readonly numFmt?: string;
}
interface XlsxRow {
    readonly values: unknown;
    readonly font?: { readonly bold?: boolean };
    getCell(column: number): XlsxCell;
}
interface XlsxSheet {
    readonly name: string;
    readonly views: readonly object[];
    readonly rowCount: number;
    getRow(row: number): XlsxRow;
    getColumn(column: number): { readonly hidden: boolean; readonly width?: number };
    eachRow(callback: (row: XlsxRow, rowNumber: number) => void): void;
}
interface XlsxWorkbook {
    readonly worksheets: readonly XlsxSheet[];
    readonly created: Date;
    readonly modified: Date;
    getWorksheet(name: string): XlsxSheet | undefined;
    readonly xlsx: { load(data: Buffer): Promise<unknown> };
}
const ExcelJS = createRequire(new URL('../packages/report/package.json', import.meta.url))('exceljs') as { Workbook: new () => XlsxWorkbook };

const NASTY_NAME = 'Natural gas | boilers <script>alert(1)</script> *hot*';
const KILN_NAME = 'Lime kiln, "calcination"\nline 2';

function makeModel(locale: ReportModel['locale'] = 'en'): ReportModel {
    // ng-boiler: 486637.5 GJ × 0.0561 tCO2/GJ = 27300.36375 t CO2; × 0.000001 = 0.4866375 t CH4; × 0.0000001 = 0.04866375 t N2O
    // co2e = 27300.36375 + 0.4866375 × 29.8 (14.5017975) + 0.04866375 × 273 (13.28520375) = 27328.15075125
    // grid-power: 52000 MWh × 0.5703 = 29655.6 (location); (52000 − 20000) × 0.5703 = 18249.6 (market, counts)
    // kiln: 1250.5 tCO2 given directly
    // emissions = 27328.15075125 + 18249.6 + 1250.5 = 46828.25075125
    // net = 46828.25075125 − 120.75 − 5000 = 41707.50075125
    return {
        format_version: '1.5',
        locale,
        organization: {
            id: 'acme',
            name: 'Acme Steel Co., Ltd.',
            industry: 'C3110',
            msScope: 'Steelmaking at the Hangzhou and Ningbo sites',
            consolidation: 'operational-control',
            period: { start: '2024-01-01', end: '2024-12-31', label: '2024' },
            baseYear: 2020,
            gwp: { set: 'AR6', title: 'IPCC AR6 GWP-100', source: 'IPCC AR6 WG1 Table 7.15', justification: 'Required by the programme | v2' },
            scope2: 'market-based'
        },
        boundary: {
            sites: [
                { id: 'hangzhou', name: 'Hangzhou works', location: 'Hangzhou, Zhejiang', sharePercent: null, co2e: '28578.65075125', percentOfTotal: '61.02875', sources: 3 },
                { id: 'ningbo', name: 'Ningbo rolling mill', location: null, sharePercent: '60', co2e: '18249.6', percentOfTotal: '38.97125', sources: 1 }
            ]
        },
        inventory: {
            emissions: '46828.25075125',
            byCategory: [
                { category: '1.1', co2e: '28578.65075125' },
                { category: '2', co2e: '18249.6' }
            ],
            byScope: { scope1: '28578.65075125', scope2Location: '29655.6', scope2Market: '18249.6', scope3: '0' },
            byGas: [
                { gas: 'CO2', tonnes: '46800.46375', gwp: '1', co2e: '46800.46375' },
                { gas: 'CH4', tonnes: '0.4866375', gwp: '29.8', co2e: '14.5017975' },
                { gas: 'N2O', tonnes: '0.04866375', gwp: '273', co2e: '13.28520375' }
            ],
            bySite: [
                { site: 'hangzhou', co2e: '28578.65075125' },
                { site: 'ningbo', co2e: '18249.6' }
            ],
            sources: [
                {
                    id: 'ng-boiler',
                    name: NASTY_NAME,
                    site: 'hangzhou',
                    category: '1.1',
                    scope: 1,
                    activity: { expression: '486_637.5 GJ', value: '486637.5', unit: 'GJ' },
                    factor: {
                        expression: 'ipcc-2006.natural-gas',
                        name: 'Natural gas, stationary combustion',
                        values: [
                            { gas: 'CO2', value: '0.0561', unit: 'tCO2/GJ' },
                            { gas: 'CH4', value: '0.000001', unit: 't/GJ' },
                            { gas: 'N2O', value: '0.0000001', unit: 't/GJ' }
                        ],
                        source: 'IPCC 2006 Vol. 2, Table 2.2',
                        year: 2006,
                        uncertaintyPercent: '5'
                    },
                    emissionsExpression: null,
                    gases: { CO2: '27300.36375', CH4: '0.4866375', N2O: '0.04866375' },
                    co2e: '27328.15075125',
                    co2eLocation: null,
                    co2eMarket: null,
                    biogenicCO2: null,
                    dataQuality: 'measured',
                    uncertaintyPercent: '5',
                    significant: '58.36',
                    computed: true
                },
                {
                    id: 'grid-power',
                    name: 'Purchased electricity',
                    site: 'ningbo',
                    category: '2',
                    scope: 2,
                    activity: { expression: '52_000 MWh', value: '52000', unit: 'MWh' },
                    factor: { expression: 'east-china-grid-2022', name: null, values: [{ gas: 'CO2', value: '0.5703', unit: 'tCO2/MWh' }], source: 'MEE 2024 announcement', year: 2022, uncertaintyPercent: null },
                    emissionsExpression: null,
                    gases: { CO2: '18249.6' },
                    co2e: '18249.6',
                    co2eLocation: '29655.6',
                    co2eMarket: '18249.6',
                    biogenicCO2: null,
                    dataQuality: 'invoiced',
                    uncertaintyPercent: '2.5',
                    significant: '38.97',
                    computed: true
                },
                {
                    id: 'kiln',
                    name: KILN_NAME,
                    site: 'hangzhou',
                    category: '1.1',
                    scope: 1,
                    activity: null,
                    factor: null,
                    emissionsExpression: '1_250.5 tCO2',
                    gases: { CO2: '1250.5' },
                    co2e: '1250.5',
                    co2eLocation: null,
                    co2eMarket: null,
                    biogenicCO2: '312.25',
                    dataQuality: null,
                    uncertaintyPercent: null,
                    significant: '2.67',
                    computed: true
                },
                {
                    id: 'travel',
                    name: 'Business travel',
                    site: 'hangzhou',
                    category: '3',
                    scope: 3,
                    activity: { expression: '1.2e6 pkm', value: null, unit: null },
                    factor: null,
                    emissionsExpression: null,
                    gases: {},
                    co2e: null,
                    co2eLocation: null,
                    co2eMarket: null,
                    biogenicCO2: null,
                    dataQuality: null,
                    uncertaintyPercent: null,
                    significant: null,
                    computed: false
                }
            ],
            biogenicCO2: '312.25',
            removals: [{ id: 'perimeter-trees', name: 'Afforestation, plant perimeter', site: 'hangzhou', amount: '120.75', method: 'IPCC 2006 Vol. 4 stock difference' }],
            removalsTotal: '120.75',
            instruments: [{ id: 'green-2024', name: 'Green electricity certificates', kind: 'GEC', quantityMWh: '20000', covers: ['grid-power'], factor: '0' }]
        },
        uncertainty: {
            // 27328.15075125 × 5 % = 1366.4075375625; 18249.6 × 2.5 % = 456.24
            sources: [
                { id: 'ng-boiler', percent: '5', absolute: '1366.4075375625' },
                { id: 'grid-power', percent: '2.5', absolute: '456.24' }
            ],
            notAssessed: ['kiln', 'travel'],
            total: { percent: '3.1516', absolute: '1440.5', assessedEmissions: '45577.75075125' }
        },
        offsets: {
            register: [
                {
                    id: 'ccer-1',
                    name: 'Wind farm, Inner Mongolia',
                    standard: 'CCER',
                    project: 'CCER-2023-001',
                    registry: 'China GHG registry',
                    serial: 'CN-001-0001|5000',
                    kind: 'avoidance',
                    vintage: 2023,
                    quantity: '5000',
                    retired: '2025-03-01',
                    retiredFor: 'Acme Steel 2024',
                    appliesTo: '2024',
                    counts: true,
                    reason: 'counted'
                },
                {
                    id: 'vcs-2',
                    name: 'Mangrove restoration',
                    standard: 'VCS',
                    project: 'VCS 1234',
                    registry: 'Verra',
                    serial: null,
                    kind: 'removal',
                    vintage: 2022,
                    quantity: '3000.125',
                    retired: null,
                    retiredFor: null,
                    appliesTo: null,
                    counts: false,
                    reason: 'not-retired'
                }
            ],
            counted: '5000'
        },
        balance: {
            emissions: '46828.25075125',
            removals: '120.75',
            offsets: '5000',
            net: '41707.50075125',
            complete: false,
            uncomputed: 1,
            neutral: false,
            reasons: ['The net balance is above zero.'],
            errors: 1,
            warnings: 2
        },
        claims: [
            {
                id: 'neutral-2024',
                name: 'Carbon neutral 2024',
                kind: 'carbon-neutrality',
                period: '2024',
                gates: [
                    { rule: 'CN-9.1-001', title: 'Net balance at or below zero', passed: false, messages: ['Net 41,707.501 tCO2e > 0'] },
                    { rule: 'CN-6.4-003', title: 'Offsets retired before the claim', passed: true, messages: [] }
                ]
            }
        ],
        plan: {
            years: [2024, 2025, 2026, 2027, 2028],
            projected: ['46828.25075125', '44500', '41000.5', '38000', '35000'],
            targets: [
                {
                    id: 'abs-2030',
                    name: 'Scope 1+2 −30 % by 2030',
                    kind: 'absolute',
                    year: 2030,
                    unit: 'tCO2e',
                    projected: ['46828.25075125', '44500', '41000.5', '38000', '35000'],
                    allowed: ['46828.25075125', '44000', '41000', '38000', '35000'],
                    gap: ['0', '500', '0.5', '0', '0'],
                    firstMissed: 2025
                },
                {
                    id: 'intensity',
                    name: 'Intensity per tonne of steel',
                    kind: 'intensity',
                    year: 2028,
                    unit: 'tCO2e/t',
                    projected: [null, '1.85', '1.8', '1.75', '1.7'],
                    allowed: [null, '1.9', '1.85', '1.8', '1.75'],
                    gap: [null, '-0.05', '-0.05', '-0.05', '-0.05'],
                    firstMissed: null
                }
            ]
        },
        coverage: [
            { clause: '4.3', title: 'Boundary', status: 'satisfied', errors: 0, warnings: 0, infos: 0, evidence: ['organization acme', 'site hangzhou'], rules: ['CN-4.3-001'] },
            { clause: '6.2', title: 'Inventory', status: 'findings', errors: 1, warnings: 1, infos: 0, evidence: ['source travel'], rules: ['CN-6.2-001', 'CN-6.2-014'] },
            { clause: '6.5', title: 'Reduction plan', status: 'not-applicable', errors: 0, warnings: 0, infos: 0, evidence: [], rules: [] }
        ],
        findings: [
            { clause: '6.2', rule: 'CN-6.2-001', severity: 'error', message: "Source 'travel' has no factor | see <script>x</script>", file: 'sources.cnms', line: 42 },
            { clause: '6.2', rule: 'CN-6.2-014', severity: 'warning', message: 'Two readings of one meter', file: 'sources.cnms', line: 7 },
            { clause: null, rule: 'CN-0-002', severity: 'info', message: 'Uncertainty not given for 2 sources', file: 'org.cnms', line: 1 }
        ],
        provenance: {
            engine: 'cnms 0.1.0',
            libraries: { langium: '4.4.0', 'decimal.js': '10.6.0', exceljs: '4.4.0' },
            git: { commit: '8adf340', clean: true },
            lockHash: 'sha256:0123abcd',
            generated: null
        }
    };
}

/** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes, CR and LF. */
function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') {
                field += '"';
                i++;
            } else if (c === '"') quoted = false;
            else field += c;
        } else if (c === '"') quoted = true;
        else if (c === ',') {
            row.push(field);
            field = '';
        } else if (c === '\r' && text[i + 1] === '\n') {
            row.push(field);
            rows.push(row);
            row = [];
            field = '';
            i++;
        } else if (c === '\n' || c === '\r') throw new Error(`bare line break outside quotes at ${i}`);
        else field += c;
    }
    if (field !== '' || row.length) throw new Error('last row not ended by CRLF');
    return rows;
}

/** The entries of a zip (stored or deflated), by name, read through the central directory. */
function unzip(zip: Buffer): Map<string, { data: Buffer; time: number; date: number }> {
    let end = zip.length - 22;
    while (zip.readUInt32LE(end) !== 0x06054b50) end--;
    const entries = new Map<string, { data: Buffer; time: number; date: number }>();
    let at = zip.readUInt32LE(end + 16);
    for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
        const method = zip.readUInt16LE(at + 10);
        const size = zip.readUInt32LE(at + 20);
        const nameLength = zip.readUInt16LE(at + 28);
        const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
        const local = zip.readUInt32LE(at + 42);
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const raw = zip.subarray(start, start + size);
        entries.set(name, {
            data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw),
            time: zip.readUInt16LE(local + 10),
            date: zip.readUInt16LE(local + 12)
        });
        at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
    return entries;
}

const SECTIONS = ['section.organization', 'section.inventory', 'section.uncertainty', 'section.offsets', 'section.balance', 'section.plan', 'section.coverage', 'section.provenance'] as const;

describe('markdown', () => {
    test.each(['en', 'zh-CN'] as const)('every section heading in order, headline net figure first (%s)', locale => {
        const md = renderMarkdown(makeModel(locale));
        const lines = md.split('\n');
        expect(lines[0]).toBe(`# ${REPORT_TEXT.title[locale]}`);
        const headline = lines.find(line => line.trim() !== '' && !line.startsWith('# '))!;
        expect(headline).toContain(REPORT_TEXT.net[locale]);
        expect(headline).toContain('41,707.501 tCO2e');
        expect(headline).toContain(REPORT_TEXT.notNeutral[locale]);
        let previous = -1;
        for (const id of SECTIONS) {
            const index = lines.indexOf(`## ${REPORT_TEXT[id][locale]}`);
            expect(index, id).toBeGreaterThan(previous);
            previous = index;
        }
        expect(md.endsWith('\n') && !md.endsWith('\n\n')).toBe(true);
    });

    test('figures with 3 decimals and separators; numeric columns right-aligned', () => {
        const md = renderMarkdown(makeModel());
        expect(md).toContain('| 46,828.251 |');
        expect(md).toContain('27,328.151');
        expect(md).toContain('| CH4 | 0.487 | 29.8 | 14.502 |');
        // a factor value is a parameter: shown exactly, never rounded
        expect(md).toContain('CH4 0.000001 t/GJ');
        expect(md).toContain('| Gas | Mass (t) | GWP | Emissions (tCO2e) |\n| --- | ---: | ---: | ---: |');
        expect(md).toMatch(/\| \*\*Net balance\*\* \| \*\*\+41,707\.501\*\* \|/);
        expect(md).toContain('*not computed*');
        expect(md).toContain('| 2025 | 44,500.000 | 44,000.000 | +500.000 |');
        // a target's table holds the years of its span only
        const intensity = md.slice(md.indexOf('### Target: Intensity per tonne of steel'));
        expect(intensity).toContain('| 2025 | 1.850 | 1.900 | -0.050 |');
        expect(intensity.slice(0, intensity.indexOf('## 7'))).not.toContain('| 2024 |');
    });

    test('user strings cannot break a table or inject html', () => {
        const md = renderMarkdown(makeModel());
        expect(md).not.toContain('<script>');
        expect(md).toContain('Natural gas \\| boilers &lt;script&gt;alert(1)&lt;/script&gt; \\*hot\\*');
        expect(md).toContain("Source 'travel' has no factor \\| see &lt;script&gt;x&lt;/script&gt;");
        // the kiln's line break stays inside its cell
        expect(md).toContain('Lime kiln, "calcination"<br>line 2');
        // every table row of the sources table has the same number of unescaped pipes
        const sourcesStart = md.indexOf(`### ${REPORT_TEXT.sourcesTable.en}`);
        const tableLines = md
            .slice(sourcesStart)
            .split('\n')
            .slice(2)
            .filter((line, i, all) => line.startsWith('|') && all.slice(0, i).every(l => l.startsWith('|')));
        const cells = tableLines.map(line => line.replace(/\\\|/g, '').split('|').length);
        expect(tableLines.length).toBe(2 + 4);
        expect(new Set(cells).size).toBe(1);
    });

    test('links, html and block starts in user strings are inert', () => {
        expect(escapeMarkdown('[click](http://evil) ![x](y) `code` _u_ ~s~ a\\b & &amp;')).toBe('\\[click\\](http://evil) !\\[x\\](y) \\`code\\` \\_u\\_ \\~s\\~ a\\\\b &amp; &amp;amp;');
        expect(escapeMarkdown('1. first')).toBe('1. first');
        expect(escapeMarkdown('1. first', true)).toBe('1\\. first');
        expect(escapeMarkdown('- item', true)).toBe('\\- item');
        expect(escapeMarkdown('# not a heading', true)).toBe('\\# not a heading');
        const model = makeModel();
        const md = renderMarkdown({ ...model, organization: { ...model.organization, name: '2024. Acme' }, balance: { ...model.balance, reasons: ['- nested?'] } });
        expect(md).toContain('\n2024\\. Acme · 2024\n');
        expect(md).toContain('\n- \\- nested?\n');
    });

    test('an incomplete balance says how many figures are missing beside the net', () => {
        const md = renderMarkdown(makeModel());
        expect(md).toContain('**Net balance: +41,707.501 tCO2e** · 1 not computed — Not carbon neutral');
        expect(renderMarkdown({ ...makeModel(), balance: { ...makeModel().balance, complete: true, uncomputed: 0 } })).not.toContain('not computed —');
    });

    test('zh-CN words', () => {
        const md = renderMarkdown(makeModel('zh-CN'));
        expect(md).toContain(REPORT_TEXT.offsetsRegister['zh-CN']);
        expect(md).toContain('- **基准年**：2020');
        expect(md).toContain('未注销');
        expect(md).toContain('| 范围二（基于市场）（计入） | 18,249.600 |');
        expect(md).toContain('**净排放：+41,707.501 tCO2e** · 1 项未计算 — 本报告期未实现碳中和');
    });
});

describe('json', () => {
    test('parses back to the model, format_version first, 2-space indent, trailing newline', () => {
        const model = makeModel();
        const json = renderJson(model);
        expect(JSON.parse(json)).toEqual(model);
        expect(json.startsWith('{\n  "format_version": "1.5",\n  "locale": "en",\n  "organization": {\n    "id": "acme",')).toBe(true);
        expect(json.endsWith('}\n')).toBe(true);
        expect(json).toContain('"net": "41707.50075125"');
    });

    test('a key the schema does not know is kept, after the known ones', () => {
        const model = { extra: { b: 1, a: 2 }, ...makeModel() } as ReportModel;
        const json = renderJson(model);
        expect(Object.keys(JSON.parse(json) as object)).toEqual(['format_version', 'locale', 'organization', 'boundary', 'inventory', 'uncertainty', 'offsets', 'balance', 'claims', 'plan', 'coverage', 'findings', 'provenance', 'extra']);
        expect(json).toContain('"extra": {\n    "a": 2,\n    "b": 1\n  }');
    });

    test('the key order does not depend on how the model was built', () => {
        const model = makeModel();
        const shuffled = JSON.parse(JSON.stringify(model, (_key, value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value))) as ReportModel;
        expect(Object.keys(shuffled)[0]).toBe('provenance');
        expect(renderJson(shuffled)).toBe(renderJson(model));
        // a gas record keeps the usual gas order, libraries are alphabetical
        const json = renderJson(shuffled);
        expect(json).toMatch(/"CO2": "27300\.36375",\s+"CH4": "0\.4866375",\s+"N2O": "0\.04866375"/);
        expect(json).toMatch(/"decimal\.js": "10\.6\.0",\s+"exceljs": "4\.4\.0",\s+"langium": "4\.4\.0"/);
    });
});

describe('csv', () => {
    test('one row per source, exact figures, RFC 4180 quoting, CRLF', () => {
        const csv = renderCsv(makeModel());
        expect(csv.startsWith('\uFEFF')).toBe(true);
        expect(csv.replace(/\r\n/g, '')).not.toMatch(/\r(?!\n)/);
        const rows = parseCsv(csv.slice(1));
        expect(rows[0]).toEqual([
            'ID',
            'Name',
            'Site',
            'Category',
            'Scope',
            'Activity as written',
            'Activity value',
            'Activity unit',
            'Factor',
            'Factor source',
            'Factor year',
            'CO2 (t)',
            'CH4 (t)',
            'N2O (t)',
            'Emissions (tCO2e)',
            'Emissions, location-based (tCO2e)',
            'Emissions, market-based (tCO2e)',
            'Biogenic CO2 (t)',
            'Data quality',
            'Uncertainty (%)',
            'Computed'
        ]);
        expect(rows.length).toBe(5);
        expect(rows.every(row => row.length === rows[0].length)).toBe(true);
        expect(rows[1]).toEqual([
            'ng-boiler',
            NASTY_NAME,
            'hangzhou',
            '1.1',
            '1',
            '486_637.5 GJ',
            '486637.5',
            'GJ',
            'ipcc-2006.natural-gas',
            'IPCC 2006 Vol. 2, Table 2.2',
            '2006',
            '27300.36375',
            '0.4866375',
            '0.04866375',
            '27328.15075125',
            '',
            '',
            '',
            'measured',
            '5',
            'true'
        ]);
        expect(rows[2].slice(11, 17)).toEqual(['18249.6', '', '', '18249.6', '29655.6', '18249.6']);
        expect(rows[3][1]).toBe(KILN_NAME);
        expect(rows[3][17]).toBe('312.25');
        expect(rows[4]).toEqual(['travel', 'Business travel', 'hangzhou', '3', '3', '1.2e6 pkm', '', '', '', '', '', '', '', '', '', '', '', '', '', '', 'false']);
        // the quoting itself
        expect(csv).toContain('"Lime kiln, ""calcination""\nline 2"');
        expect(csv).toContain(',"IPCC 2006 Vol. 2, Table 2.2",');
    });

    test('a source given directly in CO2e has a gas column of its own, apart from the emissions column', () => {
        const model = makeModel();
        const sources = model.inventory.sources.map(source => (source.id === 'kiln' ? { ...source, gases: { CO2e: '1250.5' } } : source));
        const byGas = [...model.inventory.byGas, { gas: 'CO2e', tonnes: '1250.5', gwp: '1', co2e: '1250.5' }];
        const rows = parseCsv(renderCsv({ ...model, inventory: { ...model.inventory, sources, byGas } }).slice(1));
        expect(new Set(rows[0]).size).toBe(rows[0].length);
        expect(rows[0].slice(11, 16)).toEqual(['CO2 (t)', 'CH4 (t)', 'N2O (t)', 'CO2e (t)', 'Emissions (tCO2e)']);
        expect(rows[3].slice(11, 16)).toEqual(['', '', '', '1250.5', '1250.5']);
    });

    test('header row in zh-CN', () => {
        const rows = parseCsv(renderCsv(makeModel('zh-CN')).slice(1));
        expect(rows[0].slice(0, 3)).toEqual(['编号', '名称', '场所']);
        expect(rows[0]).toContain('CH4（吨）');
        expect(rows[1][14]).toBe('27328.15075125');
    });
});

describe('xlsx', () => {
    async function load(buffer: Buffer) {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(buffer);
        return workbook;
    }

    test('sheets, summary totals, sources table, cell by cell', async () => {
        const workbook = await load(await renderXlsx(makeModel()));
        expect(workbook.worksheets.map(sheet => sheet.name)).toEqual(['Summary', 'Sources', 'Offsets', 'Coverage']);
        expect(workbook.created.toISOString()).toBe('2000-01-01T00:00:00.000Z');

        const summary = workbook.getWorksheet('Summary')!;
        const byLabel = new Map<string, number>();
        summary.eachRow((row, n) => {
            byLabel.set(String(row.getCell(1).value), n);
        });
        const figure = (label: string) => {
            const row = summary.getRow(byLabel.get(label)!);
            expect(row.getCell(2).numFmt).toBe('#,##0.000');
            return { value: row.getCell(2).value, unit: row.getCell(3).value, exact: row.getCell(4).value };
        };
        expect(figure('Total emissions')).toEqual({ value: 46828.25075125, unit: 'tCO2e', exact: '46828.25075125' });
        expect(figure('Removals counted')).toEqual({ value: 120.75, unit: 'tCO2e', exact: '120.75' });
        expect(figure('Offsets counted')).toEqual({ value: 5000, unit: 'tCO2e', exact: '5000' });
        expect(figure('Net balance')).toEqual({ value: 41707.50075125, unit: 'tCO2e', exact: '41707.50075125' });
        expect(figure('Scope 2, market-based (counts)').exact).toBe('18249.6');
        expect(figure('1.1 Direct emissions and removals').exact).toBe('28578.65075125');
        expect(summary.getRow(byLabel.get('Organisation')!).getCell(2).value).toBe('Acme Steel Co., Ltd. (acme)');
        expect(summary.getRow(byLabel.get('Reporting period')!).getCell(2).value).toBe('2024 (2024-01-01 – 2024-12-31)');
        expect(summary.getRow(byLabel.get('Verdict')!).getCell(2).value).toBe('Not carbon neutral for the period');
        expect(summary.getRow(1).font?.bold).toBe(true);
        expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(summary.getColumn(4).hidden).toBe(true);

        const sources = workbook.getWorksheet('Sources')!;
        const headers = (sources.getRow(1).values as unknown[]).slice(1);
        expect(headers.slice(0, 8)).toEqual(['ID', 'Name', 'Site', 'Category', 'Scope', 'Activity as written', 'Activity value', 'Activity value (exact)']);
        expect(sources.getRow(1).font?.bold).toBe(true);
        expect(sources.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        const col = (header: string) => headers.indexOf(header) + 1;
        expect(sources.getColumn(col('Emissions (tCO2e) (exact)')).hidden).toBe(true);
        expect(sources.getColumn(col('Emissions (tCO2e)')).hidden).toBe(false);
        expect(sources.getColumn(col('Name')).width).toBeGreaterThan(8);
        expect(sources.rowCount).toBe(5);
        const cell = (row: number, header: string) => sources.getRow(row).getCell(col(header));
        expect(cell(2, 'ID').value).toBe('ng-boiler');
        expect(cell(2, 'Name').value).toBe(NASTY_NAME);
        expect(cell(2, 'Scope').value).toBe(1);
        expect(cell(2, 'Factor year').value).toBe(2006);
        expect(cell(2, 'Emissions (tCO2e)').value).toBe(27328.15075125);
        expect(cell(2, 'Emissions (tCO2e)').numFmt).toBe('#,##0.000');
        expect(cell(2, 'Emissions (tCO2e) (exact)').value).toBe('27328.15075125');
        expect(cell(2, 'N2O (t)').value).toBe(0.04866375);
        expect(cell(2, 'N2O (t) (exact)').value).toBe('0.04866375');
        expect(cell(2, 'Computed').value).toBe(true);
        expect(cell(3, 'Emissions, location-based (tCO2e) (exact)').value).toBe('29655.6');
        expect(cell(4, 'Name').value).toBe(KILN_NAME);
        expect(cell(4, 'Biogenic CO2 (t)').value).toBe(312.25);
        expect(cell(5, 'Emissions (tCO2e)').value).toBe(null);
        expect(cell(5, 'Computed').value).toBe(false);

        const offsets = workbook.getWorksheet('Offsets')!;
        const offsetHeaders = (offsets.getRow(1).values as unknown[]).slice(1);
        const quantity = offsetHeaders.indexOf('Quantity (tCO2e)') + 1;
        expect(offsets.getRow(2).getCell(quantity).value).toBe(5000);
        expect(offsets.getRow(3).getCell(quantity).value).toBe(3000.125);
        expect(offsets.getRow(3).getCell(quantity + 1).value).toBe('3000.125');
        expect(offsets.getRow(3).getCell(offsetHeaders.indexOf('Counted or why not') + 1).value).toBe('not retired');
        expect(offsets.getRow(2).getCell(offsetHeaders.indexOf('Serial') + 1).value).toBe('CN-001-0001|5000');

        const coverage = workbook.getWorksheet('Coverage')!;
        expect((coverage.getRow(1).values as unknown[]).slice(1)).toEqual(['Clause', 'Title', 'Status', 'Errors', 'Warnings', 'Notes', 'Evidence', 'Rules']);
        expect((coverage.getRow(3).values as unknown[]).slice(1)).toEqual(['6.2', 'Inventory', 'findings', 1, 1, 0, 'source travel', 'CN-6.2-001, CN-6.2-014']);
    });

    test('zh-CN sheet names and a fixed date from provenance.generated', async () => {
        const model = { ...makeModel('zh-CN'), provenance: { ...makeModel().provenance, generated: '2025-02-03T04:05:06Z' } };
        const buffer = await renderXlsx(model);
        const workbook = await load(buffer);
        expect(workbook.worksheets.map(sheet => sheet.name)).toEqual(['摘要', '排放源', '抵销', '条款覆盖']);
        expect(workbook.modified.toISOString()).toBe('2025-02-03T04:05:06.000Z');
        // every zip entry carries the same date: 2025-02-03 04:05:06 in DOS form
        for (const [name, entry] of unzip(buffer)) {
            expect([name, entry.date, entry.time]).toEqual([name, (45 << 9) | (2 << 5) | 3, (4 << 11) | (5 << 5) | 3]);
        }
    });
});

describe('determinism', () => {
    test('two runs give the same bytes, in every format', async () => {
        const [a, b] = [makeModel(), makeModel()];
        expect(renderMarkdown(b)).toBe(renderMarkdown(a));
        expect(renderJson(b)).toBe(renderJson(a));
        expect(renderCsv(b)).toBe(renderCsv(a));
        const first = await renderXlsx(a);
        await new Promise(resolve => setTimeout(resolve, 2100)); // past the 2-second resolution of zip times
        const second = await renderXlsx(b);
        const sheets = (zip: Buffer) => [...unzip(zip)].filter(([name]) => name.startsWith('xl/')).map(([name, entry]) => [name, entry.data.toString('utf8')]);
        expect(sheets(second)).toEqual(sheets(first));
        expect(second.equals(first)).toBe(true);
    });
});

describe('text a spreadsheet would run as a formula (csv and xlsx written by cnms report, read back)', () => {
    // titles that Excel or LibreOffice would take for formulas; the removal makes the net negative, a figure that must keep its sign
    const TITLES = ['=HYPERLINK("http://evil.example","click")', '+1+2', '-3+4', '@SUM(1)', '\tx=1'];
    const model = () =>
        languageModel({
            'org.cnms':
                'organization acme "=1+1" { period 2024 consolidation operational-control ms-scope "All" }\n' +
                'site s "@site"\n' +
                TITLES.map((title, i) => `source s${i} "${title.replace(/"/g, '\\"')}" at s { category 1 emissions 10 tCO2 }\n`).join('') +
                'removal r at s { amount 80 tCO2 }\n'
        });

    test('csv: each such title gets a leading quote; figures untouched', () => {
        const dir = model();
        const result = runCli(['report', '.', '--format', 'csv', '-o', 'report.csv'], { cwd: dir });
        expect(result.stderr).toBe('');
        const rows = parseCsv(readFileSync(join(dir, 'report.csv'), 'utf8').slice(1));
        const name = rows[0].indexOf('Name');
        const site = rows[0].indexOf('Site');
        const co2e = rows[0].indexOf('Emissions (tCO2e)');
        expect(rows.slice(1).map(row => row[name])).toEqual(TITLES.map(title => `'${title}`));
        expect(rows.slice(1).map(row => row[co2e])).toEqual(TITLES.map(() => '10'));
        // the site column holds the site's id, which cannot start with a formula character
        expect(rows[1][site]).toBe('s');
    });

    test('xlsx: text cells quoted, the negative net still a negative number with its exact string', async () => {
        const dir = model();
        const result = runCli(['report', '.', '--format', 'xlsx', '-o', 'report.xlsx'], { cwd: dir });
        expect(result.stderr).toBe('');
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(readFileSync(join(dir, 'report.xlsx')));
        const sources = workbook.getWorksheet('Sources')!;
        const header: string[] = [];
        sources.eachRow((row, n) => {
            if (n === 1) for (let c = 1; c <= 40; c++) header.push(String(row.getCell(c).value ?? ''));
        });
        const name = header.indexOf('Name') + 1;
        const names = TITLES.map((_, i) => sources.getRow(i + 2).getCell(name).value);
        expect(names).toEqual(TITLES.map(title => `'${title}`));
        const summary = workbook.getWorksheet('Summary')!;
        const cells: unknown[][] = [];
        summary.eachRow(row => {
            cells.push([1, 2, 3, 4].map(c => row.getCell(c).value));
        });
        // no text cell of the summary starts with a formula character: the organisation's title is quoted
        const texts = cells.flat().filter((value): value is string => typeof value === 'string');
        expect(texts.filter(text => /^[=+\-@\t\r]/.test(text) && !/^-[0-9]/.test(text))).toEqual([]);
        expect(texts).toContain("'=1+1 (acme)");
        // net = 5 × 10 − 80 = −30: numeric, with its exact string in the hidden column
        const net = cells.find(row => row[3] === '-30');
        expect(net?.[1]).toBe(-30);
    });
});
