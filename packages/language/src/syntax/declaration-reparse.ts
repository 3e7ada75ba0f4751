import type { AstNode, CstNode, LangiumParser, ParseResult } from 'langium';
import { CompositeCstNodeImpl, LeafCstNodeImpl, RootCstNodeImpl } from 'langium';
import type { CnmsFile } from '../generated/ast.js';

/**
 * Parses a file again after an edit by parsing only the top-level
 * declarations the edit touched, with one unchanged declaration on each side,
 * and splicing them into the previous parse: typing in one source of a
 * 5,000-line file parses three declarations, not the file, and the other
 * declarations keep their nodes (so their figures need not even be carried
 * over). The result is the parse the whole text would give —
 * `test/declaration-reparse.test.ts` compares the two, node for node and
 * position for position, over random edits — or `undefined` when that cannot
 * be made sure of here, and the caller parses the whole text.
 *
 * Why the neighbours make it sure: the text before and after the region is
 * unchanged, so the lexer reads the same tokens there (a token cannot reach
 * across a declaration that is read again unchanged); every declaration starts
 * with its own keyword, so the parser starts each one afresh; and a decision
 * at the end of a declaration that looks ahead into the next one is made
 * inside the region, whose last declaration must come out as it was.
 *
 * Taken only when the previous parse had no syntax error, and the region's
 * parse has none (then neither has the whole text's): recovery from an error
 * can join or split declarations in ways a region cannot see.
 */
export function reparseDeclarations(parser: LangiumParser, previous: ParseResult<AstNode>, text: string): ParseResult<AstNode> | undefined {
    const root = previous.value as CnmsFile;
    const rootCst = root.$cstNode as RootCstNodeImpl | undefined;
    if (!rootCst || !hasNoErrors(previous)) return undefined;
    const before = rootCst.fullText;
    const elements = root.elements;
    if (elements.length === 0) return undefined;

    // the edit: [start, oldEnd) of the old text became [start, newEnd) of the new
    const shortest = Math.min(before.length, text.length);
    let start = 0;
    while (start < shortest && before.charCodeAt(start) === text.charCodeAt(start)) start++;
    if (start === before.length && start === text.length) return undefined;
    let oldEnd = before.length;
    let newEnd = text.length;
    while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
        oldEnd--;
        newEnd--;
    }

    // the declarations touched: from the first that ends at or after the edit to the last that
    // starts at or before its end; then one more on each side, unchanged
    const first = firstIndex(elements, element => element.$cstNode!.end >= start);
    const last = firstIndex(elements, element => element.$cstNode!.offset > oldEnd) - 1;
    const from = Math.max(0, first - 1);
    const to = Math.min(elements.length - 1, last + 1);
    const previousKept = from < first ? elements[from] : undefined;
    const nextKept = to > last ? elements[to] : undefined;
    if (last < first - 1) return undefined;
    const regionStart = previousKept ? previousKept.$cstNode!.offset : 0;
    const oldRegionEnd = nextKept ? nextKept.$cstNode!.end : before.length;
    const shift = text.length - before.length;
    // a copy: the strings of the region's parse (names, titles) are slices of it, and a slice of the
    // whole text would keep that text (as it was at this edit) for as long as the declaration lives
    const regionText = copyOf(text.substring(regionStart, oldRegionEnd + shift));

    const region = parser.parse(regionText);
    if (!hasNoErrors(region)) return undefined;
    const parsed = (region.value as CnmsFile).elements;
    const kept = (previousKept ? 1 : 0) + (nextKept ? 1 : 0);
    if (parsed.length < kept) return undefined;
    if (previousKept && !sameDeclaration(previousKept, parsed[0])) return undefined;
    if (nextKept && !sameDeclaration(nextKept, parsed[parsed.length - 1])) return undefined;

    // the declarations read again between the neighbours replace those the edit touched; the
    // neighbours keep their nodes, moved to where the region's parse put them
    const middle = parsed.slice(previousKept ? 1 : 0, parsed.length - (nextKept ? 1 : 0));
    const regionCst = region.value.$cstNode as RootCstNodeImpl;
    const base = previousKept ? previousKept.$cstNode!.range.start : { line: 0, character: 0 };
    const regionContent = regionCst.content;
    const regionFrom = previousKept ? regionContent.indexOf(parsed[0].$cstNode!) + 1 : 0;
    const regionTo = nextKept ? regionContent.indexOf(parsed[parsed.length - 1].$cstNode!) : regionContent.length;
    const content = rootCst.content;
    const contentFrom = previousKept ? content.indexOf(previousKept.$cstNode!) + 1 : 0;
    const contentTo = nextKept ? content.indexOf(nextKept.$cstNode!) : content.length;
    if (contentFrom < (previousKept ? 1 : 0) || contentTo < 0 || regionFrom < (previousKept ? 1 : 0) || regionTo < 0) return undefined;
    const oldNextLeaves = nextKept ? leavesOf(nextKept.$cstNode!) : [];
    const newNextLeaves = nextKept ? leavesOf(parsed[parsed.length - 1].$cstNode!) : [];
    if (!sameTokens(oldNextLeaves, newNextLeaves)) return undefined;

    // nothing is changed above this line: from here on the previous parse is taken apart
    moveLeaves(regionCst, regionStart, base.line, base.character);
    const after = content.slice(contentTo + 1);
    if (nextKept) {
        const oldEndAt = nextKept.$cstNode!.range.end;
        const newEndAt = parsed[parsed.length - 1].$cstNode!.range.end;
        copyPlaces(newNextLeaves, oldNextLeaves);
        resetRanges(nextKept.$cstNode!);
        if (shift !== 0 || oldEndAt.line !== newEndAt.line || oldEndAt.character !== newEndAt.character) {
            for (const node of after) shiftNodes(node, shift, oldEndAt.line, newEndAt.line - oldEndAt.line, newEndAt.character - oldEndAt.character);
        }
    }

    const newRootCst = new RootCstNodeImpl(text);
    newRootCst.grammarSource = rootCst.grammarSource;
    newRootCst.content = [...content.slice(0, contentFrom), ...regionContent.slice(regionFrom, regionTo), ...content.slice(contentTo)];
    for (const node of newRootCst.content) (node as { container?: CstNode }).container = newRootCst;

    const newRoot = { ...root, elements: [...elements.slice(0, first), ...middle, ...elements.slice(last + 1)] } as CnmsFile & { $document?: unknown };
    delete newRoot.$document;
    (newRoot as { $cstNode?: CstNode }).$cstNode = newRootCst;
    newRootCst.astNode = newRoot;
    newRoot.elements.forEach((element, index) => {
        (element as { $container: AstNode }).$container = newRoot;
        (element as { $containerProperty?: string }).$containerProperty = 'elements';
        (element as { $containerIndex?: number }).$containerIndex = index;
    });
    retire(previous, elements.slice(first, last + 1), content.slice(contentFrom, contentTo));
    return { value: newRoot, lexerErrors: [], lexerReport: region.lexerReport, parserErrors: [] };
}

/**
 * The previous parse, from now on, is only the declarations that were
 * replaced, under a root of their own that holds only their text; the
 * previous root is emptied, and nothing points to it any more. Otherwise
 * anything still holding one old node (a cache not yet brought up to date)
 * would hold the file's whole text, and, through what is kept per root (a
 * file's balance, its declarations by name, which list declarations that
 * were replaced later, each with the last root it was in as its container),
 * every parse since: the language server grew by a file's text per edit.
 * The previous parse result keeps the replaced declarations (its `value` is
 * the new small root), for the figure memory to see what was replaced
 * (semantics/carried-elements.ts). Their lines and columns stay; their
 * offsets count from the start of their own text.
 */
function retire(previous: ParseResult<AstNode>, replaced: AstNode[], replacedCst: CstNode[]): void {
    const root = previous.value as CnmsFile & { $document?: unknown };
    const rootCst = root.$cstNode as RootCstNodeImpl;
    const start = replacedCst.length > 0 ? replacedCst[0].offset : 0;
    const end = replacedCst.length > 0 ? replacedCst[replacedCst.length - 1].end : 0;
    const retiredCst = new RootCstNodeImpl(copyOf(rootCst.fullText.substring(start, end)));
    retiredCst.grammarSource = rootCst.grammarSource;
    retiredCst.content = replacedCst;
    for (const node of replacedCst) {
        (node as { container?: CstNode }).container = retiredCst;
        shiftNodes(node, -start, -1, 0, 0);
    }
    const retired = { $type: root.$type, elements: replaced, $cstNode: retiredCst, $document: root.$document } as unknown as CnmsFile;
    retiredCst.astNode = retired;
    for (const element of replaced) (element as { $container: AstNode }).$container = retired;
    (root as { elements: AstNode[] }).elements = [];
    rootCst.content = [];
    (previous as { value: AstNode }).value = retired;
}

/** A string of its own with the same text (V8 keeps a substring as a slice of the whole string). */
function copyOf(text: string): string {
    return ` ${text}`.slice(1);
}

function hasNoErrors(result: ParseResult<AstNode>): boolean {
    return result.lexerErrors.length === 0 && result.parserErrors.length === 0 && (result.lexerReport?.diagnostics.length ?? 0) === 0;
}

/** The first index whose element satisfies `test` (which holds from some index on), or the length. */
function firstIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
    let low = 0;
    let high = items.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (test(items[middle])) high = middle;
        else low = middle + 1;
    }
    return low;
}

function sameDeclaration(old: AstNode, now: AstNode): boolean {
    return old.$type === now.$type && old.$cstNode?.text === now.$cstNode?.text;
}

/** The leaves of a subtree, in order. */
function leavesOf(top: CstNode): MovableLeaf[] {
    const leaves: MovableLeaf[] = [];
    const stack: CstNode[] = [top];
    while (stack.length > 0) {
        const node = stack.pop()!;
        if (node instanceof LeafCstNodeImpl) leaves.push(node as unknown as MovableLeaf);
        else if (node instanceof CompositeCstNodeImpl) for (let i = node.content.length - 1; i >= 0; i--) stack.push(node.content[i]);
    }
    return leaves;
}

/** Whether two lists of leaves are the same tokens (the same declaration text read alike). */
function sameTokens(a: readonly MovableLeaf[], b: readonly MovableLeaf[]): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i]._length !== b[i]._length || a[i]._tokenType !== b[i]._tokenType) return false;
    return true;
}

/** Gives the leaves of a kept declaration the places of their counterparts in the region's parse. */
function copyPlaces(from: readonly MovableLeaf[], to: MovableLeaf[]): void {
    for (let i = 0; i < to.length; i++) {
        to[i]._offset = from[i]._offset;
        to[i]._startLine = from[i]._startLine;
        to[i]._startColumn = from[i]._startColumn;
        to[i]._endLine = from[i]._endLine;
        to[i]._endColumn = from[i]._endColumn;
    }
}

/** Makes the composite nodes of a subtree forget the range they cached. */
function resetRanges(top: CstNode): void {
    shiftNodes(top, 0, -1, 0, 0);
}

interface MovableLeaf {
    _length: number;
    _tokenType: unknown;
    _offset: number;
    _startLine: number;
    _startColumn: number;
    _endLine: number;
    _endColumn: number;
}

/** Moves the leaves of a region's parse to where the region starts in the file. */
function moveLeaves(regionRoot: RootCstNodeImpl, offset: number, line: number, character: number): void {
    for (const node of regionRoot.content) shiftNodes(node, offset, 0, line, character);
}

/**
 * Shifts a subtree's leaves by `offset` characters and `lines` lines, and
 * those on line `onLine` (before the shift) also by `characters` columns;
 * composite nodes forget the range they cached.
 */
function shiftNodes(top: CstNode, offset: number, onLine: number, lines: number, characters: number): void {
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
