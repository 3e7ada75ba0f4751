// cnms.lock (docs/months.md, "Factor lock"): `cnms lock` records the library
// version and the content hash and exact values of every built-in value a
// model uses; `cnms validate` warns (CN-6.2-019) when the library changed
// under the lock; `cnms lock` then prints which figures change and by how
// much (the diff's attribution), and `--update` rewrites it. A changed library
// is simulated by a lock that records other values, as an older library had.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { sha256Hex } from '@cnms/language';
import { onlyRulesSettings, runCli, tempModel } from './helpers/cli.js';

const SETTINGS = onlyRulesSettings('CN-6.2-019');
const MODEL = `organization acme "Acme" { period 2024 consolidation operational-control ms-scope "All" }
site s
source power at s {
    category 2
    activity 1_000 MWh
    factor china_grid.east_2023
}
source boiler at s {
    category 1
    activity 10 t * ipcc2006.ncv_natural_gas
    factor 56_100 kgCO2/TJ
}
`;

interface Lock {
    lock: number;
    library: string;
    values: Record<string, { hash: string; values: Record<string, string> }>;
}

function findings(dir: string): string[] {
    const result = runCli(['validate', dir, '--format', 'json'], { cwd: dir });
    return (JSON.parse(result.stdout) as { diagnostics: Array<{ line: number; rule: string; severity: string; message: string }> }).diagnostics.map(d => `${d.line} ${d.rule} ${d.severity} ${d.message}`);
}

describe('the content hash', () => {
    test('is SHA-256 of the UTF-8 text, as node:crypto computes it, across block boundaries', () => {
        for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(119), '电网因子 ✓'.repeat(40)]) {
            expect(sha256Hex(text), `${text.length} characters`).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
        }
    });
});

describe('cnms lock', () => {
    test('writes the lock; validate is quiet; a changed value is a warning, its figures by how much, and --update accepts it', () => {
        const dir = tempModel({ 'org.cnms': MODEL, 'cnms.json': SETTINGS });
        const lockFile = join(dir, 'cnms.lock');
        const first = runCli(['lock', dir], { cwd: dir });
        expect(first.code, first.stderr).toBe(0);
        expect(first.stdout).toBe('Wrote cnms.lock: 2 built-in values, library 0.1.0.\n');
        const written = readFileSync(lockFile, 'utf8');
        const lock = JSON.parse(written) as Lock;
        expect(lock.library).toBe('0.1.0');
        // 0.55 tCO2/MWh = 550,000 g / 3,600,000,000 J = 11/72,000 g/J; 48.0 GJ/t (IPCC 2006) = 48,000,000,000 J / 1,000,000 g
        expect(lock.values['china_grid.east_2023'].values).toEqual({ CO2: '11/72000' });
        expect(lock.values['china_grid.east_2023'].hash).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(Object.keys(lock.values)).toEqual(['china_grid.east_2023', 'ipcc2006.ncv_natural_gas']);
        expect(findings(dir)).toEqual([]);
        expect(runCli(['lock', dir], { cwd: dir }).stdout).toBe('cnms.lock is up to date: 2 built-in values, library 0.1.0.\n');
        expect(runCli(['lock', dir, '--lang', 'zh-CN'], { cwd: dir }).stdout).toBe('cnms.lock 已是最新：2 个内置数值，库版本 0.1.0。\n');

        // an older library had 0.5 tCO2/MWh (1/7,200 g/J) and another NCV
        lock.library = '0.0.9';
        lock.values['china_grid.east_2023'] = { hash: 'sha256:older', values: { CO2: '1/7200' } };
        lock.values['ipcc2006.ncv_natural_gas'] = { hash: 'sha256:older-ncv', values: { value: '47000' } };
        const stale = JSON.stringify(lock, null, 2);
        writeFileSync(lockFile, stale);
        expect(findings(dir)).toEqual([
            '6 CN-6.2-019 warning Built-in china_grid.east_2023 has changed since cnms.lock was written (library 0.0.9, now 0.1.0): the figures that use it change. `cnms lock` shows by how much; `cnms lock --update` accepts it.',
            '10 CN-6.2-019 warning Built-in ipcc2006.ncv_natural_gas has changed since cnms.lock was written (library 0.0.9, now 0.1.0): the figures that use it change. `cnms lock` shows by how much; `cnms lock --update` accepts it.'
        ]);
        // 1,000 MWh × 0.5 = 500 tCO2e before, × 0.55 = 550 now: +50, all of it the factor's
        const shown = runCli(['lock', dir], { cwd: dir });
        expect(shown.code).toBe(1);
        expect(shown.stdout).toBe(
            [
                'Library 0.0.9 → 0.1.0',
                '~ china_grid.east_2023 changed: CO2 0.5 → 0.55 tCO2/MWh',
                '    power: 500.000 → 550.000 tCO2e (+50.000; factor +50.000)',
                '~ ipcc2006.ncv_natural_gas changed',
                '    also used by boiler: their change is not computed here (see cnms diff after updating)',
                '',
                'Emissions change by +50.000 tCO2e (the sources above).',
                'Run `cnms lock --update` to accept these changes.',
                ''
            ].join('\n')
        );
        expect(readFileSync(lockFile, 'utf8')).toBe(stale);
        const updated = runCli(['lock', dir, '--update'], { cwd: dir });
        expect(updated.code).toBe(0);
        expect(updated.stdout).toContain('Updated cnms.lock.');
        expect(readFileSync(lockFile, 'utf8')).toBe(written);
        expect(findings(dir)).toEqual([]);
    });

    test('a value newly used, one no longer used, a new library version alone, and an unreadable lock', () => {
        const dir = tempModel({ 'org.cnms': MODEL, 'cnms.json': SETTINGS });
        const lockFile = join(dir, 'cnms.lock');
        runCli(['lock', dir], { cwd: dir });
        const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as Lock;
        lock.library = '0.0.9';
        writeFileSync(lockFile, JSON.stringify(lock));
        expect(findings(dir)).toEqual(['1 CN-6.2-019 info cnms.lock was written with library 0.0.9; this is 0.1.0. No value this model uses has changed: `cnms lock --update` records the new version.']);

        const ncv = lock.values['ipcc2006.ncv_natural_gas'];
        delete lock.values['ipcc2006.ncv_natural_gas'];
        lock.values['ipcc2006.coal'] = ncv;
        lock.library = '0.1.0';
        writeFileSync(lockFile, JSON.stringify(lock));
        expect(findings(dir)).toEqual(['10 CN-6.2-019 warning Built-in ipcc2006.ncv_natural_gas is used but not recorded in cnms.lock: run `cnms lock --update` to record it.']);
        expect(runCli(['lock', dir], { cwd: dir }).stdout).toBe('Library 0.1.0 → 0.1.0\n+ ipcc2006.ncv_natural_gas newly used\n- ipcc2006.coal no longer used\nRun `cnms lock --update` to accept these changes.\n');

        writeFileSync(lockFile, '{ "lock": 1, ');
        const [unreadable] = findings(dir);
        expect(unreadable).toMatch(/^1 CN-6\.2-019 warning cnms\.lock cannot be read \(.+\): run `cnms lock --update` to write it again\.$/);
        expect(runCli(['lock', dir], { cwd: dir }).code).toBe(1);
        expect(runCli(['lock', dir, '--update'], { cwd: dir }).code).toBe(0);
        expect(findings(dir)).toEqual([]);
    });
});
