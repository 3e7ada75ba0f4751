import type { AstNode, LangiumDocument } from 'langium';
import { GrammarUtils } from 'langium';
import type { InlayHintAcceptor } from 'langium/lsp';
import { AbstractInlayHintProvider } from 'langium/lsp';
import type { CancellationToken, InlayHint, InlayHintParams } from 'vscode-languageserver-protocol';
import { InlayHintKind } from 'vscode-languageserver-types';
import { isFactor, isGood, isLet, isNameReference, isNumberLiteral, isOffset, isProcess, isRemoval, isSource, type Expression } from '../generated/ast.js';
import type { CnmsLspServices } from './cnms-lsp-module.js';
import { formatFigure } from '../semantics/figure-format.js';
import { formatFactorValue, formatQuantityMeasured, formatWrittenNumber } from '../semantics/quantity-display.js';
import { writtenUnit } from '../semantics/written-unit.js';
import { displayPrecision } from './display-precision.js';
import { tonnes } from '../semantics/quantity.js';
import type { Rational } from '../semantics/rational.js';
import type { CnmsSettings } from './cnms-protocol.js';

/**
 * Figures inline, as the engineer types: a source's emissions after its
 * header, the value of `activity`, `factor` and `let` expressions, and what a
 * removal or offset counts for. Rounded for display only.
 */
export class CnmsInlayHintProvider extends AbstractInlayHintProvider {
    private settings: Required<NonNullable<CnmsSettings['inlayHints']>> = { enabled: true, emissions: true, values: true };
    private precision = 3;

    constructor(private readonly services: CnmsLspServices) {
        super();
    }

    override async getInlayHints(document: LangiumDocument, params: InlayHintParams, cancelToken?: CancellationToken): Promise<InlayHint[] | undefined> {
        // Settings come from the client; without one (tests, the CLI) the defaults apply.
        const configuration = this.services.shared.workspace.ConfigurationProvider;
        const connected = this.services.shared.lsp.Connection !== undefined;
        const hints = connected ? ((await configuration.getConfiguration('cnms', 'inlayHints')) as CnmsSettings['inlayHints'] | undefined) : undefined;
        this.settings = { enabled: hints?.enabled ?? true, emissions: hints?.emissions ?? true, values: hints?.values ?? true };
        this.precision = await displayPrecision(this.services);
        if (!this.settings.enabled) return [];
        return super.getInlayHints(document, params, cancelToken);
    }

    computeInlayHint(node: AstNode, accept: InlayHintAcceptor): void {
        const i18n = this.services.I18n;
        const semantics = this.services.semantics;
        if (this.settings.emissions && isSource(node)) {
            const figures = semantics.SourceFigures.of(node);
            const position = this.afterBrace(node);
            if (figures && position) {
                accept({ position, label: `= ${formatFigure(tonnes(figures.co2e), i18n.locale, this.precision)} tCO2e`, paddingLeft: true, paddingRight: true, kind: InlayHintKind.Type });
            } else if (position) {
                // never a silent gap: a source left out of every total says so where it stands
                const rule = semantics.SourceFigures.whyNotComputed(node);
                accept({ position, label: rule ? i18n.text('hint.notComputed', { rule }) : i18n.text('hint.notComputedUnknown'), paddingLeft: true, paddingRight: true });
            }
        }
        if (this.settings.values && isSource(node)) {
            this.valueHint(node.activity, accept);
            this.factorHint(node.factor, accept);
        }
        if (this.settings.values && isLet(node)) this.valueHint(node.value, accept);
        if (this.settings.emissions && (isProcess(node) || isGood(node))) this.productHint(node, accept);
        if (this.settings.emissions && isRemoval(node)) {
            const figures = semantics.Balance.removalFigures(node);
            const position = this.afterBrace(node);
            if (figures && position) {
                accept({ position, label: i18n.text('hint.counts', { amount: formatFigure(figures.amount, i18n.locale, this.precision) }), paddingLeft: true, paddingRight: true });
            }
        }
        if (this.settings.emissions && isOffset(node)) {
            const model = this.services.references.Models.modelOfNode(node);
            const figures = semantics.Balance.offsetFigures(node, semantics.OrganizationSettings.of(model));
            const position = this.afterBrace(node);
            if (figures && position) {
                const label = figures.counts
                    ? i18n.text('hint.counts', { amount: formatFigure(figures.quantity, i18n.locale, this.precision) })
                    : i18n.text(figures.reason === 'not-retired' ? 'hint.countsZeroNotRetired' : 'hint.countsZeroOtherPeriod');
                accept({ position, label, paddingLeft: true, paddingRight: true });
            }
        }
    }

    /**
     * A process's attributed emissions and activity level after its header; a
     * good's specific embedded emissions, direct and indirect, after its own;
     * `⚠ not computed: RULE` where they cannot be computed.
     */
    private productHint(node: AstNode, accept: InlayHintAcceptor): void {
        const i18n = this.services.I18n;
        const products = this.services.semantics.ProductFigures;
        const position = this.afterBrace(node);
        if (!position || (!isProcess(node) && !isGood(node))) return;
        const shown = (value: Rational) => formatFigure(value, i18n.locale, this.precision);
        let label: string | undefined;
        if (isProcess(node)) {
            const figures = products.ofProcess(node);
            if (figures) label = i18n.text('hint.process', { direct: shown(figures.attributedDirect), indirect: shown(figures.attributedIndirect), activity: shown(figures.activityLevel) });
        } else {
            const figures = products.ofGood(node);
            if (figures) label = i18n.text('hint.see', { see: shown(figures.seeDirect.plus(figures.seeIndirect)), direct: shown(figures.seeDirect), indirect: shown(figures.seeIndirect) });
        }
        if (!label) {
            const problems = this.services.semantics.FigureMemo.problemsOfFigures(() => (isProcess(node) ? products.ofProcess(node) : products.ofGood(node)));
            label = problems.length > 0 ? i18n.text('hint.notComputed', { rule: problems[0].rule }) : i18n.text('hint.notComputedUnknown');
        }
        accept({ position, label, paddingLeft: true, paddingRight: true, kind: InlayHintKind.Type });
    }

    /** `= 486,637.5 GJ` after an expression that is not a plain literal (`28.435 GJ/t` is not echoed back). */
    private valueHint(expression: Expression | undefined, accept: InlayHintAcceptor): void {
        if (!expression?.$cstNode || isNumberLiteral(expression) || writtenUnit(expression)) return;
        const quantity = this.services.semantics.Evaluator.evaluate(expression);
        if (!quantity) return;
        accept({ position: expression.$cstNode.range.end, label: `= ${formatQuantityMeasured(quantity, this.services.I18n.locale, this.precision)}`, paddingLeft: true, kind: InlayHintKind.Type });
    }

    /** The values of a referenced factor, gas by gas, as its author wrote them: `= 56,100 kgCO2/TJ · 1 kgCH4/TJ · 0.1 kgN2O/TJ`. */
    private factorHint(expression: Expression | undefined, accept: InlayHintAcceptor): void {
        if (!expression?.$cstNode || !isNameReference(expression) || !isFactor(expression.target.ref)) return;
        const values = this.services.semantics.Evaluator.factorValues(expression.target.ref);
        if (!values) return;
        const locale = this.services.I18n.locale;
        const label = values
            .map(value => {
                const written = writtenUnit(value.node);
                return written ? `${formatWrittenNumber(written.number, locale)} ${written.unit}` : formatFactorValue(value, locale, this.precision);
            })
            .join(' · ');
        accept({ position: expression.$cstNode.range.end, label: `= ${label}`, paddingLeft: true, kind: InlayHintKind.Type });
    }

    /** Just after the `{` of a declaration: the figure heads the block instead of splitting its header line. */
    private afterBrace(node: AstNode): { line: number; character: number } | undefined {
        return GrammarUtils.findNodeForKeyword(node.$cstNode, '{')?.range.end;
    }
}
