// The extension-host suite: runs inside a real VS Code (the VS Code server of
// code-server, or a desktop VS Code under @vscode/test-electron's model) with
// the CNMS extension loaded from packages/vscode, and checks it through the
// real `vscode` API on a copy of examples/steel opened as the workspace.
//
// VS Code requires this file and awaits run(): a throw means exit code 1, a
// return 0. Every check is a named test; one line per test goes to
// console.log (`✓ name` / `✗ name: reason`), which reaches the workbench's
// codeAutomationLog (or stdout on the desktop), and when CNMS_E2E_RESULTS
// names a file, the results are written there as JSON for the runner.
// See test/e2e-vscode/run.mjs and /work/shared/design/e2e-vscode.md.
'use strict';

const vscode = require('vscode');
const fs = require('fs');

const EXTENSION_ID = process.env.CNMS_E2E_EXTENSION_ID || 'cnms.cnms-vscode';
/** How long one check waits for the server to answer as expected. */
const WAIT_MS = Number(process.env.CNMS_E2E_WAIT_MS || 30_000);
/** Diagnostics have settled when they did not change for this long. */
const QUIET_MS = 1_500;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const oneLine = (text) => String(text).replace(/\s+/g, ' ').trim();
const short = (text, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const reasonOf = (error) => oneLine(error && error.message ? error.message : error);

/** Retries `check` (which throws what it saw) until it returns, or WAIT_MS passed. */
async function eventually(check, timeoutMs = WAIT_MS, intervalMs = 300) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        try {
            return await check();
        } catch (error) {
            if (Date.now() >= deadline) {
                throw new Error(`${reasonOf(error)} (after ${Math.round(timeoutMs / 1000)} s)`);
            }
        }
        await sleep(intervalMs);
    }
}

function withTimeout(promise, ms, what) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} timed out after ${Math.round(ms / 1000)} s`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ---- reading what the API returns ------------------------------------------

const hintText = (hint) =>
    typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');

function markdownText(content) {
    if (typeof content === 'string') return content;
    if (content && typeof content.value === 'string') return content.value;
    return '';
}

const hoverText = (hovers) => (hovers || []).flatMap((hover) => hover.contents.map(markdownText)).join('\n');

/** The labels of the provider's items, without the editor's own word-based suggestions (kind Text). */
const completionLabels = (list) =>
    ((list && list.items) || [])
        .filter((item) => item.kind !== vscode.CompletionItemKind.Text)
        .map((item) => (typeof item.label === 'string' ? item.label : item.label.label));

const codeOf = (diagnostic) =>
    diagnostic.code && typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);

const listed = (values, max = 8) =>
    values.length === 0 ? 'none' : values.slice(0, max).map((v) => JSON.stringify(short(oneLine(v), 60))).join(', ') + (values.length > max ? ', …' : '');

// ---- the fixture --------------------------------------------------------------

function findExtension() {
    return (
        vscode.extensions.getExtension(EXTENSION_ID) ||
        vscode.extensions.all.find((extension) => {
            const languages = (extension.packageJSON.contributes && extension.packageJSON.contributes.languages) || [];
            return languages.some((language) => language.id === 'cnms');
        })
    );
}

/** Waits until the diagnostics of `uri` did not change for QUIET_MS (at most WAIT_MS). */
async function diagnosticsSettled(uri) {
    let last = Date.now();
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some((changed) => changed.toString() === uri.toString())) last = Date.now();
    });
    try {
        const deadline = Date.now() + WAIT_MS;
        while (Date.now() - last < QUIET_MS && Date.now() < deadline) await sleep(200);
    } finally {
        subscription.dispose();
    }
    return vscode.languages.getDiagnostics(uri);
}

function positionOf(document, text, after = 0, shift = 0) {
    const index = document.getText().indexOf(text, after);
    if (index < 0) throw new Error(`'${text}' not found in ${vscode.workspace.asRelativePath(document.uri)}`);
    return document.positionAt(index + shift);
}

// ---- the tests ------------------------------------------------------------------

function tests(context) {
    const { root } = context;
    const siteUri = vscode.Uri.joinPath(root, 'sites', 'main_works.cnms');
    const organizationUri = vscode.Uri.joinPath(root, 'organization.cnms');
    const errorUri = vscode.Uri.joinPath(root, 'sites', 'e2e_error.cnms');

    return [
        {
            name: 'extension activates on the steel site file',
            async run() {
                const document = await vscode.workspace.openTextDocument(siteUri);
                await vscode.window.showTextDocument(document);
                context.site = document;
                if (document.languageId !== 'cnms') {
                    throw new Error(`sites/main_works.cnms has language '${document.languageId}', not 'cnms'`);
                }
                const extension = findExtension();
                if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed in the extension host`);
                await eventually(async () => {
                    if (!extension.isActive) await extension.activate();
                    if (!extension.isActive) throw new Error('extension is not active');
                });
                context.api = extension.exports;
                if (!context.api || !context.api.client || !context.api.statusBar) {
                    throw new Error(`activate() returned ${context.api ? `{ ${Object.keys(context.api).join(', ')} }` : context.api}, not { client, statusBar }`);
                }
                const client = context.api.client;
                if (typeof client.isRunning === 'function') {
                    await eventually(() => {
                        if (!client.isRunning()) throw new Error('language client is not running');
                    });
                }
                const diagnostics = await diagnosticsSettled(siteUri);
                context.settled = diagnostics;
            }
        },
        {
            name: 'commands cnms.showBalance, cnms.validateWorkspace and cnms.compareWithRevision are registered',
            async run() {
                const commands = await vscode.commands.getCommands(true);
                const missing = ['cnms.showBalance', 'cnms.validateWorkspace', 'cnms.compareWithRevision'].filter((c) => !commands.includes(c));
                if (missing.length > 0) throw new Error(`not registered: ${missing.join(', ')}`);
            }
        },
        {
            name: "inlay hints: a source shows its figure in 'tCO2e'",
            async run() {
                const document = context.site || (await vscode.workspace.openTextDocument(siteUri));
                const range = new vscode.Range(0, 0, document.lineCount, 0);
                await eventually(async () => {
                    const hints = (await vscode.commands.executeCommand('vscode.executeInlayHintProvider', siteUri, range)) || [];
                    const texts = hints.map(hintText);
                    if (!texts.some((text) => text.includes('tCO2e'))) {
                        throw new Error(`${hints.length} inlay hints on sites/main_works.cnms, none with 'tCO2e': ${listed(texts)}`);
                    }
                });
            }
        },
        {
            name: "code lens: organization.cnms has a lens 'Net 2024 …'",
            async run() {
                await vscode.workspace.openTextDocument(organizationUri);
                await eventually(async () => {
                    const lenses = (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', organizationUri, 100)) || [];
                    const titles = lenses.map((lens) => (lens.command && lens.command.title) || '');
                    if (!titles.some((title) => title.startsWith('Net 2024'))) {
                        throw new Error(`${lenses.length} code lenses on organization.cnms, none starting 'Net 2024': ${listed(titles)}`);
                    }
                });
            }
        },
        {
            name: "hover: the source name bf_coke mentions 'tCO2e'",
            async run() {
                const document = context.site || (await vscode.workspace.openTextDocument(siteUri));
                const position = positionOf(document, 'source bf_coke', 0, 'source '.length + 2);
                await eventually(async () => {
                    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', siteUri, position);
                    const text = hoverText(hovers);
                    if (!text.includes('tCO2e')) {
                        throw new Error(`hover at ${position.line + 1}:${position.character + 1} ${text ? `says ${JSON.stringify(short(oneLine(text)))}` : 'is empty'}, no 'tCO2e'`);
                    }
                });
            }
        },
        {
            name: "completion: inside a source block offers 'category' or 'activity'",
            async run() {
                const document = context.site || (await vscode.workspace.openTextDocument(siteUri));
                const block = document.getText().indexOf('source bf_coke');
                const position = positionOf(document, 'activity', block);
                await eventually(async () => {
                    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', siteUri, position);
                    const labels = completionLabels(list);
                    if (!labels.includes('category') && !labels.includes('activity')) {
                        throw new Error(`completion at ${position.line + 1}:${position.character + 1} offers ${labels.length} items (besides words of the file), neither 'category' nor 'activity': ${listed(labels)}`);
                    }
                });
            }
        },
        {
            name: "status bar: the extension's item shows 'Net'",
            async run() {
                if (!context.api || !context.api.statusBar) throw new Error('the extension API has no statusBar');
                await eventually(() => {
                    const text = String(context.api.statusBar.text || '');
                    if (!text.includes('Net')) throw new Error(`statusBar.text is ${JSON.stringify(text)}`);
                });
            }
        },
        {
            name: 'report preview: cnms.openReportPreview on the site file opens a webview tab',
            async run() {
                const document = context.site || (await vscode.workspace.openTextDocument(siteUri));
                await vscode.window.showTextDocument(document);
                const webviewTabs = () =>
                    vscode.window.tabGroups.all
                        .flatMap((group) => group.tabs)
                        .filter((tab) => tab.input instanceof vscode.TabInputWebview && /cnms\.reportPreview$/.test(tab.input.viewType));
                try {
                    await vscode.commands.executeCommand('cnms.openReportPreview', siteUri);
                    await eventually(async () => {
                        if (webviewTabs().length > 0) return;
                        const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
                        const seen = listed(tabs.map((tab) => `${tab.label} (${tab.input ? tab.input.constructor.name : 'no input'})`));
                        // Why not: what the server answers to the request the command made.
                        const answer = await context.api.client
                            .sendRequest('cnms/report', { uri: siteUri.toString(), format: 'html' })
                            .then((result) => (result ? `${result.fileName}, ${result.content.length} chars` : 'null'), (error) => `error: ${reasonOf(error)}`);
                        throw new Error(`no webview tab of viewType cnms.reportPreview; tabs: ${seen}; cnms/report answers ${short(answer)}`);
                    }, Math.min(WAIT_MS, 20_000));
                } finally {
                    for (const tab of webviewTabs()) await vscode.window.tabGroups.close(tab).then(undefined, () => undefined);
                }
            }
        },
        {
            name: 'completion: an empty line in a block offers its missing properties, no unit, no top-level snippet (issue 12, point 1)',
            async run() {
                const uri = vscode.Uri.joinPath(context.root, 'sites', 'e2e_completion.cnms');
                const text = ['// Written by test/e2e-vscode/suite (removed afterwards).', 'source e2e_completion at main_works {', '    category 1', '    uncertainty 2 %', '    ', '}', ''].join('\n');
                await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
                try {
                    await vscode.workspace.openTextDocument(uri);
                    await eventually(async () => {
                        const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, new vscode.Position(4, 4));
                        const labels = completionLabels(list);
                        const wrong = labels.filter((label) => ['category', 'uncertainty', 'MWh', 'tCO2', 'audit', 'audit …'].includes(label));
                        if (!labels.includes('activity') || wrong.length > 0) {
                            throw new Error(`completion on the empty line offers ${listed(labels)}${wrong.length > 0 ? `, among them ${listed(wrong)}` : ', no activity'}`);
                        }
                    });
                } finally {
                    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
                }
            }
        },
        {
            name: 'hover: sections between rules, the values used and the counted emissions (issue 12, point 2)',
            async run() {
                const document = context.site || (await vscode.workspace.openTextDocument(siteUri));
                const position = positionOf(document, 'source bf_coke', 0, 'source '.length + 2);
                await eventually(async () => {
                    const text = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', siteUri, position));
                    for (const part of ['\n\n---\n\n', 'Counted emissions', 'Language reference']) {
                        if (!text.includes(part)) throw new Error(`the hover of bf_coke has no ${JSON.stringify(part)}: ${JSON.stringify(short(oneLine(text)))}`);
                    }
                });
            }
        },
        {
            name: 'settings: ambiguous-Unicode highlighting is off in CNMS files, on in JavaScript (issue 12, point 6)',
            async run() {
                const inCnms = vscode.workspace.getConfiguration('editor', { languageId: 'cnms' }).get('unicodeHighlight.ambiguousCharacters');
                // (VS Code itself turns it off for plain text and Markdown: compare with JavaScript)
                const elsewhere = vscode.workspace.getConfiguration('editor', { languageId: 'javascript' }).get('unicodeHighlight.ambiguousCharacters');
                if (inCnms !== false || elsewhere === false) throw new Error(`ambiguousCharacters is ${inCnms} for cnms and ${elsewhere} for javascript`);
            }
        },
        {
            // Last, because it adds an error to the model (removed afterwards).
            name: "diagnostics: 'activity 45000 MWH' gives CN-NUM-002",
            async run() {
                const text = [
                    '// Written by test/e2e-vscode/suite: a deliberate error (unknown unit MWH).',
                    'source e2e_bad_unit "E2E deliberate error" at main_works {',
                    '    category 2',
                    '    activity 45000 MWH',
                    '    factor china_grid.north_2023',
                    '}',
                    ''
                ].join('\n');
                await vscode.workspace.fs.writeFile(errorUri, Buffer.from(text, 'utf8'));
                try {
                    const document = await vscode.workspace.openTextDocument(errorUri);
                    await vscode.window.showTextDocument(document);
                    await eventually(() => {
                        const diagnostics = vscode.languages.getDiagnostics(errorUri);
                        const seen = listed(diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} ${d.message}`));
                        const hit = diagnostics.find((d) => codeOf(d) === 'CN-NUM-002' && d.range.start.line === 3);
                        if (!hit) throw new Error(`no CN-NUM-002 on line 4 of sites/e2e_error.cnms; its diagnostics: ${seen}`);
                        if (hit.severity !== vscode.DiagnosticSeverity.Error) {
                            throw new Error(`CN-NUM-002 has severity ${hit.severity}, not Error (0)`);
                        }
                    });
                } finally {
                    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
                    await vscode.workspace.fs.delete(errorUri).then(undefined, () => undefined);
                }
            }
        }
    ];
}

/** Writes the results so far where the runner asked (CNMS_E2E_RESULTS), after every check. */
function writeResults(results, finished) {
    if (!process.env.CNMS_E2E_RESULTS) return;
    const passed = results.filter((r) => r.ok).length;
    const body = { finished, passed, failed: results.length - passed, tests: results };
    fs.writeFileSync(process.env.CNMS_E2E_RESULTS, JSON.stringify(body, null, 2));
}

async function run() {
    const started = Date.now();
    const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
    const results = [];
    if (!folder) {
        results.push({ name: 'workspace is open', ok: false, reason: 'no workspace folder: open a copy of examples/steel' });
    } else {
        const context = { root: folder.uri };
        for (const test of tests(context)) {
            const began = Date.now();
            try {
                await withTimeout(test.run(), WAIT_MS + 15_000, test.name);
                results.push({ name: test.name, ok: true, ms: Date.now() - began });
                console.log(`✓ ${test.name}`);
            } catch (error) {
                results.push({ name: test.name, ok: false, reason: reasonOf(error), ms: Date.now() - began });
                console.log(`✗ ${test.name}: ${reasonOf(error)}`);
            }
            writeResults(results, false);
        }
    }
    writeResults(results, true);
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    console.log(`suite: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    if (failed > 0) throw new Error(`${failed} of ${results.length} extension-host tests failed`);
}

module.exports = { run };
