// Benchmark: edit-to-diagnostics and edit-to-inlay-hints latency of the
// bundled language server over stdio, as an editor sees it, on a generated
// model of about 5,000 lines (one organisation file, sources split over
// site files). Usage: node scripts/bench-lsp-latency.mjs [--lines 5000] [--edits 20]
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const root = new URL('..', import.meta.url).pathname;
const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const targetLines = arg('--lines', 5000);
const edits = arg('--edits', 20);

// A model: organisation, 5 sites, ~700 sources of 7 lines each.
const dir = mkdtempSync(join(tmpdir(), 'cnms-latency-'));
mkdirSync(join(dir, 'sites'));
writeFileSync(join(dir, 'organization.cnms'), 'organization bench "Benchmark Co." {\n    consolidation operational-control\n    period 2024\n    gwp AR6\n    ms-scope "All"\n}\nlet ncv = 389.31 GJ/(10^4 Nm3)\n');
const sources = Math.ceil(targetLines / 7);
const perSite = Math.ceil(sources / 5);
let lines = 7;
const siteText = [];
for (let s = 0; s < 5; s++) {
    const body = [`site site_${s} "Site ${s}" {`, '    location "Hangzhou, Zhejiang"', '}'];
    for (let i = 0; i < perSite; i++) {
        const n = s * perSite + i;
        body.push(`source s${n} "Source ${n}" at site_${s} {`, '    category 1', `    activity ${1000 + n}_000 Nm3 * ncv`, '    factor ipcc2006.natural_gas', '    data-quality measured', '    uncertainty 2 %', '}');
    }
    siteText.push(`${body.join('\n')}\n`);
    writeFileSync(join(dir, 'sites', `site_${s}.cnms`), siteText[s]);
    lines += body.length;
}

// CNMS_PROFILE_DIR=… writes a CPU profile of the server, to see where an edit's time goes.
const profile = process.env.CNMS_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CNMS_PROFILE_DIR}`] : [];
const server = spawn(process.execPath, [...profile, join(root, 'packages/server/out/main-node.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
const waiting = new Map();
connection.onNotification('textDocument/publishDiagnostics', params => {
    const resolve = waiting.get(params.uri);
    if (resolve) {
        waiting.delete(params.uri);
        resolve(params.diagnostics);
    }
});
connection.onRequest('workspace/configuration', params => params.items.map(() => null));
connection.onRequest('client/registerCapability', () => null);
connection.onRequest('workspace/inlayHint/refresh', () => null);
connection.onRequest('workspace/codeLens/refresh', () => null);
connection.listen();
const diagnosticsOf = uri => new Promise(resolve => waiting.set(uri, resolve));

const uri = pathToFileURL(join(dir, 'sites', 'site_2.cnms')).toString();
const started = process.hrtime.bigint();
const initial = diagnosticsOf(uri);
await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).toString(), workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'bench' }], capabilities: { workspace: { configuration: true } } });
await connection.sendNotification('initialized', {});
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cnms', version: 1, text: siteText[2] } });
await initial;
const startupMs = Number(process.hrtime.bigint() - started) / 1e6;

const toDiagnostics = [];
const toHints = [];
let text = siteText[2];
for (let i = 0; i < edits; i++) {
    // change one activity figure, as typing does
    const next = text.replace(/activity (\d+)_000 Nm3/, (_, n) => `activity ${Number(n) + 1}_000 Nm3`);
    text = next;
    const published = diagnosticsOf(uri);
    const t0 = process.hrtime.bigint();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ text }] });
    const hints = await connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 120, character: 0 } } });
    toHints.push(Number(process.hrtime.bigint() - t0) / 1e6);
    await published;
    toDiagnostics.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (!hints || hints.length === 0) throw new Error('no inlay hints');
}
const stats = values => {
    const sorted = [...values].sort((a, b) => a - b);
    return `median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, p90 ${sorted[Math.floor(sorted.length * 0.9)].toFixed(0)} ms, max ${sorted.at(-1).toFixed(0)} ms`;
};
console.log(`model: ${lines} lines in 6 files (${5 * perSite} sources); startup to first diagnostics ${startupMs.toFixed(0)} ms`);
console.log(`edit → diagnostics published: ${stats(toDiagnostics)} (${edits} edits)`);
console.log(`edit → inlay hints answered:  ${stats(toHints)}`);
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
await new Promise(resolve => server.on('exit', resolve));
process.exit(0);
