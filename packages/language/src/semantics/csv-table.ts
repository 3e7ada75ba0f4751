import { CsvError, parse } from 'csv-parse/sync';
import { Rational } from './rational.js';

/** How a dataset declares a column: what its cells must be. */
export type ColumnSpec =
    | { readonly name: string; readonly kind: 'text' | 'date' }
    | { readonly name: string; readonly kind: 'number'; readonly unitFrom?: string };

/** What is wrong with one cell, one row or the whole file; `line` and `column` are 1-based (0: the whole file or row). */
export interface DataProblem {
    readonly key: 'empty' | 'unreadable' | 'missingHeader' | 'duplicateHeader' | 'ragged' | 'notNumber' | 'badDate';
    readonly line: number;
    readonly column: number;
    readonly params: Readonly<Record<string, string>>;
}

/** A column's cells, typed; a cell that could not be read is `undefined` (numbers) or -1 (dates), with its problem. */
export type TableColumn =
    | { readonly kind: 'text'; readonly index: number; readonly values: readonly string[] }
    /** Dates as year × 10000 + month × 100 + day, the day 0 for a month (`2024-03`). */
    | { readonly kind: 'date'; readonly index: number; readonly values: Int32Array }
    | { readonly kind: 'number'; readonly index: number; readonly values: ReadonlyArray<Rational | undefined>; readonly unitFrom?: string };

/**
 * A CSV file read against a dataset's columns: every declared column's cells
 * typed, the line of each row, and what is wrong where. `fatal` when the file
 * as a whole cannot be used (empty, unreadable, a declared column missing
 * from the header, a header naming a column twice).
 */
export interface CsvTable {
    readonly rows: number;
    readonly columns: ReadonlyMap<string, TableColumn>;
    /** The line of each row in the file (1-based; the header is line 1 when it has no line breaks inside quotes). */
    readonly lines: Int32Array;
    /** The first problem of each row that has one (its index among `problems`). */
    readonly brokenRows: ReadonlyMap<number, number>;
    readonly problems: readonly DataProblem[];
    readonly fatal: boolean;
    /** The rows of each text value of a column, built when first asked for. */
    rowsWith(column: string, value: string): readonly number[] | undefined;
}

/** A decimal number as a CSV cell holds it: `1200`, `-3.5`, `0.25`, `1.2e3`, `+7`. */
const DECIMAL = /^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$|^[+-]?\.[0-9]+$/;
const DATE = /^([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?$/;

/** The exact value of a decimal cell, parsed from its text (never through a floating-point number). */
export function parseDecimalCell(text: string): Rational | undefined {
    if (!DECIMAL.test(text)) return undefined;
    const negative = text.startsWith('-');
    let digits = text.replace(/^[+-]/, '');
    if (digits.startsWith('.')) digits = `0${digits}`;
    const value = Rational.parse(digits);
    return negative ? value.negated() : value;
}

/** A date cell (`2024-03`, `2024-03-15`) as year × 10000 + month × 100 + day, or undefined when it is no calendar month or date. */
export function parseDateCell(text: string): number | undefined {
    const match = DATE.exec(text);
    if (!match) return undefined;
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = match[3] === undefined ? 0 : Number(match[3]);
    if (month < 1 || month > 12) return undefined;
    if (match[3] !== undefined) {
        const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
        const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
        if (day < 1 || day > days) return undefined;
    }
    return year * 10000 + month * 100 + day;
}

/** A date code of parseDateCell as it was written: `2024-03` or `2024-03-15`. */
export function formatDateCode(code: number): string {
    const year = Math.floor(code / 10000);
    const month = Math.floor(code / 100) % 100;
    const day = code % 100;
    const two = (n: number) => String(n).padStart(2, '0');
    return day === 0 ? `${year}-${two(month)}` : `${year}-${two(month)}-${two(day)}`;
}

/**
 * Reads a CSV text against the declared columns with csv-parse, one record
 * at a time (its `on_record` callback takes each record and keeps none, so
 * only the typed columns are held): the first record is the header; every
 * later record must have as many cells as the header; a declared column's
 * cells are typed as declared. Undeclared columns are allowed and not read.
 */
export function readCsvTable(text: string, specs: readonly ColumnSpec[]): CsvTable {
    const problems: DataProblem[] = [];
    const brokenRows = new Map<number, number>();
    const problem = (p: DataProblem, row?: number) => {
        if (row !== undefined && !brokenRows.has(row)) brokenRows.set(row, problems.length);
        problems.push(p);
    };
    const fail = (p: DataProblem): CsvTable => table(0, new Map(), new Int32Array(0), new Map(), [...problems, p], true);
    if (text.replace(/^\uFEFF/, '').trim() === '') return fail({ key: 'empty', line: 0, column: 0, params: {} });

    let header: string[] | undefined;
    let width = 0;
    let indices: number[] = [];
    const texts: string[][] = [];
    const dates: number[][] = [];
    const numbers: Array<Array<Rational | undefined>> = [];
    const lines: number[] = [];
    let fatal: DataProblem | undefined;
    let row = 0;
    const onRecord = (record: string[], context: { lines: number }): null => {
        if (fatal) return null;
        if (!header) {
            header = record;
            width = record.length;
            const seen = new Map<string, number>();
            record.forEach((name, index) => {
                const first = seen.get(name);
                if (first !== undefined && specs.some(spec => spec.name === name)) {
                    fatal ??= { key: 'duplicateHeader', line: context.lines, column: index + 1, params: { column: name, first: String(first + 1) } };
                }
                if (first === undefined) seen.set(name, index);
            });
            for (const spec of specs) {
                const index = seen.get(spec.name);
                if (index === undefined) {
                    fatal ??= { key: 'missingHeader', line: context.lines, column: 0, params: { column: spec.name, header: record.join(', ') } };
                } else if (spec.kind === 'number' && spec.unitFrom !== undefined && !seen.has(spec.unitFrom)) {
                    fatal ??= { key: 'missingHeader', line: context.lines, column: 0, params: { column: spec.unitFrom, header: record.join(', ') } };
                }
            }
            indices = specs.map(spec => seen.get(spec.name) ?? -1);
            specs.forEach(() => {
                texts.push([]);
                dates.push([]);
                numbers.push([]);
            });
            return null;
        }
        const at = row++;
        lines.push(context.lines);
        if (record.length !== width) {
            problem({ key: 'ragged', line: context.lines, column: Math.min(record.length, width) + 1, params: { count: String(record.length), expected: String(width) } }, at);
        }
        specs.forEach((spec, s) => {
            const index = indices[s];
            const cell = index < record.length ? record[index] : undefined;
            if (spec.kind === 'text') {
                texts[s].push(cell ?? '');
            } else if (spec.kind === 'date') {
                const code = cell === undefined ? undefined : parseDateCell(cell);
                if (code === undefined && cell !== undefined) problem({ key: 'badDate', line: context.lines, column: index + 1, params: { value: cell, column: spec.name } }, at);
                dates[s].push(code ?? -1);
            } else {
                const value = cell === undefined ? undefined : parseDecimalCell(cell);
                if (value === undefined && cell !== undefined) problem({ key: 'notNumber', line: context.lines, column: index + 1, params: { value: cell, column: spec.name } }, at);
                numbers[s].push(value);
            }
        });
        return null;
    };
    try {
        parse(text, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, on_record: onRecord as never });
    } catch (error) {
        const line = error instanceof CsvError ? Number((error as CsvError & { lines?: number }).lines ?? 0) : 0;
        return fail({ key: 'unreadable', line, column: 0, params: { reason: error instanceof Error ? error.message : String(error) } });
    }
    if (!header) return fail({ key: 'empty', line: 0, column: 0, params: {} });
    if (fatal) return fail(fatal);
    const columns = new Map<string, TableColumn>();
    specs.forEach((spec, s) => {
        const index = indices[s];
        if (spec.kind === 'text') columns.set(spec.name, { kind: 'text', index, values: texts[s] });
        else if (spec.kind === 'date') columns.set(spec.name, { kind: 'date', index, values: Int32Array.from(dates[s]) });
        else if (spec.kind === 'number') columns.set(spec.name, { kind: 'number', index, values: numbers[s], unitFrom: spec.unitFrom });
    });
    return table(row, columns, Int32Array.from(lines), brokenRows, problems, false);
}

function table(rows: number, columns: Map<string, TableColumn>, lines: Int32Array, brokenRows: Map<number, number>, problems: DataProblem[], fatal: boolean): CsvTable {
    const indexes = new Map<string, Map<string, number[]>>();
    return {
        rows, columns, lines, brokenRows, problems, fatal,
        rowsWith(name: string, value: string): readonly number[] | undefined {
            let index = indexes.get(name);
            if (!index) {
                const column = columns.get(name);
                if (!column || column.kind !== 'text') return undefined;
                index = new Map();
                column.values.forEach((text, row) => {
                    const list = index!.get(text);
                    if (list) list.push(row);
                    else index!.set(text, [row]);
                });
                indexes.set(name, index);
            }
            return index.get(value) ?? [];
        }
    };
}
