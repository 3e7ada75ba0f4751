// Differential test of `Rational` (native bigint numerator and denominator)
// against the previous decimal.js implementation, kept as an oracle in
// test/rational-oracle.ts: for many random and edge-case values both must
// print the same strings, order values the same way, agree on which are
// terminating and on small integers, and refuse the same figures with the
// same errors.
//
// The oracle computed with 2,000 significant digits; the values below stay
// where that was exact (denominators of at most a few hundred digits), so
// any disagreement is a fault of the new implementation.
import { describe, expect, test } from 'vitest';
import { Dec, Rational } from '@cnms/language';
import { OracleRational } from './rational-oracle.js';
import { seededRandom } from './helpers/seeded-random.js';

type Pair = { label: string; value: Rational; oracle: OracleRational };

/** The outcome of a computation as something `toEqual` can compare: the value's observable facts, or the error. */
function outcome<T>(compute: () => T, describeValue: (value: T) => unknown): unknown {
    try {
        return describeValue(compute());
    } catch (error) {
        return { error: (error as Error).constructor.name, message: (error as Error).message };
    }
}

function facts(value: Rational | OracleRational) {
    return {
        string: value.toString(),
        decimal: value.toDecimal().toFixed(),
        terminating: value.isTerminating(),
        integer: value.isInteger(),
        zero: value.isZero(),
        negative: value.isNegative(),
        // the previous implementation gave -0 for a negated zero (decimal.js has a signed zero, bigint has none)
        safeInteger: value.toSafeInteger() === 0 ? 0 : value.toSafeInteger()
    };
}

/** Both implementations side by side; `undefined` when either refuses (the refusals are compared separately). */
function both(label: string, make: () => Rational, makeOracle: () => OracleRational): Pair | undefined {
    const mine = outcome(make, facts);
    const theirs = outcome(makeOracle, facts);
    expect(mine, label).toEqual(theirs);
    try {
        return { label, value: make(), oracle: makeOracle() };
    } catch {
        return undefined;
    }
}

function digitString(next: () => number, length: number): string {
    let text = '';
    for (let i = 0; i < length; i++) text += String(Math.floor(next() * 10));
    return text;
}

function randomLiteral(next: () => number): string {
    const pick = next();
    if (pick < 0.1) return String(Math.floor(next() * 20));
    let whole = next() < 0.3 ? '0' : digitString(next, 1 + Math.floor(next() * 25));
    if (next() < 0.2 && whole.length > 3) whole = `${whole.slice(0, -3)}_${whole.slice(-3)}`;
    const fraction = next() < 0.6 ? `.${digitString(next, 1 + Math.floor(next() * 20))}` : '';
    const exponent = next() < 0.2 ? `${next() < 0.5 ? 'e' : 'E'}${next() < 0.5 ? '-' : next() < 0.5 ? '+' : ''}${Math.floor(next() * 30)}` : '';
    return whole + fraction + exponent;
}

const EDGE_LITERALS = [
    '0',
    '0.0',
    '000',
    '1',
    '2',
    '3',
    '7',
    '12',
    '44',
    '100',
    '0.5',
    '0.50',
    '00012',
    '1_000',
    '1_200',
    '1__2',
    '0.5703',
    '1.2e6',
    '1.2E-3',
    '1.2e+3',
    '0.000123',
    '123.456e-2',
    '86000',
    '49045.8',
    '389.31',
    '27.9',
    '273',
    '1e899',
    '1e900',
    '1e901',
    '1e-899',
    '5e-900',
    '1e-900',
    '25e-901',
    '9'.repeat(900),
    '9'.repeat(901),
    `1${'0'.repeat(899)}`,
    `0.${'0'.repeat(898)}1`,
    `0.${'0'.repeat(899)}1`,
    '1e-30',
    '3.14159265358979323846264338327950288',
    'abc',
    '1.',
    '.5',
    '-1',
    '1e',
    '1e1.5',
    '1,000',
    ''
];

const EDGE_DECIMALS = ['-1.5', '1e-899', '5e-900', '1e-900', '1e-9000000', '1e9000000', '123.456e-2', '-0', '0', 'NaN', 'Infinity', '-Infinity', '-0.000123', '1e899', '1e900', '-12345678901234567890.0987654321'];

describe('Rational agrees with its previous decimal.js implementation', () => {
    test('parsing literals, edge cases and random', () => {
        const next = seededRandom(1);
        const literals = [...EDGE_LITERALS, ...Array.from({ length: 2000 }, () => randomLiteral(next))];
        for (const literal of literals) {
            both(
                `parse ${literal}`,
                () => Rational.parse(literal),
                () => OracleRational.parse(literal)
            );
        }
    });

    test('fromDecimal and fromInteger', () => {
        for (const text of EDGE_DECIMALS) {
            both(
                `fromDecimal ${text}`,
                () => Rational.fromDecimal(new Dec(text)),
                () => OracleRational.fromDecimal(new Dec(text))
            );
        }
        for (const integer of [0, 1, -1, 100, 8760, 3_600_000_000, -42, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e21, 10n ** 40n, -(10n ** 20n)]) {
            both(
                `fromInteger ${integer}`,
                () => Rational.fromInteger(integer),
                () => OracleRational.fromInteger(integer)
            );
        }
        // Deliberate difference: an integer number beyond 2^53 is now taken at its exact value,
        // where the previous implementation took the shortest decimal JavaScript prints for it
        // (2^60 became 1152921504606847000). No caller passes one; a number that is not an
        // integer is refused instead of becoming a numerator over 1.
        expect(Rational.fromInteger(2 ** 60).toString()).toBe('1152921504606846976');
        expect(OracleRational.fromInteger(2 ** 60).toString()).toBe('1152921504606847000');
        expect(() => Rational.fromInteger(1.5)).toThrow('1.5 is not an integer');
    });

    test('the examples of the brief print as before', () => {
        const cases: Array<[string, string]> = [
            ['1', '3'],
            ['2', '3'],
            ['44', '12'],
            ['100', '3'],
            ['0.000123', '1'],
            ['1e40', '3'],
            ['1', '7e40'],
            ['22', '7'],
            ['1', '998001'],
            ['5', '8']
        ];
        for (const [a, b] of cases) {
            const pair = both(
                `${a}/${b}`,
                () => Rational.parse(a).dividedBy(Rational.parse(b)),
                () => OracleRational.parse(a).dividedBy(OracleRational.parse(b))
            );
            expect(pair).toBeDefined();
            both(
                `-${a}/${b}`,
                () => Rational.parse(a).dividedBy(Rational.parse(b)).negated(),
                () => OracleRational.parse(a).dividedBy(OracleRational.parse(b)).negated()
            );
        }
    });

    test('rounding to 34 significant digits where truncation looks like a tie', () => {
        // 1 ± 5/10^34 ± 1/(k × 10^n): the guard digit is 5 or 4 and the rest decides
        for (const [head, sign, k, n] of [
            ['5', 1, 3, 40],
            ['4', 1, 3, 40],
            ['5', -1, 3, 40],
            ['5', 1, 3, 80],
            ['5', -1, 7, 34],
            ['5', 1, 3, 34],
            ['15', -1, 3, 120]
        ] as const) {
            both(
                `1 + ${head}/10^34 ${sign > 0 ? '+' : '-'} 1/(${k}×10^${n})`,
                () => {
                    const tail = Rational.ONE.dividedBy(Rational.fromInteger(k).times(Rational.parse('10').pow(n)));
                    return Rational.ONE.plus(Rational.parse(head).dividedBy(Rational.parse('10').pow(34))).plus(sign > 0 ? tail : tail.negated());
                },
                () => {
                    const tail = OracleRational.ONE.dividedBy(OracleRational.fromInteger(k).times(OracleRational.parse('10').pow(n)));
                    return OracleRational.ONE.plus(OracleRational.parse(head).dividedBy(OracleRational.parse('10').pow(34))).plus(sign > 0 ? tail : tail.negated());
                }
            );
        }
        // 0.999… that rounds up to 1, and 9.99…×10^k that carries into a new digit
        for (const [num, den] of [
            ['2', '3'],
            ['1', '1.0000000000000000000000000000000000001'],
            ['1e50', '1.0000000000000000000000000000000000001'],
            ['1e-50', '0.9999999999999999999999999999999999999']
        ]) {
            both(
                `${num}/${den}`,
                () => Rational.parse(num).dividedBy(Rational.parse(den)),
                () => OracleRational.parse(num).dividedBy(OracleRational.parse(den))
            );
        }
    });

    test('powers, up to the digit guard', () => {
        for (const base of ['2', '10', '0.5', '3', '0', '1.5', '99', '123456789', '0.001']) {
            for (const exponent of [0, 1, 2, -1, -2, 7, -7, 100, -100, 300, 451, 452, 899, 900, 901, -451, 1.5]) {
                both(
                    `${base}^${exponent}`,
                    () => Rational.parse(base).pow(exponent),
                    () => OracleRational.parse(base).pow(exponent)
                );
                both(
                    `(${base}/7)^${exponent}`,
                    () => Rational.parse(base).dividedBy(Rational.parse('7')).pow(exponent),
                    () => OracleRational.parse(base).dividedBy(OracleRational.parse('7')).pow(exponent)
                );
            }
        }
    });

    test('random chains of + − × ÷ compare, print and refuse alike', () => {
        const next = seededRandom(20240601);
        const pool: Pair[] = [];
        const add = (pair: Pair | undefined) => {
            if (pair) pool.push(pair);
        };
        for (const literal of ['1', '3', '7', '12', '0.1', '0.5703', '1e-6', '86000', '27.9']) {
            add(
                both(
                    literal,
                    () => Rational.parse(literal),
                    () => OracleRational.parse(literal)
                )
            );
        }
        for (let i = 0; i < 300; i++) {
            const literal = randomLiteral(next);
            add(
                both(
                    literal,
                    () => Rational.parse(literal),
                    () => OracleRational.parse(literal)
                )
            );
        }
        const operations = ['plus', 'minus', 'times', 'dividedBy'] as const;
        for (let i = 0; i < 4000; i++) {
            const a = pool[Math.floor(next() * pool.length)];
            const b = pool[Math.floor(next() * pool.length)];
            expect(a.value.compare(b.value), `compare ${a.label} ${b.label}`).toBe(a.oracle.compare(b.oracle));
            expect(a.value.equals(b.value), `equals ${a.label} ${b.label}`).toBe(a.oracle.equals(b.oracle));
            const choice = next();
            let made: Pair | undefined;
            if (choice < 0.05) {
                made = both(
                    `-(${a.label})`,
                    () => a.value.negated(),
                    () => a.oracle.negated()
                );
            } else if (choice < 0.1) {
                const exponent = Math.floor(next() * 9) - 4;
                made = both(
                    `(${a.label})^${exponent}`,
                    () => a.value.pow(exponent),
                    () => a.oracle.pow(exponent)
                );
            } else {
                const operation = operations[Math.floor(next() * operations.length)];
                made = both(
                    `(${a.label} ${operation} ${b.label})`,
                    () => a.value[operation](b.value),
                    () => a.oracle[operation](b.oracle)
                );
            }
            // keep the pool's values where the oracle was exact: denominators of at most a few hundred digits
            if (made && made.value.den < 10n ** 300n && made.value.num < 10n ** 300n && made.value.num > -(10n ** 300n)) {
                if (made.label.length > 300) made.label = `#${i}`;
                if (pool.length < 2000) pool.push(made);
                else pool[Math.floor(next() * pool.length)] = made;
            }
        }
    });

    test('sums of many figures with mixed denominators', () => {
        const next = seededRandom(7);
        let sum = Rational.ZERO;
        let oracleSum = OracleRational.ZERO;
        for (let i = 0; i < 3000; i++) {
            const literal = randomLiteral(next);
            const divisor = String(1 + Math.floor(next() * 12));
            const value = Rational.parse(literal).dividedBy(Rational.parse(divisor));
            const oracle = OracleRational.parse(literal).dividedBy(OracleRational.parse(divisor));
            sum = i % 3 === 0 ? sum.minus(value) : sum.plus(value);
            oracleSum = i % 3 === 0 ? oracleSum.minus(oracle) : oracleSum.plus(oracle);
            if (i % 100 === 0) expect(sum.toString(), `sum after ${i}`).toBe(oracleSum.toString());
        }
        expect(facts(sum)).toEqual(facts(oracleSum));
    });
});
