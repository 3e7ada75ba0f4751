// The whole test suite, as the README's second command and CI run it:
// the freshness check of the generated code, the build, the lint and format checks, then every vitest
// suite. Ends with one plain line `N passed, N failed` over all of them.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const pnpm = ['-y', 'pnpm@12.4.2'];
let passed = 0;
let failed = 0;
let skipped = 0;

/** Counts a step that ended with `code` (or `signal`) as passed or failed, saying why it failed. */
function count(name, code, signal) {
    if (code === 0) passed++;
    else {
        failed++;
        console.log(`✖ ${name} failed (exit ${code ?? signal})`);
    }
    return code === 0;
}

function step(name, command, args) {
    console.log(`\n▶ ${name}`);
    const run = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
    return count(name, run.status, run.signal);
}

/**
 * Steps that read and write nothing the others use, run at once (ESLint's
 * type-checked run takes one core for some 25 s; the others fit beside it).
 * Each step's output is printed whole when all are done, in the order given.
 */
async function stepsAtOnce(steps) {
    const runs = steps.map(
        ([name, command, args]) =>
            new Promise(resolve => {
                const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
                const output = [];
                child.stdout.on('data', chunk => output.push(chunk));
                child.stderr.on('data', chunk => output.push(chunk));
                // a step that cannot start is a failed step (Node may emit no 'close' after that 'error')
                child.on('error', error => resolve({ name, code: null, signal: error.message, output: Buffer.concat(output) }));
                child.on('close', (code, signal) => resolve({ name, code, signal, output: Buffer.concat(output) }));
            })
    );
    for (const { name, code, signal, output } of await Promise.all(runs)) {
        console.log(`\n▶ ${name}`);
        process.stdout.write(output);
        count(name, code, signal);
    }
}

step('generated code is fresh', process.execPath, [join(root, 'scripts/check-generated.mjs')]);
const built = step('build', 'npx', [...pnpm, 'run', 'build']);
if (built) {
    await stepsAtOnce([
        ['VS Code snippets are fresh', process.execPath, [join(root, 'scripts/generate-snippets.mjs'), '--check']],
        ['rule docs are fresh', process.execPath, [join(root, 'scripts/generate-rule-docs.mjs'), '--check']],
        ['cnms.json schema is fresh', process.execPath, [join(root, 'scripts/generate-settings-schema.mjs'), '--check']],
        // after the build: the packages see each other's types through their out/*.d.ts
        ['lint (eslint)', 'npx', [...pnpm, 'run', 'lint']],
        ['formatted (prettier --check)', 'npx', [...pnpm, 'run', 'format:check']]
    ]);
}
if (built) {
    const report = join(mkdtempSync(join(tmpdir(), 'cnms-vitest-')), 'report.json');
    console.log('\n▶ vitest');
    const vitest = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
    try {
        const results = JSON.parse(readFileSync(report, 'utf8'));
        passed += results.numPassedTests;
        failed += results.numFailedTests;
        if (results.numTotalTests === 0 || (vitest.status !== 0 && results.numFailedTests === 0)) failed++;
    } catch {
        console.log('✖ vitest wrote no report');
        failed++;
    }
    // The real VS Code (test/e2e-vscode/run.mjs): its checks count like the
    // others; it says it was skipped when scripts/e2e-vscode/install.sh has not run.
    const e2eReport = join(mkdtempSync(join(tmpdir(), 'cnms-e2e-report-')), 'report.json');
    console.log('\n▶ real VS Code (test/e2e-vscode)');
    const e2e = spawnSync(process.execPath, [join(root, 'test/e2e-vscode/run.mjs'), '--report', e2eReport], { cwd: root, stdio: 'inherit', timeout: 20 * 60_000 });
    try {
        const results = JSON.parse(readFileSync(e2eReport, 'utf8'));
        passed += results.passed;
        failed += results.failed;
        skipped += results.skipped ?? 0;
        if (e2e.status !== 0 && results.failed === 0) failed++;
    } catch {
        if (e2e.status === 0) {
            skipped++;
        } else {
            console.log(`✖ e2e-vscode wrote no report (exit ${e2e.status ?? e2e.signal})`);
            failed++;
        }
    }
}
console.log(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
