import type { LangiumDocument } from 'langium';
import { DocumentState } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver-protocol';
import { isFactor, isLet, isOrganization, isReduction, isSite, isSource, isTarget, type CnmsFile, type Reduction, type Target } from '../generated/ast.js';
import type { CnmsLspServices } from './cnms-lsp-module.js';
import { coveredEmissions, siteEmissions, type ModelBalance } from '../semantics/balance.js';
import { Dimension } from '../semantics/dimension.js';
import { formatFigure } from '../semantics/figure-format.js';
import { formatPeriod } from '../semantics/period.js';
import { GRAMS_PER_TONNE, tonnes } from '../semantics/quantity.js';
import { displayUnit } from '../semantics/quantity-display.js';
import { Rational } from '../semantics/rational.js';
import { usageIn } from '../semantics/usage.js';
import { yearOf } from '../semantics/dates.js';
import { formatNet, neutralityVerdict } from '../semantics/verdict.js';
import { displayPrecision } from './display-precision.js';

/** The command a lens runs: the client shows the balance breakdown of the model of the given document. */
export const SHOW_BALANCE_COMMAND = 'cnms.showBalance';

/**
 * Lenses above the declarations whose figures matter most: the net balance
 * above `organization`, each site's subtotal and share, each target's gap,
 * who uses each factor and `let` (how many sources, what they emit) and what
 * each reduction cuts.
 */
export class CnmsCodeLensProvider implements CodeLensProvider {
    constructor(private readonly services: CnmsLspServices) {}

    /**
     * Reads the model once its figures are computed (every document
     * validated; validation/cnms-model-validation.ts), never a half-built one:
     * until then the net's lens says it is computing. While the clause rules
     * still run, the net shows with "checking rules" in place of the verdict,
     * which can only be given when every error is known. The server asks the
     * client to refresh the lenses at both moments.
     */
    async provideCodeLens(document: LangiumDocument, _params: CodeLensParams): Promise<CodeLens[] | undefined> {
        const precision = await displayPrecision(this.services);
        const models = this.services.references.Models;
        if (models.isInNoModel(document.uri)) return [];
        const model = models.modelOf(document.uri);
        const validation = this.services.validation.ModelValidation;
        if (document.state < DocumentState.Validated || !validation.figuresReady(model)) {
            return this.loading(document, model);
        }
        const checked = validation.isValidated(model);
        const balance = this.services.semantics.Balance.of(model);
        const errors = models
            .documentsOf(model)
            .flatMap(doc => doc.diagnostics ?? [])
            .filter(d => d.severity === 1).length;
        const verdict = neutralityVerdict(balance, errors);
        const i18n = this.services.I18n;
        const f = (value: Rational, signed = false) => formatFigure(value, i18n.locale, precision, signed);
        const command = (title: string) => ({ title, command: SHOW_BALANCE_COMMAND, arguments: [document.uri.toString()] });
        const lenses: CodeLens[] = [];
        let sites: ReturnType<typeof siteEmissions> | undefined;
        for (const element of (document.parseResult.value as CnmsFile).elements) {
            const range = element.$cstNode?.range;
            if (!range) continue;
            const at = { start: range.start, end: range.start };
            if (isOrganization(element)) {
                const verdictText =
                    verdict.uncomputed > 0
                        ? i18n.text('lens.incomplete', { count: verdict.uncomputed })
                        : !checked
                          ? i18n.text('lens.checking')
                          : i18n.text(verdict.neutral ? 'lens.neutral' : verdict.reasons.includes('nothingRecorded') ? 'lens.nothingRecorded' : 'lens.notNeutral');
                lenses.push({
                    range: at,
                    command: command(
                        i18n.text('lens.net', {
                            period: balance.settings.period ? formatPeriod(balance.settings.period) : '—',
                            net: formatNet(balance, verdict, i18n.locale, precision),
                            emissions: f(balance.emissions),
                            removals: f(balance.removals),
                            offsets: f(balance.offsets),
                            verdict: verdictText
                        })
                    )
                });
            } else if (isSite(element) && element.name) {
                // (a site whose name is still being typed has no lens: no source can name it yet)
                sites ??= siteEmissions(balance);
                const subtotal = sites.get(element)?.co2e ?? Rational.ZERO;
                const share = balance.emissions.isZero() ? '—' : `${formatFigure(subtotal.dividedBy(balance.emissions).times(Rational.fromInteger(100)), i18n.locale, 1)} %`;
                lenses.push({ range: at, command: command(i18n.text('lens.site', { site: element.name, emissions: f(subtotal), share })) });
            } else if (isTarget(element)) {
                lenses.push({ range: at, command: command(this.targetTitle(element, balance, precision)) });
            } else if ((isFactor(element) || isLet(element)) && element.name) {
                const usage = usageIn(balance, element, this.services.semantics.FigureMemo);
                const title =
                    usage.sources.length === 0 ? i18n.text('lens.unused') : i18n.text(usage.uncomputed > 0 ? 'lens.usedByIncomplete' : 'lens.usedBy', { count: usage.sources.length, emissions: f(usage.co2e), uncomputed: usage.uncomputed });
                lenses.push({ range: at, command: command(title) });
            } else if (isReduction(element) && element.name) {
                lenses.push({ range: at, command: command(this.reductionTitle(element, balance, precision)) });
            }
        }
        return lenses;
    }

    /** Only the net's lens, saying that the figures are being computed. */
    private loading(document: LangiumDocument, model: string): CodeLens[] {
        const organization = (document.parseResult.value as CnmsFile).elements?.find(isOrganization);
        const start = organization?.$cstNode?.range.start;
        if (!start) return [];
        const period = this.services.semantics.OrganizationSettings.of(model).period;
        const title = this.services.I18n.text('lens.loading', { period: period ? formatPeriod(period) : '—' });
        return [{ range: { start, end: start }, command: { title, command: SHOW_BALANCE_COMMAND, arguments: [document.uri.toString()] } }];
    }

    /** What a reduction cuts a year once it runs, against the current emissions of the sources it acts on. */
    private reductionTitle(reduction: Reduction, balance: ModelBalance, precision: number): string {
        const i18n = this.services.I18n;
        const from = Number(reduction.from);
        const period = balance.settings.period;
        const sources = reduction.on.map(ref => ref.ref).filter(isSource);
        if (!reduction.from || !Number.isInteger(from) || !period || sources.length === 0) return i18n.text('lens.reductionUnknown');
        const periodYear = yearOf(period.end);
        if ((reduction.status === 'implemented' || reduction.status === 'verified') && from <= periodYear) {
            return i18n.text('lens.reductionInData', { from });
        }
        const cuts = [...this.services.semantics.Projection.cutsIn(reduction, Math.max(from, periodYear), periodYear).values()];
        const counted = balance.sources.filter(entry => sources.includes(entry.source));
        if (cuts.length === 0 || counted.some(entry => !entry.figures)) return i18n.text('lens.reductionUnknown');
        const cut = cuts.reduce((sum, value) => sum.plus(value), Rational.ZERO);
        const emissions = counted.reduce((sum, entry) => sum.plus(tonnes(entry.figures!.co2e)), Rational.ZERO);
        const share = emissions.isZero() ? '—' : `${formatFigure(cut.dividedBy(emissions).times(Rational.fromInteger(100)), i18n.locale, 1)} %`;
        const f = (value: Rational) => formatFigure(value, i18n.locale, precision);
        return i18n.text('lens.reduction', { cuts: f(cut), from, share, emissions: f(emissions), count: sources.length });
    }

    /** The gap between the period's figure and what the target allows at its year (positive: still to cut). */
    private targetTitle(target: Target, balance: ModelBalance, precision: number): string {
        const i18n = this.services.I18n;
        const year = target.year ?? '—';
        const evaluator = this.services.semantics.Evaluator;
        const reduce = evaluator.evaluate(target.reduce);
        const base = evaluator.evaluate(target.base);
        let current: Rational | undefined;
        let allowed: Rational | undefined;
        let unit = 'tCO2e';
        if (target.kind === 'carbon-neutral') {
            current = coveredEmissions(target, balance).minus(balance.removals).minus(balance.offsets);
            allowed = Rational.ZERO;
        } else if (target.kind === 'absolute-reduction' && base && reduce?.dimension.isDimensionless() && base.dimension.equals(Dimension.massOf('CO2e'))) {
            current = coveredEmissions(target, balance);
            allowed = tonnes(base.value).times(Rational.ONE.minus(reduce.value));
        } else if (target.kind === 'intensity-reduction' && base && reduce?.dimension.isDimensionless()) {
            const output = target.per?.ref ? evaluator.evaluate(target.per.ref.value) : undefined;
            if (output && !output.value.isZero() && base.dimension.equals(Dimension.massOf('CO2e').dividedBy(output.dimension))) {
                // intensities in base units (grams of CO2e per base unit of output), shown in the display unit
                const display = displayUnit(base.dimension);
                const grams = coveredEmissions(target, balance).times(GRAMS_PER_TONNE);
                current = grams.dividedBy(output.value).dividedBy(display.size);
                allowed = base.value.times(Rational.ONE.minus(reduce.value)).dividedBy(display.size);
                unit = display.name;
            }
        }
        if (current === undefined || allowed === undefined) return i18n.text('lens.targetUnknown', { year });
        const gap = current.minus(allowed);
        const params = { year, gap: `${formatFigure(gap, i18n.locale, precision, true)} ${unit}`, current: `${formatFigure(current, i18n.locale, precision)} ${unit}`, allowed: `${formatFigure(allowed, i18n.locale, precision)} ${unit}` };
        return i18n.text(gap.isNegative() || gap.isZero() ? 'lens.targetMet' : 'lens.targetGap', params);
    }
}
