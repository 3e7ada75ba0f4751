import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from './helpers/cli.js';

describe('cnms init', () => {
    test('writes a model that validates with no error; its warnings ask for real data', () => {
        const dir = join(mkdtempSync(join(tmpdir(), 'cnms-init-')), 'model');
        const result = runCli(['init', dir, '--year', '2024']);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('created');
        const validate = runCli(['validate', dir, '--format', 'json']);
        const { diagnostics, coverage } = JSON.parse(validate.stdout);
        expect(diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
        expect(validate.code).toBe(0);
        // every clause the standard requires has evidence in the skeleton
        const open = coverage[0].clauses.filter((c: { status: string; clause: string }) => c.status === 'not-applicable').map((c: { clause: string }) => c.clause);
        expect(open.every((clause: string) => ['6.4', '6.6', '10.2'].includes(clause))).toBe(true);
        // comments in both languages
        const organization = readFileSync(join(dir, 'organization.cnms'), 'utf8');
        expect(organization).toContain('Replace every placeholder');
        expect(organization).toContain('请用实际数据替换');
        const balance = JSON.parse(runCli(['balance', dir, '--format', 'json']).stdout);
        expect(balance.period).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    });

    test('refuses to overwrite existing files and changes nothing', () => {
        const dir = mkdtempSync(join(tmpdir(), 'cnms-init-'));
        writeFileSync(join(dir, 'organization.cnms'), '// mine\n');
        const result = runCli(['init', dir]);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('not overwriting');
        expect(readFileSync(join(dir, 'organization.cnms'), 'utf8')).toBe('// mine\n');
    });

    test('a bad --year is a usage error', () => {
        expect(runCli(['init', mkdtempSync(join(tmpdir(), 'cnms-init-')), '--year', '24']).code).toBe(2);
    });
});
