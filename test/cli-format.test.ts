import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, tempCopy, tempModel } from './helpers/cli.js';

describe('cnms format', () => {
    const messy = '// header comment\norganization a { period 2024   consolidation operational-control ms-scope "All" }\nsite s{location "X"}\n  // about the source\nsource x at s {category 1\n emissions 10 t*0.44 tCO2/t   // trailing\n}\n';

    test('--check lists unformatted files, changes nothing and exits 1', () => {
        const dir = tempModel({ 'org.cnms': messy });
        const result = runCli(['format', dir, '--check']);
        expect(result.code).toBe(1);
        expect(result.stdout).toContain('would reformat');
        expect(readFileSync(join(dir, 'org.cnms'), 'utf8')).toBe(messy);
    });

    test('rewrites to the canonical layout, keeps comments, and is idempotent', () => {
        const dir = tempModel({ 'org.cnms': messy });
        expect(runCli(['format', dir]).code).toBe(0);
        const once = readFileSync(join(dir, 'org.cnms'), 'utf8');
        expect(once).toBe([
            '// header comment',
            'organization a {',
            '    period 2024',
            '    consolidation operational-control',
            '    ms-scope "All"',
            '}',
            'site s {',
            '    location "X"',
            '}',
            '// about the source',
            'source x at s {',
            '    category 1',
            '    emissions 10 t * 0.44 tCO2/t   // trailing',
            '}',
            ''
        ].join('\n'));
        const again = runCli(['format', dir, '--check']);
        expect(again.code).toBe(0);
        expect(readFileSync(join(dir, 'org.cnms'), 'utf8')).toBe(once);
    });

    test('formatting never changes a figure', () => {
        const dir = tempCopy('test/fixtures/every-construct');
        const findings = () => JSON.parse(runCli(['validate', dir, '--format', 'json']).stdout).diagnostics.map((d: { rule: string; message: string }) => `${d.rule} ${d.message}`).sort();
        const findingsBefore = findings();
        const before = JSON.parse(runCli(['balance', dir, '--format', 'json']).stdout);
        expect(runCli(['format', dir]).code).toBe(0);
        expect(runCli(['format', dir, '--check']).code).toBe(0);
        const after = JSON.parse(runCli(['balance', dir, '--format', 'json']).stdout);
        expect(after).toEqual(before);
        expect(findings()).toEqual(findingsBefore);
    });

    test('the examples are in the canonical layout', () => {
        expect(runCli(['format', 'examples', '--check']).code).toBe(0);
    });

    test('a file with syntax errors is left untouched, with a message, exit 1', () => {
        const broken = 'organization a { period }\n';
        const dir = tempModel({ 'org.cnms': broken });
        const result = runCli(['format', dir]);
        expect(result.code).toBe(1);
        expect(result.stderr).toContain('not formatted, it has syntax errors');
        expect(readFileSync(join(dir, 'org.cnms'), 'utf8')).toBe(broken);
    });
});
