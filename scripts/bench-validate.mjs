// Benchmark: `cnms validate` as a user runs it, cold (a new process each
// time), on the steel example and on a generated model of N sources.
// Usage: node scripts/bench-validate.mjs [--runs 5] [--sources 2000]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'packages/cli/bin/cnms.js');
const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('--runs', 5);
const sources = arg('--sources', 2000);

function generated(count) {
    const dir = mkdtempSync(join(tmpdir(), 'cnms-bench-'));
    const lines = ['organization bench "Benchmark Co." {', '    consolidation operational-control', '    period 2024', '    gwp AR6', '    ms-scope "All"', '}'];
    lines.push('site plant "Plant" { location "Hangzhou, Zhejiang" }');
    lines.push('let ncv = 389.31 GJ/(10^4 Nm3)');
    for (let i = 0; i < count; i++) {
        lines.push(`source s${i} "Source ${i}" at plant {`, '    category 1', `    activity ${1000 + i}_000 Nm3 * ncv`, '    factor ipcc2006.natural_gas',
            '    data-quality measured', '    uncertainty 2 %', '}');
    }
    writeFileSync(join(dir, 'model.cnms'), `${lines.join('\n')}\n`);
    return { dir, lines: lines.length };
}

function time(label, target) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
        const start = process.hrtime.bigint();
        const run = spawnSync(process.execPath, [bin, 'validate', target, '--quiet'], { encoding: 'utf8' });
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        if (run.status === 2) throw new Error(`${label}: ${run.stderr}`);
        samples.push(seconds);
    }
    samples.sort((a, b) => a - b);
    const median = samples[Math.floor(samples.length / 2)];
    console.log(`${label.padEnd(44)} min ${samples[0].toFixed(3)} s  median ${median.toFixed(3)} s  max ${samples.at(-1).toFixed(3)} s  (${runs} cold runs)`);
}

if (!process.argv.includes('--generated-only')) time('cnms validate examples/steel', join(root, 'examples/steel'));
const big = generated(sources);
time(`cnms validate, ${sources} sources (${big.lines} lines)`, big.dir);
