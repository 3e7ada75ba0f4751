import type { Duration } from '../generated/ast.js';
import { isCalendarDate } from './period.js';

/**
 * The years cnms works with (docs/language-notes.md): a year, a date or a
 * span that leaves them is CN-NUM-012, and no computation runs past them
 * (a target in year 200000 would project 198,000 years). Four-digit dates
 * compare as strings only within them, and JavaScript reads years below 100
 * as 19xx.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;

/** Whether a year lies within FIRST_YEAR … LAST_YEAR. */
export function isYearInRange(year: number): boolean {
    return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
}

/**
 * Calendar arithmetic on ISO dates (`2024-03-01`) for the rules' windows
 * ("within 12 months before the end of the period", calibration intervals).
 * Dates are compared as strings, which is exact for ISO dates.
 */
export function addMonths(date: string, months: number): string {
    const [year, month, day] = date.split('-').map(Number);
    const total = year * 12 + (month - 1) + months;
    const newYear = Math.floor(total / 12);
    const newMonth = (total % 12) + 1;
    const last = daysInMonth(newYear, newMonth);
    return `${String(newYear).padStart(4, '0')}-${String(newMonth).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
    const value = new Date(`${date}T00:00:00Z`);
    value.setUTCDate(value.getUTCDate() + days);
    return value.toISOString().slice(0, 10);
}

/**
 * A date moved forward by a `Duration` of the language (`12 months`, `30 days`,
 * `2 years`), or undefined if the count is not a whole number, or if the
 * date or the result lies outside FIRST_YEAR … LAST_YEAR (CN-NUM-012 says so).
 */
export function addDuration(date: string, duration: Duration): string | undefined {
    const count = durationCount(duration);
    if (count === undefined || !isYearInRange(yearOf(date)) || !isDurationInRange(duration)) return undefined;
    const result = duration.unit === 'days' ? addDays(date, count) : addMonths(date, duration.unit === 'years' ? count * 12 : count);
    return isYearInRange(yearOf(result)) ? result : undefined;
}

/** The whole count of a duration, or undefined. */
export function durationCount(duration: Duration): number | undefined {
    // a duration being typed (`interval months`) has no count yet
    if (!duration.count) return undefined;
    const count = Number(duration.count.replace(/_/g, ''));
    return Number.isInteger(count) ? count : undefined;
}

/** Whether a duration spans no more than the years cnms works with (LAST_YEAR − FIRST_YEAR). */
export function isDurationInRange(duration: Duration): boolean {
    const count = durationCount(duration);
    if (count === undefined) return true;
    const span = LAST_YEAR - FIRST_YEAR;
    return duration.unit === 'years' ? count <= span : duration.unit === 'months' ? count <= span * 12 : count <= span * 366;
}

/** The year of an ISO date, or of a year literal, as a number (a year, never a figure). */
export function yearOf(dateOrYear: string): number {
    return Number(dateOrYear.slice(0, 4));
}

/** A four-digit year literal as a number (digit separators allowed, as in any number: `2_030`), or undefined when the text is not one. */
export function yearValue(text: string | undefined): number | undefined {
    const digits = text?.replace(/_/g, '');
    return digits && /^\d{4}$/.test(digits) ? Number(digits) : undefined;
}

/** Whether `date` lies in [start, end], both inclusive. */
export function isWithin(date: string, start: string, end: string): boolean {
    return date >= start && date <= end;
}

export { isCalendarDate };

function daysInMonth(year: number, month: number): number {
    // setUTCFullYear, not Date.UTC, which reads a year below 100 as 19xx
    const date = new Date(0);
    date.setUTCFullYear(year, month, 0);
    return date.getUTCDate();
}
