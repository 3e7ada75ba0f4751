import { Dimension } from './dimension.js';
import { Rational } from './rational.js';

/**
 * A figure: an exact value in the base units of its dimension (grams, joules,
 * cubic metres, hours …) and the dimension itself.
 */
export class Quantity {
    constructor(
        readonly value: Rational,
        readonly dimension: Dimension
    ) {}

    static dimensionless(value: Rational): Quantity {
        return new Quantity(value, Dimension.NONE);
    }

    times(other: Quantity): Quantity {
        return new Quantity(this.value.times(other.value), this.dimension.times(other.dimension));
    }

    dividedBy(other: Quantity): Quantity {
        return new Quantity(this.value.dividedBy(other.value), this.dimension.dividedBy(other.dimension));
    }

    pow(exponent: number): Quantity {
        return new Quantity(this.value.pow(exponent), this.dimension.pow(exponent));
    }

    negated(): Quantity {
        return new Quantity(this.value.negated(), this.dimension);
    }

    /** Sum or difference; the caller has checked that the dimensions are equal. */
    plus(other: Quantity): Quantity {
        return new Quantity(this.value.plus(other.value), this.dimension);
    }

    minus(other: Quantity): Quantity {
        return new Quantity(this.value.minus(other.value), this.dimension);
    }
}

/** Grams in a tonne: masses are held in grams and reported in tonnes. */
export const GRAMS_PER_TONNE = Rational.fromInteger(1_000_000);

/** The value of a mass (of any gas) in tonnes. */
export function tonnes(mass: Quantity | Rational): Rational {
    const grams = mass instanceof Quantity ? mass.value : mass;
    return grams.dividedBy(GRAMS_PER_TONNE);
}
