import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type { CnmsFile } from '../generated/ast.js';

/** A reference of a document: the top-level declaration it stands in, and what it resolves to. */
export interface ResolvedReference {
    readonly element: AstNode | undefined;
    /** The node, or the linking error (a new object each time: an unknown name always counts as changed). */
    readonly target: unknown;
}

/** What each reference of a linked document resolves to, read from the resolved references without linking. */
export function resolvedReferences(document: LangiumDocument): ResolvedReference[] {
    return document.references.map(reference => {
        const raw = reference as unknown as { _ref?: unknown; _items?: unknown };
        return { element: topLevelElement(reference.$refNode?.astNode), target: '_ref' in raw ? raw._ref : raw._items };
    });
}

/** The top-level declaration that holds a node (the node itself when it is one; undefined for the file or no node). */
export function topLevelElement(node: AstNode | undefined): AstNode | undefined {
    let top = node;
    while (top?.$container?.$container) top = top.$container;
    return top?.$container ? top : undefined;
}

/** The declarations of a document parsed again that are the same as before, node for node. */
export interface CarriedElements {
    /** Each carried declaration's node before → the same node now (every node of the declaration). */
    readonly counterparts: Map<AstNode, AstNode>;
    /** Carried declarations: before → now. */
    readonly elements: Map<AstNode, AstNode>;
}

/**
 * Pairs the top-level declarations of a document's old and new parse that
 * are the same: the same text (without a syntax error in it), the same tree,
 * and every reference resolving to the same declaration (or to its
 * counterpart in this document). An edit of one number keeps every other
 * declaration of the file, whose figures then need not be computed again
 * (semantics/figure-memo.ts carries them over).
 *
 * `before` are the old parse's references as they resolved before the
 * document was unlinked; the new parse is linked.
 */
export function carriedElements(oldRoot: AstNode, document: LangiumDocument, before: readonly ResolvedReference[]): CarriedElements {
    const counterparts = new Map<AstNode, AstNode>();
    const elements = new Map<AstNode, AstNode>();
    const oldElements = (oldRoot as CnmsFile).elements ?? [];
    const newElements = (document.parseResult.value as CnmsFile).elements ?? [];
    if (oldElements.length === 0 || newElements.length === 0) return { counterparts, elements };

    const byText = new Map<string, AstNode[]>();
    for (const element of oldElements) {
        const key = keyOf(element);
        if (key === undefined) continue;
        const list = byText.get(key);
        if (list) list.push(element);
        else byText.set(key, [element]);
    }
    const errors = errorOffsets(document);
    for (const element of newElements) {
        const key = keyOf(element);
        const candidates = key === undefined ? undefined : byText.get(key);
        if (!candidates || candidates.length === 0 || containsError(element, errors)) continue;
        const old = candidates.shift()!;
        const nodes = sameTree(old, element);
        if (!nodes) continue;
        elements.set(old, element);
        for (const [a, b] of nodes) counterparts.set(a, b);
    }

    // references must resolve alike; a declaration dropped here may make another's reference differ: repeat
    const oldTargets = targetsByElement(before);
    const newTargets = targetsByElement(resolvedReferences(document));
    for (let changed = true; changed;) {
        changed = false;
        for (const [old, element] of elements) {
            const a = oldTargets.get(old) ?? [];
            const b = newTargets.get(element) ?? [];
            const same = a.length === b.length && a.every((target, i) => target === b[i]
                || (target !== undefined && counterparts.get(target as AstNode) === b[i] && elements.has(topLevelElement(target as AstNode)!)));
            if (same) continue;
            elements.delete(old);
            for (const node of AstUtils.streamAst(old)) counterparts.delete(node);
            changed = true;
        }
    }
    return { counterparts, elements };
}

function keyOf(element: AstNode): string | undefined {
    const text = element.$cstNode?.text;
    return text === undefined ? undefined : `${element.$type}\n${text}`;
}

/** The offsets of the document's syntax errors, sorted. */
function errorOffsets(document: LangiumDocument): number[] {
    const result = document.parseResult;
    return [...result.lexerErrors.map(error => error.offset), ...result.parserErrors.map(error => error.token.startOffset)]
        .filter(offset => Number.isFinite(offset))
        .sort((a, b) => a - b);
}

function containsError(element: AstNode, errors: readonly number[]): boolean {
    const cst = element.$cstNode;
    if (!cst) return true;
    return errors.some(offset => offset >= cst.offset && offset <= cst.end);
}

/** The nodes of two trees, pairwise, when they have the same shape; undefined when not. */
function sameTree(a: AstNode, b: AstNode): Array<[AstNode, AstNode]> | undefined {
    const pairs: Array<[AstNode, AstNode]> = [];
    const left = AstUtils.streamAst(a).iterator();
    const right = AstUtils.streamAst(b).iterator();
    for (;;) {
        const x = left.next();
        const y = right.next();
        if (x.done || y.done) return x.done && y.done ? pairs : undefined;
        if (x.value.$type !== y.value.$type || x.value.$containerProperty !== y.value.$containerProperty) return undefined;
        pairs.push([x.value, y.value]);
    }
}

function targetsByElement(references: readonly ResolvedReference[]): Map<AstNode, unknown[]> {
    const targets = new Map<AstNode, unknown[]>();
    for (const reference of references) {
        if (!reference.element) continue;
        const list = targets.get(reference.element);
        if (list) list.push(reference.target);
        else targets.set(reference.element, [reference.target]);
    }
    return targets;
}
