/**
 * A physical dimension: a product of base dimensions with integer exponents.
 * Base dimensions are the library's `dimension` declarations (mass, energy,
 * volume …) and, for every gas G, the mass of that gas (`mass:G`), which is
 * its own dimension: tCH4 never adds to tCO2.
 */
export class Dimension {
    /** Canonical text, e.g. `energy^-1*mass:CO2`; equal dimensions have equal keys. */
    readonly key: string;

    private constructor(private readonly exponents: ReadonlyMap<string, number>) {
        this.key = [...exponents.entries()]
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([base, exp]) => (exp === 1 ? base : `${base}^${exp}`))
            .join('*');
    }

    static readonly NONE = new Dimension(new Map());

    static base(name: string): Dimension {
        return new Dimension(new Map([[name, 1]]));
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
        return new Dimension(new Map([...this.exponents].map(([base, exp]) => [base, exp * exponent])));
    }

    private combine(other: Dimension, sign: 1 | -1): Dimension {
        const result = new Map(this.exponents);
        for (const [base, exp] of other.exponents) {
            const next = (result.get(base) ?? 0) + sign * exp;
            if (next === 0) result.delete(base);
            else result.set(base, next);
        }
        return new Dimension(result);
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
