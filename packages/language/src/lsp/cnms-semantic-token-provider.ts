import type { AstNode } from 'langium';
import type { SemanticTokenAcceptor } from 'langium/lsp';
import { AbstractSemanticTokenProvider } from 'langium/lsp';
import { SemanticTokenTypes } from 'vscode-languageserver-types';
import { isGasDecl, isNameReference, isNumberLiteral, isUnitDecl, isUnitProduct, type Named } from '../generated/ast.js';

/**
 * Colours what the syntax alone cannot tell apart: units (type), gases
 * (enumMember), references to named values, factors, outputs and sources
 * (variable), numbers, and the names of declarations.
 */
export class CnmsSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, accept: SemanticTokenAcceptor): void | 'prune' {
        if (isNumberLiteral(node)) {
            accept({ node, property: 'value', type: SemanticTokenTypes.number });
        } else if (isUnitProduct(node)) {
            accept({ node, property: 'unit', type: tokenTypeOf(node.unit.ref) });
        } else if (isNameReference(node)) {
            accept({ node, property: 'target', type: tokenTypeOf(node.target.ref) });
        } else if ('name' in node && typeof node.name === 'string' && node.$cstNode) {
            accept({ node, property: 'name', type: isUnitDecl(node) ? SemanticTokenTypes.type : isGasDecl(node) ? SemanticTokenTypes.enumMember : SemanticTokenTypes.class, modifier: 'declaration' });
        }
    }
}

function tokenTypeOf(target: Named | undefined): string {
    if (isUnitDecl(target)) return SemanticTokenTypes.type;
    if (isGasDecl(target)) return SemanticTokenTypes.enumMember;
    return SemanticTokenTypes.variable;
}
