import { describe, expect, test } from 'vitest';
import { languageModel, runCli } from './helpers/cli.js';

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
            { year: 2024, projected: '1000' }, { year: 2025, projected: '1000' }, { year: 2026, projected: '900' },
            { year: 2027, projected: '900' }, { year: 2028, projected: '900' }
        ]);
        // path from 1000 (2023) to 1000 × (1 − 50 %) = 500 (2028): allowed(Y) = 1000 − 500 × (Y − 2023) / 5
        // 2024: 900, 2025: 800, 2026: 700, 2027: 600, 2028: 500; gap = projected − allowed
        expect(json.targets).toEqual([{
            id: 'halve', kind: 'absolute-reduction', year: 2028, unit: 'tCO2e', firstMissed: 2024,
            years: [
                { year: 2024, projected: '1000', allowed: '900', gap: '100' },
                { year: 2025, projected: '1000', allowed: '800', gap: '200' },
                { year: 2026, projected: '900', allowed: '700', gap: '200' },
                { year: 2027, projected: '900', allowed: '600', gap: '300' },
                { year: 2028, projected: '900', allowed: '500', gap: '400' }
            ]
        }]);
    });

    test('text: a table per target, in English and Chinese', () => {
        const dir = languageModel({ 'org.cnms': MODEL });
        const text = runCli(['plan', dir]).stdout;
        expect(text).toContain('Target halve (absolute-reduction, 2028): first missed in 2024');
        expect(text).toMatch(/2026 +900\.000 +700\.000 +\+200\.000/);
        expect(runCli(['plan', dir, '--lang', 'zh-CN']).stdout).toContain('2024 年首次未达标');
    });
});
