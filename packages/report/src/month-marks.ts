/** The mark of a month in the completeness table (REPORT_TEXT.completenessLegend), in every format. */
export const MONTH_MARK = { given: '✓', filled: '◐', missing: '✗' } as const;

/** A month as a column header: `03` when the period's months lie in one year, else `2024-03`. */
export function monthLabel(month: string, months: readonly string[]): string {
    return months.every(other => other.slice(0, 4) === month.slice(0, 4)) ? month.slice(5) : month;
}
