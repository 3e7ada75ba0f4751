// `pnpm bench`: every row of issue 11's table in one run, each as a measured
// figure, its budget, the ratio and PASS or MISS (docs/benchmarks.md says what
// each row measures and why).
//
// Every command runs as a user runs it: a new Node process (cold), timed from
// spawn to exit, several times, the median kept. Commands that are compared
// run in the same rounds, interleaved, so that the load of a shared machine
// falls on both. The peak memory of a child is its maximum resident set size,
// read by /usr/bin/time (or, without it, by polling /proc/PID/status VmHWM).
// The figures of the generated models are checked exactly against the
// generator's (scripts/generate-group-model.mjs): a wrong figure fails the run.
//
// Usage: node scripts/bench.mjs [--runs 3] [--startup-runs 11] [--steel-runs 5]
//                               [--test-suite] [--fail-on-miss] [--keep]
//                               [--only startup,steel,10k,scaling,diff]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffRepository } from './bench-diff.mjs';
import { generateGroupModel, loadBuiltins, Q, writeModel } from './generate-group-model.mjs';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'packages/cli/bin/cnms.js');
const args = process.argv.slice(2);
const option = (name, fallback) => {
    const i = args.indexOf(name);
    if (i < 0) return fallback;
    const value = Number(args[i + 1]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a positive integer`);
    return value;
};
const runs = option('--runs', 3);
const startupRuns = option('--startup-runs', 11);
const steelRuns = option('--steel-runs', 5);
const onlyAt = args.indexOf('--only');
const sections = onlyAt >= 0 ? new Set(args[onlyAt + 1].split(',')) : undefined;
const section = name => !sections || sections.has(name);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const work = mkdtempSync(join(tmpdir(), 'cnms-bench-'));

// ---------------------------------------------------------------------------
// Measuring a child process

/**
 * Runs `node …args` to its end: wall seconds (spawn → exit), CPU seconds
 * (user + system, when /usr/bin/time is there), peak RSS in bytes, exit
 * status and output.
 */
function measure(nodeArgs, cwd = root) {
    const statFile = join(work, 'time.txt');
    const [command, commandArgs] = TIME ? [TIME, ['-f', '%U %S %M', '-o', statFile, process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
    return new Promise((resolve, reject) => {
        const start = process.hrtime.bigint();
        const child = spawn(command, commandArgs, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
        const out = [];
        const err = [];
        child.stdout.on('data', chunk => out.push(chunk));
        child.stderr.on('data', chunk => err.push(chunk));
        let hwm = 0;
        // without /usr/bin/time: the high-water mark of the child's RSS, read while it lives
        const poll = TIME
            ? undefined
            : setInterval(() => {
                  try {
                      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
                      if (kb) hwm = Math.max(hwm, Number(kb[1]) * 1024);
                  } catch {
                      // the child has ended
                  }
              }, 5);
        child.on('error', reject);
        child.on('close', status => {
            const wall = Number(process.hrtime.bigint() - start) / 1e9;
            if (poll) clearInterval(poll);
            let cpu;
            let rss = hwm || undefined;
            if (TIME) {
                const stat = readFileSync(statFile, 'utf8').trim().split('\n').at(-1).split(' ');
                cpu = Number(stat[0]) + Number(stat[1]);
                rss = Number(stat[2]) * 1024;
            }
            resolve({ wall, cpu, rss, status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
        });
    });
}

const median = values => {
    const sorted = values.filter(v => v !== undefined).sort((a, b) => a - b);
    if (sorted.length === 0) return undefined;
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const seconds = s => (s === undefined ? 'n/a' : `${s.toFixed(3)} s`);
const megabytes = bytes => (bytes === undefined ? 'n/a' : `${(bytes / 1e6).toFixed(0)} MB`);
const load = () =>
    loadavg()
        .map(l => l.toFixed(2))
        .join(', ');

/** Samples of one command: its wall, CPU and RSS figures. */
class Samples {
    constructor(label) {
        this.label = label;
        this.runs = [];
    }
    add(run) {
        this.runs.push(run);
        return run;
    }
    get wall() {
        return median(this.runs.map(r => r.wall));
    }
    get cpu() {
        return median(this.runs.map(r => r.cpu));
    }
    get peak() {
        return Math.max(...this.runs.map(r => r.rss ?? 0)) || undefined;
    }
    describe() {
        const walls = this.runs.map(r => r.wall).sort((a, b) => a - b);
        const cpu = this.cpu === undefined ? '' : `, CPU median ${seconds(this.cpu)}`;
        return `${this.label}: wall median ${seconds(this.wall)} (min ${seconds(walls[0])}, max ${seconds(walls.at(-1))}, ${walls.length} runs)${cpu}, peak RSS ${megabytes(this.peak)}`;
    }
}

/** The run, when it exited with one of `statuses` (validate exits 1 on a model with errors). */
function ok(run, what, statuses = [0]) {
    if (!statuses.includes(run.status)) throw new Error(`${what} exited ${run.status}:\n${run.stderr.slice(0, 2000)}`);
    return run;
}

const checks = [];
function check(what, pass, detail) {
    checks.push({ what, pass, detail });
    console.log(`  check: ${what}: ${pass ? 'OK' : 'WRONG'} (${detail})`);
    if (!pass) process.exitCode = 1;
}

const rows = [];
/** One row of the table: measured figure, budget, the ratio to the budget's reference, PASS or MISS. */
function row(what, measured, budget, ratio, pass) {
    rows.push({ what, measured, budget, ratio, pass });
}

// ---------------------------------------------------------------------------
// The models

function model(sources, files) {
    const generated = generateGroupModel({ sources, files });
    const dir = join(work, `group-${sources}`);
    writeModel(generated.files, dir);
    return { dir, sources, files, expected: generated.expected };
}

/** The group model with the fewest sources at 100,000 lines or more (one file per 200 sources, as at 10,000). */
function modelOfLines(lines) {
    let sources = Math.ceil(lines / 8.47);
    for (;;) {
        const files = Math.max(2, Math.round(sources / 200));
        const generated = generateGroupModel({ sources, files });
        if (generated.expected.lines >= lines) {
            const dir = join(work, `group-${sources}`);
            writeModel(generated.files, dir);
            return { dir, sources, files, expected: generated.expected };
        }
        sources += Math.max(10, Math.ceil((lines - generated.expected.lines) / 8.47));
    }
}

function checkBalance(run, m) {
    const balance = JSON.parse(run.stdout);
    const e = m.expected;
    const pass = balance.emissions === e.emissions && balance.removals === e.removals && balance.offsets === e.offsets && balance.net === e.net;
    return { pass, detail: `emissions ${balance.emissions} (expected ${e.emissions}), removals ${balance.removals} (${e.removals}), offsets ${balance.offsets} (${e.offsets}), net ${balance.net} (${e.net})` };
}

/** The diff benchmark's expected totals: every source is (1000 + i) × 1,000 Nm3 of natural gas at 389.31 GJ/10^4 Nm3; every 10th gains 7,000 Nm3. */
function diffExpected(sources) {
    const env = loadBuiltins();
    env.values.set('ncv', env.evaluate('389.31 GJ/(10^4 Nm3)'));
    const factor = env.factors.get('ipcc2006.natural_gas');
    const masses = factor.values.map((value, k) => {
        env.values.set(`bench_factor_${k}`, value);
        return env.gasMass(env.evaluate(`1 Nm3 * ncv * bench_factor_${k}`));
    });
    const perNm3 = env.co2e(masses, 'AR6');
    let before = 0n;
    for (let i = 0; i < sources; i++) before += BigInt(1000 + i) * 1000n;
    const added = BigInt(sources / 10) * 7000n;
    const emissionsBefore = Q.mul(perNm3, Q.parse(String(before)));
    const delta = Q.mul(perNm3, Q.parse(String(added)));
    return { before: Q.toDecimal(emissionsBefore), after: Q.toDecimal(Q.add(emissionsBefore, delta)), delta: Q.toDecimal(delta) };
}

// ---------------------------------------------------------------------------

const started = Date.now();
console.log(`cnms benchmarks (issue 11): node ${process.version}, ${cpus().length} CPUs, ${TIME ? 'peak RSS and CPU from /usr/bin/time' : 'peak RSS from /proc/PID/status VmHWM (no /usr/bin/time: no CPU figures)'}`);
console.log(`load average (1, 5, 15 min) at the start: ${load()}`);
console.log(`runs: startup ${startupRuns}, steel ${steelRuns}, the others ${runs}; medians of wall time from spawn to exit`);

// 1. startup --------------------------------------------------------------
if (section('startup')) {
    const bare = new Samples('node -e 0');
    const version = new Samples('cnms --version');
    const help = new Samples('cnms --help');
    for (let i = 0; i < startupRuns; i++) {
        bare.add(ok(await measure(['-e', '0']), 'node -e 0'));
        version.add(ok(await measure([cli, '--version']), 'cnms --version'));
        help.add(ok(await measure([cli, '--help']), 'cnms --help'));
    }
    console.log(`\n${bare.describe()}\n${version.describe()}\n${help.describe()}`);
    for (const s of [version, help]) {
        const ratio = s.wall / bare.wall;
        row(`\`${s.label}\` vs \`node -e 0\``, seconds(s.wall), `≤ 2 × ${seconds(bare.wall)}`, `${ratio.toFixed(2)} ×`, ratio <= 2);
    }
}

// 2. the steel example -----------------------------------------------------
if (section('steel')) {
    const steel = new Samples('cnms validate examples/steel');
    for (let i = 0; i < steelRuns; i++) steel.add(ok(await measure([cli, 'validate', join(root, 'examples/steel'), '--quiet']), 'cnms validate examples/steel'));
    console.log(`\n${steel.describe()}`);
    row('`cnms validate examples/steel`', seconds(steel.wall), '≤ 0.500 s', `${(steel.wall / 0.5).toFixed(2)} × budget`, steel.wall <= 0.5);
}

// 3. the 10,000-source model against its bare parse --------------------------
const m10k = section('10k') || section('scaling') ? model(10_000, 50) : undefined;
const validate10k = new Samples('cold cnms validate, 10k');
if (section('10k')) {
    console.log(`\nmodel: ${m10k.sources} sources, ${m10k.expected.cnmsFiles} files, ${m10k.expected.lines} lines (${m10k.dir})`);
    const parse = new Samples('bare parse, 10k');
    const balance = new Samples('cold cnms balance, 10k');
    for (let i = 0; i < runs; i++) {
        const p = parse.add(ok(await measure([join(root, 'scripts/bench-parse.mjs'), m10k.dir]), 'bench-parse'));
        if (i === 0) {
            const parsed = JSON.parse(p.stdout);
            check('the bare parse read every file of the model', parsed.files === m10k.expected.cnmsFiles && parsed.lines === m10k.expected.lines, `${parsed.files} files, ${parsed.lines} lines, parsed in ${parsed.parseMs} ms in the process`);
        }
        validate10k.add(ok(await measure([cli, 'validate', m10k.dir, '--quiet']), 'cnms validate 10k'));
        const b = balance.add(ok(await measure([cli, 'balance', m10k.dir, '--format', 'json']), 'cnms balance 10k'));
        if (i === 0) {
            const { pass, detail } = checkBalance(b, m10k);
            check('cnms balance of the 10k model = the generator’s exact figures', pass, detail);
        }
    }
    console.log(`${parse.describe()}\n${validate10k.describe()}\n${balance.describe()}`);
    for (const s of [validate10k, balance]) {
        const ratio = s.wall / parse.wall;
        const cpu = s.cpu !== undefined && parse.cpu ? ` (CPU ${(s.cpu / parse.cpu).toFixed(2)} ×)` : '';
        row(`${s.label.replace(', 10k', '')} of 10,000 sources / 50 files / ${m10k.expected.lines} lines vs the bare parse`, seconds(s.wall), `≤ 3 × ${seconds(parse.wall)}`, `${ratio.toFixed(2)} ×${cpu}`, ratio <= 3);
    }
}

// 4. scaling 2k → 20k and peak memory at 100,000 lines -----------------------
if (section('scaling')) {
    const m2k = model(2_000, 10);
    const m20k = model(20_000, 100);
    const v2k = new Samples('cold cnms validate, 2k');
    const v20k = new Samples('cold cnms validate, 20k');
    for (let i = 0; i < runs; i++) {
        v2k.add(ok(await measure([cli, 'validate', m2k.dir, '--quiet']), 'cnms validate 2k'));
        v20k.add(ok(await measure([cli, 'validate', m20k.dir, '--quiet']), 'cnms validate 20k'));
        if (!section('10k')) validate10k.add(ok(await measure([cli, 'validate', m10k.dir, '--quiet']), 'cnms validate 10k'));
    }
    rmSync(m20k.dir, { recursive: true, force: true });
    console.log(`\nscaling: 2k = ${m2k.expected.lines} lines in ${m2k.files} files, 10k = ${m10k.expected.lines} lines in ${m10k.files} files, 20k = ${m20k.expected.lines} lines in ${m20k.files} files`);
    console.log(`${v2k.describe()}\n${validate10k.describe()}\n${v20k.describe()}`);
    // Linear: the cost of each further 1,000 sources does not grow with the size
    // (a fixed start-up cost makes t(20k) / t(2k) less than 10 in a linear build).
    const low = (validate10k.wall - v2k.wall) / 8;
    const high = (v20k.wall - validate10k.wall) / 10;
    const growth = high / low;
    // the same on CPU time, which a loaded machine disturbs less
    const cpuGrowth = v2k.cpu !== undefined ? (v20k.cpu - validate10k.cpu) / 10 / ((validate10k.cpu - v2k.cpu) / 8) : undefined;
    const cpu = cpuGrowth === undefined ? '' : ` (CPU ${cpuGrowth.toFixed(2)} ×)`;
    console.log(`  per 1,000 more sources: 2k → 10k ${seconds(low)}, 10k → 20k ${seconds(high)} (${growth.toFixed(2)} ×${cpu}); t(20k) / t(2k) = ${(v20k.wall / v2k.wall).toFixed(2)}`);
    row(
        'scaling 2k → 20k sources (`cnms validate`)',
        `${seconds(v2k.wall)} → ${seconds(validate10k.wall)} → ${seconds(v20k.wall)}`,
        'linear: cost per 1,000 sources 10k→20k ≤ 1.25 × 2k→10k',
        `${growth.toFixed(2)} ×${cpu}`,
        growth <= 1.25
    );

    const mem = modelOfLines(100_000);
    console.log(`\nmemory model: ${mem.sources} sources, ${mem.files} files, ${mem.expected.lines} lines`);
    const vMem = new Samples('cold cnms validate, 100k lines');
    const bMem = new Samples('cold cnms balance, 100k lines');
    vMem.add(ok(await measure([cli, 'validate', mem.dir, '--quiet']), 'cnms validate 100k lines'));
    const b = bMem.add(ok(await measure([cli, 'balance', mem.dir, '--format', 'json']), 'cnms balance 100k lines'));
    const { pass, detail } = checkBalance(b, mem);
    check('cnms balance of the 100k-line model = the generator’s exact figures', pass, detail);
    console.log(`${vMem.describe()}\n${bMem.describe()}`);
    const peak = Math.max(vMem.peak ?? 0, bMem.peak ?? 0) || undefined;
    row(
        `peak memory at ${mem.expected.lines} lines (max RSS of \`validate\`, \`balance\`)`,
        megabytes(peak),
        '≤ 500 MB',
        peak === undefined ? 'n/a' : `${(peak / 500e6).toFixed(2)} × budget`,
        peak !== undefined && peak <= 500e6
    );
    rmSync(mem.dir, { recursive: true, force: true });
}

// 5. cnms diff of two 2,000-source revisions ---------------------------------
if (section('diff')) {
    const sources = 2000;
    const repo = diffRepository(sources);
    const expected = diffExpected(sources);
    // The diff model is an inventory without the management system's elements: validate exits 1 on their clause errors.
    const validate = new Samples('cold cnms validate, diff model');
    const diff = new Samples('cold cnms diff HEAD~1 HEAD');
    for (let i = 0; i < runs; i++) {
        validate.add(ok(await measure([cli, 'validate', 'model', '--quiet'], repo), 'cnms validate (diff model)', [0, 1]));
        const d = diff.add(ok(await measure([cli, 'diff', 'HEAD~1', 'HEAD', 'model', '--format', 'json'], repo), 'cnms diff'));
        if (i === 0) {
            const result = JSON.parse(d.stdout);
            const emissions = result.totals.emissions;
            check(
                'cnms diff: 200 sources changed, totals exact',
                result.changes.length === sources / 10 && emissions.before === expected.before && emissions.after === expected.after && emissions.delta === expected.delta,
                `${result.changes.length} changes; emissions ${emissions.before} → ${emissions.after}, ${emissions.delta} (expected ${expected.before} → ${expected.after}, ${expected.delta})`
            );
        }
    }
    rmSync(repo, { recursive: true, force: true });
    console.log(`\n${validate.describe()}\n${diff.describe()}`);
    const ratio = diff.wall / validate.wall;
    const cpu = diff.cpu !== undefined && validate.cpu ? ` (CPU ${(diff.cpu / validate.cpu).toFixed(2)} ×)` : '';
    row('`cnms diff` of two 2,000-source revisions (200 changed) vs one cold validate', seconds(diff.wall), `≤ 1.3 × ${seconds(validate.wall)}`, `${ratio.toFixed(2)} ×${cpu}`, ratio <= 1.3);
}

// 6. the test suite ---------------------------------------------------------
if (args.includes('--test-suite')) {
    const suite = await measure([join(root, 'scripts/run-tests.mjs')]);
    const last = suite.stdout.trim().split('\n').at(-1);
    console.log(`\ntest suite (node scripts/run-tests.mjs): ${seconds(suite.wall)}, ${last}`);
    row('the test suite (`node scripts/run-tests.mjs`, as `pnpm test`)', seconds(suite.wall), '≤ 180 s', `${(suite.wall / 180).toFixed(2)} × budget`, suite.wall <= 180 && suite.status === 0);
} else {
    row('the test suite (`pnpm test`)', 'not run', '≤ 180 s', '—', undefined);
}

// ---------------------------------------------------------------------------

if (!args.includes('--keep')) rmSync(work, { recursive: true, force: true });
console.log(`\nload average (1, 5, 15 min) at the end: ${load()}; ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
console.log('\n| what | measured | budget | ratio | |\n|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.what} | ${r.measured} | ${r.budget} | ${r.ratio} | ${r.pass === undefined ? '—' : r.pass ? 'PASS' : 'MISS'} |`);
if (rows.some(r => r.pass === undefined)) console.log('\n(the test suite is timed with --test-suite: `node scripts/run-tests.mjs`, the command `pnpm test` and .ci/run run)');
const wrong = checks.filter(c => !c.pass).length;
console.log(`\n${wrong === 0 ? 'every figure checked exactly: OK' : `${wrong} figure check(s) WRONG`}; ${rows.filter(r => r.pass === false).length} budget(s) missed`);
if (args.includes('--fail-on-miss') && rows.some(r => r.pass === false)) process.exitCode = 1;
