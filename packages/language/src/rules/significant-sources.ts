import type { Source } from '../generated/ast.js';
import type { ModelBalance } from '../semantics/balance.js';
import { GRAMS_PER_TONNE } from '../semantics/quantity.js';
import { Rational } from '../semantics/rational.js';
import type { SourceFigures } from '../semantics/source-figures.js';

/** A computed source in the ranking: its counted emissions in grams of CO2e and its place in the model. */
interface Ranked {
    readonly source: Source;
    readonly figures: SourceFigures;
    /** Its position among the model's sources (the tie-break between equal emissions). */
    order: number;
}

/** The last ranking of a model, to update from. */
interface Ranking {
    readonly balance: ModelBalance;
    readonly ranked: Ranked[];
}

/** The last ranking of each model, by the model's key object (references/cnms-models.ts `keyObject`). */
const rankings = new WeakMap<object, Ranking>();

/**
 * The computed sources of a balance ranked by counted emissions, largest
 * first, equal emissions in model order: exactly what sorting them all gives.
 *
 * An edit changes the figures of few sources (those of the edited file, whose
 * nodes are new), so the ranking is updated from the model's previous one:
 * the sources whose figures are the same objects keep their relative order,
 * the others are sorted among themselves and merged in.
 */
function rankedSources(balance: ModelBalance, modelKey: object): ReadonlyArray<{ readonly source: Source; readonly figures: SourceFigures }> {
    const previous = rankings.get(modelKey);
    if (previous?.balance === balance) return previous.ranked;
    const current = new Map<Source, { figures: SourceFigures; order: number }>();
    balance.sources.forEach((entry, order) => {
        if (entry.figures) current.set(entry.source, { figures: entry.figures, order });
    });
    const kept: Ranked[] = [];
    for (const entry of previous?.ranked ?? []) {
        const now = current.get(entry.source);
        if (now?.figures !== entry.figures) continue;
        entry.order = now.order;
        kept.push(entry);
        current.delete(entry.source);
    }
    const fresh: Ranked[] = [...current].map(([source, { figures, order }]) => ({ source, figures, order })).sort(byEmissions);
    const ranked = merge(kept, fresh);
    rankings.set(modelKey, { balance, ranked });
    return ranked;
}

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
        const reached = approximate - error >= above ? true
            : approximate + error <= below ? false
                : ranked.slice(0, i).reduce((sum, entry) => sum.plus(entry.figures.co2e), Rational.ZERO).compare(threshold) >= 0;
        if (reached || co2e.isZero()) break;
        large.set(ranked[i].source, co2e);
        approximate += micrograms(co2e);
    }
    return large;
}

const MICROGRAMS_PER_GRAM = Rational.fromInteger(1_000_000);
const cutToMicrograms = new WeakMap<Rational, bigint>();

/** A mass in grams as whole micrograms, cut towards zero (kept per figure: it orders the ranking). */
function micrograms(grams: Rational): bigint {
    let value = cutToMicrograms.get(grams);
    if (value === undefined) {
        value = (grams.num * 1_000_000n) / grams.den;
        cutToMicrograms.set(grams, value);
    }
    return value;
}

/** Larger emissions first, then model order. Whole micrograms order two figures unless they are equal; then the exact figures do. */
function byEmissions(a: Ranked, b: Ranked): number {
    const x = micrograms(a.figures.co2e);
    const y = micrograms(b.figures.co2e);
    if (x !== y) return x < y ? 1 : -1;
    return b.figures.co2e.compare(a.figures.co2e) || a.order - b.order;
}

function merge(a: Ranked[], b: Ranked[]): Ranked[] {
    if (b.length === 0) return a;
    if (a.length === 0) return b;
    const merged: Ranked[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) merged.push(byEmissions(a[i], b[j]) <= 0 ? a[i++] : b[j++]);
    while (i < a.length) merged.push(a[i++]);
    while (j < b.length) merged.push(b[j++]);
    return merged;
}
