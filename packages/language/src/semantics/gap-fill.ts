import { AstUtils } from 'langium';
import type { Aggregate, Expression, MonthlyValues, Source } from '../generated/ast.js';
import { isAggregate, isMonthlyValues, isSource } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import type { FigureStore } from './figure-memo.js';
import { monthsOfPeriod, shiftMonth } from './months.js';
import { monthlyParts } from './monthly-parts.js';
import { Quantity } from './quantity.js';
import { Rational } from './rational.js';
import { formatMeasured, formatQuantityMeasured } from './quantity-display.js';
import { writtenUnit } from './written-unit.js';
import type { Locale } from '../i18n/locale.js';

/** Where a candidate value of a filled month comes from. */
export type FillCandidateKind = 'previous-year' | 'before' | 'after';

/** A month of the period filled conservatively: its value and the candidates it was the highest of. */
export interface FilledMonth {
    readonly month: string;
    readonly value: Quantity;
    readonly candidates: ReadonlyArray<{ readonly kind: FillCandidateKind; readonly month: string; readonly value: Quantity }>;
}

/** A source's month-by-month activity with its missing months filled (`gap-fill conservative`). */
export interface FilledActivity {
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
 * Conservative gap filling (docs/months.md). Each month of the organisation's
 * period that a source's month-by-month activity lacks is filled with the
 * highest of: the same month a year before (given in the activity itself or
 * in `previous-year monthly { … }`), the nearest month before it that has a
 * value, and the nearest month after it that has a value (filled months do
 * not count). The figure reads the source (its text), the organisation's
 * settings (the period) and the data of the activity, all through the figure
 * memory, so a changed period, reading or CSV file fills again.
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
        if (!source.activity) return undefined;
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
        const knownMonths = [...known.keys()].sort();
        const filled: FilledMonth[] = [];
        let total = Rational.ZERO;
        for (const value of given.values()) total = total.plus(value.value);
        let filledValue = Rational.ZERO;
        for (const month of period ? monthsOfPeriod(period) : []) {
            if (given.has(month)) continue;
            const candidates: Array<FilledMonth['candidates'][number]> = [];
            const lastYear = shiftMonth(month, -12);
            if (known.has(lastYear)) candidates.push({ kind: 'previous-year', month: lastYear, value: known.get(lastYear)! });
            const before = knownMonths.filter(other => other < month).at(-1);
            if (before !== undefined && before !== lastYear) candidates.push({ kind: 'before', month: before, value: known.get(before)! });
            const after = knownMonths.find(other => other > month);
            if (after !== undefined) candidates.push({ kind: 'after', month: after, value: known.get(after)! });
            // (never empty: a computed part has at least one month)
            let highest = candidates[0].value;
            for (const candidate of candidates) if (candidate.value.value.compare(highest.value) > 0) highest = candidate.value;
            filled.push({ month, value: highest, candidates });
            filledValue = filledValue.plus(highest.value);
        }
        total = total.plus(filledValue);
        return {
            given,
            filled,
            total: new Quantity(total, dimension),
            filledValue,
            filledShare: total.isZero() ? Rational.ZERO : filledValue.dividedBy(total),
            ...(unit ? { unit } : {})
        };
    }
}
