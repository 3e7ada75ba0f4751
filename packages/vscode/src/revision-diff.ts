// CNMS: Compare with Revision…: asks for a git revision (HEAD by default),
// then shows the server's Markdown comparison of the document's model at that
// revision against the saved files (`cnms/diff`) beside the editor, in a
// webview without scripts, forms, command links or local resources.
import * as vscode from 'vscode';
import type { RequestSender } from './builtin-documents.js';
import { commandTarget } from './command-target.js';
import { diffPage } from './diff-html.js';
import { requestDiff } from './diff-request.js';
import { currentLocale } from './locale.js';
import { text } from './messages.js';
import { errorMessage } from './report-request.js';

export const COMPARE_WITH_REVISION_COMMAND = 'cnms.compareWithRevision';
export const REVISION_DIFF_VIEW_TYPE = 'cnms.revisionDiff';

/** The comparison panel: one, reused by the next comparison. */
export class RevisionDiffView implements vscode.Disposable {
    private panel: vscode.WebviewPanel | undefined;

    constructor(private readonly client: RequestSender) {}

    /** Asks for a revision and shows the comparison; the panel, or undefined when cancelled or failed. */
    async compare(uri?: unknown): Promise<vscode.WebviewPanel | undefined> {
        const target = commandTarget(uri);
        if (!target) {
            void vscode.window.showWarningMessage(text('diff.noEditor'));
            return undefined;
        }
        const answer = await vscode.window.showInputBox({
            title: text('diff.title.input'),
            prompt: text('diff.prompt'),
            value: 'HEAD',
            valueSelection: [0, 4],
            placeHolder: 'HEAD, main, HEAD~1, v1.0, 3f2c9ab…',
            ignoreFocusOut: true,
            validateInput: value => (value.trim() === '' ? text('diff.empty') : value.trim().startsWith('-') ? text('diff.invalid') : undefined)
        });
        const revision = answer?.trim();
        if (!revision) return undefined;
        let markdown: string;
        try {
            markdown = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: text('diff.progress', { revision }) }, () => requestDiff(this.client, target.toString(), revision, 'md'));
        } catch (error) {
            void vscode.window.showErrorMessage(text('diff.failed', { revision, message: errorMessage(error) }));
            return undefined;
        }
        return this.show(revision, markdown);
    }

    private show(revision: string, markdown: string): vscode.WebviewPanel {
        const title = text('diff.title', { revision });
        if (!this.panel) {
            const panel = vscode.window.createWebviewPanel(
                REVISION_DIFF_VIEW_TYPE,
                title,
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
        this.panel.title = title;
        this.panel.webview.html = diffPage(markdown, currentLocale(), title);
        return this.panel;
    }

    dispose(): void {
        this.panel?.dispose();
        this.panel = undefined;
    }
}
