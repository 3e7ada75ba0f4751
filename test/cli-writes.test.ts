// How the CLI writes the user's files (format, init, report -o): through a
// temporary file in the same folder, renamed into place, so that a failure
// leaves the original as it was; and a failure is one line that says what to
// do, exit 2, never an "internal error".
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, closeSync, mkdtempSync, openSync, readFileSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { languageModel, runCli, tempModel } from './helpers/cli.js';

const ORG = 'organization acme "Acme" { period 2024 consolidation operational-control ms-scope "All" }\n';
const MESSY = 'site s{location "X"}\n';
const FORMATTED = 'site s {\n    location "X"\n}\n';

function expectOneLineUsageError(result: { code: number; stderr: string }, ...parts: string[]): void {
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    for (const part of parts) expect(result.stderr).toContain(part);
}

/** Whether this machine lets the tests run `command` (then `undo`, to leave nothing behind): root, in a VM or a privileged container. */
function probe(command: (dir: string) => string[], undo: (dir: string) => string[]): boolean {
    const dir = mkdtempSync(join(tmpdir(), 'cnms-probe-'));
    writeFileSync(join(dir, 'f'), '');
    const [name, ...args] = command(dir);
    const done = spawnSync(name, args, { stdio: 'ignore' }).status === 0;
    if (done) {
        const [undoName, ...undoArgs] = undo(dir);
        spawnSync(undoName, undoArgs, { stdio: 'ignore' });
    }
    return done;
}
const canMount =
    process.platform === 'linux' &&
    probe(
        dir => ['mount', '-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir],
        dir => ['umount', dir]
    );
const canChattr =
    process.platform === 'linux' &&
    probe(
        dir => ['chattr', '+i', join(dir, 'f')],
        dir => ['chattr', '-i', join(dir, 'f')]
    );

const cleanups: Array<() => void> = [];
afterEach(() => {
    while (cleanups.length > 0) cleanups.pop()!();
});

describe('atomic writes', () => {
    test.skipIf(!canMount)('a full disk during cnms format leaves the file as it was, and no temporary file behind', () => {
        const mount = mkdtempSync(join(tmpdir(), 'cnms-tmpfs-'));
        expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=128k', 'tmpfs', mount]).status).toBe(0);
        cleanups.push(() => spawnSync('umount', [mount]));
        // the formatted text is larger than the original: rewriting in place would run out of space halfway
        const original = Array.from({ length: 400 }, (_, i) => `site s${i}{location "X"}`).join('\n') + '\n';
        writeFileSync(join(mount, 'sites.cnms'), original);
        const filler = openSync(join(mount, 'filler'), 'w');
        try {
            for (;;) writeSync(filler, Buffer.alloc(4096, 1));
        } catch (error) {
            expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
        } finally {
            closeSync(filler);
        }
        const result = runCli(['format', mount], { cwd: mount });
        expectOneLineUsageError(result, "cannot write 'sites.cnms'", 'no space left');
        expect(readFileSync(join(mount, 'sites.cnms'), 'utf8')).toBe(original);
        expect(readdirSync(mount).sort()).toEqual(['filler', 'sites.cnms']);
    });

    test('a formatted file keeps its mode and owner, and no temporary file is left', () => {
        const dir = tempModel({ 'sites.cnms': MESSY });
        chmodSync(join(dir, 'sites.cnms'), 0o640);
        if (process.getuid?.() === 0) chownSync(join(dir, 'sites.cnms'), 1234, 1235);
        expect(runCli(['format', dir]).code).toBe(0);
        expect(readFileSync(join(dir, 'sites.cnms'), 'utf8')).toBe(FORMATTED);
        const stats = statSync(join(dir, 'sites.cnms'));
        expect(stats.mode & 0o7777).toBe(0o640);
        if (process.getuid?.() === 0) expect([stats.uid, stats.gid]).toEqual([1234, 1235]);
        expect(readdirSync(dir)).toEqual(['sites.cnms']);
    });

    test('report -o replaces an existing file whole, and leaves no temporary file', () => {
        const dir = languageModel({ 'org.cnms': `${ORG}site s\nsource a at s { category 1 emissions 10 tCO2 }\n`, 'out/old.md': 'x'.repeat(100_000) });
        const result = runCli(['report', dir, '--format', 'md', '-o', join(dir, 'out/old.md')]);
        expect(result.code).toBe(0);
        const written = readFileSync(join(dir, 'out/old.md'), 'utf8');
        expect(written).toBe(runCli(['report', dir, '--format', 'md']).stdout);
        expect(readdirSync(join(dir, 'out'))).toEqual(['old.md']);
    });
});

describe('a write that cannot be done is a usage error', () => {
    const model = () => languageModel({ 'org.cnms': `${ORG}site s\nsource a at s { category 1 emissions 10 tCO2 }\n` });

    test('report -o into an existing folder', () => {
        const dir = model();
        const result = runCli(['report', '.', '--format', 'md', '-o', '.'], { cwd: dir });
        expectOneLineUsageError(result, "cannot write '.': it is a folder", 'name a file');
    });

    test('report -o into a folder that does not exist', () => {
        const dir = model();
        const result = runCli(['report', '.', '--format', 'md', '-o', 'missing/report.md'], { cwd: dir });
        expectOneLineUsageError(result, "cannot write 'missing/report.md': the folder 'missing' does not exist", 'create it first');
    });

    test('report -o into a folder that does not exist, named with a trailing slash: no file of that name is made', () => {
        const dir = model();
        const result = runCli(['report', '.', '--format', 'md', '-o', 'out/'], { cwd: dir });
        expectOneLineUsageError(result, "cannot write 'out': it is a folder", 'name a file');
        expect(readdirSync(dir).sort()).toEqual(['cnms.json', 'org.cnms']);
    });

    test('report -o where the folder exists but refuses the file: the system\'s words, not "the folder does not exist"', () => {
        const dir = model();
        const result = runCli(['report', '.', '--format', 'md', '-o', '/proc/version'], { cwd: dir });
        expectOneLineUsageError(result, "cannot write '/proc/version'");
        expect(result.stderr).not.toContain('does not exist');
    });

    test('format on a read-only file: permission denied, what to do, the file left as it was', () => {
        const dir = tempModel({ 'sites.cnms': MESSY });
        const file = join(dir, 'sites.cnms');
        chmodSync(file, 0o444);
        // root may write any file: the run is as an ordinary user (nobody), who owns the folder but not a writable file
        const asRoot = process.getuid?.() === 0;
        if (asRoot) for (const path of [dir, file]) chownSync(path, 65534, 65534);
        const result = runCli(['format', '.'], { cwd: dir, ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
        expectOneLineUsageError(result, "cannot write 'sites.cnms': permission denied", 'chmod u+w');
        expect(readFileSync(file, 'utf8')).toBe(MESSY);
        expect(readdirSync(dir)).toEqual(['sites.cnms']);
        const chinese = runCli(['format', '.', '--lang', 'zh-CN'], { cwd: dir, ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
        expectOneLineUsageError(chinese, '权限不足');
    });

    test('report -o under a path whose parent is a file leaves that file as it was', () => {
        const dir = model();
        const result = runCli(['report', '.', '--format', 'md', '-o', 'org.cnms/report.md'], { cwd: dir });
        expectOneLineUsageError(result, "cannot write 'org.cnms/report.md'", 'is a file, not a folder');
        expect(readFileSync(join(dir, 'org.cnms'), 'utf8')).toContain('organization acme');
    });

    test('in Chinese with --lang zh-CN', () => {
        const dir = model();
        const result = runCli(['report', '.', '--format', 'md', '-o', '.', '--lang', 'zh-CN'], { cwd: dir });
        expectOneLineUsageError(result, '是文件夹');
    });

    test('init under a path that is a file', () => {
        const dir = tempModel({ taken: 'a file\n' });
        const result = runCli(['init', 'taken/model'], { cwd: dir });
        expectOneLineUsageError(result, "'taken/model'", 'is a file, not a folder');
        expect(readFileSync(join(dir, 'taken'), 'utf8')).toBe('a file\n');
    });

    test.skipIf(!canChattr)('format on a file that cannot be written (immutable) leaves it as it was', () => {
        const dir = tempModel({ 'sites.cnms': MESSY });
        const file = join(dir, 'sites.cnms');
        expect(spawnSync('chattr', ['+i', file]).status).toBe(0);
        cleanups.push(() => spawnSync('chattr', ['-i', file]));
        const result = runCli(['format', dir], { cwd: dir });
        expectOneLineUsageError(result, "cannot write 'sites.cnms': permission denied", 'chattr -i');
        expect(readFileSync(file, 'utf8')).toBe(MESSY);
        expect(readdirSync(dir)).toEqual(['sites.cnms']);
    });

    test.skipIf(!canChattr)('a folder that refuses new files (immutable): the folder is named, the file left as it was', () => {
        const parent = tempModel({ 'model/sites.cnms': MESSY });
        const folder = join(parent, 'model');
        expect(spawnSync('chattr', ['+i', folder]).status).toBe(0);
        cleanups.push(() => spawnSync('chattr', ['-i', folder]));
        const result = runCli(['format', 'model'], { cwd: parent });
        expectOneLineUsageError(result, "cannot write 'model': permission denied");
        expect(readFileSync(join(folder, 'sites.cnms'), 'utf8')).toBe(MESSY);
        expect(readdirSync(folder)).toEqual(['sites.cnms']);
    });
});
