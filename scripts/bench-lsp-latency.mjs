// Benchmark (issue 9): the bundled language server over stdio, as an editor
// sees it, on the generated model of an industrial group
// (scripts/generate-group-model.mjs): 10,000 sources at 50 plants in 50 files
// by default, with its large plant file (about 4,900 lines) open, and the
// organisation file open for the net-balance code lens.
//
// It times, each against its budget:
//   startup → first diagnostics of the open file         ≤ 3 s
//   edit → diagnostics of the open file published        p95 ≤ 100 ms (≤ 60 ms at ~5,000 lines)
//   edit → code lens showing the new net                 p95 ≤ 300 ms
//   edit → status-bar net: cnms/balance answering the new  p95 ≤ 300 ms
//     net as the status bar asks first (`figuresOnly`)
//   edit → verdict: cnms/balance after the clause rules   (no budget: shown)
//   completion, hover in the open file                   p95 ≤ 50 ms
//   server RSS after --memory-edits edits                ≤ 110 % of the RSS after the first build
// and checks the figures: the balance after the first build is the
// generator's exact expectation, and after every edit the lens and cnms/balance
// show the net recomputed exactly here (BigInt rationals); a wrong figure
// fails the run (exit 1) whatever the times.
//
// An edit changes one digit of an activity (or emissions) number of the open
// file, as typing does, sent as an incremental change of that character.
//
// Usage: node scripts/bench-lsp-latency.mjs [--sources 10000] [--files 50] [--edits 50]
//          [--memory-edits 1000] [--samples 30] [--seed N] [--json] [--fail-on-miss]
//        node scripts/bench-lsp-latency.mjs --lines 5000 [...]   the ~5,000-line, 6-file model of the earlier benchmark
// CNMS_PROFILE_DIR=… writes a CPU profile of the server, to see where an edit's time goes;
// CNMS_SERVER_NODE_OPTIONS='--max-old-space-size=600' runs the server with those Node options.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { generateGroupModel, Q, writeModel } from './generate-group-model.mjs';

const root = new URL('..', import.meta.url).pathname;
const SERVER = join(root, 'packages/server/out/main-node.cjs');
const argv = process.argv.slice(2);
const has = name => argv.includes(name);
const arg = (name, fallback) => {
    const i = argv.indexOf(name);
    if (i < 0) return fallback;
    const value = argv[i + 1];
    if (!/^[0-9]+$/.test(value ?? '')) {
        console.error(`bench-lsp-latency: ${name} needs a whole number`);
        process.exit(2);
    }
    return Number.parseInt(value, 10);
};
const linesMode = argv.includes('--lines');
const targetLines = arg('--lines', 5000);
const files = arg('--files', linesMode ? 6 : 50);
const seed = arg('--seed', 20240917);
const edits = arg('--edits', 50);
const memoryEdits = arg('--memory-edits', 1000);
const samples = arg('--samples', 30);
const timeoutMs = arg('--timeout', 120_000);
const json = has('--json');
const log = json ? () => {} : line => console.log(line);

// ---------------------------------------------------------------------------
// The model

/** The generated model closest to `targetLines` lines (the --lines mode), or of `--sources` sources. */
function buildModel() {
    if (!linesMode) return generateGroupModel({ sources: arg('--sources', 10_000), files, seed });
    let sources = Math.max(1, Math.round(targetLines / 9));
    let model = generateGroupModel({ sources, files, seed });
    for (let round = 0; round < 4 && model.expected.lines !== targetLines; round++) {
        // lines grow by about 8 per source; refine from the generated count
        const next = Math.max(1, sources + Math.round((targetLines - model.expected.lines) / 8));
        if (next === sources) break;
        sources = next;
        model = generateGroupModel({ sources, files, seed });
    }
    return model;
}
const model = buildModel();
const dir = mkdtempSync(join(tmpdir(), 'cnms-latency-'));
writeModel(model.files, dir);
const bigPath = model.bigFile;
const bigUri = pathToFileURL(join(dir, bigPath)).toString();
const orgUri = pathToFileURL(join(dir, 'organization.cnms')).toString();
const bigLines = model.files.get(bigPath).split('\n');
if (bigLines.at(-1) === '') bigLines.pop();
const period = String(model.expected.period);
const editBudgetMs = model.expected.lines <= 6000 ? 60 : 100;

// the figures, exact: the net moves by (new − old) × rate of the edited source
let net = model.exact.net;
const editable = model.records.filter(r => r.file === bigPath).map(r => ({ ...r }));
if (editable.length === 0) throw new Error('the large file has no source');

// ---------------------------------------------------------------------------
// The server

const started = process.hrtime.bigint();
const profile = process.env.CNMS_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CNMS_PROFILE_DIR}`] : [];
const nodeOptions = (process.env.CNMS_SERVER_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
const server = spawn(process.execPath, [...profile, ...nodeOptions, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
let serverLog = '';
server.stderr.on('data', chunk => {
    serverLog = (serverLog + chunk).slice(-8000);
});
let exited = false;
server.on('exit', (code, signal) => {
    exited = true;
    if (!finished) fail(`the server exited (code ${code}, signal ${signal}) before the benchmark finished\n${serverLog}`);
});
let finished = false;
const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));

/** Listeners woken by any news from the server (a publication, a refresh request). */
const wakers = new Set();
let lastNews = process.hrtime.bigint();
const wake = () => {
    lastNews = process.hrtime.bigint();
    for (const w of [...wakers]) w();
};
const diagnosticWaiters = [];
const latestDiagnostics = new Map();
connection.onNotification('textDocument/publishDiagnostics', params => {
    latestDiagnostics.set(params.uri, params.diagnostics);
    for (const waiter of [...diagnosticWaiters]) {
        if (waiter.uri === params.uri) {
            diagnosticWaiters.splice(diagnosticWaiters.indexOf(waiter), 1);
            waiter.resolve(params.diagnostics);
        }
    }
    wake();
});
connection.onRequest('workspace/configuration', params => params.items.map(() => null));
connection.onRequest('client/registerCapability', () => null);
connection.onRequest('window/workDoneProgress/create', () => null);
connection.onRequest('workspace/inlayHint/refresh', () => null);
connection.onRequest('workspace/semanticTokens/refresh', () => null);
connection.onRequest('workspace/codeLens/refresh', () => {
    wake();
    return null;
});
connection.onNotification('window/logMessage', () => {});
connection.listen();

const now = () => process.hrtime.bigint();
const ms = since => Number(now() - since) / 1e6;
const withTimeout = (promise, what) => Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${timeoutMs} ms`)), timeoutMs).unref())]);
const nextDiagnostics = uri => withTimeout(new Promise(resolve => diagnosticWaiters.push({ uri, resolve })), `diagnostics of ${uri}`);
/** Resolves on the next news from the server, or after `ms` milliseconds. */
const news = (after = 25) => new Promise(resolve => {
    const done = () => {
        wakers.delete(done);
        clearTimeout(timer);
        resolve();
    };
    const timer = setTimeout(done, after);
    wakers.add(done);
});

/** Resolves once the server has sent nothing for `quietMs` (a build in progress publishes diagnostics file by file). */
/** How long the server must have been quiet before its memory is read. */
const REST_MS = 3000;

async function settle(quietMs = 1000) {
    while (Number(process.hrtime.bigint() - lastNews) / 1e6 < quietMs) await new Promise(resolve => setTimeout(resolve, 100));
}

function fail(message) {
    finished = true;
    console.error(`bench-lsp-latency: ${message}`);
    try {
        server.kill();
    } catch {
        // already gone
    }
    process.exit(1);
}

/** VmRSS and VmHWM of the server, in kB. */
function memory() {
    const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
    const kb = key => Number.parseInt(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 'NaN', 10);
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

const netTitle = () => `Net ${period}: ${Q.format(net, 3, true)} tCO2e`;

/** Asks until the organisation's code lens shows the current net; the time from `t0`, and the stale answers on the way. */
async function lensShowsNet(t0, limit = timeoutMs) {
    const wanted = netTitle();
    let stale = 0;
    for (;;) {
        const lenses = await withTimeout(connection.sendRequest('textDocument/codeLens', { textDocument: { uri: orgUri } }), 'code lens');
        if ((lenses ?? []).some(lens => lens.command?.title?.startsWith(wanted))) return { ms: ms(t0), stale };
        stale++;
        if (ms(t0) > limit) throw new Error(`the code lens never showed "${wanted}"; last: ${JSON.stringify((lenses ?? []).map(l => l.command?.title).filter(t => t?.startsWith('Net')))}`);
        await news();
    }
}

/**
 * Asks cnms/balance until it answers the current net, exactly; the time from
 * `t0`, and the stale answers on the way. `figuresOnly`: as the status bar
 * asks first, for the net as soon as the figures are computed (the clause
 * rules may still run); otherwise the answer waits for the rules (the verdict).
 */
async function balanceShowsNet(t0, figuresOnly = false) {
    const wanted = Q.toDecimal(net);
    let stale = 0;
    for (;;) {
        const balance = await withTimeout(connection.sendRequest('cnms/balance', figuresOnly ? { uri: bigUri, figuresOnly } : { uri: bigUri }), 'cnms/balance');
        if (balance?.net === wanted) return { ms: ms(t0), stale, balance };
        stale++;
        if (ms(t0) > timeoutMs) throw new Error(`cnms/balance never answered net ${wanted}; last ${balance?.net}`);
        await news();
    }
}

let version = 1;
let editCount = 0;
/** Changes one digit of the activity number of the next source of the open file; returns the change sent. */
function nextEdit() {
    const record = editable[(editCount * 37) % editable.length];
    editCount++;
    const digits = [...record.number].map((c, i) => (/[0-9]/.test(c) ? i : -1)).filter(i => i >= 0);
    // the second digit (never the leading one, so the number keeps its size); the only digit of a one-digit number
    const at = digits.length > 1 ? digits[1] : digits[0];
    const old = Number.parseInt(record.number[at], 10);
    const digit = digits.length > 1 ? (old + 1) % 10 : (old % 9) + 1;
    const number = record.number.slice(0, at) + digit + record.number.slice(at + 1);
    const character = record.character + at;
    const line = bigLines[record.line];
    bigLines[record.line] = line.slice(0, character) + digit + line.slice(character + 1);
    const co2e = Q.mul(record.rate, Q.parse(number));
    net = Q.add(net, Q.sub(co2e, record.co2e));
    record.co2e = co2e;
    record.number = number;
    version++;
    return {
        textDocument: { uri: bigUri, version },
        contentChanges: [{ range: { start: { line: record.line, character }, end: { line: record.line, character: character + 1 } }, rangeLength: 1, text: String(digit) }]
    };
}

// ---------------------------------------------------------------------------
// Figures: percentiles (nearest rank) and budget lines

function stats(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const rank = p => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
    return { n: sorted.length, p50: rank(50), p95: rank(95), max: sorted.at(-1) };
}
const results = [];
const f0 = v => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
/** One line of figures; `budget` undefined: shown for information, no budget. */
function report(name, values, budget, key = 'p95', extra = {}) {
    const s = stats(values);
    const pass = budget === undefined ? undefined : s[key] <= budget;
    const round = v => Math.round(v * 10) / 10;
    results.push({ metric: name, n: s.n, p50: round(s.p50), p95: round(s.p95), max: round(s.max), budgetMs: budget, budgetOn: key, pass, ...extra });
    const figures = s.n === 1 ? `${f0(s.max)} ms`.padEnd(40) : `p50 ${f0(s.p50)} ms  p95 ${f0(s.p95)} ms  max ${f0(s.max)} ms`.padEnd(40);
    const verdict = budget === undefined ? '(no budget)' : `budget ${s.n === 1 ? '' : `${key} `}≤ ${budget} ms  ${pass ? 'PASS' : 'MISS'}`;
    log(`${name.padEnd(40)} ${figures} n=${String(s.n).padEnd(5)} ${verdict}`);
}

// ---------------------------------------------------------------------------
// The run

const checks = [];
function check(what, ok, detail) {
    checks.push({ check: what, ok, detail });
    log(`check: ${what}: ${ok ? 'OK' : 'WRONG'}${detail ? ` (${detail})` : ''}`);
    if (!ok) process.exitCode = 1;
}

try {
    const e = model.expected;
    log(`model: ${e.sources} sources at ${e.sites} sites in ${e.cnmsFiles} files, ${e.lines} lines; open ${bigPath} (${bigLines.length} lines, ${editable.length} sources) and organization.cnms`);
    log(`server: ${SERVER.slice(root.length)}; node ${process.version}; ${cpus().length} CPUs; seed ${seed}; args: ${argv.join(' ') || '(defaults)'}`);

    // startup: spawn → initialize → open the large file → its first diagnostics
    const firstDiagnostics = nextDiagnostics(bigUri);
    await withTimeout(connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(dir).toString(),
        workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'bench' }],
        capabilities: {
            workspace: { configuration: true, codeLens: { refreshSupport: true }, inlayHint: { refreshSupport: true } },
            textDocument: { synchronization: { didSave: true }, publishDiagnostics: {}, codeLens: {}, hover: { contentFormat: ['markdown', 'plaintext'] }, completion: { completionItem: { snippetSupport: true } } }
        },
        initializationOptions: { locale: 'en' }
    }), 'initialize');
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'cnms', version, text: `${bigLines.join('\n')}\n` } });
    const diagnostics = await firstDiagnostics;
    report('startup → first diagnostics', [ms(started)], 3000, 'max');
    const errors = diagnostics.filter(d => d.severity === 1);
    check('no error in the open file', errors.length === 0, errors.length ? errors.slice(0, 3).map(d => d.message).join('; ') : `${diagnostics.length} diagnostics`);

    // the organisation file, for the net lens; then the first build's figures and memory
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: orgUri, languageId: 'cnms', version: 1, text: model.files.get('organization.cnms') } });
    const balance = await withTimeout(connection.sendRequest('cnms/balance', { uri: bigUri }), 'cnms/balance');
    check('cnms/balance after the first build = the generator\'s exact figures',
        balance?.emissions === e.emissions && balance?.removals === e.removals && balance?.offsets === e.offsets && balance?.net === e.net && balance?.errors === 0,
        `emissions ${balance?.emissions} (expected ${e.emissions}), net ${balance?.net} (expected ${e.net}), ${balance?.errors} errors, ${balance?.warnings} warnings`);
    const firstLens = await lensShowsNet(now(), 10_000).then(() => true, () => false);
    check('code lens after the first build shows the net', firstLens, netTitle());
    // memory is read at rest, after 3 s without news from the server
    await settle(REST_MS);
    const memoryFirst = memory();

    // edits: one digit each; diagnostics, lens and balance, all from the didChange
    const toDiagnostics = [];
    const toLens = [];
    const toBalance = [];
    const toVerdict = [];
    let staleLens = 0;
    let staleBalance = 0;
    for (let i = 0; i < edits; i++) {
        const change = nextEdit();
        const published = nextDiagnostics(bigUri);
        const t0 = now();
        await connection.sendNotification('textDocument/didChange', change);
        const [d, lens, bal, verdict] = await Promise.all([
            published.then(ds => ({ ms: ms(t0), ds })),
            lensShowsNet(t0),
            balanceShowsNet(t0, true),
            balanceShowsNet(t0)
        ]);
        toDiagnostics.push(d.ms);
        toLens.push(lens.ms);
        toBalance.push(bal.ms);
        toVerdict.push(verdict.ms);
        staleLens += lens.stale;
        staleBalance += bal.stale + verdict.stale;
        if (verdict.balance.errors !== 0 || !verdict.balance.rulesChecked) check(`no error after edit ${i + 1}`, false, `${verdict.balance.errors} errors, rules checked: ${verdict.balance.rulesChecked}`);
    }
    if (edits > 0) {
        report('edit → diagnostics published', toDiagnostics, editBudgetMs);
        report('edit → code lens shows the new net', toLens, 300, 'p95', { staleAnswers: staleLens });
        report('edit → status-bar net (cnms/balance)', toBalance, 300, 'p95', { staleAnswers: staleBalance });
        report('edit → verdict (rules run)', toVerdict, undefined, 'p95');
        log(`  (stale answers re-asked: code lens ${staleLens}, cnms/balance ${staleBalance}; every edit's net checked exactly)`);
    }

    // completion and hover, in the steady state, at positions spread over the open file
    await settle();
    const completion = [];
    const hover = [];
    let emptyCompletions = 0;
    let emptyHovers = 0;
    for (let i = 0; i < samples; i++) {
        const record = editable[(i * 53 + 11) % editable.length];
        const valueLine = bigLines[record.line];
        const block = [];
        for (let l = record.startLine; bigLines[l] !== '}'; l++) block.push([l, bigLines[l]]);
        const meterLine = block.find(([, text]) => text.startsWith('    monitored-by '));
        const factorLine = block.find(([, text]) => text.startsWith('    factor '));
        const named = ['ncv_ng', 'ncv_gas_diesel_oil', 'ef_limestone'].find(name => valueLine.includes(name));
        const hoverAt = [
            { line: record.startLine, character: 'source '.length + 2 },                       // the source's name
            factorLine && { line: factorLine[0], character: factorLine[1].length - 3 },        // the factor it names
            named && { line: record.line, character: valueLine.indexOf(named) + 2 }            // a value its expression names
        ].filter(Boolean);
        const completeAt = [
            meterLine && { line: meterLine[0], character: meterLine[1].length },                // end of a meter name
            factorLine && { line: factorLine[0], character: factorLine[1].length },              // end of a factor name
            { line: record.startLine + 1, character: 4 },                                        // start of a property
            { line: record.line, character: valueLine.length }                                   // end of an expression
        ].filter(Boolean);
        const h = hoverAt[i % hoverAt.length];
        const c = completeAt[i % completeAt.length];
        let t0 = now();
        const hovered = await withTimeout(connection.sendRequest('textDocument/hover', { textDocument: { uri: bigUri }, position: h }), 'hover');
        hover.push(ms(t0));
        if (!hovered) emptyHovers++;
        t0 = now();
        const completed = await withTimeout(connection.sendRequest('textDocument/completion', { textDocument: { uri: bigUri }, position: c }), 'completion');
        completion.push(ms(t0));
        const items = Array.isArray(completed) ? completed : completed?.items ?? [];
        if (items.length === 0) emptyCompletions++;
    }
    if (samples > 0) {
        report('completion', completion, 50, 'p95', { empty: emptyCompletions });
        report('hover', hover, 50, 'p95', { empty: emptyHovers });
        log(`  (${samples} of each; empty answers: completion ${emptyCompletions}, hover ${emptyHovers})`);
    }

    // memory: RSS after the first build and after --memory-edits more edits
    let memoryAfter;
    if (memoryEdits > 0) {
        const t0 = now();
        for (let i = 0; i < memoryEdits; i++) {
            const published = nextDiagnostics(bigUri);
            await connection.sendNotification('textDocument/didChange', nextEdit());
            await published;
        }
        const last = await balanceShowsNet(now());
        check(`cnms/balance after ${memoryEdits} more edits answers the exact net`, last.balance.net === Q.toDecimal(net) && last.balance.errors === 0, `net ${last.balance.net}`);
        await settle(REST_MS);
        memoryAfter = memory();
        const ratio = (memoryAfter.rss * 100) / memoryFirst.rss;
        const pass = ratio <= 110;
        results.push({ metric: 'memory', rssFirstKiB: memoryFirst.rss, rssAfterKiB: memoryAfter.rss, edits: memoryEdits, ratioPercent: Number(ratio.toFixed(1)), peakKiB: memoryAfter.hwm, budgetPercent: 110, pass, seconds: Number((ms(t0) / 1000).toFixed(1)) });
        const mib = kb => `${(kb / 1024).toFixed(0)} MiB`;
        log(`${'memory (server RSS)'.padEnd(40)} ${`first build ${mib(memoryFirst.rss)}, after ${memoryEdits} edits ${mib(memoryAfter.rss)} (${ratio.toFixed(1)} %), peak ${mib(memoryAfter.hwm)}`.padEnd(40)}  budget ≤ 110 %  ${pass ? 'PASS' : 'MISS'}`);
        log(`  (${memoryEdits} edits, each waiting for the open file's diagnostics, in ${(ms(t0) / 1000).toFixed(1)} s)`);
    } else {
        results.push({ metric: 'memory', rssFirstKiB: memoryFirst.rss, edits: 0 });
        log(`${'memory (server RSS)'.padEnd(40)} first build ${(memoryFirst.rss / 1024).toFixed(0)} MiB (--memory-edits 0: not compared)`);
    }

    const final = await balanceShowsNet(now()).catch(error => ({ error }));
    check(`net after ${editCount} edits = ${Q.toDecimal(net)} tCO2e, computed exactly here`, !final.error, final.error?.message);

    if (json) {
        console.log(JSON.stringify({
            model: { ...model.expected, bigFile: bigPath, bigFileLines: bigLines.length, seed },
            args: argv, node: process.version, cpus: cpus().length,
            results, checks,
            net: Q.toDecimal(net)
        }, null, 2));
    }
    finished = true;
    await Promise.race([connection.sendRequest('shutdown'), new Promise(resolve => setTimeout(resolve, 5000))]);
    await connection.sendNotification('exit');
    if (!exited) await Promise.race([new Promise(resolve => server.on('exit', resolve)), new Promise(resolve => setTimeout(resolve, 5000))]);
    if (!exited) server.kill();
    rmSync(dir, { recursive: true, force: true });
    if (has('--fail-on-miss') && results.some(r => r.pass === false)) process.exitCode = 1;
    process.exit(process.exitCode ?? 0);
} catch (error) {
    fail(error instanceof Error ? error.stack ?? error.message : String(error));
}
