// examples/ci: the GitHub Actions workflow and the pre-commit hook that the
// README offers for code review. The workflow's YAML is checked for its
// structure, then its shell steps are run as a runner would, against a
// temporary clone of a repository with examples/steel on `main` and a feature
// branch; the hook runs in a temporary repository on staged changes. `cnms` is
// the CLI of this checkout (packages/cli, built), on PATH through a wrapper.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CLI = join(root, 'packages/cli/bin/cnms.js');
const WORKFLOW = join(root, 'examples/ci/github-actions.yml');
const HOOK = join(root, 'examples/ci/pre-commit');

interface Step {
    readonly id?: string;
    readonly name?: string;
    readonly uses?: string;
    readonly run?: string;
    readonly if?: string;
    readonly with?: Record<string, string | number>;
    readonly env?: Record<string, string>;
}
interface Workflow {
    readonly on: Record<string, unknown>;
    readonly permissions: Record<string, string>;
    readonly env: Record<string, string>;
    readonly jobs: Record<string, { readonly 'runs-on': string; readonly steps: readonly Step[] }>;
}

const workflow = parseYaml(readFileSync(WORKFLOW, 'utf8')) as Workflow;
const steps = Object.values(workflow.jobs)[0].steps;
const step = (id: string): Step => {
    const found = steps.find(s => s.id === id);
    if (!found) throw new Error(`the workflow has no step '${id}'`);
    return found;
};

// ---- GitHub expressions, for the dry run ----------------------------------------

type Context = Record<string, unknown>;

/** `${{ a || b || 'literal' }}` with property paths: the first operand that is not empty. */
function evaluate(expression: string, context: Context): string {
    for (const operand of expression.split('||').map(part => part.trim())) {
        const literal = /^'((?:[^']|'')*)'$/.exec(operand);
        if (literal) return literal[1].replace(/''/g, "'");
        if (!/^[A-Za-z_][\w-]*(?:\.[\w-]+)*$/.test(operand)) throw new Error(`the dry run does not evaluate '${operand}'`);
        const value = operand.split('.').reduce<unknown>((object, key) => (object && typeof object === 'object' ? (object as Context)[key] : undefined), context);
        if (value !== undefined && value !== null && value !== '') return String(value);
    }
    return '';
}

function substitute(text: string, context: Context): string {
    return text.replace(/\$\{\{\s*([\s\S]*?)\s*\}\}/g, (_, expression: string) => evaluate(expression, context));
}

// ---- temporary repositories ----------------------------------------------------------

const temporary: string[] = [];
function tempDir(prefix: string): string {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    temporary.push(dir);
    return dir;
}

/** git without the user's or the system's configuration, with a fixed author. */
const gitEnv: Record<string, string> = {
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'CNMS test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'CNMS test',
    GIT_COMMITTER_EMAIL: 'test@example.com'
};

function git(cwd: string, ...args: string[]): string {
    const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...gitEnv } });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
    return result.stdout.trim();
}

/** A folder with an executable `cnms` that runs this checkout's CLI. */
function cnmsOnPath(): string {
    const bin = tempDir('cnms-bin-');
    writeFileSync(join(bin, 'cnms'), `#!/bin/sh\nexec '${process.execPath}' '${CLI}' "$@"\n`);
    chmodSync(join(bin, 'cnms'), 0o755);
    return bin;
}

function edit(file: string, from: string | RegExp, to: string): void {
    const text = readFileSync(file, 'utf8');
    const changed = text.replace(from, to);
    if (changed === text) throw new Error(`${file}: '${from}' not found`);
    writeFileSync(file, changed);
}

const ACTIVITY = 'activity 320_000 MWh';
const MAIN_WORKS = 'sites/main_works.cnms';

/** A repository with examples/steel at `model` committed on `main`. */
function steelRepository(model: string): string {
    const repo = tempDir('cnms-ci-repo-');
    git(repo, 'init', '-q', '-b', 'main');
    cpSync(join(root, 'examples/steel'), join(repo, model), { recursive: true });
    writeFileSync(join(repo, 'README.md'), '# Our carbon-neutrality management system\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'The model');
    return repo;
}

interface Run {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

let bin: string;

beforeAll(() => {
    if (!existsSync(join(root, 'packages/cli/out/main.js'))) throw new Error('packages/cli is not built: run `npx -y pnpm@12.4.2 run build` first');
    bin = cnmsOnPath();
});

afterAll(() => {
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('examples/ci/github-actions.yml', () => {
    test('runs on pull requests, with the permissions for the comment and the SARIF upload', () => {
        expect(Object.keys(workflow.on)).toContain('pull_request');
        expect(workflow.permissions).toMatchObject({ contents: 'read', 'pull-requests': 'write', 'security-events': 'write' });
        expect(Object.values(workflow.jobs)[0]['runs-on']).toBe('ubuntu-latest');
        // The gate's amount: a workflow input, else a repository variable, else a default.
        const inputs = (workflow.on.workflow_call as { inputs: Record<string, { type: string }> }).inputs;
        expect(inputs['fail-on-increase'].type).toBe('string');
        expect(workflow.env.CNMS_FAIL_ON_INCREASE).toMatch(/^\$\{\{\s*inputs\.fail-on-increase\s*\|\|\s*vars\.CNMS_FAIL_ON_INCREASE\s*\|\|\s*'[^']+'\s*\}\}$/);
        expect(evaluate(workflow.env.CNMS_FAIL_ON_INCREASE.slice(3, -2), { inputs: {}, vars: {} })).toBe('500 tCO2e');
        expect(evaluate(workflow.env.CNMS_FAIL_ON_INCREASE.slice(3, -2), { inputs: { 'fail-on-increase': '1 ktCO2e' }, vars: { CNMS_FAIL_ON_INCREASE: '2 t' } })).toBe('1 ktCO2e');
    });

    test('the steps, in order: checkout with history, Node 20, install, fetch the base, validate, upload SARIF, diff, comment, gates', () => {
        const index = (predicate: (s: Step) => boolean, what: string) => {
            const at = steps.findIndex(predicate);
            expect(at, what).toBeGreaterThanOrEqual(0);
            return at;
        };
        const order = [
            index(s => s.uses?.startsWith('actions/checkout@') === true && s.with?.['fetch-depth'] === 0, 'checkout with fetch-depth 0'),
            index(s => s.uses?.startsWith('actions/setup-node@') === true && String(s.with?.['node-version']) === '20', 'setup-node 20'),
            index(s => /npx -y pnpm@12\.4\.2 install[\s\S]*npx -y pnpm@12\.4\.2 build/.test(s.run ?? ''), 'install from source'),
            index(s => /npm install -g "@cnms\/cli@/.test(s.run ?? ''), 'install from npm'),
            index(s => /^git fetch\b.*origin/.test(s.run ?? ''), 'fetch the base branch'),
            index(s => /^cnms validate\b.*--format sarif > cnms\.sarif/.test(s.run ?? ''), 'validate to SARIF'),
            index(s => /^github\/codeql-action\/upload-sarif@/.test(s.uses ?? ''), 'upload-sarif'),
            index(s => /^cnms diff "origin\/\$BASE_REF" HEAD "\$CNMS_MODEL" --format md > cnms-diff\.md$/.test(s.run ?? ''), 'diff as Markdown'),
            index(s => /^actions\/github-script@|^marocchino\/sticky-pull-request-comment@/.test(s.uses ?? ''), 'the comment'),
            index(s => /^cnms validate\b.*--quiet/.test(s.run ?? ''), 'fail on errors'),
            index(s => /--fail-on-increase "\$CNMS_FAIL_ON_INCREASE"/.test(s.run ?? ''), 'the gate')
        ];
        expect(order).toEqual([...order].sort((a, b) => a - b));
        // The two ways to install are exclusive: built in the CNMS repository, from npm elsewhere.
        expect(step('install-source').if).toBe("hashFiles('packages/cli/bin/cnms.js') != ''");
        expect(step('install-npm').if).toBe("hashFiles('packages/cli/bin/cnms.js') == ''");
    });

    test('every action is pinned to a major version', () => {
        const used = steps.flatMap(s => (s.uses ? [s.uses] : []));
        expect(used.map(uses => uses.replace(/@.*/, ''))).toEqual(['actions/checkout', 'actions/setup-node', 'github/codeql-action/upload-sarif', 'actions/github-script']);
        for (const uses of used) expect(uses).toMatch(/@v\d+$/);
    });

    test('the SARIF upload, the diff, the comment and the gate are wired together', () => {
        // GitHub expressions reach the shell through env, never spliced into a script.
        for (const s of steps) expect(s.run ?? '', s.id).not.toContain('${{');
        for (const id of ['fetch-base', 'diff', 'gate']) expect(step(id).env).toEqual({ BASE_REF: '${{ github.base_ref }}' });

        const upload = step('upload-sarif');
        expect(upload.with).toMatchObject({ sarif_file: 'cnms.sarif', category: 'cnms' });
        expect(upload.if).toContain('always()');
        // The model's errors do not stop the validate step: they fail the job later, after the upload and the comment.
        expect(step('validate').run).toMatch(/\|\| echo "errors=true" >> "\$GITHUB_OUTPUT"$/);
        expect(step('errors').if).toBe("steps.validate.outputs.errors == 'true'");

        expect(step('diff').run).toContain('--format md > cnms-diff.md');
        expect(step('summary').run).toBe('cat cnms-diff.md >> "$GITHUB_STEP_SUMMARY"');
        expect(String(step('comment').with?.script)).toContain("readFileSync('cnms-diff.md'");

        const gate = step('gate');
        expect(gate.run).toBe('cnms diff "origin/$BASE_REF" HEAD "$CNMS_MODEL" --fail-on-increase "$CNMS_FAIL_ON_INCREASE"');
        expect(gate.if).toContain("env.CNMS_FAIL_ON_INCREASE != 'off'");
        expect(gate.if).toContain("steps.diff.outcome == 'success'");
    });
});

describe("the workflow's commands on a pull request (dry run)", () => {
    const context: Context = { github: { base_ref: 'main' }, inputs: {}, vars: {} };
    const model = evaluate(workflow.env.CNMS_MODEL.slice(3, -2), context);
    let work: string;
    let runnerTemp: string;
    let mainCommit: string;

    /** Runs one `run:` step as the runner does (bash -eo pipefail), with the workflow's and the step's env. */
    function runStep(id: string, env: Record<string, string> = {}): Run & { outputs: Record<string, string>; summary: string } {
        const script = step(id).run;
        if (!script) throw new Error(`step '${id}' runs no command`);
        const files = { GITHUB_OUTPUT: join(runnerTemp, `${id}.output`), GITHUB_STEP_SUMMARY: join(runnerTemp, 'summary.md') };
        writeFileSync(files.GITHUB_OUTPUT, '');
        if (!existsSync(files.GITHUB_STEP_SUMMARY)) writeFileSync(files.GITHUB_STEP_SUMMARY, '');
        const evaluated = (record: Record<string, string> = {}) => Object.fromEntries(Object.entries(record).map(([key, value]) => [key, substitute(String(value), context)]));
        const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
            cwd: work,
            encoding: 'utf8',
            timeout: 120_000,
            env: {
                ...process.env,
                ...gitEnv,
                LANG: 'C',
                NO_COLOR: '1',
                PATH: `${bin}:${process.env.PATH}`,
                RUNNER_TEMP: runnerTemp,
                ...files,
                ...evaluated(workflow.env),
                ...evaluated(step(id).env),
                ...env
            }
        });
        if (result.error) throw result.error;
        const outputs = Object.fromEntries(
            readFileSync(files.GITHUB_OUTPUT, 'utf8')
                .split('\n')
                .filter(Boolean)
                .map(line => line.split(/=(.*)/s).slice(0, 2) as [string, string])
        );
        return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, outputs, summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') };
    }

    /** The pull request: the clone that actions/checkout makes (fetch-depth 0), at the head of `branch`. */
    function checkout(branch: string): void {
        work = join(tempDir('cnms-ci-work-'), 'repo');
        git(dirname(work), 'clone', '-q', upstream, work);
        git(work, 'checkout', '-q', branch);
        runnerTemp = tempDir('cnms-ci-runner-');
    }

    let upstream: string;

    beforeAll(() => {
        expect(model).toBe('examples/steel');
        upstream = steelRepository(model);
        mainCommit = git(upstream, 'rev-parse', 'HEAD');
        // A pull request that buys more electricity: one activity changes.
        git(upstream, 'checkout', '-q', '-b', 'more-power');
        edit(join(upstream, model, MAIN_WORKS), ACTIVITY, 'activity 331_566 MWh');
        git(upstream, 'commit', '-q', '-am', 'More purchased power');
        // A pull request with an error: a unit that does not exist.
        git(upstream, 'checkout', '-q', '-b', 'bad-unit', 'main');
        edit(join(upstream, model, MAIN_WORKS), ACTIVITY, 'activity 320_000 MWhx');
        git(upstream, 'commit', '-q', '-am', 'A typo');
        git(upstream, 'checkout', '-q', 'main');
    });

    test('a valid change: clean SARIF, the diff as Markdown naming the changed source, the gate by the amount', () => {
        checkout('more-power');
        const fetched = runStep('fetch-base');
        expect(fetched.code, fetched.stderr).toBe(0);
        expect(git(work, 'rev-parse', 'origin/main')).toBe(mainCommit);

        const validate = runStep('validate');
        expect(validate.code, validate.stderr).toBe(0);
        expect(validate.outputs).toEqual({});
        const sarif = JSON.parse(readFileSync(join(work, 'cnms.sarif'), 'utf8'));
        expect(sarif.version).toBe('2.1.0');
        expect(sarif.runs[0].tool.driver.name).toBe('cnms');
        expect(sarif.runs[0].results.filter((r: { level: string }) => r.level === 'error')).toEqual([]);

        const diff = runStep('diff');
        expect(diff.code, diff.stderr).toBe(0);
        const md = readFileSync(join(work, 'cnms-diff.md'), 'utf8');
        expect(md).toMatch(/^### CNMS: shigang — origin\/main → HEAD$/m);
        // the cause as the input change: 331,566 / 320,000 MWh = +3.6 %
        expect(md).toMatch(/source `purchased\\?_power` \| 203,552\.000 \| 210,909\.133 \| \+7,357\.133 \| activity 320\\_000 MWh → 331\\_566 MWh \(\+3\.6 %\) → \+7,357\.133 \|/);
        expect(md).toContain('**net +7,357.133 tCO2e (+0.2 %) · 1 source changed');

        const summary = runStep('summary');
        expect(summary.code).toBe(0);
        expect(summary.summary).toBe(md);

        // The gate: 500 tCO2e by default, so +7,357.133 fails; a larger allowance passes.
        const gate = runStep('gate');
        expect(gate.code).toBe(1);
        expect(gate.stdout).toContain('net +7,357.133 tCO2e');
        expect(runStep('gate', { CNMS_FAIL_ON_INCREASE: '10 ktCO2e' }).code).toBe(0);
        expect(runStep('gate', { CNMS_FAIL_ON_INCREASE: '7357.133' }).code).toBe(0);
        expect(runStep('gate', { CNMS_FAIL_ON_INCREASE: '7357.132 tCO2e' }).code).toBe(1);
    });

    test('the comment: created once, then updated in place', async () => {
        checkout('more-power');
        expect(runStep('diff').code).toBe(0);
        const script = String(step('comment').with?.script);
        const comments: Array<{ id: number; body: string; user: { type: string } }> = [{ id: 1, body: 'Looks good', user: { type: 'User' } }];
        const calls: string[] = [];
        const issues = {
            listComments: async () => ({ data: comments }),
            createComment: async ({ body }: { body: string }) => {
                calls.push('create');
                comments.push({ id: comments.length + 1, body, user: { type: 'Bot' } });
            },
            updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) => {
                calls.push(`update ${comment_id}`);
                comments.find(comment => comment.id === comment_id)!.body = body;
            }
        };
        const github = { rest: { issues }, paginate: async (method: () => Promise<{ data: unknown[] }>) => (await method()).data };
        const ctx = { repo: { owner: 'acme', repo: 'cnms-model' }, issue: { number: 7 } };
        // github-script's `require('fs')`, with paths relative to the workspace.
        const fsInWork = { readFileSync: (path: string, encoding: BufferEncoding) => readFileSync(resolve(work, path), encoding) };
        const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
        const run = new AsyncFunction('github', 'context', 'require', script);
        await run(github, ctx, (name: string) => (name === 'fs' ? fsInWork : undefined));
        await run(github, ctx, (name: string) => (name === 'fs' ? fsInWork : undefined));
        expect(calls).toEqual(['create', 'update 2']);
        expect(comments).toHaveLength(2);
        expect(comments[1].body.startsWith('<!-- cnms-diff -->\n### CNMS: shigang')).toBe(true);
        expect(comments[1].body).toMatch(/purchased\\?_power/);
    });

    test('a change with an unknown unit: the error in the SARIF, and the job fails after the upload', () => {
        checkout('bad-unit');
        expect(runStep('fetch-base').code).toBe(0);
        const validate = runStep('validate');
        expect(validate.code, validate.stderr).toBe(0);
        expect(validate.outputs).toEqual({ errors: 'true' });
        const sarif = JSON.parse(readFileSync(join(work, 'cnms.sarif'), 'utf8'));
        const errors = sarif.runs[0].results.filter((r: { level: string }) => r.level === 'error');
        expect(errors).toHaveLength(1);
        expect(errors[0].ruleId).toBe('CN-NUM-002');
        expect(errors[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: `${model}/${MAIN_WORKS}`, uriBaseId: '%SRCROOT%' });

        const diff = runStep('diff');
        expect(diff.code, diff.stderr).toBe(0);
        expect(readFileSync(join(work, 'cnms-diff.md'), 'utf8')).toContain('CN-NUM-002');

        const failed = runStep('errors');
        expect(failed.code).toBe(1);
        expect(failed.stdout).toContain("Unknown unit 'MWhx'");
    });
});

describe('examples/ci/pre-commit', () => {
    const model = 'models/steel';
    let repo: string;

    function hook(): Run {
        const result = spawnSync('sh', [HOOK], {
            cwd: repo,
            encoding: 'utf8',
            timeout: 120_000,
            env: { ...process.env, ...gitEnv, LANG: 'C', NO_COLOR: '1', PATH: `${bin}:${process.env.PATH}` }
        });
        if (result.error) throw result.error;
        return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
    }

    beforeAll(() => {
        repo = steelRepository(model);
        mkdirSync(join(repo, '.git/hooks'), { recursive: true });
        cpSync(HOOK, join(repo, '.git/hooks/pre-commit'));
        chmodSync(join(repo, '.git/hooks/pre-commit'), 0o755);
    });

    test('is a POSIX shell script, executable, with its install instructions', () => {
        const text = readFileSync(HOOK, 'utf8');
        expect(text.startsWith('#!/bin/sh\n')).toBe(true);
        expect(text).toContain('cp examples/ci/pre-commit .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit');
        expect(spawnSync('sh', ['-n', HOOK]).status).toBe(0);
        expect(statSync(HOOK).mode & 0o111).toBe(0o111);
    });

    test('nothing to check without a staged model file', () => {
        writeFileSync(join(repo, 'README.md'), '# Our CNMS\n');
        git(repo, 'add', 'README.md');
        const run = hook();
        expect(run.code).toBe(0);
        expect(run.stdout).toBe('');
        git(repo, 'reset', '-q', '--hard');
    });

    test('a staged valid change passes, and its effect on the figures is shown', () => {
        edit(join(repo, model, MAIN_WORKS), ACTIVITY, 'activity 331_566 MWh');
        git(repo, 'add', '-A');
        const run = hook();
        expect(run.code, `${run.stdout}${run.stderr}`).toBe(0);
        expect(run.stdout).toContain(`cnms: checking ${model} (staged content)`);
        expect(run.stdout).toContain('~ source purchased_power 203,552.000 → 210,909.133 tCO2e (+7,357.133)');
        git(repo, 'reset', '-q', '--hard');
    });

    test('a staged unknown unit fails, and git refuses the commit', () => {
        edit(join(repo, model, MAIN_WORKS), ACTIVITY, 'activity 320_000 MWhx');
        git(repo, 'add', '-A');
        const run = hook();
        expect(run.code).not.toBe(0);
        expect(run.stdout).toMatch(new RegExp(`^${model}/${MAIN_WORKS}:\\d+:\\d+  error  CN-NUM-002  Unknown unit 'MWhx'`, 'm'));
        expect(run.stderr).toContain(`cnms: ${model}: the model has errors`);

        const head = git(repo, 'rev-parse', 'HEAD');
        const commit = spawnSync('git', ['commit', '-q', '-m', 'A typo'], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...gitEnv, LANG: 'C', NO_COLOR: '1', PATH: `${bin}:${process.env.PATH}` } });
        expect(commit.status).not.toBe(0);
        expect(commit.stdout + commit.stderr).toContain('CN-NUM-002');
        expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
        git(repo, 'reset', '-q', '--hard');
    });

    test('removing a model (its .cnms files; other files stay) is nothing to check, and passes', () => {
        git(repo, 'rm', '-q', '-r', '--', `${model}/*.cnms`);
        const run = hook();
        expect(run.code, `${run.stdout}${run.stderr}`).toBe(0);
        expect(run.stdout).not.toContain(`cnms: checking ${model}`);
        expect(run.stdout).toContain(`cnms: ${model}: no .cnms file left (staged content), nothing to check`);
        expect(run.stdout).toContain('- organization');
        git(repo, 'reset', '-q', '--hard');
    });

    test('it checks what is staged, not the working tree; and the layout', () => {
        // Staged: valid. Not staged: an unknown unit. The commit is fine.
        edit(join(repo, model, MAIN_WORKS), ACTIVITY, 'activity 331_566 MWh');
        git(repo, 'add', '-A');
        edit(join(repo, model, MAIN_WORKS), 'activity 331_566 MWh', 'activity 331_566 MWhx');
        expect(hook().code).toBe(0);
        git(repo, 'reset', '-q', '--hard');

        // Staged: a file out of the canonical layout.
        edit(join(repo, model, MAIN_WORKS), `    ${ACTIVITY}`, `    activity   320_000 MWh`);
        git(repo, 'add', '-A');
        const run = hook();
        expect(run.code).not.toBe(0);
        expect(run.stdout).toContain(`would reformat ${model}/${MAIN_WORKS}`);
        git(repo, 'reset', '-q', '--hard');
    });
});
