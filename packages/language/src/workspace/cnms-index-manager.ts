import type { Cancellation, LangiumDocument, LangiumSharedCoreServices, URI } from 'langium';
import { DefaultIndexManager, DocumentState, isReference, UriUtils } from 'langium';
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
    /**
     * The names whose declarations changed since a build last linked every
     * document it had to (undefined: any name may now resolve otherwise, as
     * when an organisation comes or goes and the models' borders move).
     */
    private touched: Set<string> | undefined = new Set();
    /** What a document exported before its content was taken out of the index, until it is put back. */
    private readonly removedExports = new Map<string, readonly AstNodeDescription[]>();
    /**
     * The other documents each document's indexed references point to, read
     * once when its references are indexed. Every edit asks isAffected of each
     * document of the workspace, and Langium's answer walks the document's
     * every reference description: 5 ms a keystroke at 10,000 sources (a CPU
     * profile of `pnpm bench:lsp`).
     */
    private readonly referredUris = new Map<string, ReadonlySet<string>>();

    /**
     * Whether a build indexes the references of its documents (which
     * declarations each refers to): what find-references and rename read.
     * A build asked nothing of the kind (`cnms validate`, `balance`, `report`,
     * `plan`, `cnms diff`) turns it off: about a tenth of a cold build. An
     * update of such a build (`cnms diff`'s later revision) finds the
     * documents that refer to a changed one from the references themselves
     * (isAffected).
     */
    indexesReferences = true;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.sharedServices = services;
    }

    override async updateReferences(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<void> {
        if (!this.indexesReferences) return;
        await super.updateReferences(document, cancelToken);
        const key = document.uri.toString();
        const referred = new Set<string>();
        for (const description of this.referenceIndex.get(key) ?? []) if (!description.local) referred.add(description.targetUri.toString());
        this.referredUris.set(key, referred);
    }

    override removeReferences(uri: URI): void {
        super.removeReferences(uri);
        this.referredUris.delete(uri.toString());
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        // Linked in a build that was cancelled before its references were indexed: Langium's index does not know
        // what its references point to and says unaffected, so it kept the nodes of a file parsed again since
        // (a control's `applies-to` an old source: CN-8.1-001 said no control applied, issue 10's restores).
        if (document.state >= DocumentState.Linked && document.state < DocumentState.IndexedReferences) return true;
        if (this.indexesReferences ? this.refersToIndexed(document, changedUris) : refersToAny(document, changedUris)) return true;
        const models = (this.sharedServices.ServiceRegistry.getServices(document.uri) as CnmsServices).references.Models;
        for (const uri of changedUris) {
            const changed = this.documents.all.find(doc => doc.uri.toString() === uri);
            if (!changed || !this.mayMoveModelBorders(changed)) continue;
            if (models.modelOf(uri) === models.modelOf(document.uri) || UriUtils.contains(UriUtils.dirname(changed.uri), document.uri)) return true;
        }
        return false;
    }

    /** Langium's isAffected: whether a document's indexed references point into one of `uris` (not its own). */
    private refersToIndexed(document: LangiumDocument, uris: ReadonlySet<string>): boolean {
        const referred = this.referredUris.get(document.uri.toString());
        if (!referred) return false;
        for (const uri of uris) if (referred.has(uri)) return true;
        return false;
    }

    /**
     * The names each indexed document exports that are of `type` (or a
     * subtype), in the order of the documents' URIs: the same arrays until a
     * document is indexed again (references/model-name-table.ts updates from
     * them). Not in the index's order: a document indexed again goes to its
     * end, so a name declared twice would resolve otherwise after an edit than
     * in a build from scratch, and every table would be filled anew.
     */
    namesByDocument(type: string, visible: (uri: string) => boolean): Array<DocumentItems<AstNodeDescription>> {
        const names: Array<DocumentItems<AstNodeDescription>> = [];
        for (const uri of [...this.symbolIndex.keys()].sort()) if (visible(uri)) names.push({ uri, items: this.getFileDescriptions(uri, type) });
        return names;
    }

    override removeContent(uri: URI): void {
        const key = uri.toString();
        const exports = this.symbolIndex.get(key);
        if (exports && !this.removedExports.has(key)) this.removedExports.set(key, exports);
        super.removeContent(uri);
    }

    override async updateContent(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<void> {
        await super.updateContent(document, cancelToken);
        const key = document.uri.toString();
        const before = this.removedExports.get(key);
        this.removedExports.delete(key);
        this.noteChangedNames(before ?? [], this.symbolIndex.get(key) ?? []);
    }

    /**
     * The names whose declarations changed since the last build that linked
     * every document it had to, or undefined when any name may resolve
     * otherwise: a reference by any other name that resolved to a declaration
     * still in its file resolves to it again (workspace/cnms-linker.ts).
     */
    changedNames(): ReadonlySet<string> | undefined {
        if (!this.touched || this.removedExports.size === 0) return this.touched;
        // a document taken out and not put back (deleted): its names are gone
        const names = new Set(this.touched);
        for (const exports of this.removedExports.values()) for (const description of exports) names.add(description.name);
        return names;
    }

    /** A build has linked every document it had to: names changed before it are resolved anew where they are used. */
    forgetChangedNames(): void {
        this.touched = new Set();
        this.removedExports.clear();
    }

    /** Notes the names whose declarations differ between what a document exported and exports now (a kept declaration is the same node). */
    private noteChangedNames(before: readonly AstNodeDescription[], after: readonly AstNodeDescription[]): void {
        if (!this.touched) return;
        const organizations = (list: readonly AstNodeDescription[]) => list.filter(description => description.type === 'Organization').length;
        if (organizations(before) !== organizations(after)) {
            this.touched = undefined;
            return;
        }
        const nodes = new Map<string, Set<unknown>>();
        for (const description of before) {
            const set = nodes.get(description.name);
            if (set) set.add(description.node);
            else nodes.set(description.name, new Set([description.node]));
        }
        const seen = new Map<string, number>();
        for (const description of after) {
            seen.set(description.name, (seen.get(description.name) ?? 0) + 1);
            if (!description.node || !nodes.get(description.name)?.has(description.node)) this.touched.add(description.name);
        }
        for (const [name, set] of nodes) if (set.size !== (seen.get(name) ?? 0)) this.touched.add(name);
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

/**
 * Whether a document refers to a declaration in one of `uris` (not its own):
 * what Langium's index of references says, read from the document's
 * references when the index is not kept. A reference that did not resolve
 * relinks the document anyway (DocumentBuilder.shouldRelink).
 */
function refersToAny(document: LangiumDocument, uris: ReadonlySet<string>): boolean {
    const own = document.uri.toString();
    for (const reference of document.references) {
        // a reference to several declarations (none in CNMS's grammar): relinked, as the index would not know better
        if (!isReference(reference)) return true;
        const target = reference.$nodeDescription?.documentUri.toString();
        if (target !== undefined && target !== own && uris.has(target)) return true;
    }
    return false;
}
