import type { Reduction, Source, Target } from '../generated/ast.js';
import { isReduction, isSource, isTarget } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import { isYearInRange, yearOf, yearValue } from './dates.js';
import { Dimension } from './dimension.js';
import { GRAMS_PER_TONNE, tonnes } from './quantity.js';
import { Rational } from './rational.js';
import { BuildCache } from '../workspace/build-cache.js';

/** A target's path and the projection of what it covers, year by year. */
export interface TargetProjection {
    readonly target: Target;
    /** `tCO2e` for absolute and carbon-neutral targets; the intensity's display for intensity targets (`tCO2e/t`). */
    readonly unit: string;
    /** By year: projected, allowed (the straight path from base to the target level) and gap = projected − allowed. */
    readonly years: ReadonlyMap<number, { readonly projected: Rational; readonly allowed: Rational; readonly gap: Rational }>;
    /** The first year from the period on where the projection lies above the path. */
    readonly firstMissed?: number;
}

/** The year-by-year projection of a model (`cnms plan`). */
export interface ModelProjection {
    readonly fromYear: number;
    readonly toYear: number;
    /** Projected emissions of all sources (tCO2e) by year. */
    readonly emissions: ReadonlyMap<number, Rational>;
    readonly targets: readonly TargetProjection[];
}

const EFFECTIVE_IN_DATA = new Set(['implemented', 'verified']);

/**
 * Projects the period's emissions forward under the planned reductions
 * (language.md §3: reductions never lower the current period; they shape the
 * path): for a year Y, every reduction whose `from` ≤ Y and that is not
 * already in the measured data (implemented or verified from the period or
 * before) takes its cut — a share of the current counted emissions of the
 * sources it acts on, or an amount per year, at most those emissions. Output
 * is held at the period's level for intensity targets. Offsets are not
 * projected; removals are held at the period's level for carbon-neutral targets.
 */
export class CnmsProjection {
    private readonly cache: BuildCache<string, ModelProjection | null>;

    constructor(private readonly services: CnmsServices) {
        this.cache = new BuildCache(services.shared);
    }

    of(model: string): ModelProjection | undefined {
        return this.cache.get(model, () => this.compute(model) ?? null) ?? undefined;
    }

    /** The cut a reduction makes in a year, by source (tCO2e); empty before its `from` or when already in the data. */
    cutsIn(reduction: Reduction, year: number, periodYear: number): Map<Source, Rational> {
        const cuts = new Map<Source, Rational>();
        const from = Number(reduction.from);
        if (!reduction.from || !Number.isInteger(from) || from > year) return cuts;
        if (EFFECTIVE_IN_DATA.has(reduction.status ?? '') && from <= periodYear) return cuts;
        const sources = reduction.on.map(ref => ref.ref).filter(isSource);
        const current = new Map(sources.map(source => [source, this.counted(source)] as const));
        const total = [...current.values()].reduce((sum, value) => sum.plus(value), Rational.ZERO);
        const cut = this.services.semantics.Evaluator.evaluate(reduction.cuts);
        if (!cut || total.isZero()) return cuts;
        if (cut.dimension.isDimensionless()) {
            for (const [source, value] of current) cuts.set(source, value.times(cut.value));
            return cuts;
        }
        const perYear = cut.dimension.equals(Dimension.massOf('CO2e')) ? cut.value : this.perYearValue(cut.value, cut.dimension);
        if (!perYear) return cuts;
        const amount = tonnes(perYear);
        const capped = amount.compare(total) > 0 ? total : amount;
        for (const [source, value] of current) cuts.set(source, capped.times(value).dividedBy(total));
        return cuts;
    }

    private compute(model: string): ModelProjection | undefined {
        const semantics = this.services.semantics;
        const settings = semantics.OrganizationSettings.of(model);
        if (!settings.period) return undefined;
        const periodYear = yearOf(settings.period.end);
        // years outside FIRST_YEAR … LAST_YEAR are CN-NUM-012: nothing is projected to them (a target in 200000 would be 198,000 rows)
        if (!isYearInRange(periodYear)) return undefined;
        const elements = this.services.references.Models.elementsOf(model);
        const targets = elements.filter(isTarget);
        const years = targets.map(t => yearValue(t.year)).filter((y): y is number => y !== undefined && isYearInRange(y) && y > periodYear);
        const toYear = Math.max(periodYear, ...years);
        const reductions = elements.filter(isReduction);
        const balance = semantics.Balance.of(model);
        const emissions = new Map<number, Rational>();
        const bySource = new Map<number, Map<Source, Rational>>();
        for (let year = periodYear; year <= toYear; year++) {
            const cut = new Map<Source, Rational>();
            for (const reduction of reductions) {
                for (const [source, value] of this.cutsIn(reduction, year, periodYear)) cut.set(source, (cut.get(source) ?? Rational.ZERO).plus(value));
            }
            bySource.set(year, cut);
            const cuts = [...cut.values()].reduce((sum, value) => sum.plus(value), Rational.ZERO);
            emissions.set(year, nonNegative(balance.emissions.minus(cuts)));
        }
        return {
            fromYear: periodYear,
            toYear,
            emissions,
            targets: targets.map(target => this.projectTarget(model, target, periodYear, toYear, bySource))
        };
    }

    private projectTarget(model: string, target: Target, periodYear: number, toYear: number, cuts: Map<number, Map<Source, Rational>>): TargetProjection {
        const semantics = this.services.semantics;
        const balance = semantics.Balance.of(model);
        const categories = new Set(target.categories.map(c => c.split('.')[0]));
        const covers = (source: Source) => categories.size === 0 || categories.has((source.category ?? '').split('.')[0]);
        const covered = balance.sources.filter(entry => entry.figures && covers(entry.source)).reduce((sum, entry) => sum.plus(tonnes(entry.figures!.co2e)), Rational.ZERO);
        const baseYear = yearValue(target.baseYear) ?? Number.NaN;
        const targetYear = yearValue(target.year) ?? Number.NaN;
        const base = semantics.Evaluator.evaluate(target.base);
        const reduce = semantics.Evaluator.evaluate(target.reduce);
        const years = new Map<number, { projected: Rational; allowed: Rational; gap: Rational }>();
        let unit = 'tCO2e';
        let scale = Rational.ONE;
        let baseLevel: Rational | undefined;
        let targetLevel: Rational | undefined;
        let net = Rational.ZERO;
        if (target.kind === 'carbon-neutral') {
            baseLevel = base ? tonnes(base.value) : covered;
            targetLevel = Rational.ZERO;
            net = balance.removals;
        } else if (target.kind === 'absolute-reduction' && base && reduce?.dimension.isDimensionless()) {
            baseLevel = tonnes(base.value);
            targetLevel = baseLevel.times(Rational.ONE.minus(reduce.value));
        } else if (target.kind === 'intensity-reduction' && base && reduce?.dimension.isDimensionless()) {
            const output = target.per?.ref ? semantics.Evaluator.evaluate(target.per.ref.value) : undefined;
            if (output && !output.value.isZero()) {
                // intensities in tCO2e per tonne (or per base unit of the output)
                const perUnit = output.dimension.equals(Dimension.base('mass')) ? GRAMS_PER_TONNE : Rational.ONE;
                unit = output.dimension.equals(Dimension.base('mass')) ? 'tCO2e/t' : 'tCO2e/unit';
                scale = perUnit.dividedBy(output.value);
                baseLevel = base.value.times(perUnit).dividedBy(GRAMS_PER_TONNE);
                targetLevel = baseLevel.times(Rational.ONE.minus(reduce.value));
            }
        }
        let firstMissed: number | undefined;
        if (baseLevel && targetLevel && Number.isInteger(baseYear) && Number.isInteger(targetYear) && targetYear > baseYear) {
            for (let year = periodYear; year <= Math.min(toYear, targetYear); year++) {
                if (year < baseYear) continue;
                const cut = [...(cuts.get(year) ?? new Map<Source, Rational>())].filter(([source]) => covers(source)).reduce((sum, [, value]) => sum.plus(value), Rational.ZERO);
                const projected = nonNegative(covered.minus(cut)).minus(net).times(scale);
                const progress = Rational.fromInteger(year - baseYear).dividedBy(Rational.fromInteger(targetYear - baseYear));
                const allowed = baseLevel.minus(baseLevel.minus(targetLevel).times(progress));
                const gap = projected.minus(allowed);
                years.set(year, { projected, allowed, gap });
                if (firstMissed === undefined && gap.compare(Rational.ZERO) > 0) firstMissed = year;
            }
        }
        return { target, unit, years, firstMissed };
    }

    private counted(source: Source): Rational {
        const figures = this.services.semantics.SourceFigures.of(source);
        return figures ? tonnes(figures.co2e) : Rational.ZERO;
    }

    /** An amount per year (tCO2e/yr) as grams of CO2e in one year. */
    private perYearValue(value: Rational, dimension: Dimension): Rational | undefined {
        const perTime = Dimension.massOf('CO2e').dividedBy(Dimension.base('time'));
        if (!dimension.equals(perTime)) return undefined;
        return value.times(Rational.fromInteger(8760));
    }
}

function nonNegative(value: Rational): Rational {
    return value.isNegative() ? Rational.ZERO : value;
}
