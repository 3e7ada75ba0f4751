// Long runs of characters no token can hold are skipped before chevrotain
// reads a text (syntax/inert-runs.ts): a pasted megabyte of `@#@#…` took 15 s
// to lex, twice, and the language server was deaf meanwhile (cli.test.ts has
// the megabyte; it took 20 s of the test suite). The lexer must give exactly
// what chevrotain alone gives: the same tokens, hidden tokens and errors, with
// the same places and messages. Compared here on random texts mixing keywords,
// names, numbers, strings and comments (closed and not), line ends and runs of
// stray characters of every length.
import fc from 'fast-check';
import { DefaultLexer, EmptyFileSystem, type LexerResult } from 'langium';
import { describe, expect, test } from 'vitest';
import { createCnmsServices } from '@cnms/language';

const { Cnms } = createCnmsServices(EmptyFileSystem);
const lexer = Cnms.parser.Lexer;
/** Chevrotain alone, on the same grammar: what the lexer must agree with. */
const plain = new DefaultLexer(Cnms);

/** A token, hidden token or error as a comparable record. */
function shape(result: LexerResult) {
    const token = (t: LexerResult['tokens'][number]) => [t.tokenType.name, t.image, t.startOffset, t.endOffset, t.startLine, t.startColumn, t.endLine, t.endColumn];
    return {
        tokens: result.tokens.map(token),
        hidden: result.hidden.map(token),
        errors: result.errors.map(e => [e.offset, e.length, e.line, e.column, e.message])
    };
}

const STRAY = ['@', '#', '$', '`', '~', '?', '!', '\\', '|', ';', '&', '€', '→', '\uD83D', '\uDE00', '\u200B', '\u0000', '。', '，'];
const piece = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('source', 'let', 'organization', 'site', '=', '{', '}', '+', '*', '/', '-', '.', '%', 'MWh', 'tCO2e', 'gwp-set', 'at', 'x1', '炼钢', 'ab٣') },
    { weight: 2, arbitrary: fc.constantFrom('12', '3.5', '1_000', '2e3', '2024-01-31', ' ', '  ', '\n', '\r\n', '\r', '\t') },
    { weight: 2, arbitrary: fc.constantFrom('"a@#b"', '"@@@', '"\\"@"', '// @#@# c\n', '/* @#\n@# */', '/* @#', '"') },
    { weight: 3, arbitrary: fc.array(fc.constantFrom(...STRAY), { minLength: 1, maxLength: 110, size: 'max' }).map(chars => chars.join('')) }
);
const text = fc.array(piece, { maxLength: 24, size: 'max' }).map(pieces => pieces.join(''));

describe('the lexer skips runs of stray characters as chevrotain would', () => {
    test('random texts: the same tokens, hidden tokens and errors as chevrotain alone', () => {
        fc.assert(
            fc.property(text, source => {
                expect(shape(lexer.tokenize(source))).toEqual(shape(plain.tokenize(source)));
            }),
            { numRuns: 200, seed: 20261130 }
        );
    });

    test('a line of 100,000 stray characters between declarations: one error, and the tokens on both sides', () => {
        const source = `let a = 1 t\n${'@#'.repeat(50_000)}\nlet b = 2 t\n`;
        const result = lexer.tokenize(source);
        expect(result.errors.map(e => [e.offset, e.length, e.line, e.column])).toEqual([[12, 100_000, 2, 1]]);
        expect(result.tokens.map(t => t.image)).toEqual(['let', 'a', '=', '1', 't', 'let', 'b', '=', '2', 't']);
        expect(result.tokens[5].startLine).toBe(3);
        expect(shape(result)).toEqual(shape(plain.tokenize(source)));
    });
});
