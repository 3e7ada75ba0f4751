// Benchmark (issue 14): activity read from CSV datasets at the size of a group
// (scripts/generate-dataset.mjs: 1,000,000 rows in 10 files summed into 500
// sources by default). It times, each against its budget:
//   cnms balance, cold (a new process each run)              < 5 s, peak RSS < 1 GB
//   a saved CSV → the language server's cnms/balance answers
//   the new net (the watched-file notification of an editor)  < 1 s
// and checks the figures: the net after the cold run and after the edit is the
// generator's exact expectation (BigInt millionths of a MWh); a wrong figure fails the
// run (exit 1) whatever the times.
//
// Usage: node scripts/bench-data.mjs [--rows 1000000] [--sources 500] [--files 10] [--runs 3] [--fail-on-miss]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { decimal, generateDatasetModel } from './generate-dataset.mjs';

const root = new URL('..', import.meta.url).pathname;
const BIN = join(root, 'packages/cli/bin/cnms.js');
const SERVER = join(root, 'packages/server/out/main-node.cjs');
const argv = process.argv.slice(2);
const arg = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number.parseInt(argv[i + 1], 10) : fallback;
};
const rows = arg('--rows', 1_000_000);
const sources = arg('--sources', 500);
const files = arg('--files', 10);
const runs = arg('--runs', 3);
const failOnMiss = argv.includes('--fail-on-miss');
const BUDGET = { coldSeconds: 5, rssMiB: 1024, editSeconds: 1 };

const dir = mkdtempSync(join(tmpdir(), 'cnms-bench-data-'));
let failed = false;
const miss = text => {
    console.log(`  MISS ${text}`);
    if (failOnMiss) failed = true;
};
const wrong = text => {
    console.log(`  WRONG ${text}`);
    failed = true;
};

try {
    const start = process.hrtime.bigint();
    const model = generateDatasetModel(dir, { rows, sources, files });
    console.log(`generated ${rows} rows in ${files} files, ${sources} sources in ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(1)} s (${dir})`);

    // cold: a new process each run, its peak RSS reported by the process itself at exit
    const rss = join(dir, 'report-rss.cjs');
    writeFileSync(rss, "process.on('exit', () => process.stderr.write(`\\nmaxrss-kib ${process.resourceUsage().maxRSS}\\n`));\n");
    const samples = [];
    for (let i = 0; i < runs; i++) {
        const t0 = process.hrtime.bigint();
        const run = spawnSync(process.execPath, ['--require', rss, BIN, 'balance', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
        const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
        const kib = Number(/maxrss-kib (\d+)/.exec(run.stderr)?.[1] ?? NaN);
        let net;
        try {
            net = JSON.parse(run.stdout).net;
        } catch {
            wrong(`cnms balance printed no JSON (exit ${run.status}): ${run.stderr.slice(0, 400)}`);
            break;
        }
        if (net !== model.net) wrong(`cnms balance: net ${net}, expected ${model.net}`);
        samples.push({ seconds, mib: kib / 1024 });
    }
    if (samples.length > 0) {
        samples.sort((a, b) => a.seconds - b.seconds);
        const median = samples[Math.floor(samples.length / 2)];
        const peak = Math.max(...samples.map(s => s.mib));
        console.log(`cnms balance, cold                  min ${samples[0].seconds.toFixed(3)} s  median ${median.seconds.toFixed(3)} s  peak RSS ${peak.toFixed(0)} MiB  (${samples.length} runs; budget < ${BUDGET.coldSeconds} s, < ${BUDGET.rssMiB} MiB)`);
        if (median.seconds >= BUDGET.coldSeconds) miss(`cold median ${median.seconds.toFixed(3)} s ≥ ${BUDGET.coldSeconds} s`);
        if (peak >= BUDGET.rssMiB) miss(`peak RSS ${peak.toFixed(0)} MiB ≥ ${BUDGET.rssMiB} MiB`);
    }

    // an edit of one CSV, as an editor reports a saved file
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr.resume();
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const published = new Map();
    connection.onNotification('textDocument/publishDiagnostics', params => published.get(params.uri)?.());
    for (const method of ['workspace/configuration', 'client/registerCapability', 'workspace/codeLens/refresh', 'workspace/inlayHint/refresh', 'workspace/semanticTokens/refresh']) {
        connection.onRequest(method, params => (method === 'workspace/configuration' ? params.items.map(() => null) : null));
    }
    connection.listen();
    const rootUri = pathToFileURL(dir).toString();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'model' }], capabilities: {}, initializationOptions: { locale: 'en' } });
    await connection.sendNotification('initialized', {});
    const modelUri = pathToFileURL(join(dir, 'model.cnms')).toString();
    const first = new Promise(resolve => published.set(modelUri, resolve));
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: modelUri, languageId: 'cnms', version: 1, text: readFileSync(join(dir, 'model.cnms'), 'utf8') } });
    await first;
    const balance = () => connection.sendRequest('cnms/balance', { uri: modelUri });
    const before = await balance();
    if (before?.net !== model.net) wrong(`server: net ${before?.net}, expected ${model.net}`);

    // the first reading of the first file becomes 1000.000 MWh
    const csv = join(dir, model.csvFiles[0]);
    const lines = readFileSync(csv, 'utf8').split('\n');
    const [meter, month, energy, unit] = lines[1].split(',');
    lines[1] = `${meter},${month},1000.000,MWh`;
    // in millionths of a MWh; the net in ten-millionths of a tonne
    const oldMillionths = BigInt(energy.replace('.', '')) * (unit === 'MWh' ? 1000n : 1n);
    const netScaled = BigInt(model.net.replace('.', '') + '0'.repeat(7 - (model.net.split('.')[1] ?? '').length));
    const expected = decimal(netScaled + (1_000_000_000n - oldMillionths) * 5n, 7);
    const t0 = process.hrtime.bigint();
    writeFileSync(csv, lines.join('\n'));
    await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(csv).toString(), type: 2 }] });
    let after;
    for (let i = 0; i < 2000; i++) {
        after = await balance();
        if (after?.net !== before?.net) break;
        await new Promise(resolve => setTimeout(resolve, 5));
    }
    const editSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const serverMiB = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
    console.log(`saved CSV → cnms/balance, new net   ${editSeconds.toFixed(3)} s  server peak RSS ${serverMiB.toFixed(0)} MiB  (budget < ${BUDGET.editSeconds} s)`);
    if (after?.net !== expected) wrong(`server after the edit: net ${after?.net}, expected ${expected}`);
    if (editSeconds >= BUDGET.editSeconds) miss(`edit ${editSeconds.toFixed(3)} s ≥ ${BUDGET.editSeconds} s`);
    await Promise.race([connection.sendRequest('shutdown'), new Promise(resolve => setTimeout(resolve, 2000))]);
    await connection.sendNotification('exit');
    connection.dispose();
    child.kill();
} finally {
    rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
