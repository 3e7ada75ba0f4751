// CNMS: Compare with Revision…: offers the branches, tags and recent commits
// of the model's repository (or asks for a revision by name), then shows the
// server's comparison (`cnms/diff`, JSON) of the model at that revision with
// the saved files beside the editor, in a webview without scripts, forms or
// local resources; its only links open a line of the model (one command).
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import type { ModelDiff } from '../../diff/src/diff-model.js';
import type { RequestSender } from './builtin-documents.js';
import { commandTarget } from './command-target.js';
import { comparisonBody, REVEAL_LINE_COMMAND } from './comparison-html.js';
import { DIFF_WEBVIEW_CSP } from './diff-html.js';
import { requestDiff } from './diff-request.js';
import { gitRevisionsOf, type GitRevisions } from './git-revisions.js';
import { currentLocale } from './locale.js';
import { text } from './messages.js';
import { errorMessage } from './report-request.js';
import { viewPage } from './view-style.js';

export const COMPARE_WITH_REVISION_COMMAND = 'cnms.compareWithRevision';
export const REVISION_DIFF_VIEW_TYPE = 'cnms.revisionDiff';

interface RevisionItem extends vscode.QuickPickItem {
    readonly revision?: string;
}

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
        const repository = target.scheme === 'file' ? await gitRevisionsOf(dirname(target.fsPath)) : undefined;
        const revision = await this.pickRevision(repository);
        if (!revision) return undefined;
        let diff: ModelDiff;
        try {
            const json = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: text('diff.progress', { revision }) }, () => requestDiff(this.client, target.toString(), revision, 'json'));
            diff = JSON.parse(json) as ModelDiff;
        } catch (error) {
            void vscode.window.showErrorMessage(text('diff.failed', { revision, message: errorMessage(error) }));
            return undefined;
        }
        return this.show(revision, diff, repository ? vscode.Uri.file(repository.root).toString() : undefined);
    }

    /** A revision from the pick list of the repository's branches, tags and commits; typed in when there is no list or the user wants another. */
    private async pickRevision(repository: GitRevisions | undefined): Promise<string | undefined> {
        if (repository && repository.revisions.length > 0) {
            const separator = (label: string): RevisionItem => ({ label, kind: vscode.QuickPickItemKind.Separator });
            const item = (revision: string, description: string, detail?: string, icon = 'git-commit'): RevisionItem => ({ label: `$(${icon}) ${revision}`, description, detail, revision });
            const group = (kind: 'branch' | 'tag' | 'commit', title: string, icon: string) => {
                const revisions = repository.revisions.filter(r => r.kind === kind);
                return revisions.length === 0 ? [] : [separator(title), ...revisions.map(r => item(r.revision, r.when, r.subject, icon))];
            };
            const items: RevisionItem[] = [
                item('HEAD', text('diff.pick.head')),
                ...group('branch', text('diff.pick.branches'), 'git-branch'),
                ...group('tag', text('diff.pick.tags'), 'tag'),
                ...group('commit', text('diff.pick.commits'), 'git-commit'),
                separator(''),
                { label: `$(edit) ${text('diff.pick.other')}`, description: text('diff.pick.otherDetail') }
            ];
            const picked = await vscode.window.showQuickPick(items, { title: text('diff.title.input'), placeHolder: text('diff.pick'), matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true });
            if (!picked) return undefined;
            if (picked.revision) return picked.revision;
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
        return answer?.trim() || undefined;
    }

    private show(revision: string, diff: ModelDiff, root: string | undefined): vscode.WebviewPanel {
        const title = text('diff.title', { revision });
        if (!this.panel) {
            const panel = vscode.window.createWebviewPanel(
                REVISION_DIFF_VIEW_TYPE,
                title,
                { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
                { enableScripts: false, enableForms: false, enableCommandUris: [REVEAL_LINE_COMMAND], localResourceRoots: [], enableFindWidget: true }
            );
            panel.onDidDispose(() => {
                if (this.panel === panel) this.panel = undefined;
            });
            this.panel = panel;
        } else {
            this.panel.reveal(vscode.ViewColumn.Beside, true);
        }
        this.panel.title = title;
        this.panel.webview.html = viewPage({ csp: DIFF_WEBVIEW_CSP, lang: currentLocale(), title, body: comparisonBody(diff, { root }) });
        return this.panel;
    }

    dispose(): void {
        this.panel?.dispose();
        this.panel = undefined;
    }
}

/** Opens `uri` (a file of the model) with its line `line` (from 1) selected: where a comparison's figure links to. */
export async function revealLine(uri: unknown, line: unknown): Promise<void> {
    if (typeof uri !== 'string' || typeof line !== 'number' || !Number.isInteger(line) || line < 1) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const position = new vscode.Position(line - 1, 0);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
}
