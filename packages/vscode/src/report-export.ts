// Exports the model's report to a file: a format from a quick pick, the
// server's suggested name beside the organisation file in a save dialog, the
// bytes (xlsx decoded from base64), then an offer to open what was written.
// Cancelling either step writes nothing.
import * as vscode from 'vscode';
import type { RequestSender } from './builtin-documents.js';
import { text, type TextId } from './messages.js';
import { modelFolder } from './model-folder.js';
import type { ReportFormat } from './protocol.js';
import { errorMessage, reportBytes, requestReport, type Report } from './report-request.js';

export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'html', 'json', 'csv', 'xlsx'];

interface FormatItem extends vscode.QuickPickItem {
    readonly format: ReportFormat;
}

function formatItems(): FormatItem[] {
    return REPORT_FORMATS.map(format => ({
        format,
        label: text(`export.${format}` as TextId),
        description: `.${format}`,
        detail: text(`export.${format}.detail` as TextId)
    }));
}

/** Where the report was written, or undefined when it was not (cancelled, no model, a failure). */
export async function exportReport(client: RequestSender, document: vscode.Uri): Promise<vscode.Uri | undefined> {
    const picked = await vscode.window.showQuickPick(formatItems(), { placeHolder: text('export.pick'), matchOnDescription: true });
    if (!picked) return undefined;
    const { format } = picked;

    let report: Report | null;
    try {
        report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: text('report.progress') }, () => requestReport(client, document.toString(), format));
    } catch (error) {
        void vscode.window.showErrorMessage(text('report.failed', { message: errorMessage(error) }));
        return undefined;
    }
    if (!report) {
        void vscode.window.showWarningMessage(text('report.noModel'));
        return undefined;
    }

    const folder = await modelFolder(document);
    const target = await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, report.fileName) : undefined,
        filters: { [picked.label]: [format] },
        saveLabel: text('export.save'),
        title: text('export.pick')
    });
    if (!target) return undefined;

    const file = target.path.split('/').pop() ?? target.path;
    try {
        await vscode.workspace.fs.writeFile(target, reportBytes(report));
    } catch (error) {
        void vscode.window.showErrorMessage(text('export.failed', { file, message: errorMessage(error) }));
        return undefined;
    }
    // Not awaited: the export is done when the file is written, whether or not
    // the offer is taken; opening it can still fail (the file gone meanwhile).
    offerToOpen(target, format, file).catch((error: unknown) => {
        void vscode.window.showErrorMessage(text('export.openFailed', { file, message: errorMessage(error) }));
    });
    return target;
}

/** The message that the report was written, with a button to open it: text in an editor, a workbook in the OS's file manager. */
async function offerToOpen(target: vscode.Uri, format: ReportFormat, file: string): Promise<void> {
    const action = format === 'xlsx' ? text('export.reveal') : text('export.open');
    const chosen = await vscode.window.showInformationMessage(text('export.done', { file }), action);
    if (chosen !== action) return;
    if (format === 'xlsx') {
        await vscode.commands.executeCommand('revealFileInOS', target);
    } else {
        const written = await vscode.workspace.openTextDocument(target);
        await vscode.window.showTextDocument(written, { preview: false });
    }
}
