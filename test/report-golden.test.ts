// The reports of the three examples: golden md, json and csv (regenerated only
// on purpose, with CNMS_UPDATE_GOLDEN=1), every format's figures equal to
// `cnms balance --format json`, and every format byte-identical on a second
// run (once per format, on the steel example: the golden files already hold
// md, json and csv of every example to the byte, and the code that writes a
// format is the same for every model). Each report is made once in this file
// and read by every test that needs it.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { REPO, runCli } from './helpers/cli.js';

const EXAMPLES = ['steel', 'cement', 'electronics'] as const;
const GOLDEN = join(REPO, 'test/golden');
const UPDATE = process.env.CNMS_UPDATE_GOLDEN === '1';

/** The git commit and state change with every commit: golden files hold a placeholder. */
function normalise(text: string): string {
    return text
        .replace(/\b[0-9a-f]{40}\b/g, '<commit>')
        .replace(/"clean": (true|false)/g, '"clean": "<clean>"')
        .replace(/\((working tree clean|working tree has uncommitted changes|工作区无未提交修改|工作区有未提交的修改)\)/g, '(<clean>)');
}

/** A fresh run of `cnms report` to stdout. */
function runReport(example: string, format: string, lang = 'en'): string {
    const result = runCli(['report', `examples/${example}`, '--format', format, '--lang', lang]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return result.stdout;
}

const reports = new Map<string, string>();

/** The report of an example in a format, made by the first test that asks for it. */
function report(example: string, format: string, lang = 'en'): string {
    const key = `${example} ${format} ${lang}`;
    if (!reports.has(key)) reports.set(key, runReport(example, format, lang));
    return reports.get(key)!;
}

/** The xlsx report of an example, written by the first test that asks for it. */
const workbooks = new Map<string, string>();
function xlsxReport(example: string): string {
    if (!workbooks.has(example)) {
        const file = join(mkdtempSync(join(tmpdir(), 'cnms-xlsx-')), `${example}.xlsx`);
        expect(runCli(['report', `examples/${example}`, '--format', 'xlsx', '-o', file]).code).toBe(0);
        workbooks.set(example, file);
    }
    return workbooks.get(example)!;
}

describe.each(EXAMPLES.map(example => [example] as const))('the report of examples/%s', example => {
    test.each(['md', 'json', 'csv'] as const)('%s matches its golden file', format => {
        const file = join(GOLDEN, `${example}.report.${format}`);
        const text = normalise(report(example, format));
        if (UPDATE || !existsSync(file)) writeFileSync(file, text);
        expect(text).toBe(readFileSync(file, 'utf8'));
    });

    test('every format carries the figures of cnms balance', async () => {
        const balance = JSON.parse(runCli(['balance', `examples/${example}`, '--format', 'json']).stdout);
        const json = JSON.parse(report(example, 'json'));
        expect(json.balance).toMatchObject({ emissions: balance.emissions, removals: balance.removals, offsets: balance.offsets, net: balance.net, neutral: balance.neutral });
        expect(json.inventory.emissions).toBe(balance.emissions);
        expect(json.inventory.byScope).toEqual({ scope1: balance.byScope['1'], scope2Location: balance.byScope['2-location'], scope2Market: balance.byScope['2-market'], scope3: balance.byScope['3'] });
        expect(Object.fromEntries(json.inventory.byCategory.map((c: { category: string; co2e: string }) => [c.category, c.co2e]))).toEqual(balance.byCategory);
        expect(json.inventory.biogenicCO2).toBe(balance.biogenicCO2);
        for (const source of balance.sources) {
            expect(json.inventory.sources.find((s: { id: string }) => s.id === source.id).co2e).toBe(source.co2e);
        }
        // csv: the exact per-source figures
        const csv = report(example, 'csv')
            .replace(/^\uFEFF/, '')
            .split('\r\n')
            .filter(Boolean);
        for (const source of balance.sources) expect(csv.find(line => line.startsWith(`${source.id},`) || line.startsWith(`"${source.id}"`))).toContain(source.co2e);
        // md and html: the net figure as displayed
        const net = Number(balance.net) > 0 ? '+' : '';
        const shown = `${net}${Number(balance.net).toLocaleString('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 })}`;
        expect(report(example, 'md')).toContain(shown);
        expect(report(example, 'html')).toContain(shown);
        // xlsx: read back, the exact totals in the Summary sheet
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(xlsxReport(example));
        const cells: string[] = [];
        workbook.worksheets[0].eachRow(row => row.eachCell(cell => cells.push(String(cell.value))));
        for (const figure of [balance.emissions, balance.net, balance.removals, balance.offsets]) expect(cells).toContain(figure);
        const sources: string[] = [];
        workbook.getWorksheet(2)!.eachRow(row => row.eachCell(cell => sources.push(String(cell.value))));
        for (const source of balance.sources) expect(sources).toContain(source.co2e);
    });
});

describe('a second run of the same commit', () => {
    test.each(['md', 'json', 'csv', 'html'] as const)('gives a byte-identical %s report', format => {
        expect(runReport('steel', format)).toBe(report('steel', format));
    });

    test('gives a byte-identical xlsx report', () => {
        const second = join(mkdtempSync(join(tmpdir(), 'cnms-xlsx-')), 'again.xlsx');
        expect(runCli(['report', 'examples/steel', '--format', 'xlsx', '-o', second]).code).toBe(0);
        expect(readFileSync(second).equals(readFileSync(xlsxReport('steel')))).toBe(true);
    });
});

test('the report speaks Chinese with --lang zh-CN', () => {
    const md = report('electronics', 'md', 'zh-CN');
    expect(md).toContain('# 碳中和评价报告');
    expect(md).toContain('## 2 温室气体排放清单（第 6.2 条）');
});
