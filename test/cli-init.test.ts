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

    test('a new model records no emissions: no view calls it carbon neutral, and an achievement claim on it is an error', () => {
        const dir = join(mkdtempSync(join(tmpdir(), 'cnms-init-')), 'model');
        expect(runCli(['init', dir, '--year', '2024']).code).toBe(0);
        const text = runCli(['balance', dir]);
        expect(text.stdout).not.toContain('✔');
        expect(text.stdout).toContain('✖ Not carbon neutral: no emissions are recorded for the period');
        expect(runCli(['balance', dir, '--lang', 'zh-CN']).stdout).toContain('✖ 未实现碳中和: 本期未记录任何排放');
        const json = JSON.parse(runCli(['balance', dir, '--format', 'json']).stdout);
        expect([json.net, json.neutral, json.reasons]).toEqual(['0', false, ['nothingRecorded']]);
        const report = JSON.parse(runCli(['report', dir, '--format', 'json']).stdout);
        expect(report.balance.neutral).toBe(false);
        expect(report.balance.reasons).toEqual(['no emissions are recorded for the period']);
        expect(runCli(['report', dir, '--format', 'md']).stdout).toContain('**Net balance: 0.000 tCO2e** — Not carbon neutral for the period');
        // the claim gate: a net of zero with nothing recorded is no achievement
        writeFileSync(join(dir, 'claim.cnms'), 'claim c1 "Neutral" {\n    kind achievement\n    period 2024\n}\n');
        const validate = runCli(['validate', dir, '--format', 'json']);
        expect(validate.code).toBe(1);
        const claimErrors = JSON.parse(validate.stdout).diagnostics.filter((d: { rule: string }) => d.rule === 'CN-9.1-001');
        expect(claimErrors.map((d: { file: string; line: number; message: string }) => [d.file.endsWith('claim.cnms'), d.line, d.message])).toEqual([
            [true, 2, "Claim c1: no emissions are recorded for 2024, so its net balance of zero shows nothing; record the period's emissions before claiming carbon neutrality."]
        ]);
        const zh = runCli(['validate', dir, '--lang', 'zh-CN']);
        expect(zh.stdout).toContain('声明 c1：报告期 2024 未记录任何排放');
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
