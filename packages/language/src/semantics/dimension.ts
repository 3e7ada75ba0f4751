/** How many dimensions are kept for reuse at most. */
const MAX_INTERNED = 10_000;

/**
 * A physical dimension: a product of base dimensions with integer exponents.
 * Base dimensions are the library's `dimension` declarations (mass, energy,
 * volume …) and, for every gas G, the mass of that gas (`mass:G`), which is
 * its own dimension: tCH4 never adds to tCO2.
 */
export class Dimension {
    /**
     * The dimensions made so far, by key: a dimension is immutable, and every
     * quantity has one (a pasted file of 60,000 lets made 180,000 copies of
     * a handful). Emptied past MAX_INTERNED, so that odd exponents typed one
     * by one do not pile up.
     */
    private static readonly interned = new Map<string, Dimension>();

    /** Canonical text, e.g. `energy^-1*mass:CO2`; equal dimensions have equal keys. */
    readonly key: string;

    private constructor(
        private readonly exponents: ReadonlyMap<string, number>,
        key: string
    ) {
        this.key = key;
    }

    /** The dimension of these exponents (none zero), the same object for the same exponents. */
    private static of(exponents: ReadonlyMap<string, number>): Dimension {
        const key = [...exponents.entries()]
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([base, exp]) => (exp === 1 ? base : `${base}^${exp}`))
            .join('*');
        let dimension = Dimension.interned.get(key);
        if (!dimension) {
            if (Dimension.interned.size >= MAX_INTERNED) Dimension.interned.clear();
            Dimension.interned.set(key, (dimension = new Dimension(exponents, key)));
        }
        return dimension;
    }

    static readonly NONE = Dimension.of(new Map());

    static base(name: string): Dimension {
        return Dimension.of(new Map([[name, 1]]));
    }

    static massOf(gas: string): Dimension {
        return Dimension.base(`${MASS_OF}${gas}`);
    }

    times(other: Dimension): Dimension {
        return this.combine(other, 1);
    }

    dividedBy(other: Dimension): Dimension {
        return this.combine(other, -1);
    }

    pow(exponent: number): Dimension {
        if (exponent === 0) return Dimension.NONE;
        return Dimension.of(new Map([...this.exponents].map(([base, exp]) => [base, exp * exponent])));
    }

    private combine(other: Dimension, sign: 1 | -1): Dimension {
        const result = new Map(this.exponents);
        for (const [base, exp] of other.exponents) {
            const next = (result.get(base) ?? 0) + sign * exp;
            if (next === 0) result.delete(base);
            else result.set(base, next);
        }
        return Dimension.of(result);
    }

    equals(other: Dimension): boolean {
        return this.key === other.key;
    }

    isDimensionless(): boolean {
        return this.exponents.size === 0;
    }

    /** The gas G when this is exactly a mass of G, else undefined. */
    gasOfMass(): string | undefined {
        if (this.exponents.size !== 1) return undefined;
        const [[base, exp]] = this.exponents;
        return exp === 1 && base.startsWith(MASS_OF) ? base.slice(MASS_OF.length) : undefined;
    }

    /** The gas G when this is a mass of G per something (a factor's dimension), else undefined. */
    gasPer(): { gas: string; per: Dimension } | undefined {
        const gases = [...this.exponents].filter(([base, exp]) => base.startsWith(MASS_OF) && exp === 1);
        if (gases.length !== 1) return undefined;
        const gas = gases[0][0].slice(MASS_OF.length);
        return { gas, per: Dimension.massOf(gas).dividedBy(this) };
    }

    /** Base dimensions and exponents, for display. */
    entries(): Array<[string, number]> {
        return [...this.exponents.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    }
}

export const MASS_OF = 'mass:';
