import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { URI } from 'langium';
import { BUILTIN_MODEL } from '@cnms/language';
import { CliError } from './cli-error.js';
import type { LoadedWorkspace } from './load-workspace.js';
import { shownPath } from './shown-path.js';

/**
 * The one model that a path names: the model a folder belongs to (a folder
 * that declares an organisation is that model, even when a subfolder declares
 * another), the model of a file, or else the one model among the files below
 * the folder; a usage error naming the models when there are several.
 */
export function selectModel(workspace: LoadedWorkspace, path: string | undefined): string {
    const models = workspace.Cnms.references.Models;
    const named = resolve(path ?? '.');
    const own = isFolder(named) ? models.modelOfFolder(URI.file(named)) : undefined;
    if (own !== undefined) return own;
    const keys = [...new Set(workspace.requested.map(doc => models.modelOf(doc.uri)))].filter(key => key !== BUILTIN_MODEL && !key.startsWith('file-only:'));
    if (keys.length === 0) {
        if (workspace.unreadable.length > 0) {
            throw new CliError(`no model could be read under '${path ?? '.'}': ${shownPath(workspace.unreadable[0].path)} is not UTF-8 text`);
        }
        throw new CliError(`no model under '${path ?? '.'}': no .cnms file there or above declares an organization`);
    }
    if (keys.length > 1) {
        const folders = keys.map(key => (URI.parse(key).fsPath === process.cwd() ? '.' : shownPath(URI.parse(key).fsPath))).join(', ');
        throw new CliError(`'${path ?? '.'}' holds ${keys.length} models (${folders}); name one of their folders`);
    }
    return keys[0];
}

function isFolder(path: string): boolean {
    try {
        return statSync(path).isDirectory();
    } catch {
        return false;
    }
}
