import type { Duration } from '../generated/ast.js';
import { isCalendarDate } from './period.js';

/**
 * Calendar arithmetic on ISO dates (`2024-03-01`) for the rules' windows
 * ("within 12 months before the end of the period", calibration intervals).
 * Dates are compared as strings, which is exact for ISO dates.
 */
export function addMonths(date: string, months: number): string {
    const [year, month, day] = date.split('-').map(Number);
    const total = year * 12 + (month - 1) + months;
    const newYear = Math.floor(total / 12);
    const newMonth = total % 12 + 1;
    const last = daysInMonth(newYear, newMonth);
    return `${String(newYear).padStart(4, '0')}-${String(newMonth).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
    const value = new Date(`${date}T00:00:00Z`);
    value.setUTCDate(value.getUTCDate() + days);
    return value.toISOString().slice(0, 10);
}

/** A date moved forward by a `Duration` of the language (`12 months`, `30 days`, `2 years`), or undefined if the count is not a whole number. */
export function addDuration(date: string, duration: Duration): string | undefined {
    const count = Number(duration.count.replace(/_/g, ''));
    if (!Number.isInteger(count)) return undefined;
    if (duration.unit === 'days') return addDays(date, count);
    return addMonths(date, duration.unit === 'years' ? count * 12 : count);
}

/** The year of an ISO date, or of a year literal, as a number (a year, never a figure). */
export function yearOf(dateOrYear: string): number {
    return Number(dateOrYear.slice(0, 4));
}

/** A four-digit year literal as a number, or undefined when the text is not one. */
export function yearValue(text: string | undefined): number | undefined {
    return text && /^\d{4}$/.test(text) ? Number(text) : undefined;
}

/** Whether `date` lies in [start, end], both inclusive. */
export function isWithin(date: string, start: string, end: string): boolean {
    return date >= start && date <= end;
}

export { isCalendarDate };

function daysInMonth(year: number, month: number): number {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
