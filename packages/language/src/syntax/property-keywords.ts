import type { AstNode, CstNode } from 'langium';
import { CstUtils, GrammarAST } from 'langium';

/**
 * The keywords that start a property of a declaration block (`factor`,
 * `activity`, `top-management` …); those of list properties that may repeat
 * (`value` of a factor) only when asked for.
 */
export function* propertyKeywords(element: AstNode, includeRepeatable = false): Generator<CstNode> {
    if (!element.$cstNode) return;
    for (const child of CstUtils.streamCst(element.$cstNode)) {
        if (child.astNode !== element || !GrammarAST.isKeyword(child.grammarSource)) continue;
        const keyword: GrammarAST.AbstractElement = child.grammarSource;
        const holder: GrammarAST.AbstractElement = GrammarAST.isAssignment(keyword.$container) ? keyword.$container : keyword;
        const parent = holder.$container;
        const group = GrammarAST.isGroup(parent) && parent.elements[0] === holder ? parent : undefined;
        const alternatives = group ? group.$container : parent;
        if (!GrammarAST.isAlternatives(alternatives) || alternatives.cardinality !== '*') continue;
        const assignment = group ? group.elements[1] : holder;
        if (!includeRepeatable && GrammarAST.isAssignment(assignment) && assignment.operator === '+=') continue;
        yield child;
    }
}
