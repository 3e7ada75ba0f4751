import type { LangiumCoreServices, LangiumParser } from 'langium';
import { createLangiumParser } from 'langium';
import { withOneTokenErrorPaths } from './error-paths.js';

/**
 * Langium's parser, with error messages worked out one token ahead
 * (syntax/error-paths.ts), which lets go of a text's tokens once it is parsed.
 * Chevrotain keeps the token vector of the last parse until the next one: a
 * pasted file of 60,000 lets is 600,000 tokens (about 60 MB) held by the
 * parser for as long as no other file is parsed. The syntax tree does not
 * need them (its leaves copy their places).
 */
export function cnmsParser(services: LangiumCoreServices): LangiumParser {
    const parser = withOneTokenErrorPaths(createLangiumParser(services));
    const parse = parser.parse.bind(parser);
    // the parser's Chevrotain recognizer, a protected member of LangiumParser
    const recognizer = (parser as unknown as { readonly wrapper: { input: unknown[] } }).wrapper;
    parser.parse = (input, options) => {
        try {
            return parse(input, options);
        } finally {
            recognizer.input = [];
        }
    };
    return parser;
}
