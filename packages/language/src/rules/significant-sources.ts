import type { Source } from '../generated/ast.js';
import type { ModelBalance } from '../semantics/balance.js';
import { GRAMS_PER_TONNE } from '../semantics/quantity.js';
import { Rational } from '../semantics/rational.js';
import { micrograms, rankedSources } from '../semantics/source-ranking.js';

/**
 * The largest sources that together make up `share` of the balance's
 * emissions (clause 8.1's significant sources at 80 %), with their counted
 * emissions in grams of CO2e: taken from the top of the ranking until their
 * sum reaches the share. None when the emissions are zero or negative.
 *
 * The running sum is kept in whole micrograms (each figure cut to an
 * integer, so the sum of n figures is within n micrograms of the exact one):
 * where that decides whether the threshold is reached, it is decided; only
 * within n micrograms of the threshold is the exact sum computed.
 */
export function largestSourcesUpTo(balance: ModelBalance, modelKey: object, share: Rational): Map<Source, Rational> {
    const large = new Map<Source, Rational>();
    const total = balance.emissions;
    if (total.isZero() || total.isNegative()) return large;
    const threshold = total.times(GRAMS_PER_TONNE).times(share);
    const ranked = rankedSources(balance, modelKey);
    const scaled = threshold.times(MICROGRAMS_PER_GRAM);
    const below = scaled.num / scaled.den;
    const above = below + (scaled.num % scaled.den === 0n ? 0n : 1n);
    let approximate = 0n;
    for (let i = 0; i < ranked.length; i++) {
        const co2e = ranked[i].figures.co2e;
        const error = BigInt(i);
        const reached =
            approximate - error >= above
                ? true
                : approximate + error <= below
                  ? false
                  : ranked
                        .slice(0, i)
                        .reduce((sum, entry) => sum.plus(entry.figures.co2e), Rational.ZERO)
                        .compare(threshold) >= 0;
        if (reached || co2e.isZero()) break;
        large.set(ranked[i].source, co2e);
        approximate += micrograms(co2e);
    }
    return large;
}

const MICROGRAMS_PER_GRAM = Rational.fromInteger(1_000_000);
