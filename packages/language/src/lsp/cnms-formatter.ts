import type { AstNode, CstNode, LangiumDocument, MaybePromise } from 'langium';
import { GrammarUtils } from 'langium';
import { AbstractFormatter, Formatting, type FormattingAction, type FormattingContext } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver-protocol';
import {
    isAggregate,
    isBinaryExpression,
    isClaim,
    isCnmsFile,
    isDataset,
    isDatasetColumn,
    isDatasetCondition,
    isMonthlyValues,
    isMonthValue,
    isGood,
    isLibrary,
    isPrecursorUse,
    isProcess,
    isNameReference,
    isNegatedExpression,
    isPeriod,
    isPowerExpression,
    isUnitProduct
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
        if (isAggregate(node)) {
            // `sum(meters.energy where meter = "E-01", month in 2024-03)`
            formatter.keywords('where').surround(Formatting.oneSpace());
            formatter.keywords(',').prepend(Formatting.noSpace()).append(Formatting.oneSpace());
        }
        if (isMonthlyValues(node)) {
            // one month a line, one level deeper than the line of `monthly {` (inside a declaration's block, or not)
            const level = isInsideBlock(node.$cstNode!) ? 1 : 0;
            formatter.keyword('{').prepend(Formatting.oneSpace());
            for (const month of node.months) formatter.node(month).prepend({ options: {}, moves: [{ tabs: level + 1, lines: 1 }] });
            formatter.keyword('}').prepend({ options: {}, moves: [{ tabs: level, lines: 1 }] });
            return;
        }
        if (isMonthValue(node)) {
            formatter.keyword('-').surround(Formatting.noSpace());
            formatter.property('value').prepend(Formatting.oneSpace());
            return;
        }
        if (isDatasetCondition(node)) {
            formatter.keywords('=', 'in').surround(Formatting.oneSpace());
            formatter.keywords('-').surround(Formatting.noSpace());
            return;
        }
        if (isDatasetColumn(node)) {
            // `column energy MWh`, `column energy unit-from energy_unit`
            formatter.property('name').prepend(Formatting.oneSpace());
            formatter.property('kind').prepend(Formatting.oneSpace());
            formatter.keywords('unit-from').prepend(Formatting.oneSpace());
            formatter.property('unitFrom').prepend(Formatting.oneSpace());
            formatter.property('unit').prepend(Formatting.oneSpace());
            return;
        }
        if (isPeriod(node)) {
            formatter.keywords('..').surround(Formatting.oneSpace());
            return;
        }
        if (isPrecursorUse(node)) {
            // `consumes 1_050 t of wire_rod`
            formatter.keyword('of').surround(Formatting.oneSpace());
            return;
        }
        // a good a process makes is a declaration of its own, one level deeper
        if (node.$container && (isCnmsFile(node.$container) || isLibrary(node.$container) || (isProcess(node.$container) && isGood(node)))) {
            this.formatDeclaration(node);
        }
        formatter.keywords('(').append(Formatting.noSpace());
        formatter.keywords(')').prepend(Formatting.noSpace());
    }

    /**
     * A comment on its own line inside a declaration's block is indented like
     * the properties around it (Langium indents hidden nodes by the enclosing
     * composite, and properties are not composites of their own). A trailing
     * comment keeps its distance from the code, so aligned comments stay aligned.
     */
    protected override createHiddenTextEdits(previous: CstNode | undefined, hidden: CstNode, formatting: FormattingAction | undefined, context: FormattingContext): TextEdit[] {
        if (!formatting && isInsideBlock(hidden)) {
            return super.createHiddenTextEdits(previous, hidden, { options: {}, moves: [{ tabs: 1 }] }, context);
        }
        return super.createHiddenTextEdits(previous, hidden, formatting, context);
    }

    private formatDeclaration(node: AstNode): void {
        const formatter = this.getNodeFormatter(node);
        if ('name' in node) formatter.property('name').prepend(Formatting.oneSpace());
        if ('title' in node) formatter.property('title').prepend(Formatting.oneSpace());
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
        if (isProcess(node)) {
            formatter.keywords('in').surround(Formatting.oneSpace());
            formatter.keywords('factor').surround(Formatting.oneSpace());
            for (const good of node.goods) formatter.node(good).prepend(Formatting.indent({ allowMore: true }));
        }
        if (isDataset(node)) {
            formatter.property('path').prepend(Formatting.oneSpace());
            for (const column of node.columns) formatter.node(column).prepend(Formatting.indent());
            return;
        }
        formatter
            .cst([...propertyKeywords(node, true)])
            .prepend(Formatting.indent())
            .append(Formatting.oneSpace());
    }
}

/**
 * A name (`MWh`, `ncv`) or a value with its unit (`10^4 Nm3`): written without
 * spaces after `/`, as in `tCO2/MWh`. Decided from the syntax alone, so that
 * formatting never needs the model linked.
 */
function isUnitLike(node: AstNode): boolean {
    return isUnitProduct(node) || isNameReference(node);
}

/** Whether a comment lies between the `{` and `}` of the declaration that holds it. */
function isInsideBlock(hidden: CstNode): boolean {
    let node: AstNode | undefined = hidden.astNode;
    while (node && node.$container && !isCnmsFile(node.$container) && !isLibrary(node.$container)) node = node.$container;
    if (!node?.$cstNode || isCnmsFile(node)) return false;
    const open = GrammarUtils.findNodeForKeyword(node.$cstNode, '{');
    const close = GrammarUtils.findNodeForKeyword(node.$cstNode, '}');
    return !!open && !!close && hidden.offset > open.offset && hidden.offset < close.offset;
}

function hasSyntaxErrors(document: LangiumDocument): boolean {
    const result = document.parseResult;
    return result.lexerErrors.length > 0 || result.parserErrors.length > 0;
}
