import type { AstNode, LangiumDocument, MaybePromise } from 'langium';
import type { Hover, HoverParams } from 'vscode-languageserver-protocol';
import { AstNodeHoverProvider } from 'langium/lsp';
import { AstUtils } from 'langium';
import type { Dataset, Expression, Factor, GasDecl, Good, Let, Process, Source, UnitDecl } from '../generated/ast.js';
import { isBinaryExpression, isDataset, isFactor, isGasDecl, isGood, isLet, isProcess, isLibrary, isNameReference, isNumberLiteral, isOutput, isPowerExpression, isSource, isUnitDecl, isUnitProduct } from '../generated/ast.js';
import type { CnmsLspServices } from './cnms-lsp-module.js';
import { languageReferenceUrl } from './language-reference.js';
import type { TextId } from '../i18n/messages.js';
import { Dimension } from '../semantics/dimension.js';
import { formatDimension } from '../semantics/dimension-names.js';
import { formatFigure, formatPercent } from '../semantics/figure-format.js';
import { formatFactorValue, formatMeasured, formatQuantity, formatQuantityMeasured, formatWrittenNumber } from '../semantics/quantity-display.js';
import { DEFAULT_PRECISION, displayPrecision } from './display-precision.js';
import { tonnes, type Quantity } from '../semantics/quantity.js';
import { formatInDataUnit } from '../semantics/gap-fill.js';
import { writtenUnit } from '../semantics/written-unit.js';
import { usageIn } from '../semantics/usage.js';
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

    /** The decimals of `cnms.display.precision`. */
    private precision = DEFAULT_PRECISION;

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        this.model = this.cnms.references.Models.modelOf(document.uri);
        this.precision = await displayPrecision(this.cnms);
        return super.getHoverContent(document, params);
    }

    protected getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        const content = this.declarationHover(node);
        return content === undefined ? undefined : `${content}\n\n---\n\n${this.referenceLink(node.$type)}`;
    }

    /** The link to the section of docs/language.md on this kind of declaration. */
    private referenceLink(type: string): string {
        const kind = this.cnms.I18n.text(`kind.${type}` as TextId);
        return `[${this.cnms.I18n.text('hover.reference', { kind })}](${languageReferenceUrl(type)})`;
    }

    private declarationHover(node: AstNode): string | undefined {
        if (isSource(node)) return sections(this.sourceHover(node));
        if (isFactor(node)) return sections(this.factorHover(node));
        if (isUnitDecl(node)) return this.unitHover(node);
        if (isGasDecl(node)) return this.gasHover(node);
        if (isDataset(node)) return this.datasetHover(node);
        if (isProcess(node)) return sections(this.processHover(node));
        if (isGood(node)) return sections(this.goodHover(node));
        if (isLet(node) || isOutput(node)) {
            // a plain literal is not echoed back: its value is what is written
            const chain = this.chain(node.value);
            return sections([[heading(node)], chain ? [chain] : [], isLet(node) ? this.provenance(node) : []]);
        }
        return undefined;
    }

    /** A dataset: its file and rows, its columns and what they hold, the rows that cannot be used. */
    private datasetHover(dataset: Dataset): string {
        const i18n = this.cnms.I18n;
        const figure = this.cnms.semantics.Datasets.of(dataset);
        const lines = [`**${dataset.name}**`, ''];
        lines.push(
            figure.table ? i18n.text('hover.datasetRows', { file: `\`${figure.file}\``, rows: formatFigure(Rational.fromInteger(figure.table.rows), this.locale, 0) }) : i18n.text('hover.datasetUnreadable', { file: `\`${figure.file}\`` })
        );
        for (const column of dataset.columns) {
            const kind =
                column.kind === 'text'
                    ? i18n.text('hover.columnText')
                    : column.kind === 'date'
                      ? i18n.text('hover.columnDate')
                      : column.unitFrom !== undefined
                        ? i18n.text('hover.columnUnitFrom', { column: column.unitFrom })
                        : `\`${column.unit?.$cstNode?.text ?? ''}\``;
            lines.push(`- \`${column.name}\`: ${kind}`);
        }
        if (figure.broken.size > 0) lines.push('', i18n.text('hover.datasetBroken', { count: String(figure.broken.size) }));
        return lines.join('\n');
    }

    /** A process: its attributed emissions term by term, its precursors, its activity level and its specific embedded emissions. */
    private processHover(process: Process): string[][] {
        const i18n = this.cnms.I18n;
        const figures = this.cnms.semantics.ProductFigures.ofProcess(process);
        if (!figures) return [[heading(process)], [i18n.text('hover.processNotComputed')]];
        const shown = (value: Rational) => formatMeasured(value, this.locale, this.precision);
        const attributed = [
            i18n.text('hover.attributedDirect', {
                direct: shown(figures.directEmissions),
                heatIn: shown(figures.heatImported),
                heatOut: shown(figures.heatExported),
                gasIn: shown(figures.wasteGasImported),
                gasOut: shown(figures.wasteGasExported),
                total: shown(figures.attributedDirect)
            }),
            i18n.text('hover.attributedIndirect', { total: shown(figures.attributedIndirect) })
        ];
        const precursors = figures.precursors.map(precursor => i18n.text('hover.precursor', { name: precursor.good.name, mass: shown(precursor.mass), direct: shown(precursor.seeDirect), indirect: shown(precursor.seeIndirect) }));
        const see = { see: shown(figures.seeDirect.plus(figures.seeIndirect)), direct: shown(figures.seeDirect), indirect: shown(figures.seeIndirect) };
        // goods whose functional unit is the clinker or the nitrogen they contain: the activity level and the SEE in that unit (2025/2547 Art. 4)
        const unit = figures.functionalUnit === 't' ? undefined : i18n.text(figures.functionalUnit === 't clinker' ? 'unit.tClinker' : 'unit.kgN');
        const result = unit
            ? [i18n.text('hover.activityLevelFunctional', { activity: shown(figures.activityLevel), functional: shown(figures.functionalActivityLevel), unit }), `**${i18n.text('hover.seePerUnit', { ...see, unit })}**`]
            : [i18n.text('hover.activityLevel', { activity: shown(figures.activityLevel) }), `**${i18n.text('hover.see', see)}**`];
        return [[heading(process)], attributed, precursors, result];
    }

    /** A good: its specific embedded emissions, and where they come from. */
    private goodHover(good: Good): string[][] {
        const i18n = this.cnms.I18n;
        const figures = this.cnms.semantics.ProductFigures.ofGood(good);
        if (!figures) return [[heading(good)], [i18n.text('hover.goodNotComputed')]];
        const shown = (value: Rational) => formatMeasured(value, this.locale, this.precision);
        const origin = figures.process && figures.quantity ? i18n.text('hover.madeBy', { process: figures.process.name, quantity: shown(figures.quantity) }) : i18n.text('hover.bought');
        const lots = figures.lots ?? [];
        const functional = figures.functional;
        // Equations 64–66: its process's SEE per t of clinker or per kg of nitrogen × what a tonne of it contains
        const content = functional
            ? i18n.text(functional.unit === 't clinker' ? 'hover.clinkerContent' : 'hover.nitrogenContent', {
                  content: shown(functional.content),
                  perUnit: shown(functional.seeDirect.plus(functional.seeIndirect)),
                  see: shown(figures.seeDirect.plus(figures.seeIndirect)),
                  equation: String(functional.equation)
              })
            : undefined;
        return [
            [heading(good)],
            [origin, ...(content ? [content] : []), ...(figures.defaultValue ? [i18n.text('hover.defaultValues')] : [])],
            ...(lots.length > 0
                ? [
                      [
                          i18n.text('hover.lotsAverage', { count: lots.length }),
                          ...lots.map(lot => i18n.text('hover.lot', { supplier: lot.period ? `${lot.supplier} (${lot.period})` : lot.supplier, mass: shown(lot.mass), direct: shown(lot.seeDirect), indirect: shown(lot.seeIndirect) }))
                      ]
                  ]
                : []),
            [`**${i18n.text('hover.see', { see: shown(figures.seeDirect.plus(figures.seeIndirect)), direct: shown(figures.seeDirect), indirect: shown(figures.seeIndirect) })}**`]
        ];
    }

    private get locale() {
        return this.cnms.I18n.locale;
    }

    /** A source: how its figure is computed, operand by operand and gas by gas, the values it uses with their provenance, and what counts. */
    private sourceHover(source: Source): string[][] {
        const i18n = this.cnms.I18n;
        const semantics = this.cnms.semantics;
        const figures = semantics.SourceFigures.of(source);
        if (!figures) return [[heading(source)], [i18n.text('hover.notComputed')]];
        const settings = semantics.OrganizationSettings.of(this.cnms.references.Models.modelOfNode(source));
        const evaluator = semantics.Evaluator;
        const calculation: string[] = [];
        if (source.emissions) {
            calculation.push(this.labelled('hover.emissionsGiven', `\`${source.emissions.$cstNode?.text ?? ''}\``));
            const chain = this.chain(source.emissions);
            if (chain) calculation.push(chain);
        } else {
            calculation.push(this.labelled('hover.activity', `\`${source.activity?.$cstNode?.text ?? ''}\``));
            const chain = this.chain(source.activity);
            if (chain) calculation.push(chain);
            calculation.push(this.labelled('hover.factor', `\`${source.factor?.$cstNode?.text ?? ''}\``));
            const activity = evaluator.evaluate(source.activity);
            const values = evaluator.factorExpressionValues(source.factor, source, 'factor');
            if (activity && values) {
                const shownActivity = this.writtenOr(source.activity!, this.shown(activity));
                for (const value of values) {
                    const mass = tonnes(activity.value.times(value.value));
                    calculation.push(`${value.gas}: ${shownActivity} × ${this.writtenOr(value.node, formatFactorValue(value, this.locale))} = ${formatMeasured(mass, this.locale, this.precision)} t${value.gas}`);
                }
            }
        }
        const filled = this.filledMonths(source);
        const set = settings.gwpSet?.name ?? '—';
        const gases = [i18n.text('hover.gases', { set })];
        const masses = figures.scope === 2 && settings.scope2 === 'market-based' ? figures.market : figures.location;
        for (const [gas, grams] of masses) {
            const gwp = settings.gwpValues.get(gas);
            const mass = `${formatMeasured(tonnes(grams), this.locale, this.precision)} t${gas}`;
            gases.push(gwp ? `${mass} × ${gwp.toString()} = ${formatMeasured(tonnes(grams).times(gwp), this.locale, this.precision)} tCO2e` : `${mass} × —`);
        }
        if (settings.consolidation === 'equity-share') {
            gases.push(i18n.text('hover.share', { site: source.site?.$refText ?? '—', share: `${formatMeasured(figures.share.times(HUNDRED), this.locale, 1)} %` }));
        }
        if (figures.scope === 2) {
            gases.push(
                this.labelled('hover.location', `${formatMeasured(tonnes(figures.co2eLocation), this.locale, this.precision)} tCO2e`),
                this.labelled('hover.market', `${formatMeasured(tonnes(figures.co2eMarket), this.locale, this.precision)} tCO2e`)
            );
        }
        if (source.biogenic === 'yes') gases.push(this.labelled('hover.biogenic', `${formatMeasured(tonnes(figures.biogenicCO2), this.locale, this.precision)} tCO2`));
        const used = this.valuesUsed([source.activity, source.factor, source.emissions, source.gapFill?.value]);
        const inputs = used.length > 0 ? [`**${i18n.text('hover.inputs')}**`, ...used.map(named => this.inputLine(named))] : [];
        return [[heading(source)], calculation, filled, gases, inputs, [`**${this.labelled('hover.total', `${formatMeasured(tonnes(figures.co2e), this.locale, this.precision)} tCO2e`)}**`]];
    }

    /** The months a source's `gap-fill` filled, each with what it was taken from (the values it was the highest of, the mean, the value given): a filled value is never shown as read. */
    private filledMonths(source: Source): string[] {
        const fill = this.cnms.semantics.GapFill.of(source);
        if (!fill || fill.filled.length === 0) return [];
        const i18n = this.cnms.I18n;
        const shown = (value: Rational) => formatInDataUnit(value, fill, this.locale, this.precision);
        const value = shown(fill.filledValue);
        const lines = [`**${i18n.text('hover.filled', { method: fill.method, count: fill.filled.length, value, share: formatPercent(fill.filledShare, this.locale) })}**`];
        for (const month of fill.filled) {
            const candidates = month.candidates.map(candidate =>
                candidate.kind === 'previous-year' ? i18n.text('hover.fillPreviousYear', { month: candidate.month, value: shown(candidate.value.value) }) : `${candidate.month} ${shown(candidate.value.value)}`
            );
            const params = { month: month.month, value: shown(month.value.value) };
            if (fill.averaged) lines.push(`- ${i18n.text('hover.filledMonthAverage', { ...params, count: fill.averaged.months.length, sum: shown(fill.averaged.sum) })}`);
            else if (fill.method === 'value') lines.push(`- ${i18n.text('hover.filledMonthValue', params)}`);
            // (`previous-year` has one candidate; another rule one when the month has a neighbour on one side only)
            else if (candidates.length === 1) lines.push(`- ${i18n.text('hover.filledMonthOne', { ...params, candidate: candidates[0] })}`);
            else lines.push(`- ${i18n.text('hover.filledMonth', { ...params, candidates: candidates.join(', ') })}`);
        }
        return lines;
    }

    /** `Activity: …` with the language's colon. */
    private labelled(label: TextId, value: string): string {
        return this.cnms.I18n.text('hover.labelled', { label: this.cnms.I18n.text(label), value });
    }

    /** A multiplication written by the author, operand by operand, with its result: `504,000 t × 28.435 GJ/t = 14,331,240 GJ`; undefined for a plain literal. */
    private chain(expression: Expression | undefined): string | undefined {
        const value = this.cnms.semantics.Evaluator.evaluate(expression);
        if (!expression || !value || writtenUnit(expression)) return undefined;
        // the operands of the product, left to right; a unit written after a value (`… tCO2`) is an operand of its own
        const operands: Array<{ operator: '*' | '/' | ' '; expression: Expression }> = [];
        let current: Expression = expression;
        for (;;) {
            if (writtenUnit(current)) break;
            if (isBinaryExpression(current) && (current.operator === '*' || current.operator === '/')) {
                operands.unshift({ operator: current.operator, expression: current.right });
                current = current.left;
            } else if (isUnitProduct(current)) {
                operands.unshift({ operator: ' ', expression: current });
                current = current.value;
            } else break;
        }
        const pieces = [this.operandText(current)];
        for (const { operator, expression: operand } of operands) {
            // a unit belongs to the value before it: `0.44 tCO2/t`
            if (operator === ' ' && isUnitProduct(operand)) pieces[pieces.length - 1] += ` ${operand.unit.$refText}`;
            else if (isUnitOnly(operand)) pieces[pieces.length - 1] += `${operator}${operand.$cstNode?.text ?? ''}`;
            else pieces.push(operator === '*' ? '×' : '÷', this.operandText(operand));
        }
        if (pieces.length < 3) return `= ${this.shown(value)}`;
        return `${pieces.join(' ')} = ${this.shown(value)}`;
    }

    /** An operand as its reader knows it: a literal as written, a named value in the unit its author wrote, else its value. */
    private operandText(operand: Expression): string {
        const written = writtenUnit(operand);
        if (written) return `${formatWrittenNumber(written.number)} ${written.unit}`;
        if (isNameReference(operand)) {
            const target = operand.target.ref;
            if ((isLet(target) || isOutput(target)) && writtenUnit(target.value)) return this.writtenOr(target.value, '');
            if (isFactor(target) && target.values.length === 1) return this.writtenOr(target.values[0], '');
        }
        const value = this.cnms.semantics.Evaluator.evaluate(operand);
        return value ? this.shown(value) : (operand.$cstNode?.text ?? '');
    }

    /** A literal value as its author wrote it (`107,000 kgCO2/TJ`), or `otherwise`. */
    private writtenOr(expression: Expression, otherwise: string): string {
        const written = writtenUnit(expression);
        return written ? `${formatWrittenNumber(written.number)} ${written.unit}` : otherwise;
    }

    /** A computed quantity in its display unit, with the digits it has, to the reader's precision. */
    private shown(quantity: Quantity): string {
        return formatQuantityMeasured(quantity, this.locale, this.precision);
    }

    /** The lets and factors an expression reads, directly or through other lets, each once, in order of first use. */
    private valuesUsed(expressions: Array<Expression | undefined>): Array<Let | Factor> {
        const found: Array<Let | Factor> = [];
        const visit = (expression: Expression | undefined) => {
            if (!expression) return;
            for (const node of AstUtils.streamAst(expression)) {
                if (!isNameReference(node)) continue;
                const target = node.target.ref;
                if ((isLet(target) || isFactor(target)) && !found.includes(target)) {
                    found.push(target);
                    if (isLet(target)) visit(target.value);
                }
            }
        };
        expressions.forEach(visit);
        return found;
    }

    /** One line on a value used: its name, value as written, and where it comes from. */
    private inputLine(named: Let | Factor): string {
        const value = isLet(named)
            ? this.writtenOr(named.value, '')
            : named.values
                  .map(v => this.writtenOr(v, ''))
                  .filter(Boolean)
                  .join(' · ');
        const provenance = this.provenance(named);
        return `\`${this.nameOf(named)}\`${value ? ` = ${value}` : ''} — ${provenance.length > 0 ? provenance.join(' · ') : this.cnms.I18n.text('hover.noProvenance')}`;
    }

    /** The name a model uses for a declaration: qualified for the library's (`ipcc2006.natural_gas`). */
    private nameOf(named: Let | Factor): string {
        const library = AstUtils.getContainerOfType(named, isLibrary);
        return library ? `${library.name}.${named.name}` : named.name;
    }

    private factorHover(factor: Factor): string[][] {
        const i18n = this.cnms.I18n;
        const values = this.cnms.semantics.Evaluator.factorValues(factor);
        const shown = values ? values.map(v => `${v.gas}: ${this.writtenOr(v.node, formatFactorValue(v, this.locale))}`) : [];
        // the users in the model hovered in: a library factor belongs to no model of its own
        const users = usageIn(this.cnms.semantics.Balance.of(this.model), factor, this.cnms.semantics.FigureMemo).sources;
        // (a source whose name is being typed is counted, and not named: it has no name yet)
        const names = users.flatMap(source => (source.name ? [`\`${source.name}\``] : []));
        const usage = users.length > 0 ? i18n.text('hover.usedBy', { count: users.length, names: names.join(', ') }) : i18n.text('hover.notUsed');
        return [[heading(factor)], shown, this.provenance(factor), [usage]];
    }

    /** Where a value comes from, one fact a line: its source, year and uncertainty. */
    private provenance(named: Let | Factor): string[] {
        const i18n = this.cnms.I18n;
        const lines: string[] = [];
        if (named.source) lines.push(i18n.text('hover.provenance', { source: named.source }));
        if (named.year) lines.push(i18n.text('hover.year', { year: named.year }));
        const uncertainty = this.cnms.semantics.Evaluator.evaluate(named.uncertainty);
        if (uncertainty) lines.push(i18n.text('hover.uncertainty', { uncertainty: `${formatMeasured(uncertainty.value.times(HUNDRED), this.locale, 1)} %` }));
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

/** The first line of a declaration's hover: its name and title. */
function heading(node: AstNode & { name: string; title?: string }): string {
    return `**${node.name}**${node.title ? ` — ${node.title}` : ''}`;
}

/** Sections separated by rules, one fact a paragraph (Markdown joins lines that a single line break separates). */
function sections(parts: string[][]): string {
    return parts
        .filter(part => part.length > 0)
        .map(part => part.join('\n\n'))
        .join('\n\n---\n\n');
}

/** An expression made of units only (`t`, `MWh`, `(10^4 Nm3)`): it belongs to the number before it. */
function isUnitOnly(expression: Expression): boolean {
    return AstUtils.streamAst(expression).every(
        node =>
            (isNameReference(node) && (isUnitDecl(node.target.ref) || isGasDecl(node.target.ref))) ||
            (isUnitProduct(node) && (isUnitDecl(node.unit.ref) || isGasDecl(node.unit.ref))) ||
            (isNumberLiteral(node) && AstUtils.getContainerOfType(node, isPowerExpression) !== undefined) ||
            isPowerExpression(node) ||
            (!isNameReference(node) && !isUnitProduct(node) && !isNumberLiteral(node))
    );
}
