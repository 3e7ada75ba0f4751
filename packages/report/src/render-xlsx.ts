import type ExcelJS from 'exceljs';
import { Dec, formatFigure, Rational, type Locale } from '@cnms/language';
import type { ReportModel } from './report-model.js';
import { REPORT_TEXT, reportText, type ReportTextId } from './report-text.js';
import { tableText, type TableTextId } from './table-text.js';
import { sourceColumns, type SourceColumnKind } from './render-csv.js';
import { spreadsheetText } from './spreadsheet-text.js';

/** The number format of every figure: thousands separators, 3 decimals. The cell holds the full double. */
export const XLSX_FIGURE_FORMAT = '#,##0.000';

/** The date of the workbook (and of every zip entry) when the model has no `provenance.generated`. */
export const XLSX_FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

type Kind = SourceColumnKind;

const EXACT_DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;
type CellValue = string | number | boolean | null;

export interface SheetColumn {
    readonly header: string;
    readonly kind: Kind;
}

export interface SheetRow {
    readonly cells: readonly CellValue[];
    readonly bold?: boolean;
}

/** Display width of text, a CJK character counting two. */
function textWidth(text: string): number {
    let width = 0;
    for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
    return width;
}

function figureNumber(text: string): number {
    // the nearest double, via the exact decimal (never parseFloat): the cell is numeric by nature
    return Rational.fromDecimal(new Dec(text)).toDecimal().toNumber();
}

/**
 * One table of the workbook: a bold, frozen header row, then rows. A `figure`
 * column (an exact decimal string of the model) becomes a numeric cell with
 * {@link XLSX_FIGURE_FORMAT}, followed by a hidden text column
 * "<header> (exact)" that keeps the exact decimal string, since a cell's
 * double cannot always hold it.
 */
export function addTable(workbook: ExcelJS.Workbook, name: string, columns: readonly SheetColumn[], rows: readonly SheetRow[], locale: Locale, options: { autoFilter?: boolean; xSplit?: number } = {}): ExcelJS.Worksheet {
    const sheet = workbook.addWorksheet(name, {
        views: [{ state: 'frozen', xSplit: options.xSplit ?? 0, ySplit: 1, topLeftCell: options.xSplit ? 'B2' : 'A2', activeCell: 'A2' }]
    });
    // the physical columns: each figure column is followed by its hidden exact column
    const physical: Array<{ header: string; kind: Kind | 'exact'; source: number }> = [];
    columns.forEach((column, index) => {
        physical.push({ header: column.header, kind: column.kind, source: index });
        if (column.kind === 'figure') physical.push({ header: tableText('exact', locale, { header: column.header }), kind: 'exact', source: index });
    });
    const widths = physical.map(column => textWidth(column.header));
    const header = sheet.getRow(1);
    physical.forEach((column, i) => {
        header.getCell(i + 1).value = spreadsheetText(column.header);
    });
    header.font = { bold: true };
    rows.forEach((row, r) => {
        const excelRow = sheet.getRow(r + 2);
        physical.forEach((column, i) => {
            const value = row.cells[column.source] ?? null;
            if (value === null || value === '') return;
            const cell = excelRow.getCell(i + 1);
            let shown: string;
            // (a figure column may hold a flag instead, such as a CBAM communication's missing figure: it stays text)
            if (column.kind === 'figure' && typeof value === 'string' && EXACT_DECIMAL.test(value)) {
                cell.value = figureNumber(value);
                cell.numFmt = XLSX_FIGURE_FORMAT;
                shown = formatFigure(Rational.fromDecimal(new Dec(value)), locale, 3);
            } else if (column.kind === 'exact') {
                cell.value = String(value);
                shown = '';
            } else if (column.kind === 'integer' && typeof value === 'number') {
                cell.value = value;
                shown = String(value);
            } else {
                cell.value = typeof value === 'string' ? spreadsheetText(value) : value;
                shown = typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
            }
            widths[i] = Math.max(widths[i], ...shown.split('\n').map(textWidth));
        });
        if (row.bold) excelRow.font = { bold: true };
    });
    physical.forEach((column, i) => {
        const sheetColumn = sheet.getColumn(i + 1);
        sheetColumn.width = Math.min(60, Math.max(8, widths[i] + 2));
        if (column.kind === 'exact') {
            sheetColumn.hidden = true;
            sheetColumn.width = Math.max(12, textWidth(column.header) + 2);
        }
    });
    if (options.autoFilter && physical.length > 0) {
        sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: physical.length } };
    }
    return sheet;
}

/**
 * The report as an Excel workbook (exceljs): sheets Summary, Sources,
 * Offsets and Coverage (names in the report's language, always in this
 * order). Figures are numeric cells formatted with 3 decimals, each with its
 * exact decimal string in a hidden text column beside it; header rows are
 * bold and frozen, widths follow the content. Deterministic: the workbook's
 * created/modified dates and the zip entries' dates are the model's
 * `provenance.generated`, or 2000-01-01 without it, so two runs give the
 * same bytes.
 */
export async function renderXlsx(model: ReportModel): Promise<Buffer> {
    const locale = model.locale;
    const r = (id: ReportTextId) => reportText(id, locale);
    const t = (id: TableTextId, values?: Record<string, string>) => tableText(id, locale, values);
    const date = fixedDate(model);
    const paren = (inner: string) => (locale === 'zh-CN' ? `（${inner}）` : ` (${inner})`);

    const workbook = await newWorkbook(`${r('title')} — ${model.organization.name}`, date);

    // Summary: one item a row; text in Value, figures numeric with their unit
    const { organization: org, inventory, balance } = model;
    const items: SummaryItem[] = [];
    const text = (label: string, value: string | null, bold = false) => items.push({ label, text: value, bold });
    const figure = (label: string, value: string, unit = 'tCO2e', bold = false) => items.push({ label, figure: value, unit, bold });
    text(r('organization'), `${org.name}${paren(org.id)}`);
    text(r('industry'), org.industry);
    text(r('msScope'), org.msScope);
    text(r('consolidation'), r(`consolidation.${org.consolidation}`));
    text(r('period'), org.period ? `${org.period.label}${paren(`${org.period.start} – ${org.period.end}`)}` : null);
    items.push({ label: r('baseYear'), integer: org.baseYear });
    text(r('gwp'), [org.gwp.set, org.gwp.title].filter(part => part).join(' — ') || null);
    text(t('gwpSource'), org.gwp.source);
    text(r('gwpJustification'), org.gwp.justification);
    text(r('scope2'), r(`scope2.${org.scope2}`));
    items.push({ label: r('byScope'), bold: true });
    figure(r('scope1'), inventory.byScope.scope1);
    figure(r('scope2Location') + (org.scope2 === 'location-based' ? paren(r('counts')) : ''), inventory.byScope.scope2Location);
    figure(r('scope2Market') + (org.scope2 === 'market-based' ? paren(r('counts')) : ''), inventory.byScope.scope2Market);
    figure(r('scope3'), inventory.byScope.scope3);
    items.push({ label: r('byCategory'), bold: true });
    for (const row of inventory.byCategory) figure(categoryLabel(row.category, locale), row.co2e);
    items.push({ label: t('totals'), bold: true });
    figure(t('totalEmissions'), balance.emissions, 'tCO2e', true);
    figure(t('removalsTotal'), balance.removals);
    figure(r('offsetsTotal'), balance.offsets);
    figure(r('net'), balance.net, 'tCO2e', true);
    figure(r('biogenic'), inventory.biogenicCO2, 'tCO2');
    text(t('verdict'), r(balance.neutral ? 'neutral' : 'notNeutral'), true);
    for (const reason of balance.reasons) text(t('reasons'), reason);
    items.push({ label: t('modelErrors'), integer: balance.errors }, { label: t('modelWarnings'), integer: balance.warnings });
    const summary = addTable(
        workbook,
        t('sheet.summary'),
        [
            { header: t('item'), kind: 'text' },
            { header: t('value'), kind: 'text' },
            { header: t('unit'), kind: 'text' }
        ],
        [],
        locale
    );
    fillSummary(summary, items, locale, t('value'));

    // Sources: the csv's table
    const columns = sourceColumns(model);
    addTable(
        workbook,
        t('sheet.sources'),
        columns.map(column => ({ header: column.header, kind: column.kind })),
        inventory.sources.map(source => ({ cells: columns.map(column => column.value(source)) })),
        locale,
        { autoFilter: true, xSplit: 1 }
    );

    // Offsets: the register
    addTable(
        workbook,
        t('sheet.offsets'),
        [
            { header: t('id'), kind: 'text' },
            { header: t('name'), kind: 'text' },
            { header: r('standard'), kind: 'text' },
            { header: t('project'), kind: 'text' },
            { header: r('registry'), kind: 'text' },
            { header: r('serial'), kind: 'text' },
            { header: r('kind'), kind: 'text' },
            { header: r('vintage'), kind: 'integer' },
            { header: t('quantityTco2e'), kind: 'figure' },
            { header: r('retired'), kind: 'text' },
            { header: r('retiredFor'), kind: 'text' },
            { header: t('appliesTo'), kind: 'text' },
            { header: r('counted'), kind: 'boolean' },
            { header: t('reason'), kind: 'text' }
        ],
        model.offsets.register.map(offset => ({
            cells: [
                offset.id,
                offset.name,
                offset.standard,
                offset.project,
                offset.registry,
                offset.serial,
                offset.kind,
                offset.vintage,
                offset.quantity,
                offset.retired,
                offset.retiredFor,
                offset.appliesTo,
                offset.counts,
                reasonLabel(offset.reason, locale)
            ]
        })),
        locale,
        { autoFilter: true }
    );

    // Coverage: the clause matrix
    addTable(
        workbook,
        t('sheet.coverage'),
        [
            { header: r('clause'), kind: 'text' },
            { header: t('title'), kind: 'text' },
            { header: r('status'), kind: 'text' },
            { header: t('errors'), kind: 'integer' },
            { header: t('warnings'), kind: 'integer' },
            { header: t('infos'), kind: 'integer' },
            { header: r('evidence'), kind: 'text' },
            { header: t('rules'), kind: 'text' }
        ],
        model.coverage.map(row => ({
            cells: [row.clause, row.title, r(`status.${row.status}`), row.errors, row.warnings, row.infos, row.evidence.join('; '), row.rules.join(', ')]
        })),
        locale,
        { autoFilter: true }
    );

    return workbookBytes(workbook, date);
}

/** An empty workbook by CNMS, dated `date` (deterministic output). */
export async function newWorkbook(title: string, date: Date): Promise<ExcelJS.Workbook> {
    // loaded here, not with the package: only an xlsx output needs it
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.Workbook();
    workbook.creator = 'CNMS';
    workbook.lastModifiedBy = 'CNMS';
    workbook.created = date;
    workbook.modified = date;
    workbook.title = title;
    return workbook;
}

/** The bytes of a workbook, every zip entry dated `date`, so that two runs give the same bytes. */
export async function workbookBytes(workbook: ExcelJS.Workbook, date: Date): Promise<Buffer> {
    const written = await workbook.xlsx.writeBuffer();
    const bytes = Buffer.isBuffer(written) ? written : Buffer.from(written);
    return setZipDates(bytes, date);
}

/** A row of the Summary sheet: a label and one of text, a figure (with its unit) or an integer. */
interface SummaryItem {
    readonly label: string;
    readonly text?: string | null;
    readonly figure?: string;
    readonly unit?: string;
    readonly integer?: number | null;
    readonly bold?: boolean;
}

/**
 * The Summary sheet is a list of items, not a uniform table: column B holds
 * text, an integer or a figure row by row. A figure is numeric with the
 * figure format, its unit in C and its exact string in the hidden column D.
 */
function fillSummary(sheet: ExcelJS.Worksheet, items: readonly SummaryItem[], locale: Locale, valueHeader: string): void {
    const exactHeader = tableText('exact', locale, { header: valueHeader });
    sheet.getCell(1, 4).value = exactHeader;
    const widths = [textWidth(tableText('item', locale)), textWidth(valueHeader), textWidth(tableText('unit', locale))];
    items.forEach((item, index) => {
        const row = sheet.getRow(index + 2);
        row.getCell(1).value = spreadsheetText(item.label);
        widths[0] = Math.max(widths[0], textWidth(item.label));
        const value = row.getCell(2);
        if (item.figure !== undefined) {
            value.value = figureNumber(item.figure);
            value.numFmt = XLSX_FIGURE_FORMAT;
            row.getCell(4).value = item.figure;
            widths[1] = Math.max(widths[1], textWidth(formatFigure(Rational.fromDecimal(new Dec(item.figure)), locale, 3)));
        } else if (item.integer !== undefined && item.integer !== null) {
            value.value = item.integer;
            widths[1] = Math.max(widths[1], String(item.integer).length);
        } else if (item.text) {
            value.value = spreadsheetText(item.text);
            widths[1] = Math.max(widths[1], textWidth(item.text));
        }
        if (item.unit) {
            row.getCell(3).value = spreadsheetText(item.unit);
            widths[2] = Math.max(widths[2], textWidth(item.unit));
        }
        if (item.bold) row.font = { bold: true };
    });
    widths.forEach((width, i) => {
        sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, width + 2));
    });
    const exact = sheet.getColumn(4);
    exact.width = Math.max(12, textWidth(exactHeader) + 2);
    exact.hidden = true;
    sheet.getRow(1).font = { bold: true };
}

function fixedDate(model: ReportModel): Date {
    const generated = model.provenance.generated;
    if (generated !== null) {
        const date = new Date(generated);
        if (!Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1980 && date.getUTCFullYear() <= 2107) {
            return new Date(Math.floor(date.getTime() / 1000) * 1000);
        }
    }
    return XLSX_FIXED_DATE;
}

function categoryLabel(category: string, locale: Locale): string {
    const major = /^([1-6])(?:\.\d+)?$/.exec(category)?.[1];
    const id = `category.${major}` as ReportTextId;
    return major && id in REPORT_TEXT ? `${category} ${reportText(id, locale)}` : category;
}

function reasonLabel(reason: string, locale: Locale): string {
    const id = `reason.${reason}` as ReportTextId;
    return id in REPORT_TEXT ? reportText(id, locale) : reason;
}

/**
 * Sets the last-modified time and date of every entry of a zip (local header
 * and central directory) to `date`. exceljs (through JSZip) stamps each entry
 * with the time of writing and offers no option for it; the stamps are not
 * covered by the CRC, so rewriting them in place leaves a valid archive.
 */
export function setZipDates(zip: Buffer, date: Date): Buffer {
    const out = Buffer.from(zip);
    const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
    const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
    // the end-of-central-directory record: 22 bytes plus a comment of up to 65535
    let end = -1;
    for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
        if (out.readUInt32LE(i) === 0x06054b50) {
            end = i;
            break;
        }
    }
    if (end < 0) throw new Error('not a zip archive: no end-of-central-directory record');
    const entries = out.readUInt16LE(end + 10);
    let at = out.readUInt32LE(end + 16);
    for (let n = 0; n < entries; n++) {
        if (out.readUInt32LE(at) !== 0x02014b50) throw new Error('not a zip archive: bad central directory entry');
        out.writeUInt16LE(time, at + 12);
        out.writeUInt16LE(day, at + 14);
        const local = out.readUInt32LE(at + 42);
        if (out.readUInt32LE(local) !== 0x04034b50) throw new Error('not a zip archive: bad local file header');
        out.writeUInt16LE(time, local + 10);
        out.writeUInt16LE(day, local + 12);
        at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
    }
    return out;
}
