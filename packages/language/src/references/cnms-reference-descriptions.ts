import type { AstNodeDescription, LangiumDocument, Reference, ReferenceDescription } from 'langium';
import { Cancellation, CstUtils, DefaultReferenceDescriptionProvider, interruptAndCheck, isReference, UriUtils } from 'langium';

/**
 * Langium's descriptions of where each reference of a document points (the
 * index of references: find references, rename, which documents an edit
 * affects), read from the references the linker collected instead of a walk
 * of the whole syntax tree, with the source's path, the target's path and the
 * reference's place computed when asked. On every keystroke in a 4,900-line
 * file Langium's made 3,000 paths and ranges that nothing read (14 ms).
 *
 * A reference that still points through the same description of its target
 * (workspace/cnms-linker.ts restores it when the declaration it is in was not
 * parsed again) keeps its descriptions; their paths and place are read from
 * the nodes each time, so they follow a declaration that a reparse moved
 * (syntax/declaration-reparse.ts).
 */
export class CnmsReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    /**
     * The descriptions made for each reference, with the description of the
     * target they were made for, held weakly: a reference in a declaration
     * that was not parsed again outlives many targets (each reparse of the
     * declaration it names makes a new one), and a strong hold kept every
     * replaced target alive, with the retired tree it was in (75 trees after
     * 2,000 edits of the steel example, found with heap snapshots).
     */
    private readonly kept = new WeakMap<Reference, { readonly target: WeakRef<AstNodeDescription>; readonly descriptions: ReferenceDescription[] }>();

    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        let count = 0;
        for (const reference of document.references) {
            if (++count % 1000 === 0) await interruptAndCheck(cancelToken);
            if (isReference(reference)) {
                descriptions.push(...this.describe(reference, document));
            } else {
                const container = reference.$refNode?.astNode;
                if (container) descriptions.push(...this.createInfoDescriptions({ reference, container, property: '' }));
            }
        }
        return descriptions;
    }

    private describe(reference: Reference, document: LangiumDocument): ReferenceDescription[] {
        const target = reference.$nodeDescription;
        const refNode = reference.$refNode;
        if (reference.error || !refNode || !target) return [];
        const kept = this.kept.get(reference);
        if (kept?.target.deref() === target) return kept.descriptions;
        const locator = this.nodeLocator;
        const container = refNode.astNode;
        const sourceUri = document.uri;
        const description: ReferenceDescription = {
            sourceUri,
            targetUri: target.documentUri,
            local: UriUtils.equals(target.documentUri, sourceUri),
            get sourcePath() {
                return locator.getAstNodePath(container);
            },
            // (the target is read from the reference each time, never held: see `kept`)
            get targetPath() {
                const node = reference.ref;
                return node ? locator.getAstNodePath(node) : (reference.$nodeDescription?.path ?? '');
            },
            get segment() {
                return CstUtils.toDocumentSegment(refNode);
            }
        };
        this.kept.set(reference, { target: new WeakRef(target), descriptions: [description] });
        return [description];
    }
}
