import type { LangiumSharedServices } from 'langium/lsp';
import { isOperationCancelled, URI, type Cancellation } from 'langium';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { isBuiltinUri, MAX_DATASET_BYTES } from '@cnms/language';
import { DIFF_REQUEST, type CnmsLspServices, type DiffParams, type DiffResult } from '@cnms/language/lsp';
import { compareSnapshots, GitRepository, renderDiffMarkdown, RevisionError, snapshotsOf, workingTree, workingTreeCsvFiles } from '@cnms/diff';

/**
 * `cnms/diff` for the editor's Compare with Revision and the status bar's
 * change since HEAD: the model that holds the document (the folder of its
 * organisation file) at a git revision, against the working tree (the saved
 * files, as the server's workspace knows them), by the engine of `cnms diff`
 * (Node only: it asks git, without blocking the server). A cancelled request
 * stops git and the builds and answers RequestCancelled.
 */
export function registerDiffRequests(shared: LangiumSharedServices, Cnms: CnmsLspServices): void {
    shared.lsp.Connection?.onRequest(DIFF_REQUEST, async (params: DiffParams, token: Cancellation.CancellationToken): Promise<DiffResult> => {
        if (params.format !== 'md' && params.format !== 'json') {
            throw new ResponseError(ErrorCodes.InvalidParams, `unknown format '${String(params.format)}' for cnms/diff: use md or json`);
        }
        const revision = typeof params.revision === 'string' ? params.revision.trim() : '';
        if (!revision) throw new ResponseError(ErrorCodes.InvalidParams, 'cnms/diff needs a revision, such as HEAD');
        // Never an option of git's: the revision goes to `git rev-parse` as an argument.
        if (revision.startsWith('-')) throw new ResponseError(ErrorCodes.InvalidParams, `unknown revision '${revision}'`);
        try {
            return await diffAgainstSavedFiles(shared, Cnms, params, revision, token);
        } catch (error) {
            if (isOperationCancelled(error)) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cnms/diff was cancelled');
            if (error instanceof RevisionError) throw new ResponseError(LSPErrorCodes.RequestFailed, error.message);
            throw error;
        }
    });
}

/** The diff of the model that holds `params.uri`, from `revision` to the files as saved. */
async function diffAgainstSavedFiles(shared: LangiumSharedServices, Cnms: CnmsLspServices, params: DiffParams, revision: string, token: Cancellation.CancellationToken): Promise<DiffResult> {
    await Cnms.validation.ModelValidation.documentValidated(params.uri, token);
    const models = Cnms.references.Models;
    if (isBuiltinUri(params.uri) || models.isInNoModel(params.uri)) {
        throw new ResponseError(LSPErrorCodes.RequestFailed, 'this file belongs to no CNMS model: no `organization` is declared in its folder or above it');
    }
    const folder = URI.parse(models.modelOf(params.uri));
    if (folder.scheme !== 'file') throw new ResponseError(LSPErrorCodes.RequestFailed, 'the model is not on disk, so it has no git history');
    const path = folder.fsPath;
    const key = models.modelOf(params.uri);
    const locale = Cnms.I18n.locale;
    const fileSystem = shared.workspace.FileSystemProvider;
    const repository = await GitRepository.holding(path, token);
    const [before] = await repository.revisionFiles(path, [revision]);
    // the saved text of each file of the model the server knows (read without blocking)
    const saved = await Promise.all(models.documentsOf(key).map(async doc => [doc.uri.fsPath, await fileSystem.readFile(doc.uri)] as const));
    const after = workingTree(repository.root, [...saved, ...workingTreeCsvFiles(path, MAX_DATASET_BYTES)]);
    const [a, b] = await snapshotsOf(before, after, repository.pathOf(path), locale, token);
    const result = compareSnapshots(a, b, locale);
    return { content: params.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderDiffMarkdown(result, locale) };
}
