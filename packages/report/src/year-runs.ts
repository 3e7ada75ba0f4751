/**
 * The plan's years as runs of identical rows: consecutive years whose row
 * says the same thing (the same figures, compared as exact decimal strings)
 * are one row `2027–2060`, so a flat projection does not fill a page with
 * copies. Data formats (JSON, CSV, xlsx) keep one row a year; this is for the
 * tables a person reads (HTML, Markdown).
 */
export interface YearRun {
    /** The first year of the run and the index of its row in `plan.years`. */
    readonly first: number;
    readonly last: number;
    readonly index: number;
}

/**
 * Runs of `years` (ascending) whose `rowOf` is equal from one year to the
 * next; `rowOf` undefined leaves a year out; `alone(i)` keeps year i a row of
 * its own (a year that carries a mark, such as the first missed year).
 */
export function yearRuns(years: readonly number[], rowOf: (index: number) => string | undefined, alone: (index: number) => boolean = () => false): YearRun[] {
    const runs: Array<{ first: number; last: number; index: number; row: string; alone: boolean }> = [];
    years.forEach((year, index) => {
        const row = rowOf(index);
        if (row === undefined) return;
        const lone = alone(index);
        const previous = runs[runs.length - 1];
        if (previous && !previous.alone && !lone && previous.row === row && previous.last + 1 === year) previous.last = year;
        else runs.push({ first: year, last: year, index, row, alone: lone });
    });
    return runs.map(({ first, last, index }) => ({ first, last, index }));
}

/** `2027–2060` for a run of several years, `2027` for one. */
export function yearRunLabel(run: YearRun): string {
    return run.first === run.last ? String(run.first) : `${run.first}–${run.last}`;
}
