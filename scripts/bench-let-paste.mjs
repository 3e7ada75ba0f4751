#!/usr/bin/env node
// A 2 MB paste of lets (scripts/generate-let-paste.mjs) into an open document,
// over the protocol, as an editor sends it: the bundled server on a model of an
// organisation file, a small file of lets (open) and an empty file (open),
// into which the text is pasted whole (one didChange). Prints
//   paste → first diagnostics of the pasted file
//   hovers in the small file, one after the other (100 ms apart) until the
//     paste is diagnosed: how many, the slowest answer, and the time spent
//     waiting on answers slower than 1 s (the server deaf)
//   the server's RSS at rest after the paste (3 s without news, after the
//     server's idle collection) and its live heap (scripts/heap-on-signal.cjs)
//   then the same after undoing the paste (the empty text again).
// Usage: node scripts/bench-let-paste.mjs [--bytes 2000000] [--json]
// CNMS_PROFILE_DIR=… writes a CPU profile of the server.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { letPaste } from './generate-let-paste.mjs';

const root = new URL('..', import.meta.url).pathname;
const SERVER = join(root, 'packages/server/out/main-node.cjs');
const argv = process.argv.slice(2);
const arg = (name, fallback) => {
    const i = argv.indexOf(name);
    return i < 0 ? fallback : Number(argv[i + 1]);
};
const json = argv.includes('--json');
const log = json ? () => {} : line => console.log(line);
const text = letPaste(arg('--bytes', 2_000_000));

const dir = mkdtempSync(join(tmpdir(), 'cnms-paste-'));
const ORG = 'organization acme "Acme" { period 2024 consolidation operational-control ms-scope "All" }\nsite s\nsource a at s { category 1 emissions small * 2 }\n';
const SMALL = 'let small = 3 t\n';
writeFileSync(join(dir, 'org.cnms'), ORG);
writeFileSync(join(dir, 'small.cnms'), SMALL);
writeFileSync(join(dir, 'paste.cnms'), '');
const uri = name => pathToFileURL(join(dir, name)).toString();

const profile = process.env.CNMS_PROFILE_DIR ? [`--cpu-prof`, `--cpu-prof-dir=${process.env.CNMS_PROFILE_DIR}`] : [];
const heapFile = join(dir, 'heap.json');
// CNMS_HEAP_SNAPSHOT_DIR=…: the server writes a heap snapshot there at rest after the paste and after the undo
const snapshots = process.env.CNMS_HEAP_SNAPSHOT_DIR;
const snapshot = async () => {
    if (!snapshots) return;
    const count = () => readdirSync(snapshots).filter(name => name.endsWith('.heapsnapshot')).length;
    const before = count();
    server.kill('SIGUSR1');
    while (count() === before) await new Promise(resolve => setTimeout(resolve, 200));
    await settle(1000);
};
const server = spawn(process.execPath, [...profile, ...(snapshots ? ['--heapsnapshot-signal=SIGUSR1'] : []), '--require', join(root, 'scripts/heap-on-signal.cjs'), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: snapshots ?? process.cwd(), env: { ...process.env, CNMS_HEAP_FILE: heapFile } });
server.stderr.resume();
const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
const now = () => performance.now();
let lastNews = now();
const waiters = [];
connection.onNotification('textDocument/publishDiagnostics', params => {
    lastNews = now();
    for (const waiter of [...waiters]) if (waiter.uri === params.uri && waiter.accept(params)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(params);
    }
});
for (const method of ['workspace/configuration']) connection.onRequest(method, params => params.items.map(() => null));
for (const method of ['client/registerCapability', 'workspace/codeLens/refresh', 'workspace/inlayHint/refresh', 'workspace/semanticTokens/refresh']) connection.onRequest(method, () => { lastNews = now(); return null; });
connection.listen();
const diagnosticsOf = (target, accept = () => true) => new Promise(resolve => waiters.push({ uri: target, accept, resolve }));
const settle = async quietMs => { while (now() - lastNews < quietMs) await new Promise(resolve => setTimeout(resolve, 100)); };
const memory = () => {
    const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)[1]) / 1024;
};
/** The server's live heap in MB, after a full collection. */
const heap = async () => {
    rmSync(heapFile, { force: true });
    server.kill('SIGUSR2');
    for (;;) {
        await new Promise(resolve => setTimeout(resolve, 100));
        try {
            return JSON.parse(readFileSync(heapFile, 'utf8')).heapUsed / 1e6;
        } catch {
            // not written yet
        }
    }
};

await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).toString(), workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'paste' }], capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {}, hover: { contentFormat: ['markdown'] } } }, initializationOptions: { locale: 'en' } });
await connection.sendNotification('initialized', {});
const first = diagnosticsOf(uri('paste.cnms'));
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('small.cnms'), languageId: 'cnms', version: 1, text: SMALL } });
await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('paste.cnms'), languageId: 'cnms', version: 1, text: '' } });
await first;
await settle(3000);
const results = { bytes: text.length, lets: text.split('\n').length - 1, rssBeforeMiB: memory(), heapBeforeMB: await heap() };

// the paste; hovers in the other file, one after the other, until the paste is diagnosed
const t0 = now();
let diagnosed = false;
const pasted = diagnosticsOf(uri('paste.cnms')).then(() => {
    diagnosed = true;
    return now() - t0;
});
await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('paste.cnms'), version: 2 }, contentChanges: [{ text }] });
const hovers = [];
while (!diagnosed) {
    const t1 = now();
    const answer = await connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('small.cnms') }, position: { line: 0, character: 5 } });
    if (!answer) throw new Error('a hover in the other file had no answer');
    hovers.push(now() - t1);
    await new Promise(resolve => setTimeout(resolve, 100));
}
results.pasteToDiagnosticsMs = Math.round(await pasted);
results.hovers = hovers.length;
results.hoverMaxMs = Math.round(Math.max(...hovers));
results.hoverOver1sMs = Math.round(hovers.filter(ms => ms > 1000).reduce((a, b) => a + b, 0));
await settle(3000);
results.rssAfterPasteMiB = memory();
results.heapAfterPasteMB = await heap();
await snapshot();

// undo
const t2 = now();
const undone = diagnosticsOf(uri('paste.cnms'));
await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('paste.cnms'), version: 3 }, contentChanges: [{ text: '' }] });
await undone;
results.undoToDiagnosticsMs = Math.round(now() - t2);
await settle(3000);
results.rssAfterUndoMiB = memory();
results.heapAfterUndoMB = await heap();
await snapshot();

await Promise.race([connection.sendRequest('shutdown'), new Promise(resolve => setTimeout(resolve, 5000))]);
await connection.sendNotification('exit');
await new Promise(resolve => setTimeout(resolve, 500));
server.kill();
rmSync(dir, { recursive: true, force: true });
for (const key of Object.keys(results)) if (typeof results[key] === 'number' && !Number.isInteger(results[key])) results[key] = Math.round(results[key]);
if (json) console.log(JSON.stringify(results));
else {
    log(`${results.lets} lets, ${results.bytes} bytes pasted into an open document`);
    log(`before the paste: RSS ${results.rssBeforeMiB} MiB, heap ${results.heapBeforeMB} MB`);
    log(`paste → first diagnostics of the pasted file: ${results.pasteToDiagnosticsMs} ms`);
    log(`hovers in another file until then: ${results.hovers}, the slowest answered in ${results.hoverMaxMs} ms; ${results.hoverOver1sMs} ms spent waiting on answers slower than 1 s`);
    log(`at rest after the paste: RSS ${results.rssAfterPasteMiB} MiB, heap ${results.heapAfterPasteMB} MB`);
    log(`undo → diagnostics ${results.undoToDiagnosticsMs} ms; at rest after the undo: RSS ${results.rssAfterUndoMiB} MiB, heap ${results.heapAfterUndoMB} MB`);
}
