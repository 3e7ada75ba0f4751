import type { AstNode, LangiumDocument, MaybePromise } from 'langium';
import { GrammarUtils } from 'langium';
import { AbstractFormatter, Formatting } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver-protocol';
import {
    isBinaryExpression, isClaim, isCnmsFile, isGasDecl, isLibrary, isNameReference, isNegatedExpression, isPeriod, isPowerExpression,
    isUnitDecl, isUnitProduct
} from '../generated/ast.js';
import { propertyKeywords } from '../syntax/property-keywords.js';

/**
 * The one canonical layout: each declaration on its own line (at most one
 * blank line kept between them), blocks opened on the header line, one
 * property per line indented by one level, single spaces around `=`, `+`,
 * `-`, `*`, `/` and between a value and its unit, none around `^`; comments
 * stay where they are. A file with syntax errors is left as it is.
 */
export class CnmsFormatter extends AbstractFormatter {
    override formatDocument(document: LangiumDocument, params: DocumentFormattingParams): MaybePromise<TextEdit[]> {
        return hasSyntaxErrors(document) ? [] : super.formatDocument(document, params);
    }

    override formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): MaybePromise<TextEdit[]> {
        return hasSyntaxErrors(document) ? [] : super.formatDocumentRange(document, params);
    }

    protected format(node: AstNode): void {
        const formatter = this.getNodeFormatter(node);
        if (isCnmsFile(node)) {
            node.elements.forEach((element, index) => {
                if (element.$cstNode) formatter.node(element).prepend(index === 0 ? Formatting.noSpace() : Formatting.newLines(1, { allowMore: true }));
            });
            return;
        }
        if (isBinaryExpression(node)) {
            const tight = node.operator === '/' && isUnitLike(node.right);
            formatter.keyword(node.operator).surround(tight ? Formatting.noSpace() : Formatting.oneSpace());
            return;
        }
        if (isPowerExpression(node)) {
            formatter.keyword('^').surround(Formatting.noSpace());
            return;
        }
        if (isUnitProduct(node)) {
            formatter.property('unit').prepend(Formatting.oneSpace());
            return;
        }
        if (isNegatedExpression(node)) {
            formatter.keyword('-').append(Formatting.noSpace());
            return;
        }
        if (isPeriod(node)) {
            formatter.keywords('..').surround(Formatting.oneSpace());
            return;
        }
        if (node.$container && (isCnmsFile(node.$container) || isLibrary(node.$container))) {
            this.formatDeclaration(node);
        }
        formatter.keywords('(').append(Formatting.noSpace());
        formatter.keywords(')').prepend(Formatting.noSpace());
    }

    private formatDeclaration(node: AstNode): void {
        const formatter = this.getNodeFormatter(node);
        if ('name' in node) formatter.property('name' as never).prepend(Formatting.oneSpace());
        if ('title' in node) formatter.property('title' as never).prepend(Formatting.oneSpace());
        formatter.keywords('at').surround(Formatting.oneSpace());
        formatter.keywords('=').surround(Formatting.oneSpace());
        formatter.keywords(',').prepend(Formatting.noSpace()).append(Formatting.oneSpace());
        if (isClaim(node)) formatter.keywords('on').surround(Formatting.oneSpace());
        if (!GrammarUtils.findNodeForKeyword(node.$cstNode, '{')) return;
        formatter.keyword('{').prepend(Formatting.oneSpace());
        formatter.keyword('}').prepend(Formatting.newLine());
        if (isLibrary(node)) {
            for (const element of node.elements) formatter.node(element).prepend(Formatting.indent({ allowMore: true }));
            return;
        }
        formatter.cst([...propertyKeywords(node, true)]).prepend(Formatting.indent()).append(Formatting.oneSpace());
    }
}

/** A unit (`MWh`, `tCO2`) or a value with its unit (`10^4 Nm3`): written without spaces after `/`. */
function isUnitLike(node: AstNode): boolean {
    if (isUnitProduct(node)) return true;
    return isNameReference(node) && (isUnitDecl(node.target.ref) || isGasDecl(node.target.ref));
}

function hasSyntaxErrors(document: LangiumDocument): boolean {
    const result = document.parseResult;
    return result.lexerErrors.length > 0 || result.parserErrors.length > 0;
}

