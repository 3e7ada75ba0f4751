import { Decimal } from 'decimal.js';

/**
 * The decimal.js configuration for rendering figures (`Rational.toDecimal()`,
 * rounding to a number of places) and for the few computations that are not
 * exact rational arithmetic (the square root of an uncertainty). Figures
 * themselves are exact rationals of native bigints; see `Rational`.
 */
export const Dec = Decimal.clone({
    precision: 2000,
    rounding: Decimal.ROUND_HALF_EVEN,
    toExpNeg: -9e15,
    toExpPos: 9e15,
    minE: -9e15,
    maxE: 9e15
});
export type Dec = InstanceType<typeof Dec>;

/** Digits an exact numerator or denominator may have before a figure is refused as not exactly computable. */
const MAX_DIGITS = 900;
/**
 * Numerator and denominator are reduced by their greatest common divisor only
 * when together they grow past this many digits (and before a figure is
 * shown): the gcd is the costly step, and small unreduced pairs are harmless.
 */
const REDUCE_ABOVE_DIGITS = 60;
/** Significant digits shown for a value that has no finite decimal expansion (44/12 and the like). */
export const NON_TERMINATING_DIGITS = 34;

export class DivisionByZeroError extends Error {
    constructor() {
        super('division by zero');
    }
}

export class InexactFigureError extends Error {
    constructor(readonly reason: string) {
        super(reason);
    }
}

const TOO_MANY_DIGITS = `a figure of more than ${MAX_DIGITS} digits cannot be computed exactly`;

/** 10^k for the k that literals and figures use all the time, computed once. */
const SMALL_POWERS_OF_TEN: bigint[] = [];
/** The exponent k of each cached 10^k, to recognise a power-of-ten denominator in one lookup. */
const EXPONENT_OF_POWER_OF_TEN = new Map<bigint, number>();
for (let k = 0, power = 1n; k <= 64; k++, power *= 10n) {
    SMALL_POWERS_OF_TEN.push(power);
    EXPONENT_OF_POWER_OF_TEN.set(power, k);
}

function tenTo(exponent: number): bigint {
    return exponent < SMALL_POWERS_OF_TEN.length ? SMALL_POWERS_OF_TEN[exponent] : 10n ** BigInt(exponent);
}

/** The smallest integer of more than MAX_DIGITS digits: a bound checked by one comparison. */
const TOO_LARGE = tenTo(MAX_DIGITS);
/** Below this, numerator and denominator have at most REDUCE_ABOVE_DIGITS digits together, without counting. */
const SURELY_SMALL = tenTo(REDUCE_ABOVE_DIGITS / 2);

/** Decimal digits of |value| (1 for 0). */
function digits(value: bigint): number {
    const text = value.toString();
    return value < 0n ? text.length - 1 : text.length;
}

function abs(value: bigint): bigint {
    return value < 0n ? -value : value;
}

function gcd(a: bigint, b: bigint): bigint {
    let x = abs(a);
    let y = abs(b);
    while (y !== 0n) {
        const r = x % y;
        x = y;
        y = r;
    }
    return x;
}

/**
 * The plain decimal string of magnitude × 10^-scale (magnitude ≥ 0), as
 * decimal.js `toFixed()` writes it: no exponent, no trailing zeros after the point.
 */
function plain(magnitude: bigint, scale: number): string {
    let text = magnitude.toString();
    if (scale <= 0) {
        return magnitude === 0n ? '0' : text + '0'.repeat(-scale);
    }
    if (text.length <= scale) {
        text = '0'.repeat(scale - text.length + 1) + text;
    }
    const point = text.length - scale;
    let end = text.length;
    while (end > point && text.charCodeAt(end - 1) === 48 /* 0 */) end--;
    return end === point ? text.slice(0, point) : `${text.slice(0, point)}.${text.slice(point, end)}`;
}

/**
 * An exact rational number: numerator and positive denominator are native
 * bigints. Every + − × ÷ of CNMS figures is exact; a figure becomes a decimal
 * string only when it is shown, and that string is exact whenever the value
 * has a finite decimal expansion.
 */
export class Rational {
    private constructor(
        readonly num: bigint,
        readonly den: bigint
    ) {}

    static readonly ZERO = new Rational(0n, 1n);
    static readonly ONE = new Rational(1n, 1n);

    /** A CNMS number literal: `1200`, `1_200_000`, `0.5703`, `1.2e6`. */
    static parse(text: string): Rational {
        const cleaned = text.replace(/_/g, '');
        const literal = /^([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/.exec(cleaned);
        if (!literal) {
            throw new InexactFigureError(`'${text}' is not a number`);
        }
        const exponent = literal[3] === undefined ? 0 : parseInt(literal[3], 10);
        if (Math.abs(exponent) > MAX_DIGITS) {
            throw new InexactFigureError(`the exponent of ${text} is too large to compute exactly`);
        }
        return Rational.fromDigits(false, literal[1], literal[2] ?? '', exponent);
    }

    static fromDecimal(value: Dec): Rational {
        if (!value.isFinite()) {
            throw new InexactFigureError('not a finite number');
        }
        // Refused before writing out its digits (a Dec may be 1e-9000000): a value of
        // 10^MAX_DIGITS or more, or with MAX_DIGITS more decimal places than significant
        // digits, has more than MAX_DIGITS digits in numerator or denominator even in lowest terms.
        if (!value.isZero() && (value.e >= MAX_DIGITS || value.decimalPlaces() - value.precision() >= MAX_DIGITS)) {
            throw new InexactFigureError(TOO_MANY_DIGITS);
        }
        const literal = /^(-?)([0-9]+)(?:\.([0-9]+))?$/.exec(value.toFixed());
        if (!literal) {
            throw new InexactFigureError(`'${value.toString()}' is not a number`);
        }
        return Rational.fromDigits(literal[1] === '-', literal[2], literal[3] ?? '', 0);
    }

    static fromInteger(value: number | bigint): Rational {
        if (typeof value === 'number' && !Number.isInteger(value)) {
            throw new InexactFigureError(`${value} is not an integer`);
        }
        return Rational.of(BigInt(value), 1n);
    }

    /** ±(whole.fraction) × 10^exponent, straight from its digits. */
    private static fromDigits(negative: boolean, whole: string, fraction: string, exponent: number): Rational {
        // trailing zeros of the fraction add nothing but a larger denominator
        let end = fraction.length;
        while (end > 0 && fraction.charCodeAt(end - 1) === 48 /* 0 */) end--;
        const mantissa = BigInt(whole + fraction.slice(0, end));
        const scale = end - exponent;
        const num = negative ? -mantissa : mantissa;
        return scale <= 0 ? Rational.of(num * tenTo(-scale), 1n) : Rational.of(num, tenTo(scale));
    }

    private static of(num: bigint, den: bigint, reduce = false): Rational {
        if (den === 0n) {
            throw new DivisionByZeroError();
        }
        if (den < 0n) {
            num = -num;
            den = -den;
        }
        if (num === 0n) {
            return Rational.ZERO;
        }
        if (den !== 1n && (reduce || Rational.outgrown(num, den))) {
            const divisor = gcd(num, den);
            if (divisor !== 1n) {
                num /= divisor;
                den /= divisor;
            }
        }
        if (num >= TOO_LARGE || num <= -TOO_LARGE || den >= TOO_LARGE) {
            throw new InexactFigureError(TOO_MANY_DIGITS);
        }
        return new Rational(num, den);
    }

    /** Whether numerator and denominator together have more than REDUCE_ABOVE_DIGITS digits (counted only when they may). */
    private static outgrown(num: bigint, den: bigint): boolean {
        if (num < SURELY_SMALL && num > -SURELY_SMALL && den < SURELY_SMALL) return false;
        return digits(num) + digits(den) > REDUCE_ABOVE_DIGITS;
    }

    /** The same value in lowest terms. */
    private reduced(): Rational {
        return this.den === 1n ? this : Rational.of(this.num, this.den, true);
    }

    plus(other: Rational): Rational {
        if (this.den === other.den) {
            return Rational.of(this.num + other.num, this.den);
        }
        // one denominator a multiple of the other (powers of ten, the common case): scale the other,
        // so that sums of many figures keep a small common denominator
        if (this.den > other.den) {
            const factor = this.den / other.den;
            if (factor * other.den === this.den) return Rational.of(this.num + other.num * factor, this.den);
        } else {
            const factor = other.den / this.den;
            if (factor * this.den === other.den) return Rational.of(this.num * factor + other.num, other.den);
        }
        return Rational.of(this.num * other.den + other.num * this.den, this.den * other.den);
    }

    minus(other: Rational): Rational {
        return this.plus(other.negated());
    }

    times(other: Rational): Rational {
        return Rational.of(this.num * other.num, this.den * other.den);
    }

    dividedBy(other: Rational): Rational {
        if (other.num === 0n) {
            throw new DivisionByZeroError();
        }
        return Rational.of(this.num * other.den, this.den * other.num);
    }

    negated(): Rational {
        return this.num === 0n ? this : new Rational(-this.num, this.den);
    }

    /** Integer powers only; `0^-1` is a division by zero. */
    pow(exponent: number): Rational {
        if (!Number.isInteger(exponent)) {
            throw new InexactFigureError('only integer exponents can be computed exactly');
        }
        if (exponent === 0) {
            return Rational.ONE;
        }
        const magnitude = Math.abs(exponent);
        const base = (exponent > 0 ? this : Rational.ONE.dividedBy(this)).reduced();
        const estimated = Math.max(digits(base.num), digits(base.den)) * magnitude;
        if (estimated > MAX_DIGITS + 2) {
            throw new InexactFigureError(TOO_MANY_DIGITS);
        }
        const power = BigInt(magnitude);
        return Rational.of(base.num ** power, base.den ** power);
    }

    isZero(): boolean {
        return this.num === 0n;
    }

    isNegative(): boolean {
        return this.num < 0n;
    }

    isInteger(): boolean {
        return this.den === 1n || this.num % this.den === 0n;
    }

    compare(other: Rational): number {
        const left = this.den === other.den ? this.num : this.num * other.den;
        const right = this.den === other.den ? other.num : other.num * this.den;
        return left < right ? -1 : left > right ? 1 : 0;
    }

    equals(other: Rational): boolean {
        return this.compare(other) === 0;
    }

    /** Whether the value has a finite decimal expansion (its denominator has no prime factor but 2 and 5). */
    isTerminating(): boolean {
        return this.expansion() !== undefined;
    }

    /**
     * |value| as digits × 10^-scale when it has a finite decimal expansion. In lowest terms
     * the denominator would be 2^a·5^b; here den = 2^a·5^b·m with m prime to 10, and the value
     * terminates exactly when m divides the numerator; then 10^max(a,b) / den is an integer.
     */
    private expansion(): { digits: bigint; scale: number } | undefined {
        const magnitude = abs(this.num);
        const power = EXPONENT_OF_POWER_OF_TEN.get(this.den);
        if (power !== undefined) return { digits: magnitude, scale: power };
        let rest = this.den;
        let twos = 0;
        let fives = 0;
        while ((rest & 1n) === 0n) {
            rest >>= 1n;
            twos++;
        }
        while (rest % 5n === 0n) {
            rest /= 5n;
            fives++;
        }
        if (rest !== 1n && magnitude % rest !== 0n) return undefined;
        const scale = Math.max(twos, fives);
        return { digits: (magnitude * tenTo(scale)) / this.den, scale };
    }

    /** The value as a decimal.js Decimal: exact when terminating, else to {@link NON_TERMINATING_DIGITS} significant digits. */
    toDecimal(): Dec {
        return new Dec(this.toString());
    }

    /**
     * The unrounded decimal string of JSON output: plain notation, no exponent, no
     * trailing zeros; exact when terminating, else to {@link NON_TERMINATING_DIGITS}
     * significant digits, rounded half-even.
     */
    toString(): string {
        if (this.num === 0n) return '0';
        const sign = this.num < 0n ? '-' : '';
        const exact = this.expansion();
        if (exact) return sign + plain(exact.digits, exact.scale);
        // NON_TERMINATING_DIGITS + 1 digits by long division, the last one a guard digit.
        // A value with no finite expansion is never exactly halfway between two such
        // decimals, so rounding half up on the guard digit is the correctly rounded
        // (half-even) result.
        const magnitude = abs(this.num);
        const wanted = NON_TERMINATING_DIGITS + 1;
        // magnitude / den lies in [10^(e-1), 10^(e+1)) for e = digits(magnitude) − digits(den),
        // so scaled by 10^scale it has `wanted` or `wanted` + 1 digits before the point
        let scale = wanted - (digits(magnitude) - digits(this.den));
        let truncated = scale >= 0 ? (magnitude * tenTo(scale)) / this.den : magnitude / (this.den * tenTo(-scale));
        if (truncated >= tenTo(wanted)) {
            truncated /= 10n;
            scale--;
        }
        const rounded = truncated / 10n + (truncated % 10n >= 5n ? 1n : 0n);
        return sign + plain(rounded, scale - 1);
    }

    /** JavaScript number of a small integer (an exponent, a year), never of a figure. */
    toSafeInteger(): number | undefined {
        if (!this.isInteger()) return undefined;
        const value = this.num / this.den;
        return value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(value);
    }
}
