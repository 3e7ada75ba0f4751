import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { LANGUAGE_ONLY_SETTINGS, languageModel, REPO, runCli, tempCopy, tempModel } from './helpers/cli.js';

const ORG = 'organization acme "Acme" { period 2024 consolidation operational-control ms-scope "All" }\n';
const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;

function hashTree(dir: string): string {
    const hash = createHash('sha256');
    const walk = (current: string) => {
        for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
            const full = join(current, entry.name);
            if (entry.isDirectory()) walk(full);
            else hash.update(full).update(readFileSync(full));
        }
    };
    walk(dir);
    return hash.digest('hex');
}

describe('cnms balance', () => {
    test('--format json prints the object of cli.md with every figure a decimal string', () => {
        const dir = tempCopy('test/fixtures/every-construct');
        writeFileSync(join(dir, 'cnms.json'), LANGUAGE_ONLY_SETTINGS);
        const before = hashTree(dir);
        const result = runCli(['balance', dir, '--format', 'json']);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const json = JSON.parse(result.stdout);
        expect(Object.keys(json)).toEqual(
            expect.arrayContaining(['model', 'period', 'gwp', 'scope2', 'unit', 'emissions', 'byCategory', 'byScope', 'byGas', 'sources', 'biogenicCO2', 'removals', 'offsets', 'net', 'neutral', 'errors', 'warnings'])
        );
        expect(json.model).toBe('acme');
        expect(json.period).toEqual({ start: '2024-01-01', end: '2024-12-31' });
        expect(json.gwp).toBe('AR5');
        expect(json.scope2).toBe('market-based');
        expect(json.unit).toBe('tCO2e');
        const figures = [
            json.emissions,
            json.biogenicCO2,
            json.removals,
            json.offsets,
            json.net,
            ...Object.values(json.byCategory),
            ...Object.values(json.byScope),
            ...Object.values(json.byGas),
            ...json.sources.flatMap((s: { co2e: string; gases: Record<string, string> }) => [s.co2e, ...Object.values(s.gases)])
        ];
        for (const figure of figures) {
            expect(typeof figure).toBe('string');
            expect(figure).toMatch(DECIMAL);
        }
        expect(Object.keys(json.byCategory)).toEqual(['1', '2', '4']);
        expect(Object.keys(json.byScope).sort()).toEqual(['1', '2-location', '2-market', '3']);
        // Market-based scope 2: 20,000 MWh × 0 + (86,000 − 20,000) MWh × 0.5366 tCO2/MWh = 35,415.6 tCO2
        expect(json.byScope['2-market']).toBe('35415.6');
        // Location-based: 86,000 MWh × 0.5366 = 46,147.6
        expect(json.byScope['2-location']).toBe('46147.6');
        // Offsets: ccer_2024 (5,000, retired, 2024) counts; vcs_forest is not retired and counts 0
        expect(json.offsets).toBe('5000');
        expect(json.removals).toBe('120');
        // biogenic canteen: 10 tCO2 reported apart
        expect(json.biogenicCO2).toBe('10');
        expect(json.neutral).toBe(false);
        expect(json.errors).toBe(0);
        expect(hashTree(dir)).toBe(before);
    });

    test('text output shows the net figure rounded for display and the verdict', () => {
        const dir = languageModel({ 'org.cnms': `${ORG}site s\nsource a at s { category 1 emissions 1234.5678 tCO2 }\nremoval r at s { amount 2000 tCO2 }` });
        const result = runCli(['balance', dir]);
        expect(result.code).toBe(0);
        // 1,234.5678 − 2,000 = −765.4322, shown to 3 decimals
        expect(result.stdout).toMatch(/Net\s+-765\.432 tCO2e/);
        expect(result.stdout).toContain('✔ Carbon neutral for the period');
    });

    test('--lang zh-CN prints the balance in Chinese', () => {
        const dir = languageModel({ 'org.cnms': `${ORG}site s\nsource a at s { category 1 emissions 10 tCO2 }` });
        const result = runCli(['balance', dir, '--lang', 'zh-CN']);
        expect(result.stdout).toContain('碳中和平衡');
        expect(result.stdout).toContain('未实现碳中和');
    });

    test('a model that cannot be computed still prints the object, with errors > 0, and exits 1', () => {
        const dir = languageModel({ 'org.cnms': `${ORG}site s\nsource a at s { category 1 emissions 10 tCO2 }\nsource b at s { category 1 activity 5 MWH factor 1 tCO2/MWh }` });
        const result = runCli(['balance', dir, '--format', 'json']);
        expect(result.code).toBe(1);
        const json = JSON.parse(result.stdout);
        expect(json.errors).toBe(1);
        expect(json.emissions).toBe('10');
        expect(json.neutral).toBe(false);
        expect(json.sources.find((s: { id: string }) => s.id === 'b')).toMatchObject({ co2e: null, computed: false });
    });

    test('a folder with several models is a usage error naming them', () => {
        const dir = tempModel({ 'a/org.cnms': ORG, 'b/org.cnms': ORG });
        const result = runCli(['balance', dir]);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/holds 2 models/);
    });
});

describe('cnms validate', () => {
    test('text: file:line:col, severity, rule and message; exit 1 on errors', () => {
        const dir = languageModel({ 'org.cnms': `${ORG}site s\nsource a at s {\n    category 1\n    activity 45000 MWH\n    factor 0.5 tCO2/MWh\n}` });
        const result = runCli(['validate', dir], { cwd: dir });
        expect(result.code).toBe(1);
        expect(result.stdout).toContain("org.cnms:5:20  error  CN-NUM-002  Unknown unit 'MWH'; did you mean 'MWh'?");
        expect(result.stdout).toContain('1 error, 0 warnings, 0 infos in 1 file.');
    });

    test('unknown names: the first 25 of a file get a suggestion, the others are said unknown only', () => {
        // 30 lets v1 … v30, read as v1x … v30x: each a slip of one letter
        const lets = Array.from({ length: 30 }, (_, i) => `let v${i + 1} = ${i + 1} t\n`).join('');
        const sum = Array.from({ length: 30 }, (_, i) => `v${i + 1}x`).join(' + ');
        const dir = languageModel({ 'org.cnms': `${ORG}${lets}site s\nsource a at s { category 1 emissions ${sum} }\n` });
        const result = runCli(['validate', dir, '--format', 'json'], { cwd: dir });
        const unknown = (JSON.parse(result.stdout) as { diagnostics: Array<{ rule: string; message: string; column: number }> }).diagnostics
            .filter(d => d.rule === 'CN-NUM-002')
            .sort((a, b) => a.column - b.column)
            .map(d => d.message);
        expect(unknown).toHaveLength(30);
        expect(unknown.slice(0, 25)).toEqual(Array.from({ length: 25 }, (_, i) => `Unknown name 'v${i + 1}x'; did you mean 'v${i + 1}'?`));
        expect(unknown.slice(25)).toEqual(Array.from({ length: 5 }, (_, i) => `Unknown name 'v${i + 26}x'.`));
    });

    test('json: an array of diagnostics with 1-based positions, rule and clause', () => {
        const dir = languageModel({ 'org.cnms': `${ORG}site s\nsource a at s { category 1 emissions 10 t / 0 }` });
        const result = runCli(['validate', dir, '--format', 'json'], { cwd: dir });
        expect(result.code).toBe(1);
        const records = JSON.parse(result.stdout).diagnostics;
        expect(records).toEqual([
            {
                file: 'org.cnms',
                line: 3,
                column: 45,
                endLine: 3,
                endColumn: 46,
                severity: 'error',
                rule: 'CN-NUM-004',
                clause: null,
                message: 'Division by zero: 0 is 0.'
            }
        ]);
    });

    test('zh-CN from the environment locale', () => {
        const dir = languageModel({ 'org.cnms': `${ORG}site s\nsource a at s { category 1 activity 1 t + 1 MWh factor 1 tCO2/t }` });
        const result = runCli(['validate', dir], { env: { LANG: 'zh_CN.UTF-8' } });
        expect(result.stdout).toContain('无法对质量与能量进行加法运算：量纲不同。');
    });

    test('a model without errors exits 0', () => {
        const result = runCli(['validate', 'examples/steel']);
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^0 errors, \d+ warnings?, \d+ infos? in 4 files\.$/m);
    });

    test('cnms.json switches rules off, and its mistakes are reported (CN-NUM-010)', () => {
        const model = `${ORG}site s\nsource a at s { category 1 emissions 1 tCO2 }\n`;
        const all = runCli(['validate', languageModel({ 'org.cnms': model }), '--format', 'json']);
        expect(JSON.parse(all.stdout).diagnostics.filter((d: { rule: string }) => !d.rule.startsWith('CN-NUM-'))).toEqual([]);
        const dir = tempModel({ 'org.cnms': model, 'cnms.json': '{ "rules": { "CN-5.2-001": "warning", "CN-9.2-01": "off", "CN-NUM-002": "off" } }' });
        const records = JSON.parse(runCli(['validate', dir, '--format', 'json']).stdout).diagnostics as Array<{ rule: string; severity: string; message: string }>;
        expect(records.find(r => r.rule === 'CN-5.2-001')?.severity).toBe('warning');
        expect(records.filter(r => r.rule === 'CN-NUM-010').map(r => r.message)).toEqual([
            "cnms.json names rule 'CN-9.2-01', which is not in the catalogue; did you mean 'CN-9.2-001'?",
            'cnms.json cannot change rule CN-NUM-002: the language rules are always on.'
        ]);
    });
});

describe('bad input never crashes', () => {
    const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

    test('a missing path: exit 2 with one line', () => {
        const result = runCli(['validate', 'no/such/place']);
        expect(result.code).toBe(2);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).toContain('cannot read');
        expect(result.stderr).toContain('no such file or folder');
    });

    test('an unknown option or format: exit 2', () => {
        expect(runCli(['validate', '--format', 'xml']).code).toBe(2);
        expect(runCli(['balance', '--frobnicate']).code).toBe(2);
        expect(runCli(['validate', '--lang', 'fr']).code).toBe(2);
        expect(runCli(['no-such-command']).code).toBe(2);
    });

    test('a truncated file: syntax errors at the end, exit 1', () => {
        const dir = languageModel({ 'org.cnms': `${ORG}site s\nsource a at s { category 1 activity 10 MWh fac` });
        const result = runCli(['validate', dir, '--format', 'json']);
        expect(result.code).toBe(1);
        const records = JSON.parse(result.stdout).diagnostics;
        expect(records.length).toBeGreaterThan(0);
        const syntax = records.filter((r: { rule: string }) => r.rule === 'CN-NUM-001');
        expect(syntax).toEqual([expect.objectContaining({ line: 3, column: 47, message: "Syntax error: the file ends where '}' was expected." })]);
        noStack(result.stderr);
    });

    test('an empty file in no model: one warning that it belongs to no model, exit 0', () => {
        const dir = tempModel({ 'empty.cnms': '' });
        const result = runCli(['validate', dir, '--format', 'json']);
        expect(result.code).toBe(0);
        expect(JSON.parse(result.stdout).diagnostics.map((r: { rule: string }) => r.rule)).toEqual(['CN-NUM-009']);
    });

    test('an empty file inside a model: no diagnostics', () => {
        const dir = languageModel({ 'org.cnms': `${ORG}site s\nsource a at s { category 1 emissions 1 tCO2 }`, 'empty.cnms': '' });
        const result = runCli(['validate', dir, '--format', 'json']);
        expect(result.code).toBe(0);
        expect(JSON.parse(result.stdout).diagnostics).toEqual([]);
    });

    test('a binary file: a clear error on it, never parsed, exit 1', () => {
        const dir = languageModel({ 'org.cnms': ORG, 'blob.cnms': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff, 0xfe]) });
        const result = runCli(['validate', dir, '--format', 'json'], { cwd: dir });
        expect(result.code).toBe(1);
        const records = JSON.parse(result.stdout).diagnostics;
        expect(records).toEqual([expect.objectContaining({ file: 'blob.cnms', line: 1, column: 1, rule: 'CN-NUM-001', severity: 'error' })]);
        expect(records[0].message).toContain('not UTF-8 text');
        noStack(result.stderr);
    });

    test('a 1 MB line: a clear message, no hang', () => {
        const long = `${ORG}site s\nsource a at s { category 1 emissions ${'1'.repeat(1_000_000)} tCO2 }\n`;
        const dir = languageModel({ 'org.cnms': long });
        const started = Date.now();
        const result = runCli(['validate', dir, '--format', 'json'], { timeout: 60_000 });
        expect(Date.now() - started).toBeLessThan(60_000);
        expect(result.code).toBe(1);
        const records = JSON.parse(result.stdout).diagnostics;
        expect(records.map((r: { rule: string }) => r.rule)).toEqual(['CN-NUM-004']);
        expect(records[0].message).toMatch(/cannot be computed exactly/);
        noStack(result.stderr);
    });

    // Slow, not hanging: a million characters that do not lex take some 40 s
    // alone on these machines (linear in the length), past the default 60 s
    // when another test file runs beside it.
    test('a 1 MB line of garbage: syntax errors, exit 1', () => {
        const dir = languageModel({ 'org.cnms': `${ORG}${'@#'.repeat(500_000)}\n` });
        const result = runCli(['validate', dir, '--format', 'json'], { timeout: 170_000 });
        expect(result.code).toBe(1);
        expect(JSON.parse(result.stdout).diagnostics[0].rule).toBe('CN-NUM-001');
    }, 180_000);
});

describe("a command's code loads when the command runs", () => {
    /** The packages (`langium`) and CNMS modules (`@cnms/language/out/index.js`) whose code each file of the CLI's bundle holds (written by packages/cli/esbuild.mjs). */
    const chunks = JSON.parse(readFileSync(join(REPO, 'packages/cli/out/bundle/chunks.json'), 'utf8')) as Record<string, string[]>;
    const BUNDLE = '/packages/cli/out/bundle/';

    /** The modules `cnms ARGS` resolved, as URLs, and the packages and CNMS modules whose code they hold. */
    function importsOf(args: string[]): { code: number; stdout: string; urls: string[]; packages: string[] } {
        const log = join(tempModel({}), 'imports.log');
        const hook = pathToFileURL(join(REPO, 'test/helpers/record-imports.mjs')).href;
        // the bundle's modules, as `cnms` loads them without its startup snapshot (test/cli-snapshot.test.ts: the same output from it)
        const result = runCli(args, { env: { NODE_OPTIONS: `--import=${hook}`, CNMS_TEST_IMPORT_LOG: log, CNMS_NO_SNAPSHOT: '1' } });
        const urls = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
        const files = urls.filter(url => url.startsWith('file:') && !url.endsWith('/packages/cli/bin/cnms.js') && !url.includes('/test/helpers/'));
        // the bundle holds every module the CLI runs: nothing is read from node_modules or the packages' own out/
        expect(files.filter(url => !url.includes(BUNDLE))).toEqual([]);
        const packages = new Set(files.flatMap(url => chunks[url.slice(url.indexOf(BUNDLE) + BUNDLE.length)] ?? [`unknown ${url}`]));
        return { code: result.code, stdout: result.stdout, urls, packages: [...packages].sort() };
    }

    test.each(['--version', '--help', 'validate --help', 'report --help'])('cnms %s loads neither the language nor a renderer', args => {
        const { code, stdout, urls, packages } = importsOf(args.split(' '));
        expect(code).toBe(0);
        expect(stdout).toMatch(/^0\.1\.0\n$|Usage: cnms/);
        expect(urls.some(url => url.endsWith(`${BUNDLE}main.js`))).toBe(true);
        // the CLI's locale reads the language's list of locales, and nothing else of it
        expect(packages).toEqual(['@cnms/cli', '@cnms/language/out/i18n/locale.js', 'commander', 'picocolors']);
    });

    test('validate loads the language, and not the report renderers or git diffing', () => {
        const { code, packages } = importsOf(['validate', 'examples/steel']);
        expect(code).toBe(0);
        expect(packages).toEqual(expect.arrayContaining(['@cnms/language/out/index.js', 'langium', 'object.groupby']));
        expect(packages.filter(name => ['exceljs', 'vega', 'vega-lite'].includes(name) || /^@cnms\/(report|diff)\//.test(name))).toEqual([]);
    });

    test('a markdown report loads neither Vega nor ExcelJS; an html report loads Vega', () => {
        const md = importsOf(['report', 'examples/steel', '--format', 'md']);
        expect(md.code).toBe(0);
        expect(md.packages).toContain('@cnms/report/out/index.js');
        expect(md.packages.filter(name => ['exceljs', 'vega', 'vega-lite'].includes(name))).toEqual([]);
        const html = importsOf(['report', 'examples/steel', '--format', 'html']);
        expect(html.code).toBe(0);
        expect(html.packages).toContain('vega');
    });
});

describe('a rule whose check fails', () => {
    test('validate, balance and report show an error naming the rule, and exit 2 (cnms failed), not 0 or 1', () => {
        const hook = pathToFileURL(join(REPO, 'test/helpers/failing-rule.mjs')).href;
        // the hook patches the bundle's rule catalogue as it loads: without the startup snapshot, whose code is the same (test/cli-snapshot.test.ts)
        const env = { NODE_OPTIONS: `--import=${hook}`, CNMS_TEST_FAILING_RULE: 'CN-4.3-001', CNMS_NO_SNAPSHOT: '1' };
        const dir = tempCopy('examples/steel');
        expect(runCli(['validate', dir]).code).toBe(0);
        const validate = runCli(['validate', dir], { env });
        expect(validate.code).toBe(2);
        expect(validate.stdout).toMatch(/organization\.cnms:\d+:\d+ {2}error {2}CN-NUM-011 {2}Rule CN-4\.3-001 \(.+\) could not check this model: a test made this rule fail\./);
        const json = JSON.parse(runCli(['validate', dir, '--format', 'json'], { env }).stdout) as { diagnostics: Array<{ rule: string; severity: string }> };
        expect(json.diagnostics.filter(d => d.rule === 'CN-NUM-011').map(d => d.severity)).toEqual(['error']);
        for (const args of [
            ['balance', dir],
            ['plan', dir],
            ['report', dir, '--format', 'md']
        ]) {
            const result = runCli(args, { env });
            expect(result.code, args[0]).toBe(2);
        }
        const zh = runCli(['validate', dir, '--lang', 'zh-CN'], { env });
        expect(zh.stdout).toContain('规则 CN-4.3-001');
    });
});
