import type { LangiumDocument, LangiumDocumentFactory, LangiumSharedCoreServices, Stream, URI, WorkspaceFolder } from 'langium';
import { DefaultWorkspaceManager } from 'langium';
import { builtinUri } from './builtin-library.js';
import { BUILTIN_LIBRARY } from '../builtins/library.generated.js';

/**
 * Loads the built-in library with the workspace, so every model sees it; and
 * loads each file of the workspace on its own, so that one the server cannot
 * read never stops it from serving the others.
 *
 * The workspace's first build validates, as every later build does: a
 * model's figures are ready only when each of its documents is validated
 * (validation/cnms-model-validation.ts). Langium's first build does not
 * validate, and a file opened while it runs cancels it; Langium then
 * continues the cancelled build's documents with the options they were
 * started with, so the files that were not open stayed unvalidated and the
 * net's lens said "computing…" until the next edit (test/lsp-startup.test.ts).
 */
export class CnmsWorkspaceManager extends DefaultWorkspaceManager {
    private readonly factory: LangiumDocumentFactory;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.factory = services.workspace.LangiumDocumentFactory;
        this.initialBuildOptions = this.documentBuilder.updateBuildOptions;
    }

    protected override async loadAdditionalDocuments(folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        await super.loadAdditionalDocuments(folders, collector);
        for (const [fileName, text] of Object.entries(BUILTIN_LIBRARY)) {
            collector(this.factory.fromString(text, builtinUri(fileName)));
        }
    }

    /**
     * The workspace's files as documents. The lexer keeps every text within
     * the limits of syntax/limits.ts; a file that still cannot be read (gone,
     * unreadable) is logged and left out, and the rest of the workspace loads.
     */
    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        await Promise.all(
            uris.map(async uri => {
                try {
                    collector(await this.langiumDocuments.getOrCreateDocument(uri));
                } catch (error) {
                    console.error(`cnms: ${uri.toString(true)} is not loaded: ${error instanceof Error ? error.message : String(error)}`);
                }
            })
        );
    }
}
