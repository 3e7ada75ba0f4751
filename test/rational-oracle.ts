// THE PREVIOUS IMPLEMENTATION of `Rational` (packages/language/src/semantics/rational.ts
// before numerator and denominator became native bigints), with decimal.js integers at
// 2,000 digits of precision. Kept ONLY as a test oracle for test/rational-differential.test.ts:
// the new implementation must agree with it on every value it computed exactly.
// Not used by any package; do not import it from production code.
import { Dec as ProductionDec, DivisionByZeroError, InexactFigureError } from '@cnms/language';

/** The decimal.js configuration the previous implementation used for every figure. */
const Dec = ProductionDec.clone({
    precision: 2000,
    rounding: ProductionDec.ROUND_HALF_EVEN,
    toExpNeg: -9e15,
    toExpPos: 9e15,
    minE: -9e15,
    maxE: 9e15
});
type Dec = InstanceType<typeof Dec>;

/** Enough digits, truncated, to round a non-terminating value to NON_TERMINATING_DIGITS correctly. */
const Truncating = ProductionDec.clone({ precision: 60, rounding: ProductionDec.ROUND_DOWN, toExpNeg: -9e15, toExpPos: 9e15, minE: -9e15, maxE: 9e15 });

/** Digits an exact numerator or denominator may have before a figure is refused as not exactly computable. */
const MAX_DIGITS = 900;
/**
 * Numerator and denominator are reduced by their greatest common divisor only
 * when together they grow past this many digits (and before a figure is
 * shown): the gcd is the costly step, and small unreduced pairs are harmless.
 */
const REDUCE_ABOVE_DIGITS = 60;
/** Significant digits shown for a value that has no finite decimal expansion (44/12 and the like). */
const NON_TERMINATING_DIGITS = 34;

const ZERO = new Dec(0);
const ONE = new Dec(1);
const TEN = new Dec(10);

function gcd(a: Dec, b: Dec): Dec {
    let x = a.abs();
    let y = b.abs();
    while (!y.isZero()) {
        const r = x.mod(y);
        x = y;
        y = r;
    }
    return x;
}

function digits(value: Dec): number {
    return value.isZero() ? 1 : value.abs().precision(true);
}

/**
 * An exact rational number: numerator and positive denominator are integer
 * decimals (decimal.js). Every + − × ÷ of CNMS figures is exact; a figure
 * becomes a decimal string only when it is shown, and that string is exact
 * whenever the value has a finite decimal expansion.
 */
export class OracleRational {
    private constructor(
        readonly num: Dec,
        readonly den: Dec
    ) {}

    static readonly ZERO = new OracleRational(ZERO, ONE);
    static readonly ONE = new OracleRational(ONE, ONE);

    /** A CNMS number literal: `1200`, `1_200_000`, `0.5703`, `1.2e6`. */
    static parse(text: string): OracleRational {
        const cleaned = text.replace(/_/g, '');
        if (!/^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(cleaned)) {
            throw new InexactFigureError(`'${text}' is not a number`);
        }
        const exponent = /[eE]([+-]?[0-9]+)$/.exec(cleaned);
        if (exponent && Math.abs(parseInt(exponent[1], 10)) > MAX_DIGITS) {
            throw new InexactFigureError(`the exponent of ${text} is too large to compute exactly`);
        }
        return OracleRational.fromDecimal(new Dec(cleaned));
    }

    static fromDecimal(value: Dec): OracleRational {
        if (!value.isFinite()) {
            throw new InexactFigureError('not a finite number');
        }
        const places = value.decimalPlaces();
        const den = TEN.pow(places);
        return OracleRational.of(value.times(den), den);
    }

    static fromInteger(value: number | bigint): OracleRational {
        return new OracleRational(new Dec(value.toString()), ONE);
    }

    private static of(num: Dec, den: Dec, reduce = false): OracleRational {
        if (den.isZero()) {
            throw new DivisionByZeroError();
        }
        if (den.isNegative()) {
            num = num.negated();
            den = den.negated();
        }
        if (num.isZero()) {
            return OracleRational.ZERO;
        }
        if (!den.eq(ONE) && (reduce || digits(num) + digits(den) > REDUCE_ABOVE_DIGITS)) {
            const divisor = gcd(num, den);
            if (!divisor.eq(ONE)) {
                num = num.div(divisor);
                den = den.div(divisor);
            }
        }
        if (digits(num) > MAX_DIGITS || digits(den) > MAX_DIGITS) {
            throw new InexactFigureError(`a figure of more than ${MAX_DIGITS} digits cannot be computed exactly`);
        }
        return new OracleRational(num, den);
    }

    /** The same value in lowest terms. */
    private reduced(): OracleRational {
        return this.den.eq(ONE) ? this : OracleRational.of(this.num, this.den, true);
    }

    plus(other: OracleRational): OracleRational {
        if (this.den.eq(other.den)) {
            return OracleRational.of(this.num.plus(other.num), this.den);
        }
        // one denominator a multiple of the other (powers of ten, the common case): scale the other,
        // so that sums of many figures keep a small common denominator
        if (this.den.gt(other.den) && this.den.mod(other.den).isZero()) {
            return OracleRational.of(this.num.plus(other.num.times(this.den.div(other.den))), this.den);
        }
        if (other.den.gt(this.den) && other.den.mod(this.den).isZero()) {
            return OracleRational.of(this.num.times(other.den.div(this.den)).plus(other.num), other.den);
        }
        return OracleRational.of(this.num.times(other.den).plus(other.num.times(this.den)), this.den.times(other.den));
    }

    minus(other: OracleRational): OracleRational {
        return this.plus(other.negated());
    }

    times(other: OracleRational): OracleRational {
        return OracleRational.of(this.num.times(other.num), this.den.times(other.den));
    }

    dividedBy(other: OracleRational): OracleRational {
        if (other.num.isZero()) {
            throw new DivisionByZeroError();
        }
        return OracleRational.of(this.num.times(other.den), this.den.times(other.num));
    }

    negated(): OracleRational {
        return new OracleRational(this.num.negated(), this.den);
    }

    /** Integer powers only; `0^-1` is a division by zero. */
    pow(exponent: number): OracleRational {
        if (!Number.isInteger(exponent)) {
            throw new InexactFigureError('only integer exponents can be computed exactly');
        }
        if (exponent === 0) {
            return OracleRational.ONE;
        }
        const magnitude = Math.abs(exponent);
        const base = (exponent > 0 ? this : OracleRational.ONE.dividedBy(this)).reduced();
        const estimated = Math.max(digits(base.num), digits(base.den)) * magnitude;
        if (estimated > MAX_DIGITS + 2) {
            throw new InexactFigureError(`a figure of more than ${MAX_DIGITS} digits cannot be computed exactly`);
        }
        return OracleRational.of(base.num.pow(magnitude), base.den.pow(magnitude));
    }

    isZero(): boolean {
        return this.num.isZero();
    }

    isNegative(): boolean {
        return this.num.isNegative() && !this.num.isZero();
    }

    isInteger(): boolean {
        return this.num.mod(this.den).isZero();
    }

    compare(other: OracleRational): number {
        return this.num.times(other.den).comparedTo(other.num.times(this.den));
    }

    equals(other: OracleRational): boolean {
        return this.compare(other) === 0;
    }

    /** Whether the value has a finite decimal expansion (its denominator has no prime factor but 2 and 5). */
    isTerminating(): boolean {
        // den (in lowest terms) has no prime factor but 2 and 5 exactly when it divides 10^m
        // for m ≥ log2(den); 4 × its digit count is such an m. One division instead of a loop.
        const den = this.reduced().den;
        if (den.eq(ONE)) return true;
        return TEN.pow(4 * digits(den))
            .mod(den)
            .isZero();
    }

    /** The value as a decimal.js Decimal: exact when terminating, else to {@link NON_TERMINATING_DIGITS} significant digits. */
    toDecimal(): Dec {
        if (this.isTerminating()) return this.num.div(this.den);
        // A value with no finite expansion is never exactly halfway between two 34-digit
        // decimals, so truncating to 60 digits and rounding half up is the correctly
        // rounded (half-even) result, without computing the 2000 digits of the precision.
        const truncated = new Truncating(this.num).div(new Truncating(this.den));
        return new Dec(truncated.toSignificantDigits(NON_TERMINATING_DIGITS, Dec.ROUND_HALF_UP).toFixed());
    }

    /** The unrounded decimal string of JSON output: plain notation, no exponent. */
    toString(): string {
        return this.toDecimal().toFixed();
    }

    /** JavaScript number of a small integer (an exponent, a year), never of a figure. */
    toSafeInteger(): number | undefined {
        if (!this.isInteger()) return undefined;
        const value = this.num.div(this.den);
        return value.abs().gt(Number.MAX_SAFE_INTEGER) ? undefined : value.toNumber();
    }
}
