import type { LangiumDocument, LangiumDocumentFactory, LangiumSharedCoreServices, WorkspaceFolder } from 'langium';
import { DefaultWorkspaceManager } from 'langium';
import { builtinUri } from './builtin-library.js';
import { BUILTIN_LIBRARY } from '../builtins/library.generated.js';

/** Loads the built-in library with the workspace, so every model sees it. */
export class CnmsWorkspaceManager extends DefaultWorkspaceManager {
    private readonly factory: LangiumDocumentFactory;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.factory = services.workspace.LangiumDocumentFactory;
    }

    protected override async loadAdditionalDocuments(folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        await super.loadAdditionalDocuments(folders, collector);
        for (const [fileName, text] of Object.entries(BUILTIN_LIBRARY)) {
            collector(this.factory.fromString(text, builtinUri(fileName)));
        }
    }
}
