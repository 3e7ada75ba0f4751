// Conservative gap filling, declared and never silent (docs/months.md): a
// source's `gap-fill conservative` fills each month of the period its
// month-by-month activity lacks with the highest of the same month a year
// before and the nearest months given before and after; the filled months are
// an info of CN-6.2-018, shown in `cnms balance` (text and json)
// with their share of the activity; `previous-year`, `neighbours`, `average`
// and `value EXPR` are the rules a user may name instead, each shown by name.
// Every figure worked out by hand.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { onlyRulesSettings, runCli, tempModel } from './helpers/cli.js';

const ORG = 'organization acme "Acme" { period 2024 consolidation operational-control ms-scope "All" }\nsite s\n';
/** Only the language rules and the completeness rule. */
const SETTINGS = onlyRulesSettings('CN-6.2-018');

interface Diagnostic {
    line: number;
    rule: string;
    severity: string;
    message: string;
}
interface SourceJson {
    id: string;
    co2e: string | null;
    filled?: { method: string; months: string[]; percent: string };
}

function run(files: Record<string, string>) {
    const dir = tempModel({ ...files, 'cnms.json': SETTINGS });
    const diagnostics = (JSON.parse(runCli(['validate', dir, '--format', 'json'], { cwd: dir }).stdout) as { diagnostics: Diagnostic[] }).diagnostics;
    const balance = JSON.parse(runCli(['balance', dir, '--format', 'json'], { cwd: dir }).stdout) as { sources: SourceJson[] };
    const text = runCli(['balance', dir], { cwd: dir }).stdout;
    return { diagnostics: diagnostics.map(d => `${d.line} ${d.rule} ${d.severity} ${d.message}`), sources: new Map(balance.sources.map(source => [source.id, source])), text };
}

/** January to December at 10 t, but February at 20 t and without March and December (also in hover-text.test.ts). */
const DIESEL = `source diesel at s {
    category 1
    activity monthly {
        2024-01 10 t
        2024-02 20 t
        2024-04 10 t
        2024-05 10 t
        2024-06 10 t
        2024-07 10 t
        2024-08 10 t
        2024-09 10 t
        2024-10 10 t
        2024-11 10 t
    }
    factor 1 tCO2/t
    gap-fill conservative previous-year monthly {
        2023-03 15 t
        2023-12 50 t
    }
}
`;

describe('gap-fill conservative', () => {
    test('monthly values: each missing month the highest of a year before and the months around it', () => {
        // given: 20 + 9 × 10 = 110 t. March: max(2023-03 15, 2024-02 20, 2024-04 10) = 20 t;
        // December: max(2023-12 50, 2024-11 10, nothing after) = 50 t. 110 + 70 = 180 t × 1 tCO2/t;
        // filled 70 / 180 = 38.888… %
        const { diagnostics, sources, text } = run({ 'org.cnms': ORG + DIESEL });
        expect(diagnostics).toEqual(['18 CN-6.2-018 info Source diesel has no activity data for 2024-03, 2024-12 of the period 2024; filled conservatively (gap-fill): 2024-03 20 t, 2024-12 50 t, 38.89 % of its monthly data.']);
        expect(sources.get('diesel')?.co2e).toBe('180');
        expect(sources.get('diesel')?.filled).toEqual({ method: 'conservative', months: ['2024-03', '2024-12'], percent: '38.88888888888888888888888888888889' });
        expect(text).toContain('↳ filled (gap-fill conservative): 2024-03, 2024-12 · 38.89 % of its monthly data');
    });

    test('in Chinese: the finding and the balance line', () => {
        const dir = tempModel({ 'org.cnms': ORG + DIESEL, 'cnms.json': SETTINGS });
        const validate = JSON.parse(runCli(['validate', dir, '--format', 'json', '--lang', 'zh-CN'], { cwd: dir }).stdout) as { diagnostics: Diagnostic[] };
        expect(validate.diagnostics.map(d => d.message)).toEqual(['排放源 diesel 缺少报告期 2024 中 2024-03, 2024-12 的活动数据，已按保守方法填补（gap-fill）：2024-03 20 t, 2024-12 50 t，占其月度数据的 38.89 %。']);
        expect(runCli(['balance', dir, '--lang', 'zh-CN'], { cwd: dir }).stdout).toContain('↳ 已填补（gap-fill conservative）：2024-03, 2024-12 · 占其月度数据的 38.89 %');
    });

    test('without the year before: the nearest months given, across a run of missing months', () => {
        // given 2024-01 … 2024-04 at 8, 9, 7, 12 t, then 2024-08 at 6 t and 2024-09 … 2024-12 at 10 t: 36 + 6 + 40 = 82 t.
        // 2024-05, -06, -07 each: max(2024-04 12, 2024-08 6) = 12 t; 82 + 36 = 118 t; filled 36 / 118 = 30.51 %
        const monthly = ['01 8', '02 9', '03 7', '04 12', '08 6', '09 10', '10 10', '11 10', '12 10'].map(entry => `        2024-${entry} t`).join('\n');
        const { diagnostics, sources } = run({ 'org.cnms': `${ORG}source kiln at s {\n    category 1\n    activity monthly {\n${monthly}\n    }\n    factor 2 tCO2/t\n    gap-fill conservative\n}\n` });
        expect(diagnostics).toEqual([
            '17 CN-6.2-018 info Source kiln has no activity data for 2024-05, 2024-06, 2024-07 of the period 2024; filled conservatively (gap-fill): 2024-05 12 t, 2024-06 12 t, 2024-07 12 t, 30.51 % of its monthly data.'
        ]);
        // 118 t × 2 tCO2/t
        expect(sources.get('kiln')?.co2e).toBe('236');
    });

    test('a dataset summed month by month: a month of two rows is their sum, a missing one filled', () => {
        // E-01: January–May and September–December at 100 MWh (900), June in two rows (40 + 75 = 115), August 90,
        // no July: 1,105 MWh given (E-02's July is another meter's). July: max(June 115, August 90) = 115 MWh;
        // 1,220 MWh × 0.5 tCO2/MWh = 610 tCO2; filled 115 / 1,220 = 9.43 %
        const rows = ['01', '02', '03', '04', '05', '09', '10', '11', '12'].map(month => `E-01,2024-${month},100`);
        const csv = ['meter,month,energy', ...rows, 'E-01,2024-06-10,40', 'E-01,2024-06-25,75', 'E-01,2024-08,90', 'E-02,2024-07,999'].join('\n');
        const { diagnostics, sources } = run({
            'org.cnms': `${ORG}dataset m "m.csv" {\n    column meter text\n    column month date\n    column energy MWh\n}\nsource power at s {\n    category 2\n    activity sum(m.energy where meter = "E-01")\n    factor 0.5 tCO2/MWh\n    gap-fill conservative\n}\n`,
            'm.csv': `${csv}\n`
        });
        expect(diagnostics).toEqual(['12 CN-6.2-018 info Source power has no activity data for 2024-07 of the period 2024; filled conservatively (gap-fill): 2024-07 115 MWh, 9.43 % of its monthly data.']);
        expect(sources.get('power')?.co2e).toBe('610');
    });

    test('the part filled may be scaled (volume × NCV); an activity with no such part, or two, cannot be filled: an error, not computed', () => {
        // January 1 t, the other eleven months filled with it: 12 t × 2 = 24 t × 1 tCO2/t
        const { diagnostics, sources } = run({
            'org.cnms':
                `${ORG}source scaled at s {\n    category 1\n    activity monthly {\n        2024-01 1 t\n    } * 2\n    factor 1 tCO2/t\n    gap-fill conservative\n}\n` +
                `source flat at s {\n    category 1\n    activity 5 t\n    factor 1 tCO2/t\n    gap-fill conservative\n}\n` +
                `source two at s {\n    category 1\n    activity monthly {\n        2024-01 1 t\n    } + monthly {\n        2024-02 1 t\n    }\n    factor 1 tCO2/t\n    gap-fill conservative\n}\n`
        });
        expect(sources.get('scaled')?.co2e).toBe('24');
        const message = (name: string) => `Source ${name} fills missing months (\`gap-fill\`), so its activity must have exactly one part given month by month: a \`monthly { … }\` value or a \`sum(…)\` of a dataset with a date column.`;
        expect(diagnostics.filter(d => d.includes('CN-NUM-014'))).toEqual([`15 CN-NUM-014 error ${message('flat')}`, `25 CN-NUM-014 error ${message('two')}`]);
        expect(sources.get('flat')?.co2e).toBeNull();
        expect(sources.get('two')?.co2e).toBeNull();
    });

    test('a complete year: nothing filled, no finding, no filled share', () => {
        const monthly = Array.from({ length: 12 }, (_, i) => `        2024-${String(i + 1).padStart(2, '0')} 1 t`).join('\n');
        const { diagnostics, sources, text } = run({ 'org.cnms': `${ORG}source whole at s {\n    category 1\n    activity monthly {\n${monthly}\n    }\n    factor 1 tCO2/t\n    gap-fill conservative\n}\n` });
        expect(diagnostics).toEqual([]);
        expect(sources.get('whole')).toMatchObject({ co2e: '12', filled: { months: [], percent: '0' } });
        expect(text).not.toContain('filled');
    });
});

/** DIESEL with another `gap-fill` line: 110 t given (January 10, February 20, April–November 10), March and December missing. */
const dieselWith = (gapFill: string, name = 'diesel') => DIESEL.replace('source diesel', `source ${name}`).replace(/ {4}gap-fill[\s\S]*\n\}\n$/, `    ${gapFill}\n}\n`);
const finding = (name: string, line: number, filled: string, values: string, share: string) =>
    `${line} CN-6.2-018 info Source ${name} has no activity data for 2024-03, 2024-12 of the period 2024; ${filled}: ${values}, ${share} of its monthly data.`;

describe('gap-fill by the rule the user names', () => {
    test('neighbours: the higher of the nearest months before and after; the year before only when it is the nearest', () => {
        // March: max(2024-02 20, 2024-04 10) = 20 t; December: 2024-11 10 t, nothing after (2023-12 50 t is not a neighbour):
        // 110 + 30 = 140 t; filled 30 / 140 = 150/7 % = 21.428571…
        const { diagnostics, sources, text } = run({ 'org.cnms': ORG + dieselWith('gap-fill neighbours previous-year monthly { 2023-03 15 t 2023-12 50 t }') });
        expect(diagnostics).toEqual([finding('diesel', 18, 'filled with the higher of the nearest months before and after (gap-fill neighbours)', '2024-03 20 t, 2024-12 10 t', '21.43 %')]);
        expect(sources.get('diesel')).toMatchObject({ co2e: '140', filled: { method: 'neighbours', months: ['2024-03', '2024-12'], percent: '21.42857142857142857142857142857143' } });
        expect(text).toContain('↳ filled (gap-fill neighbours): 2024-03, 2024-12 · 21.43 % of its monthly data');
    });

    test('previous-year: the same month a year before only; a month without one leaves the source not computed', () => {
        // March 2023-03 15 t, December 2023-12 50 t: 110 + 65 = 175 t; filled 65 / 175 = 260/7 % = 37.142857…
        const { diagnostics, sources, text } = run({ 'org.cnms': ORG + dieselWith('gap-fill previous-year monthly { 2023-03 15 t 2023-12 50 t }') });
        expect(diagnostics).toEqual([finding('diesel', 18, 'filled with the same month a year before (gap-fill previous-year)', '2024-03 15 t, 2024-12 50 t', '37.14 %')]);
        expect(sources.get('diesel')).toMatchObject({ co2e: '175', filled: { method: 'previous-year', months: ['2024-03', '2024-12'], percent: '37.14285714285714285714285714285714' } });
        expect(text).toContain('↳ filled (gap-fill previous-year): 2024-03, 2024-12 · 37.14 % of its monthly data');

        // no 2023-12 here, and none at all in the second source: not computed, the missing months stay a warning
        const broken = run({ 'org.cnms': ORG + dieselWith('gap-fill previous-year monthly { 2023-03 15 t }') + dieselWith('gap-fill previous-year', 'bare') });
        const cannot = (name: string, months: string) =>
            `Source ${name} fills each missing month with the same month a year before (\`gap-fill previous-year\`), but no value is given for ${months}: give it in the activity or in \`gap-fill previous-year monthly { … }\`. The source is not computed.`;
        expect(broken.diagnostics).toEqual([
            '5 CN-6.2-018 warning Source diesel has no activity data for 2024-03, 2024-12 of the period 2024.',
            `18 CN-NUM-014 error ${cannot('diesel', '2023-12')}`,
            '22 CN-6.2-018 warning Source bare has no activity data for 2024-03, 2024-12 of the period 2024.',
            `35 CN-NUM-014 error ${cannot('bare', '2023-03, 2023-12')}`
        ]);
        expect(broken.sources.get('diesel')?.co2e).toBeNull();
        expect(broken.sources.get('bare')?.co2e).toBeNull();
        expect(broken.text).not.toContain('filled');
    });

    test('average: the exact mean of the months of the period given; none given, not computed', () => {
        // 1 + 1 + 2 = 4 t over three months: each of the nine missing months 4/3 t (shown 1.333 t), 12 t in all;
        // 16 t × 3 tCO2/t = 48 tCO2e exactly; filled 12 / 16 = 75 %. The 2023-05 reading of `old` lies outside the period.
        const monthly = (entries: string) => `monthly {\n${entries}\n    }`;
        const { diagnostics, sources } = run({
            'org.cnms':
                `${ORG}source av at s {\n    category 1\n    activity ${monthly('        2024-01 1 t\n        2024-02 1 t\n        2024-03 2 t')}\n    factor 3 tCO2/t\n    gap-fill average\n}\n` +
                `source old at s {\n    category 1\n    activity ${monthly('        2023-05 1 t')}\n    factor 3 tCO2/t\n    gap-fill average\n}\n`
        });
        const nine = ['04', '05', '06', '07', '08', '09', '10', '11', '12'].map(month => `2024-${month}`);
        expect(diagnostics).toEqual([
            `11 CN-6.2-018 info Source av has no activity data for ${nine.join(', ')} of the period 2024; filled with the mean of the months of the period given (gap-fill average): ${nine.map(month => `${month} 1.333 t`).join(', ')}, 75.00 % of its monthly data.`,
            `15 CN-6.2-018 warning Source old has no activity data for ${['01', '02', '03', ...nine.map(month => month.slice(5))].map(month => (month.length === 2 ? `2024-${month}` : month)).join(', ')} of the period 2024.`,
            '19 CN-NUM-014 error Source old fills each missing month with the mean of the months of the period given (`gap-fill average`), but no month of the period 2024 is given. The source is not computed.'
        ]);
        expect(sources.get('av')).toMatchObject({ co2e: '48', filled: { method: 'average', months: nine, percent: '75' } });
        expect(sources.get('old')?.co2e).toBeNull();
    });

    test('value: the figure given per missing month, from a let in another unit; a figure of another dimension is an error where it is written', () => {
        // 12,000 kg = 12 t for March and December: 110 + 24 = 134 t; filled 24 / 134 = 17.910447…
        const { diagnostics, sources, text } = run({ 'org.cnms': `${ORG}let diesel_month = 12_000 kg\n${dieselWith('gap-fill value diesel_month')}${dieselWith('gap-fill value 12 MWh', 'wrong')}` });
        expect(diagnostics).toEqual([
            finding('diesel', 19, 'filled with the value given (gap-fill value)', '2024-03 12 t, 2024-12 12 t', '17.91 %'),
            '23 CN-6.2-018 warning Source wrong has no activity data for 2024-03, 2024-12 of the period 2024.',
            "36 CN-NUM-003 error 'gap-fill value' must be mass, but this value is energy."
        ]);
        expect(sources.get('diesel')).toMatchObject({ co2e: '134', filled: { method: 'value', months: ['2024-03', '2024-12'], percent: '17.91044776119402985074626865671642' } });
        expect(sources.get('wrong')?.co2e).toBeNull();
        expect(text).toContain('↳ filled (gap-fill value): 2024-03, 2024-12 · 17.91 % of its monthly data');
    });

    test('in Chinese: the finding and the balance line name the rule', () => {
        const dir = tempModel({ 'org.cnms': ORG + dieselWith('gap-fill neighbours'), 'cnms.json': SETTINGS });
        const validate = JSON.parse(runCli(['validate', dir, '--format', 'json', '--lang', 'zh-CN'], { cwd: dir }).stdout) as { diagnostics: Diagnostic[] };
        expect(validate.diagnostics.map(d => d.message)).toEqual(['排放源 diesel 缺少报告期 2024 中 2024-03, 2024-12 的活动数据，已按前后最近月份中的较大值填补（gap-fill neighbours）：2024-03 20 t, 2024-12 10 t，占其月度数据的 21.43 %。']);
        expect(runCli(['balance', dir, '--lang', 'zh-CN'], { cwd: dir }).stdout).toContain('↳ 已填补（gap-fill neighbours）：2024-03, 2024-12 · 占其月度数据的 21.43 %');
    });

    test('the report names the rule of each filled source', () => {
        const dir = tempModel({ 'org.cnms': ORG + dieselWith('gap-fill average'), 'cnms.json': SETTINGS });
        const file = `${dir}/report.json`;
        expect(runCli(['report', dir, '--format', 'json', '-o', file], { cwd: dir }).code).toBe(0);
        // 110 t over ten months: March and December 11 t each; 22 / 132 = 16.66…
        const completeness = (JSON.parse(readFileSync(file, 'utf8')) as { inventory: { completeness: { sources: unknown[] } } }).inventory.completeness;
        expect(completeness.sources).toEqual([
            { id: 'diesel', months: ['given', 'given', 'filled', 'given', 'given', 'given', 'given', 'given', 'given', 'given', 'given', 'filled'], filledPercent: '16.66666666666666666666666666666667', fillMethod: 'average' }
        ]);
    });

    test('a gap-fill line half typed or wrong: a located error, the source not computed, nothing undefined', () => {
        const lines = [
            'gap-fill',
            'gap-fill value',
            'gap-fill bogus',
            'gap-fill value *',
            'gap-fill value nosuch',
            'gap-fill average previous-year monthly { 2023-01 1 t }',
            'gap-fill previous-year monthly {',
            'gap-fill conservative conservative',
            'gap-fill previous-year previous-year monthly { 2023-01 1 t }'
        ];
        for (const line of lines) {
            const dir = tempModel({ 'org.cnms': ORG + dieselWith(line), 'cnms.json': SETTINGS });
            const validate = runCli(['validate', dir, '--format', 'json'], { cwd: dir });
            const balance = runCli(['balance', dir, '--format', 'json'], { cwd: dir });
            const text = runCli(['balance', dir], { cwd: dir });
            for (const result of [validate, balance, text]) {
                expect(result.stderr, line).not.toMatch(/\bat .*\.(js|cjs|mjs):\d+/);
                expect(result.stdout, line).not.toMatch(/undefined|NaN|\[object Object\]/);
            }
            const diagnostics = (JSON.parse(validate.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
            // an error on the gap-fill line (18) or the line after it, where a half-typed statement is found to end
            expect(
                diagnostics
                    .filter(d => d.severity === 'error')
                    .map(d => d.line)
                    .some(at => at === 18 || at === 19),
                line
            ).toBe(true);
            expect(diagnostics.map(d => d.message).join('\n'), line).not.toMatch(/undefined|null|NaN/);
            expect((JSON.parse(balance.stdout) as { sources: SourceJson[] }).sources.find(source => source.id === 'diesel')?.co2e ?? null, line).toBeNull();
        }
    });
});
