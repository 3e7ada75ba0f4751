// Activity month by month: `monthly { 2024-01 1_200 MWh … }` is worth the sum
// of its months, exactly; a month given twice, a month that is none, or months
// of different dimensions are not computed; and a source given month by month
// (monthly values or a dataset with a date column) that misses months of the
// period is a finding naming them (CN-6.2-018). The CLI run as a process.
import { describe, expect, test } from 'vitest';
import { RULES } from '@cnms/language';
import { runCli, tempModel } from './helpers/cli.js';

const ORG = 'organization acme "Acme" { period 2024 consolidation operational-control ms-scope "All" }\nsite s\n';
/** Only the language rules and the completeness rule: the rest of the catalogue would surround the test with findings about missing elements. */
const SETTINGS = `${JSON.stringify({ rules: Object.fromEntries(RULES.filter(rule => !rule.id.startsWith('CN-NUM-') && rule.id !== 'CN-6.2-018').map(rule => [rule.id, 'off'])) })}\n`;

interface Diagnostic {
    line: number;
    rule: string;
    severity: string;
    message: string;
}

function run(files: Record<string, string>) {
    const dir = tempModel({ ...files, 'cnms.json': SETTINGS });
    const diagnostics = (JSON.parse(runCli(['validate', dir, '--format', 'json'], { cwd: dir }).stdout) as { diagnostics: Diagnostic[] }).diagnostics;
    const balance = JSON.parse(runCli(['balance', dir, '--format', 'json'], { cwd: dir }).stdout) as { sources: Array<{ id: string; co2e: string | null; computed: boolean }> };
    return { diagnostics, co2e: new Map(balance.sources.map(source => [source.id, source.co2e])) };
}

const months = (from: number, to: number, value: (month: number) => string) => Array.from({ length: to - from + 1 }, (_, i) => `        2024-${String(from + i).padStart(2, '0')} ${value(from + i)}`).join('\n');

describe('monthly values', () => {
    test('a full year is the exact sum of its months, and no finding', () => {
        // 1_200.1 + 1_200.2 + … + 1_201.2 MWh: 12 × 1_200 + (0.1 + … + 1.2) = 14_400 + 7.8 = 14_407.8 MWh × 0.5 tCO2/MWh = 7_203.9
        const { diagnostics, co2e } = run({
            'org.cnms': `${ORG}source boiler at s {\n    category 1\n    activity monthly {\n${months(1, 12, m => `${1200 + m / 10} MWh`.replace(/^(\d+)$/, '$1'))}\n    }\n    factor 0.5 tCO2/MWh\n}\n`
        });
        expect(diagnostics).toEqual([]);
        expect(co2e.get('boiler')).toBe('7203.9');
    });

    test('missing months are a warning naming them; the months given still count', () => {
        // January to March and May: 4 × 100 t CO2 directly
        const { diagnostics, co2e } = run({
            'org.cnms': `${ORG}source kiln at s {\n    category 1\n    activity monthly {\n${months(1, 3, () => '100 t')}\n        2024-05 100 t\n    }\n    factor 1 tCO2/t\n}\n`
        });
        expect(diagnostics.map(d => `${d.line} ${d.rule} ${d.severity} ${d.message}`)).toEqual([
            '5 CN-6.2-018 warning Source kiln has no activity data for 2024-04, 2024-06, 2024-07, 2024-08, 2024-09, 2024-10, 2024-11, 2024-12 of the period 2024.'
        ]);
        expect(co2e.get('kiln')).toBe('400');
    });

    test('a month twice, a month that is none, two dimensions: not computed, at the month', () => {
        const { diagnostics, co2e } = run({
            'org.cnms':
                `${ORG}` +
                'source twice at s {\n    category 1\n    activity monthly {\n        2024-01 1 t\n        2024-01 2 t\n    }\n    factor 1 tCO2/t\n}\n' +
                'source thirteenth at s {\n    category 1\n    activity monthly {\n        2024-13 1 t\n    }\n    factor 1 tCO2/t\n}\n' +
                'source mixed at s {\n    category 1\n    activity monthly {\n        2024-01 1 t\n        2024-02 1 MWh\n    }\n    factor 1 tCO2/t\n}\n'
        });
        const errors = diagnostics.filter(d => d.severity === 'error').map(d => `${d.line} ${d.rule} ${d.message}`);
        expect(errors).toEqual(['7 CN-NUM-014 Month 2024-01 is given twice: each month once.', '14 CN-NUM-014 2024-13 is not a year (2024) or a month (2024-03).', '22 CN-NUM-003 Cannot add mass and energy: the dimensions differ.']);
        for (const id of ['twice', 'thirteenth', 'mixed']) expect(co2e.get(id), id).toBeNull();
    });

    test('a dataset with a date column: the months its rows cover', () => {
        const csv = ['meter,month,energy', ...Array.from({ length: 12 }, (_, i) => `E-01,2024-${String(i + 1).padStart(2, '0')},10`), 'E-02,2024-01,5', 'E-02,2024-02-15,5', 'E-02,2024-02-20,5'].join('\n');
        const { diagnostics, co2e } = run({
            'org.cnms':
                `${ORG}dataset m "m.csv" {\n    column meter text\n    column month date\n    column energy MWh\n}\n` +
                'source whole at s {\n    category 2\n    activity sum(m.energy where meter = "E-01")\n    factor 1 tCO2/MWh\n}\n' +
                'source partial at s {\n    category 2\n    activity sum(m.energy where meter = "E-02")\n    factor 1 tCO2/MWh\n}\n',
            'm.csv': `${csv}\n`
        });
        expect(diagnostics.map(d => `${d.line} ${d.rule} ${d.message}`)).toEqual([
            '15 CN-6.2-018 Source partial has no activity data for 2024-03, 2024-04, 2024-05, 2024-06, 2024-07, 2024-08, 2024-09, 2024-10, 2024-11, 2024-12 of the period 2024.'
        ]);
        expect(co2e.get('whole')).toBe('120');
        expect(co2e.get('partial')).toBe('15');
    });
});
