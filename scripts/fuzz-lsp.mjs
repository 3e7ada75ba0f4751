// Fuzzing harness (issue 10): the bundled language server over stdio, as an
// editor runs it, on a copy of a model (default examples/steel), edited at
// random and asked for every feature at random places.
//
// An edit is one of: a character typed or deleted, a word typed character by
// character (with a request after each), a line deleted, duplicated or
// swapped, two tokens swapped, a paste from another file of the model or from
// the hostile-input corpus (test/fixtures/hostile), a truncation, deep
// parentheses, a long sum, a huge number, Unicode (CJK, emoji, a lone
// surrogate, zero-width and control characters), or the original text back.
// After each edit, random requests: hover, completion, definition,
// references, highlights, document symbols, folding ranges, code lenses,
// inlay hints, semantic tokens, formatting, code actions, rename (prepare and
// edits), workspace symbols, and the custom cnms/balance, cnms/report (each
// format), cnms/validateWorkspace and cnms/builtinContent.
//
// It fails on: the server exiting; an answer slower than --budget-ms (2 s);
// a JSON-RPC error answer (a request the server cancels because the text
// changed under it, -32800/-32801, is counted apart, not a failure); one of
// the words `undefined`, `NaN`, `Infinity`, `null` or `[object Object]` in
// any text a reader sees (answers, published diagnostics); diagnostics that
// do not come back to the first build's after every file's original text is
// restored (checked every --check-every edits and at the end). It prints a
// summary, the first failures with what reproduces them, and exits 1 on
// any failure.
//
// Usage: node scripts/fuzz-lsp.mjs [--edits 1000] [--seed 1] [--model examples/steel]
//          [--requests 3] [--check-every 100] [--budget-ms 2000] [--quiet] [--with-pending]
// (--with-pending: also the stress edits and pastes of the hostile cases in
// test/fixtures/hostile/pending-fix.json, which other branches fix)
//        (pnpm fuzz -- --edits 2000)
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { seededRandom } from './seeded-random.mjs';

const root = new URL('..', import.meta.url).pathname;
const SERVER = join(root, 'packages/server/out/main-node.cjs');
const HOSTILE = join(root, 'test/fixtures/hostile');

// ---------------------------------------------------------------------------
// Arguments

const argv = process.argv.slice(2).filter(a => a !== '--');
function usage(message) {
    console.error(`fuzz-lsp: ${message}\nusage: node scripts/fuzz-lsp.mjs [--edits N] [--seed S] [--model DIR] [--requests N] [--check-every N] [--budget-ms MS] [--quiet] [--with-pending]`);
    process.exit(2);
}
const known = new Set(['--edits', '--seed', '--model', '--requests', '--check-every', '--budget-ms', '--quiet', '--with-pending']);
for (let i = 0; i < argv.length; i++) {
    if (!known.has(argv[i])) usage(`unknown argument ${JSON.stringify(argv[i])}`);
    if (argv[i] !== '--quiet' && argv[i] !== '--with-pending') i++;
}
function arg(name, fallback) {
    const i = argv.indexOf(name);
    if (i < 0) return fallback;
    const value = argv[i + 1];
    if (!/^[0-9]+$/.test(value ?? '')) usage(`${name} needs a whole number`);
    return Number.parseInt(value, 10);
}
const edits = arg('--edits', 1000);
const seed = arg('--seed', 1);
const requestsPerEdit = arg('--requests', 3);
const checkEvery = Math.max(1, arg('--check-every', 100));
const budgetMs = arg('--budget-ms', 2000);
const quiet = argv.includes('--quiet');
const withPending = argv.includes('--with-pending');
const modelIndex = argv.indexOf('--model');
const modelSource = resolve(modelIndex >= 0 ? argv[modelIndex + 1] ?? usage('--model needs a folder') : join(root, 'examples/steel'));
if (!existsSync(modelSource) || !statSync(modelSource).isDirectory()) usage(`no model folder ${modelSource}`);
if (!existsSync(SERVER)) usage('the server is not built: run `pnpm build` first');
const log = quiet ? () => {} : line => console.log(line);

// ---------------------------------------------------------------------------
// The model, copied so the original is never touched

function filesUnder(dir, accept) {
    return readdirSync(dir).flatMap(name => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? filesUnder(path, accept) : accept(name) ? [path] : [];
    }).sort();
}
const dir = mkdtempSync(join(tmpdir(), 'cnms-fuzz-'));
cpSync(modelSource, dir, { recursive: true });
const files = filesUnder(dir, name => name.endsWith('.cnms')).map(path => {
    const text = readFileSync(path, 'utf8');
    return { path, name: relative(dir, path), uri: pathToFileURL(path).toString(), original: text, text, version: 1 };
});
if (files.length === 0) usage(`no .cnms file in ${modelSource}`);
/** Every file of the model's copy (the .cnms files, cnms.json, evidence, datasets) and its digest: the server must never write one. */
const digest = path => createHash('sha256').update(readFileSync(path)).digest('hex');
const onDisk = new Map(filesUnder(dir, () => true).map(path => [path, digest(path)]));
/** The files of the copy that were changed, created or deleted on disk since the start. */
function filesChangedOnDisk() {
    const now = new Set(filesUnder(dir, () => true));
    const changed = [...now].filter(path => !onDisk.has(path) || onDisk.get(path) !== digest(path));
    const gone = [...onDisk.keys()].filter(path => !now.has(path));
    return [...changed, ...gone].map(path => relative(dir, path));
}
const organization = files.find(f => /^\s*organization\b/m.test(f.original)) ?? files[0];

/** Words a reader must never see; pasted text is cleaned of them so that only the server can bring them. */
const FORBIDDEN = /\b(?:undefined|NaN|Infinity|null)\b|\[object Object\]/;
const clean = text => text.replace(new RegExp(FORBIDDEN.source, 'g'), 'x');
/**
 * The hostile-input cases that still fail for fixes made on other branches
 * (test/fixtures/hostile/pending-fix.json, the one list of them): left out of
 * the pastes and the stress edits unless --with-pending.
 */
const PENDING_FIX = new Set(existsSync(join(HOSTILE, 'pending-fix.json')) && !withPending
    ? Object.keys(JSON.parse(readFileSync(join(HOSTILE, 'pending-fix.json'), 'utf8'))).filter(key => !key.startsWith('$'))
    : []);
const hostile = existsSync(HOSTILE)
    ? filesUnder(HOSTILE, name => /\.(cnms|json)$/.test(name))
        .filter(path => !PENDING_FIX.has(relative(HOSTILE, path).split(/[\\/]/)[0]) && !path.endsWith('pending-fix.json'))
        .map(path => readFileSync(path, 'utf8')).filter(text => !text.includes('\uFFFD')).map(clean)
    : [];

// ---------------------------------------------------------------------------
// The server

// the server's live heap at the rest points, read through scripts/heap-on-signal.cjs (a full collection, then process.memoryUsage())
const heapDir = mkdtempSync(join(tmpdir(), 'cnms-fuzz-heap-'));
const heapFile = join(heapDir, 'heap.json');
const server = spawn(process.execPath, ['--require', join(root, 'scripts/heap-on-signal.cjs'), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, CNMS_HEAP_FILE: heapFile } });
let serverLog = '';
server.stderr.on('data', chunk => (serverLog = (serverLog + chunk).slice(-4000)));
let finished = false;
const failures = [];
const counts = { edits: 0, requests: 0, crashes: 0, slow: 0, errors: 0, cancelled: 0, forbidden: 0, restoreChecks: 0, restoreFailures: 0 };
const editKinds = new Map();
const times = [];
let context = 'starting';

function fail(kind, detail) {
    failures.push({ kind, detail, context });
}

server.on('exit', (code, signal) => {
    if (finished) return;
    counts.crashes++;
    fail('crash', `the server exited (code ${code}, signal ${signal})\n${serverLog}`);
    report();
});

const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
const diagnostics = new Map();
let lastPublication = Date.now();
connection.onNotification('textDocument/publishDiagnostics', params => {
    diagnostics.set(params.uri, params.diagnostics);
    lastPublication = Date.now();
    for (const d of params.diagnostics) {
        scan(d.message, `diagnostic of ${relative(dir, new URL(params.uri).pathname)}`);
        for (const related of d.relatedInformation ?? []) scan(related.message, 'related information of a diagnostic');
    }
});
connection.onRequest('workspace/configuration', params => params.items.map(() => null));
connection.onRequest('client/registerCapability', () => null);
connection.onRequest('window/workDoneProgress/create', () => null);
connection.onRequest('workspace/inlayHint/refresh', () => null);
connection.onRequest('workspace/semanticTokens/refresh', () => null);
connection.onRequest('workspace/codeLens/refresh', () => null);
connection.onNotification('window/logMessage', () => {});
connection.onNotification('window/showMessage', params => scan(params.message, 'window/showMessage'));
connection.listen();

/** The first forbidden word in a text a reader sees, counted once per answer. */
function scan(text, where) {
    if (typeof text !== 'string') return false;
    const match = FORBIDDEN.exec(text);
    if (!match) return false;
    counts.forbidden++;
    const at = match.index;
    fail('forbidden word', `${JSON.stringify(match[0])} in ${where}: …${text.slice(Math.max(0, at - 60), at + 60)}…`);
    return true;
}

/** Every string a reader may see in an answer (not ids, URIs, commands or `data` for the server's own use). */
function readerStrings(value, key = '', out = []) {
    if (typeof value === 'string') {
        if (!['uri', 'targetUri', 'command', 'href', 'data', 'kind', 'scheme'].includes(key)) out.push(value);
    } else if (Array.isArray(value)) {
        for (const item of value) readerStrings(item, key, out);
    } else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) if (k !== 'data' && k !== 'arguments') readerStrings(v, k, out);
    }
    return out;
}

/** What a reader sees of a report: the text of md and csv, the text and attributes of html (not its scripts), the strings of json. */
function reportText(format, content) {
    if (format === 'xlsx') return [];
    if (format === 'json') return readerStrings(JSON.parse(content));
    if (format === 'html') return [content.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<style\b[\s\S]*?<\/style>/gi, '')];
    return [content];
}

/**
 * VmRSS of the server in MB once it has been idle long enough to give memory
 * back (packages/server/src/idle-memory.ts: 2 s after the last change), the
 * same way after the first build and after the run.
 */
async function rssAtRest() {
    await sleep(4000);
    return rssMb();
}

/** The server's live heap in MB after a full collection, or undefined. */
async function liveHeapMb() {
    rmSync(heapFile, { force: true });
    try {
        server.kill('SIGUSR2');
    } catch {
        return undefined;
    }
    for (let waited = 0; waited < 10_000 && !existsSync(heapFile); waited += 50) await sleep(50);
    try {
        return Math.round(JSON.parse(readFileSync(heapFile, 'utf8')).heapUsed / 1e6);
    } catch {
        return undefined;
    }
}

/** VmRSS of the server in MB (Linux), or undefined. */
function rssMb() {
    try {
        const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1];
        return kb ? Math.round(Number(kb) / 1024) : undefined;
    } catch {
        return undefined;
    }
}

const sleep = ms => new Promise(r => setTimeout(r, ms));
const HANG_MS = Math.max(60_000, budgetMs * 10);

/** One request, timed and checked; its result, or undefined when it failed. */
async function request(method, params, what = method) {
    if (finished) return undefined;
    counts.requests++;
    const started = performance.now();
    let timer;
    try {
        const result = await Promise.race([
            connection.sendRequest(method, params),
            new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('hang')), HANG_MS)))
        ]);
        const ms = performance.now() - started;
        times.push(ms);
        if (ms > budgetMs) {
            counts.slow++;
            fail('slow answer', `${what} answered in ${Math.round(ms)} ms (budget ${budgetMs} ms)`);
        }
        if (method === 'cnms/report' && result) {
            for (const text of reportText(params.format, result.content)) if (scan(text, `${what} (${params.format})`)) break;
        } else {
            for (const text of readerStrings(result)) if (scan(text, `the answer to ${what}`)) break;
        }
        return result;
    } catch (error) {
        if (error?.message === 'hang') {
            counts.slow++;
            fail('hang', `${what} had no answer within ${HANG_MS / 1000} s`);
            finished = true;
            return undefined;
        }
        if (error?.code === -32800 || error?.code === -32801) {
            counts.cancelled++;
            return undefined;
        }
        if (finished) return undefined;
        counts.errors++;
        fail('error answer', `${what}: ${error?.code ?? ''} ${error?.message ?? String(error)}`);
        return undefined;
    } finally {
        clearTimeout(timer);
    }
}

// ---------------------------------------------------------------------------
// Edits

const next = seededRandom(seed);
const int = n => Math.floor(next() * n);
const pick = items => items[int(items.length)];
const chance = p => next() < p;

const CHARACTERS = [
    ...'abcxyz_019.,;:+-*/^()[]{}"\'#=<> \n\t',
    '中', '碳', '²', '😀', '👩‍🔬', '\ud83d', '\udca9', '\u200b', '\u202e', '\u0000', '\u0007', '\r', '\u2028', '\ufeff', 'é', 'ﬁ'
];
const TYPED = [
    'site ', 'site plant2 { name "P2" }\n', 'source s9 at ', 'let y = 10^', 'let z = 0^-1\n', 'factor f9 { CO2 2.5 t/t }\n',
    'activity 12 t\n', 'emissions 3 tCO2e\n', 'category 1\n', 'x'.repeat(300), '1/0', '"unterminated', '/* open comment',
    '// 注释 😀\n', 'organization ', '(((', ')))', '}', '{'
].filter(word => !(PENDING_FIX.has('incomplete-power') && word.includes('^'))); // typed, `10^` is an incomplete power on the way

/**
 * Random text of a kind that stresses a parser or an evaluator, each named by
 * its case of the hostile corpus (left out while that case is pending a fix).
 */
const STRESS = [
    ['deep-parentheses', () => {
        const depth = 1 + int(300);
        return `\nlet deep_${depth} = ${'('.repeat(depth)}1${')'.repeat(depth)}\n`;
    }],
    ['sum-3732-terms', () => {
        const terms = 1 + int(4000);
        return `\nlet sum_${terms} = ${Array.from({ length: terms }, (_, i) => String(i % 97)).join(' + ')}\n`;
    }],
    ['huge-number', () => `\nlet huge = ${'9'.repeat(1 + int(3000))}${chance(0.5) ? `.${'1'.repeat(int(500))}` : ''}\n`],
    ['unary-minus-531', () => `\nlet minus = ${'-'.repeat(1 + int(600))}1\n`],
    ['incomplete-power', () => `\nlet power = 10^${pick(['', ' '])}\n`],
    ['zero-negative-power', () => `\nlet power = ${pick(['0', '10', '2'])}^${pick(['-1', '999999999999', '-999999999999', '1_0', '0.5', '99999'])}\n`],
    ['emoji-token', () => `\nlet ${pick(['😀', '\ud83d', '中文', 'a\u200bb', 'é'])} = 1\n`],
    ['formula-strings', () => `\nsite formula_${int(99)} "=cmd|' /C calc'!A0" { location "+SUM(1,2)" }\n`],
    ['year-200000', () => `\ntarget t_${int(99)} { kind carbon-neutral year ${pick(['200000', '50', '0', '99999999999999999999'])} }\n`]
].filter(([name]) => !PENDING_FIX.has(name));

function hostileSnippet() {
    if (chance(0.3) && hostile.length > 0) return pick(hostile).slice(0, 2000);
    return STRESS.length > 0 ? pick(STRESS)[1]() : '\nlet q = (\n';
}

/** A random offset of a text (in UTF-16 units: now and then in the middle of a surrogate pair). */
function offsetIn(text) {
    return int(text.length + 1);
}

/** The edit: [start, end, replacement] of the file's text, and its kind. */
function randomEdit(file) {
    const text = file.text;
    const lines = text.split('\n');
    const lineStart = index => lines.slice(0, index).reduce((n, l) => n + l.length + 1, 0);
    const kind = pick(['char', 'char', 'char', 'delete', 'line', 'swap-lines', 'token-swap', 'paste-model', 'paste-hostile', 'truncate', 'stress', 'unicode', 'restore']);
    switch (kind) {
        case 'char': {
            const at = offsetIn(text);
            return chance(0.5) ? { kind, start: at, end: at, insert: pick(CHARACTERS) } : { kind: 'char-delete', start: at, end: Math.min(text.length, at + 1), insert: '' };
        }
        case 'delete': {
            const at = offsetIn(text);
            return { kind, start: at, end: Math.min(text.length, at + 1 + int(40)), insert: '' };
        }
        case 'line': {
            const index = int(lines.length);
            const start = lineStart(index);
            const end = Math.min(text.length, start + lines[index].length + 1);
            return chance(0.5) ? { kind: 'line-delete', start, end, insert: '' } : { kind: 'line-duplicate', start, end: start, insert: text.slice(start, end) || '\n' };
        }
        case 'swap-lines': {
            const a = int(lines.length);
            const b = int(lines.length);
            const swapped = [...lines];
            [swapped[a], swapped[b]] = [swapped[b], swapped[a]];
            return { kind, start: 0, end: text.length, insert: swapped.join('\n') };
        }
        case 'token-swap': {
            const tokens = [...text.matchAll(/[A-Za-z_][A-Za-z0-9_.]*|[0-9][0-9_.]*|[{}()^*/+-]/g)];
            if (tokens.length < 2) return { kind, start: 0, end: 0, insert: '' };
            const a = pick(tokens);
            const b = pick(tokens);
            const [first, second] = a.index <= b.index ? [a, b] : [b, a];
            if (first.index + first[0].length > second.index) return { kind, start: first.index, end: first.index, insert: '' };
            return { kind, start: first.index, end: second.index + second[0].length, insert: second[0] + text.slice(first.index + first[0].length, second.index) + first[0] };
        }
        case 'paste-model': {
            const other = pick(files).text;
            const from = int(other.length);
            const at = offsetIn(text);
            return { kind, start: at, end: at, insert: other.slice(from, from + 1 + int(400)) };
        }
        case 'paste-hostile': {
            const at = offsetIn(text);
            return { kind, start: at, end: at, insert: hostile.length > 0 ? pick(hostile) : '\u0000' };
        }
        case 'truncate': {
            const at = offsetIn(text);
            return { kind, start: at, end: text.length, insert: '' };
        }
        case 'stress': {
            const at = chance(0.5) ? text.length : lineStart(int(lines.length));
            return { kind, start: at, end: at, insert: hostileSnippet() };
        }
        case 'unicode': {
            const at = offsetIn(text);
            return { kind, start: at, end: at, insert: Array.from({ length: 1 + int(6) }, () => pick(['😀', '\ud83d', '\ude00', '中文', '\u200b', '\u202e', '🏭', 'Ω', '\u0301'])).join('') };
        }
        default:
            return { kind: 'restore', start: 0, end: text.length, insert: file.original };
    }
}

/** Sends an edit as an incremental change, as an editor does. */
async function applyEdit(file, edit) {
    const document = TextDocument.create(file.uri, 'cnms', file.version, file.text);
    const range = { start: document.positionAt(edit.start), end: document.positionAt(edit.end) };
    file.text = file.text.slice(0, edit.start) + edit.insert + file.text.slice(edit.end);
    file.version++;
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: file.uri, version: file.version }, contentChanges: [{ range, text: edit.insert }] });
}

/** A random position in a file: in a line, at its end, past it, past the last line. */
function randomPosition(file) {
    const lines = file.text.split('\n');
    const line = chance(0.03) ? lines.length + int(3) : int(lines.length);
    const length = lines[line]?.length ?? 0;
    return { line, character: chance(0.05) ? length + int(5) : int(length + 1) };
}

const FORMATS = ['md', 'html', 'json', 'csv', 'xlsx'];
const builtinUris = new Set();

async function randomRequest(file) {
    return requestOfKind(file, int(REQUEST_KINDS));
}

/** How many kinds of request `requestOfKind` makes. */
const REQUEST_KINDS = 20;

/** A request of one kind (0 … REQUEST_KINDS − 1) at a random place of a file. */
async function requestOfKind(file, kind) {
    const textDocument = { uri: file.uri };
    const position = randomPosition(file);
    const at = `${file.name}:${position.line + 1}:${position.character + 1}`;
    const end = randomPosition(file);
    const range = position.line < end.line || (position.line === end.line && position.character <= end.character) ? { start: position, end } : { start: end, end: position };
    switch (kind) {
        case 0: return request('textDocument/hover', { textDocument, position }, `hover at ${at}`);
        case 1: return request('textDocument/completion', { textDocument, position }, `completion at ${at}`);
        case 2: {
            const result = await request('textDocument/definition', { textDocument, position }, `definition at ${at}`);
            for (const target of [result ?? []].flat()) {
                const uri = target.targetUri ?? target.uri;
                if (uri && !uri.startsWith('file:')) builtinUris.add(uri);
            }
            return result;
        }
        case 3: return request('textDocument/references', { textDocument, position, context: { includeDeclaration: true } }, `references at ${at}`);
        case 4: return request('textDocument/documentHighlight', { textDocument, position }, `highlights at ${at}`);
        case 5: return request('textDocument/documentSymbol', { textDocument }, `document symbols of ${file.name}`);
        case 6: return request('textDocument/foldingRange', { textDocument }, `folding ranges of ${file.name}`);
        case 7: return request('textDocument/codeLens', { textDocument }, `code lenses of ${file.name}`);
        case 8: return request('textDocument/inlayHint', { textDocument, range: { start: { line: 0, character: 0 }, end: { line: file.text.split('\n').length, character: 0 } } }, `inlay hints of ${file.name}`);
        case 9: return request('textDocument/semanticTokens/full', { textDocument }, `semantic tokens of ${file.name}`);
        case 10: return request('textDocument/formatting', { textDocument, options: { tabSize: 4, insertSpaces: true } }, `formatting of ${file.name}`);
        case 11: return request('textDocument/rangeFormatting', { textDocument, range, options: { tabSize: 4, insertSpaces: true } }, `range formatting at ${at}`);
        case 12: {
            const inRange = (diagnostics.get(file.uri) ?? []).filter(d => d.range.start.line <= range.end.line && d.range.end.line >= range.start.line);
            return request('textDocument/codeAction', { textDocument, range, context: { diagnostics: inRange } }, `code actions at ${at}`);
        }
        case 13: return request('textDocument/prepareRename', { textDocument, position }, `prepare rename at ${at}`);
        case 14: return request('textDocument/rename', { textDocument, position, newName: pick(['renamed', 'x2', '中文名']) }, `rename at ${at}`);
        case 15: return request('workspace/symbol', { query: pick(['', 'a', 'coke', 'plant', '中']) }, 'workspace symbols');
        case 16: return request('cnms/balance', { uri: file.uri }, `cnms/balance of ${file.name}`);
        case 17: {
            const format = pick(FORMATS);
            return request('cnms/report', { uri: file.uri, format }, `cnms/report ${format} of ${file.name}`);
        }
        case 18: return request('cnms/validateWorkspace', {}, 'cnms/validateWorkspace');
        default: {
            const uri = builtinUris.size > 0 && chance(0.8) ? pick([...builtinUris]) : pick(['cnms-builtin:/nothing.cnms', 'file:///not/builtin.cnms', 'bad uri']);
            return request('cnms/builtinContent', { uri }, `cnms/builtinContent of ${uri}`);
        }
    }
}

// ---------------------------------------------------------------------------
// Diagnostics back to the first build's

const diagnosticKey = d => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message}`;
const diagnosticSet = uri => (diagnostics.get(uri) ?? []).map(diagnosticKey).sort().join('\n');

/** Waits until no diagnostics have come for `quietMs`, and the net's lens no longer says it is being computed. */
async function settle(quietMs = 400, limitMs = 30_000) {
    const until = Date.now() + limitMs;
    while (Date.now() < until && !finished) {
        const lenses = await request('textDocument/codeLens', { textDocument: { uri: organization.uri } }, `code lenses of ${organization.name}`);
        const computing = (lenses ?? []).some(lens => /computing…|计算中…/.test(lens.command?.title ?? ''));
        if (!computing && Date.now() - lastPublication >= quietMs) return true;
        await sleep(100);
    }
    return false;
}

let originalDiagnostics;

async function restoreAndCheck() {
    for (const file of files) {
        if (file.text !== file.original) await applyEdit(file, { start: 0, end: file.text.length, insert: file.original });
    }
    counts.restoreChecks++;
    const until = Date.now() + 30_000;
    while (!finished) {
        await settle();
        const now = new Map(files.map(f => [f.uri, diagnosticSet(f.uri)]));
        const differing = files.filter(f => now.get(f.uri) !== originalDiagnostics.get(f.uri));
        if (differing.length === 0) return;
        if (Date.now() > until) {
            counts.restoreFailures++;
            const f = differing[0];
            const before = new Set(originalDiagnostics.get(f.uri).split('\n'));
            const after = new Set(now.get(f.uri).split('\n'));
            const lost = [...before].filter(d => d && !after.has(d)).slice(0, 3);
            const gained = [...after].filter(d => d && !before.has(d)).slice(0, 3);
            fail('diagnostics not restored', `${f.name}: after the original texts came back, lost [${lost.join(' | ')}] gained [${gained.join(' | ')}]`);
            return;
        }
        await sleep(200);
    }
}

// ---------------------------------------------------------------------------
// The run

let rssFirst;
let rssWarm;
let rssAfter;
let heapFirst;
let heapWarm;
let heapAfter;

function percentile(values, p) {
    if (values.length === 0) return 0;
    const sorted = [...values].sort((a, b) => a - b);
    return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]);
}

function report() {
    if (finished && report.done) return;
    finished = true;
    report.done = true;
    rssAfter ??= rssMb();
    const kinds = [...editKinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(`fuzz-lsp: ${relative(process.cwd(), modelSource) || '.'} (${files.length} files), seed ${seed}, ${edits} edits asked`);
    console.log(`  edits            ${counts.edits}${kinds ? ` (${kinds})` : ''}`);
    console.log(`  requests         ${counts.requests} (answer times p50 ${percentile(times, 0.5)} ms, p95 ${percentile(times, 0.95)} ms, max ${percentile(times, 1)} ms)`);
    console.log(`  crashes          ${counts.crashes}`);
    console.log(`  slow answers     ${counts.slow} (over ${budgetMs} ms)`);
    console.log(`  errors           ${counts.errors} (and ${counts.cancelled} cancelled because the text changed, not counted)`);
    console.log(`  forbidden words  ${counts.forbidden}`);
    console.log(`  restored         ${counts.restoreChecks - counts.restoreFailures} of ${counts.restoreChecks} checks gave back the first build's diagnostics`);
    const written = filesChangedOnDisk();
    if (written.length > 0) failures.push({ kind: 'file changed on disk', context: 'the run', detail: written.join(', ') });
    console.log(`  files on disk    ${written.length} of ${onDisk.size} changed${written.length > 0 ? ` (${written.slice(0, 5).join(', ')})` : ''}`);
    const growth = rssWarm && rssAfter ? ` (${rssAfter >= rssWarm ? '+' : ''}${(((rssAfter - rssWarm) * 100) / rssWarm).toFixed(1)} % over the run)` : '';
    console.log(`  RSS at rest      ${rssFirst ?? 'n/a'} MB after the first build, ${rssWarm ?? 'n/a'} MB once every kind of request ran, ${rssAfter ?? 'n/a'} MB after the run${growth}`);
    const percent = (from, to) => (from && to ? ` ${to >= from ? '+' : ''}${(((to - from) * 100) / from).toFixed(1)} %` : ' n/a');
    console.log(`  live heap        ${heapFirst ?? 'n/a'} MB after the first build, ${heapWarm ?? 'n/a'} MB once every kind of request ran, ${heapAfter ?? 'n/a'} MB after the run (from the first build:${percent(heapFirst, heapAfter)}; RSS${percent(rssFirst, rssAfter)})`);
    const failed = failures.length > 0;
    if (failed) {
        console.log(`\n${failures.length} failure${failures.length === 1 ? '' : 's'}; the first ones (replay with --seed ${seed}):`);
        const shown = new Set();
        for (const f of failures) {
            const key = `${f.kind} ${f.detail.slice(0, 80)}`;
            if (shown.has(key)) continue;
            shown.add(key);
            console.log(`  ✖ ${f.kind} after ${f.context}\n      ${f.detail.split('\n').join('\n      ')}`);
            if (shown.size >= 12) break;
        }
    }
    console.log(failed ? 'fuzz-lsp: FAILED' : 'fuzz-lsp: passed');
    try {
        connection.dispose();
    } catch {
        // already closed
    }
    server.kill();
    rmSync(dir, { recursive: true, force: true });
    rmSync(heapDir, { recursive: true, force: true });
    process.exit(failed ? 1 : 0);
}

async function main() {
    await request('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(dir).toString(),
        workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'model' }],
        capabilities: { workspace: { configuration: true, codeLens: { refreshSupport: true }, inlayHint: { refreshSupport: true } }, textDocument: { publishDiagnostics: {}, codeLens: {}, inlayHint: {}, hover: { contentFormat: ['markdown', 'plaintext'] } } },
        initializationOptions: { locale: 'en' }
    }, 'initialize');
    await connection.sendNotification('initialized', {});
    for (const file of files) {
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: file.uri, languageId: 'cnms', version: file.version, text: file.text } });
    }
    context = 'the first build';
    if (!(await settle(1000, 60_000))) fail('first build', 'the first build did not settle within 60 s');
    originalDiagnostics = new Map(files.map(f => [f.uri, diagnosticSet(f.uri)]));
    rssFirst = await rssAtRest();
    heapFirst = await liveHeapMb();
    // what the server loads on a feature's first use (the report renderers, the code compiled for each
    // request) is not growth over the run: the run is compared with the memory once every kind has run
    context = 'the warm-up (one request of every kind on every file, a report in every format)';
    for (const file of files) for (let kind = 0; kind < REQUEST_KINDS; kind++) await requestOfKind(file, kind);
    for (const format of FORMATS) await request('cnms/report', { uri: organization.uri, format }, `cnms/report ${format} of ${organization.name}`);
    await settle(1000, 60_000);
    rssWarm = await rssAtRest();
    heapWarm = await liveHeapMb();
    log(`fuzz-lsp: first build settled; ${[...originalDiagnostics.values()].reduce((n, s) => n + (s ? s.split('\n').length : 0), 0)} diagnostics; RSS ${rssFirst ?? 'n/a'} MB`);

    for (let i = 1; i <= edits && !finished; i++) {
        const file = pick(files);
        if (chance(0.08)) {
            // a word typed character by character, with a request after each
            const word = pick(TYPED);
            let at = offsetIn(file.text);
            context = `edit ${i} (typing ${JSON.stringify(word.slice(0, 30))} into ${file.name} at offset ${at})`;
            for (const character of word.length > 40 ? [word] : [...word]) {
                await applyEdit(file, { start: at, end: at, insert: character });
                at += character.length;
                await randomRequest(file);
            }
            editKinds.set('typing', (editKinds.get('typing') ?? 0) + 1);
        } else {
            const edit = randomEdit(file);
            context = `edit ${i} (${edit.kind} in ${file.name} at offset ${edit.start}..${edit.end}, inserting ${JSON.stringify(edit.insert.slice(0, 40))}${edit.insert.length > 40 ? '…' : ''})`;
            await applyEdit(file, edit);
            editKinds.set(edit.kind, (editKinds.get(edit.kind) ?? 0) + 1);
        }
        counts.edits++;
        for (let r = 0; r < requestsPerEdit && !finished; r++) await randomRequest(chance(0.7) ? file : pick(files));
        if (i % checkEvery === 0 && i < edits) {
            context = `edit ${i} (restoring every file for the check)`;
            await restoreAndCheck();
        }
        if (!quiet && i % 100 === 0) log(`  … ${i} edits, ${counts.requests} requests, ${failures.length} failures`);
    }
    if (!finished) {
        context = 'the end of the run (restoring every file for the check)';
        await restoreAndCheck();
        rssAfter = await rssAtRest();
        heapAfter = await liveHeapMb();
    }
    report();
}

main().catch(error => {
    fail('harness', error?.stack ?? String(error));
    report();
});
