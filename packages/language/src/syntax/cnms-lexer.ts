import type { LangiumCoreServices, LexerResult, TokenizeOptions } from 'langium';
import { DefaultLexer, DefaultLexerErrorMessageProvider, DefaultTokenBuilder, GrammarAST } from 'langium';
import { CnmsGrammar } from '../generated/grammar.js';
import { CnmsLanguageMetaData } from '../generated/module.js';
import { BEFORE_NAME, nameKeywords } from './name-keywords.js';
import { exceedsFileLimit, MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_TERMS } from './limits.js';
import { InertRunFinder, type InertRun } from './inert-runs.js';

type IToken = LexerResult['tokens'][number];
type ILexingError = LexerResult['errors'][number];

/** Which limit of syntax/limits.ts a text is past. */
export type LimitKind = 'depth' | 'terms' | 'fileSize';

/**
 * A text past a limit: a lexing error, so that everything that asks whether a
 * file has syntax errors (the formatter, `cnms format`, the diff, why a
 * figure is not computed) sees it. The document validator words it in the
 * reader's language and drops the parse error the missing expression causes.
 */
export interface LimitError extends ILexingError {
    readonly limit: LimitKind;
    /** Where the text left out starts (1-based, as chevrotain counts). */
    readonly line: number;
    readonly column: number;
    /** Where the text left out ends (0-based line and character, exclusive). */
    readonly end: { readonly line: number; readonly character: number };
    /** The offset of the first token after the expression left out; undefined when it ends the file. */
    readonly next: number | undefined;
}

export function isLimitError(error: ILexingError): error is LimitError {
    return 'limit' in error;
}

/** The tokens an expression is made of (grammar/cnms.langium, section 2); any other token ends one. */
const EXPRESSION_TOKENS = new Set(['NUMBER', 'ID', '(', ')', '+', '-', '*', '/', '^', '%', '.']);
/** After these a `-` subtracts; elsewhere it negates (or, after `^`, signs the exponent). */
const OPERAND_ENDS = new Set(['NUMBER', 'ID', ')', '%']);

/** How deep and how long the expression under way is, as the scan of the tokens goes. */
interface Nesting {
    /** For each open parenthesis, the unary minus signs written just before it. */
    readonly open: number[];
    /** Unary minus signs waiting for their operand. */
    minus: number;
    /** Open parentheses plus unary minus signs in force: the parser's recursion, in levels. */
    depth: number;
    /** Numbers, names and units since the expression began. */
    terms: number;
}

/**
 * Langium's lexer, with the limits of syntax/limits.ts applied before the
 * parser sees the tokens: an expression nested deeper than
 * MAX_EXPRESSION_DEPTH or with more than MAX_EXPRESSION_TERMS terms is left
 * out of the tokens (the parser would overflow the stack on it, or the syntax
 * tree's walks would) and reported once, at its place; a file larger than
 * MAX_FILE_BYTES is not tokenized at all. What is left out is never read as a
 * figure: the value it stood for is not computed.
 *
 * The count is conservative where the parser's error recovery could join text
 * across a stray token: parentheses and terms carry on across any token that
 * does not start a declaration while a parenthesis is open, and only a
 * declaration's keyword (`let`, `source` …, which the parser always resumes
 * at) starts the count afresh, where it cannot be a name (a keyword may name
 * something: `2 * process` refers to a let named `process`).
 */
export class CnmsLexer extends DefaultLexer {
    private readonly declarationKeywords: ReadonlySet<string>;
    /** The keywords that may be written as names (grammar/cnms.langium, rule `Name`). */
    private readonly names = nameKeywords();
    private readonly inertRuns: InertRunFinder;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.declarationKeywords = declarationKeywords(services.Grammar);
        this.inertRuns = new InertRunFinder(Object.values(this.tokenTypes));
    }

    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        if (exceedsFileLimit(text)) {
            const error: LimitError = { limit: 'fileSize', offset: 0, line: 1, column: 1, length: 0, message: 'file larger than the limit', end: { line: 0, character: 0 }, next: undefined };
            return { tokens: [], hidden: [], errors: [error] };
        }
        const runs = this.inertRuns.find(text);
        const result = runs.length === 0 ? super.tokenize(text, options) : this.tokenizeAround(text, runs, options);
        const limited = this.applyLimits(result.tokens);
        if (limited.errors.length === 0) return result;
        return { ...result, tokens: limited.tokens, errors: [...result.errors, ...limited.errors] };
    }

    /**
     * Chevrotain's tokens and errors of a text with long runs of characters no
     * token can hold (syntax/inert-runs.ts): chevrotain reads the text with
     * the runs as spaces, and each run is an error, joined with the errors
     * that end where it starts or start where it ends, as chevrotain reports
     * one stretch of unexpected characters.
     */
    private tokenizeAround(text: string, runs: readonly InertRun[], options?: TokenizeOptions): LexerResult {
        let blanked = '';
        let from = 0;
        for (const run of runs) {
            blanked += text.slice(from, run.start) + ' '.repeat(run.end - run.start);
            from = run.end;
        }
        blanked += text.slice(from);
        const result = super.tokenize(blanked, options);
        const lines = lineStarts(text);
        const errors = [...result.errors, ...runs.map(run => ({ offset: run.start, length: run.end - run.start, ...position(lines, run.start), message: '' }))].sort((a, b) => a.offset - b.offset);
        const joined: ILexingError[] = [];
        for (const error of errors) {
            const last = joined[joined.length - 1];
            if (last && last.offset + last.length === error.offset) joined[joined.length - 1] = { ...last, length: last.length + error.length };
            else joined.push(error);
        }
        return {
            ...result,
            errors: joined.map(error => ({ ...error, message: this.errorMessageProvider.buildUnexpectedCharactersMessage(text, error.offset, error.length, error.line, error.column) }))
        };
    }

    /** The tokens without the expressions past a limit, and an error for each of those. */
    private applyLimits(tokens: readonly IToken[]): { tokens: IToken[]; errors: LimitError[] } {
        const kept: IToken[] = [];
        const errors: LimitError[] = [];
        let nesting = fresh();
        let index = 0;
        while (index < tokens.length) {
            const token = tokens[index];
            if (!this.expressionType(token, undefined, nesting)) {
                if (this.declarationKeywords.has(token.tokenType.name)) nesting = fresh();
                else if (nesting.open.length === 0) nesting.terms = 0;
                kept.push(token);
                index++;
                continue;
            }
            // a run of expression tokens: kept whole, or left out whole
            const before = copy(nesting);
            let exceeded: LimitKind | undefined;
            let end = index;
            let previous: string | undefined;
            let type = this.expressionType(token, undefined, nesting);
            while (type) {
                // counted on past a limit too: what the run's tokens count as depends on the parentheses still open
                const limit = step(nesting, type, previous);
                exceeded ??= limit;
                previous = type;
                end++;
                type = end < tokens.length ? this.expressionType(tokens[end], previous, nesting) : undefined;
            }
            if (exceeded) {
                nesting = before;
                errors.push(limitError(exceeded, tokens[index], tokens[end - 1], tokens[end]));
            } else {
                for (let i = index; i < end; i++) kept.push(tokens[i]);
            }
            index = end;
        }
        return { tokens: kept, errors };
    }

    /**
     * What a token counts as in an expression, or undefined when it is not
     * part of one. A keyword that names something (`factor process`) counts as
     * a name where only an operand can stand: after an operator, a `(` or a
     * `.`, and anywhere inside parentheses or after a minus sign, where the
     * parser reads it as a name too, so it never starts the count afresh
     * there (else `((… process + ((…` would nest without limit).
     */
    private expressionType(token: IToken, previous: string | undefined, nesting: Nesting): string | undefined {
        const type = token.tokenType.name;
        if (EXPRESSION_TOKENS.has(type)) return type;
        if (!this.names.has(type)) return undefined;
        return (previous !== undefined && BEFORE_NAME.has(previous)) || nesting.open.length > 0 || nesting.minus > 0 ? 'ID' : undefined;
    }
}

/** The offset of each line's first character (lines end as chevrotain ends them: LF, CR LF or CR). */
function lineStarts(text: string): number[] {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) starts.push(i + 1);
    }
    return starts;
}

/** Chevrotain's line and column (both 1-based) of an offset. */
function position(lineStarts: readonly number[], offset: number): { line: number; column: number } {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (lineStarts[middle] <= offset) low = middle;
        else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low] + 1 };
}

function fresh(): Nesting {
    return { open: [], minus: 0, depth: 0, terms: 0 };
}

function copy(nesting: Nesting): Nesting {
    return { ...nesting, open: [...nesting.open] };
}

/** Counts one token of an expression (of the type it counts as, after one of type `previous`); the limit it passes, if any. */
function step(nesting: Nesting, type: string, previous: string | undefined): LimitKind | undefined {
    if (type === '(') {
        nesting.open.push(nesting.minus);
        nesting.minus = 0;
        nesting.depth += 1;
    } else if (type === ')') {
        const minus = nesting.open.pop();
        if (minus !== undefined) nesting.depth -= 1 + minus;
        nesting.minus = 0;
    } else if (type === '-' && previous !== '^' && !OPERAND_ENDS.has(previous ?? '')) {
        nesting.minus += 1;
        nesting.depth += 1;
    } else if (type === 'NUMBER' || type === '%' || (type === 'ID' && previous !== '.')) {
        nesting.depth -= nesting.minus;
        nesting.minus = 0;
        nesting.terms += 1;
    }
    if (nesting.depth > MAX_EXPRESSION_DEPTH) return 'depth';
    if (nesting.terms > MAX_EXPRESSION_TERMS) return 'terms';
    return undefined;
}

function limitError(limit: LimitKind, first: IToken, last: IToken, next: IToken | undefined): LimitError {
    const message = limit === 'depth' ? `expression nested more than ${MAX_EXPRESSION_DEPTH} levels deep` : `expression of more than ${MAX_EXPRESSION_TERMS} terms`;
    return {
        limit,
        message,
        offset: first.startOffset,
        line: first.startLine ?? 1,
        column: first.startColumn ?? 1,
        length: (last.endOffset ?? last.startOffset) + 1 - first.startOffset,
        end: { line: (last.endLine ?? 1) - 1, character: last.endColumn ?? 0 },
        next: next?.startOffset
    };
}

/** The keywords a declaration starts with (`let`, `source`, `organization` …), read from the grammar's entry rule. */
export function declarationKeywords(grammar: GrammarAST.Grammar): Set<string> {
    const keywords = new Set<string>();
    const visited = new Set<GrammarAST.AbstractRule>();
    const visit = (element: GrammarAST.AbstractElement | undefined): void => {
        if (!element) return;
        if (GrammarAST.isKeyword(element)) keywords.add(element.value);
        else if (GrammarAST.isAssignment(element)) visit(element.terminal);
        else if (GrammarAST.isAlternatives(element)) element.elements.forEach(visit);
        else if (GrammarAST.isGroup(element)) visit(element.elements[0]);
        else if (GrammarAST.isRuleCall(element)) {
            const rule = element.rule.ref;
            if (GrammarAST.isParserRule(rule) && !visited.has(rule)) {
                visited.add(rule);
                visit(rule.definition);
            }
        }
    };
    const entry = grammar.rules.find(rule => GrammarAST.isParserRule(rule) && rule.entry);
    if (GrammarAST.isParserRule(entry)) visit(entry.definition);
    return keywords;
}

let lexer: CnmsLexer | undefined;

/**
 * The language's lexer, with its limits, built once per process on first
 * use: the services' parser uses it (cnms-module.ts), and model discovery
 * reads a file's tokens with it before the file is parsed
 * (workspace/model-discovery.ts), so no second lexer is built.
 */
export function cnmsLexer(): CnmsLexer {
    lexer ??= new CnmsLexer({
        Grammar: CnmsGrammar(),
        LanguageMetaData: CnmsLanguageMetaData,
        parser: { TokenBuilder: new DefaultTokenBuilder(), LexerErrorMessageProvider: new DefaultLexerErrorMessageProvider() }
    } as unknown as LangiumCoreServices);
    return lexer;
}
