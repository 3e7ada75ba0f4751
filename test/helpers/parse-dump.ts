// What a parse says, line by line, to compare two parses of one text: the
// parse of only the changed declarations (test/declaration-reparse.test.ts) and
// the parse in pieces (test/piecewise-parse.test.ts) with the whole text's.
import { AstUtils, isReference, type AstNode, type CstNode, type ParseResult } from 'langium';

/** Every fact of a parse a later phase can read: the syntax tree with its places, the concrete tree, the errors. */
export function dump(result: ParseResult<AstNode>): string[] {
    const lines: string[] = [`errors ${result.lexerErrors.length} ${result.parserErrors.length} ${result.lexerReport?.diagnostics.length ?? 0}`];
    const place = (node: CstNode | undefined): string => (node ? `${node.offset}+${node.length} ${node.range.start.line}:${node.range.start.character}-${node.range.end.line}:${node.range.end.character}` : '-');
    const root = result.value;
    for (const node of AstUtils.streamAst(root)) {
        if (node !== root) {
            let top: AstNode = node;
            while (top.$container) top = top.$container;
            if (top !== root) lines.push(`detached ${node.$type}`);
        }
        const properties = Object.entries(node)
            .filter(([key]) => !key.startsWith('$'))
            .map(([key, value]) => {
                const show = (item: unknown): string => (isReference(item) ? `ref(${item.$refText} @ ${place(item.$refNode)})` : typeof item === 'object' && item !== null ? `node(${(item as AstNode).$type})` : JSON.stringify(item));
                return `${key}=${Array.isArray(value) ? `[${value.map(show).join(', ')}]` : show(value)}`;
            });
        lines.push(`${node.$type} ${node.$containerProperty ?? ''}[${node.$containerIndex ?? ''}] ${place(node.$cstNode)} ${properties.join(' ')}`);
        if (node.$cstNode && node.$cstNode.astNode !== node && node !== root) lines.push(`cst of ${node.$type} belongs elsewhere`);
        if (node.$cstNode && node.$cstNode.root !== root.$cstNode) lines.push(`cst of ${node.$type} in another tree`);
    }
    const walk = (node: CstNode, depth: number): void => {
        const children = 'content' in node ? (node.content as CstNode[]) : undefined;
        lines.push(`${' '.repeat(depth)}${children ? 'C' : 'L'} ${place(node)} ${node.hidden ? 'hidden' : ''} ${node.grammarSource?.$type ?? ''} ${children ? '' : JSON.stringify(node.text)}`);
        for (const child of children ?? []) {
            if (child.container !== node) lines.push(`${' '.repeat(depth)}  wrong container`);
            walk(child, depth + 1);
        }
    };
    if (root.$cstNode) walk(root.$cstNode, 0);
    return lines;
}

/**
 * The first line where two parses' dumps differ, with its neighbours, or
 * undefined when they are the same: what a test of a long text compares (a
 * failing comparison of two dumps of 100,000 lines is not readable, and takes
 * the test runner minutes to print).
 */
export function firstDifference(actual: ParseResult<AstNode>, expected: ParseResult<AstNode>): string | undefined {
    const a = dump(actual);
    const b = dump(expected);
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        if (a[i] !== b[i]) return `line ${i + 1} of ${a.length} / ${b.length}:\n  got      ${a.slice(Math.max(0, i - 1), i + 2).join('\n           ')}\n  expected ${b.slice(Math.max(0, i - 1), i + 2).join('\n           ')}`;
    }
    return undefined;
}
