// The commands of package.json: cnms.showBalance, cnms.validateWorkspace,
// cnms.openReportPreview, cnms.exportReport, cnms.compareWithRevision,
// cnms.newModel and cnms.revealLine (the comparison's links).
import * as vscode from 'vscode';
import type { BalancePreview } from './balance-preview.js';
import type { RequestSender } from './builtin-documents.js';
import { commandTarget } from './command-target.js';
import { text } from './messages.js';
import { VALIDATE_WORKSPACE_REQUEST, type ValidateWorkspaceResult } from './protocol.js';
import { NEW_MODEL_COMMAND, newModel } from './new-model.js';
import { exportReport } from './report-export.js';
import type { ReportPreview } from './report-preview.js';
import { REVEAL_LINE_COMMAND } from './comparison-html.js';
import { COMPARE_WITH_REVISION_COMMAND, revealLine, type RevisionDiffView } from './revision-diff.js';
import { SHOW_BALANCE_COMMAND } from './status-bar.js';

export const VALIDATE_WORKSPACE_COMMAND = 'cnms.validateWorkspace';
export const OPEN_REPORT_PREVIEW_COMMAND = 'cnms.openReportPreview';
export const EXPORT_REPORT_COMMAND = 'cnms.exportReport';

export function registerCommands(client: RequestSender, preview: BalancePreview, reportPreview: ReportPreview, revisionDiff: RevisionDiffView): vscode.Disposable[] {
    return [
        vscode.commands.registerCommand(SHOW_BALANCE_COMMAND, (uri?: unknown) => showBalance(preview, uri)),
        vscode.commands.registerCommand(VALIDATE_WORKSPACE_COMMAND, () => validateWorkspace(client)),
        vscode.commands.registerCommand(OPEN_REPORT_PREVIEW_COMMAND, (uri?: unknown) => openReportPreview(reportPreview, uri)),
        vscode.commands.registerCommand(EXPORT_REPORT_COMMAND, (uri?: unknown) => exportReportOf(client, uri)),
        vscode.commands.registerCommand(COMPARE_WITH_REVISION_COMMAND, (uri?: unknown) => revisionDiff.compare(uri)),
        vscode.commands.registerCommand(NEW_MODEL_COMMAND, () => newModel()),
        vscode.commands.registerCommand(REVEAL_LINE_COMMAND, (uri?: unknown, line?: unknown) => revealLine(uri, line))
    ];
}

/** Opens the balance of the model of `uri` (from the editor title) or of the active editor. */
async function showBalance(preview: BalancePreview, uri?: unknown): Promise<void> {
    const target = commandTarget(uri);
    if (!target) {
        void vscode.window.showWarningMessage(text('balance.noEditor'));
        return;
    }
    await preview.show(target);
}

/** Opens the report of the model of `uri` (from the editor title or a context menu) or of the active editor beside it. */
async function openReportPreview(preview: ReportPreview, uri?: unknown): Promise<vscode.WebviewPanel | undefined> {
    const target = commandTarget(uri);
    if (!target) {
        void vscode.window.showWarningMessage(text('report.noEditor'));
        return undefined;
    }
    return preview.show(target);
}

/** Exports the report of the model of `uri` or of the active editor to a file the user picks. */
async function exportReportOf(client: RequestSender, uri?: unknown): Promise<vscode.Uri | undefined> {
    const target = commandTarget(uri);
    if (!target) {
        void vscode.window.showWarningMessage(text('report.noEditor'));
        return undefined;
    }
    return exportReport(client, target);
}

/** Checks every model of the workspace; the diagnostics arrive as usual, the counts in a message. */
async function validateWorkspace(client: RequestSender): Promise<ValidateWorkspaceResult | undefined> {
    try {
        const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: text('validate.progress') }, () => client.sendRequest<ValidateWorkspaceResult>(VALIDATE_WORKSPACE_REQUEST, {}));
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        void vscode.window.showInformationMessage(text('validate.done', { ...result }));
        return result;
    } catch (error) {
        void vscode.window.showErrorMessage(text('validate.failed', { message: error instanceof Error ? error.message : String(error) }));
        return undefined;
    }
}
