import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import type { SemanticTokenAcceptor } from 'langium/lsp';
import { AbstractSemanticTokenProvider } from 'langium/lsp';
import { SemanticTokenTypes } from 'vscode-languageserver-types';
import { isGasDecl, isNumberLiteral, isUnitDecl } from '../generated/ast.js';

/**
 * Colours what the syntax alone cannot tell apart: units (type), gases
 * (enumMember), references to named values, factors, outputs, sources and
 * every other declaration (variable), numbers, and the names of
 * declarations; so a name that is also a keyword (a site `status`, `at
 * status`) is coloured as the name it is.
 */
export class CnmsSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, accept: SemanticTokenAcceptor): void | 'prune' {
        if (isNumberLiteral(node)) {
            accept({ node, property: 'value', type: SemanticTokenTypes.number });
            return;
        }
        if ('name' in node && typeof node.name === 'string' && node.$cstNode) {
            accept({ node, property: 'name', type: isUnitDecl(node) ? SemanticTokenTypes.type : isGasDecl(node) ? SemanticTokenTypes.enumMember : SemanticTokenTypes.class, modifier: 'declaration' });
        }
        for (const { reference, property, index } of AstUtils.streamReferences(node)) {
            if (reference.$refNode) accept({ node, property, index, type: tokenTypeOf('ref' in reference ? reference.ref : undefined) });
        }
    }
}

function tokenTypeOf(target: AstNode | undefined): string {
    if (isUnitDecl(target)) return SemanticTokenTypes.type;
    if (isGasDecl(target)) return SemanticTokenTypes.enumMember;
    return SemanticTokenTypes.variable;
}
