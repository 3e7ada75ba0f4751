import type { AstNode, AstNodeDescription, LangiumDocument, Reference } from 'langium';
import { AstUtils, Cancellation, DefaultLinker, interruptAndCheck, isAstNode } from 'langium';
import type { CnmsServices } from '../cnms-module.js';
import type { CnmsIndexManager } from './cnms-index-manager.js';

/** What a reference resolved to before its document was unlinked. */
interface Resolution {
    readonly target: AstNode;
    readonly description: AstNodeDescription | undefined;
}

/**
 * Langium's linker, with two additions.
 *
 * Before a document is unlinked to be linked again, the figure memory notes
 * what its references resolved to, so that relinking without a change of
 * target keeps its figures (semantics/figure-memo.ts).
 *
 * When it is linked again, a reference that is still the same node (a
 * declaration the edit did not touch: syntax/declaration-reparse.ts, or a
 * document only relinked) resolves as before without a lookup, when what it
 * resolved to is still in its document and no declaration of its name (or of
 * a part of a qualified name) changed since (workspace/cnms-index-manager.ts):
 * the name table would give the same answer. Every other reference, and every
 * one that did not resolve, is looked up.
 */
export class CnmsLinker extends DefaultLinker {
    private readonly resolutions = new WeakMap<LangiumDocument, Map<Reference, Resolution>>();

    constructor(private readonly services: CnmsServices) {
        super(services);
    }

    override unlink(document: LangiumDocument): void {
        this.services.semantics.FigureMemo.beforeUnlink(document);
        if (document.references.length > 0) {
            const resolutions = new Map<Reference, Resolution>();
            for (const reference of document.references) {
                const raw = reference as unknown as { _ref?: unknown; _nodeDescription?: AstNodeDescription };
                if (isAstNode(raw._ref)) resolutions.set(reference as Reference, { target: raw._ref, description: raw._nodeDescription });
            }
            this.resolutions.set(document, resolutions);
        }
        super.unlink(document);
    }

    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const resolutions = this.resolutions.get(document);
        this.resolutions.delete(document);
        const changed = (this.services.shared.workspace.IndexManager as CnmsIndexManager).changedNames();
        if (!resolutions || !changed) return super.link(document, cancelToken);
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            await interruptAndCheck(cancelToken);
            for (const info of AstUtils.streamReferences(node)) {
                const reference = info.reference as Reference;
                const before = resolutions.get(reference);
                const raw = reference as unknown as { _ref?: unknown; _nodeDescription?: AstNodeDescription };
                if (before && raw._ref === undefined && !nameChanged(reference.$refText, changed) && this.isCurrent(before.target)) {
                    raw._ref = before.target;
                    raw._nodeDescription = before.description;
                    document.references.push(reference);
                } else {
                    this.doLink(info, document);
                }
            }
        }
    }

    /** Whether a node is in the current parse of a document of the workspace. */
    private isCurrent(node: AstNode): boolean {
        let root = node;
        while (root.$container) root = root.$container;
        const document = root.$document;
        return document !== undefined && document.parseResult.value === root && this.services.shared.workspace.LangiumDocuments.getDocument(document.uri) === document;
    }
}

function nameChanged(text: string, changed: ReadonlySet<string>): boolean {
    if (changed.size === 0) return false;
    if (changed.has(text)) return true;
    return text.includes('.') && text.split('.').some(part => changed.has(part));
}
