import type { LexerResult } from 'langium';

type TokenType = LexerResult['tokens'][number]['tokenType'];
type Pattern = NonNullable<TokenType['PATTERN']>;

/**
 * Runs of characters that no token can hold, found before chevrotain reads a
 * text. Chevrotain recovers from an unexpected character by trying every
 * token pattern (some 400 keywords and terminals) at each following character
 * until one matches: a pasted megabyte of `@#@#…` took 15 s to lex, twice
 * (model discovery reads a file's tokens before it is parsed), and the
 * language server was deaf meanwhile. A run found here is given to chevrotain
 * as spaces and reported as the one error chevrotain would have reported
 * (syntax/cnms-lexer.ts): the tokens and errors are the same, found at once.
 *
 * A character is inert when it is not white space, is in no keyword, and no
 * other terminal but a string or a comment can hold it (tried alone and after
 * a letter and a digit, as a name or a number would run on into it). Inside
 * a string or a comment any character is allowed, so the scan steps over
 * them as the lexer reads them.
 */

/** A run of inert characters: [start, end) in UTF-16 code units. */
export interface InertRun {
    readonly start: number;
    readonly end: number;
}

/** Shorter runs are left to chevrotain: its recovery over a few characters costs nothing. */
export const MIN_INERT_RUN = 64;

/** The terminals that may hold any character (grammar/cnms.langium), read whole by the scan. */
const OPAQUE_TERMINALS = ['STRING', 'ML_COMMENT', 'SL_COMMENT'];

const UNKNOWN = 0;
const INERT = 1;
const ACTIVE = 2;

export class InertRunFinder {
    private readonly keywordChars = new Set<number>();
    private readonly terminals: Array<(text: string) => boolean> = [];
    private readonly opaque: Array<(text: string, offset: number) => number> = [];
    /** Whether each UTF-16 code unit is inert, worked out on first sight. */
    private readonly kinds = new Uint8Array(0x10000);

    constructor(tokenTypes: readonly TokenType[]) {
        for (const type of tokenTypes) {
            const pattern = type.PATTERN;
            if (typeof pattern === 'string') {
                for (let i = 0; i < pattern.length; i++) this.keywordChars.add(pattern.charCodeAt(i));
            } else if (pattern instanceof RegExp || typeof pattern === 'function') {
                const at = matcher(pattern);
                if (OPAQUE_TERMINALS.includes(type.name)) this.opaque.push(at);
                else this.terminals.push(text => at(text, 0) === text.length);
            } else {
                // a pattern of another kind: nothing is known of what it holds, so nothing is inert
                this.kinds.fill(ACTIVE);
            }
        }
    }

    /** The runs of `minimum` or more inert characters outside strings and comments, in order. */
    find(text: string, minimum = MIN_INERT_RUN): InertRun[] {
        const runs: InertRun[] = [];
        let start = -1;
        let i = 0;
        while (i < text.length) {
            const code = text.charCodeAt(i);
            if (this.isInert(code)) {
                if (start < 0) start = i;
                i++;
                continue;
            }
            if (start >= 0 && i - start >= minimum) runs.push({ start, end: i });
            start = -1;
            i += this.opaqueLength(text, i, code);
        }
        if (start >= 0 && i - start >= minimum) runs.push({ start, end: i });
        return runs;
    }

    /** How far the scan moves from a character that is not inert: past a whole string or comment starting there, else by one. */
    private opaqueLength(text: string, offset: number, code: number): number {
        // (a string starts with `"`, a comment with `/`: only there can one start)
        if (code !== 0x22 && code !== 0x2f) return 1;
        for (const at of this.opaque) {
            const length = at(text, offset);
            if (length > 0) return length;
        }
        return 1;
    }

    private isInert(code: number): boolean {
        let kind = this.kinds[code];
        if (kind === UNKNOWN) {
            kind = this.classify(code);
            this.kinds[code] = kind;
        }
        return kind === INERT;
    }

    private classify(code: number): number {
        const char = String.fromCharCode(code);
        // `"` and `/` start a string or a comment; a backslash escapes in a string, so a space in its place could close
        // a string that did not close (the scan steps over a string that matches; one that does not is read on)
        if (/\s/.test(char) || code === 0x22 || code === 0x2f || code === 0x5c || this.keywordChars.has(code)) return ACTIVE;
        return this.terminals.some(holds => holds(char) || holds(`a${char}`) || holds(`1${char}`)) ? ACTIVE : INERT;
    }
}

/** The length of the token a pattern matches at an offset, or -1. */
function matcher(pattern: Extract<Pattern, RegExp | ((...args: never[]) => unknown)>): (text: string, offset: number) => number {
    if (pattern instanceof RegExp) {
        const sticky = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '') + 'y');
        return (text, offset) => {
            sticky.lastIndex = offset;
            return sticky.exec(text)?.[0].length ?? -1;
        };
    }
    return (text, offset) => {
        const match = pattern(text, offset, [], {}) as RegExpExecArray | null;
        return match ? match[0].length : -1;
    };
}
