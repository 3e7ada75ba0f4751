import { describe, expect, test } from 'vitest';
import { languageModel, runCli, tempModel } from './helpers/cli.js';

const MODEL = `organization acme "Acme" { period 2024 consolidation operational-control ms-scope "All" gwp AR6 }
site s
source a at s { category 1 emissions 1000 tCO2 }
reduction r { on a cuts 10 % from 2026 status planned }
target halve { kind absolute-reduction categories 1 base-year 2023 base 1000 tCO2e reduce 50 % year 2028 }
`;

describe('cnms plan', () => {
    test('projects year by year, with the path, the gap and the first year missed (figures by hand)', () => {
        const dir = languageModel({ 'org.cnms': MODEL });
        const json = JSON.parse(runCli(['plan', dir, '--format', 'json']).stdout);
        // emissions 1000 tCO2e; from 2026 the reduction cuts 10 % of source a: 1000 − 100 = 900
        expect(json.years).toEqual([
            { year: 2024, projected: '1000' },
            { year: 2025, projected: '1000' },
            { year: 2026, projected: '900' },
            { year: 2027, projected: '900' },
            { year: 2028, projected: '900' }
        ]);
        // path from 1000 (2023) to 1000 × (1 − 50 %) = 500 (2028): allowed(Y) = 1000 − 500 × (Y − 2023) / 5
        // 2024: 900, 2025: 800, 2026: 700, 2027: 600, 2028: 500; gap = projected − allowed
        expect(json.targets).toEqual([
            {
                id: 'halve',
                kind: 'absolute-reduction',
                year: 2028,
                unit: 'tCO2e',
                firstMissed: 2024,
                years: [
                    { year: 2024, projected: '1000', allowed: '900', gap: '100' },
                    { year: 2025, projected: '1000', allowed: '800', gap: '200' },
                    { year: 2026, projected: '900', allowed: '700', gap: '200' },
                    { year: 2027, projected: '900', allowed: '600', gap: '300' },
                    { year: 2028, projected: '900', allowed: '500', gap: '400' }
                ]
            }
        ]);
    });

    test('a target year far out (200000) is an error and projects nothing past 2200: quick, and a few lines', () => {
        const dir = languageModel({ 'org.cnms': MODEL.replace('year 2028', 'year 200000') });
        const started = Date.now();
        const json = runCli(['plan', dir, '--format', 'json'], { timeout: 20_000 });
        expect(Date.now() - started).toBeLessThan(15_000);
        expect(json.code).toBe(1);
        const plan = JSON.parse(json.stdout);
        // the target's own year is out of range: the projection runs over the period alone
        expect(plan.years).toEqual([{ year: 2024, projected: '1000' }]);
        const text = runCli(['plan', dir], { timeout: 20_000 });
        expect(text.stdout.length).toBeLessThan(2_000);
        const validate = runCli(['validate', dir]);
        expect(validate.stdout).toContain("error  CN-NUM-012  'year' is 200000, not a year between 1900 and 2200.");
        expect(runCli(['validate', dir, '--lang', 'zh-CN']).stdout).toContain('“year”为 200000，不是 1900 至 2200 之间的年份。');
    });

    test('a target in 2200 is projected to 2200; a year or a date out of range, and a calibration interval of 8000 years, are errors, and the meter does not expire', () => {
        const within = languageModel({ 'org.cnms': MODEL.replace('year 2028', 'year 2200') });
        const plan = JSON.parse(runCli(['plan', within, '--format', 'json']).stdout);
        expect([plan.fromYear, plan.toYear, plan.years.length]).toEqual([2024, 2200, 177]);
        const dir = languageModel({ 'org.cnms': MODEL.replace('period 2024', 'period 0024') });
        const json = JSON.parse(runCli(['validate', dir, '--format', 'json']).stdout) as { diagnostics: Array<{ rule: string; file: string; message: string }> };
        expect(json.diagnostics.filter(d => d.rule === 'CN-NUM-012').map(d => d.message)).toEqual(["'period' is 0024, not a year between 1900 and 2200."]);
        expect(JSON.parse(runCli(['plan', dir, '--format', 'json']).stdout).years).toEqual([]);
        // with every rule on: the calibration rule (CN-7.1-002) must not call a meter expired that is calibrated for 8000 years
        const meters = tempModel({ 'org.cnms': MODEL, 'meter.cnms': 'meter m { measures a accuracy 1 % calibrated 2024-01-01 interval 8000 years }\n' });
        const all = JSON.parse(runCli(['validate', meters, '--format', 'json']).stdout) as { diagnostics: Array<{ rule: string; file: string; message: string }> };
        expect(all.diagnostics.filter(d => d.file.endsWith('meter.cnms')).map(d => [d.rule, d.message])).toEqual([['CN-NUM-012', 'A duration of 8000 years reaches beyond the years 1900 to 2200.']]);
    });

    test('text: a table per target, in English and Chinese', () => {
        const dir = languageModel({ 'org.cnms': MODEL });
        const text = runCli(['plan', dir]).stdout;
        expect(text).toContain('Target halve (absolute-reduction, 2028): first missed in 2024');
        expect(text).toMatch(/2026 +900\.000 +700\.000 +\+200\.000/);
        expect(runCli(['plan', dir, '--lang', 'zh-CN']).stdout).toContain('2024 年首次未达标');
    });
});
