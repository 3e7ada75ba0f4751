import { relative } from 'node:path';
import type { LangiumSharedServices } from 'langium/lsp';
import { URI } from 'langium';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { isBuiltinUri } from '@cnms/language';
import { DIFF_REQUEST, type CnmsLspServices, type DiffParams, type DiffResult } from '@cnms/language/lsp';
import { compareSnapshots, renderDiffMarkdown, repositoryRoot, RevisionError, revisionFiles, snapshotOf } from '@cnms/diff';

/**
 * `cnms/diff` for the editor's Compare with Revision and the status bar's
 * change since HEAD: the model that holds the document (the folder of its
 * organisation file) at a git revision, against the working tree (the saved
 * files), by the engine of `cnms diff` (Node only: it asks git).
 */
export function registerDiffRequests(shared: LangiumSharedServices, Cnms: CnmsLspServices): void {
    shared.lsp.Connection?.onRequest(DIFF_REQUEST, async (params: DiffParams, token): Promise<DiffResult> => {
        if (params.format !== 'md' && params.format !== 'json') {
            throw new ResponseError(ErrorCodes.InvalidParams, `unknown format '${String(params.format)}' for cnms/diff: use md or json`);
        }
        const revision = typeof params.revision === 'string' ? params.revision.trim() : '';
        if (!revision) throw new ResponseError(ErrorCodes.InvalidParams, 'cnms/diff needs a revision, such as HEAD');
        // Never an option of git's: the revision goes to `git rev-parse` as an argument.
        if (revision.startsWith('-')) throw new ResponseError(ErrorCodes.InvalidParams, `unknown revision '${revision}'`);
        await Cnms.validation.ModelValidation.documentValidated(params.uri, token);
        const models = Cnms.references.Models;
        if (isBuiltinUri(params.uri) || models.isInNoModel(params.uri)) {
            throw new ResponseError(LSPErrorCodes.RequestFailed, 'this file belongs to no CNMS model: no `organization` is declared in its folder or above it');
        }
        const folder = URI.parse(models.modelOf(params.uri));
        if (folder.scheme !== 'file') throw new ResponseError(LSPErrorCodes.RequestFailed, 'the model is not on disk, so it has no git history');
        const path = folder.fsPath;
        const locale = Cnms.I18n.locale;
        try {
            const root = repositoryRoot(path);
            const before = revisionFiles(root, path, revision);
            const after = revisionFiles(root, path);
            const relativePath = relative(root, path).split('\\').join('/');
            const [a, b] = await Promise.all([snapshotOf(before, 'before', relativePath, locale), snapshotOf(after, 'after', relativePath, locale)]);
            const result = compareSnapshots(a, b, locale);
            return { content: params.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderDiffMarkdown(result, locale) };
        } catch (error) {
            if (error instanceof RevisionError) throw new ResponseError(LSPErrorCodes.RequestFailed, error.message);
            throw error;
        }
    });
}
