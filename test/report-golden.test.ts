// The reports of the three examples: golden md, json and csv (regenerated only
// on purpose, with CNMS_UPDATE_GOLDEN=1), byte-identical on a second run, and
// every format's figures equal to `cnms balance --format json`.
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

function report(example: string, format: string, lang = 'en'): string {
    const result = runCli(['report', `examples/${example}`, '--format', format, '--lang', lang]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return result.stdout;
}

describe.each(EXAMPLES.map(example => [example] as const))('the report of examples/%s', example => {
    test.each(['md', 'json', 'csv'] as const)('%s matches its golden file', format => {
        const file = join(GOLDEN, `${example}.report.${format}`);
        const text = normalise(report(example, format));
        if (UPDATE || !existsSync(file)) writeFileSync(file, text);
        expect(text).toBe(readFileSync(file, 'utf8'));
    });

    test('every format is byte-identical on a second run of the same commit', () => {
        for (const format of ['md', 'json', 'csv', 'html']) expect(report(example, format)).toBe(report(example, format));
        const dir = mkdtempSync(join(tmpdir(), 'cnms-xlsx-'));
        for (const name of ['a', 'b']) expect(runCli(['report', `examples/${example}`, '--format', 'xlsx', '-o', join(dir, `${name}.xlsx`)]).code).toBe(0);
        expect(readFileSync(join(dir, 'a.xlsx')).equals(readFileSync(join(dir, 'b.xlsx')))).toBe(true);
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
        const csv = report(example, 'csv').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
        for (const source of balance.sources) expect(csv.find(line => line.startsWith(`${source.id},`) || line.startsWith(`"${source.id}"`))).toContain(source.co2e);
        // md and html: the net figure as displayed
        const net = Number(balance.net) > 0 ? '+' : '';
        const shown = `${net}${Number(balance.net).toLocaleString('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 })}`;
        expect(report(example, 'md')).toContain(shown);
        expect(report(example, 'html')).toContain(shown);
        // xlsx: read back, the exact totals in the Summary sheet
        const dir = mkdtempSync(join(tmpdir(), 'cnms-xlsx-'));
        runCli(['report', `examples/${example}`, '--format', 'xlsx', '-o', join(dir, 'r.xlsx')]);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(join(dir, 'r.xlsx'));
        const cells: string[] = [];
        workbook.worksheets[0].eachRow(row => row.eachCell(cell => cells.push(String(cell.value))));
        for (const figure of [balance.emissions, balance.net, balance.removals, balance.offsets]) expect(cells).toContain(figure);
        const sources: string[] = [];
        workbook.getWorksheet(2)!.eachRow(row => row.eachCell(cell => sources.push(String(cell.value))));
        for (const source of balance.sources) expect(sources).toContain(source.co2e);
    });
});

test('the report speaks Chinese with --lang zh-CN', () => {
    const md = report('electronics', 'md', 'zh-CN');
    expect(md).toContain('# 碳中和评价报告');
    expect(md).toContain('## 2 温室气体排放清单（第 6.2 条）');
});
