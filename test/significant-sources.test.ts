// Clause 8.1's significant sources (CN-8.1-001): the largest sources that make
// up 80 % of emissions. The ranking is updated from the previous one and the
// running sum kept in whole micrograms with an exact fallback; both must give
// exactly what sorting every source and adding exact fractions gives.
import { describe, expect, test } from 'vitest';
import type { ModelBalance, Source, SourceFigures } from '@cnms/language';
import { Rational } from '@cnms/language';
import { largestSourcesUpTo } from '../packages/language/src/rules/significant-sources.js';
import { seededRandom } from './helpers/seeded-random.js';

const EIGHTY_PERCENT = Rational.parse('0.8');
const MILLION = Rational.fromInteger(1_000_000);

/** A balance of the given co2e figures (grams), as much of one as the ranking reads. */
function balanceOf(figures: ReadonlyArray<{ source: Source; co2e: Rational }>): ModelBalance {
    const grams = figures.reduce((sum, entry) => sum.plus(entry.co2e), Rational.ZERO);
    return {
        emissions: grams.dividedBy(MILLION),
        sources: figures.map(entry => ({ source: entry.source, figures: { co2e: entry.co2e } as SourceFigures }))
    } as unknown as ModelBalance;
}

/** By hand: sort every source (larger first, then model order), add exact fractions until 80 % is reached. */
function naive(figures: ReadonlyArray<{ source: Source; co2e: Rational }>): Source[] {
    const total = figures.reduce((sum, entry) => sum.plus(entry.co2e), Rational.ZERO);
    if (total.isZero() || total.isNegative()) return [];
    const threshold = total.times(EIGHTY_PERCENT);
    const sorted = figures.map((entry, order) => ({ ...entry, order })).sort((a, b) => b.co2e.compare(a.co2e) || a.order - b.order);
    const large: Source[] = [];
    let sum = Rational.ZERO;
    for (const entry of sorted) {
        if (sum.compare(threshold) >= 0 || entry.co2e.isZero()) break;
        large.push(entry.source);
        sum = sum.plus(entry.co2e);
    }
    return large;
}

function randomFigure(next: () => number): Rational {
    // whole tonnes, fractions with odd denominators, ties and zeros
    switch (Math.floor(next() * 5)) {
        case 0:
            return Rational.fromInteger(Math.floor(next() * 5) * 1_000_000);
        case 1:
            return Rational.fromInteger(Math.floor(next() * 1e9)).dividedBy(Rational.fromInteger(1 + Math.floor(next() * 997)));
        case 2:
            return Rational.ZERO;
        case 3:
            return Rational.parse(`${Math.floor(next() * 1e6)}.${Math.floor(next() * 1e6)}`);
        default:
            return Rational.fromInteger(Math.floor(next() * 3)).dividedBy(Rational.fromInteger(3));
    }
}

describe('the significant sources of clause 8.1', () => {
    test('equal sorting and exact sums, edit after edit of an updated ranking', () => {
        const next = seededRandom(81);
        const key = {};
        let figures = Array.from({ length: 300 }, (_, i) => ({ source: { name: `s${i}` } as Source, co2e: randomFigure(next) }));
        let checked = 0;
        for (let edit = 0; edit < 60; edit++) {
            const large = largestSourcesUpTo(balanceOf(figures), key, EIGHTY_PERCENT);
            expect([...large.keys()], `edit ${edit}`).toEqual(naive(figures));
            checked += large.size;
            // change, add or drop a few sources, as edits of a file do
            figures = figures.flatMap(entry => {
                const roll = next();
                if (roll < 0.03) return [];
                if (roll < 0.1) return [{ source: { name: `${entry.source.name}'` } as Source, co2e: randomFigure(next) }];
                if (roll < 0.12) return [entry, { source: { name: `new${edit}` } as Source, co2e: randomFigure(next) }];
                return [entry];
            });
        }
        expect(checked).toBeGreaterThan(1000);
    });

    test('a threshold met exactly, within a few micrograms: the exact sum decides', () => {
        // five sources of 1/3 g: 80 % of 5/3 g is 4/3 g, which four of them reach exactly (by hand);
        // cut to micrograms the four make 1,333,332 µg against 1,333,333.3… µg: too close to tell
        const third = Rational.ONE.dividedBy(Rational.fromInteger(3));
        const figures = [0, 1, 2, 3, 4].map(i => ({ source: { name: `s${i}` } as Source, co2e: third }));
        expect([...largestSourcesUpTo(balanceOf(figures), {}, EIGHTY_PERCENT).keys()].map(s => s.name)).toEqual(['s0', 's1', 's2', 's3']);
        expect(naive(figures).map(s => s.name)).toEqual(['s0', 's1', 's2', 's3']);
    });
});
