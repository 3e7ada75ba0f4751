import { AstUtils, type AstNode } from 'langium';

/**
 * Whether the text of a node (a declaration) holds a syntax error: a parse
 * error, or text left out for a limit (syntax/cnms-lexer.ts). A property of
 * such a declaration that is half-typed or past a limit is not missing: the
 * syntax error says what is wrong, and nothing else about the line is said.
 */
export function hasSyntaxError(node: AstNode): boolean {
    const range = node.$cstNode;
    if (!range) return false;
    const within = (offset: number | undefined) => offset !== undefined && offset >= range.offset && offset < range.end;
    const result = AstUtils.getDocument(node).parseResult;
    return result.parserErrors.some(error => within(error.token.startOffset)) || result.lexerErrors.some(error => within(error.offset));
}
