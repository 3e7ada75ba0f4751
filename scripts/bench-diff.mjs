// Benchmark: `cnms diff` between two revisions of a generated model of N
// sources (one file per 100 sources), in a temporary git repository, cold.
// Usage: node scripts/bench-diff.mjs [--sources 2000] [--runs 3]
// `pnpm bench` (scripts/bench.mjs) builds the same repository with
// diffRepository() and compares the diff with a cold validate of the model.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url).pathname;

/**
 * A git repository with two commits of a model of `sources` natural-gas
 * sources under `model/` (`organization.cnms` and one file of 100 sources per
 * `sites/part-N.cnms`); the second commit adds 7,000 Nm3 to every 10th
 * source's activity, so `sources / 10` sources change and every part file
 * differs. Returns the repository's folder.
 */
export function diffRepository(sources) {
    const repo = mkdtempSync(join(tmpdir(), 'cnms-bench-diff-'));
    const git = (...args) => execFileSync('git', args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@example.com', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@example.com' } });
    function model(version) {
        mkdirSync(join(repo, 'model/sites'), { recursive: true });
        writeFileSync(join(repo, 'model/organization.cnms'), 'organization bench { consolidation operational-control period 2024 gwp AR6 ms-scope "All" }\nsite plant\nlet ncv = 389.31 GJ/(10^4 Nm3)\n');
        for (let file = 0; file < sources / 100; file++) {
            const lines = [];
            for (let i = file * 100; i < (file + 1) * 100; i++) {
                const activity = 1000 + i + (version === 2 && i % 10 === 0 ? 7 : 0);
                lines.push(`source s${i} at plant {`, '    category 1', `    activity ${activity}_000 Nm3 * ncv`, '    factor ipcc2006.natural_gas', '    data-quality measured', '    uncertainty 2 %', '}');
            }
            writeFileSync(join(repo, `model/sites/part-${file}.cnms`), `${lines.join('\n')}\n`);
        }
        git('add', '-A');
        git('commit', '-q', '-m', `version ${version}`);
    }
    git('init', '-q');
    model(1);
    model(2);
    return repo;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const arg = (name, fallback) => {
        const i = process.argv.indexOf(name);
        return i >= 0 ? Number(process.argv[i + 1]) : fallback;
    };
    const sources = arg('--sources', 2000);
    const runs = arg('--runs', 3);
    const repo = diffRepository(sources);
    const samples = [];
    for (let i = 0; i < runs; i++) {
        const start = process.hrtime.bigint();
        const run = spawnSync(process.execPath, [join(root, 'packages/cli/bin/cnms.js'), 'diff', 'HEAD~1', 'HEAD', 'model', '--format', 'json'], { cwd: repo, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
        samples.push(Number(process.hrtime.bigint() - start) / 1e9);
        if (run.status !== 0) throw new Error(run.stderr);
        if (i === 0) console.log(`changes reported: ${JSON.parse(run.stdout).changes.length} (every 10th source's activity changed)`);
    }
    samples.sort((a, b) => a - b);
    console.log(`cnms diff HEAD~1 HEAD, ${sources} sources: min ${samples[0].toFixed(2)} s, median ${samples[Math.floor(runs / 2)].toFixed(2)} s, max ${samples.at(-1).toFixed(2)} s (${runs} cold runs)`);
}
