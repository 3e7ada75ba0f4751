// The folder of a model's organisation file: a model is the directory that
// holds the `.cnms` file declaring `organization` (language.md §1), so the
// nearest folder at or above the document with such a file. Exported reports
// are suggested there, beside the organisation file.
import * as vscode from 'vscode';

/** `organization <name>` at the start of a line, once comments are gone. */
const ORGANIZATION = /^[ \t]*organization[ \t]+[^\s{]/m;

/** The model's folder; the document's own folder when none is found (or for a document not on disk). */
export async function modelFolder(document: vscode.Uri): Promise<vscode.Uri | undefined> {
    if (document.scheme === 'untitled') return vscode.workspace.workspaceFolders?.[0]?.uri;
    const own = parentOf(document);
    const workspaceFolder = vscode.workspace.getWorkspaceFolder(document)?.uri;
    for (let folder = own; ;) {
        if (await declaresOrganization(folder)) return folder;
        const parent = parentOf(folder);
        if (parent.path === folder.path || (workspaceFolder && folder.path === workspaceFolder.path)) return own;
        folder = parent;
    }
}

function parentOf(uri: vscode.Uri): vscode.Uri {
    const path = uri.path.replace(/\/+$/, '');
    const at = path.lastIndexOf('/');
    return uri.with({ path: at <= 0 ? '/' : path.slice(0, at) });
}

async function declaresOrganization(folder: vscode.Uri): Promise<boolean> {
    let entries: Array<[string, vscode.FileType]>;
    try {
        entries = await vscode.workspace.fs.readDirectory(folder);
    } catch {
        return false;
    }
    for (const [name, type] of entries) {
        if (!name.endsWith('.cnms') || (type & vscode.FileType.File) === 0) continue;
        try {
            const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name));
            if (ORGANIZATION.test(withoutComments(Buffer.from(bytes).toString('utf8')))) return true;
        } catch {
            // An unreadable file declares nothing.
        }
    }
    return false;
}

/** The text with `// …` and `/* … *\/` comments blanked out (strings are left alone, roughly: a `//` inside one ends the line early). */
function withoutComments(text: string): string {
    return text.replace(/\/\*[\s\S]*?\*\//g, comment => comment.replace(/[^\n]/g, ' ')).replace(/\/\/[^\n]*/g, '');
}
