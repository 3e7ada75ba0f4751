// The calendar arithmetic of the rules (semantics/dates.ts, period.ts) at the
// edges of the years cnms works with (1900 … 2200, CN-NUM-012): JavaScript's
// Date.UTC reads a year below 100 as 19xx, and a date past 9999 no longer
// compares as a string.
import { describe, expect, test } from 'vitest';
import { addDuration, addMonths, FIRST_YEAR, isTwelveMonths, isYearInRange, LAST_YEAR } from '@cnms/language';

const duration = (count: string, unit: 'days' | 'months' | 'years') => ({ count, unit }) as Parameters<typeof addDuration>[1];

describe('dates', () => {
    test('a year below 100 is that year, not 19xx', () => {
        // year 0 is a leap year in the proleptic Gregorian calendar; 1900 is not
        expect(addMonths('0000-01-31', 1)).toBe('0000-02-29');
        expect(isTwelveMonths({ start: '0024-01-01', end: '0024-12-31' })).toBe(true);
        expect(isTwelveMonths({ start: '2024-04-01', end: '2025-03-31' })).toBe(true);
    });

    test('the range, and a duration that leaves it gives no date', () => {
        expect([FIRST_YEAR, LAST_YEAR]).toEqual([1900, 2200]);
        expect([1899, 1900, 2200, 2201, 2024.5].map(isYearInRange)).toEqual([false, true, true, false, false]);
        expect(addDuration('2024-06-30', duration('12', 'months'))).toBe('2025-06-30');
        expect(addDuration('2024-06-30', duration('176', 'years'))).toBe('2200-06-30');
        expect(addDuration('2024-06-30', duration('177', 'years'))).toBeUndefined();
        expect(addDuration('2024-06-30', duration('8000', 'years'))).toBeUndefined();
        expect(addDuration('2024-06-30', duration('1e400', 'days'))).toBeUndefined();
        expect(addDuration('0024-06-30', duration('12', 'months'))).toBeUndefined();
    });
});
