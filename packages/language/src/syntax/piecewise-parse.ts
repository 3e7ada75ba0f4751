import type { AstNode, CstNode, LangiumParser, ParseResult } from 'langium';
import { RootCstNodeImpl } from 'langium';
import type { CnmsFile } from '../generated/ast.js';
import { exceedsFileLimit } from './limits.js';
import { copyOf, countLines, hasNoErrors, shiftNodes } from './parse-parts.js';

/** Texts at least this long are parsed in pieces (docs/limits.md): a pasted file of 60,000 lets took the server 2–3 s in one block. */
export const PIECEWISE_FROM = 256 * 1024;

/** About how many characters each piece holds: some 50 ms of parsing on the 2-core machines. */
const PIECE = 32 * 1024;

/**
 * Parses a long text in pieces of whole top-level declarations, calling
 * `pause` between them, so that a language server stays responsive while it
 * reads a pasted file of megabytes (and a newer edit can cancel the parse
 * there: `pause` then throws). The pieces are put together into the parse the
 * whole text would give, or `undefined` is returned when that cannot be made
 * sure of here, and the caller parses the whole text.
 *
 * Where a piece ends: at a line that starts with a word (top-level
 * declarations start at the first column, their contents are indented), the
 * first such line after about `PIECE` characters. Why the pieces give the
 * parse of the whole text (as syntax/declaration-reparse.ts, on which this
 * leans):
 *  - each piece is parsed with the next declaration after its end as well, and
 *    that declaration must come out starting exactly at the piece's end, with
 *    only blanks before it: so the parse of the whole text starts a new
 *    declaration there, and a decision at the end of the piece's last
 *    declaration that looks ahead saw what it sees in the whole text;
 *  - no piece has a syntax error (a token cut at a piece's end, an unclosed
 *    comment or string, is one), so every piece is read by the lexer as in the
 *    whole text;
 *  - the next piece starts at that declaration, so it is parsed as in the
 *    whole text in turn.
 * `test/piecewise-parse.test.ts` compares the result with the parse of the
 * whole text node for node and leaf for leaf, with places, over generated
 * texts cut in many places.
 */
export async function parseInPieces(parser: LangiumParser, text: string, pause: () => Promise<void>, pieceLength = PIECE): Promise<ParseResult<AstNode> | undefined> {
    // a text past the file limit is not read at all (the lexer says so, once, at its start): no piece of it either
    if (exceedsFileLimit(text)) return undefined;
    // a lone carriage return ends a line for the lexer, not for the pieces' lines
    if (/\r(?!\n)/.test(text)) return undefined;
    const content: CstNode[] = [];
    const elements: AstNode[] = [];
    let first: ParseResult<AstNode> | undefined;
    let start = 0;
    let line = 0;
    while (start < text.length) {
        if (first) await pause();
        let piece: Piece | undefined;
        // a piece can end only between two declarations with nothing but blanks between: tried at the next few places
        for (let tries = 0, end = pieceEnd(text, start + pieceLength); !piece && tries < TRIES; tries++, end = pieceEnd(text, end + 1)) {
            piece = parsePiece(parser, text, start, end);
            if (end >= text.length) break;
        }
        if (!piece) return undefined;
        first ??= piece.parse;
        for (const node of piece.nodes) shiftNodes(node, start, -1, line, 0);
        content.push(...piece.nodes);
        elements.push(...piece.elements);
        line += countLines(text, start, piece.end);
        start = piece.end;
    }
    if (!first) return undefined;

    const rootCst = new RootCstNodeImpl(text);
    rootCst.grammarSource = (first.value.$cstNode as RootCstNodeImpl).grammarSource;
    rootCst.content = content;
    for (const node of content) (node as { container?: CstNode }).container = rootCst;
    const root = { ...first.value, elements } as CnmsFile & { $cstNode?: CstNode };
    root.$cstNode = rootCst;
    rootCst.astNode = root;
    elements.forEach((element, index) => {
        (element as { $container: AstNode }).$container = root;
        (element as { $containerIndex?: number }).$containerIndex = index;
    });
    return { value: root, lexerErrors: [], lexerReport: first.lexerReport, parserErrors: [] };
}

/** How many places a piece's end is tried at before the whole text is parsed in one. */
const TRIES = 8;

/** A piece of the text parsed: the nodes and declarations of [start, end), with places counted from `start`. */
interface Piece {
    readonly parse: ParseResult<AstNode>;
    readonly end: number;
    readonly nodes: CstNode[];
    readonly elements: AstNode[];
}

/** Parses [start, end) with the declaration after it, and checks that the piece ends where a declaration of the whole text starts; undefined otherwise. */
function parsePiece(parser: LangiumParser, text: string, start: number, end: number): Piece | undefined {
    // the piece and the declaration after it (to the next place a piece could end)
    const overlapEnd = end < text.length ? pieceEnd(text, end + 1) : end;
    const parse = parser.parse(copyOf(text.substring(start, overlapEnd)));
    if (!hasNoErrors(parse)) return undefined;
    const root = parse.value as CnmsFile;
    const pieceContent = (root.$cstNode as RootCstNodeImpl | undefined)?.content;
    if (!pieceContent) return undefined;
    if (end >= text.length) return { parse, end, nodes: [...pieceContent], elements: [...root.elements] };
    // the declaration after the piece starts exactly where the piece ends, with only blanks before it
    const cut = end - start;
    const next = root.elements.findIndex(element => element.$cstNode!.offset >= cut);
    if (next < 0 || root.elements[next].$cstNode!.offset !== cut) return undefined;
    const kept = pieceContent.indexOf(root.elements[next].$cstNode!);
    if (kept < 0) return undefined;
    const lastEnd = kept > 0 ? pieceContent[kept - 1].end : 0;
    if (lastEnd > cut || text.substring(start + lastEnd, end).trim() !== '') return undefined;
    return { parse, end, nodes: pieceContent.slice(0, kept), elements: root.elements.slice(0, next) };
}

/** Where a piece that should end near `from` ends: the start of the first line at or after `from` that starts with a letter, or the text's end. */
function pieceEnd(text: string, from: number): number {
    if (from >= text.length) return text.length;
    const pattern = /\n(?=[\p{L}_])/gu;
    pattern.lastIndex = from - 1;
    const found = pattern.exec(text);
    return found ? found.index + 1 : text.length;
}
