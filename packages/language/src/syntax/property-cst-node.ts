import type { AstNode, CstNode } from 'langium';
import { AstUtils, GrammarAST, isCompositeCstNode } from 'langium';

/** The feature of the assignment a grammar element lies in (`activity`), kept per element of the grammar (it never changes). */
const features = new WeakMap<object, string | null>();

function featureOf(grammarSource: GrammarAST.AbstractElement | undefined): string | null {
    if (!grammarSource) return null;
    let feature = features.get(grammarSource);
    if (feature === undefined) {
        feature = AstUtils.getContainerOfType(grammarSource, GrammarAST.isAssignment)?.feature ?? null;
        features.set(grammarSource, feature);
    }
    return feature;
}

/**
 * The CST node of `property` of `node` (the `index`-th of a list property,
 * clamped to the last): what Langium's `findNodeForProperty` gives a
 * diagnostic's range, found the same way (the element's own CST nodes in text
 * order, not descending into a node that sets a property), but stopping at the
 * one asked for and without walking up the grammar for each CST node. Langium
 * collected every match of the whole declaration first: with a diagnostic on
 * most of 10,000 sources, ranges were a tenth of `cnms diff`'s time.
 */
export function propertyCstNode(node: AstNode, property: string, index?: number): CstNode | undefined {
    const root = node.$cstNode;
    if (!root || !isCompositeCstNode(root) || root.astNode !== node) return undefined;
    const wanted = Math.max(0, index ?? 0);
    let last: CstNode | undefined;
    let found = 0;
    const stack: CstNode[] = [];
    for (let i = root.content.length - 1; i >= 0; i--) stack.push(root.content[i]);
    while (stack.length > 0) {
        const current = stack.pop()!;
        if (featureOf(current.grammarSource) === property) {
            if (found === wanted) return current;
            last = current;
            found++;
            continue;
        }
        if (isCompositeCstNode(current) && current.astNode === node) for (let i = current.content.length - 1; i >= 0; i--) stack.push(current.content[i]);
    }
    return last;
}
