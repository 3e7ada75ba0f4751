import { AstUtils } from 'langium';
import type { Source } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import { Dimension } from './dimension.js';
import type { FactorValue } from './evaluator.js';
import type { FigureStore } from './figure-memo.js';
import { checkedProperty, ANY, MASS_OF_GAS } from './property-checks.js';
import { Quantity } from './quantity.js';
import { Rational } from './rational.js';
import { hasSyntaxError } from '../syntax/syntax-errors.js';
import type { OrganizationSettings } from './organization-settings.js';
import { checkedResidualFactor } from './residual-mix.js';
import type { FilledActivity } from './gap-fill.js';

export type Scope = 1 | 2 | 3;

/** Masses of gases in grams, by gas name. */
export type GasMasses = ReadonlyMap<string, Rational>;

/** Every figure of one source, in grams, after its site's share. */
export interface SourceFigures extends ComputedFigures {
    readonly source: Source;
    /** What the figures are computed from (for attributing a change to its causes). */
    readonly inputs: SourceInputs;
    /** The months its `gap-fill` filled, and their share of the activity (semantics/gap-fill.ts). */
    readonly gapFill?: FilledActivity;
}

/**
 * What a source's emissions are computed from, each part separately, so that
 * `cnms diff` can substitute the parts of one revision into the other one by
 * one and attribute a change to its causes.
 */
export interface SourceInputs {
    readonly category: string;
    /** Activity in base units; 1 where `emissions` are given directly. */
    readonly activity: Rational;
    /** Grams of each gas per base unit of activity (the masses themselves where `emissions` are given). */
    readonly factor: ReadonlyMap<string, Rational>;
    readonly gwp: ReadonlyMap<string, Rational>;
    readonly share: Rational;
    readonly scope2: 'location-based' | 'market-based';
    /** Instruments set against a category-2 source: their energy (base units) and factor per gas. */
    readonly instruments: ReadonlyArray<{ readonly quantity: Rational; readonly factor: ReadonlyMap<string, Rational> }>;
    /**
     * The residual-mix factor (grams of each gas per base unit) that prices the
     * activity no instrument covers in the market-based figure, from the
     * source's or the organisation's `residual-factor`; absent: the source's own factor.
     */
    readonly residual?: ReadonlyMap<string, Rational>;
    readonly biogenic: boolean;
}

/** The figures of a source, from its inputs (in grams). */
export interface ComputedFigures {
    readonly category: string;
    readonly mainCategory: string;
    readonly scope: Scope;
    readonly share: Rational;
    /** Location-based masses of each gas (for category 2), or the only figure; biogenic CO2 included. */
    readonly location: GasMasses;
    /** Market-based masses; equal to `location` where no instrument and no residual-mix factor applies. */
    readonly market: GasMasses;
    /** What counts in the balance: the organisation's scope-2 method, biogenic CO2 left out. */
    readonly counted: GasMasses;
    readonly biogenicCO2: Rational;
    readonly co2eLocation: Rational;
    readonly co2eMarket: Rational;
    readonly co2e: Rational;
}

/**
 * The one computation of a source's figures from its inputs: location-based
 * masses = activity × factor per gas; market-based = instruments' energy ×
 * their factor + the rest of the activity × the residual-mix factor, else the
 * source's own factor; both × the
 * site's share; what counts follows the scope-2 method, biogenic CO2 apart;
 * CO2e with the GWP set. Undefined when a gas has no GWP in the set.
 */
export function figuresFromInputs(inputs: SourceInputs): ComputedFigures | undefined {
    const match = CATEGORY.exec(inputs.category);
    if (!match) return undefined;
    const mainCategory = match[1];
    const scope: Scope = mainCategory === '1' ? 1 : mainCategory === '2' ? 2 : 3;
    const gross = perGasOf(inputs.activity, inputs.factor);
    let market = gross;
    if (scope === 2 && (inputs.instruments.length > 0 || inputs.residual)) {
        const covered = inputs.instruments.reduce((sum, part) => sum.plus(part.quantity), Rational.ZERO);
        const masses = perGasOf(inputs.activity.minus(covered), inputs.residual ?? inputs.factor);
        for (const part of inputs.instruments) {
            for (const [gas, mass] of perGasOf(part.quantity, part.factor)) masses.set(gas, (masses.get(gas) ?? Rational.ZERO).plus(mass));
        }
        market = masses;
    }
    const location = scaled(gross, inputs.share);
    const marketScaled = scaled(market, inputs.share);
    const chosen = scope === 2 && inputs.scope2 === 'market-based' ? marketScaled : location;
    const biogenicCO2 = inputs.biogenic ? (chosen.get('CO2') ?? Rational.ZERO) : Rational.ZERO;
    const counted = new Map(chosen);
    if (inputs.biogenic) counted.delete('CO2');
    for (const gas of [...location.keys(), ...marketScaled.keys()]) if (!inputs.gwp.has(gas)) return undefined;
    const co2e = (masses: GasMasses, withoutBiogenic: boolean) => {
        let total = Rational.ZERO;
        for (const [gas, mass] of masses) {
            if (withoutBiogenic && inputs.biogenic && gas === 'CO2') continue;
            total = total.plus(mass.times(inputs.gwp.get(gas)!));
        }
        return total;
    };
    return {
        category: inputs.category,
        mainCategory,
        scope,
        share: inputs.share,
        location,
        market: marketScaled,
        counted,
        biogenicCO2,
        co2eLocation: co2e(location, true),
        co2eMarket: co2e(marketScaled, true),
        co2e: co2e(counted, false)
    };
}

function perGasOf(activity: Rational, factor: ReadonlyMap<string, Rational>): Map<string, Rational> {
    return new Map([...factor].map(([gas, value]) => [gas, activity.times(value)]));
}

const CATEGORY = /^([1-6])(\.[0-9]+)?$/;

/**
 * Computes each source's emissions (language.md §3–4): activity × each factor
 * value per gas, or the `emissions` expression; scaled by the site's share;
 * scope 2 both location- and market-based; biogenic CO2 apart.
 */
export class CnmsSourceFigures {
    private readonly services: CnmsServices;
    private readonly cache: FigureStore<Source, SourceFigures | null>;

    constructor(services: CnmsServices) {
        this.services = services;
        this.cache = services.semantics.FigureMemo.store((figures, counterpart) => {
            const source = figures && counterpart(figures.source);
            return figures && source && { ...figures, source };
        });
    }

    /** The source's figures, or undefined when it cannot be computed (the problem is reported once). */
    of(source: Source): SourceFigures | undefined {
        return this.services.semantics.FigureMemo.memo(this.cache, source, () => this.services.semantics.Evaluator.guarded(source, () => this.compute(source)) ?? null) ?? undefined;
    }

    /**
     * The rule that explains why a source has no figures: the first problem of
     * its figures (or of the values they use), else a name in it that is not
     * known (CN-NUM-002), else a syntax error in it (CN-NUM-001); undefined
     * when it has figures or no rule says why.
     */
    whyNotComputed(source: Source): string | undefined {
        if (this.of(source)) return undefined;
        const problems = this.services.semantics.FigureMemo.problemsOfFigures(() => this.of(source));
        if (problems.length > 0) return problems[0].rule;
        const range = source.$cstNode;
        if (!range) return undefined;
        const within = (offset: number | undefined) => offset !== undefined && offset >= range.offset && offset < range.end;
        const document = AstUtils.getDocument(source);
        if (document.references.some(reference => reference.error && within(reference.$refNode?.offset))) return 'CN-NUM-002';
        return hasSyntaxError(source) ? 'CN-NUM-001' : undefined;
    }

    /** The source as an expression sees it: its counted emissions, a mass of CO2e. */
    countedCo2e(source: Source): Quantity | undefined {
        const figures = this.of(source);
        return figures ? new Quantity(figures.co2e, Dimension.massOf('CO2e')) : undefined;
    }

    private compute(source: Source): SourceFigures | undefined {
        const evaluator = this.services.semantics.Evaluator;
        const model = this.services.references.Models.modelOfNode(source);
        const settings = this.services.semantics.OrganizationSettings.of(model);

        const category = source.category ?? '';
        const match = CATEGORY.exec(category);
        const gross = this.grossMasses(source);
        if (!match) {
            evaluator.report('CN-6.2-002', source.category ? 'invalid' : 'missing', { name: source.name, category }, source, source.category ? 'category' : 'name');
            return undefined;
        }
        if (!gross) return undefined;
        const mainCategory = match[1];
        const scope: Scope = mainCategory === '1' ? 1 : mainCategory === '2' ? 2 : 3;

        for (const gas of gross.masses.keys()) {
            if (!settings.gwpValues.has(gas)) {
                const set = settings.gwpSet?.name ?? '—';
                evaluator.report('CN-6.2-004', gas === 'C' ? 'carbon' : 'gasNotInSet', { gas, set, name: source.name }, source, gross.property);
                return undefined;
            }
        }

        const share = this.services.semantics.BoundaryShares.shareOf(source);
        if (!share) return undefined;

        const instruments: Array<{ quantity: Rational; factor: Map<string, Rational> }> = [];
        let residual: Map<string, Rational> | undefined;
        if (scope === 2 && gross.activity && gross.factor) {
            const found = this.residualFactor(source, gross.activity, settings);
            if (found === 'invalid') return undefined;
            residual = found && new Map(found.map(value => [value.gas, value.value]));
        }
        if (scope === 2) {
            const allocation = this.services.semantics.InstrumentAllocation.of(source);
            if (!allocation.complete) return undefined;
            if (allocation.shares.length > 0 && gross.activity && gross.factor) {
                // an instrument's gases without a GWP make the allocation incomplete (instrument-allocation.ts)
                for (const part of allocation.shares) {
                    instruments.push({ quantity: part.quantity, factor: new Map(part.factor.map(value => [value.gas, value.value])) });
                }
            }
        }
        const inputs: SourceInputs = {
            category,
            activity: gross.activity?.value ?? Rational.ONE,
            factor: gross.factor ? new Map(gross.factor.map(value => [value.gas, value.value])) : gross.masses,
            gwp: settings.gwpValues,
            share,
            scope2: settings.scope2,
            instruments,
            ...(residual ? { residual } : {}),
            biogenic: source.biogenic === 'yes'
        };
        const figures = figuresFromInputs(inputs);
        const gapFill = this.services.semantics.GapFill.of(source);
        return figures ? { source, inputs, ...figures, ...(gapFill ? { gapFill } : {}) } : undefined;
    }

    /**
     * The residual-mix factor that prices the source's uncovered activity: its
     * own `residual-factor`, else the organisation's when it fits the activity
     * (an organisation's factor per energy does not price steam in tonnes);
     * undefined when none applies (CN-6.2-017 says so under market-based).
     */
    private residualFactor(source: Source, activity: Quantity, settings: OrganizationSettings): FactorValue[] | 'invalid' | undefined {
        const evaluator = this.services.semantics.Evaluator;
        const own = checkedResidualFactor(evaluator, source, { values: settings.gwpValues, set: settings.gwpSet?.name ?? '—' });
        if (own === 'invalid') return own;
        const values = own ?? (settings.residualFactor === 'invalid' ? undefined : settings.residualFactor);
        if (!values) return settings.residualFactor === 'invalid' && !own ? 'invalid' : undefined;
        if (!values.every(value => value.per.equals(activity.dimension))) {
            if (!own) return undefined;
            evaluator.report(
                'CN-NUM-003',
                'product',
                {
                    actual: activity.dimension.times(Dimension.massOf(values[0].gas)).dividedBy(values[0].per),
                    activity: activity.dimension,
                    factor: Dimension.massOf(values[0].gas).dividedBy(values[0].per)
                },
                source,
                'residualFactor'
            );
            return 'invalid';
        }
        return [...values];
    }

    /** Masses of each gas before the share: activity × factor, or `emissions`. */
    private grossMasses(source: Source): { masses: Map<string, Rational>; property: string; activity?: Quantity; factor?: FactorValue[] } | undefined {
        const evaluator = this.services.semantics.Evaluator;
        const usesActivity = source.activity !== undefined || source.factor !== undefined;
        if (source.emissions && usesActivity) {
            evaluator.report('CN-6.2-003', 'both', { name: source.name }, source, 'emissions');
            return undefined;
        }
        if (source.emissions) {
            const emissions = checkedProperty(evaluator, source, 'emissions', MASS_OF_GAS, 'non-negative');
            return emissions ? { masses: new Map([[emissions.dimension.gasOfMass()!, emissions.value]]), property: 'emissions' } : undefined;
        }
        // a property left half-typed or past a limit is not missing: the syntax error says what is wrong
        if (hasSyntaxError(source)) return undefined;
        if (!usesActivity) {
            evaluator.report('CN-6.2-003', 'neither', { name: source.name }, source, 'name');
            return undefined;
        }
        if (!source.factor) {
            evaluator.report('CN-6.2-003', 'missingFactor', { name: source.name }, source, 'activity');
            return undefined;
        }
        if (!source.activity) {
            evaluator.report('CN-6.2-003', 'missingActivity', { name: source.name }, source, 'factor');
            return undefined;
        }
        const activity = checkedProperty(evaluator, source, 'activity', ANY, 'non-negative');
        const factor = evaluator.factorExpressionValues(source.factor, source, 'factor');
        if (!activity || !factor) return undefined;
        // a declared `gap-fill` that cannot fill (an activity not given month by month) leaves the source not computed
        if (source.gapFill && !this.services.semantics.GapFill.of(source)) return undefined;
        for (const value of factor) {
            if (!value.per.equals(activity.dimension)) {
                evaluator.report(
                    'CN-NUM-003',
                    'product',
                    {
                        actual: activity.dimension.times(Dimension.massOf(value.gas)).dividedBy(value.per),
                        activity: activity.dimension,
                        factor: Dimension.massOf(value.gas).dividedBy(value.per)
                    },
                    source,
                    'factor'
                );
                return undefined;
            }
            if (value.value.isNegative()) {
                evaluator.report('CN-NUM-005', 'negative', { property: 'factor', value: value.node.$cstNode?.text ?? '' }, source, 'factor');
                return undefined;
            }
        }
        return { masses: perGas(activity.value, factor), property: 'factor', activity, factor };
    }
}

function perGas(activity: Rational, factor: readonly FactorValue[]): Map<string, Rational> {
    return new Map(factor.map(value => [value.gas, activity.times(value.value)]));
}

function scaled(masses: GasMasses, share: Rational): Map<string, Rational> {
    return share.equals(Rational.ONE) ? new Map(masses) : new Map([...masses].map(([gas, mass]) => [gas, mass.times(share)]));
}
