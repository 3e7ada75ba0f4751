// Datasets (docs/datasets.md): a `dataset` binds a CSV file; sums, counts,
// minima, maxima and averages of its columns are activity figures, exact to the
// digit of the CSV text. Bad data is reported at the declaration with the file,
// row and column, and only the figures that use a broken row are not computed.
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { languageModel, REPO, runCli, tempCopy } from './helpers/cli.js';

const ORG = 'organization acme "Acme" { period 2024 consolidation operational-control ms-scope "All" }\nsite s\n';

interface Diagnostic {
    file: string;
    line: number;
    column: number;
    severity: string;
    rule: string;
    message: string;
}
interface BalanceSource {
    id: string;
    co2e: string | null;
    computed: boolean;
}

function validate(dir: string): Diagnostic[] {
    const result = runCli(['validate', dir, '--format', 'json'], { cwd: dir });
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    const parsed = JSON.parse(result.stdout) as { diagnostics: Diagnostic[] } | Diagnostic[];
    return Array.isArray(parsed) ? parsed : parsed.diagnostics;
}

function sources(dir: string): Map<string, BalanceSource> {
    const result = runCli(['balance', dir, '--format', 'json'], { cwd: dir });
    const balance = JSON.parse(result.stdout) as { sources: BalanceSource[] };
    return new Map(balance.sources.map(source => [source.id, source]));
}

/** A source whose emissions in tCO2 equal its activity in MWh. */
function source(name: string, activity: string): string {
    return `source ${name} at s { category 2 activity ${activity} factor 1 tCO2/MWh }\n`;
}

describe('dataset syntax and exact aggregates', () => {
    // Worked by hand: E-01 is 100.5 + 200.25 + 0.125 = 300.875 MWh; E-02 is 3600 GJ + 1800 GJ = 5400 GJ = 1500 MWh
    // (3.6 GJ a MWh); E-03 is 0.1 + 0.2 = 0.3 MWh exactly (0.30000000000000004 in floating point).
    const CSV =
        [
            'meter,month,energy,energy_unit,note',
            'E-01,2024-01,100.5,MWh,first',
            'E-01,2024-02,200.25,MWh,',
            'E-01,2024-03,0.125,MWh,"with, comma"',
            'E-02,2024-01,3600,GJ,',
            'E-02,2024-03,1800,GJ,',
            'E-03,2024-05-14,0.1,MWh,',
            'E-03,2024-05-20,0.2,MWh,'
        ].join('\n') + '\n';
    const MODEL =
        ORG +
        `
dataset meters "data/meters-2024.csv" {
    column meter text
    column month date
    column energy unit-from energy_unit
}
dataset plain "data/meters-2024.csv" {
    column meter text
    column month date
    column energy MWh
}
` +
        source('e01', 'sum(meters.energy where meter = "E-01")') +
        source('e02', 'sum(meters.energy where meter = "E-02")') +
        source('e03', 'sum(meters.energy where meter = "E-03")') +
        source('march', 'sum(meters.energy where month in 2024-03)') +
        source('whole_year', 'sum(meters.energy where month in 2024)') +
        source('may_e03', 'sum(meters.energy where meter = "E-03", month in 2024-05)') +
        source('least', 'min(meters.energy where meter = "E-01")') +
        source('most', 'max(meters.energy where meter = "E-01")') +
        source('mean', 'avg(meters.energy where meter = "E-02")') +
        source('plain_mwh', 'sum(plain.energy where meter = "E-01") + 2 MWh') +
        'source counted at s { category 1 emissions count(meters.energy where month in 2024-01) tCO2 }\n';

    test('sum, count, min, max and avg with text and month conditions, exact to the digit', () => {
        const dir = languageModel({ 'org.cnms': MODEL, 'data/meters-2024.csv': CSV });
        expect(validate(dir).filter(d => d.severity === 'error')).toEqual([]);
        const figures = sources(dir);
        const co2e = (id: string) => figures.get(id)?.co2e;
        expect(co2e('e01')).toBe('300.875');
        expect(co2e('e02')).toBe('1500');
        expect(co2e('e03')).toBe('0.3');
        expect(co2e('march')).toBe('500.125'); // 0.125 MWh + 1800 GJ (500 MWh)
        expect(co2e('whole_year')).toBe('1801.175'); // 300.875 + 1500 + 0.3
        expect(co2e('may_e03')).toBe('0.3');
        expect(co2e('least')).toBe('0.125');
        expect(co2e('most')).toBe('200.25');
        expect(co2e('mean')).toBe('750'); // (1000 + 500) / 2 MWh
        expect(co2e('plain_mwh')).toBe('302.875'); // the cells read as MWh, plus 2 MWh
        expect(co2e('counted')).toBe('2');
    });

    test('every form of decimal cell, summed exactly: signs, no whole part, exponents, leading zeros, 24 digits, spaces', () => {
        // 0.25 − 0.5 + 1200 + 0.12 + 12.5 + 123456789012345678901234.5 + 42 = 123456789012345678902488.87
        const cells = ['.25', '-.5', '1.2e3', '12E-2', '0000000000000000000000012.5', '123456789012345678901234.5', ' 42 '];
        const dir = languageModel({
            'org.cnms': ORG + 'dataset t "t.csv" {\n    column energy MWh\n}\n' + source('a', 'sum(t.energy)'),
            't.csv': `energy\n${cells.map(cell => `"${cell}"`).join('\n')}\n\n   \n`
        });
        expect(validate(dir).filter(d => d.severity === 'error')).toEqual([]);
        expect(sources(dir).get('a')?.co2e).toBe('123456789012345678902488.87');
    });

    test('a column may be named like a keyword elsewhere (meter, date, year, site)', () => {
        const dir = languageModel({
            'org.cnms': ORG + 'dataset t "t.csv" {\n    column site text\n    column date date\n    column value MWh\n}\n' + source('a', 'sum(t.value where site = "north", date in 2024)'),
            't.csv': 'site,date,value\nnorth,2024-02,5\nsouth,2024-02,7\n'
        });
        expect(validate(dir).filter(d => d.severity === 'error')).toEqual([]);
        expect(sources(dir).get('a')?.co2e).toBe('5');
    });

    test('aggregate mistakes are reported at the aggregate and the source is not computed', () => {
        const dir = languageModel({
            'org.cnms':
                ORG +
                'dataset t "t.csv" {\n    column meter text\n    column month date\n    column energy MWh\n}\n' +
                source('unknown_fn', 'total(t.energy)') +
                source('text_sum', 'sum(t.meter)') +
                source('no_column', 'sum(t.energy where colour = "red")') +
                source('wrong_kind', 'sum(t.energy where month = "2024-01")') +
                source('no_rows', 'sum(t.energy where meter = "E-1")') +
                source('bad_month', 'sum(t.energy where month in 2024-13)') +
                source('fine', 'sum(t.energy)'),
            't.csv': 'meter,month,energy\nE-01,2024-01,5\n'
        });
        const messages = validate(dir)
            .filter(d => d.rule === 'CN-NUM-014')
            .map(d => `${d.line}: ${d.message}`);
        expect(messages).toEqual(
            [
                "8: 'total' is not an aggregate: use sum, count, min, max or avg.",
                '9: sum needs a column of numbers, but t.meter is a text column.',
                "10: Dataset t has no column 'colour' (it has meter, month, energy).",
                'Column month is a date column: compare text columns with = "…", and date columns with in 2024 or in 2024-03.',
                'No row of t.csv meets the conditions: the sum of no rows is not computed.',
                '2024-13 is not a year (2024) or a month (2024-03).'
            ].map((text, i) => (i < 3 ? text : `${11 + i - 3}: ${text}`))
        );
        const figures = sources(dir);
        for (const id of ['unknown_fn', 'text_sum', 'no_column', 'wrong_kind', 'no_rows', 'bad_month']) expect(figures.get(id)?.computed, id).toBe(false);
        expect(figures.get('fine')?.co2e).toBe('5');
    });
});

test('cnms format lays out a dataset and an aggregate canonically', () => {
    const dir = languageModel({
        'org.cnms':
            ORG +
            'dataset meters   "m.csv" { column meter text column month date\n  column energy MWh column e2 unit-from   u\n  }\n' +
            'source x at s { category 2 activity sum( meters.energy where meter="E-01" , month in 2024 - 03 ) factor 1 tCO2/MWh }\n'
    });
    const result = runCli(['format', join(dir, 'org.cnms')], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(dir, 'org.cnms'), 'utf8')).toBe(
        [
            'organization acme "Acme" {',
            '    period 2024',
            '    consolidation operational-control',
            '    ms-scope "All"',
            '}',
            'site s',
            'dataset meters "m.csv" {',
            '    column meter text',
            '    column month date',
            '    column energy MWh',
            '    column e2 unit-from u',
            '}',
            'source x at s {',
            '    category 2',
            '    activity sum(meters.energy where meter = "E-01", month in 2024-03)',
            '    factor 1 tCO2/MWh',
            '}',
            ''
        ].join('\n')
    );
});

describe('bad data: file, row and column, and only the figures that use a broken row are not computed', () => {
    const DECLARED = '    column meter text\n    column month date\n    column energy unit-from unit\n';
    /** One dataset per file, with a source over the rows of E-01 (which meet the problem) and one over E-02 (which do not). */
    function model(files: Record<string, string | Buffer>): string {
        let text = ORG;
        Object.keys(files).forEach((file, i) => {
            text += `dataset d${i} "data/${file}" {\n${DECLARED}}\n`;
            text += source(`broken${i}`, `sum(d${i}.energy where meter = "E-01")`);
            text += source(`whole${i}`, `sum(d${i}.energy where meter = "E-02")`);
        });
        return languageModel({ 'org.cnms': text, ...Object.fromEntries(Object.entries(files).map(([file, csv]) => [`data/${file}`, csv])) });
    }
    const HEADER = 'meter,month,energy,unit\n';
    const GOOD = 'E-02,2024-01,7,MWh\n';

    test('each problem names file:row:column at the dataset declaration', () => {
        const files = {
            'not-number.csv': HEADER + GOOD + 'E-01,2024-02,12.5.3,MWh\n',
            'unit.csv': HEADER + GOOD + 'E-01,2024-02,4,km\n',
            'unknown-unit.csv': HEADER + GOOD + 'E-01,2024-02,4,furlong\n',
            'ragged.csv': HEADER + GOOD + 'E-01,2024-02\n',
            'period.csv': HEADER + GOOD + 'E-01,2023-12,4,MWh\n',
            'bad-date.csv': HEADER + GOOD + 'E-01,2024-02-30,4,MWh\n',
            'missing-header.csv': 'meter,month,kwh,unit\n' + GOOD,
            'duplicate-header.csv': 'meter,month,energy,meter,unit\nE-02,2024-01,7,x,MWh\n',
            'empty.csv': '',
            'quote.csv': HEADER + GOOD + 'E-01,2024-02,"4,MWh\n',
            'latin1.csv': Buffer.from(HEADER + GOOD + 'Caf\xe9,2024-02,4,MWh\n', 'latin1')
        };
        const dir = model(files);
        const diagnostics = validate(dir);
        const data = diagnostics.filter(d => d.rule === 'CN-NUM-013');
        const at = (file: string) => data.filter(d => d.message.includes(`data/${file}`)).map(d => d.message);
        expect(at('not-number.csv')).toEqual(["data/not-number.csv:3:3: '12.5.3' in column energy is not a number."]);
        expect(at('unit.csv')).toEqual(["data/unit.csv:3:4: 'km' is length, but column energy holds energy."]);
        expect(at('unknown-unit.csv')).toEqual(["data/unknown-unit.csv:3:4: 'furlong' in column unit is not a unit of this model."]);
        expect(at('ragged.csv')).toEqual(['data/ragged.csv:3:3: this row has 2 cells, the header 4.']);
        expect(at('period.csv')).toEqual(['data/period.csv:3:2: 2023-12 in column month lies outside the period 2024-01-01 .. 2024-12-31.']);
        expect(at('bad-date.csv')).toEqual(["data/bad-date.csv:3:2: '2024-02-30' in column month is not a month or a date (2024-03 or 2024-03-15)."]);
        expect(at('missing-header.csv')).toEqual(["data/missing-header.csv:1: the header has no column 'energy' (it has meter, month, kwh, unit)."]);
        expect(at('duplicate-header.csv')).toEqual(["data/duplicate-header.csv:1:4: the header names column 'meter' twice (first as column 1)."]);
        expect(at('empty.csv')).toEqual(['data/empty.csv is empty: a dataset needs a header row naming its columns.']);
        expect(at('latin1.csv')).toEqual(['data/latin1.csv is not UTF-8 text: save the table as CSV in UTF-8.']);
        expect(at('quote.csv')).toEqual(['data/quote.csv:3: a quoted cell is not closed or is malformed, so the file cannot be read from here on.']);
        // every one of them is at the declaration's path, in the model file
        for (const d of data) {
            expect(d.file).toBe('org.cnms');
            expect(d.severity).toBe('error');
        }
        expect(new Set(data.map(d => d.line)).size).toBe(Object.keys(files).length);

        const figures = sources(dir);
        Object.keys(files).forEach((file, i) => {
            expect(figures.get(`broken${i}`)?.computed, file).toBe(false);
            // the rows of E-02 are sound: their sum is computed unless the whole file cannot be used
            const whole = !['missing-header.csv', 'duplicate-header.csv', 'empty.csv', 'quote.csv', 'latin1.csv'].includes(file);
            expect(figures.get(`whole${i}`)?.co2e ?? null, file).toBe(whole ? '7' : null);
        });
        // the source over the broken row says which row
        const notComputed = diagnostics.filter(d => d.rule === 'CN-NUM-014').map(d => d.message);
        expect(notComputed).toContain('This value uses a row with a problem (data/not-number.csv:3:3), so it is not computed.');
        expect(notComputed).toContain('Dataset d6 cannot be read (data/missing-header.csv; see its declaration), so this value is not computed.');
    });

    test('a missing file, and a path outside the model, are reported at the path', () => {
        const outside = mkdtempSync(join(tmpdir(), 'cnms-outside-'));
        writeFileSync(join(outside, 'x.csv'), HEADER + GOOD);
        const dir = languageModel({
            'data/folder.csv/x': '',
            'org.cnms':
                ORG + `dataset folder "data/folder.csv" {\n${DECLARED}}\ndataset gone "data/none.csv" {\n${DECLARED}}\ndataset away "../${outside.split('/').pop()}/x.csv" {\n${DECLARED}}\ndataset root "/etc/passwd" {\n${DECLARED}}\n`
        });
        const messages = validate(dir)
            .filter(d => d.rule === 'CN-NUM-013')
            .map(d => d.message);
        expect(messages).toEqual([
            'The path data/folder.csv of dataset folder is a folder, not a CSV file.',
            'The file data/none.csv of dataset gone does not exist.',
            `The file ../${outside.split('/').pop()}/x.csv of dataset away must be a path relative to this file, inside the model's repository.`,
            "The file /etc/passwd of dataset root must be a path relative to this file, inside the model's repository."
        ]);
    });

    test('a symbolic link that leads out of the model is refused, and its file never shown', () => {
        const outside = mkdtempSync(join(tmpdir(), 'cnms-secret-'));
        writeFileSync(join(outside, 'secret.csv'), 'meter,month,energy,unit\nSECRET-VALUE,2024-01,x,MWh\n');
        const dir = languageModel({ 'org.cnms': ORG + `dataset linked "data/linked.csv" {\n${DECLARED}}\n` + source('uses', 'sum(linked.energy)'), 'data/README': '' });
        // inside the model as written, outside really
        symlinkSync(join(outside, 'secret.csv'), join(dir, 'data/linked.csv'));
        const diagnostics = validate(dir);
        expect(diagnostics.filter(d => d.rule === 'CN-NUM-013').map(d => d.message)).toEqual(["The file data/linked.csv of dataset linked must be a path relative to this file, inside the model's repository."]);
        expect(JSON.stringify(diagnostics)).not.toContain('SECRET');
    });

    test('hostile cells: a NUL, a line break, 100,000 digits, semicolons; escaped and cut in messages, never a crash', () => {
        const dir = model({
            'nul.csv': HEADER + GOOD + 'E-01,2024-01,5\u0000,MWh\n',
            'break.csv': HEADER + GOOD + 'E-01,2024-01,"1\n2",MWh\n',
            'digits.csv': HEADER + GOOD + `E-01,2024-01,${'9'.repeat(100_000)},MWh\n`,
            'long.csv': HEADER + GOOD + `E-01,2024-01,${'x'.repeat(500)},MWh\n`,
            'semicolons.csv': 'meter;month;energy;unit\nE-02;2024-01;7;MWh\n'
        });
        const result = runCli(['validate', dir], { cwd: dir });
        expect(result.code).toBe(1);
        expect(result.stderr).toBe('');
        const lines = result.stdout.split('\n').filter(line => line.includes('CN-NUM-013'));
        expect(lines.map(line => line.replace(/^.*CN-NUM-013 {2}/, ''))).toEqual([
            "data/nul.csv:3:3: '5\\x00' in column energy is not a number.",
            "data/break.csv:3:3: '1\\n2' in column energy is not a number.",
            'data/digits.csv:3:3: the number in column energy has more than 900 digits, more than CNMS computes exactly.',
            `data/long.csv:3:3: '${'x'.repeat(40)}…' in column energy is not a number.`,
            "data/semicolons.csv:1: the header has no column 'meter': its cells are separated by semicolons (meter;month;energy;unit), but a dataset's cells are separated by commas."
        ]);
    });

    test('many broken rows: the first twenty are shown and the rest counted', () => {
        const rows = Array.from({ length: 25 }, (_, i) => `E-01,2024-01,x${i},MWh`).join('\n');
        const dir = model({ 'many.csv': HEADER + rows + '\n' });
        const data = validate(dir)
            .filter(d => d.rule === 'CN-NUM-013')
            .map(d => d.message);
        expect(data).toHaveLength(21);
        expect(data).toContain("data/many.csv:2:3: 'x0' in column energy is not a number.");
        expect(data).toContain("data/many.csv:21:3: 'x19' in column energy is not a number.");
        expect(data).not.toContain("data/many.csv:22:3: 'x20' in column energy is not a number.");
        expect(data).toContain('data/many.csv: 5 more rows have problems (the first are shown).');
    });

    test('Chinese messages name the same place', () => {
        const dir = model({ 'zh.csv': HEADER + 'E-01,2024-02,abc,MWh\n' });
        const result = runCli(['validate', dir, '--format', 'json', '--lang', 'zh-CN'], { cwd: dir });
        const diagnostics = JSON.parse(result.stdout) as Diagnostic[] | { diagnostics: Diagnostic[] };
        const list = Array.isArray(diagnostics) ? diagnostics : diagnostics.diagnostics;
        expect(list.filter(d => d.rule === 'CN-NUM-013').map(d => d.message)).toEqual(['data/zh.csv:2:3：列 energy 中的“abc”不是数值。']);
    });
});

describe('examples/glass: a year of monthly meter readings in CSV', () => {
    test('validates with exactly its two findings: August gas filled conservatively, September evidence late; its figures worked by hand', () => {
        const dir = join(REPO, 'examples/glass');
        const result = runCli(['validate', dir, '--format', 'json'], { cwd: dir });
        expect(result.code, result.stdout).toBe(0);
        const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: Array<{ file: string; line: number; rule: string; severity: string; message: string }> };
        expect(diagnostics.map(d => `${d.file}:${d.line} ${d.severity} ${d.rule} ${d.message}`)).toEqual([
            'evidence.cnms:73 warning CN-9.1-007 Document ledger_2024_09 evidences 2024-09 of furnace_gas, purchased_power, forklift_diesel, filed 2024-11-15: 6 days after the deadline 2024-11-09 (`evidence-within 40 d`).',
            'sources.cnms:28 info CN-6.2-018 Source furnace_gas has no activity data for 2024-08 of the period 2024; filled conservatively (gap-fill): 2024-08 2,544,547.8 Nm3, 8.33 % of its monthly data.'
        ]);
        const figures = sources(dir);
        // Natural gas, FT-101: eleven months read, 28,015,955.49 Nm3, and August filled with the higher of July
        // (2,544,547.80) and September (2,493,240.01): 30,560,503.29 Nm3 × 35.9 MJ/Nm3 = 1,097.122068111 TJ;
        // × 56,100 kgCO2/TJ = 61,548.5480210271 tCO2; × 1 kgCH4/TJ × 27.9 = 30.6097057002969 tCO2e;
        // × 0.1 kgN2O/TJ × 273 = 29.9514324594303 tCO2e; together 61,609.1091591868272 tCO2e.
        expect(figures.get('furnace_gas')?.co2e).toBe('61609.1091591868272');
        // Power: EM-110 64,002.893 MWh + EM-AUX 2,433,920 kWh (2,433.92 MWh) = 66,436.813 MWh × 0.55 tCO2/MWh = 36,540.24715
        expect(figures.get('purchased_power')?.co2e).toBe('36540.24715');
        // Forklift diesel, month by month: 3.2 + 2.9 + … + 3.8 = 38.4 t × 43.0 GJ/t = 1.6512 TJ; × 74,100 kgCO2/TJ = 122.35392 tCO2,
        // × 3 kgCH4/TJ × 27.9 = 0.13820544, × 0.6 kgN2O/TJ × 273 = 0.27046656; together 122.762592 tCO2e
        expect(figures.get('forklift_diesel')?.co2e).toBe('122.762592');
        // the filled share: 2,544,547.80 / 30,560,503.29
        const balance = JSON.parse(runCli(['balance', dir, '--format', 'json'], { cwd: dir }).stdout) as { sources: Array<{ id: string; filled?: { method: string; months: string[]; percent: string } }> };
        expect(balance.sources.find(source => source.id === 'furnace_gas')?.filled).toEqual({ method: 'conservative', months: ['2024-08'], percent: '8.326262744608091171262906253007589' });
    });
});

describe('cnms diff reads the datasets of each revision', () => {
    test('a CSV changed between two commits is a change of the sources that read it, attributed to their activity', () => {
        const dir = tempCopy('examples/glass');
        const git = (...args: string[]) => {
            const result = spawnSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=test', ...args], { cwd: dir, encoding: 'utf8' });
            expect(result.status, result.stderr).toBe(0);
        };
        git('init', '-q');
        git('add', '-A');
        git('commit', '-qm', 'January as read');
        const csv = join(dir, 'data/power-2024.csv');
        // EM-110 in January: 5,459.773 → 5,559.773 MWh, +100 MWh × 0.55 tCO2/MWh = +55 tCO2e
        writeFileSync(csv, readFileSync(csv, 'utf8').replace('EM-110,2024-01,5459.773,MWh', 'EM-110,2024-01,5559.773,MWh'));
        git('commit', '-qam', 'January corrected');
        const json = JSON.parse(runCli(['diff', 'HEAD~1', 'HEAD', '.', '--format', 'json'], { cwd: dir }).stdout) as {
            changes: Array<{ id: string; before: string; after: string; delta: string; causes: Array<{ cause: string; delta: string }> }>;
        };
        expect(json.changes).toEqual([
            {
                kind: 'source',
                id: 'purchased_power',
                action: 'changed',
                before: '36540.24715',
                after: '36595.24715',
                delta: '55',
                // the activity's text is the same at both revisions (the CSV changed): no input to show, the line of the source
                causes: [{ cause: 'activity', delta: '55', input: null }],
                at: { file: 'sources.cnms', line: 34 }
            }
        ]);
        // the working tree's CSV against HEAD: a broken row is a new finding, and the source is no longer computed
        writeFileSync(csv, `${readFileSync(csv, 'utf8')}EM-110,2024-12,n/a,MWh\n`);
        const text = runCli(['diff', 'HEAD', '.'], { cwd: dir }).stdout;
        expect(text).toContain('~ source purchased_power 36,595.247 → — tCO2e');
        expect(text).toContain("data/power-2024.csv:26:3: 'n/a' in column energy is not a number.");
    });
});
