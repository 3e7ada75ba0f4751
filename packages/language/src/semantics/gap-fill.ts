import { AstUtils } from 'langium';
import type { Aggregate, Expression, GapFill, MonthlyValues, Source } from '../generated/ast.js';
import { isAggregate, isMonthlyValues, isSource } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import type { FigureStore } from './figure-memo.js';
import type { Dimension } from './dimension.js';
import { monthsOfPeriod, shiftMonth } from './months.js';
import { formatPeriod } from './period.js';
import { monthlyParts } from './monthly-parts.js';
import { Quantity } from './quantity.js';
import { Rational } from './rational.js';
import { formatMeasured, formatQuantityMeasured } from './quantity-display.js';
import { writtenUnit } from './written-unit.js';
import type { Locale } from '../i18n/locale.js';

/** The rule a source's `gap-fill` names: `conservative`, `previous-year`, `neighbours`, `average` or `value`. */
export type FillMethod = GapFill['method'];

/** Where a candidate value of a filled month comes from. */
export type FillCandidateKind = 'previous-year' | 'before' | 'after';

/** A month of the period filled: its value and the values it was taken from (none for `average` and `value`, whose basis is the activity's). */
export interface FilledMonth {
    readonly month: string;
    readonly value: Quantity;
    readonly candidates: ReadonlyArray<{ readonly kind: FillCandidateKind; readonly month: string; readonly value: Quantity }>;
}

/** A source's month-by-month activity with its missing months filled by its `gap-fill`. */
export interface FilledActivity {
    /** The rule that filled it. */
    readonly method: FillMethod;
    /** The months given, as the data gives them. */
    readonly given: ReadonlyMap<string, Quantity>;
    /** The months of the period the data lacks, each filled, in order. */
    readonly filled: readonly FilledMonth[];
    /** The given months and the filled ones together: the source's activity. */
    readonly total: Quantity;
    /** The filled months' part of the total (base units). */
    readonly filledValue: Rational;
    /** filledValue ÷ total; zero when the total is zero. */
    readonly filledShare: Rational;
    /** `gap-fill average`: the months of the period given, whose mean each filled month is, and their sum (base units). */
    readonly averaged?: { readonly months: readonly string[]; readonly sum: Rational };
    /** The unit the data are written in (`t` of `2024-01 10 t`, `MWh` of `column energy MWh`), to show filled values in it; undefined: a conventional unit. */
    readonly unit?: DataUnit;
}

/** A unit as the data write it: its text and its size in base units. */
export interface DataUnit {
    readonly name: string;
    readonly size: Rational;
}

/** A value of a filled activity in the unit its data are written in: `20 t`, `115 MWh`. */
export function formatInDataUnit(value: Rational, fill: FilledActivity, locale: Locale = 'en', decimals = 3): string {
    if (!fill.unit) return formatQuantityMeasured(new Quantity(value, fill.total.dimension), locale, decimals);
    return `${formatMeasured(value.dividedBy(fill.unit.size), locale, decimals)} ${fill.unit.name}`;
}

/**
 * The part of a source's activity that its `gap-fill` fills: the one
 * `monthly { … }` value or `sum(…)` aggregate in the activity (`sum(gas.volume
 * where …) * ncv_gas` fills the volumes); undefined when the activity has
 * none or more than one (then nothing says which to fill).
 */
export function gapFilledPart(source: Source): Aggregate | MonthlyValues | undefined {
    if (!source.activity) return undefined;
    let found: Aggregate | MonthlyValues | undefined;
    for (const node of monthlyParts(source.activity)) {
        if (isAggregate(node) && node.function !== 'sum') continue;
        if (found) return undefined;
        found = node;
    }
    return found;
}

/**
 * Whether an expression is the part of its source's activity that the
 * source's `gap-fill` fills (a syntactic test: the evaluator and the datasets
 * ask it before computing the part).
 */
export function isGapFilledPart(expression: Expression): expression is Aggregate | MonthlyValues {
    if (!isMonthlyValues(expression) && !isAggregate(expression)) return false;
    const source = AstUtils.getContainerOfType(expression, isSource);
    return source?.gapFill !== undefined && gapFilledPart(source) === expression;
}

/**
 * Gap filling (docs/months.md). Each month of the organisation's period that a
 * source's month-by-month activity lacks is filled by the rule its `gap-fill`
 * names: `conservative`, the highest of the same month a year before (given
 * in the activity itself or in `previous-year monthly { … }`), the nearest
 * month before it that has a value and the nearest month after it that has a
 * value (filled months do not count); `previous-year`, the same month a year
 * before only; `neighbours`, the higher of the nearest months before and
 * after; `average`, the exact mean of the months of the period given;
 * `value EXPR`, the figure given. A month the rule cannot fill leaves the
 * source not computed, with the reason. The figure reads the source (its
 * text), the organisation's settings (the period), the data of the activity
 * and the value of `value EXPR`, all through the figure memory, so a changed
 * period, reading, CSV file or `let` fills again.
 */
export class CnmsGapFill {
    private readonly filled: FigureStore<Source, FilledActivity | null>;

    constructor(private readonly services: CnmsServices) {
        this.filled = services.semantics.FigureMemo.store();
    }

    /** The source's activity filled, or undefined when it has no `gap-fill` or cannot be filled (with the problem). */
    of(source: Source): FilledActivity | undefined {
        if (!source.gapFill) return undefined;
        return this.services.semantics.FigureMemo.memo(this.filled, source, () => this.compute(source) ?? null) ?? undefined;
    }

    private compute(source: Source): FilledActivity | undefined {
        const evaluator = this.services.semantics.Evaluator;
        // (a `gap-fill` still being typed names no rule: the parser says so)
        if (!source.activity || !source.gapFill?.method) return undefined;
        const activity = gapFilledPart(source);
        let given: ReadonlyMap<string, Quantity> | undefined;
        let unit: DataUnit | undefined;
        if (isMonthlyValues(activity)) {
            given = evaluator.monthlyValues(activity);
            const first = activity.months[0]?.value;
            const written = writtenUnit(first);
            const value = given && written ? given.values().next().value : undefined;
            const number = written ? Rational.parse(written.number) : undefined;
            if (value && written && number && !number.isZero()) unit = { name: written.unit, size: value.value.dividedBy(number) };
        } else if (isAggregate(activity)) {
            // the aggregate's own problems come with its value
            if (this.services.semantics.Datasets.aggregate(activity) === undefined) return undefined;
            given = this.services.semantics.Datasets.monthlySumsOf(activity);
            const column = activity.column.ref;
            const size = column?.unit ? evaluator.evaluate(column.unit) : undefined;
            if (column?.unit && size && !size.value.isZero()) unit = { name: column.unit.$cstNode?.text.replace(/\s+/g, ' ') ?? '', size: size.value };
            if (!given) {
                evaluator.report('CN-NUM-014', 'gapFillNotMonthly', { name: source.name }, source, 'gapFill');
                return undefined;
            }
        } else {
            evaluator.report('CN-NUM-014', 'gapFillNotMonthly', { name: source.name }, source, 'gapFill');
            return undefined;
        }
        if (!given) return undefined;
        const dimension = given.values().next().value!.dimension;
        // the year before, from `previous-year monthly { … }`; the activity's own months come first
        const known = new Map<string, Quantity>();
        const previous = source.gapFill?.previousYear;
        if (previous) {
            const values = evaluator.monthlyValues(previous);
            if (!values) return undefined;
            for (const [month, value] of values) {
                if (!value.dimension.equals(dimension)) {
                    evaluator.report('CN-NUM-003', 'add', { operation: { en: 'add', 'zh-CN': '加法' }, left: dimension, right: value.dimension }, previous);
                    return undefined;
                }
                known.set(month, value);
            }
        }
        for (const [month, value] of given) known.set(month, value);
        const period = this.services.semantics.OrganizationSettings.of(this.services.references.Models.modelOfNode(source)).period;
        const periodMonths = period ? monthsOfPeriod(period) : [];
        const fill = this.rule(source.gapFill, given, known, periodMonths, dimension);
        if (!fill) return undefined;
        const filled: FilledMonth[] = [];
        const unfillable: string[] = [];
        let total = Rational.ZERO;
        for (const value of given.values()) total = total.plus(value.value);
        let filledValue = Rational.ZERO;
        for (const month of periodMonths) {
            if (given.has(month)) continue;
            const filledMonth = fill.month(month);
            if (!filledMonth) {
                unfillable.push(month);
                continue;
            }
            filled.push(filledMonth);
            filledValue = filledValue.plus(filledMonth.value.value);
        }
        // a declared fill that cannot happen would leave a figure lower than declared: not computed. Only
        // `previous-year` (no year before) and `average` (no month of the period given) can lack a value.
        if (unfillable.length > 0) {
            if (source.gapFill.method === 'previous-year') {
                const months = unfillable.map(month => shiftMonth(month, -12)).join(', ');
                evaluator.report('CN-NUM-014', 'gapFillNoPreviousYear', { name: source.name, months }, source, 'gapFill');
            } else evaluator.report('CN-NUM-014', 'gapFillNoAverage', { name: source.name, period: period ? formatPeriod(period) : '' }, source, 'gapFill');
            return undefined;
        }
        total = total.plus(filledValue);
        return {
            method: source.gapFill.method,
            given,
            filled,
            total: new Quantity(total, dimension),
            filledValue,
            filledShare: total.isZero() ? Rational.ZERO : filledValue.dividedBy(total),
            ...(fill.averaged ? { averaged: fill.averaged } : {}),
            ...(unit ? { unit } : {})
        };
    }

    /**
     * The value of a missing month by the rule the source's `gap-fill` names
     * (undefined for a month it cannot fill), or undefined when the rule
     * cannot be applied at all (its problem reported, or a `gap-fill` still
     * being typed, which the parser reports).
     */
    private rule(
        gapFill: GapFill,
        given: ReadonlyMap<string, Quantity>,
        known: ReadonlyMap<string, Quantity>,
        periodMonths: readonly string[],
        dimension: Dimension
    ): { month: (month: string) => FilledMonth | undefined; averaged?: FilledActivity['averaged'] } | undefined {
        const knownMonths = [...known.keys()].sort();
        const lastYear = (month: string) => {
            const before = shiftMonth(month, -12);
            const value = known.get(before);
            return value ? { kind: 'previous-year' as const, month: before, value } : undefined;
        };
        const neighbours = (month: string) => {
            const before = knownMonths.filter(other => other < month).at(-1);
            const after = knownMonths.find(other => other > month);
            return [...(before !== undefined ? [{ kind: 'before' as const, month: before, value: known.get(before)! }] : []), ...(after !== undefined ? [{ kind: 'after' as const, month: after, value: known.get(after)! }] : [])];
        };
        /** The highest of the candidates; undefined when there are none. */
        const highest = (month: string, candidates: FilledMonth['candidates']): FilledMonth | undefined => {
            if (candidates.length === 0) return undefined;
            let value = candidates[0].value;
            for (const candidate of candidates) if (candidate.value.value.compare(value.value) > 0) value = candidate.value;
            return { month, value, candidates };
        };
        switch (gapFill.method) {
            case 'conservative':
                return {
                    month: month => {
                        const year = lastYear(month);
                        // the month a year before is not counted twice when it is also the nearest before
                        return highest(month, [...(year ? [year] : []), ...neighbours(month).filter(candidate => candidate.month !== year?.month)]);
                    }
                };
            case 'neighbours':
                return { month: month => highest(month, neighbours(month)) };
            case 'previous-year':
                return {
                    month: month => {
                        const year = lastYear(month);
                        return year ? { month, value: year.value, candidates: [year] } : undefined;
                    }
                };
            case 'average': {
                const months = periodMonths.filter(month => given.has(month));
                let sum = Rational.ZERO;
                for (const month of months) sum = sum.plus(given.get(month)!.value);
                if (months.length === 0) return { month: () => undefined };
                const mean = new Quantity(sum.dividedBy(Rational.fromInteger(months.length)), dimension);
                return { month: month => ({ month, value: mean, candidates: [] }), averaged: { months, sum } };
            }
            case 'value': {
                const evaluator = this.services.semantics.Evaluator;
                // (an expression not computed says why where it is written)
                const value = evaluator.evaluate(gapFill.value);
                if (!value) return undefined;
                if (!value.dimension.equals(dimension)) {
                    evaluator.report('CN-NUM-003', 'property', { property: 'gap-fill value', expected: dimension, actual: value.dimension }, gapFill, 'value');
                    return undefined;
                }
                return { month: month => ({ month, value, candidates: [] }) };
            }
            default:
                return undefined;
        }
    }
}
