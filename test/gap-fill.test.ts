// Conservative gap filling, declared and never silent (docs/months.md): a
// source's `gap-fill conservative` fills each month of the period its
// month-by-month activity lacks with the highest of the same month a year
// before and the nearest months given before and after; the filled months are
// an info of CN-6.2-018, shown in `cnms balance` (text and json)
// with their share of the activity. Every figure worked out by hand.
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
    filled?: { months: string[]; percent: string };
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
        expect(sources.get('diesel')?.filled).toEqual({ months: ['2024-03', '2024-12'], percent: '38.88888888888888888888888888888889' });
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
