import type { Source } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import { Dec, Rational } from './rational.js';
import { tonnes } from './quantity.js';

/** The uncertainty of the inventory by error propagation (IPCC 2006 Vol. 1 Ch. 3, Approach 1). */
export interface InventoryUncertainty {
    /** Per assessed source: its relative uncertainty (a fraction) and absolute uncertainty (tCO2e). */
    readonly sources: ReadonlyArray<{ readonly source: Source; readonly relative: Rational; readonly absolute: Rational }>;
    /** Sources with no `uncertainty`. */
    readonly notAssessed: readonly Source[];
    /** U_total = √Σ(U_i·x_i)² / Σx_i over the assessed sources; the square root to 34 significant digits. */
    readonly total?: { readonly relative: Rational; readonly absolute: Rational; readonly assessedEmissions: Rational };
}

/**
 * Combines each source's `uncertainty` (the half-width of its 95 % interval,
 * as a share of its emissions) into the total's, by Approach 1 for a sum. A
 * source without `uncertainty` is listed as not assessed and left out.
 */
export function inventoryUncertainty(services: CnmsServices, model: string): InventoryUncertainty {
    const balance = services.semantics.Balance.of(model);
    const sources: Array<{ source: Source; relative: Rational; absolute: Rational }> = [];
    const notAssessed: Source[] = [];
    // each assessed source's emissions: those of its first entry in the balance
    const emissionsOf = new Map<Source, Rational>();
    for (const { source, figures } of balance.sources) {
        const uncertainty = services.semantics.Evaluator.evaluate(source.uncertainty);
        if (!figures || !uncertainty || !uncertainty.dimension.isDimensionless()) {
            notAssessed.push(source);
            continue;
        }
        const emissions = tonnes(figures.co2e);
        if (!emissionsOf.has(source)) emissionsOf.set(source, emissions);
        sources.push({ source, relative: uncertainty.value, absolute: uncertainty.value.times(emissions) });
    }
    const assessed = sources.reduce((sum, s) => sum.plus(emissionsOf.get(s.source)!), Rational.ZERO);
    if (sources.length === 0 || assessed.isZero()) return { sources, notAssessed };
    const squares = sources.reduce((sum, s) => sum.plus(s.absolute.times(s.absolute)), Rational.ZERO);
    const absolute = Rational.fromDecimal(new Dec(squares.toDecimal()).sqrt().toSignificantDigits(34));
    return { sources, notAssessed, total: { relative: absolute.dividedBy(assessed), absolute, assessedEmissions: assessed } };
}
