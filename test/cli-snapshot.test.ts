// The CLI's startup snapshot (packages/cli/snapshot.mjs, bin/cnms.js): a
// command runs in a Node started from a V8 snapshot made when the CLI was
// built, with the language loaded, the parser built and the built-in library
// parsed. What it prints must be what the bundle prints, byte for byte; a
// signal to `cnms` must end the Node it started; `--version` and `--help`
// stay in one process.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO, runCli, runCliAsync, tempCopy, tempModel } from './helpers/cli.js';

const SNAPSHOT = join(REPO, 'packages/cli/out/snapshot');

/** A preload (node --require) that appends each Node's options and parent to LOG: `cnms` and the Node it starts both run it. */
function recordingPreload(): { preload: string; log: string } {
    const dir = tempModel({});
    const log = join(dir, 'processes.log');
    const preload = join(dir, 'record.cjs');
    writeFileSync(
        preload,
        `require('node:fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify({ pid: process.pid, ppid: process.ppid, execArgv: process.execArgv }) + '\\n');\n` +
            // CNMS_TEST_HOLD: the Node started from the snapshot stays alive until a signal ends it
            `if (process.env.CNMS_TEST_HOLD === '1' && process.execArgv.includes('--snapshot-blob')) setInterval(() => {}, 1000);\n`
    );
    return { preload, log };
}

function processesIn(log: string): Array<{ pid: number; ppid: number; execArgv: string[] }> {
    return existsSync(log)
        ? (readFileSync(log, 'utf8')
              .split('\n')
              .filter(Boolean)
              .map(line => JSON.parse(line)) as Array<{ pid: number; ppid: number; execArgv: string[] }>)
        : [];
}

describe("the CLI's startup snapshot", () => {
    test('the build made it, for this Node', () => {
        const built = JSON.parse(readFileSync(join(SNAPSHOT, 'built.json'), 'utf8')) as Record<string, string>;
        expect(built).toEqual({ node: process.version, arch: process.arch, execPath: process.execPath, folder: SNAPSHOT });
        expect(existsSync(join(SNAPSHOT, 'cnms.blob'))).toBe(true);
    });

    test('a command runs in a Node started from it; --version and --help run in cnms alone', () => {
        const { preload, log } = recordingPreload();
        const env = { NODE_OPTIONS: `--require=${preload}` };
        expect(runCli(['validate', 'examples/steel', '--quiet'], { env }).code).toBe(0);
        const [cnms, started, ...more] = processesIn(log);
        expect(more).toEqual([]);
        expect(cnms.execArgv).toEqual([]);
        expect(started.ppid).toBe(cnms.pid);
        expect(started.execArgv).toEqual(['--snapshot-blob', join(SNAPSHOT, 'cnms.blob')]);

        for (const args of [['--version'], ['--help'], []]) {
            const quick = recordingPreload();
            runCli(args, { env: { NODE_OPTIONS: `--require=${quick.preload}` } });
            expect(processesIn(quick.log).length, args.join(' ')).toBe(1);
        }
        // CNMS_NO_SNAPSHOT=1: the bundle, in one process
        const bundle = recordingPreload();
        expect(runCli(['validate', 'examples/steel', '--quiet'], { env: { NODE_OPTIONS: `--require=${bundle.preload}`, CNMS_NO_SNAPSHOT: '1' } }).code).toBe(0);
        expect(processesIn(bundle.log).length).toBe(1);
    });

    test('a V8 option in NODE_OPTIONS (which a snapshot cannot start with) runs the bundle, in one process', () => {
        const { preload, log } = recordingPreload();
        const result = runCli(['balance', 'examples/steel', '--format', 'json'], { env: { NODE_OPTIONS: `--max-old-space-size=4096 --require=${preload}` } });
        expect(result.code).toBe(0);
        expect(result.stderr).toBe('');
        expect(JSON.parse(result.stdout)).toHaveProperty('net');
        expect(processesIn(log).length).toBe(1);
    });

    test('a snapshot that Node cannot start from (exit 14) leaves the run to the bundle', () => {
        // a copy of the CLI whose snapshot was built with another V8 option: Node refuses it, and cnms runs on
        const copy = tempModel({});
        cpSync(join(REPO, 'packages/cli/bin'), join(copy, 'bin'), { recursive: true });
        cpSync(join(REPO, 'packages/cli/out/bundle'), join(copy, 'out/bundle'), { recursive: true });
        const folder = join(copy, 'out/snapshot');
        mkdirSync(folder);
        writeFileSync(join(folder, 'other.cjs'), "require('node:v8').startupSnapshot.setDeserializeMainFunction(() => process.stdout.write('the wrong snapshot'));\n");
        execFileSync(process.execPath, ['--max-semi-space-size=32', '--snapshot-blob', join(folder, 'cnms.blob'), '--build-snapshot', join(folder, 'other.cjs')], { cwd: folder });
        writeFileSync(join(folder, 'built.json'), JSON.stringify({ node: process.version, arch: process.arch, execPath: process.execPath, folder }));
        const result = spawnSync(process.execPath, [join(copy, 'bin/cnms.js'), 'balance', 'examples/steel', '--format', 'json'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
        expect(result.stderr).toContain('Failed to load the startup snapshot');
        expect(result.status).toBe(0);
        expect(result.stdout).toBe(runCli(['balance', 'examples/steel', '--format', 'json']).stdout);
    });

    test('a signal to cnms ends the Node it started, and cnms ends by that signal', async () => {
        const { preload, log } = recordingPreload();
        const child = spawn(process.execPath, [join(REPO, 'packages/cli/bin/cnms.js'), 'validate', 'examples/steel', '--quiet'], {
            cwd: REPO,
            env: { ...process.env, NODE_OPTIONS: `--require=${preload}`, CNMS_TEST_HOLD: '1' },
            stdio: 'ignore'
        });
        const exited = new Promise<NodeJS.Signals | null>(resolve => child.on('exit', (_, signal) => resolve(signal)));
        // wait until the started Node has run its preload
        for (let tries = 0; processesIn(log).length < 2 && tries < 600; tries++) await new Promise(resolve => setTimeout(resolve, 50));
        const started = processesIn(log)[1];
        expect(started.ppid).toBe(child.pid);
        child.kill('SIGTERM');
        expect(await exited).toBe('SIGTERM');
        // the started Node is gone too (kill with signal 0 throws ESRCH for a process that does not exist)
        for (let tries = 0; tries < 100 && isAlive(started.pid); tries++) await new Promise(resolve => setTimeout(resolve, 50));
        expect(isAlive(started.pid)).toBe(false);
    }, 60_000);

    function isAlive(pid: number): boolean {
        try {
            process.kill(pid, 0);
            return true;
        } catch {
            return false;
        }
    }

    /** What `cnms ARGS` prints and returns from the snapshot and from the bundle. */
    async function bothWays(args: string[], cwd = REPO) {
        const [snapshot, bundle] = await Promise.all([runCliAsync(args, { cwd }), runCliAsync(args, { cwd, env: { CNMS_NO_SNAPSHOT: '1' } })]);
        return { snapshot, bundle };
    }

    test.concurrent.each([
        ['validate', 'examples/steel', '--format', 'json'],
        ['validate', 'examples/cement', '--lang', 'zh-CN'],
        ['balance', 'examples/steel', '--format', 'json'],
        ['balance', 'examples/glass'],
        ['plan', 'examples/steel'],
        ['cbam', 'examples/cbam-steel', '--format', 'json'],
        ['factors', '--search', 'diesel', '--format', 'json'],
        // the renderers come from the bundle (vega for the charts), imported through out/snapshot/import.cjs
        ['report', 'examples/steel', '--format', 'html'],
        ['report', 'examples/cement', '--format', 'md', '--lang', 'zh-CN'],
        ['validate', 'examples/no-such-model']
    ])('cnms %s …: the same output and exit code as the bundle', async (...args: string[]) => {
        const { snapshot, bundle } = await bothWays(args);
        expect(snapshot.stdout.length + snapshot.stderr.length).toBeGreaterThan(0);
        expect(snapshot).toEqual(bundle);
    });

    test('an xlsx report (ExcelJS, imported from the bundle) is the same file', async () => {
        const dir = tempModel({});
        const [snapshot, bundle] = await Promise.all([
            runCliAsync(['report', 'examples/steel', '--format', 'xlsx', '-o', join(dir, 'snapshot.xlsx')]),
            runCliAsync(['report', 'examples/steel', '--format', 'xlsx', '-o', join(dir, 'bundle.xlsx')], { env: { CNMS_NO_SNAPSHOT: '1' } })
        ]);
        expect([snapshot.code, bundle.code]).toEqual([0, 0]);
        expect(readFileSync(join(dir, 'snapshot.xlsx')).length).toBeGreaterThan(1000);
        expect(readFileSync(join(dir, 'snapshot.xlsx')).equals(readFileSync(join(dir, 'bundle.xlsx')))).toBe(true);
    });

    test('cnms diff (git read by a child process) prints the same as the bundle', async () => {
        const repo = tempCopy('examples/steel');
        const git = (...args: string[]) =>
            execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
        git('init', '-q', '-b', 'main');
        git('add', '-A');
        git('commit', '-q', '-m', 'one');
        const organization = readFileSync(join(repo, 'organization.cnms'), 'utf8');
        writeFileSync(join(repo, 'organization.cnms'), organization.replace(/period 2024/, 'period 2024 // the same period'));
        git('commit', '-q', '-am', 'two');
        const { snapshot, bundle } = await bothWays(['diff', 'HEAD~1', 'HEAD', '.', '--format', 'json'], repo);
        expect(snapshot.code).toBe(0);
        expect(JSON.parse(snapshot.stdout)).toHaveProperty('neutrality');
        expect(snapshot).toEqual(bundle);
    });
});
