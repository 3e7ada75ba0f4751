import type { LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { DefaultIndexManager, DocumentState, UriUtils } from 'langium';
import type { CnmsFile } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import type { AstNodeDescription } from 'langium';
import type { DocumentItems } from '../references/model-name-table.js';
import { declaresOrganization } from './model-discovery.js';

/**
 * Relinks a document when its references can change: when it refers to a
 * changed document (Langium's reference index), or when a changed document
 * declared or now declares an organisation (read from its tokens before it is parsed again), which moves the borders of
 * models (language.md §1) and so what names resolve to. Figures that depend
 * on other files without a reference (the GWP set, shares, instruments) are
 * recomputed by the figure memory (semantics/figure-memo.ts), not by
 * relinking; so an edit of the organisation's file that keeps the
 * organisation relinks only the files that refer to it.
 */
export class CnmsIndexManager extends DefaultIndexManager {
    private readonly sharedServices: LangiumSharedCoreServices;
    /** The answer of mayMoveModelBorders per document and text version: asked once per document of the workspace. */
    private readonly borders = new WeakMap<LangiumDocument, { version: number; moves: boolean }>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.sharedServices = services;
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        // Linked in a build that was cancelled before its references were indexed: Langium's index does not know
        // what its references point to and says unaffected, so it kept the nodes of a file parsed again since
        // (a control's `applies-to` an old source: CN-8.1-001 said no control applied, issue 10's restores).
        if (document.state >= DocumentState.Linked && document.state < DocumentState.IndexedReferences) return true;
        if (super.isAffected(document, changedUris)) return true;
        const models = (this.sharedServices.ServiceRegistry.getServices(document.uri) as CnmsServices).references.Models;
        for (const uri of changedUris) {
            const changed = this.documents.all.find(doc => doc.uri.toString() === uri);
            if (!changed || !this.mayMoveModelBorders(changed)) continue;
            if (models.modelOf(uri) === models.modelOf(document.uri) || UriUtils.contains(UriUtils.dirname(changed.uri), document.uri)) return true;
        }
        return false;
    }

    /**
     * The names each indexed document exports that are of `type` (or a
     * subtype), in index order: the same arrays until a document is indexed
     * again (references/model-name-table.ts updates from them).
     */
    namesByDocument(type: string, visible: (uri: string) => boolean): Array<DocumentItems<AstNodeDescription>> {
        const names: Array<DocumentItems<AstNodeDescription>> = [];
        for (const uri of this.symbolIndex.keys()) if (visible(uri)) names.push({ uri, items: this.getFileDescriptions(uri, type) });
        return names;
    }

    /** Whether a changed document declared an organisation before the change and may not now, or the other way round. */
    private mayMoveModelBorders(changed: LangiumDocument): boolean {
        const version = changed.textDocument.version;
        const known = this.borders.get(changed);
        if (known?.version === version) return known.moves;
        const before = changed.parseResult?.value as CnmsFile | undefined;
        const moves = (before ? declaresOrganization(before) : false) !== declaresOrganization(changed.textDocument.getText());
        this.borders.set(changed, { version, moves });
        return moves;
    }
}
