import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, tempCopy, tempModel } from './helpers/cli.js';

describe('cnms format', () => {
    const messy =
        '// header comment\norganization a { period 2024   consolidation operational-control ms-scope "All" }\nsite s{location "X"}\n  // about the source\nsource x at s {category 1\n emissions 10 t*0.44 tCO2/t   // trailing\n}\n';

    test('a process block: its properties one a line, the goods it makes as blocks one level deeper', () => {
        const text =
            'organization a { period 2025 }\nsite s\ninstallation w at s { country "CN" }\nsource f at s { category 1 emissions 1 tCO2 }\nprocess p  in   w {\nsources f\n  consumes 1 t   of b\nheat-in 1 GJ   factor 1 tCO2/GJ\ngood g { cn-code "1" quantity 1 t }\n}\ngood b { embedded-direct 1 tCO2e/t }\n';
        const dir = tempModel({ 'org.cnms': text });
        expect(runCli(['format', dir]).code).toBe(0);
        const once = readFileSync(join(dir, 'org.cnms'), 'utf8');
        expect(once.slice(once.indexOf('process'))).toBe(
            [
                'process p in w {',
                '    sources f',
                '    consumes 1 t of b',
                '    heat-in 1 GJ factor 1 tCO2/GJ',
                '    good g {',
                '        cn-code "1"',
                '        quantity 1 t',
                '    }',
                '}',
                'good b {',
                '    embedded-direct 1 tCO2e/t',
                '}',
                ''
            ].join('\n')
        );
        expect(runCli(['format', dir, '--check']).code).toBe(0);
    });

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
        expect(once).toBe(
            [
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
            ].join('\n')
        );
        const again = runCli(['format', dir, '--check']);
        expect(again.code).toBe(0);
        expect(readFileSync(join(dir, 'org.cnms'), 'utf8')).toBe(once);
    });

    test('formatting never changes a figure', () => {
        const dir = tempCopy('test/fixtures/every-construct');
        const findings = () =>
            JSON.parse(runCli(['validate', dir, '--format', 'json']).stdout)
                .diagnostics.map((d: { rule: string; message: string }) => `${d.rule} ${d.message}`)
                .sort();
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
    test('a file that is not UTF-8 (GBK) is refused: one line naming it, exit 2, and no file changes', () => {
        const gbk = Buffer.concat([Buffer.from('organization a { period 2024 ms-scope "'), Buffer.from([0xd6, 0xd0, 0xce, 0xc4]), Buffer.from('" }\n')]);
        const dir = tempModel({ 'org.cnms': gbk, 'site.cnms': 'site s{location "X"}\n' });
        for (const args of [
            ['format', dir],
            ['format', dir, '--check']
        ]) {
            const result = runCli(args, { cwd: dir });
            expect(result.code).toBe(2);
            expect(result.stderr.trim().split('\n')).toHaveLength(1);
            expect(result.stderr).toContain("'org.cnms' is not UTF-8 text");
            expect(result.stderr).not.toContain('internal error');
            expect(readFileSync(join(dir, 'org.cnms'))).toEqual(gbk);
            expect(readFileSync(join(dir, 'site.cnms'), 'utf8')).toBe('site s{location "X"}\n');
        }
    });

    test('the refusal is in Chinese with --lang zh-CN', () => {
        const dir = tempModel({ 'org.cnms': Buffer.from([0x6f, 0xd6, 0xd0, 0x0a]) });
        const result = runCli(['format', dir, '--lang', 'zh-CN'], { cwd: dir });
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('不是 UTF-8 文本');
    });

    const canonical = 'organization a {\n    period 2024\n}\nsite s {\n    location "X"\n}\n';
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');

    test('a UTF-8 byte-order mark is kept', () => {
        const dir = tempModel({ 'org.cnms': '\uFEFForganization a {period 2024}\nsite s{location "X"}\n' });
        expect(runCli(['format', dir]).code).toBe(0);
        expect(readFileSync(join(dir, 'org.cnms'))).toEqual(Buffer.from(`\uFEFF${canonical}`));
        expect(runCli(['format', dir, '--check']).code).toBe(0);
    });

    test('CRLF line endings are kept, and --check does not flag a formatted CRLF file', () => {
        const dir = tempModel({ 'org.cnms': crlf('organization a {period 2024}\nsite s{location "X"}\n') });
        expect(runCli(['format', dir]).code).toBe(0);
        expect(readFileSync(join(dir, 'org.cnms'), 'utf8')).toBe(crlf(canonical));
        const check = runCli(['format', dir, '--check']);
        expect(check.code).toBe(0);
        expect(check.stdout).not.toContain('would reformat');

        const formatted = tempModel({ 'org.cnms': `\uFEFF${crlf(canonical)}` });
        const again = runCli(['format', formatted, '--check']);
        expect(again.code).toBe(0);
        expect(again.stdout).toContain('0 to reformat');
        expect(runCli(['format', formatted]).code).toBe(0);
        expect(readFileSync(join(formatted, 'org.cnms'), 'utf8')).toBe(`\uFEFF${crlf(canonical)}`);
        expect(readdirSync(formatted).sort()).toEqual(['org.cnms']);
    });
});
