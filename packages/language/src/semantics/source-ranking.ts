import type { Source } from '../generated/ast.js';
import type { ModelBalance } from './balance.js';
import type { Rational } from './rational.js';
import type { SourceFigures } from './source-figures.js';

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
export function rankedSources(balance: ModelBalance, modelKey: object): ReadonlyArray<{ readonly source: Source; readonly figures: SourceFigures }> {
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

const cutToMicrograms = new WeakMap<Rational, bigint>();

/** A mass in grams as whole micrograms, cut towards zero (kept per figure: it orders the ranking). */
export function micrograms(grams: Rational): bigint {
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
