// The commands of package.json: cnms.showBalance and cnms.validateWorkspace.
import * as vscode from 'vscode';
import type { BalancePreview } from './balance-preview.js';
import { isCnmsUri } from './balance-request.js';
import type { RequestSender } from './builtin-documents.js';
import { text } from './messages.js';
import { VALIDATE_WORKSPACE_REQUEST, type ValidateWorkspaceResult } from './protocol.js';
import { SHOW_BALANCE_COMMAND } from './status-bar.js';

export const VALIDATE_WORKSPACE_COMMAND = 'cnms.validateWorkspace';

export function registerCommands(client: RequestSender, preview: BalancePreview): vscode.Disposable[] {
    return [
        vscode.commands.registerCommand(SHOW_BALANCE_COMMAND, (uri?: vscode.Uri) => showBalance(preview, uri)),
        vscode.commands.registerCommand(VALIDATE_WORKSPACE_COMMAND, () => validateWorkspace(client))
    ];
}

/** Opens the balance of the model of `uri` (from the editor title) or of the active editor. */
async function showBalance(preview: BalancePreview, uri?: vscode.Uri): Promise<void> {
    const active = vscode.window.activeTextEditor?.document;
    const target = uri instanceof vscode.Uri && isCnmsUri(uri) ? uri : active?.languageId === 'cnms' ? active.uri : undefined;
    if (!target) {
        void vscode.window.showWarningMessage(text('balance.noEditor'));
        return;
    }
    await preview.show(target);
}

/** Checks every model of the workspace; the diagnostics arrive as usual, the counts in a message. */
async function validateWorkspace(client: RequestSender): Promise<ValidateWorkspaceResult | undefined> {
    try {
        const result = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Window, title: text('validate.progress') },
            () => client.sendRequest<ValidateWorkspaceResult>(VALIDATE_WORKSPACE_REQUEST, {})
        );
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        void vscode.window.showInformationMessage(text('validate.done', { ...result }));
        return result;
    } catch (error) {
        void vscode.window.showErrorMessage(text('validate.failed', { message: error instanceof Error ? error.message : String(error) }));
        return undefined;
    }
}
