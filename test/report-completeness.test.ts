// The month × source completeness table of the report (docs/months.md), in
// every format, from examples/glass: August's gas reading is filled
// (gap-fill conservative), every other month of its three monthly sources is
// read from the data. The CLI run as a process, the files read back.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, tempCopy } from './helpers/cli.js';

const ExcelJS = createRequire(new URL('../packages/report/package.json', import.meta.url))('exceljs') as {
    Workbook: new () => { xlsx: { load(data: Buffer): Promise<unknown> }; getWorksheet(name: string): { getRow(row: number): { values: unknown } } | undefined };
};

const GIVEN = Array.from({ length: 12 }, () => 'given');
const GAS = GIVEN.map((state, index) => (index === 7 ? 'filled' : state));
// 2,544,547.80 / 30,560,503.29 of the gas volume is filled
const GAS_PERCENT = '8.326262744608091171262906253007589';

function report(format: string): string {
    const dir = tempCopy('examples/glass');
    const file = join(dir, `report.${format}`);
    const result = runCli(['report', dir, '--format', format, '-o', file], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    return file;
}

describe('the completeness table', () => {
    test('json: the months of the period, and each monthly source month by month, with its filled share', () => {
        const json = JSON.parse(readFileSync(report('json'), 'utf8')) as { inventory: { completeness: unknown } };
        expect(json.inventory.completeness).toEqual({
            months: ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12'],
            sources: [
                { id: 'furnace_gas', months: GAS, filledPercent: GAS_PERCENT, fillMethod: 'conservative' },
                { id: 'purchased_power', months: GIVEN, filledPercent: null, fillMethod: null },
                { id: 'forklift_diesel', months: GIVEN, filledPercent: null, fillMethod: null }
            ]
        });
    });

    test('md and html: a table with a mark per month and a legend', () => {
        const md = readFileSync(report('md'), 'utf8');
        expect(md).toContain(
            [
                '### Monthly completeness (clause 6.2, 9.1)',
                '',
                '✓ read from the data · ◐ filled (by the rule in the Gap-fill column) · ✗ missing',
                '',
                '| Source | 01 | 02 | 03 | 04 | 05 | 06 | 07 | 08 | 09 | 10 | 11 | 12 | Filled (%) | Gap-fill |',
                '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | ---: | --- |',
                '| furnace\\_gas | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ◐ | ✓ | ✓ | ✓ | ✓ | 8.33 % | conservative |',
                '| purchased\\_power | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | — | — |'
            ].join('\n')
        );
        const html = readFileSync(report('html'), 'utf8');
        expect(html).toContain('<h3>Monthly completeness (clause 6.2, 9.1)</h3>');
        expect(html).toContain('<td class="num" title="filled (gap-fill conservative)">◐</td>');
        expect(html.match(/title="filled \(gap-fill conservative\)"/g)).toHaveLength(1);
        // the rule beside the filled share; a source without gap-fill has none
        expect(html).toContain('<td class="num">8.33</td><td>conservative</td></tr>');
    });

    test('csv and the xlsx Sources sheet: a column per month, the filled share and the gap-fill rule', async () => {
        const csv = readFileSync(report('csv'), 'utf8').split('\r\n');
        // the month columns come last, and hold no comma
        const last = (line: string) => line.split(',').slice(-14);
        expect(last(csv[0])).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', 'Filled (%)', 'Gap-fill']);
        expect(last(csv[1])).toEqual([...GAS, GAS_PERCENT, 'conservative']);
        expect(last(csv[2])).toEqual([...GIVEN, '', '']);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(readFileSync(report('xlsx')));
        const values = (row: number) => (workbook.getWorksheet('Sources')!.getRow(row).values as unknown[]).map(value => (typeof value === 'object' && value !== null && 'result' in value ? value.result : value));
        const sheetHeader = values(1);
        const column = sheetHeader.indexOf('2024-08');
        expect(column).toBeGreaterThan(0);
        expect(values(2)[column]).toBe('filled');
        expect(values(3)[column]).toBe('given');
    });

    test('a model with no monthly source has none: the csv has no month column', () => {
        const dir = tempCopy('examples/cement');
        const file = join(dir, 'report.csv');
        runCli(['report', dir, '--format', 'csv', '-o', file], { cwd: dir });
        expect(readFileSync(file, 'utf8').split('\r\n')[0]).not.toContain('Filled (%)');
    });
});
