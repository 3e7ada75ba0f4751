import type { URI } from 'langium';
import { AstUtils, UriUtils } from 'langium';
import type { Aggregate, Dataset, DatasetCondition } from '../generated/ast.js';
import { isUnitDecl } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import { isAbsolutePath, isInsideFolder, modelRepository, realPathOf } from '../workspace/model-repository.js';
import { contentKey } from './content-key.js';
import { cellValue, formatDateCode, shownCell, OTHER_NUMBER, readCsvTable, type ColumnSpec, type CsvTable, type DataProblem, type NumberColumn } from './csv-table.js';
import { escapeControlCharacters } from '../i18n/escape-control-characters.js';
import { Dimension } from './dimension.js';
import { monthOf } from './months.js';
import { isGapFilledPart } from './gap-fill.js';
import type { FigureStore } from './figure-memo.js';
import { Quantity } from './quantity.js';
import { Rational } from './rational.js';

/** The aggregates of a dataset column (grammar/cnms.langium, `Aggregate`). */
export const AGGREGATE_FUNCTIONS = ['sum', 'count', 'min', 'max', 'avg'] as const;
type AggregateFunction = (typeof AGGREGATE_FUNCTIONS)[number];

/** Problems of one dataset shown one by one at its declaration; the rest are counted. */
const SHOWN_PROBLEMS = 20;
/** Tables kept by content (a dataset's file saved unchanged, or declared twice, is not parsed again): at most this many … */
const KEPT_TABLES = 16;
/** … and texts of at most this many characters together (the newest is always kept). */
const KEPT_CHARACTERS = 64 * 1024 * 1024;

/** An aggregate's value (null: not computed), the months its rows cover (with a date column), and each month's sum (for a gap-filled `sum`). */
interface AggregateEntry {
    readonly value: Quantity | null;
    readonly months?: readonly string[];
    readonly byMonth?: ReadonlyMap<string, Quantity>;
}

/** A dataset's file read for the model: its table, and which rows cannot be used (their first problem's place). */
export interface DatasetFigure {
    /** The path as the declaration writes it, for messages (`data/meters-2024.csv`). */
    readonly file: string;
    /** Undefined when the file cannot be used at all (the declaration says why). */
    readonly table?: CsvTable;
    /** Rows that cannot be used, with the place of their first problem (`data/meters.csv:12:3`). */
    readonly broken: ReadonlyMap<number, string>;
    /** For each `unit-from` column, the unit of each row (rows whose unit the column cannot take are among `broken`). */
    readonly units: ReadonlyMap<string, RowUnits>;
}

/** The units of a `unit-from` column: each row's code into the distinct unit texts, their values, and the dimension they share. */
interface RowUnits {
    readonly codes: Int32Array;
    readonly byCode: ReadonlyArray<Quantity | undefined>;
    readonly dimension: Dimension;
}

/**
 * Datasets (docs/datasets.md): a `dataset` declaration binds a CSV file, read
 * through the workspace's file system; aggregates of its columns are figures.
 *
 * A dataset's figure is kept in the figure memory like any other, and reads
 * the file's key (bumped when the language server is told the file changed,
 * lsp/cnms-request-handlers.ts): a saved CSV recomputes the dataset and the
 * aggregates that use it, and nothing else. The parsed tables are kept by the
 * file's content too, so a file saved unchanged is not parsed again.
 */
export class CnmsDatasets {
    private readonly figures: FigureStore<Dataset, DatasetFigure>;
    /** An aggregate's value (null: not computed) and the months its rows cover (when the dataset has a date column). */
    private readonly aggregates: FigureStore<Aggregate, AggregateEntry>;
    /** Tables by content key and columns read, newest last. */
    private readonly tables = new Map<string, { readonly text: string; readonly table: CsvTable }>();
    /** The models that read each file (to run their rules again when it changes). */
    private readonly readers = new Map<string, Set<string>>();

    constructor(private readonly services: CnmsServices) {
        const memo = services.semantics.FigureMemo;
        this.figures = memo.store();
        this.aggregates = memo.store();
    }

    /** The models whose datasets read the file at `uri`. */
    modelsReading(uri: string): readonly string[] {
        return [...(this.readers.get(uri) ?? [])];
    }

    /** The dataset's file read for its model, with the problems of its data reported at the declaration. */
    of(dataset: Dataset): DatasetFigure {
        const memo = this.services.semantics.FigureMemo;
        return memo.memo(this.figures, dataset, () => this.compute(dataset));
    }

    /** The value of `sum(meters.energy where …)` and the like, or undefined (with its problem) when it cannot be computed. */
    aggregate(aggregate: Aggregate): Quantity | undefined {
        return this.aggregateEntry(aggregate).value ?? undefined;
    }

    /**
     * The months of the period an aggregate's rows cover (`2024-01` …), from
     * the dataset's first date column; undefined when the dataset has none or
     * the aggregate cannot be computed.
     */
    monthsOf(aggregate: Aggregate): readonly string[] | undefined {
        return this.aggregateEntry(aggregate).months;
    }

    /**
     * The sum of each month's rows of a `sum` aggregate that a source fills
     * (`gap-fill`, semantics/gap-fill.ts), from the dataset's first date
     * column; undefined for any other aggregate or when it cannot be computed.
     */
    monthlySumsOf(aggregate: Aggregate): ReadonlyMap<string, Quantity> | undefined {
        return this.aggregateEntry(aggregate).byMonth;
    }

    private aggregateEntry(aggregate: Aggregate): AggregateEntry {
        const memo = this.services.semantics.FigureMemo;
        return memo.memo(this.aggregates, aggregate, () => {
            const out: { months?: string[]; byMonth?: Map<string, Quantity> } = {};
            const value = this.computeAggregate(aggregate, out) ?? null;
            return value ? { value, months: out.months, byMonth: out.byMonth } : { value };
        });
    }

    private compute(dataset: Dataset): DatasetFigure {
        // (the path as written, its controls escaped: it opens every message about the file)
        const file = escapeControlCharacters(dataset.path ?? '');
        const none: DatasetFigure = { file, broken: new Map(), units: new Map() };
        const report = (key: string, params: Record<string, string>) => this.report('CN-NUM-013', key, { dataset: dataset.name ?? '', file, ...params }, dataset, 'path');
        if (dataset.path === undefined) {
            report('noPath', {});
            return none;
        }
        const uri = this.fileOf(dataset);
        if (typeof uri === 'string') {
            if (uri !== 'none') report(uri, {});
            return none;
        }
        const memo = this.services.semantics.FigureMemo;
        memo.readFile(uri.toString());
        const model = this.services.references.Models.modelOfNode(dataset);
        let readers = this.readers.get(uri.toString());
        if (!readers) this.readers.set(uri.toString(), (readers = new Set()));
        readers.add(model);

        let text: string;
        try {
            const fileSystem = this.services.shared.workspace.FileSystemProvider;
            if (!fileSystem.existsSync(uri)) {
                report('notFound', {});
                return none;
            }
            if (fileSystem.statSync(uri).isDirectory) {
                report('folder', {});
                return none;
            }
            text = new TextDecoder('utf-8', { fatal: true }).decode(fileSystem.readBinarySync(uri));
        } catch (error) {
            if (error instanceof TypeError) report('notUtf8', {});
            else report('unreadable', { place: file, reason: reasonOf(error) });
            return none;
        }
        const table = this.tableOf(text, specsOf(dataset));
        const place = (problem: DataProblem) => (problem.line === 0 ? file : problem.column === 0 ? `${file}:${problem.line}` : `${file}:${problem.line}:${problem.column}`);
        const shown = Math.min(table.problems.length, SHOWN_PROBLEMS);
        for (let i = 0; i < shown; i++) {
            const problem = table.problems[i];
            report(problem.key, { place: place(problem), ...problem.params });
        }
        if (table.fatal) return none;
        const broken = new Map<number, string>();
        for (const [row, index] of table.brokenRows) broken.set(row, place(table.problems[index]));
        let reported = shown;
        let more = table.problems.length - shown;

        // what depends on the model, not on the file alone: the units of `unit-from` columns and the period
        const rowProblem = (row: number, column: number, key: string, params: Record<string, string | Dimension>) => {
            const at = `${file}:${table.lines[row]}:${column + 1}`;
            if (!broken.has(row)) broken.set(row, at);
            if (reported < SHOWN_PROBLEMS) {
                reported++;
                this.report('CN-NUM-013', key, { dataset: dataset.name ?? '', file, place: at, ...params }, dataset, 'path');
            } else {
                more++;
            }
        };
        const units = new Map<string, RowUnits>();
        for (const column of dataset.columns) {
            const typed = column.name ? table.columns.get(column.name) : undefined;
            if (!typed || typed.kind !== 'number' || typed.unitFrom === undefined) continue;
            const unitColumn = table.columns.get(typed.unitFrom);
            if (!unitColumn || unitColumn.kind !== 'text') continue;
            // each distinct unit text resolved once
            const byCode = unitColumn.texts.map(name => this.unitNamed(name, model));
            let dimension: Dimension | undefined;
            for (let row = 0; row < table.rows; row++) {
                // a row with a problem already (a short row has no unit cell) is reported once
                if (table.brokenRows.has(row)) continue;
                const code = unitColumn.codes[row];
                const unit = byCode[code];
                const name = unitColumn.texts[code];
                if (!unit) {
                    rowProblem(row, unitColumn.index, 'unknownUnit', { unit: shownCell(name), column: typed.unitFrom });
                    continue;
                }
                dimension ??= unit.dimension;
                if (!unit.dimension.equals(dimension)) {
                    rowProblem(row, unitColumn.index, 'unitDimension', { unit: shownCell(name), actual: unit.dimension, expected: dimension, column: column.name });
                }
            }
            units.set(column.name, { codes: unitColumn.codes, byCode, dimension: dimension ?? Dimension.NONE });
        }
        const period = this.services.semantics.OrganizationSettings.of(model).period;
        if (period) {
            const first = dateCode(period.start);
            const last = dateCode(period.end);
            for (const column of table.columns.values()) {
                if (column.kind !== 'date') continue;
                for (let row = 0; row < table.rows; row++) {
                    const code = column.values[row];
                    if (code < 0) continue;
                    // a month lies in the period when any day of it does
                    const inside = code % 100 === 0 ? code + 31 >= first && code + 1 <= last : code >= first && code <= last;
                    if (!inside) rowProblem(row, column.index, 'outsidePeriod', { value: formatDateCode(code), period: `${period.start} .. ${period.end}`, column: header(table, column.index, dataset) });
                }
            }
        }
        if (more > 0) report('more', { count: String(more) });
        return { file, table, broken, units };
    }

    private computeAggregate(aggregate: Aggregate, out: { months?: string[]; byMonth?: Map<string, Quantity> }): Quantity | undefined {
        const report = (key: string, params: Record<string, string | Dimension>, property?: string, index?: number) => this.report('CN-NUM-014', key, params, aggregate, property, index);
        const fn = aggregate.function as AggregateFunction;
        if (!AGGREGATE_FUNCTIONS.includes(fn)) {
            report('unknownFunction', { name: aggregate.function ?? '' }, 'function');
            return undefined;
        }
        const column = aggregate.column?.ref;
        if (!column) return undefined;
        const dataset = column.$container;
        this.services.semantics.FigureMemo.readNode(dataset);
        const figure = this.of(dataset);
        const table = figure.table;
        if (!table) {
            report('datasetBroken', { dataset: dataset.name, file: figure.file });
            return undefined;
        }
        const kind = column.kind ?? (column.unitFrom !== undefined || column.unit ? 'number' : undefined);
        if (fn !== 'count' && kind !== 'number') {
            report('notNumeric', { function: fn, column: `${dataset.name}.${column.name}`, kind: kind ?? '—' }, 'column');
            return undefined;
        }
        // the rows that meet every condition
        let rows: readonly number[] | undefined;
        const filters: Array<(row: number) => boolean | undefined> = [];
        for (let index = 0; index < aggregate.conditions.length; index++) {
            const condition = aggregate.conditions[index];
            const test = this.conditionTest(condition, dataset, table, (key, params) => report(key, params, 'conditions', index));
            if (!test) return undefined;
            if (test.rows && !rows) rows = test.rows;
            else filters.push(test.test);
        }
        const candidates: { readonly length: number } = rows ?? { length: table.rows };
        const selected: number[] = [];
        for (let i = 0; i < candidates.length; i++) {
            const row = rows ? rows[i] : i;
            let keep = true;
            for (const filter of filters) {
                const result = filter(row);
                if (result === undefined) {
                    // a cell a condition reads cannot be read: whether the row counts is not known
                    report('brokenRow', { place: figure.broken.get(row) ?? `${figure.file}:${table.lines[row]}`, file: figure.file });
                    return undefined;
                }
                if (!result) {
                    keep = false;
                    break;
                }
            }
            if (keep) selected.push(row);
        }
        for (const row of selected) {
            if (figure.broken.has(row)) {
                report('brokenRow', { place: figure.broken.get(row)!, file: figure.file });
                return undefined;
            }
        }
        const dated = dataset.columns.find(declared => declared.kind === 'date');
        const dates = dated ? table.columns.get(dated.name) : undefined;
        if (dates?.kind === 'date') {
            const months = new Set<string>();
            for (const row of selected) months.add(formatDateCode(Math.floor(dates.values[row] / 100) * 100));
            out.months = [...months].sort();
        }
        if (fn === 'count') return Quantity.dimensionless(Rational.fromInteger(selected.length));
        if (selected.length === 0) {
            report('noRows', { function: fn, file: figure.file });
            return undefined;
        }
        const typed = table.columns.get(column.name);
        if (!typed || typed.kind !== 'number') return undefined;
        const units = figure.units.get(column.name);
        let unit: Quantity | undefined;
        if (!units) {
            unit = this.services.semantics.Evaluator.evaluate(column.unit);
            if (!unit) return undefined;
        }
        const dimension = units ? units.dimension : unit!.dimension;
        if (fn === 'min' || fn === 'max') {
            // each row's exact value in base units, compared
            let result: Rational | undefined;
            for (const row of selected) {
                const cell = cellValue(typed, row)!;
                const value = units ? cell.times(units.byCode[units.codes[row]]!.value) : cell;
                if (!result || (fn === 'min' ? value.compare(result) < 0 : value.compare(result) > 0)) result = value;
            }
            return new Quantity(units ? result! : result!.times(unit!.value), dimension);
        }
        if (fn === 'sum' && dates?.kind === 'date' && isGapFilledPart(aggregate)) {
            // each month's rows summed apart, only for a source that fills its missing months
            const rowsByMonth = new Map<string, number[]>();
            for (const row of selected) {
                const month = formatDateCode(Math.floor(dates.values[row] / 100) * 100);
                const rows = rowsByMonth.get(month);
                if (rows) rows.push(row);
                else rowsByMonth.set(month, [row]);
            }
            out.byMonth = new Map([...rowsByMonth].map(([month, rows]) => [month, new Quantity(units ? sumOf(typed, rows, units) : sumOf(typed, rows, units).times(unit!.value), dimension)]));
        }
        let total = sumOf(typed, selected, units);
        if (fn === 'avg') total = total.dividedBy(Rational.fromInteger(selected.length));
        return new Quantity(units ? total : total.times(unit!.value), dimension);
    }

    /**
     * A condition as a test of rows: `column = "text"` on a text column (with
     * the rows of that text, from the table's index), `column in 2024` or
     * `in 2024-03` on a date column. A test answers undefined for a row whose
     * cell cannot be read.
     */
    private conditionTest(condition: DatasetCondition, dataset: Dataset, table: CsvTable, report: (key: string, params: Record<string, string>) => void): { rows?: readonly number[]; test: (row: number) => boolean | undefined } | undefined {
        const declared = dataset.columns.find(column => column.name === condition.column);
        const typed = declared ? table.columns.get(declared.name) : undefined;
        if (!declared || !typed) {
            report('unknownColumn', { column: condition.column ?? '', dataset: dataset.name, columns: dataset.columns.map(c => c.name).join(', ') });
            return undefined;
        }
        if (condition.text !== undefined) {
            if (typed.kind !== 'text') {
                report('conditionKind', { column: declared.name, kind: typed.kind });
                return undefined;
            }
            const code = typed.codeOf(condition.text);
            const codes = typed.codes;
            return { rows: table.rowsWith(declared.name, condition.text), test: row => codes[row] === code };
        }
        if (condition.year === undefined) return undefined;
        if (typed.kind !== 'date') {
            report('conditionKind', { column: declared.name, kind: typed.kind });
            return undefined;
        }
        const valid = condition.month === undefined ? /^[0-9]{4}$/.test(condition.year) : monthOf(condition.year, condition.month) !== undefined;
        if (!valid) {
            report('badMonth', { value: condition.month === undefined ? condition.year : `${condition.year}-${condition.month}` });
            return undefined;
        }
        const year = Number(condition.year);
        const month = condition.month === undefined ? undefined : Number(condition.month);
        const values = typed.values;
        return {
            test: row => {
                const code = values[row];
                if (code < 0) return undefined;
                return Math.floor(code / 10000) === year && (month === undefined || Math.floor(code / 100) % 100 === month);
            }
        };
    }

    /** The file a dataset names, or why it cannot be read: relative to the declaring file, inside the model's repository. */
    private fileOf(dataset: Dataset): URI | 'outside' | 'badPath' | 'none' {
        try {
            const uri = this.resolvedFileOf(dataset);
            // a path with a lone surrogate half cannot be written as a URI (toString throws): no file has it
            if (typeof uri !== 'string') uri.toString();
            return uri;
        } catch {
            return 'badPath';
        }
    }

    private resolvedFileOf(dataset: Dataset): URI | 'outside' | 'none' {
        const path = (dataset.path ?? '').trim().replace(/\\/g, '/');
        const document = AstUtils.getDocument(dataset);
        const model = this.services.references.Models.modelOf(document.uri);
        if (path === '' || isAbsolutePath(path)) return 'outside';
        const target = UriUtils.resolvePath(UriUtils.dirname(document.uri), path);
        const place = modelRepository(this.services.shared.workspace.FileSystemProvider, model);
        // a file in no model (or in a browser without a file system) may read beside itself only
        const folder = place?.repository ?? UriUtils.dirname(document.uri);
        if (!isInsideFolder(target, folder)) return 'outside';
        // and really: not through a symbolic link that leads out
        const fileSystem = this.services.shared.workspace.FileSystemProvider;
        if (!isInsideFolder(realPathOf(fileSystem, target), realPathOf(fileSystem, folder))) return 'outside';
        return target;
    }

    /** The table of a text read against some columns, parsed once per content. */
    private tableOf(text: string, specs: readonly ColumnSpec[]): CsvTable {
        const key = `${contentKey(text)}\n${JSON.stringify(specs)}`;
        const kept = this.tables.get(key);
        if (kept && kept.text === text) {
            // newest last
            this.tables.delete(key);
            this.tables.set(key, kept);
            return kept.table;
        }
        const table = readCsvTable(text, specs);
        this.tables.set(key, { text, table });
        let characters = 0;
        for (const kept of this.tables.values()) characters += kept.text.length;
        while (this.tables.size > 1 && (this.tables.size > KEPT_TABLES || characters > KEPT_CHARACTERS)) {
            const oldest = this.tables.keys().next().value!;
            characters -= this.tables.get(oldest)!.text.length;
            this.tables.delete(oldest);
        }
        return table;
    }

    /** The value of a unit named in a cell (`MWh`, `GJ`): a unit of the built-in library or of the model. */
    private unitNamed(name: string, model: string): Quantity | undefined {
        const models = this.services.references.Models;
        const description = this.services.shared.workspace.IndexManager.allElements('UnitDecl').find(desc => desc.name === name && models.isVisibleFrom(model, desc.documentUri));
        const unit = description?.node;
        return unit && isUnitDecl(unit) ? this.services.semantics.Evaluator.unitValue(unit) : undefined;
    }

    private report(rule: string, key: string, params: Record<string, string | Dimension>, node: Dataset | Aggregate, property?: string, index?: number): void {
        this.services.semantics.FigureMemo.report({ rule, key, params, node, property, index });
    }
}

/**
 * The exact sum of a number column over some rows, in base units when the
 * rows carry their units (each row's unit applied), else in the column's
 * unit: the integer mantissas are summed per unit and scale (BigInt), and
 * each partial sum becomes a Rational once.
 */
function sumOf(column: NumberColumn, rows: readonly number[], units: RowUnits | undefined): Rational {
    const sums = new Map<number, Map<number, bigint>>();
    let total = Rational.ZERO;
    for (const row of rows) {
        const scale = column.scales[row];
        const code = units ? units.codes[row] : 0;
        if (scale === OTHER_NUMBER) {
            const value = column.others.get(row)!;
            total = total.plus(units ? value.times(units.byCode[code]!.value) : value);
            continue;
        }
        let byScale = sums.get(code);
        if (!byScale) sums.set(code, (byScale = new Map<number, bigint>()));
        byScale.set(scale, (byScale.get(scale) ?? 0n) + column.mantissas[row]);
    }
    for (const [code, byScale] of sums) {
        let part = Rational.ZERO;
        for (const [scale, sum] of byScale) {
            const value = Rational.fromInteger(sum);
            part = part.plus(scale === 0 ? value : scale > 0 ? value.dividedBy(Rational.fromInteger(10n ** BigInt(scale))) : value.times(Rational.fromInteger(10n ** BigInt(-scale))));
        }
        total = total.plus(units ? part.times(units.byCode[code]!.value) : part);
    }
    return total;
}

/** The columns a dataset reads from its file; the column a `unit-from` names is read as text. */
function specsOf(dataset: Dataset): ColumnSpec[] {
    const specs: ColumnSpec[] = [];
    for (const column of dataset.columns) {
        if (!column.name) continue;
        if (column.kind === 'text' || column.kind === 'date') specs.push({ name: column.name, kind: column.kind });
        else specs.push({ name: column.name, kind: 'number', unitFrom: column.unitFrom });
    }
    for (const column of dataset.columns) {
        if (column.unitFrom && !specs.some(spec => spec.name === column.unitFrom)) specs.push({ name: column.unitFrom, kind: 'text' });
    }
    return specs;
}

/** The header of a column, as the declaration names it. */
function header(table: CsvTable, index: number, dataset: Dataset): string {
    for (const [name, column] of table.columns) if (column.index === index) return name;
    return dataset.name;
}

/** `YYYY-MM-DD` as a date code of csv-table.ts. */
function dateCode(date: string): number {
    return Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

function reasonOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
