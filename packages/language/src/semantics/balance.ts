import { WorkspaceCache } from 'langium';
import type { Offset, Removal } from '../generated/ast.js';
import { isOffset, isRemoval, isSource } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import type { OrganizationSettings } from './organization-settings.js';
import { isPeriodRange, periodRange, samePeriod } from './period.js';
import { checkedProperty, MASS_OF_CO2, MASS_OF_CO2E } from './property-checks.js';
import { tonnes } from './quantity.js';
import { Rational } from './rational.js';
import type { SourceFigures } from './source-figures.js';

/** How a removal counts: its amount in tonnes of CO2 after the site's share. */
export interface RemovalFigures {
    readonly removal: Removal;
    readonly amount: Rational;
}

/** How an offset counts: its quantity, and whether it is retired and applies to the period. */
export interface OffsetFigures {
    readonly offset: Offset;
    readonly quantity: Rational;
    readonly counts: boolean;
    readonly reason: 'counted' | 'not-retired' | 'other-period';
}

/**
 * The net balance of one model for its reporting period (language.md §4), in
 * tonnes of CO2e (tonnes of each gas under `byGas`). Sources, removals or
 * offsets that cannot be computed are left out and their problems reported.
 */
export interface ModelBalance {
    readonly model: string;
    readonly settings: OrganizationSettings;
    readonly emissions: Rational;
    readonly byCategory: ReadonlyMap<string, Rational>;
    readonly byScope: { readonly '1': Rational; readonly '2-location': Rational; readonly '2-market': Rational; readonly '3': Rational };
    readonly byGas: ReadonlyMap<string, Rational>;
    readonly sources: ReadonlyArray<{ readonly source: SourceFigures['source']; readonly figures?: SourceFigures }>;
    readonly biogenicCO2: Rational;
    readonly removals: Rational;
    readonly removalFigures: readonly RemovalFigures[];
    readonly offsets: Rational;
    readonly offsetFigures: readonly OffsetFigures[];
    readonly net: Rational;
    /** Net ≤ 0: with no error against the model, the period may be claimed carbon neutral (§4). */
    readonly netAtOrBelowZero: boolean;
    /** Sources, removals and offsets that could not be computed. */
    readonly uncomputed: number;
}

export class CnmsBalance {
    private readonly services: CnmsServices;
    private readonly cache: WorkspaceCache<string, ModelBalance>;

    constructor(services: CnmsServices) {
        this.services = services;
        this.cache = new WorkspaceCache(services.shared);
    }

    of(model: string): ModelBalance {
        return this.cache.get(model, () => this.compute(model));
    }

    removalFigures(removal: Removal): RemovalFigures | undefined {
        const evaluator = this.services.semantics.Evaluator;
        const amount = checkedProperty(evaluator, removal, 'amount', MASS_OF_CO2, 'non-negative');
        const share = this.services.semantics.BoundaryShares.shareOf(removal);
        return amount && share ? { removal, amount: tonnes(amount).times(share) } : undefined;
    }

    offsetFigures(offset: Offset, settings: OrganizationSettings): OffsetFigures | undefined {
        const quantity = checkedProperty(this.services.semantics.Evaluator, offset, 'quantity', MASS_OF_CO2E, 'non-negative');
        if (!quantity) return undefined;
        const appliesTo = offset.appliesTo ? periodRange(offset.appliesTo) : settings.period;
        const applies = !!appliesTo && isPeriodRange(appliesTo) && !!settings.period && samePeriod(appliesTo, settings.period);
        const reason = !offset.retired ? 'not-retired' : applies ? 'counted' : 'other-period';
        return { offset, quantity: tonnes(quantity), counts: reason === 'counted', reason };
    }

    private compute(model: string): ModelBalance {
        const semantics = this.services.semantics;
        const settings = semantics.OrganizationSettings.of(model);
        const elements = this.services.references.Models.elementsOf(model);
        let uncomputed = 0;

        const byCategory = new Map<string, Rational>();
        const byGas = new Map<string, Rational>();
        const byScope = { '1': Rational.ZERO, '2-location': Rational.ZERO, '2-market': Rational.ZERO, '3': Rational.ZERO };
        let emissions = Rational.ZERO;
        let biogenicCO2 = Rational.ZERO;
        const sources = elements.filter(isSource).map(source => {
            const figures = semantics.SourceFigures.of(source);
            if (!figures) {
                uncomputed++;
                return { source };
            }
            const co2e = tonnes(figures.co2e);
            emissions = emissions.plus(co2e);
            byCategory.set(figures.mainCategory, (byCategory.get(figures.mainCategory) ?? Rational.ZERO).plus(co2e));
            if (figures.scope === 2) {
                byScope['2-location'] = byScope['2-location'].plus(tonnes(figures.co2eLocation));
                byScope['2-market'] = byScope['2-market'].plus(tonnes(figures.co2eMarket));
            } else {
                const key = figures.scope === 1 ? '1' : '3';
                byScope[key] = byScope[key].plus(co2e);
            }
            for (const [gas, mass] of figures.counted) {
                byGas.set(gas, (byGas.get(gas) ?? Rational.ZERO).plus(tonnes(mass)));
            }
            biogenicCO2 = biogenicCO2.plus(tonnes(figures.biogenicCO2));
            return { source, figures };
        });

        const removalFigures: RemovalFigures[] = [];
        for (const removal of elements.filter(isRemoval)) {
            const figures = this.removalFigures(removal);
            if (figures) removalFigures.push(figures);
            else uncomputed++;
        }
        const offsetFigures: OffsetFigures[] = [];
        for (const offset of elements.filter(isOffset)) {
            const figures = this.offsetFigures(offset, settings);
            if (figures) offsetFigures.push(figures);
            else uncomputed++;
        }
        const removals = removalFigures.reduce((sum, r) => sum.plus(r.amount), Rational.ZERO);
        const offsets = offsetFigures.filter(o => o.counts).reduce((sum, o) => sum.plus(o.quantity), Rational.ZERO);
        const net = emissions.minus(removals).minus(offsets);
        return {
            model, settings, emissions, byCategory, byScope, byGas, sources, biogenicCO2,
            removals, removalFigures, offsets, offsetFigures,
            net, netAtOrBelowZero: net.isNegative() || net.isZero(),
            uncomputed
        };
    }
}
