// Which document a command is about: the URI that the editor title, an editor
// or explorer context menu passes, else the active CNMS editor's document.
import * as vscode from 'vscode';
import { isCnmsUri } from './balance-request.js';

export function commandTarget(uri?: unknown): vscode.Uri | undefined {
    if (uri instanceof vscode.Uri && isCnmsUri(uri)) return uri;
    const active = vscode.window.activeTextEditor?.document;
    return active?.languageId === 'cnms' ? active.uri : undefined;
}
