import type { AstNode, LangiumDocument, ParseResult } from 'langium';
import { isAstNode } from 'langium';
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

/** The declarations of a document parsed again that are the same as before. */
export interface CarriedElements {
    /** Carried declarations: before → now. */
    readonly elements: ReadonlyMap<AstNode, AstNode>;
    /**
     * The node of the new parse that stands where `node` stood in a carried
     * declaration (found by its path from the declaration); the node itself
     * when it is not of the old parse; undefined when its declaration was not
     * carried.
     */
    counterpart(node: AstNode): AstNode | undefined;
}

/**
 * Pairs the top-level declarations of a document's old and new parse that
 * are the same: the same text (without a syntax error in it: the parser
 * reads the same tokens the same way) and every reference resolving to the
 * same declaration (or to its counterpart in this document). An edit of one
 * number keeps every other declaration of the file, whose figures then need
 * not be computed again (semantics/figure-memo.ts carries them over).
 *
 * `before` are the old parse's references as they resolved before the
 * document was unlinked; the new parse is linked.
 */
export function carriedElements(oldParse: ParseResult<AstNode>, document: LangiumDocument, before: readonly ResolvedReference[], kept: (element: AstNode) => boolean): CarriedElements {
    const oldRoot = oldParse.value;
    const elements = new Map<AstNode, AstNode>();
    const counterpart = (node: AstNode): AstNode | undefined => {
        const path: AstNode[] = [];
        let top = node;
        while (top.$container?.$container) {
            path.push(top);
            top = top.$container;
        }
        if (!top.$container) return top === oldRoot ? undefined : node;
        if (top.$container !== oldRoot) return node;
        let now = elements.get(top);
        for (let i = path.length - 1; i >= 0 && now; i--) {
            const step = path[i];
            const value = (now as unknown as Record<string, unknown>)[step.$containerProperty!];
            const next = (step.$containerIndex === undefined ? value : (value as unknown[] | undefined)?.[step.$containerIndex]) as AstNode | undefined;
            now = next?.$type === step.$type ? next : undefined;
        }
        return now;
    };
    const oldElements = (oldRoot as CnmsFile).elements ?? [];
    const newElements = (document.parseResult.value as CnmsFile).elements ?? [];
    if (newElements.length === 0) return { elements, counterpart };

    if (newElements.some(kept)) {
        // parsed again only where it changed (syntax/declaration-reparse.ts): the declarations outside
        // the edit are the same nodes, and only those are carried; one read again is new, even with
        // the same text (what refers to it may hold its old nodes)
        for (const element of newElements) if (kept(element)) elements.set(element, element);
    } else {
        // a declaration with a syntax error in it, before or now, is not carried: the parser's recovery
        // may have read the same text otherwise (or joined it to its neighbour)
        const oldErrors = errorOffsets(oldParse);
        const byText = new Map<string, AstNode[]>();
        for (const element of oldElements) {
            const key = keyOf(element);
            if (key === undefined || containsError(element, oldErrors)) continue;
            const list = byText.get(key);
            if (list) list.push(element);
            else byText.set(key, [element]);
        }
        const errors = errorOffsets(document.parseResult);
        for (const element of newElements) {
            const key = keyOf(element);
            const candidates = key === undefined ? undefined : byText.get(key);
            if (!candidates || candidates.length === 0 || containsError(element, errors)) continue;
            elements.set(candidates.shift()!, element);
        }
    }

    // references must resolve alike; a declaration dropped here may make another's reference differ: repeat
    const oldTargets = targetsByElement(before);
    const newTargets = targetsByElement(resolvedReferences(document));
    for (let changed = true; changed;) {
        changed = false;
        for (const [old, element] of elements) {
            const a = oldTargets.get(old) ?? [];
            const b = newTargets.get(element) ?? [];
            const same = a.length === b.length && a.every((target, i) => target === b[i] || (isAstNode(target) && counterpart(target) === b[i]));
            if (same) continue;
            elements.delete(old);
            changed = true;
        }
    }
    return { elements, counterpart };
}

function keyOf(element: AstNode): string | undefined {
    const text = element.$cstNode?.text;
    return text === undefined ? undefined : `${element.$type}\n${text}`;
}

/** The offsets of the document's syntax errors, sorted. */
function errorOffsets(result: ParseResult<AstNode>): number[] {
    return [...result.lexerErrors.map(error => error.offset), ...result.parserErrors.map(error => error.token.startOffset)].filter(offset => Number.isFinite(offset)).sort((a, b) => a - b);
}

function containsError(element: AstNode, errors: readonly number[]): boolean {
    const cst = element.$cstNode;
    if (!cst) return true;
    return errors.some(offset => offset >= cst.offset && offset <= cst.end);
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
