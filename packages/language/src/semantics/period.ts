import type { Period } from '../generated/ast.js';

/** A reporting period as two ISO dates, both inclusive. */
export interface PeriodRange {
    readonly start: string;
    readonly end: string;
}

export type PeriodProblem = { key: 'badYear'; params: { year: string } } | { key: 'badDate'; params: { date: string } } | { key: 'order'; params: { start: string; end: string } };

/** Whether `YYYY-MM-DD` is a real calendar date. */
export function isCalendarDate(text: string): boolean {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return false;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || day < 1) return false;
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    return day <= days;
}

/** The dates of a period (`2024` → 2024-01-01 .. 2024-12-31), or the problem that prevents them. */
export function periodRange(period: Period): PeriodRange | PeriodProblem {
    if (period.year !== undefined) {
        if (!/^\d{4}$/.test(period.year)) return { key: 'badYear', params: { year: period.year } };
        return { start: `${period.year}-01-01`, end: `${period.year}-12-31` };
    }
    const start = period.start ?? '';
    const end = period.end ?? '';
    if (!isCalendarDate(start)) return { key: 'badDate', params: { date: start } };
    if (!isCalendarDate(end)) return { key: 'badDate', params: { date: end } };
    if (start >= end) return { key: 'order', params: { start, end } };
    return { start, end };
}

export function isPeriodRange(value: PeriodRange | PeriodProblem): value is PeriodRange {
    return 'start' in value;
}

/** Whether a range covers exactly twelve months (the day before the same date a year later). */
export function isTwelveMonths(range: PeriodRange): boolean {
    const start = new Date(`${range.start}T00:00:00Z`);
    // setUTCFullYear, not Date.UTC, which reads a year below 100 as 19xx
    const next = new Date(0);
    next.setUTCFullYear(start.getUTCFullYear() + 1, start.getUTCMonth(), start.getUTCDate() - 1);
    return next.toISOString().slice(0, 10) === range.end;
}

export function samePeriod(a: PeriodRange, b: PeriodRange): boolean {
    return a.start === b.start && a.end === b.end;
}

/** A period as a reader writes it: `2024` for a calendar year, else `2024-04-01 .. 2025-03-31`. */
export function formatPeriod(range: PeriodRange): string {
    const year = range.start.slice(0, 4);
    return range.start === `${year}-01-01` && range.end === `${year}-12-31` ? year : `${range.start} .. ${range.end}`;
}
