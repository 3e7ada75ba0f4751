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
        const property = propertyStartedBy(child.grammarSource);
        if (!property || (property.repeatable && !includeRepeatable)) continue;
        yield child;
    }
}

/**
 * The property keywords given again in a declaration block (list properties
 * that may repeat left out), once for each time after the first, in text
 * order. Kept per declaration: its own nodes never change (a reparse keeps a
 * declaration whole, only moved, or replaces it), so a declaration that
 * `cnms diff`'s later revision or an edit kept is not walked again.
 */
export function repeatedPropertyKeywords(element: AstNode): readonly string[] {
    let repeated = repeatedKeywords.get(element);
    if (repeated === undefined) {
        const seen = new Set<string>();
        repeated = [];
        for (const leaf of propertyKeywords(element)) {
            if (seen.has(leaf.text)) repeated.push(leaf.text);
            else seen.add(leaf.text);
        }
        repeatedKeywords.set(element, repeated);
    }
    return repeated;
}

const repeatedKeywords = new WeakMap<AstNode, string[]>();

/** A property of a declaration block, as the grammar defines it. */
export interface BlockProperty {
    /** The AST property it sets (`dataQuality`, `topManagement`). */
    readonly name: string;
    /** A list property that may be given again (`value` of a factor, `monitored-by`). */
    readonly repeatable: boolean;
}

/**
 * The property of a declaration block that a keyword of the grammar starts
 * (`activity` in a source, the flag `top-management` in a role), or undefined
 * for any other keyword (a declaration keyword, an enum value, `at`, `on`).
 */
export function propertyStartedBy(keyword: GrammarAST.Keyword): BlockProperty | undefined {
    let property = properties.get(keyword);
    if (property === undefined) properties.set(keyword, (property = blockPropertyOf(keyword) ?? null));
    return property ?? undefined;
}

/** propertyStartedBy's answers, per keyword of the grammar (it never changes): asked for every keyword of every declaration. */
const properties = new WeakMap<GrammarAST.Keyword, BlockProperty | null>();

function blockPropertyOf(keyword: GrammarAST.Keyword): BlockProperty | undefined {
    const holder: GrammarAST.AbstractElement = GrammarAST.isAssignment(keyword.$container) ? keyword.$container : keyword;
    const parent = holder.$container;
    const group = GrammarAST.isGroup(parent) && parent.elements[0] === holder ? parent : undefined;
    const alternatives = group ? group.$container : parent;
    if (!GrammarAST.isAlternatives(alternatives) || alternatives.cardinality !== '*') return undefined;
    const assignment = group ? group.elements[1] : holder;
    if (GrammarAST.isAssignment(assignment)) return { name: assignment.feature, repeatable: assignment.operator === '+=' };
    // a choice after the keyword: `value (components+=… | values+=…)` of a factor, `control (control='full' | …)` of a site
    if (!GrammarAST.isAlternatives(assignment)) return undefined;
    const branches = assignment.elements.map(firstAssignment);
    if (branches.some(branch => !branch)) return undefined;
    // named after the last branch, the general form (`values` of `value … of GAS | value …`)
    const last = branches[branches.length - 1]!;
    return { name: last.feature, repeatable: branches.every(branch => branch!.operator === '+=') };
}

/** The first assignment of a branch of a choice: the branch itself, or the first element of its group. */
function firstAssignment(element: GrammarAST.AbstractElement): GrammarAST.Assignment | undefined {
    if (GrammarAST.isAssignment(element)) return element;
    return GrammarAST.isGroup(element) && GrammarAST.isAssignment(element.elements[0]) ? element.elements[0] : undefined;
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
