import Papa from 'papaparse';
import { escapeControlCharacters } from '../i18n/escape-control-characters.js';
import { InexactFigureError, Rational } from './rational.js';
import { countLines } from '../syntax/parse-parts.js';

/** How a dataset declares a column: what its cells must be. */
export type ColumnSpec = { readonly name: string; readonly kind: 'text' | 'date' } | { readonly name: string; readonly kind: 'number'; readonly unitFrom?: string };

/** What is wrong with one cell, one row or the whole file; `line` and `column` are 1-based (0: the whole file or row). */
export interface DataProblem {
    readonly key: 'empty' | 'quote' | 'missingHeader' | 'semicolons' | 'duplicateHeader' | 'ragged' | 'notNumber' | 'tooManyDigits' | 'badDate';
    readonly line: number;
    readonly column: number;
    readonly params: Readonly<Record<string, string>>;
}

/**
 * A column's cells, typed and held compactly (a million rows are a few
 * typed arrays, not a million objects); `index` is the column's place in the
 * header (0-based).
 */
export type TableColumn = TextColumn | DateColumn | NumberColumn;

/** Texts as codes into the column's distinct texts. */
export interface TextColumn {
    readonly kind: 'text';
    readonly index: number;
    readonly codes: Int32Array;
    readonly texts: readonly string[];
    /** The code of a text, or undefined when no cell holds it. */
    codeOf(text: string): number | undefined;
}

/** Dates as year × 10000 + month × 100 + day (the day 0 for a month, `2024-03`); -1 where a cell is not a date. */
export interface DateColumn {
    readonly kind: 'date';
    readonly index: number;
    readonly values: Int32Array;
}

/**
 * Exact decimals: a cell is mantissa × 10^-scale, with integer mantissas of at
 * most 18 digits in a BigInt64Array; a cell that does not fit (more digits, a
 * large exponent) is kept as a Rational in `others`. A cell that is not a
 * number has scale NOT_A_NUMBER.
 */
export interface NumberColumn {
    readonly kind: 'number';
    readonly index: number;
    readonly mantissas: BigInt64Array;
    readonly scales: Int8Array;
    readonly others: ReadonlyMap<number, Rational>;
    readonly unitFrom?: string;
}

/** The scale of a number cell that is not a number, or kept in `others`. */
export const NOT_A_NUMBER = -128;
export const OTHER_NUMBER = -127;
const LARGEST_SCALE = 100;

/** The exact value of one cell of a number column (undefined when it is not a number). */
export function cellValue(column: NumberColumn, row: number): Rational | undefined {
    const scale = column.scales[row];
    if (scale === NOT_A_NUMBER) return undefined;
    if (scale === OTHER_NUMBER) return column.others.get(row);
    const mantissa = Rational.fromInteger(column.mantissas[row]);
    return scale === 0 ? mantissa : scale > 0 ? mantissa.dividedBy(Rational.fromInteger(10n ** BigInt(scale))) : mantissa.times(Rational.fromInteger(10n ** BigInt(-scale)));
}

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
    /** The rows of a text column that hold `value`, from an index built when first asked for. */
    rowsWith(column: string, value: string): readonly number[] | undefined;
}

/** A decimal number as a CSV cell holds it: `1200`, `-3.5`, `0.25`, `1.2e3`, `+7`. */
const DECIMAL = /^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$|^[+-]?\.[0-9]+$/;

/** The exact value of a decimal cell, parsed from its text (never through a floating-point number). */
export function parseDecimalCell(text: string): Rational | undefined {
    if (!DECIMAL.test(text)) return undefined;
    const negative = text.startsWith('-');
    let digits = text.replace(/^[+-]/, '');
    if (digits.startsWith('.')) digits = `0${digits}`;
    const value = Rational.parse(digits);
    return negative ? value.negated() : value;
}

/**
 * A decimal cell as mantissa and scale (mantissa × 10^-scale) when the
 * mantissa has at most 18 digits; else its Rational, or undefined when it is
 * not a number. Scanned by hand, character by character (a million cells):
 * `[+-]digits[.digits][e[+-]digits]`, or `[+-].digits`.
 */
function parseCompactCell(text: string): { mantissa: bigint; scale: number } | Rational | typeof TOO_MANY_DIGITS | undefined {
    const length = text.length;
    let at = 0;
    const sign = text.charCodeAt(0);
    if (sign === 43 /* + */ || sign === 45 /* - */) at++;
    const wholeStart = at;
    while (at < length && isDigit(text.charCodeAt(at))) at++;
    const wholeEnd = at;
    let fractionStart = at;
    let fractionEnd = at;
    if (at < length && text.charCodeAt(at) === 46 /* . */) {
        fractionStart = ++at;
        while (at < length && isDigit(text.charCodeAt(at))) at++;
        fractionEnd = at;
        // a point needs digits after it, and `.5` has none before it
        if (fractionEnd === fractionStart) return undefined;
    } else if (wholeEnd === wholeStart) {
        return undefined;
    }
    if (at < length) {
        const e = text.charCodeAt(at);
        if (e !== 101 /* e */ && e !== 69 /* E */) return undefined;
        // (a wholeless `.5e3` is no CNMS literal either)
        if (wholeEnd === wholeStart) return undefined;
        return DECIMAL.test(text) ? exactCell(text) : undefined;
    }
    let digits = fractionEnd > fractionStart ? text.slice(wholeStart, wholeEnd) + text.slice(fractionStart, fractionEnd) : text.slice(wholeStart, wholeEnd);
    if (digits.length > 18) {
        digits = digits.replace(/^0+(?=[0-9])/, '');
        if (digits.length > 18) return exactCell(text);
    }
    const scale = fractionEnd - fractionStart;
    if (scale > LARGEST_SCALE) return exactCell(text);
    const mantissa = BigInt(digits === '' ? '0' : digits);
    return { mantissa: sign === 45 ? -mantissa : mantissa, scale };
}

/** A cell's text as a message shows it: controls escaped (a cell may hold a line break or a NUL), at most 40 characters. */
export function shownCell(text: string): string {
    const shown = escapeControlCharacters(text);
    return shown.length > 40 ? `${shown.slice(0, 40)}…` : shown;
}

/** A header as a message shows it: its first ten names. */
function shownHeader(header: readonly string[]): string {
    const names = header.slice(0, 10).map(shownCell).join(', ');
    return header.length > 10 ? `${names}, …` : names;
}

/** A cell without the spaces around it (most cells have none: they are not copied). */
function trimmed(cell: string): string {
    return cell.length > 0 && (cell.charCodeAt(0) <= 32 || cell.charCodeAt(cell.length - 1) <= 32) ? cell.trim() : cell;
}

/** A decimal cell that does not fit 18 digits, as a Rational; TOO_MANY_DIGITS past what CNMS computes exactly (900 digits). */
function exactCell(text: string): Rational | typeof TOO_MANY_DIGITS | undefined {
    try {
        return parseDecimalCell(text);
    } catch (error) {
        if (error instanceof InexactFigureError) return TOO_MANY_DIGITS;
        throw error;
    }
}

const TOO_MANY_DIGITS = 'too many digits';

function isDigit(code: number): boolean {
    return code >= 48 && code <= 57;
}

/** A date cell (`2024-03`, `2024-03-15`) as year × 10000 + month × 100 + day, or undefined when it is no calendar month or date. */
export function parseDateCell(text: string): number | undefined {
    // `YYYY-MM` or `YYYY-MM-DD`, read by hand (a million cells)
    if ((text.length !== 7 && text.length !== 10) || text.charCodeAt(4) !== 45 || (text.length === 10 && text.charCodeAt(7) !== 45)) return undefined;
    const number = (from: number, to: number): number => {
        let value = 0;
        for (let i = from; i < to; i++) {
            const code = text.charCodeAt(i);
            if (!isDigit(code)) return -1;
            value = value * 10 + (code - 48);
        }
        return value;
    };
    const year = number(0, 4);
    const month = number(5, 7);
    const day = text.length === 10 ? number(8, 10) : 0;
    if (year < 0 || month < 1 || month > 12 || day < 0) return undefined;
    if (text.length === 10) {
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
 * Reads a CSV text against the declared columns with Papa Parse, one row at
 * a time (its `step` callback takes each row and keeps none, so only the
 * typed columns are held): the first row is the header; every later row must
 * have as many cells as the header; a declared column's cells are typed as
 * declared (cells are trimmed). Undeclared columns are allowed and not read.
 * Cells are separated by commas; blank lines are skipped; a UTF-8 byte-order
 * mark is dropped.
 */
export function readCsvTable(text: string, specs: readonly ColumnSpec[]): CsvTable {
    const problems: DataProblem[] = [];
    const brokenRows = new Map<number, number>();
    const problem = (p: DataProblem, row?: number) => {
        if (row !== undefined && !brokenRows.has(row)) brokenRows.set(row, problems.length);
        problems.push(p);
    };
    const fail = (p: DataProblem): CsvTable => table(0, new Map(), new Int32Array(0), new Map(), [...problems, p], true);
    if (text.startsWith('\uFEFF')) text = text.slice(1);
    if (text.trim() === '') return fail({ key: 'empty', line: 0, column: 0, params: {} });

    let header: string[] | undefined;
    let width = 0;
    let indices: number[] = [];
    // per column: text codes and the distinct texts; dates; mantissas and scales (grown as the rows come)
    const codes: number[][] = specs.map(() => []);
    const distinct: Array<Map<string, number>> = specs.map(() => new Map<string, number>());
    const dates: number[][] = specs.map(() => []);
    let capacity = 1024;
    let mantissas: BigInt64Array[] = specs.map(() => new BigInt64Array(capacity));
    let scales: Int8Array[] = specs.map(() => new Int8Array(capacity));
    const others: Array<Map<number, Rational>> = specs.map(() => new Map<number, Rational>());
    const lines: number[] = [];
    let fatal: DataProblem | undefined;
    let row = 0;
    // the line of the text at `position` (1-based), counted as the rows go
    let position = 0;
    let line = 1;
    const lineAt = (offset: number) => {
        if (offset > position) {
            line += countLines(text, position, offset);
            position = offset;
        }
        return line;
    };
    const onRow = (record: string[], start: number) => {
        // a blank line (spaces at most) is skipped
        if (record.length === 1 && trimmed(record[0]) === '') return;
        const at = lineAt(start);
        if (!header) {
            header = record.map(cell => cell.trim());
            width = record.length;
            const seen = new Map<string, number>();
            header.forEach((name, index) => {
                const first = seen.get(name);
                if (first !== undefined && specs.some(spec => spec.name === name || (spec.kind === 'number' && spec.unitFrom === name))) {
                    fatal ??= { key: 'duplicateHeader', line: at, column: index + 1, params: { column: shownCell(name), first: String(first + 1) } };
                }
                if (first === undefined) seen.set(name, index);
            });
            for (const spec of specs) {
                const missing = !seen.has(spec.name) ? spec.name : spec.kind === 'number' && spec.unitFrom !== undefined && !seen.has(spec.unitFrom) ? spec.unitFrom : undefined;
                if (missing !== undefined) {
                    // one header cell holding `a;b;c`: a table saved with semicolons (common in Europe)
                    const semicolons = header.length === 1 && header[0].includes(';');
                    fatal ??= { key: semicolons ? 'semicolons' : 'missingHeader', line: at, column: 0, params: { column: missing, header: shownHeader(header) } };
                }
            }
            indices = specs.map(spec => seen.get(spec.name) ?? -1);
            return;
        }
        const index = row++;
        lines.push(at);
        if (index === capacity) {
            capacity *= 2;
            mantissas = mantissas.map(old => {
                const grown = new BigInt64Array(capacity);
                grown.set(old);
                return grown;
            });
            scales = scales.map(old => {
                const grown = new Int8Array(capacity);
                grown.set(old);
                return grown;
            });
        }
        if (record.length !== width) {
            problem({ key: 'ragged', line: at, column: Math.min(record.length, width) + 1, params: { count: String(record.length), expected: String(width) } }, index);
        }
        for (let s = 0; s < specs.length; s++) {
            const spec = specs[s];
            const column = indices[s];
            const cell = column < record.length ? trimmed(record[column]) : undefined;
            if (spec.kind === 'text') {
                const text = cell ?? '';
                const known = distinct[s];
                let code = known.get(text);
                if (code === undefined) known.set(text, (code = known.size));
                codes[s].push(code);
            } else if (spec.kind === 'date') {
                const code = cell === undefined ? undefined : parseDateCell(cell);
                if (code === undefined && cell !== undefined) problem({ key: 'badDate', line: at, column: column + 1, params: { value: shownCell(cell), column: spec.name } }, index);
                dates[s].push(code ?? -1);
            } else {
                const value = cell === undefined ? undefined : parseCompactCell(cell);
                if (value === undefined || value === TOO_MANY_DIGITS) {
                    if (value === TOO_MANY_DIGITS) problem({ key: 'tooManyDigits', line: at, column: column + 1, params: { column: spec.name } }, index);
                    else if (cell !== undefined) problem({ key: 'notNumber', line: at, column: column + 1, params: { value: shownCell(cell), column: spec.name } }, index);
                    scales[s][index] = NOT_A_NUMBER;
                } else if (value instanceof Rational) {
                    scales[s][index] = OTHER_NUMBER;
                    others[s].set(index, value);
                } else {
                    mantissas[s][index] = value.mantissa;
                    scales[s][index] = value.scale;
                }
            }
        }
    };
    // where the row under way starts: after the previous row, past the blank lines skipped
    let next = 0;
    Papa.parse<string[]>(text, {
        delimiter: ',',
        step: (results, parser) => {
            let start = next;
            while (start < text.length && text.charCodeAt(start) <= 32) start++;
            next = results.meta.cursor;
            if (results.errors.length > 0) {
                const error = results.errors[0];
                // (Papa Parse reports only quotes here: the delimiter is given, and rows of any length are taken)
                fatal ??= { key: 'quote', line: lineAt(error.index ?? start), column: 0, params: {} };
            }
            if (fatal) {
                parser.abort();
                return;
            }
            onRow(results.data, start);
        }
    });
    if (fatal) return fail(fatal);
    if (!header) return fail({ key: 'empty', line: 0, column: 0, params: {} });
    const columns = new Map<string, TableColumn>();
    specs.forEach((spec, s) => {
        const index = indices[s];
        if (spec.kind === 'text') {
            const known = distinct[s];
            columns.set(spec.name, { kind: 'text', index, codes: Int32Array.from(codes[s]), texts: [...known.keys()], codeOf: text => known.get(text) });
        } else if (spec.kind === 'date') {
            columns.set(spec.name, { kind: 'date', index, values: Int32Array.from(dates[s]) });
        } else {
            columns.set(spec.name, { kind: 'number', index, mantissas: mantissas[s].slice(0, row), scales: scales[s].slice(0, row), others: others[s], unitFrom: spec.kind === 'number' ? spec.unitFrom : undefined });
        }
    });
    return table(row, columns, Int32Array.from(lines), brokenRows, problems, false);
}

function table(rows: number, columns: Map<string, TableColumn>, lines: Int32Array, brokenRows: Map<number, number>, problems: DataProblem[], fatal: boolean): CsvTable {
    const indexes = new Map<string, number[][]>();
    return {
        rows,
        columns,
        lines,
        brokenRows,
        problems,
        fatal,
        rowsWith(name: string, value: string): readonly number[] | undefined {
            const column = columns.get(name);
            if (!column || column.kind !== 'text') return undefined;
            let index = indexes.get(name);
            if (!index) {
                index = column.texts.map(() => []);
                const codes = column.codes;
                for (let row = 0; row < codes.length; row++) index[codes[row]].push(row);
                indexes.set(name, index);
            }
            const code = column.codeOf(value);
            return code === undefined ? [] : index[code];
        }
    };
}
