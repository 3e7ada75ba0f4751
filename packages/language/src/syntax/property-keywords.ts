import type { AstNode, CstNode } from 'langium';
import { GrammarAST, isCompositeCstNode } from 'langium';

/**
 * The keywords that start a property of a declaration block (`factor`,
 * `activity`, `top-management` …); those of list properties that may repeat
 * (`value` of a factor) only when asked for.
 */
export function* propertyKeywords(element: AstNode, includeRepeatable = false): Generator<CstNode> {
    for (const child of ownCstNodes(element)) {
        if (!GrammarAST.isKeyword(child.grammarSource)) continue;
        const keyword: GrammarAST.AbstractElement = child.grammarSource;
        const holder: GrammarAST.AbstractElement = GrammarAST.isAssignment(keyword.$container) ? keyword.$container : keyword;
        const parent = holder.$container;
        const group = GrammarAST.isGroup(parent) && parent.elements[0] === holder ? parent : undefined;
        const alternatives = group ? group.$container : parent;
        if (!GrammarAST.isAlternatives(alternatives) || alternatives.cardinality !== '*') continue;
        const assignment = group ? group.elements[1] : holder;
        if (!includeRepeatable && isListAssignment(assignment)) continue;
        yield child;
    }
}

/** A list property (`values+=…`), or a choice of list properties (`value` of a factor: `components+=… | values+=…`). */
function isListAssignment(element: GrammarAST.AbstractElement | undefined): boolean {
    if (GrammarAST.isAssignment(element)) return element.operator === '+=';
    return GrammarAST.isAlternatives(element) && element.elements.every(isListAssignment);
}

/**
 * The CST nodes of an element itself, in text order: without descending into
 * the nodes of the elements and expressions it contains (an expression's
 * tokens are not the element's keywords, and a long one is not walked).
 */
function* ownCstNodes(element: AstNode): Generator<CstNode> {
    if (!element.$cstNode) return;
    const stack: CstNode[] = [element.$cstNode];
    while (stack.length > 0) {
        const node = stack.pop()!;
        if (node.astNode !== element) continue;
        yield node;
        if (isCompositeCstNode(node)) for (let i = node.content.length - 1; i >= 0; i--) stack.push(node.content[i]);
    }
}
