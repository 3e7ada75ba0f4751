import type { AstNode, LangiumDocument, MaybePromise } from 'langium';
import type { Hover, HoverParams } from 'vscode-languageserver-protocol';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Dataset, Factor, GasDecl, Source, UnitDecl } from '../generated/ast.js';
import { isDataset, isFactor, isGasDecl, isLet, isNameReference, isOutput, isSource, isUnitDecl } from '../generated/ast.js';
import type { CnmsLspServices } from './cnms-lsp-module.js';
import { Dimension } from '../semantics/dimension.js';
import { formatDimension } from '../semantics/dimension-names.js';
import { formatFigure } from '../semantics/figure-format.js';
import { formatFactorValue, formatQuantity } from '../semantics/quantity-display.js';
import { tonnes } from '../semantics/quantity.js';
import { Rational } from '../semantics/rational.js';

const HUNDRED = Rational.fromInteger(100);

/**
 * What the engineer needs at the cursor: for a source, the whole calculation
 * chain with every intermediate value, gas by gas, with the GWP and the
 * factor's provenance; for a unit or gas, its definition; for a factor, its
 * values and where it is used.
 */
export class CnmsHoverProvider extends AstNodeHoverProvider {
    constructor(private readonly cnms: CnmsLspServices) {
        super(cnms);
    }

    /** The model of the document hovered in, for figures that depend on it (a gas's GWP). */
    private model = '';

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        this.model = this.cnms.references.Models.modelOf(document.uri);
        return super.getHoverContent(document, params);
    }

    protected getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        if (isSource(node)) return this.sourceHover(node);
        if (isFactor(node)) return this.factorHover(node);
        if (isUnitDecl(node)) return this.unitHover(node);
        if (isGasDecl(node)) return this.gasHover(node);
        if (isDataset(node)) return this.datasetHover(node);
        if (isLet(node) || isOutput(node)) {
            const value = this.cnms.semantics.Evaluator.evaluate(node.value);
            return `**${node.name}**${node.title ? ` — ${node.title}` : ''}\n\n${value ? `= ${formatQuantity(value, this.locale)}` : ''}`;
        }
        return undefined;
    }

    /** A dataset: its file and rows, its columns and what they hold, the rows that cannot be used. */
    private datasetHover(dataset: Dataset): string {
        const i18n = this.cnms.I18n;
        const figure = this.cnms.semantics.Datasets.of(dataset);
        const lines = [`**${dataset.name}**`, ''];
        lines.push(figure.table
            ? i18n.text('hover.datasetRows', { file: `\`${figure.file}\``, rows: formatFigure(Rational.fromInteger(figure.table.rows), this.locale, 0) })
            : i18n.text('hover.datasetUnreadable', { file: `\`${figure.file}\`` }));
        for (const column of dataset.columns) {
            const kind = column.kind === 'text' ? i18n.text('hover.columnText')
                : column.kind === 'date' ? i18n.text('hover.columnDate')
                : column.unitFrom !== undefined ? i18n.text('hover.columnUnitFrom', { column: column.unitFrom })
                : `\`${column.unit?.$cstNode?.text ?? ''}\``;
            lines.push(`- \`${column.name}\`: ${kind}`);
        }
        if (figure.broken.size > 0) lines.push('', i18n.text('hover.datasetBroken', { count: String(figure.broken.size) }));
        return lines.join('\n');
    }

    private get locale() {
        return this.cnms.I18n.locale;
    }

    private sourceHover(source: Source): string {
        const i18n = this.cnms.I18n;
        const semantics = this.cnms.semantics;
        const lines = [`**${source.name}**${source.title ? ` — ${source.title}` : ''}`, ''];
        const figures = semantics.SourceFigures.of(source);
        if (!figures) return [...lines, i18n.text('hover.notComputed')].join('\n');
        const settings = semantics.OrganizationSettings.of(this.cnms.references.Models.modelOfNode(source));
        const evaluator = semantics.Evaluator;
        if (source.emissions) {
            const given = evaluator.evaluate(source.emissions);
            lines.push(`${i18n.text('hover.emissionsGiven')}: \`${source.emissions.$cstNode?.text ?? ''}\`${given ? ` = ${formatQuantity(given, this.locale)}` : ''}`);
        } else {
            const activity = evaluator.evaluate(source.activity);
            lines.push(`${i18n.text('hover.activity')}: \`${source.activity?.$cstNode?.text ?? ''}\`${activity ? ` = ${formatQuantity(activity, this.locale)}` : ''}`);
            const values = evaluator.factorExpressionValues(source.factor, source, 'factor');
            lines.push(`${i18n.text('hover.factor')}: \`${source.factor?.$cstNode?.text ?? ''}\`${values ? ` = ${values.map(v => formatFactorValue(v, this.locale)).join(' · ')}` : ''}`);
            const factor = isNameReference(source.factor) && isFactor(source.factor.target.ref) ? source.factor.target.ref : undefined;
            if (factor) lines.push(...this.provenance(factor).map(line => `  ${line}`));
        }
        lines.push('', `| ${i18n.text('hover.gas')} | ${i18n.text('hover.mass')} | ${i18n.text('hover.gwp', { set: settings.gwpSet?.name ?? '—' })} | ${i18n.text('hover.co2e')} |`, '|---|---:|---:|---:|');
        const masses = figures.scope === 2 && settings.scope2 === 'market-based' ? figures.market : figures.location;
        for (const [gas, grams] of masses) {
            const gwp = settings.gwpValues.get(gas);
            const co2e = gwp ? tonnes(grams).times(gwp) : undefined;
            lines.push(`| ${gas} | ${formatFigure(tonnes(grams), this.locale)} t | ${gwp ? gwp.toString() : '—'} | ${co2e ? formatFigure(co2e, this.locale) : '—'} t |`);
        }
        lines.push('');
        if (settings.consolidation === 'equity-share') {
            lines.push(i18n.text('hover.share', { site: source.site?.$refText ?? '—', share: `${formatFigure(figures.share.times(HUNDRED), this.locale, 1)} %` }));
        }
        if (figures.scope === 2) {
            lines.push(`${i18n.text('hover.location')}: ${formatFigure(tonnes(figures.co2eLocation), this.locale)} tCO2e · ${i18n.text('hover.market')}: ${formatFigure(tonnes(figures.co2eMarket), this.locale)} tCO2e`);
        }
        if (source.biogenic === 'yes') {
            lines.push(`${i18n.text('hover.biogenic')}: ${formatFigure(tonnes(figures.biogenicCO2), this.locale)} tCO2`);
        }
        lines.push(`**${i18n.text('hover.total')}: ${formatFigure(tonnes(figures.co2e), this.locale)} tCO2e**`);
        return lines.join('\n');
    }

    private factorHover(factor: Factor): string {
        const i18n = this.cnms.I18n;
        const values = this.cnms.semantics.Evaluator.factorValues(factor);
        const lines = [`**${factor.name}**${factor.title ? ` — ${factor.title}` : ''}`, ''];
        if (values) lines.push(...values.map(v => `- ${formatFactorValue(v, this.locale)}`), '');
        lines.push(...this.provenance(factor));
        const model = this.cnms.references.Models.modelOfNode(factor);
        const users = this.cnms.references.Models.elementsOf(model).filter(isSource)
            .filter(source => isNameReference(source.factor) && source.factor.target.ref === factor)
            .map(source => `\`${source.name}\``);
        lines.push('', users.length > 0 ? i18n.text('hover.usedBy', { names: users.join(', ') }) : i18n.text('hover.notUsed'));
        return lines.join('\n');
    }

    private provenance(factor: Factor): string[] {
        const i18n = this.cnms.I18n;
        const lines: string[] = [];
        if (factor.source) lines.push(i18n.text('hover.provenance', { source: factor.source }));
        if (factor.year) lines.push(i18n.text('hover.year', { year: factor.year }));
        const uncertainty = this.cnms.semantics.Evaluator.evaluate(factor.uncertainty);
        if (uncertainty) lines.push(i18n.text('hover.uncertainty', { uncertainty: `${formatFigure(uncertainty.value.times(HUNDRED), this.locale, 1)} %` }));
        return lines;
    }

    private unitHover(unit: UnitDecl): string {
        const i18n = this.cnms.I18n;
        const value = this.cnms.semantics.Evaluator.unitValue(unit);
        const lines = [`**${unit.name}**${unit.title ? ` — ${unit.title}` : ''}`, ''];
        if (value) {
            lines.push(i18n.text('hover.unitOf', { dimension: formatDimension(value.dimension, this.locale) }));
            if (unit.value) lines.push('', `\`${unit.name} = ${unit.value.$cstNode?.text ?? ''}\``, '', i18n.text('hover.equals', { value: formatQuantity(value, this.locale) }));
        }
        return lines.join('\n');
    }

    private gasHover(gas: GasDecl): string {
        const i18n = this.cnms.I18n;
        const lines = [`**${gas.name}**${gas.title ? ` — ${gas.title}` : ''}`, ''];
        lines.push(i18n.text('hover.unitOf', { dimension: formatDimension(Dimension.massOf(gas.name), this.locale) }));
        const settings = this.cnms.semantics.OrganizationSettings.of(this.model);
        const set = settings.gwpSet?.name ?? '—';
        const gwp = settings.gwpValues.get(gas.name);
        lines.push('', gwp ? i18n.text('hover.gwpIn', { set, value: gwp.toString() }) : i18n.text('hover.gwpMissing', { set }));
        return lines.join('\n');
    }
}

