// The CNMS extension: wiring only. Starts the language client and connects the
// status bar, the balance and report previews, the comparison with a revision,
// the commands and the read-only documents to VS Code's events.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { BalancePreview } from './balance-preview.js';
import { isCnmsUri } from './balance-request.js';
import { BuiltinDocuments, BUILTIN_SCHEME } from './builtin-documents.js';
import { createClient } from './client.js';
import { registerCommands } from './commands.js';
import { text } from './messages.js';
import { REPORT_PREVIEW_VIEW_TYPE, ReportPreview } from './report-preview.js';
import { RevisionDiffView } from './revision-diff.js';
import { BalanceStatusBar } from './status-bar.js';

/** What activate() returns: for other extensions and for tests. */
export interface CnmsExtensionApi {
    readonly client: LanguageClient;
    readonly statusBar: vscode.StatusBarItem;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CnmsExtensionApi> {
    const languageClient = createClient(context);
    client = languageClient;
    const statusBar = new BalanceStatusBar(languageClient);
    const preview = new BalancePreview(languageClient);
    const reportPreview = new ReportPreview(languageClient, context.workspaceState);
    const revisionDiff = new RevisionDiffView(languageClient);
    const modelChanged = () => {
        statusBar.scheduleRefresh();
        preview.refresh();
    };

    context.subscriptions.push(
        statusBar,
        preview,
        reportPreview,
        revisionDiff,
        vscode.window.registerWebviewPanelSerializer(REPORT_PREVIEW_VIEW_TYPE, reportPreview),
        vscode.workspace.registerTextDocumentContentProvider(BUILTIN_SCHEME, new BuiltinDocuments(languageClient)),
        ...registerCommands(languageClient, preview, reportPreview, revisionDiff),
        vscode.window.onDidChangeActiveTextEditor(() => void statusBar.refresh()),
        vscode.workspace.onDidSaveTextDocument(document => {
            if (document.languageId !== 'cnms') return;
            statusBar.modelSaved();
            modelChanged();
            reportPreview.scheduleRefresh(document.uri);
        }),
        vscode.languages.onDidChangeDiagnostics(event => {
            if (event.uris.some(isCnmsUri)) modelChanged();
        }),
        vscode.workspace.onDidChangeConfiguration(async event => {
            if (event.affectsConfiguration('cnms.messages.language')) {
                // The locale is an initialization option: a new server session picks it up.
                await languageClient.restart();
                modelChanged();
                reportPreview.refreshAll();
            } else if (event.affectsConfiguration('cnms')) {
                modelChanged();
            }
        })
    );

    try {
        await languageClient.start();
    } catch (error) {
        void vscode.window.showErrorMessage(text('server.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
    await statusBar.refresh();
    return { client: languageClient, statusBar: statusBar.item };
}

export async function deactivate(): Promise<void> {
    const running = client;
    client = undefined;
    if (running?.needsStop()) await running.stop();
}
