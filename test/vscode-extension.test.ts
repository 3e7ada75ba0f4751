// The VS Code extension outside VS Code: activate() against a test double of
// the `vscode` module (which exists only in the extension host) and a
// LanguageClient that records its arguments instead of spawning the server;
// and package.json's contributions against the grammar, the code and the
// translation files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmptyFileSystem } from 'langium';
import { Validator } from 'jsonschema';
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { createCnmsServices } from '@cnms/language';
import type { ModelDiff } from '@cnms/diff';
import { LanguageClientDouble, TransportKind } from './helpers/language-client-double.js';
import * as vscode from './helpers/vscode-double.js';
import { declarationKeywords, grammarKeywords } from './helpers/grammar.js';

vi.mock('vscode', () => import('./helpers/vscode-double.js'));
// vscode-languageclient is a dependency of packages/vscode only: mock the file its `/node` entry resolves to there.
vi.mock('../packages/vscode/node_modules/vscode-languageclient/lib/node/main.js', async () => {
    const double = await import('./helpers/language-client-double.js');
    return { LanguageClient: double.LanguageClientDouble, TransportKind: double.TransportKind };
});

const { activate, deactivate } = await import('../packages/vscode/src/extension.js');
const { withWebviewCsp, WEBVIEW_CSP } = await import('../packages/vscode/src/report-html.js');
const { DIFF_WEBVIEW_CSP, renderMarkdown } = await import('../packages/vscode/src/diff-html.js');
const { formatSignedDecimal } = await import('../packages/vscode/src/diff-request.js');
const { withLocalRuleDocs } = await import('../packages/vscode/src/rule-docs.js');
const { initTemplate } = await import('../packages/cli/src/init-template.js');

const root = new URL('..', import.meta.url).pathname;
const extensionDir = join(root, 'packages/vscode');
const manifest = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(extensionDir, 'package.nls.json'), 'utf8')) as Record<string, string>;
const nlsZh = JSON.parse(readFileSync(join(extensionDir, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
const langiumConfig = JSON.parse(readFileSync(join(root, 'langium-config.json'), 'utf8'));
const SERVER_BUNDLE = join(extensionDir, 'out/server/main-node.cjs');

/** The declarations that build a library (packages/language/src/builtins/*.cnms): no snippet offers them. */
const LIBRARY_DECLARATIONS = new Set(['library', 'dimension', 'gas', 'gwp-set']);

/** The keywords of the Langium grammar, from the parser's own grammar object. */
function langiumKeywords(): Set<string> {
    return grammarKeywords();
}

const BALANCE = {
    model: 'file:///work/acme',
    title: 'Acme Steel Co., Ltd.',
    period: '2024',
    emissions: '89273.786',
    removals: '120',
    offsets: '5000',
    net: '84153.786',
    netDisplay: '+84,153.786',
    uncomputed: 0,
    neutral: false,
    rulesChecked: true,
    errors: 0,
    warnings: 3,
    markdown: '# Acme Steel Co., Ltd. — 2024\n\n| | tCO2e |\n|---|---:|\n| net | +84,153.786 |'
};

/** The report's HTML as the renderer makes it: its own CSP meta tag (here a laxer one, which the webview must not keep). */
const reportHtml = (heading: string) =>
    [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; script-src \'unsafe-inline\'">',
        `<title>Acme</title></head><body><h1>${heading}</h1></body></html>`
    ].join('\n');
/** The bytes of a workbook: a zip's signature and a byte of every value, so that a text round trip would show. */
const XLSX_BYTES = Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 256 }, (_, i) => i)]);

/** Answers `cnms/report` like the server for the model `acme`; `heading` is read at each request. */
function serveReports(heading: () => string = () => 'Acme Steel report') {
    LanguageClientDouble.responders.set('cnms/report', params => {
        const { format } = params as { uri: string; format: string };
        switch (format) {
            case 'html':
                return { content: reportHtml(heading()), encoding: 'utf8', fileName: 'acme-report.html' };
            case 'md':
                return { content: '# Acme Steel report\n', encoding: 'utf8', fileName: 'acme-report.md' };
            case 'json':
                return { content: '{"organization":{"id":"acme"}}\n', encoding: 'utf8', fileName: 'acme-report.json' };
            case 'csv':
                return { content: 'source,tCO2e\r\nboiler,12.5\r\n', encoding: 'utf8', fileName: 'acme-report-sources.csv' };
            case 'xlsx':
                return { content: XLSX_BYTES.toString('base64'), encoding: 'base64', fileName: 'acme-report.xlsx' };
            default:
                throw new Error(`unknown format ${format}`);
        }
    });
    // The server's `model` is the organisation's name, as in the report's file names.
    LanguageClientDouble.responders.set('cnms/balance', params => ((params as { uri: string }).uri.startsWith('file:///work/acme/') ? { ...BALANCE, model: 'acme' } : { ...BALANCE, model: 'other' }));
}

const reportRequests = (client: LanguageClientDouble) => client.requests.filter(request => request.method === 'cnms/report');
const cspMetas = (html: string) => html.match(/<meta[^>]*Content-Security-Policy[^>]*>/gi) ?? [];

/** The model `acme` on the double's disk: the organisation file at its root and a site file below it. */
function acmeOnDisk() {
    vscode.state.files.set('/work/acme/organization.cnms', Buffer.from('// Acme\norganization acme "Acme Steel Co., Ltd." {\n    industry steel\n}\n'));
    vscode.state.files.set('/work/acme/sites/plant_a.cnms', Buffer.from('/* organization none */\nsite plant_a { location "A" }\n'));
    vscode.state.files.set('/work/README.md', Buffer.from('# Work\n'));
}

function extensionContext() {
    return {
        subscriptions: [] as Array<{ dispose(): unknown }>,
        workspaceState: vscode.memento(),
        extensionPath: extensionDir,
        asAbsolutePath: (relativePath: string) => join(extensionDir, relativePath)
    };
}

let context: ReturnType<typeof extensionContext>;

async function activateWith(options: { language?: string; messages?: string; editor?: vscode.TextDocumentDouble } = {}) {
    vscode.state.language = options.language ?? 'en';
    if (options.messages) vscode.state.configuration.set('cnms.messages.language', options.messages);
    vscode.state.activeTextEditor = options.editor ? { document: options.editor } : undefined;
    context = extensionContext();
    const api = await activate(context as never);
    const client = LanguageClientDouble.instances.at(-1)!;
    return { api, client };
}

const cnmsFile = () => vscode.textDocument('file:///work/acme/organization.cnms', 'cnms');

beforeAll(() => {
    if (!existsSync(SERVER_BUNDLE) || !existsSync(join(extensionDir, 'out/extension.cjs'))) {
        const bundle = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: extensionDir, encoding: 'utf8' });
        expect(bundle.status, `${bundle.stdout}${bundle.stderr}`).toBe(0);
    }
});

beforeEach(() => {
    vscode.resetState();
    LanguageClientDouble.instances.length = 0;
    LanguageClientDouble.responders.clear();
    LanguageClientDouble.responders.set('cnms/balance', () => BALANCE);
});

afterEach(async () => {
    await deactivate();
    for (const subscription of context?.subscriptions ?? []) subscription.dispose();
    vi.useRealTimers();
});

describe('activate()', () => {
    test('starts a language client for the bundled server over IPC', async () => {
        const { api, client } = await activateWith();
        expect(api.client).toBe(client);
        expect(client.id).toBe('cnms');
        expect(client.starts).toBe(1);
        expect(client.clientOptions.documentSelector).toEqual([
            { scheme: 'file', language: 'cnms' },
            { scheme: 'untitled', language: 'cnms' },
            { scheme: 'cnms-builtin', language: 'cnms' }
        ]);
        expect(client.serverOptions.run).toEqual({ module: SERVER_BUNDLE, transport: TransportKind.ipc });
        expect(client.serverOptions.debug.module).toBe(SERVER_BUNDLE);
        expect(client.serverOptions.debug.transport).toBe(TransportKind.ipc);
        expect(existsSync(client.serverOptions.run.module)).toBe(true);
        expect(client.clientOptions.synchronize.configurationSection).toBe('cnms');
        // every file: cnms.json and the files `document` entries name change figures and findings too
        expect(vscode.state.watchers).toEqual(['**/*']);
    });

    test("passes the message locale: the setting, else VS Code's display language", async () => {
        const locale = () => {
            const options = LanguageClientDouble.instances.at(-1)!.clientOptions.initializationOptions;
            return (typeof options === 'function' ? options() : options).locale;
        };
        await activateWith({ language: 'zh-cn' });
        expect(locale()).toBe('zh-CN');
        const options = LanguageClientDouble.instances.at(-1)!.clientOptions.initializationOptions;
        expect((typeof options === 'function' ? options() : options).completionSnippets).not.toBe(false); // the server's snippets, at the top level only
        vscode.state.language = 'zh-tw';
        expect(locale()).toBe('zh-CN');
        vscode.state.language = 'de';
        expect(locale()).toBe('en');
        vscode.state.configuration.set('cnms.messages.language', 'zh-CN');
        expect(locale()).toBe('zh-CN');
        vscode.state.language = 'zh-cn';
        vscode.state.configuration.set('cnms.messages.language', 'en');
        expect(locale()).toBe('en');
        vscode.state.configuration.set('cnms.messages.language', 'auto');
        expect(locale()).toBe('zh-CN');
    });

    test('a change of the message language restarts the server with the new locale', async () => {
        const { client } = await activateWith();
        vscode.state.configuration.set('cnms.messages.language', 'zh-CN');
        await vscode.state.onDidChangeConfiguration.fire({ affectsConfiguration: section => 'cnms.messages.language'.startsWith(section) });
        expect(client.starts).toBe(2);
        expect(client.clientOptions.initializationOptions().locale).toBe('zh-CN');
    });

    test('registers the commands, the read-only document provider and the report preview serializer', async () => {
        await activateWith();
        expect([...vscode.state.commands.keys()].sort()).toEqual(['cnms.compareWithRevision', 'cnms.exportReport', 'cnms.newModel', 'cnms.openReportPreview', 'cnms.revealLine', 'cnms.showBalance', 'cnms.validateWorkspace']);
        expect([...vscode.state.providers.keys()].sort()).toEqual(['cnms-builtin']);
        expect([...vscode.state.serializers.keys()]).toEqual(['cnms.reportPreview']);
    });

    test('returns the status bar, showing the net balance of the active CNMS editor', async () => {
        const { api, client } = await activateWith({ editor: cnmsFile() });
        expect(api.statusBar.text).toBe('$(pulse) Net 2024: +84,153.786 tCO2e');
        expect((api.statusBar as unknown as vscode.StatusBarItemDouble).visible).toBe(true);
        expect(api.statusBar.command).toBe('cnms.showBalance');
        expect((api.statusBar.tooltip as unknown as vscode.MarkdownString).value).toContain(BALANCE.markdown);
        expect(client.requests).toContainEqual({ method: 'cnms/balance', params: { uri: 'file:///work/acme/organization.cnms', figuresOnly: true } });
    });

    test('the status bar speaks Chinese, shows a missing model and hides for other editors', async () => {
        LanguageClientDouble.responders.set('cnms/balance', () => ({ ...BALANCE, period: '2024-04-01 .. 2025-03-31', netDisplay: '-12.500' }));
        const { api } = await activateWith({ messages: 'zh-CN', editor: cnmsFile() });
        const item = api.statusBar as unknown as vscode.StatusBarItemDouble;
        expect(item.text).toBe('$(pulse) 净排放 2024-04-01 .. 2025-03-31：-12.500 tCO2e');

        LanguageClientDouble.responders.set('cnms/balance', () => null);
        vscode.state.activeTextEditor = { document: vscode.textDocument('file:///tmp/stray.cnms', 'cnms') };
        await vscode.state.onDidChangeActiveTextEditor.fire(vscode.state.activeTextEditor);
        await vi.waitFor(() => expect(item.text).toBe('$(pulse) 净排放：—'));
        expect(item.tooltip).toContain('organization');

        vscode.state.activeTextEditor = { document: vscode.textDocument('file:///work/notes.txt', 'plaintext') };
        await vscode.state.onDidChangeActiveTextEditor.fire(vscode.state.activeTextEditor);
        await vi.waitFor(() => expect(item.visible).toBe(false));
    });

    test('the status bar follows saves and diagnostics of CNMS files', async () => {
        let net = '+1.000';
        LanguageClientDouble.responders.set('cnms/balance', () => ({ ...BALANCE, netDisplay: net }));
        const { api, client } = await activateWith({ editor: cnmsFile() });
        expect(api.statusBar.text).toBe('$(pulse) Net 2024: +1.000 tCO2e');

        net = '+2.000';
        await vscode.state.onDidSaveTextDocument.fire(cnmsFile());
        await vi.waitFor(() => expect(api.statusBar.text).toBe('$(pulse) Net 2024: +2.000 tCO2e'));

        net = '+3.000';
        const before = client.requests.length;
        await vscode.state.onDidChangeDiagnostics.fire({ uris: [vscode.Uri.parse('file:///work/notes.md')] });
        await new Promise(resolve => setTimeout(resolve, 400));
        expect(client.requests.length).toBe(before);
        await vscode.state.onDidChangeDiagnostics.fire({ uris: [vscode.Uri.parse('file:///work/acme/sites/a.cnms')] });
        await vi.waitFor(() => expect(api.statusBar.text).toBe('$(pulse) Net 2024: +3.000 tCO2e'));
    });

    test("cnms.showBalance opens the balance beside the editor, titled with the model's name, in the views' style", async () => {
        await activateWith({ editor: cnmsFile() });
        await vscode.commands.executeCommand('cnms.showBalance');
        expect(vscode.state.executed.find(call => call.command === 'markdown.showPreviewToSide')).toBeUndefined();
        const [panel] = vscode.state.webviewPanels;
        expect(panel.viewType).toBe('cnms.balance');
        // Not "Preview CNMS balance.md": the model's name.
        expect(panel.title).toBe('Balance: Acme Steel Co., Ltd.');
        expect(panel.options).toMatchObject({ enableScripts: false, enableCommandUris: false, localResourceRoots: [] });
        expect(cspMetas(panel.webview.html)).toEqual([`<meta http-equiv="Content-Security-Policy" content="${DIFF_WEBVIEW_CSP}">`]);
        expect(panel.webview.html).toContain('<h1>Acme Steel Co., Ltd. — 2024</h1>');
        expect(panel.webview.html).toContain('<td>net</td><td class="right">+84,153.786</td>');
        expect(panel.webview.html).toContain('--vscode-editor-background');

        // Asked again: the same panel, revealed.
        await vscode.commands.executeCommand('cnms.showBalance');
        expect(vscode.state.webviewPanels).toHaveLength(1);
        expect(panel.reveals).toHaveLength(1);

        vscode.state.activeTextEditor = undefined;
        await vscode.commands.executeCommand('cnms.showBalance');
        expect(vscode.state.messages.at(-1)?.severity).toBe('warning');
    });

    test('the balance in Chinese: the title says so', async () => {
        await activateWith({ editor: cnmsFile(), messages: 'zh-CN' });
        await vscode.commands.executeCommand('cnms.showBalance');
        expect(vscode.state.webviewPanels[0].title).toBe('碳排放平衡：Acme Steel Co., Ltd.');
    });

    test('cnms.validateWorkspace asks the server, opens the Problems view and reports the counts', async () => {
        LanguageClientDouble.responders.set('cnms/validateWorkspace', () => ({ files: 13, errors: 2, warnings: 5, infos: 1 }));
        const { client } = await activateWith();
        await vscode.commands.executeCommand('cnms.validateWorkspace');
        expect(client.requests.map(request => request.method)).toContain('cnms/validateWorkspace');
        expect(vscode.state.executed.map(call => call.command)).toContain('workbench.actions.view.problems');
        expect(vscode.state.messages).toContainEqual({ severity: 'information', text: 'CNMS: 13 files checked: 2 errors, 5 warnings, 1 note.' });
    });

    test("cnms.openReportPreview shows the HTML report of the active document's model beside it, without scripts", async () => {
        serveReports();
        const { client } = await activateWith({ editor: cnmsFile() });
        await vscode.commands.executeCommand('cnms.openReportPreview');
        expect(reportRequests(client)).toEqual([{ method: 'cnms/report', params: { uri: 'file:///work/acme/organization.cnms', format: 'html' } }]);
        expect(vscode.state.webviewPanels).toHaveLength(1);
        const [panel] = vscode.state.webviewPanels;
        expect(panel.viewType).toBe('cnms.reportPreview');
        expect(panel.title).toBe('Report: acme');
        expect(panel.showOptions).toEqual({ viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
        expect(panel.options.enableScripts).toBe(false);
        expect(panel.options.localResourceRoots).toEqual([]);
        expect(panel.webview.html).toContain('<h1>Acme Steel report</h1>');
        // Exactly one CSP, the webview's, first in <head>: the report's laxer one is gone.
        expect(cspMetas(panel.webview.html)).toEqual([`<meta http-equiv="Content-Security-Policy" content="${WEBVIEW_CSP}">`]);
        expect(WEBVIEW_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        expect(panel.webview.html).toMatch(/<head><meta http-equiv="Content-Security-Policy"/);
        expect(panel.webview.html).not.toContain('script-src');
        expect(vscode.state.messages).toEqual([]);
    });

    test('the report preview: one panel per model, revealed again for any of its files (the editor title passes one)', async () => {
        serveReports();
        const { client } = await activateWith({ editor: cnmsFile() });
        await vscode.commands.executeCommand('cnms.openReportPreview');
        const site = vscode.Uri.parse('file:///work/acme/sites/plant_a.cnms');
        await vscode.commands.executeCommand('cnms.openReportPreview', site);
        expect(reportRequests(client).at(-1)!.params).toEqual({ uri: 'file:///work/acme/sites/plant_a.cnms', format: 'html' });
        expect(vscode.state.webviewPanels).toHaveLength(1);
        expect(vscode.state.webviewPanels[0].reveals).toEqual([{ viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }]);

        LanguageClientDouble.responders.set('cnms/report', () => ({ content: reportHtml('Other'), encoding: 'utf8', fileName: 'other-report.html' }));
        await vscode.commands.executeCommand('cnms.openReportPreview', vscode.Uri.parse('file:///work/other/organization.cnms'));
        expect(vscode.state.webviewPanels.map(panel => panel.title)).toEqual(['Report: acme', 'Report: other']);

        // A closed panel is forgotten: the next command opens a new one.
        vscode.state.webviewPanels[0].dispose();
        serveReports();
        await vscode.commands.executeCommand('cnms.openReportPreview');
        expect(vscode.state.webviewPanels).toHaveLength(3);
        expect(vscode.state.webviewPanels[2].title).toBe('Report: acme');

        // Deactivation disposes the open panels.
        for (const subscription of context.subscriptions) subscription.dispose();
        context.subscriptions.length = 0;
        expect(vscode.state.webviewPanels.map(panel => panel.disposed)).toEqual([true, true, true]);
    });

    test('the report preview survives a window reload: the serializer shows the same model again, themed', async () => {
        serveReports();
        const { client } = await activateWith({ editor: cnmsFile() });
        const site = vscode.Uri.parse('file:///work/acme/sites/plant_a.cnms');
        await vscode.commands.executeCommand('cnms.openReportPreview', site);
        const state = context.workspaceState;
        // The reload: the extension shuts down (its panels close with it) and starts again with the same workspace state.
        for (const subscription of context.subscriptions) subscription.dispose();
        context.subscriptions.length = 0;
        context = { ...extensionContext(), workspaceState: state };
        await activate(context as never);
        const restoredClient = LanguageClientDouble.instances.at(-1)!;
        expect(restoredClient).not.toBe(client);
        const panel = await vscode.window.restoreWebviewPanel('cnms.reportPreview', 'Report: acme');
        expect(reportRequests(restoredClient).at(-1)!.params).toEqual({ uri: 'file:///work/acme/sites/plant_a.cnms', format: 'html' });
        expect(panel.webview.html).toContain('<h1>Acme Steel report</h1>');
        expect(panel.webview.html).toContain('--vscode-editor-background');
        expect(panel.title).toBe('Report: acme');
        // The restored panel is the model's panel: the command reveals it rather than opening another.
        await vscode.commands.executeCommand('cnms.openReportPreview');
        expect(vscode.state.webviewPanels.filter(p => !p.disposed)).toEqual([panel]);
        // A panel nothing is remembered for says so instead of staying empty.
        const stranger = await vscode.window.restoreWebviewPanel('cnms.reportPreview', 'Report: elsewhere');
        expect(stranger.webview.html).toContain('This preview could not be restored');
    });

    test('the report preview refreshes when a CNMS document of its model is saved, once for a burst of saves', async () => {
        let heading = 'Version 1';
        serveReports(() => heading);
        const { client } = await activateWith({ editor: cnmsFile() });
        await vscode.commands.executeCommand('cnms.openReportPreview');
        const [panel] = vscode.state.webviewPanels;
        expect(panel.webview.html).toContain('<h1>Version 1</h1>');

        heading = 'Version 2';
        const before = reportRequests(client).length;
        await vscode.state.onDidSaveTextDocument.fire(vscode.textDocument('file:///work/acme/sites/plant_a.cnms', 'cnms'));
        await vscode.state.onDidSaveTextDocument.fire(vscode.textDocument('file:///work/acme/organization.cnms', 'cnms'));
        await vi.waitFor(() => expect(panel.webview.html).toContain('<h1>Version 2</h1>'));
        expect(reportRequests(client).length).toBe(before + 1);
        expect(cspMetas(panel.webview.html)).toEqual([`<meta http-equiv="Content-Security-Policy" content="${WEBVIEW_CSP}">`]);

        // Saves in another model, or of other files, leave it alone.
        heading = 'Version 3';
        await vscode.state.onDidSaveTextDocument.fire(vscode.textDocument('file:///work/other/organization.cnms', 'cnms'));
        await vscode.state.onDidSaveTextDocument.fire(vscode.textDocument('file:///work/acme/notes.md', 'markdown'));
        await new Promise(resolve => setTimeout(resolve, 450));
        expect(reportRequests(client).length).toBe(before + 1);
        expect(panel.webview.html).toContain('<h1>Version 2</h1>');

        // A closed panel is not refreshed (its webview could not be written to).
        panel.dispose();
        await vscode.state.onDidSaveTextDocument.fire(cnmsFile());
        await new Promise(resolve => setTimeout(resolve, 450));
        expect(reportRequests(client).length).toBe(before + 1);
    });

    test('the report preview of a file in no model is a warning, not a panel; without a CNMS editor too', async () => {
        LanguageClientDouble.responders.set('cnms/report', () => null);
        const { client } = await activateWith({ editor: vscode.textDocument('file:///tmp/stray.cnms', 'cnms') });
        await vscode.commands.executeCommand('cnms.openReportPreview');
        expect(reportRequests(client)).toHaveLength(1);
        expect(vscode.state.webviewPanels).toEqual([]);
        expect(vscode.state.messages).toEqual([{ severity: 'warning', text: expect.stringContaining('no CNMS model') }]);

        vscode.state.activeTextEditor = { document: vscode.textDocument('file:///work/notes.txt', 'plaintext') };
        await vscode.commands.executeCommand('cnms.openReportPreview');
        expect(reportRequests(client)).toHaveLength(1);
        expect(vscode.state.messages.at(-1)).toEqual({ severity: 'warning', text: 'Open a CNMS file to report on its model.' });
        expect(vscode.state.webviewPanels).toEqual([]);
    });

    test("the webview's CSP is there whatever the report's HTML holds", () => {
        const ours = `<meta http-equiv="Content-Security-Policy" content="${WEBVIEW_CSP}">`;
        expect(withWebviewCsp('<html><head><title>x</title></head><body></body></html>')).toBe(`<html><head>${ours}<title>x</title></head><body></body></html>`);
        expect(withWebviewCsp('<!doctype html><HTML lang="zh-CN"><body>报告</body></HTML>')).toBe(`<!doctype html><HTML lang="zh-CN"><head>${ours}</head><body>报告</body></HTML>`);
        expect(withWebviewCsp('<p>bare</p>')).toBe(`<head>${ours}</head><p>bare</p>`);
        const lax = [
            '<head profile="x"><META content="script-src *" HTTP-EQUIV=content-security-policy>',
            '<meta http-equiv=\'Content-Security-Policy\' content="default-src *"/></head><body><header>h</header>',
            '<meta http-equiv="Content-Security-Policy" content="img-src https:"></body>'
        ].join('');
        const page = withWebviewCsp(lax);
        expect(cspMetas(page)).toEqual([ours]);
        expect(page).toBe(`<head profile="x">${ours}</head><body><header>h</header></body>`);
    });

    test('cnms.exportReport writes the chosen format beside the organisation file: an xlsx decoded from base64', async () => {
        serveReports();
        acmeOnDisk();
        const site = vscode.textDocument('file:///work/acme/sites/plant_a.cnms', 'cnms');
        const { client } = await activateWith({ editor: site });
        vscode.state.quickPickAnswer = items => items.find(item => item.format === 'xlsx');
        vscode.state.saveDialogAnswer = options => options.defaultUri;
        vscode.state.messageAnswer = (_text, items) => items[0];
        await vscode.commands.executeCommand('cnms.exportReport');

        const [pick] = vscode.state.quickPicks;
        expect(pick.items.map(item => item.format)).toEqual(['md', 'html', 'json', 'csv', 'xlsx']);
        expect(pick.items.map(item => item.label)).toEqual(['Markdown', 'HTML page', 'JSON data', 'CSV table of the sources', 'Excel workbook']);
        expect(reportRequests(client)).toEqual([{ method: 'cnms/report', params: { uri: 'file:///work/acme/sites/plant_a.cnms', format: 'xlsx' } }]);
        expect(vscode.state.saveDialogs).toHaveLength(1);
        expect(vscode.state.saveDialogs[0].defaultUri?.toString()).toBe('file:///work/acme/acme-report.xlsx');
        expect(Object.values(vscode.state.saveDialogs[0].filters ?? {})).toEqual([['xlsx']]);
        expect(vscode.state.writes).toHaveLength(1);
        expect(vscode.state.writes[0].uri.path).toBe('/work/acme/acme-report.xlsx');
        expect(Buffer.from(vscode.state.writes[0].content).equals(XLSX_BYTES)).toBe(true);
        expect(vscode.state.messages).toEqual([{ severity: 'information', text: 'CNMS: the report was written to acme-report.xlsx.', items: ['Show in Folder'] }]);
        await vi.waitFor(() => expect(vscode.state.executed.find(call => call.command === 'revealFileInOS')?.args).toEqual([vscode.state.writes[0].uri]));
    });

    test("cnms.exportReport in Chinese: the formats' labels, a text report written as UTF-8 to the chosen path and opened in an editor", async () => {
        serveReports();
        acmeOnDisk();
        LanguageClientDouble.responders.set('cnms/report', () => ({ content: '来源,tCO2e\r\n锅炉,12.5\r\n', encoding: 'utf8', fileName: 'acme-report-sources.csv' }));
        const { client } = await activateWith({ messages: 'zh-CN' });
        vscode.state.quickPickAnswer = items => items.find(item => item.format === 'csv');
        vscode.state.saveDialogAnswer = () => vscode.Uri.file('/tmp/exports/sources.csv');
        vscode.state.messageAnswer = (_text, items) => items[0];
        // From the explorer's context menu: the file's URI, with no editor open.
        await vscode.commands.executeCommand('cnms.exportReport', vscode.Uri.parse('file:///work/acme/sites/plant_a.cnms'));

        expect(vscode.state.quickPicks[0].items.map(item => item.label)).toEqual(['Markdown 文档', 'HTML 网页', 'JSON 数据', 'CSV 排放源表', 'Excel 工作簿']);
        expect(reportRequests(client)[0].params).toEqual({ uri: 'file:///work/acme/sites/plant_a.cnms', format: 'csv' });
        expect(vscode.state.saveDialogs[0].defaultUri?.path).toBe('/work/acme/acme-report-sources.csv');
        expect(vscode.state.writes.map(write => write.uri.path)).toEqual(['/tmp/exports/sources.csv']);
        expect(new TextDecoder().decode(vscode.state.writes[0].content)).toBe('来源,tCO2e\r\n锅炉,12.5\r\n');
        expect(vscode.state.messages).toEqual([{ severity: 'information', text: 'CNMS：报告已写入 sources.csv。', items: ['打开'] }]);
        await vi.waitFor(() => expect(vscode.state.shownDocuments.map(document => document.uri.path)).toEqual(['/tmp/exports/sources.csv']));
        expect(vscode.state.shownDocuments[0].getText()).toBe('来源,tCO2e\r\n锅炉,12.5\r\n');
    });

    test('cnms.exportReport: a written report that cannot then be opened says so, and the report stays written', async () => {
        serveReports();
        acmeOnDisk();
        await activateWith({ editor: cnmsFile() });
        vscode.state.quickPickAnswer = items => items.find(item => item.format === 'md');
        vscode.state.saveDialogAnswer = options => options.defaultUri;
        // the file is gone by the time Open is clicked
        vscode.state.messageAnswer = (_text, items) => {
            vscode.state.files.delete('/work/acme/acme-report.md');
            return items[0];
        };
        await vscode.commands.executeCommand('cnms.exportReport');

        expect(vscode.state.writes.map(write => write.uri.path)).toEqual(['/work/acme/acme-report.md']);
        await vi.waitFor(() =>
            expect(vscode.state.messages).toEqual([
                { severity: 'information', text: 'CNMS: the report was written to acme-report.md.', items: ['Open'] },
                { severity: 'error', text: 'CNMS: acme-report.md was written but could not be opened: no content provider for file' }
            ])
        );
        expect(vscode.state.shownDocuments).toEqual([]);
    });

    test('cnms.exportReport writes nothing when the format or the file is cancelled, or the file is in no model', async () => {
        serveReports();
        acmeOnDisk();
        const { client } = await activateWith({ editor: cnmsFile() });
        vscode.state.quickPickAnswer = () => undefined;
        await vscode.commands.executeCommand('cnms.exportReport');
        expect(vscode.state.quickPicks).toHaveLength(1);
        expect(reportRequests(client)).toEqual([]);
        expect(vscode.state.saveDialogs).toEqual([]);

        vscode.state.quickPickAnswer = items => items.find(item => item.format === 'md');
        vscode.state.saveDialogAnswer = () => undefined;
        await vscode.commands.executeCommand('cnms.exportReport');
        expect(reportRequests(client)).toHaveLength(1);
        expect(vscode.state.saveDialogs).toHaveLength(1);
        expect(vscode.state.saveDialogs[0].defaultUri?.path).toBe('/work/acme/acme-report.md');

        LanguageClientDouble.responders.set('cnms/report', () => null);
        vscode.state.saveDialogAnswer = options => options.defaultUri;
        await vscode.commands.executeCommand('cnms.exportReport');
        expect(vscode.state.saveDialogs).toHaveLength(1);
        expect(vscode.state.messages).toEqual([{ severity: 'warning', text: expect.stringContaining('no CNMS model') }]);

        expect(vscode.state.writes).toEqual([]);
        expect(vscode.state.files.has('/work/acme/acme-report.md')).toBe(false);
    });

    test('built-in library documents come from the server', async () => {
        LanguageClientDouble.responders.set('cnms/builtinContent', params => `// text of ${(params as { uri: string }).uri}`);
        await activateWith();
        const document = await vscode.workspace.openTextDocument(vscode.Uri.parse('cnms-builtin:///units.cnms'));
        expect(document.getText()).toBe('// text of cnms-builtin:/units.cnms');
    });

    test('the bundle exports activate and deactivate and leaves `vscode` to the editor', () => {
        const bundlePath = join(extensionDir, manifest.main);
        expect(existsSync(bundlePath)).toBe(true);
        const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
        const load = loader._load;
        const requested: string[] = [];
        loader._load = function (request: string, ...rest: unknown[]) {
            if (request === 'vscode') {
                requested.push(request);
                // vscode-languageclient subclasses some of VS Code's classes as it loads: empty ones stand in.
                return new Proxy(vscode, { get: (target, key) => (key in target ? target[key as keyof typeof target] : class {}) });
            }
            return load.call(this, request, ...rest);
        };
        try {
            const bundle = createRequire(import.meta.url)(bundlePath);
            expect(typeof bundle.activate).toBe('function');
            expect(typeof bundle.deactivate).toBe('function');
        } finally {
            loader._load = load;
        }
        expect(requested.length).toBeGreaterThan(0);
    });
});

/** A comparison as the server gives it (`cnms/diff` as JSON), with text a model could hold that must stay text. */
function sampleDiff(): ModelDiff {
    const figure = (before: string, after: string, delta: string) => ({ before, after, delta });
    return {
        format_version: '1.0',
        model: 'acme <img src=x onerror=alert(1)>',
        before: { revision: 'v1', commit: '0123456789abcdef0123456789abcdef01234567' },
        after: { revision: 'working tree', commit: null },
        summary: 'net +6,361.000 tCO2e (+7.6 %) · 1 source changed · 2024: not carbon neutral, as before · 1 new finding',
        changes: [
            {
                kind: 'source',
                id: 'purchased_power',
                action: 'changed',
                before: '47300',
                after: '53661',
                delta: '6361',
                causes: [
                    // 86,000 → 92,000 MWh: +6,000 / 86,000 = +6.976744… %
                    { cause: 'activity', delta: '6000', input: { before: '86_000 MWh', after: '92_000 MWh', percent: '6.976744186046511627906976744186' } },
                    { cause: 'factor', delta: '361', input: { before: '0.55 tCO2/MWh', after: '0.5539 tCO2/MWh', percent: null } }
                ],
                at: { file: 'acme/sites/plant a.cnms', line: 12 }
            },
            { kind: 'removal', id: 'forest', action: 'changed', before: '120', after: '100', delta: '-20', causes: [], at: { file: 'acme/organization.cnms', line: 7 } },
            { kind: 'policy', id: 'energy_policy', action: 'added', before: null, after: 'policy energy_policy { … }', delta: null, causes: [], at: { file: 'acme/organization.cnms', line: 3 } }
        ],
        totals: {
            emissions: figure('89273.786', '95634.786', '6361'),
            removals: figure('120', '100', '-20'),
            offsets: figure('5000', '5000', '0'),
            net: { ...figure('84153.786', '90534.786', '6381'), percent: '7.58' },
            byCategory: {},
            byScope: { '1': figure('0', '0', '0'), '2-location': figure('0', '0', '0'), '2-market': figure('0', '0', '0'), '3': figure('0', '0', '0') }
        },
        neutrality: { period: '2024', before: false, after: false, status: 'still-not', shortfall: null },
        targets: [],
        findings: {
            gained: [{ rule: 'CN-NUM-002', element: 'Source:purchased_power', severity: 'error', message: 'Unknown unit \'<script>alert("x")</script>\' | [click](javascript:alert(1))' }],
            lost: []
        },
        unparsable: { before: [], after: [] }
    };
}

const DIFF_JSON = (delta: string | null) => JSON.stringify({ format_version: '1.0', totals: { net: { before: '84153.786', after: '90514.786', delta } } });
const diffRequests = (client: LanguageClientDouble) => client.requests.filter(request => request.method === 'cnms/diff');
/** The command's requests: those after `since` (the status bar asks for HEAD on activation). */
const compareRequests = (client: LanguageClientDouble, since: number) => diffRequests(client).slice(since);
/** The tags and attributes of a page: what an injection would have to add. */
const tagsOf = (html: string) => [...html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)].map(match => ({ tag: match[1].toLowerCase(), attributes: [...match[2].matchAll(/([\w-]+)\s*=/g)].map(a => a[1].toLowerCase()) }));

/** A git repository with a model: two commits on main, a branch `feature`, a tag `v1`. */
function gitModel(): { dir: string; org: string } {
    const dir = mkdtempSync(join(tmpdir(), 'cnms-vscode-git-'));
    const run = (...args: string[]) => {
        const result = spawnSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=test', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
        if (result.status !== 0) throw new Error(result.stderr);
    };
    const org = join(dir, 'organization.cnms');
    run('init', '-q', '-b', 'main');
    writeFileSync(org, 'organization acme "Acme" { period 2024 }\n');
    run('add', '-A');
    run('commit', '-qm', 'The model');
    run('tag', 'v1');
    run('branch', 'feature');
    writeFileSync(org, 'organization acme "Acme" { period 2024 consolidation operational-control }\n');
    run('commit', '-qam', 'Consolidation approach');
    return { dir, org };
}

describe('CNMS: Compare with Revision…', () => {
    test('asks for a revision (HEAD by default) outside git, asks cnms/diff for JSON and shows the comparison beside the editor, safely', async () => {
        LanguageClientDouble.responders.set('cnms/diff', () => ({ content: JSON.stringify(sampleDiff()) }));
        const { client } = await activateWith({ editor: cnmsFile() });
        const since = diffRequests(client).length;
        vscode.state.inputBoxAnswer = () => 'v1';
        await vscode.commands.executeCommand('cnms.compareWithRevision');

        // /work/acme is in no repository: no pick list, the input box
        expect(vscode.state.quickPicks).toEqual([]);
        expect(vscode.state.inputBoxes).toHaveLength(1);
        expect(vscode.state.inputBoxes[0].value).toBe('HEAD');
        expect(compareRequests(client, since)).toEqual([{ method: 'cnms/diff', params: { uri: 'file:///work/acme/organization.cnms', revision: 'v1', format: 'json' } }]);
        expect(vscode.state.webviewPanels).toHaveLength(1);
        const [panel] = vscode.state.webviewPanels;
        expect(panel.viewType).toBe('cnms.revisionDiff');
        expect(panel.title).toBe('CNMS: changes since v1');
        expect(panel.showOptions).toEqual({ viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
        expect(panel.options).toMatchObject({ enableScripts: false, enableForms: false, enableCommandUris: ['cnms.revealLine'], localResourceRoots: [] });

        const html = panel.webview.html;
        // One CSP, strict, first in <head>.
        expect(DIFF_WEBVIEW_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'");
        expect(cspMetas(html)).toEqual([`<meta http-equiv="Content-Security-Policy" content="${DIFF_WEBVIEW_CSP}">`]);
        expect(html).toMatch(/<head>\s*<meta http-equiv="Content-Security-Policy"/);
        // Only the renderer's own tags and attributes: the model's text stayed text; no link without a repository.
        const allowed = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h3', 'p', 'strong', 'code', 'div', 'span', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li']);
        for (const { tag, attributes } of tagsOf(html.replace(/^<!DOCTYPE html>/, ''))) {
            expect(allowed.has(tag), tag).toBe(true);
            for (const attribute of attributes) expect(['lang', 'http-equiv', 'content', 'charset', 'class', 'colspan'], `${tag} ${attribute}`).toContain(attribute);
        }
        expect(html).not.toMatch(/<script|<img|<a\b|href/i);
        expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
        expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
        // The comparison: the heading, the net change coloured as a rise, the neutrality in words.
        expect(html).toContain('<h1>Changes in acme &lt;img src=x onerror=alert(1)&gt;</h1>');
        expect(html).toContain('<p>Net balance: <span class="worse">▲ +6,381.000</span> tCO2e (+7.6 %)</p>');
        expect(html).toContain('<p>2024: <span class="badge quiet">not carbon neutral, as before</span></p>');
        expect(html).not.toContain('still-not');
        // Totals: a fall of the removals adds to the net (worse), a rise of the emissions too.
        expect(html).toContain('<td>Removals</td><td class="right">120.000</td><td class="right">100.000</td><td class="right"><span class="worse">▼ -20.000</span></td>');
        expect(html).toContain('<td><strong>Net</strong></td><td class="right"><strong>84,153.786</strong></td><td class="right"><strong>90,534.786</strong></td><td class="right"><span class="worse">▲ +6,381.000</span></td>');
        // The source with its causes as the input changes that made them (6,000 / 86,000 = +7.0 %).
        expect(html).toContain(
            '<tr class="causes"><td colspan="4">Caused by: <span class="cause">activity <code>86_000 MWh</code> → <code>92_000 MWh</code> (+7.0 %) → <span class="worse">▲ +6,000.000</span></span><span class="cause">factor <code>0.55 tCO2/MWh</code> → <code>0.5539 tCO2/MWh</code> → <span class="worse">▲ +361.000</span></span></td></tr>'
        );
        // a removal that falls adds to the net (worse); it has no causes row
        expect(html).toContain('<td class="right"><span class="worse">▼ -20.000</span></td></tr></tbody>');
        expect(html).toContain('<li>+ policy <code>energy_policy</code></li>');
        expect(vscode.state.messages).toEqual([]);
    });

    test('in a repository: a pick list of HEAD, branches, tags and recent commits; each changed figure links to its line', async () => {
        const { dir, org } = gitModel();
        try {
            vscode.state.files.set(org, readFileSync(org));
            LanguageClientDouble.responders.set('cnms/diff', () => ({ content: JSON.stringify({ ...sampleDiff(), changes: sampleDiff().changes.map(c => ({ ...c, at: c.at && { ...c.at, file: c.at.file.replace('acme/', '') } })) }) }));
            const { client } = await activateWith({ editor: vscode.textDocument(`file://${org}`, 'cnms') });
            const since = diffRequests(client).length;
            vscode.state.quickPickAnswer = items => items.find(item => (item as { revision?: string }).revision === 'v1');
            await vscode.commands.executeCommand('cnms.compareWithRevision');

            expect(vscode.state.inputBoxes).toEqual([]);
            const [pick] = vscode.state.quickPicks;
            const labels = pick.items.map(item => (item.kind === vscode.QuickPickItemKind.Separator ? `— ${item.label}` : item.label));
            expect(labels.slice(0, 2)).toEqual(['$(git-commit) HEAD', '— Branches']);
            // newest commit first; both were committed within the same second here
            expect(labels.slice(2, 4).sort()).toEqual(['$(git-branch) feature', '$(git-branch) main']);
            expect(labels.slice(4, 7)).toEqual(['— Tags', '$(tag) v1', '— Recent commits']);
            expect(labels.slice(7, 9)).toEqual([expect.stringMatching(/^\$\(git-commit\) [0-9a-f]{7,}$/), expect.stringMatching(/^\$\(git-commit\) [0-9a-f]{7,}$/)]);
            expect(pick.items[7].detail).toBe('Consolidation approach');
            expect(labels.at(-1)).toBe('$(edit) Another revision…');
            expect(compareRequests(client, since).map(request => request.params)).toEqual([{ uri: `file://${org}`, revision: 'v1', format: 'json' }]);

            // The figure links to its line in the repository's file (the space of `plant a` encoded).
            const html = vscode.state.webviewPanels[0].webview.html;
            const args = encodeURIComponent(JSON.stringify([`file://${dir}/sites/plant%20a.cnms`, 12]));
            expect(html).toContain(`<a href="command:cnms.revealLine?${args}" title="sites/plant a.cnms:12"><code>purchased_power</code></a>`);
            // The link's command opens the file at that line.
            await vscode.commands.executeCommand('cnms.revealLine', `file://${org}`, 3);
            expect(vscode.state.shownDocuments.at(-1)!.uri.path).toBe(org);
            expect(vscode.state.shownOptions.at(-1)).toMatchObject({ selection: { start: { line: 2, character: 0 } } });

            // "Another revision…" asks for one by name.
            vscode.state.quickPickAnswer = items => items.at(-1);
            vscode.state.inputBoxAnswer = () => 'HEAD~1';
            await vscode.commands.executeCommand('cnms.compareWithRevision');
            expect(compareRequests(client, since).at(-1)!.params).toEqual({ uri: `file://${org}`, revision: 'HEAD~1', format: 'json' });
            // Escape on the list asks nothing.
            vscode.state.quickPickAnswer = () => undefined;
            await vscode.commands.executeCommand('cnms.compareWithRevision');
            expect(compareRequests(client, since)).toHaveLength(2);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    test('the default HEAD as offered; the file of a context menu; one panel, revealed again', async () => {
        LanguageClientDouble.responders.set('cnms/diff', params => ({ content: JSON.stringify({ ...sampleDiff(), before: { revision: (params as { revision: string }).revision, commit: null } }) }));
        const { client } = await activateWith({ editor: cnmsFile() });
        const since = diffRequests(client).length;
        vscode.state.inputBoxAnswer = options => options.value;
        await vscode.commands.executeCommand('cnms.compareWithRevision');
        await vscode.commands.executeCommand('cnms.compareWithRevision', vscode.Uri.parse('file:///work/acme/sites/plant_a.cnms'));
        expect(compareRequests(client, since).map(request => request.params)).toEqual([
            { uri: 'file:///work/acme/organization.cnms', revision: 'HEAD', format: 'json' },
            { uri: 'file:///work/acme/sites/plant_a.cnms', revision: 'HEAD', format: 'json' }
        ]);
        expect(vscode.state.webviewPanels).toHaveLength(1);
        expect(vscode.state.webviewPanels[0].reveals).toEqual([{ viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }]);
        expect(vscode.state.webviewPanels[0].webview.html).toContain('<p class="muted">HEAD → the saved files</p>');

        // Closed, then asked again: a new panel.
        vscode.state.webviewPanels[0].dispose();
        vscode.state.inputBoxAnswer = () => ' main~2 ';
        await vscode.commands.executeCommand('cnms.compareWithRevision');
        expect(compareRequests(client, since).at(-1)!.params).toEqual({ uri: 'file:///work/acme/organization.cnms', revision: 'main~2', format: 'json' });
        expect(vscode.state.webviewPanels).toHaveLength(2);
        expect(vscode.state.webviewPanels[1].title).toBe('CNMS: changes since main~2');
    });

    test('Escape asks nothing; an unknown revision or a folder without git is an error message, not a panel; Chinese texts', async () => {
        LanguageClientDouble.responders.set('cnms/diff', params => {
            throw new Error(`unknown revision '${(params as { revision: string }).revision}'`);
        });
        const { client } = await activateWith({ editor: cnmsFile(), messages: 'zh-CN' });
        const since = diffRequests(client).length;
        await vscode.commands.executeCommand('cnms.compareWithRevision');
        expect(vscode.state.inputBoxes).toHaveLength(1);
        expect(vscode.state.inputBoxes[0].prompt).toMatch(/[\u4e00-\u9fff]/);
        expect(await vscode.state.inputBoxes[0].validateInput?.('  ')).toBe('请输入一个版本，例如 HEAD。');
        expect(await vscode.state.inputBoxes[0].validateInput?.('--output=x')).toBeTruthy();
        expect(await vscode.state.inputBoxes[0].validateInput?.('HEAD~1')).toBeUndefined();
        expect(compareRequests(client, since)).toEqual([]);

        vscode.state.inputBoxAnswer = () => 'nope';
        await vscode.commands.executeCommand('cnms.compareWithRevision');
        expect(compareRequests(client, since)).toHaveLength(1);
        expect(vscode.state.webviewPanels).toEqual([]);
        expect(vscode.state.messages).toEqual([{ severity: 'error', text: "CNMS：无法将模型与 nope 比较：unknown revision 'nope'" }]);

        vscode.state.activeTextEditor = { document: vscode.textDocument('file:///work/notes.txt', 'plaintext') };
        await vscode.commands.executeCommand('cnms.compareWithRevision');
        expect(vscode.state.inputBoxes).toHaveLength(2);
        expect(vscode.state.messages.at(-1)).toEqual({ severity: 'warning', text: '请先打开一个 CNMS 文件，再将其模型与某个版本比较。' });
    });

    test('the comparison in Chinese: headings, neutrality and causes in Chinese', async () => {
        LanguageClientDouble.responders.set('cnms/diff', () => ({ content: JSON.stringify(sampleDiff()) }));
        await activateWith({ editor: cnmsFile(), messages: 'zh-CN' });
        vscode.state.inputBoxAnswer = () => 'v1';
        await vscode.commands.executeCommand('cnms.compareWithRevision');
        const html = vscode.state.webviewPanels[0].webview.html;
        expect(html).toContain('<html lang="zh-CN">');
        expect(html).toContain('<p>2024：<span class="badge quiet">仍未实现碳中和</span></p>');
        expect(html).toContain('<span class="cause">活动数据 <code>86_000 MWh</code>');
        expect(html).toContain('<h3>合计（tCO2e）</h3>');
    });

    test('the renderer: every character of the Markdown is escaped but its own structure', () => {
        expect(renderMarkdown('a <b>&amp; "c"</b> \\| \\*x\\* **y** `<z>`')).toBe('<p>a &lt;b&gt;&amp;amp; &quot;c&quot;&lt;/b&gt; | *x* <strong>y</strong> <code>&lt;z&gt;</code></p>');
        expect(renderMarkdown('| a \\| b | c |\n|---|:---:|\n| 1 | <br> |')).toBe('<table><thead><tr><th>a | b</th><th class="center">c</th></tr></thead><tbody><tr><td>1</td><td class="center"><br></td></tr></tbody></table>');
        expect(renderMarkdown('**open')).toBe('<p><strong>open</strong></p>');
        expect(renderMarkdown('<details><summary><i>x</i></summary>\n\n- one\n- two')).toBe('<details open><summary>&lt;i&gt;x&lt;/i&gt;</summary>\n<ul><li>one</li><li>two</li></ul>\n</details>');
        expect(renderMarkdown('</details>\n<script>alert(1)</script>')).toBe('<p>&lt;/details&gt;</p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    });
});

describe('CNMS: New Model…, the bundled rule pages, the cnms.json schema, the walkthrough and the icon', () => {
    test("writes cnms init's template into the chosen folder and opens the organisation file", async () => {
        await activateWith();
        vscode.state.workspaceFolders = [{ uri: vscode.Uri.file('/work/acme'), name: 'acme', index: 0 }];
        vscode.state.openDialogAnswer = () => [vscode.Uri.file('/work/acme/new')];
        const created = (await vscode.commands.executeCommand('cnms.newModel')) as vscode.Uri;
        expect(created.path).toBe('/work/acme/new/organization.cnms');
        expect(vscode.state.openDialogs[0]).toMatchObject({ canSelectFolders: true, canSelectFiles: false, title: 'CNMS: New Model — choose an empty folder' });
        // the CLI's own template, for the last full calendar year
        const files = initTemplate(new Date().getUTCFullYear() - 1);
        expect(vscode.state.writes.map(write => write.uri.path)).toEqual(Object.keys(files).map(file => `/work/acme/new/${file}`));
        for (const write of vscode.state.writes) expect(new TextDecoder().decode(write.content)).toBe(files[write.uri.path.slice('/work/acme/new/'.length)]);
        expect(vscode.state.shownDocuments.at(-1)!.uri.path).toBe('/work/acme/new/organization.cnms');
        expect(vscode.state.messages).toEqual([]);

        // Again into the same folder: nothing is overwritten.
        vscode.state.writes.length = 0;
        expect(await vscode.commands.executeCommand('cnms.newModel')).toBeUndefined();
        expect(vscode.state.writes).toEqual([]);
        expect(vscode.state.messages.at(-1)).toEqual({ severity: 'error', text: 'CNMS: not overwriting organization.cnms, sites/main_site.cnms, docs/manual.md: choose an empty folder.' });

        // Outside the workspace: it offers to open the folder. Cancelled dialog: nothing.
        vscode.state.openDialogAnswer = () => [vscode.Uri.file('/elsewhere/model')];
        await vscode.commands.executeCommand('cnms.newModel');
        expect(vscode.state.messages.at(-1)).toMatchObject({ severity: 'information', items: ['Open Folder'] });
        vscode.state.openDialogAnswer = () => undefined;
        vscode.state.writes.length = 0;
        expect(await vscode.commands.executeCommand('cnms.newModel')).toBeUndefined();
        expect(vscode.state.writes).toEqual([]);
    });

    test("a finding's rule code opens the page bundled with the extension, not the website", () => {
        const diagnostic = (code: unknown) => ({ message: 'm', code }) as never;
        const [linked, plain, unknown] = withLocalRuleDocs(extensionDir, [
            diagnostic({ value: 'CN-6.2-001', target: vscode.Uri.parse('https://cnms.dev/docs/rules/CN-6.2-001') }),
            diagnostic('CN-NUM-002'),
            diagnostic('CN-9.9-999')
        ]) as unknown as Array<{ code: { value: string; target: vscode.Uri } | string }>;
        expect(linked.code).toEqual({ value: 'CN-6.2-001', target: vscode.Uri.file(join(extensionDir, 'out/rules/CN-6.2-001.md')) });
        expect(plain.code).toEqual({ value: 'CN-NUM-002', target: vscode.Uri.file(join(extensionDir, 'out/rules/CN-NUM-002.md')) });
        // no page for it: left as the server gave it
        expect(unknown.code).toBe('CN-9.9-999');
        // every rule of the catalogue has its page in the bundle
        for (const line of readFileSync(join(root, 'test/fixtures/rules-md-ids.txt'), 'utf8').split('\n').filter(Boolean)) expect(existsSync(join(extensionDir, 'out/rules', `${line.trim()}.md`)), line).toBe(true);
    });

    test('cnms.json is completed and checked by a schema made from the rule catalogue', () => {
        expect(manifest.contributes.jsonValidation).toEqual([{ fileMatch: 'cnms.json', url: './schemas/cnms.schema.json' }]);
        const schema = JSON.parse(readFileSync(join(extensionDir, 'schemas/cnms.schema.json'), 'utf8'));
        const validator = new Validator();
        const valid = (text: string) => validator.validate(JSON.parse(text), schema).valid;
        expect(valid(readFileSync(join(root, 'test/fixtures/rules/CN-NUM-010/fixed/cnms.json'), 'utf8'))).toBe(true);
        // the mistakes CN-NUM-010 reports are schema errors too: an unknown rule, a language rule, a bad value, another key
        expect(valid(readFileSync(join(root, 'test/fixtures/rules/CN-NUM-010/fires/cnms.json'), 'utf8'))).toBe(false);
        expect(valid('{ "rules": { "CN-NUM-002": "off" } }')).toBe(false);
        expect(valid('{ "rules": { "CN-8.2-001": "loud" } }')).toBe(false);
        expect(valid('{ "rule": {} }')).toBe(false);
        expect(valid('{ "$schema": "./x.json", "rules": { "CN-6.2-013": "error", "CN-8.2-001": "off" } }')).toBe(true);
        expect(schema.properties.rules.properties['CN-8.2-001'].description).toMatch(/ · [\u4e00-\u9fff]/);
        // fresh: the generator's check passes
        const check = spawnSync(process.execPath, [join(root, 'scripts/generate-settings-schema.mjs'), '--check'], { encoding: 'utf8' });
        expect(check.status, check.stderr).toBe(0);
    });

    test('the walkthrough, its pages and the icon are in the package', () => {
        const [walkthrough] = manifest.contributes.walkthroughs;
        expect(walkthrough.steps.map((step: { id: string }) => step.id)).toEqual(['newModel', 'balance', 'validate', 'report']);
        for (const step of walkthrough.steps) {
            expect(existsSync(join(extensionDir, step.media.markdown)), step.media.markdown).toBe(true);
            expect(nls[step.description.slice(1, -1)]).toMatch(/\]\(command:cnms\.\w+\)$/);
            expect(nlsZh[step.description.slice(1, -1)]).toMatch(/[\u4e00-\u9fff]/);
        }
        expect(walkthrough.steps[0].completionEvents).toEqual(['onCommand:cnms.newModel']);
        const png = readFileSync(join(extensionDir, manifest.icon));
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        // width and height in the IHDR chunk: 256 × 256
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([256, 256]);
        const ignore = readFileSync(join(extensionDir, '.vscodeignore'), 'utf8');
        for (const folder of ['images', 'schemas', 'walkthrough']) expect(ignore).toContain(`!${folder}/**`);
    });
});

describe("the status bar's change since HEAD", () => {
    test("shown when the net differs from HEAD, as the balance item's suffix and in its tooltip", async () => {
        LanguageClientDouble.responders.set('cnms/diff', () => ({ content: DIFF_JSON('6361') }));
        const { api, client } = await activateWith({ editor: cnmsFile() });
        await vi.waitFor(() => expect(api.statusBar.text).toBe('$(pulse) Net 2024: +84,153.786 tCO2e · Δ +6,361.000 vs HEAD'));
        expect(diffRequests(client)).toEqual([{ method: 'cnms/diff', params: { uri: 'file:///work/acme/organization.cnms', revision: 'HEAD', format: 'json' } }]);
        expect((api.statusBar.tooltip as unknown as vscode.MarkdownString).value).toContain('Net change since HEAD (saved files): +6,361.000 tCO2e');
        expect(vscode.state.messages).toEqual([]);
    });

    test('hidden when the change is zero, and when there is none to ask for (no repository, no HEAD)', async () => {
        LanguageClientDouble.responders.set('cnms/diff', () => ({ content: DIFF_JSON('0.000') }));
        const { api, client } = await activateWith({ editor: cnmsFile() });
        await vi.waitFor(() => expect(diffRequests(client)).toHaveLength(1));
        await new Promise(resolve => setTimeout(resolve, 50));
        expect(api.statusBar.text).toBe('$(pulse) Net 2024: +84,153.786 tCO2e');
        expect((api.statusBar.tooltip as unknown as vscode.MarkdownString).value).not.toContain('HEAD');

        LanguageClientDouble.responders.set('cnms/diff', () => {
            throw new Error("'/work/acme' is not inside a git repository");
        });
        await vscode.state.onDidSaveTextDocument.fire(cnmsFile());
        await vi.waitFor(() => expect(diffRequests(client)).toHaveLength(2));
        await new Promise(resolve => setTimeout(resolve, 50));
        expect(api.statusBar.text).toBe('$(pulse) Net 2024: +84,153.786 tCO2e');
        expect(vscode.state.messages).toEqual([]);
    });

    test('asked again on save, not on every change of the diagnostics; in Chinese', async () => {
        let delta: string | null = '-12.3456';
        LanguageClientDouble.responders.set('cnms/diff', () => ({ content: DIFF_JSON(delta) }));
        const { api, client } = await activateWith({ editor: cnmsFile(), messages: 'zh-CN' });
        await vi.waitFor(() => expect(api.statusBar.text).toBe('$(pulse) 净排放 2024：+84,153.786 tCO2e · Δ -12.346（相对 HEAD）'));

        // Typing: the diagnostics change, the balance is asked again, the change since HEAD is not.
        delta = '1';
        await vscode.state.onDidChangeDiagnostics.fire({ uris: [vscode.Uri.parse('file:///work/acme/organization.cnms')] });
        await vi.waitFor(() => expect(client.requests.filter(request => request.method === 'cnms/balance')).toHaveLength(2));
        await new Promise(resolve => setTimeout(resolve, 50));
        expect(diffRequests(client)).toHaveLength(1);
        expect(api.statusBar.text).toContain('Δ -12.346');

        // A save: asked again; back to HEAD's net, the suffix goes.
        delta = '0';
        await vscode.state.onDidSaveTextDocument.fire(cnmsFile());
        await vi.waitFor(() => expect(api.statusBar.text).toBe('$(pulse) 净排放 2024：+84,153.786 tCO2e'));
        expect(diffRequests(client)).toHaveLength(2);

        delta = '7357.1326';
        await vscode.state.onDidSaveTextDocument.fire(vscode.textDocument('file:///work/acme/sites/plant_a.cnms', 'cnms'));
        await vi.waitFor(() => expect(api.statusBar.text).toBe('$(pulse) 净排放 2024：+84,153.786 tCO2e · Δ +7,357.133（相对 HEAD）'));
    });

    test('hidden while errors stand against the model or a figure could not be computed; the net says it is incomplete', async () => {
        LanguageClientDouble.responders.set('cnms/diff', () => ({ content: DIFF_JSON('-203552') }));
        LanguageClientDouble.responders.set('cnms/balance', () => ({ ...BALANCE, netDisplay: '≥ +3,021,008.032', uncomputed: 1, errors: 1 }));
        const { api, client } = await activateWith({ editor: cnmsFile() });
        await vi.waitFor(() => expect(diffRequests(client)).toHaveLength(1));
        await new Promise(resolve => setTimeout(resolve, 50));
        expect(api.statusBar.text).toBe('$(pulse) Net 2024: ≥ +3,021,008.032 tCO2e · 1 not computed');

        // the typo mended: complete again, and the change since HEAD shows
        LanguageClientDouble.responders.set('cnms/balance', () => ({ ...BALANCE }));
        await vscode.state.onDidChangeDiagnostics.fire({ uris: [vscode.Uri.parse('file:///work/acme/organization.cnms')] });
        await vi.waitFor(() => expect(api.statusBar.text).toBe('$(pulse) Net 2024: +84,153.786 tCO2e · Δ -203,552.000 vs HEAD'));
    });

    test('says the model is loading until the server first answers', async () => {
        let answer: (value: unknown) => void = () => undefined;
        LanguageClientDouble.responders.set('cnms/balance', () => new Promise(resolve => (answer = resolve)));
        const activation = activateWith({ editor: cnmsFile() });
        await vi.waitFor(() => expect(vscode.state.statusBarItems.at(-1)?.text).toBe('$(sync~spin) CNMS: loading model…'));
        answer(BALANCE);
        const { api } = await activation;
        expect(api.statusBar.text).toBe('$(pulse) Net 2024: +84,153.786 tCO2e');
    });

    test('shows the new net as soon as the figures are computed, "checking rules" until the verdict comes', async () => {
        const asked: unknown[] = [];
        let verdict: (value: unknown) => void = () => undefined;
        LanguageClientDouble.responders.set('cnms/balance', params => {
            asked.push(params);
            return (params as { figuresOnly?: boolean }).figuresOnly ? { ...BALANCE, rulesChecked: false, errors: 2 } : new Promise(resolve => (verdict = resolve));
        });
        const activation = activateWith({ editor: cnmsFile() });
        // the net at once; the errors of a model whose rules still run are not trusted (no error colour)
        await vi.waitFor(() => expect(vscode.state.statusBarItems.at(-1)?.text).toBe('$(pulse) Net 2024: +84,153.786 tCO2e · checking rules…'));
        expect(vscode.state.statusBarItems.at(-1)?.backgroundColor).toBeUndefined();
        verdict({ ...BALANCE, errors: 1 });
        const { api } = await activation;
        expect(api.statusBar.text).toBe('$(pulse) Net 2024: +84,153.786 tCO2e');
        expect(api.statusBar.backgroundColor).toBeDefined();
        expect(asked.map(params => (params as { figuresOnly?: boolean }).figuresOnly ?? false)).toEqual([true, false]);
    });

    test("figures are rounded half to even and grouped, like the server's", () => {
        expect(formatSignedDecimal('6361')).toBe('+6,361.000');
        expect(formatSignedDecimal('7357.1326')).toBe('+7,357.133');
        expect(formatSignedDecimal('-1234567.8')).toBe('-1,234,567.800');
        expect(formatSignedDecimal('2.0005')).toBe('+2.000');
        expect(formatSignedDecimal('2.0015')).toBe('+2.002');
        expect(formatSignedDecimal('2.00050001')).toBe('+2.001');
        expect(formatSignedDecimal('999.9995')).toBe('+1,000.000');
        expect(formatSignedDecimal('0')).toBe('0.000');
        expect(formatSignedDecimal('-0.000')).toBe('0.000');
        expect(formatSignedDecimal('12.5', 0)).toBe('+12');
    });
});

describe('package.json contributions', () => {
    test('Chinese text is not covered in boxes: ambiguous-character highlighting is off for CNMS files only', () => {
        // VS Code marks every ：，（） in a Chinese string or comment as confusable with ASCII
        expect(manifest.contributes.configurationDefaults['[cnms]']['editor.unicodeHighlight.ambiguousCharacters']).toBe(false);
    });

    test("a multi-gas factor's hint is shown whole: VS Code's 43-character cut is off for CNMS files only", () => {
        // `= 56,100 kgCO2/TJ · 1 kgCH4/TJ · 0.1 kgN2O/TJ` is 45 characters: VS Code cut it to `0.1 kgN2O/…`
        expect(manifest.contributes.configurationDefaults).toEqual({ '[cnms]': { 'editor.unicodeHighlight.ambiguousCharacters': false, 'editor.inlayHints.maximumLength': 0 } });
    });

    test('the language matches langium-config.json and the grammar', () => {
        const [language] = langiumConfig.languages;
        expect(manifest.contributes.languages.map((l: { id: string }) => l.id)).toEqual([language.id]);
        const contributed = manifest.contributes.languages[0];
        expect(contributed.extensions).toEqual(language.fileExtensions);
        expect(contributed.aliases[0]).toBe('CNMS');
        expect(manifest.activationEvents).toEqual([
            `onLanguage:${language.id}`,
            'onCommand:cnms.openReportPreview',
            'onCommand:cnms.exportReport',
            'onCommand:cnms.compareWithRevision',
            'onCommand:cnms.newModel',
            'onWebviewPanel:cnms.reportPreview'
        ]);
        for (const icon of [contributed.icon.light, contributed.icon.dark, contributed.configuration]) {
            expect(existsSync(join(extensionDir, icon)), icon).toBe(true);
        }
        const [grammar] = manifest.contributes.grammars;
        expect(grammar.language).toBe(language.id);
        const tmLanguage = JSON.parse(readFileSync(join(extensionDir, grammar.path), 'utf8'));
        expect(grammar.scopeName).toBe(tmLanguage.scopeName);
        expect(grammar.scopeName).toBe('source.cnms');
    });

    test('the manifest is publishable', () => {
        expect(manifest.name).toBe('cnms-vscode');
        expect(manifest.publisher).toBe('cnms');
        expect(manifest.engines.vscode).toBe('^1.91.0');
        expect(manifest.main).toBe('./out/extension.cjs');
        expect(manifest.license).toBe('MIT');
        expect(readFileSync(join(extensionDir, 'LICENSE'), 'utf8')).toContain('MIT License');
        expect(manifest.repository).toBeUndefined();
        expect(manifest.categories).toContain('Programming Languages');
        expect(manifest.scripts.package).toContain('--allow-missing-repository');
    });

    test('every contributed command is registered by activate() and vice versa', async () => {
        await activateWith();
        const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
        expect(contributed).toEqual([...vscode.state.commands.keys()].sort());
        const inMenus = Object.values(manifest.contributes.menus as Record<string, Array<{ command: string }>>)
            .flat()
            .map(entry => entry.command);
        for (const command of inMenus) expect(contributed).toContain(command);
        // Titles without a hard-coded prefix: the palette shows the category (`CNMS: Show Balance`).
        for (const command of manifest.contributes.commands) expect(command.category, command.command).toBe('CNMS');
        const title = (command: string, texts: Record<string, string>) => texts[manifest.contributes.commands.find((c: { command: string }) => c.command === command).title.slice(1, -1)];
        expect(title('cnms.showBalance', nls)).toBe('Show Balance');
        expect(title('cnms.validateWorkspace', nls)).toBe('Validate Workspace');
        expect(title('cnms.openReportPreview', nls)).toBe('Open Report Preview');
        expect(title('cnms.exportReport', nls)).toBe('Export Report…');
        expect(title('cnms.openReportPreview', nlsZh)).toBe('打开报告预览');
        expect(title('cnms.exportReport', nlsZh)).toBe('导出报告…');
        expect(title('cnms.newModel', nls)).toBe('New Model…');
        expect(title('cnms.newModel', nlsZh)).toBe('新建模型…');
        for (const texts of [nls, nlsZh]) for (const [key, value] of Object.entries(texts)) if (key.startsWith('command.')) expect(value, key).not.toMatch(/^CNMS[:：]/);
        expect(manifest.contributes.menus['editor/title']).toContainEqual({ command: 'cnms.openReportPreview', when: 'resourceLangId == cnms', group: 'navigation' });
        expect(title('cnms.compareWithRevision', nls)).toBe('Compare with Revision…');
        expect(title('cnms.compareWithRevision', nlsZh)).toBe('与版本比较…');
        expect(manifest.contributes.menus.commandPalette).toContainEqual({ command: 'cnms.compareWithRevision', when: 'editorLangId == cnms' });
        // the comparison's link target is no command for the palette
        expect(manifest.contributes.menus.commandPalette).toContainEqual({ command: 'cnms.revealLine', when: 'false' });
        for (const command of ['cnms.openReportPreview', 'cnms.exportReport', 'cnms.compareWithRevision', 'cnms.newModel']) {
            expect(manifest.activationEvents).toContain(`onCommand:${command}`);
        }
    });

    test('the settings are those the server reads', () => {
        const properties = manifest.contributes.configuration.properties;
        expect(Object.keys(properties).sort()).toEqual(['cnms.display.precision', 'cnms.inlayHints.emissions', 'cnms.inlayHints.enabled', 'cnms.inlayHints.values', 'cnms.messages.language']);
        expect(properties['cnms.inlayHints.enabled']).toMatchObject({ type: 'boolean', default: true });
        expect(properties['cnms.inlayHints.emissions']).toMatchObject({ type: 'boolean', default: true });
        expect(properties['cnms.inlayHints.values']).toMatchObject({ type: 'boolean', default: true });
        expect(properties['cnms.display.precision']).toMatchObject({ type: 'integer', default: 3, minimum: 0, maximum: 6 });
        expect(properties['cnms.messages.language']).toMatchObject({ type: 'string', default: 'auto', enum: ['auto', 'en', 'zh-CN'] });
    });

    test('every %key% has an English and a Chinese text', () => {
        const keys: string[] = [];
        const collect = (value: unknown): void => {
            if (typeof value === 'string') {
                const match = /^%(.+)%$/.exec(value);
                if (match) keys.push(match[1]);
            } else if (Array.isArray(value)) value.forEach(collect);
            else if (value && typeof value === 'object') Object.values(value).forEach(collect);
        };
        collect(manifest);
        expect(keys.length).toBeGreaterThanOrEqual(10);
        for (const key of keys) {
            expect(nls[key], `package.nls.json: ${key}`).toBeTypeOf('string');
            expect(nlsZh[key], `package.nls.zh-cn.json: ${key}`).toBeTypeOf('string');
        }
        expect(Object.keys(nlsZh).sort()).toEqual(Object.keys(nls).sort());
        expect(Object.keys(nls).sort()).toEqual([...new Set(keys)].sort());
        for (const key of Object.keys(nls).filter(key => nls[key] !== 'CNMS')) {
            expect(nlsZh[key], key).toMatch(/[\u4e00-\u9fff]/);
        }
    });

    test('the language configuration knows the comments, brackets and Chinese names', () => {
        const configuration = JSON.parse(readFileSync(join(extensionDir, 'language-configuration.json'), 'utf8'));
        expect(configuration.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(configuration.brackets).toEqual([
            ['{', '}'],
            ['(', ')']
        ]);
        expect(configuration.surroundingPairs).toContainEqual(['"', '"']);
        expect(configuration.autoClosingPairs.map((pair: { open: string }) => pair.open)).toEqual(expect.arrayContaining(['{', '(', '"']));
        const word = new RegExp(`^(?:${configuration.wordPattern})$`);
        for (const name of ['一号锅炉', 'plant_a', '万元', 'wan_Nm3', 'base-year', 'tCO2e', '1_250.5']) expect(name).toMatch(word);
        expect('a b').not.toMatch(word);
        const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
        const decrease = new RegExp(configuration.indentationRules.decreaseIndentPattern);
        expect('source boiler "Gas boilers" at plant_a {').toMatch(increase);
        expect('site plant_a { location "x" }').not.toMatch(increase);
        expect('    }').toMatch(decrease);
    });

    test('snippets parse, start with a keyword and cover every declaration', () => {
        const keywords = langiumKeywords();
        // VS Code shows contributed snippets everywhere, inside blocks too: the server offers them, only where a declaration may start
        expect(manifest.contributes.snippets).toBeUndefined();
        const snippets = JSON.parse(readFileSync(join(extensionDir, 'snippets/cnms.json'), 'utf8')) as Record<string, { prefix: string; body: string[]; description: string }>;
        const parser = createCnmsServices(EmptyFileSystem).Cnms.parser.LangiumParser;
        const firstWords = new Set<string>();
        for (const [name, snippet] of Object.entries(snippets)) {
            const firstWord = snippet.body[0].split(/\s/)[0];
            expect(keywords.has(firstWord), `${name} starts with ${firstWord}`).toBe(true);
            expect(snippet.description, name).toBeTruthy();
            firstWords.add(firstWord);
            // With each tab stop at its default (the first choice), the snippet is valid CNMS.
            const text = snippet.body
                .join('\n')
                .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
                .replace(/\$\{\d+:([^}]*)\}/g, '$1')
                .replace(/\$\d+/g, '');
            const result = parser.parse(text);
            expect(
                [...result.lexerErrors, ...result.parserErrors].map(error => error.message),
                `${name}:\n${text}`
            ).toEqual([]);
        }
        // every declaration of the grammar but those that build a library (the shipped one's `gas`, `gwp-set` …), which a model seldom writes
        const declarations = [...declarationKeywords()].filter(keyword => !LIBRARY_DECLARATIONS.has(keyword));
        expect(declarations.length).toBeGreaterThan(35);
        expect(declarations.filter(keyword => !firstWords.has(keyword))).toEqual([]);
        const bodies = Object.values(snippets).map(snippet => snippet.body.join('\n'));
        expect(bodies.filter(body => body.startsWith('factor ')).some(body => body.includes('\tvalue '))).toBe(true);
        expect(bodies.filter(body => body.startsWith('source ')).some(body => body.includes('\temissions '))).toBe(true);
        expect(bodies.filter(body => body.startsWith('source ')).some(body => body.includes('\tactivity '))).toBe(true);
    });
});
