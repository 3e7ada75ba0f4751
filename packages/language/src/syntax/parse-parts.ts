import type { AstNode, CstNode, ParseResult } from 'langium';
import { CompositeCstNodeImpl, LeafCstNodeImpl } from 'langium';

// What the parses put together from parts of a text share: the parse of only the
// changed declarations (declaration-reparse.ts) and the parse of a long text in
// pieces (piecewise-parse.ts).

/** A string of its own with the same text (V8 keeps a substring as a slice of the whole string). */
export function copyOf(text: string): string {
    return ` ${text}`.slice(1);
}

/** How many line feeds `text` has in [from, to): the lines a part of a text moves the parts after it down by, or the line a CSV row starts on (semantics/csv-table.ts). */
export function countLines(text: string, from = 0, to = text.length): number {
    let lines = 0;
    for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) lines++;
    return lines;
}

/** Whether a parse has no lexer or parser error. */
export function hasNoErrors(result: ParseResult<AstNode>): boolean {
    return result.lexerErrors.length === 0 && result.parserErrors.length === 0 && (result.lexerReport?.diagnostics.length ?? 0) === 0;
}

/**
 * Shifts a subtree's leaves by `offset` characters and `lines` lines, and
 * those on line `onLine` (before the shift) also by `characters` columns;
 * composite nodes forget the range they cached.
 */
export function shiftNodes(top: CstNode, offset: number, onLine: number, lines: number, characters: number): void {
    const stack: CstNode[] = [top];
    while (stack.length > 0) {
        const node = stack.pop()!;
        if (node instanceof LeafCstNodeImpl) {
            const leaf = node as unknown as MovableLeaf;
            leaf._offset += offset;
            if (leaf._startLine === onLine) leaf._startColumn += characters;
            if (leaf._endLine === onLine) leaf._endColumn += characters;
            leaf._startLine += lines;
            leaf._endLine += lines;
        } else if (node instanceof CompositeCstNodeImpl) {
            (node as unknown as { _rangeCache: unknown })._rangeCache = undefined;
            for (const child of node.content) stack.push(child);
        }
    }
}

/** A leaf of the concrete tree, with the fields a move changes. */
export interface MovableLeaf {
    _length: number;
    _tokenType: unknown;
    _offset: number;
    _startLine: number;
    _startColumn: number;
    _endLine: number;
    _endColumn: number;
}
