// Data acquisition (CN-9.1-006) and evidence deadlines (CN-9.1-007), as the
// national ETS's monitoring plans ask for them (docs/months.md). The CLI run
// as a process; every date worked out by hand.
import { describe, expect, test } from 'vitest';
import { onlyRulesSettings, runCli, tempModel } from './helpers/cli.js';

const ORG = (extra = '') => `organization acme "Acme" { period 2024 consolidation operational-control ms-scope "All"${extra} }\nsite s\nrole energy_manager {}\n`;
const SETTINGS = onlyRulesSettings('CN-9.1-006', 'CN-9.1-007');

function findings(files: Record<string, string>, lang = 'en'): string[] {
    const dir = tempModel({ ...files, 'cnms.json': SETTINGS });
    const result = runCli(['validate', dir, '--format', 'json', '--lang', lang], { cwd: dir });
    return (JSON.parse(result.stdout) as { diagnostics: Array<{ line: number; rule: string; severity: string; message: string }> }).diagnostics.map(d => `${d.line} ${d.rule} ${d.severity} ${d.message}`);
}

const monthly = (months: readonly number[], value = '10 MWh') => `monthly {\n${months.map(m => `        2024-${String(m).padStart(2, '0')} ${value}`).join('\n')}\n    }`;
const ALL = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

describe('CN-9.1-006: measured parameters have a calibrated meter', () => {
    test('the months the activity covers are checked against the expiry, filled months included; given as a total, the whole period', () => {
        // meter m1: 2023-09-15 + 12 months = 2024-09-15, so September (ends 2024-09-30) onwards has expired.
        // power gives January–August and October, and fills September, November and December (gap-fill): all four count.
        // total (a year's figure, not month by month): every month of 2024 counts, 2024-09 … 2024-12.
        const text =
            `${ORG()}meter m1 {\n    calibrated 2023-09-15\n    interval 12 months\n}\n` +
            `source power at s {\n    category 2\n    activity ${monthly([1, 2, 3, 4, 5, 6, 7, 8, 10])}\n    factor 1 tCO2/MWh\n    gap-fill conservative\n    acquired measured meter m1 responsible energy_manager\n}\n` +
            `source total at s {\n    category 2\n    activity 100 MWh\n    factor 1 tCO2/MWh\n    monitored-by m1\n    acquired measured\n}\n` +
            `source spring at s {\n    category 2\n    activity ${monthly([1, 2, 3])}\n    factor 1 tCO2/MWh\n    acquired measured meter m1\n}\n`;
        expect(findings({ 'org.cnms': text })).toEqual([
            '23 CN-9.1-006 error Source power is measured by meter m1, whose calibration expired on 2024-09-15, before the end of 2024-09, 2024-10, 2024-11, 2024-12, which its activity covers.',
            '30 CN-9.1-006 error Source total is measured by meter m1, whose calibration expired on 2024-09-15, before the end of 2024-09, 2024-10, 2024-11, 2024-12, which its activity covers.'
        ]);
    });

    test('measured with no meter; estimated and default need none; in Chinese too', () => {
        const text = `${ORG()}source a at s {\n    category 1\n    activity 1 t\n    factor 1 tCO2/t\n    acquired measured\n}\nsource b at s {\n    category 1\n    activity 1 t\n    factor 1 tCO2/t\n    acquired default\n}\nsource c at s {\n    category 1\n    activity 1 t\n    factor 1 tCO2/t\n    acquired estimated responsible energy_manager\n}\n`;
        expect(findings({ 'org.cnms': text })).toEqual(['8 CN-9.1-006 error Source a is `acquired measured` but no meter measures it: name one with `acquired measured meter …`, `monitored-by`, or a meter that `measures` it.']);
        expect(findings({ 'org.cnms': text }, 'zh-CN')).toEqual(['8 CN-9.1-006 error 排放源 a 为 `acquired measured`（实测），但没有计量器具测量它：请用 `acquired measured meter …`、`monitored-by` 或以 `measures` 指向它的计量器具指明。']);
    });
});

describe('CN-9.1-006 on a parameter written as a let (a net calorific value measured by a laboratory)', () => {
    test('the let names its meter; its calibration is checked against the months of the sources that use it, or the whole period', () => {
        // meter lab: 2023-09-15 + 12 months = 2024-09-15. ncv is used by a (January–June) and b (October, November):
        // October and November end after the expiry. spare is used by no source: the whole period, September onwards.
        const text =
            `${ORG()}meter lab {\n    calibrated 2023-09-15\n    interval 12 months\n}\n` +
            `let ncv = 40 GJ/t {\n    source "Plant lab"\n    acquired measured meter lab responsible energy_manager\n}\n` +
            `let ncv_nometer = 40 GJ/t {\n    acquired measured\n}\n` +
            `let spare = 1 {\n    acquired measured meter lab\n}\n` +
            `let guess = 2 {\n    acquired estimated\n}\n` +
            `source a at s {\n    category 1\n    activity ${monthly([1, 2, 3, 4, 5, 6], '10 t')} * ncv\n    factor 0.05 tCO2/GJ\n}\n` +
            `source b at s {\n    category 1\n    activity ${monthly([10, 11], '10 t')} * ncv * guess / guess\n    factor 0.05 tCO2/GJ\n}\n`;
        expect(findings({ 'org.cnms': text })).toEqual([
            '10 CN-9.1-006 error Parameter ncv is measured by meter lab, whose calibration expired on 2024-09-15, before the end of 2024-10, 2024-11, which the sources that use it cover.',
            '13 CN-9.1-006 error Parameter ncv_nometer is `acquired measured` but names no meter: name the instrument with `acquired measured meter …`.',
            '16 CN-9.1-006 error Parameter spare is measured by meter lab, whose calibration expired on 2024-09-15, before the end of 2024-09, 2024-10, 2024-11, 2024-12, which the period covers (no source uses it).'
        ]);
        expect(findings({ 'org.cnms': text }, 'zh-CN')).toEqual([
            '10 CN-9.1-006 error 参数 ncv 由计量器具 lab 测量，其校准已于 2024-09-15 到期，早于使用它的排放源所覆盖的 2024-10, 2024-11 的月末。',
            '13 CN-9.1-006 error 参数 ncv_nometer 为 `acquired measured`（实测），但未指明计量器具：请用 `acquired measured meter …` 指明。',
            '16 CN-9.1-006 error 参数 spare 由计量器具 lab 测量，其校准已于 2024-09-15 到期，早于报告期（没有排放源使用它）的 2024-09, 2024-10, 2024-11, 2024-12 的月末。'
        ]);
    });

    test('a let read by `gap-fill value` is used by its source: the months given and filled', () => {
        // fill_month fills December of c, which gives January–November: all twelve months; the meter expired 2024-09-15
        const text =
            `${ORG()}meter lab {\n    calibrated 2023-09-15\n    interval 12 months\n}\n` +
            `let fill_month = 10 t {\n    acquired measured meter lab\n}\n` +
            `source c at s {\n    category 1\n    activity ${monthly([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], '10 t')}\n    factor 1 tCO2/t\n    gap-fill value fill_month\n}\n`;
        expect(findings({ 'org.cnms': text })).toEqual([
            '9 CN-9.1-006 error Parameter fill_month is measured by meter lab, whose calibration expired on 2024-09-15, before the end of 2024-09, 2024-10, 2024-11, 2024-12, which the sources that use it cover.'
        ]);
    });

    test('half-typed acquired on a let: a syntax error there, nothing undefined', () => {
        for (const line of ['acquired', 'acquired measured meter', 'acquired sometimes', 'acquired measured responsible']) {
            const result = findings({ 'org.cnms': `${ORG()}let ncv = 40 GJ/t {\n    ${line}\n}\n` });
            expect(
                result.some(finding => /^[56] CN-NUM-001 error/.test(finding)),
                line
            ).toBe(true);
            expect(result.join('\n'), line).not.toMatch(/undefined|null|NaN|\[object Object\]/);
        }
    });
});

describe('CN-9.1-007: monthly evidence filed within the deadline', () => {
    const source = (name: string) => `source ${name} at s {\n    category 2\n    activity ${monthly(ALL)}\n    factor 1 tCO2/MWh\n}\n`;
    const documents = (filed: (month: number) => string | undefined, forSources = '') =>
        ALL.map(m => {
            const date = filed(m);
            return `document d${m} {\n    path "org.cnms"\n    evidences 2024-${String(m).padStart(2, '0')}${forSources}\n${date ? `    filed ${date}\n` : ''}}\n`;
        }).join('');
    /** The 5th of the following month: always in time. */
    const onTime = (m: number) => (m === 12 ? '2025-01-05' : `2024-${String(m + 1).padStart(2, '0')}-05`);

    test('a document without `for` evidences every source; the deadline counts from the last day of the month; the earliest filing counts', () => {
        // February 2024 ends on the 29th: + 40 days = 2024-04-09. Filed 2024-04-09: in time; d2 late copy filed later does not matter.
        // November ends on the 30th: + 40 days = 2025-01-09; filed 2025-01-12: 3 days late, for both sources.
        const text =
            ORG(' evidence-within 40 d') +
            source('a') +
            source('b') +
            documents(m => (m === 2 ? '2024-04-09' : m === 11 ? '2025-01-12' : onTime(m))) +
            'document d2_copy {\n    path "org.cnms"\n    evidences 2024-02\n    filed 2024-06-01\n}\n';
        const lines = findings({ 'org.cnms': text });
        expect(lines).toEqual(['93 CN-9.1-007 warning Document d11 evidences 2024-11 of a, b, filed 2025-01-12: 3 days after the deadline 2025-01-09 (`evidence-within 40 d`).']);
    });

    test('missing: no document, or one without `filed`, or one for another source; a year total is not asked', () => {
        // a: June has no `filed`; b: the documents name a only, so b has none at all
        const text = ORG(' evidence-within 40 d') + source('a') + source('b') + 'source yearly at s {\n    category 2\n    activity 120 MWh\n    factor 1 tCO2/MWh\n}\n' + documents(m => (m === 6 ? undefined : onTime(m)), ' for a');
        expect(findings({ 'org.cnms': text })).toEqual([
            '4 CN-9.1-007 warning Source a has no evidence filed for 2024-06 (`evidence-within 40 d`): no `document` `evidences` these months with a `filed` date.',
            '22 CN-9.1-007 warning Source b has no evidence filed for 2024-01, 2024-02, 2024-03, 2024-04, 2024-05, 2024-06, 2024-07, 2024-08, 2024-09, 2024-10, 2024-11, 2024-12 (`evidence-within 40 d`): no `document` `evidences` these months with a `filed` date.'
        ]);
    });

    test('without evidence-within nothing is asked; a deadline that is not whole days, and a month that is none, are errors', () => {
        expect(findings({ 'org.cnms': ORG() + source('a') })).toEqual([]);
        expect(findings({ 'org.cnms': ORG(' evidence-within 40.5 d') + source('a') })).toEqual(['1 CN-9.1-007 error `evidence-within` is a whole number of days, such as `40 d`, not 40.5 d.']);
        expect(findings({ 'org.cnms': ORG(' evidence-within 40 t') + source('a') })).toEqual(['1 CN-9.1-007 error `evidence-within` is a whole number of days, such as `40 d`, not 40 t.']);
        const bad = `${ORG(' evidence-within 40 d') + source('a') + documents(onTime)}document odd {\n    path "org.cnms"\n    evidences 2024-13\n    filed 2024-02-01\n}\n`;
        expect(findings({ 'org.cnms': bad })).toEqual(['84 CN-9.1-007 error 2024-13 is not a month (2024-03).']);
    });
});
