// CNMS: New Model…: the model `cnms init` writes (its template, shared with
// the CLI), in a folder the user picks; refuses to overwrite a file, then
// opens the organisation file (and offers to open the folder when it is not
// in the workspace).
import * as vscode from 'vscode';
// the CLI's template: a pure function of the year that esbuild inlines
import { initTemplate } from '../../cli/src/init-template.js';
import { text } from './messages.js';
import { errorMessage } from './report-request.js';

export const NEW_MODEL_COMMAND = 'cnms.newModel';

/** Writes a new model; the organisation file's URI, or undefined when cancelled or refused. */
export async function newModel(): Promise<vscode.Uri | undefined> {
    const [folder] =
        (await vscode.window.showOpenDialog({
            canSelectFolders: true,
            canSelectFiles: false,
            canSelectMany: false,
            defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
            openLabel: text('newModel.create'),
            title: text('newModel.title')
        })) ?? [];
    if (!folder) return undefined;
    // the last full calendar year, as `cnms init` chooses it
    const files = initTemplate(new Date().getUTCFullYear() - 1);
    const taken = await takenNames(folder);
    const existing = Object.keys(files).filter(file => taken.has(file));
    if (existing.length > 0) {
        void vscode.window.showErrorMessage(text('newModel.exists', { files: existing.join(', ') }));
        return undefined;
    }
    try {
        for (const [file, content] of Object.entries(files)) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, file), Buffer.from(content, 'utf8'));
    } catch (error) {
        void vscode.window.showErrorMessage(text('newModel.failed', { message: errorMessage(error) }));
        return undefined;
    }
    const organization = vscode.Uri.joinPath(folder, 'organization.cnms');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(organization), { preview: false });
    if (!vscode.workspace.getWorkspaceFolder(organization)) {
        const open = text('newModel.openFolder');
        if ((await vscode.window.showInformationMessage(text('newModel.outside'), open)) === open) await vscode.commands.executeCommand('vscode.openFolder', folder);
    }
    return organization;
}

/** The files of `folder` and of its folders one level down, as `name` and `dir/name`: what the template could overwrite. */
async function takenNames(folder: vscode.Uri): Promise<Set<string>> {
    const names = new Set<string>();
    const list = async (uri: vscode.Uri) => {
        try {
            return await vscode.workspace.fs.readDirectory(uri);
        } catch {
            return [];
        }
    };
    for (const [name, type] of await list(folder)) {
        names.add(name);
        if (type === vscode.FileType.Directory) for (const [inner] of await list(vscode.Uri.joinPath(folder, name))) names.add(`${name}/${inner}`);
    }
    return names;
}
