import type { AstNode, CstNode, LangiumParser, ParseResult } from 'langium';
import { AstUtils, CompositeCstNodeImpl, GrammarAST, LeafCstNodeImpl, RootCstNodeImpl } from 'langium';
import type { CnmsFile } from '../generated/ast.js';
import { CnmsGrammar } from '../generated/grammar.js';
import { copyOf, countLines, hasNoErrors, shiftNodes, type MovableLeaf } from './parse-parts.js';

/**
 * Parses a file again after an edit by parsing only the top-level
 * declarations the edit touched, with one unchanged declaration on each side,
 * and splicing them into the previous parse: typing in one source of a
 * 5,000-line file parses three declarations, not the file, and the other
 * declarations keep their nodes (so their figures need not even be carried
 * over). A text that differs in several places (a later revision of the file,
 * `cnms diff`) is parsed again in several such regions, one per place, the
 * text between them unchanged. The result is the parse the whole text would
 * give — `test/declaration-reparse.test.ts` compares the two, node for node
 * and position for position, over random edits — or `undefined` when that
 * cannot be made sure of here, and the caller parses the whole text.
 *
 * Why the neighbours make it sure: the text before and after each region is
 * unchanged, so the lexer reads the same tokens there (a token cannot reach
 * across a declaration that is read again unchanged); every declaration starts
 * with its own keyword, so the parser starts each one afresh; and a decision
 * at the end of a declaration that looks ahead into the next one is made
 * inside the region, whose last declaration must come out as it was. Two
 * regions never share a neighbour (they are merged into one), so the
 * declaration after a region's last is unchanged.
 *
 * Where the borders need no neighbour, a region is read alone (a later
 * revision with a changed source every tenth, `cnms diff`: a third of the
 * text read): when the declaration before it, and the last one read, are of
 * a kind whose rule ends with its closing brace (`closedDeclarationTypes`:
 * `source … { … }`, not `let`, `unit` or `site s`), and a line ends just
 * before the declaration after it. A parse of such a declaration is over at
 * its `}` whatever follows (the rule ends there, and no decision inside it
 * can look past a `}` that braces, which are never names, close), the token
 * `}` cannot run on into the next one, and a line break ends any comment or
 * token before the next declaration; the declaration after the region starts
 * afresh at its keyword, as it did. Otherwise the region is read with its
 * neighbours, as above.
 *
 * Taken only when the previous parse had no syntax error, and every region's
 * parse has none (then neither has the whole text's): recovery from an error
 * can join or split declarations in ways a region cannot see. Not taken
 * either when a region is longer than `longestRegion` (a paste of megabytes,
 * which the language server parses in pieces: syntax/piecewise-parse.ts).
 */
export function reparseDeclarations(parser: LangiumParser, previous: ParseResult<AstNode>, text: string, longestRegion = Number.POSITIVE_INFINITY): ParseResult<AstNode> | undefined {
    const root = previous.value as CnmsFile;
    const rootCst = root.$cstNode as RootCstNodeImpl | undefined;
    if (!rootCst || !hasNoErrors(previous)) return undefined;
    const before = rootCst.fullText;
    const elements = root.elements;
    if (elements.length === 0) return undefined;
    const edits = editsBetween(before, text, elements);
    if (edits.length === 0) return undefined;
    const regions = regionsOf(edits, elements);
    if (!regions) return undefined;
    const content = rootCst.content;
    const parses: RegionParse[] = [];
    for (const region of regions) {
        const parsed = parseAlone(parser, region, elements, content, text, longestRegion) ?? parseRegion(parser, region, elements, content, text, longestRegion);
        if (!parsed) return undefined;
        parses.push(parsed);
    }

    // nothing is changed above this line: from here on the previous parse is taken apart. The
    // regions are spliced in from the first to the last; the unchanged stretch after each region
    // is moved to its new place before the next region is placed after it
    const newContent: CstNode[] = [];
    const newElements: AstNode[] = [];
    const replaced: AstNode[] = [];
    const replacedCst: CstNode[] = [];
    let contentAt = 0;
    let elementAt = 0;
    parses.forEach((parse, index) => {
        const { region, previousKept, nextKept, regionCst, middle } = parse;
        newContent.push(...content.slice(contentAt, parse.contentFrom));
        newElements.push(...elements.slice(elementAt, region.first));
        // where the region's text starts: at the declaration before it (read with it), or where that one ends
        const base = !previousKept ? { line: 0, character: 0 } : parse.alone ? previousKept.$cstNode!.range.end : previousKept.$cstNode!.range.start;
        // what goes into the file, and the region's parse of the next neighbour, whose places its nodes take
        moveLeaves(regionCst.content.slice(parse.regionFrom, nextKept && !parse.alone ? parse.regionTo + 1 : parse.regionTo), parse.regionStart, base.line, base.character);
        newContent.push(...regionCst.content.slice(parse.regionFrom, parse.regionTo));
        newElements.push(...middle);
        replaced.push(...elements.slice(region.first, region.last + 1));
        replacedCst.push(...content.slice(parse.contentFrom, parse.contentTo));
        if (nextKept && parse.alone) {
            // the declaration after the region, and the stretch after it, move to where the region's text ends: the
            // start of a line (parseAlone), `lines` lines after the region's start
            const oldStartAt = nextKept.$cstNode!.range.start;
            const newLine = base.line + parse.alone.lines;
            const stretch = content.slice(parse.contentTo, index + 1 < parses.length ? parses[index + 1].contentFrom : content.length);
            const shift = region.newEnd - region.oldEnd;
            if (shift !== 0 || oldStartAt.line !== newLine || oldStartAt.character !== 0) {
                for (const node of stretch) shiftNodes(node, shift, oldStartAt.line, newLine - oldStartAt.line, -oldStartAt.character);
            }
            contentAt = parse.contentTo;
            elementAt = region.last + 1;
        } else if (nextKept) {
            const oldEndAt = nextKept.$cstNode!.range.end;
            const newEndAt = parse.parsedNext!.$cstNode!.range.end;
            copyPlaces(parse.newNextLeaves, parse.oldNextLeaves);
            resetRanges(nextKept.$cstNode!);
            const shift = region.newEnd - region.oldEnd;
            const stretch = content.slice(parse.contentTo + 1, index + 1 < parses.length ? parses[index + 1].contentFrom : content.length);
            if (shift !== 0 || oldEndAt.line !== newEndAt.line || oldEndAt.character !== newEndAt.character) {
                for (const node of stretch) shiftNodes(node, shift, oldEndAt.line, newEndAt.line - oldEndAt.line, newEndAt.character - oldEndAt.character);
            }
            contentAt = parse.contentTo;
            elementAt = region.last + 1;
        } else {
            contentAt = content.length;
            elementAt = elements.length;
        }
    });
    newContent.push(...content.slice(contentAt));
    newElements.push(...elements.slice(elementAt));

    const newRootCst = new RootCstNodeImpl(text);
    newRootCst.grammarSource = rootCst.grammarSource;
    newRootCst.content = newContent;
    for (const node of newRootCst.content) (node as { container?: CstNode }).container = newRootCst;

    const newRoot = { ...root, elements: newElements } as CnmsFile & { $document?: unknown };
    delete newRoot.$document;
    (newRoot as { $cstNode?: CstNode }).$cstNode = newRootCst;
    newRootCst.astNode = newRoot;
    newRoot.elements.forEach((element, index) => {
        (element as { $container: AstNode }).$container = newRoot;
        (element as { $containerProperty?: string }).$containerProperty = 'elements';
        (element as { $containerIndex?: number }).$containerIndex = index;
    });
    retire(previous, replaced, replacedCst);
    return { value: newRoot, lexerErrors: [], lexerReport: parses[0].lexerReport, parserErrors: [] };
}

/** A place where the texts differ: [oldStart, oldEnd) of the old text became [newStart, newEnd) of the new. */
interface Edit {
    readonly oldStart: number;
    readonly oldEnd: number;
    readonly newStart: number;
    readonly newEnd: number;
}

/** An edit, or edits merged, and the declarations it touches: `first` to `last` (`last` may be `first − 1`: none). */
interface Region extends Edit {
    readonly first: number;
    readonly last: number;
}

/** How many declarations after a changed one are tried as the place where the texts agree again. */
const RESYNC_TRIES = 8;

/**
 * The places where `text` differs from `before`, in order, the text between
 * them the same in both. After each difference, the texts are taken to agree
 * again from the first of the next few declarations of the old text found
 * further on in the new one; otherwise the difference runs to the common end.
 * Any such list is sound (the text between the places is compared character
 * for character); declarations that agree only make the regions smaller.
 */
function editsBetween(before: string, text: string, elements: readonly AstNode[]): Edit[] {
    const tail = sameBackwards(before, 0, before.length, text, 0, text.length);
    const oldTail = before.length - tail;
    const newTail = text.length - tail;
    const edits: Edit[] = [];
    let o = 0;
    let n = 0;
    for (;;) {
        const same = sameForwards(before, o, oldTail, text, n, newTail);
        o += same;
        n += same;
        if (o >= oldTail && n >= newTail) return edits;
        let again: [number, number] | undefined;
        const touched = firstIndex(elements, element => element.$cstNode!.end >= o);
        for (let k = touched + 1; k < elements.length && k <= touched + RESYNC_TRIES && !again; k++) {
            const cst = elements[k].$cstNode!;
            if (cst.end > oldTail) break;
            const at = text.indexOf(before.substring(cst.offset, cst.end), n);
            if (at >= 0 && at + cst.length <= newTail) again = [cst.offset, at];
        }
        if (!again) {
            edits.push({ oldStart: o, oldEnd: oldTail, newStart: n, newEnd: newTail });
            return edits;
        }
        const back = sameBackwards(before, o, again[0], text, n, again[1]);
        edits.push({ oldStart: o, oldEnd: again[0] - back, newStart: n, newEnd: again[1] - back });
        [o, n] = again;
    }
}

/**
 * How many characters `a` from `aFrom` and `b` from `bFrom` have in common,
 * before `aTo` and `bTo`; compared a block at a time (a file's text is
 * compared once per revision, by a function too rarely called to be compiled).
 */
function sameForwards(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number): number {
    const most = Math.min(aTo - aFrom, bTo - bFrom);
    let same = 0;
    while (same + BLOCK <= most && a.substring(aFrom + same, aFrom + same + BLOCK) === b.substring(bFrom + same, bFrom + same + BLOCK)) same += BLOCK;
    while (same < most && a.charCodeAt(aFrom + same) === b.charCodeAt(bFrom + same)) same++;
    return same;
}

/** How many characters `a` before `aTo` and `b` before `bTo` have in common, back to `aFrom` and `bFrom`. */
function sameBackwards(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number): number {
    const most = Math.min(aTo - aFrom, bTo - bFrom);
    let same = 0;
    while (same + BLOCK <= most && a.substring(aTo - same - BLOCK, aTo - same) === b.substring(bTo - same - BLOCK, bTo - same)) same += BLOCK;
    while (same < most && a.charCodeAt(aTo - same - 1) === b.charCodeAt(bTo - same - 1)) same++;
    return same;
}

const BLOCK = 256;

/**
 * The declarations each edit touches — from the first that ends at or after
 * it to the last that starts at or before its end — with edits merged when
 * their regions (one unchanged declaration on each side) would meet or
 * overlap; undefined when an edit cannot be placed.
 */
function regionsOf(edits: readonly Edit[], elements: readonly AstNode[]): Region[] | undefined {
    const regions: Region[] = [];
    for (const edit of edits) {
        const first = firstIndex(elements, element => element.$cstNode!.end >= edit.oldStart);
        const last = firstIndex(elements, element => element.$cstNode!.offset > edit.oldEnd) - 1;
        if (last < first - 1) return undefined;
        const before = regions.at(-1);
        if (before && before.last + 1 >= first - 1) regions[regions.length - 1] = { ...before, last: Math.max(before.last, last), oldEnd: edit.oldEnd, newEnd: edit.newEnd };
        else regions.push({ ...edit, first, last });
    }
    return regions;
}

/** A region parsed again, checked, with where its declarations go; nothing of the previous parse is changed yet. */
interface RegionParse {
    readonly region: Region;
    readonly previousKept: AstNode | undefined;
    readonly nextKept: AstNode | undefined;
    /** The region's parse of `nextKept` (read with its neighbours). */
    readonly parsedNext: AstNode | undefined;
    /** Read alone (parseAlone): the neighbours are the declarations before and after it, not read; the line breaks in its text. */
    readonly alone?: { readonly lines: number };
    readonly regionCst: RootCstNodeImpl;
    readonly lexerReport: ParseResult<AstNode>['lexerReport'];
    /** Where the region starts in the new text. */
    readonly regionStart: number;
    /** The declarations read again, between the neighbours. */
    readonly middle: AstNode[];
    /** The region's nodes that go into the file: [regionFrom, regionTo) of its content. */
    readonly regionFrom: number;
    readonly regionTo: number;
    /** The previous nodes they replace: [contentFrom, contentTo) of the file's content. */
    readonly contentFrom: number;
    readonly contentTo: number;
    readonly oldNextLeaves: MovableLeaf[];
    readonly newNextLeaves: MovableLeaf[];
}

/**
 * A region read alone, without its neighbours, when its borders need none (see
 * reparseDeclarations); undefined when they do, or when its text does not
 * parse without an error.
 */
function parseAlone(parser: LangiumParser, region: Region, elements: readonly AstNode[], content: readonly CstNode[], text: string, longest: number): RegionParse | undefined {
    const { first, last } = region;
    const closed = closedDeclarations();
    const previousKept = first > 0 ? elements[first - 1] : undefined;
    const nextKept = last + 1 < elements.length ? elements[last + 1] : undefined;
    if (previousKept && !closed.has(previousKept.$type)) return undefined;
    // the text after the declaration before, to the declaration after, in the new text (the edits before shift it)
    const regionStart = previousKept ? previousKept.$cstNode!.end + region.newStart - region.oldStart : 0;
    const regionEnd = nextKept ? nextKept.$cstNode!.offset + region.newEnd - region.oldEnd : text.length;
    if (regionEnd - regionStart > longest) return undefined;
    if (nextKept && text.charCodeAt(regionEnd - 1) !== LINE_FEED) return undefined;
    const regionText = copyOf(text.substring(regionStart, regionEnd));
    // line breaks as the lexer counts them (\n, \r\n, a lone \r): a lone \r is left to the neighbours
    if (/\r(?!\n)/.test(regionText)) return undefined;

    const parse = parser.parse(regionText);
    if (!hasNoErrors(parse)) return undefined;
    const middle = (parse.value as CnmsFile).elements;
    if (nextKept && middle.length > 0 && !closed.has(middle[middle.length - 1].$type)) return undefined;
    const regionCst = parse.value.$cstNode as RootCstNodeImpl;
    const replacing = replacedContent(content, previousKept, nextKept);
    if (!replacing) return undefined;
    const { contentFrom, contentTo } = replacing;
    return {
        region,
        previousKept,
        nextKept,
        parsedNext: undefined,
        regionCst,
        lexerReport: parse.lexerReport,
        regionStart,
        middle: [...middle],
        regionFrom: 0,
        regionTo: regionCst.content.length,
        contentFrom,
        contentTo,
        oldNextLeaves: [],
        newNextLeaves: [],
        alone: { lines: countLines(regionText) }
    };
}

/** The previous parse's nodes between the declarations kept on each side of a region, [contentFrom, contentTo) of the file's content; undefined when one is not found there. */
function replacedContent(content: readonly CstNode[], previousKept: AstNode | undefined, nextKept: AstNode | undefined): { contentFrom: number; contentTo: number } | undefined {
    const contentFrom = previousKept ? content.indexOf(previousKept.$cstNode!) + 1 : 0;
    const contentTo = nextKept ? content.indexOf(nextKept.$cstNode!) : content.length;
    return contentFrom < (previousKept ? 1 : 0) || contentTo < 0 ? undefined : { contentFrom, contentTo };
}

const LINE_FEED = 10;

let closed: ReadonlySet<string> | undefined;

/** The kinds of declaration whose rule ends with its closing brace, of the language's grammar. */
function closedDeclarations(): ReadonlySet<string> {
    closed ??= closedDeclarationTypes(CnmsGrammar());
    return closed;
}

/**
 * The kinds of top-level declaration whose rule ends with a `}` that must be
 * there (`source … { … }`; not `site s { … }`, whose block is optional, nor
 * `let`): a parse of one is over at that `}`. Only rules whose nodes are of
 * the rule's own type (no `returns`, no actions), so that a node's `$type`
 * names its rule.
 */
export function closedDeclarationTypes(grammar: GrammarAST.Grammar): Set<string> {
    const types = new Set<string>();
    const entry = grammar.rules.find(rule => GrammarAST.isParserRule(rule) && rule.entry);
    if (!GrammarAST.isParserRule(entry) || !GrammarAST.isAssignment(entry.definition) || !GrammarAST.isRuleCall(entry.definition.terminal)) return types;
    const element = entry.definition.terminal.rule.ref;
    if (!GrammarAST.isParserRule(element) || !GrammarAST.isAlternatives(element.definition)) return types;
    for (const alternative of element.definition.elements) {
        const rule = GrammarAST.isRuleCall(alternative) ? alternative.rule.ref : undefined;
        if (!GrammarAST.isParserRule(rule) || rule.fragment || rule.returnType || rule.inferredType || rule.dataType) continue;
        const definition = rule.definition;
        if (!GrammarAST.isGroup(definition) || definition.cardinality || AstUtils.streamAllContents(definition).some(GrammarAST.isAction)) continue;
        const end = definition.elements[definition.elements.length - 1];
        if (GrammarAST.isKeyword(end) && end.value === '}' && !end.cardinality) types.add(rule.name);
    }
    return types;
}

function parseRegion(parser: LangiumParser, region: Region, elements: readonly AstNode[], content: readonly CstNode[], text: string, longest: number): RegionParse | undefined {
    const { first, last } = region;
    const from = Math.max(0, first - 1);
    const to = Math.min(elements.length - 1, last + 1);
    const previousKept = from < first ? elements[from] : undefined;
    const nextKept = to > last ? elements[to] : undefined;
    // the text before the region's edit is the same in both, shifted by the edits before it
    const regionStart = previousKept ? previousKept.$cstNode!.offset + region.newStart - region.oldStart : 0;
    const regionEnd = nextKept ? nextKept.$cstNode!.end + region.newEnd - region.oldEnd : text.length;
    if (regionEnd - regionStart > longest) return undefined;
    // a copy: the strings of the region's parse (names, titles) are slices of it, and a slice of the
    // whole text would keep that text (as it was at this edit) for as long as the declaration lives
    const regionText = copyOf(text.substring(regionStart, regionEnd));

    const parse = parser.parse(regionText);
    if (!hasNoErrors(parse)) return undefined;
    const parsed = (parse.value as CnmsFile).elements;
    const kept = (previousKept ? 1 : 0) + (nextKept ? 1 : 0);
    if (parsed.length < kept) return undefined;
    // each neighbour read again as it was, and where it was: the region starts with the one and ends with the other
    // (the same text elsewhere is not the neighbour: `let q = 1 // c let q = 1` puts the next `let q = 1` in a comment)
    if (previousKept && !(sameDeclaration(previousKept, parsed[0]) && parsed[0].$cstNode!.offset === 0)) return undefined;
    if (nextKept && !(sameDeclaration(nextKept, parsed[parsed.length - 1]) && parsed[parsed.length - 1].$cstNode!.end === regionText.length)) return undefined;

    // the declarations read again between the neighbours replace those the edit touched; the
    // neighbours keep their nodes, moved to where the region's parse put them
    const middle = parsed.slice(previousKept ? 1 : 0, parsed.length - (nextKept ? 1 : 0));
    const regionCst = parse.value.$cstNode as RootCstNodeImpl;
    const regionContent = regionCst.content;
    const regionFrom = previousKept ? regionContent.indexOf(parsed[0].$cstNode!) + 1 : 0;
    const regionTo = nextKept ? regionContent.indexOf(parsed[parsed.length - 1].$cstNode!) : regionContent.length;
    const replacing = replacedContent(content, previousKept, nextKept);
    if (!replacing || regionFrom < (previousKept ? 1 : 0) || regionTo < 0) return undefined;
    const { contentFrom, contentTo } = replacing;
    const oldNextLeaves = nextKept ? leavesOf(nextKept.$cstNode!) : [];
    const newNextLeaves = nextKept ? leavesOf(parsed[parsed.length - 1].$cstNode!) : [];
    if (!sameTokens(oldNextLeaves, newNextLeaves)) return undefined;
    return { region, previousKept, nextKept, parsedNext: parsed[parsed.length - 1], regionCst, lexerReport: parse.lexerReport, regionStart, middle, regionFrom, regionTo, contentFrom, contentTo, oldNextLeaves, newNextLeaves };
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

/** Moves the leaves of a region's parse to where the region starts in the file. */
function moveLeaves(nodes: readonly CstNode[], offset: number, line: number, character: number): void {
    for (const node of nodes) shiftNodes(node, offset, 0, line, character);
}
