import type { AstNode, AstNodeDescription, LangiumDocument, Reference } from 'langium';
import { AstUtils, Cancellation, DefaultLinker, DocumentState, interruptAndCheck, isAstNode, isReference } from 'langium';
import type { CnmsFile } from '../generated/ast.js';
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
    private readonly resolutions = new WeakMap<LangiumDocument, Saved>();

    constructor(private readonly services: CnmsServices) {
        super(services);
    }

    override unlink(document: LangiumDocument): void {
        this.services.semantics.FigureMemo.beforeUnlink(document);
        if (document.references.length > 0) {
            const resolved = new Map<Reference, Resolution>();
            const references: Reference[] = [];
            for (const reference of document.references) {
                if (!isReference(reference)) continue;
                references.push(reference);
                const raw = reference as unknown as { _ref?: unknown; _nodeDescription?: AstNodeDescription };
                if (isAstNode(raw._ref)) resolved.set(reference, { target: raw._ref, description: raw._nodeDescription });
            }
            // a document linked to the end listed every reference of its tree
            this.resolutions.set(document, { resolved, references, complete: document.state >= DocumentState.Linked && references.length === document.references.length });
        }
        super.unlink(document);
    }

    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const saved = this.resolutions.get(document);
        this.resolutions.delete(document);
        const changed = (this.services.shared.workspace.IndexManager as CnmsIndexManager).changedNames();
        if (!saved || !changed) return super.link(document, cancelToken);
        const current = new Map<AstNode, boolean>();
        const restorable = (reference: Reference): boolean => {
            const before = saved.resolved.get(reference);
            return before !== undefined && (reference as unknown as { _ref?: unknown })._ref === undefined && !nameChanged(reference.$refText, changed) && this.isCurrent(before.target, current);
        };
        const restore = (reference: Reference): void => {
            const before = saved.resolved.get(reference)!;
            const raw = reference as unknown as { _ref?: unknown; _nodeDescription?: AstNodeDescription };
            raw._ref = before.target;
            raw._nodeDescription = before.description;
            document.references.push(reference);
        };
        const root = document.parseResult.value as CnmsFile;
        // each declaration's references, when the document was linked to the end: a declaration kept
        // from the last parse (syntax/declaration-reparse.ts) whose references all resolve as before is
        // not walked; the others are
        const byElement = saved.complete ? referencesByElement(saved.references, root) : undefined;
        for (const element of root.elements ?? []) {
            await interruptAndCheck(cancelToken);
            const references = byElement?.get(element);
            if (references?.every(restorable)) {
                references.forEach(restore);
                continue;
            }
            for (const node of AstUtils.streamAst(element)) {
                for (const info of AstUtils.streamReferences(node)) {
                    const reference = info.reference as Reference;
                    if (restorable(reference)) restore(reference);
                    else this.doLink(info, document);
                }
            }
        }
    }

    /** Whether a node is in the current parse of a document of the workspace (`known`: the answers for trees asked before). */
    private isCurrent(node: AstNode, known: Map<AstNode, boolean>): boolean {
        let root = node;
        while (root.$container) root = root.$container;
        let answer = known.get(root);
        if (answer === undefined) {
            const document = root.$document;
            answer = document !== undefined && document.parseResult.value === root && this.services.shared.workspace.LangiumDocuments.getDocument(document.uri) === document;
            known.set(root, answer);
        }
        return answer;
    }
}

/** What a document's references were before it was unlinked. */
interface Saved {
    readonly resolved: ReadonlyMap<Reference, Resolution>;
    /** Every reference, in the order they were linked. */
    readonly references: readonly Reference[];
    /** Whether the document was linked to the end: its references are every reference of its tree. */
    readonly complete: boolean;
}

/** The references of each top-level declaration of `root` (those of declarations no longer in it are left out). */
function referencesByElement(references: readonly Reference[], root: CnmsFile): Map<AstNode, Reference[]> {
    const byElement = new Map<AstNode, Reference[]>();
    for (const reference of references) {
        let top = reference.$refNode?.astNode;
        while (top?.$container && top.$container !== root) top = top.$container;
        if (!top || top.$container !== root) continue;
        const list = byElement.get(top);
        if (list) list.push(reference);
        else byElement.set(top, [reference]);
    }
    return byElement;
}

function nameChanged(text: string, changed: ReadonlySet<string>): boolean {
    if (changed.size === 0) return false;
    if (changed.has(text)) return true;
    return text.includes('.') && text.split('.').some(part => changed.has(part));
}
