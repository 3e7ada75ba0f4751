// The balance beside the editor: the server's balance of the model (its
// Markdown, `cnms/balance`) in a webview in the style of the report and the
// comparison, titled with the model's name, refreshed when the model changes.
import * as vscode from 'vscode';
import { requestBalance } from './balance-request.js';
import type { RequestSender } from './builtin-documents.js';
import { DIFF_WEBVIEW_CSP, renderMarkdown } from './diff-html.js';
import { currentLocale } from './locale.js';
import { text } from './messages.js';
import { errorMessage } from './report-request.js';
import { escapeHtml, viewPage } from './view-style.js';

export const BALANCE_VIEW_TYPE = 'cnms.balance';

export class BalancePreview implements vscode.Disposable {
    private panel: vscode.WebviewPanel | undefined;
    /** The document whose model the panel shows. */
    private document: vscode.Uri | undefined;
    /** Counts renders, so that an older answer never overwrites a newer one. */
    private generation = 0;

    constructor(private readonly client: RequestSender) {}

    /** Shows the balance of the model that holds `document` beside the editor (one panel, reused). */
    async show(document: vscode.Uri): Promise<vscode.WebviewPanel> {
        this.document = document;
        if (!this.panel) {
            const panel = vscode.window.createWebviewPanel(
                BALANCE_VIEW_TYPE,
                text('balance.document'),
                { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
                { enableScripts: false, enableForms: false, enableCommandUris: false, localResourceRoots: [], enableFindWidget: true }
            );
            panel.onDidDispose(() => {
                if (this.panel === panel) this.panel = undefined;
            });
            this.panel = panel;
        } else {
            this.panel.reveal(vscode.ViewColumn.Beside, true);
        }
        await this.render();
        return this.panel;
    }

    /** The model changed: the open panel shows its balance again. */
    refresh(): void {
        if (this.panel) void this.render();
    }

    private async render(): Promise<void> {
        const [panel, document] = [this.panel, this.document];
        if (!panel || !document) return;
        const generation = ++this.generation;
        let title = text('balance.document');
        let body: string;
        try {
            const summary = await requestBalance(this.client, document.toString());
            if (summary) title = text('balance.title', { model: summary.title ?? summary.model.split('/').pop() ?? '' });
            body = summary ? renderMarkdown(summary.markdown) : `<p>${escapeHtml(text('status.noModel'))}</p>`;
        } catch (error) {
            body = `<p>${escapeHtml(text('status.unavailable', { message: errorMessage(error) }))}</p>`;
        }
        if (generation !== this.generation || this.panel !== panel) return;
        panel.title = title;
        panel.webview.html = viewPage({ csp: DIFF_WEBVIEW_CSP, lang: currentLocale(), title, body });
    }

    dispose(): void {
        this.panel?.dispose();
        this.panel = undefined;
    }
}
