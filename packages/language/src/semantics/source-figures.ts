import { WorkspaceCache } from 'langium';
import type { Source } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import { Dimension } from './dimension.js';
import type { FactorValue } from './evaluator.js';
import { checkedProperty, ANY, MASS_OF_GAS } from './property-checks.js';
import { Quantity } from './quantity.js';
import { Rational } from './rational.js';

export type Scope = 1 | 2 | 3;

/** Masses of gases in grams, by gas name. */
export type GasMasses = ReadonlyMap<string, Rational>;

/** Every figure of one source, in grams, after its site's share. */
export interface SourceFigures {
    readonly source: Source;
    readonly category: string;
    readonly mainCategory: string;
    readonly scope: Scope;
    readonly share: Rational;
    /** Location-based masses of each gas (for category 2), or the only figure; biogenic CO2 included. */
    readonly location: GasMasses;
    /** Market-based masses; equal to `location` where no instrument applies. */
    readonly market: GasMasses;
    /** What counts in the balance: the organisation's scope-2 method, biogenic CO2 left out. */
    readonly counted: GasMasses;
    readonly biogenicCO2: Rational;
    readonly co2eLocation: Rational;
    readonly co2eMarket: Rational;
    readonly co2e: Rational;
}

const CATEGORY = /^([1-6])(\.[0-9]+)?$/;

/**
 * Computes each source's emissions (language.md §3–4): activity × each factor
 * value per gas, or the `emissions` expression; scaled by the site's share;
 * scope 2 both location- and market-based; biogenic CO2 apart.
 */
export class CnmsSourceFigures {
    private readonly services: CnmsServices;
    private readonly cache: WorkspaceCache<Source, SourceFigures | null>;

    constructor(services: CnmsServices) {
        this.services = services;
        this.cache = new WorkspaceCache(services.shared);
    }

    /** The source's figures, or undefined when it cannot be computed (the problem is reported once). */
    of(source: Source): SourceFigures | undefined {
        return this.cache.get(source, () => this.services.semantics.Evaluator.guarded(source, () => this.compute(source)) ?? null) ?? undefined;
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

        let market = gross.masses;
        if (scope === 2) {
            const allocation = this.services.semantics.InstrumentAllocation.of(source);
            if (!allocation.complete) return undefined;
            if (allocation.shares.length > 0 && gross.activity && gross.factor) {
                const covered = allocation.shares.reduce((sum, part) => sum.plus(part.quantity), Rational.ZERO);
                const masses = perGas(gross.activity.value.minus(covered), gross.factor);
                for (const part of allocation.shares) {
                    for (const [gas, mass] of perGas(part.quantity, part.factor)) {
                        if (!settings.gwpValues.has(gas)) {
                            evaluator.report('CN-6.2-004', 'gasNotInSet', { gas, set: settings.gwpSet?.name ?? '—', name: source.name }, part.instrument, 'factor');
                            return undefined;
                        }
                        masses.set(gas, (masses.get(gas) ?? Rational.ZERO).plus(mass));
                    }
                }
                market = masses;
            }
        }

        const location = scaled(gross.masses, share);
        const marketScaled = scaled(market, share);
        const chosen = scope === 2 && settings.scope2 === 'market-based' ? marketScaled : location;
        const biogenic = source.biogenic === 'yes';
        const biogenicCO2 = biogenic ? chosen.get('CO2') ?? Rational.ZERO : Rational.ZERO;
        const counted = new Map(chosen);
        if (biogenic) counted.delete('CO2');
        const co2e = (masses: GasMasses, withoutBiogenic: boolean) => {
            let total = Rational.ZERO;
            for (const [gas, mass] of masses) {
                if (withoutBiogenic && biogenic && gas === 'CO2') continue;
                total = total.plus(mass.times(settings.gwpValues.get(gas)!));
            }
            return total;
        };
        return {
            source, category, mainCategory, scope, share,
            location, market: marketScaled, counted, biogenicCO2,
            co2eLocation: co2e(location, true),
            co2eMarket: co2e(marketScaled, true),
            co2e: co2e(counted, false)
        };
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
        for (const value of factor) {
            if (!value.per.equals(activity.dimension)) {
                evaluator.report('CN-NUM-003', 'product', {
                    actual: activity.dimension.times(Dimension.massOf(value.gas)).dividedBy(value.per),
                    activity: activity.dimension,
                    factor: Dimension.massOf(value.gas).dividedBy(value.per)
                }, source, 'factor');
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
