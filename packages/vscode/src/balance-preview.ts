// The balance beside the editor: a read-only Markdown document
// (`cnms-balance:` URIs) shown in VS Code's Markdown preview, refreshed when
// the model changes.
import * as vscode from 'vscode';
import { requestBalance } from './balance-request.js';
import type { RequestSender } from './builtin-documents.js';
import { text } from './messages.js';

export const BALANCE_SCHEME = 'cnms-balance';

export class BalancePreview implements vscode.TextDocumentContentProvider, vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<vscode.Uri>();
    readonly onDidChange = this.changed.event;
    /** The balance documents shown so far, refreshed on every change of the models. */
    private readonly shown = new Map<string, vscode.Uri>();

    constructor(private readonly client: RequestSender) {}

    /** The balance document of the model that holds `document`; the document's URI travels in the query. */
    uriFor(document: vscode.Uri): vscode.Uri {
        return vscode.Uri.from({ scheme: BALANCE_SCHEME, path: `/${text('balance.document')}.md`, query: document.toString() });
    }

    async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
        const summary = await requestBalance(this.client, uri.query);
        return summary?.markdown ?? text('status.noModel');
    }

    async show(document: vscode.Uri): Promise<void> {
        const uri = this.uriFor(document);
        this.shown.set(uri.toString(), uri);
        try {
            await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
        } catch {
            // Without the built-in Markdown extension: the Markdown text itself, read-only.
            const balance = await vscode.workspace.openTextDocument(uri);
            await vscode.window.showTextDocument(balance, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
        }
    }

    refresh(): void {
        for (const uri of this.shown.values()) this.changed.fire(uri);
    }

    dispose(): void {
        this.changed.dispose();
    }
}
