// What the CLI reads: only regular .cnms files (and links to regular files
// inside the model's folder tree), never a FIFO or a device, never a file
// beyond the size limit, never "no problems" when there is nothing to check;
// and a file's name cannot forge a line of the text output.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { languageModel, runCli, tempModel } from './helpers/cli.js';
import { fileUri, startServer } from './helpers/lsp-client.js';

const ORG = 'organization acme "Acme" { period 2024 consolidation operational-control ms-scope "All" }\n';
const SITE = 'site s\nsource a at s { category 1 emissions 10 tCO2 }\n';
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
/** Short enough that a hang fails the test rather than the run. */
const QUICK = { timeout: 30_000 };

function fifo(path: string): void {
    const made = spawnSync('mkfifo', [path]);
    if (made.status !== 0) throw new Error(`mkfifo ${path}: ${made.stderr}`);
}

describe('special files are skipped with a warning, never opened', () => {
    test('a FIFO named x.cnms: validate, balance, report and plan warn and go on', () => {
        const dir = languageModel({ 'org.cnms': ORG + SITE });
        fifo(join(dir, 'x.cnms'));
        for (const args of [
            ['validate', dir],
            ['balance', dir],
            ['report', dir, '--format', 'json'],
            ['plan', dir]
        ]) {
            const result = runCli(args, { ...QUICK, cwd: dir });
            expect(result.code, `${args[0]}: ${result.stderr}`).toBe(0);
            expect(result.stderr).toContain("warning: 'x.cnms' is a named pipe (FIFO), not a regular file: skipped");
            noStack(result.stderr);
        }
    });

    test('a FIFO in a folder above the model (where cnms looks for the organization) is never opened', () => {
        const dir = tempModel({});
        fifo(join(dir, 'above.cnms'));
        const model = join(dir, 'model');
        mkdirSync(model);
        writeFileSync(join(model, 'org.cnms'), ORG + SITE);
        const result = runCli(['balance', model, '--format', 'json'], QUICK);
        expect(result.code).toBe(1);
        expect(JSON.parse(result.stdout).emissions).toBe('10');
    });

    test('a link to /dev/zero named z.cnms is skipped with a warning', () => {
        const dir = languageModel({ 'org.cnms': ORG + SITE });
        symlinkSync('/dev/zero', join(dir, 'z.cnms'));
        for (const args of [
            ['validate', dir],
            ['balance', dir],
            ['report', dir, '--format', 'md']
        ]) {
            const result = runCli(args, { ...QUICK, cwd: dir });
            expect(result.code, `${args[0]}: ${result.stderr}`).toBe(0);
            expect(result.stderr).toContain("warning: 'z.cnms' is a link to a device, not a regular file: skipped");
        }
    });

    test("a FIFO named cnms.lock (hashed into the report's provenance) is not opened", () => {
        const dir = languageModel({ 'org.cnms': ORG + SITE });
        fifo(join(dir, 'cnms.lock'));
        const result = runCli(['report', dir, '--format', 'json'], QUICK);
        expect(result.code).toBe(0);
        expect(JSON.parse(result.stdout).provenance.lockHash).toBeNull();
        expect(runCli(['plan', dir], QUICK).code).toBe(0);
    });

    test('naming a FIFO directly is a usage error, not a hang', () => {
        const dir = tempModel({});
        fifo(join(dir, 'x.cnms'));
        const result = runCli(['validate', join(dir, 'x.cnms')], QUICK);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('is a named pipe (FIFO), not a regular file');
    });

    test('a FIFO named cnms.json (the rule settings) is skipped with a warning', () => {
        const dir = tempModel({ 'org.cnms': ORG + SITE });
        fifo(join(dir, 'cnms.json'));
        const result = runCli(['validate', dir, '--format', 'json'], { ...QUICK, cwd: dir });
        expect([0, 1]).toContain(result.code);
        expect(JSON.parse(result.stdout).diagnostics.length).toBeGreaterThan(0);
        expect(result.stderr).toContain("warning: 'cnms.json' is a named pipe (FIFO), not a regular file: skipped");
    });
});

describe('the language server on special files', () => {
    // the server read cnms.json with Langium's reader: a FIFO blocked it for good, a link to /dev/zero never ended
    for (const [name, make] of [
        ['a FIFO', (path: string) => fifo(path)],
        ['a link to /dev/zero', (path: string) => symlinkSync('/dev/zero', path)]
    ] as const) {
        test(`${name} named cnms.json, or x.cnms, beside the model: the server answers and computes the model`, async () => {
            const dir = tempModel({ 'org.cnms': ORG + SITE });
            make(join(dir, 'cnms.json'));
            make(join(dir, 'x.cnms'));
            const session = await startServer(dir);
            try {
                const uri = fileUri(join(dir, 'org.cnms'));
                await session.open(uri, ORG + SITE);
                const summary = await session.connection.sendRequest<{ emissions: string; rulesChecked: boolean }>('cnms/balance', { uri });
                expect(summary).toMatchObject({ emissions: '10', rulesChecked: true });
            } finally {
                await session.close();
            }
        }, 30_000);
    }
});

describe('symbolic links', () => {
    test('a link to a regular file inside the model folder is read', () => {
        const dir = languageModel({ 'org.cnms': ORG, 'shared/plant.txt': SITE });
        symlinkSync('shared/plant.txt', join(dir, 'plant.cnms'));
        const result = runCli(['balance', dir, '--format', 'json'], { ...QUICK, cwd: dir });
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(JSON.parse(result.stdout).emissions).toBe('10');
    });

    test('a link to another .cnms file of the model is read once (no duplicate declarations)', () => {
        const dir = languageModel({ 'org.cnms': ORG, 'sites/plant.cnms': SITE });
        symlinkSync('sites/plant.cnms', join(dir, 'alias.cnms'));
        const result = runCli(['validate', dir, '--format', 'json'], { ...QUICK, cwd: dir });
        expect(JSON.parse(result.stdout).diagnostics).toEqual([]);
        expect(result.code).toBe(0);
        expect(JSON.parse(runCli(['balance', dir, '--format', 'json'], QUICK).stdout).emissions).toBe('10');
    });

    test('a link that leaves the model folder is skipped with a warning', () => {
        const outside = tempModel({ 'plant.cnms': 'site t\nsource b at t { category 1 emissions 5 tCO2 }\n' });
        const dir = languageModel({ 'org.cnms': ORG + SITE });
        symlinkSync(join(outside, 'plant.cnms'), join(dir, 'plant.cnms'));
        const result = runCli(['balance', dir, '--format', 'json'], { ...QUICK, cwd: dir });
        expect(result.code).toBe(0);
        expect(result.stderr).toContain("warning: 'plant.cnms' is a link to a file outside the model's folder: skipped");
        expect(JSON.parse(result.stdout).emissions).toBe('10');
    });

    test('cnms format writes through a link, and the link stays a link', () => {
        const dir = languageModel({ 'org.cnms': ORG, 'shared/plant.txt': 'site s{location "X"}\n' });
        symlinkSync('shared/plant.txt', join(dir, 'plant.cnms'));
        const result = runCli(['format', dir], { ...QUICK, cwd: dir });
        expect(result.code).toBe(0);
        expect(spawnSync('readlink', [join(dir, 'plant.cnms')], { encoding: 'utf8' }).stdout.trim()).toBe('shared/plant.txt');
        expect(spawnSync('cat', [join(dir, 'shared/plant.txt')], { encoding: 'utf8' }).stdout).toBe('site s {\n    location "X"\n}\n');
    });
});

describe('the size limit', () => {
    test('a file over 2 MiB is refused before it is read: one line naming it and the limit, exit 2', () => {
        const dir = languageModel({ 'org.cnms': ORG + SITE, 'big.cnms': `// ${'x'.repeat(2 * 1024 * 1024)}\n` });
        for (const args of [
            ['validate', dir],
            ['format', dir, '--check']
        ]) {
            const result = runCli(args, { ...QUICK, cwd: dir });
            expect(result.code).toBe(2);
            expect(result.stderr.trim().split('\n')).toHaveLength(1);
            expect(result.stderr).toContain("'big.cnms' is larger than 2 MiB");
            noStack(result.stderr);
        }
    });
});

describe('nothing to check', () => {
    test('validate on a folder with no .cnms file says no model was found there, exit 2', () => {
        const dir = join(mkdtempSync(join(tmpdir(), 'cnms-empty-')), 'empty');
        mkdirSync(dir);
        writeFileSync(join(dir, 'notes.md'), '# not a model\n');
        const result = runCli(['validate', 'empty'], { cwd: join(dir, '..') });
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.trim()).toBe("cnms: no model found in 'empty': it holds no .cnms file");
        for (const command of ['balance', 'plan']) {
            const other = runCli([command, 'empty'], { cwd: join(dir, '..') });
            expect(other.code).toBe(2);
            expect(other.stderr).toContain("no model found in 'empty'");
        }
        const report = runCli(['report', 'empty', '--format', 'md'], { cwd: join(dir, '..') });
        expect(report.code).toBe(2);
        expect(report.stderr).toContain("no model found in 'empty'");
    });

    test('validate with no path, in a folder with no .cnms file, in every format: the same line, exit 2, nothing on stdout', () => {
        const dir = tempModel({ 'notes.md': '# not a model\n' });
        for (const format of ['text', 'json', 'sarif']) {
            const result = runCli(['validate', '--format', format], { cwd: dir });
            expect(result.code).toBe(2);
            expect(result.stdout).toBe('');
            expect(result.stderr.trim()).toBe("cnms: no model found in '.': it holds no .cnms file");
        }
    });

    test('in Chinese with --lang zh-CN', () => {
        const dir = tempModel({});
        const result = runCli(['validate', dir, '--lang', 'zh-CN']);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('未找到模型');
    });
});

describe('file names in text output', () => {
    test('a newline in a file name cannot forge a diagnostic line', () => {
        const forged = 'x\nforged.cnms:1:1  error  CN-NUM-002  Forged finding\ny.cnms';
        const dir = languageModel({ 'org.cnms': ORG + SITE, [forged]: 'site t { location }\n' });
        const result = runCli(['validate', dir], { ...QUICK, cwd: dir });
        expect(result.code).toBe(1);
        const lines = result.stdout.split('\n');
        expect(lines.some(line => line.startsWith('forged.cnms'))).toBe(false);
        expect(result.stdout).toContain('x\\nforged.cnms:1:1  error  CN-NUM-002  Forged finding\\ny.cnms:1:');
        // json keeps the real name: JSON escapes it
        const json = JSON.parse(runCli(['validate', dir, '--format', 'json'], { ...QUICK, cwd: dir }).stdout);
        expect(json.diagnostics.map((d: { file: string }) => d.file)).toContain(forged);
    });
});
