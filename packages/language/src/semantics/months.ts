import type { PeriodRange } from './period.js';

/**
 * A month as written in a model (`2024-03`, in `monthly { … }` and in a
 * dataset's `month in 2024-03`): `YYYY-MM` when the year has four digits and
 * the month two, 01 … 12; else undefined.
 */
export function monthOf(year: string | undefined, month: string | undefined): string | undefined {
    if (year === undefined || month === undefined || !/^[0-9]{4}$/.test(year) || !/^[0-9]{2}$/.test(month)) return undefined;
    const number = Number(month);
    return number >= 1 && number <= 12 ? `${year}-${month}` : undefined;
}

/** The months a period touches, in order (`2024-04-01 .. 2025-03-31` → 2024-04 … 2025-03). */
export function monthsOfPeriod(period: PeriodRange): string[] {
    const months: string[] = [];
    let year = Number(period.start.slice(0, 4));
    let month = Number(period.start.slice(5, 7));
    const last = period.end.slice(0, 7);
    // a period's years lie within 1900 … 2200 (CN-NUM-012): the loop is bounded
    for (let guard = 0; guard < 3600; guard++) {
        const key = `${year}-${String(month).padStart(2, '0')}`;
        months.push(key);
        if (key >= last) break;
        month++;
        if (month > 12) {
            month = 1;
            year++;
        }
    }
    return months;
}

/** The month `delta` months after `month` (`2024-01`, -1 → `2023-12`; -12 → the same month a year before). */
export function shiftMonth(month: string, delta: number): string {
    const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
    return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
