import { describe, expect, test } from 'vitest';
import { Rational } from '@cnms/language';

const r = (text: string) => Rational.parse(text);

describe('exact rationals', () => {
    test('terminating values print exactly, however long', () => {
        // 1 / 2^20 = 0.00000095367431640625 exactly
        expect(Rational.ONE.dividedBy(r('2').pow(20)).toString()).toBe('0.00000095367431640625');
        // 0.5703 × 86,000 = 49,045.8
        expect(r('0.5703').times(r('86000')).toString()).toBe('49045.8');
    });

    test('a value with no finite expansion is rounded to 34 significant digits, correctly', () => {
        // 2/3 = 0.666…: the 35th digit is 6, so the 34th rounds up to 7
        expect(r('2').dividedBy(r('3')).toString()).toBe('0.6666666666666666666666666666666667');
        // 1 + 5/10^34 + 1/(3 × 10^40): digits 35… are 5 0 0 0 0 0 3 3 3 …, above half: rounds up,
        // although a truncation to 40 digits would look like an exact tie
        const v = Rational.ONE.plus(r('5').dividedBy(r('10').pow(34))).plus(Rational.ONE.dividedBy(r('3').times(r('10').pow(40))));
        expect(v.toString()).toBe('1.000000000000000000000000000000001');
        // 1 + 4/10^34 + 1/(3 × 10^40): below half: rounds down to 1 (trailing zeros are not written)
        const w = Rational.ONE.plus(r('4').dividedBy(r('10').pow(34))).plus(Rational.ONE.dividedBy(r('3').times(r('10').pow(40))));
        expect(w.toString()).toBe('1');
    });

    test('sums over many denominators stay exact', () => {
        // Σ 1/k for k = 1 … 20 = 55835135/15519504
        let sum = Rational.ZERO;
        for (let k = 1; k <= 20; k++) sum = sum.plus(Rational.ONE.dividedBy(Rational.fromInteger(k)));
        expect(sum.equals(Rational.fromInteger(55835135).dividedBy(Rational.fromInteger(15519504)))).toBe(true);
        // (100/3) × 3 = 100 exactly
        expect(r('100').dividedBy(r('3')).times(r('3')).toString()).toBe('100');
    });
});
