import type { ReportModel, ReportSource } from './report-model.js';
import { tableText } from './table-text.js';
import { reportText } from './report-text.js';
import { spreadsheetText } from './spreadsheet-text.js';

/**
 * The kinds of value in the per-source table: `figure` is an exact decimal
 * string of the model (tonnes, percent, an activity value), `integer` a year
 * or a scope, `text` anything written by the user or a word of the report.
 */
export type SourceColumnKind = 'text' | 'figure' | 'integer' | 'boolean';

export interface SourceColumn {
    /** Stable name of the column, independent of the language (`co2e`, `gas:CH4`). */
    readonly key: string;
    readonly header: string;
    readonly kind: SourceColumnKind;
    readonly value: (source: ReportSource) => string | number | boolean | null;
}

/**
 * The gases that have a column: those of the inventory's `byGas` in its order,
 * then any other gas a source counts, in order of first appearance.
 */
export function sourceGases(model: ReportModel): string[] {
    const present = new Set<string>();
    for (const source of model.inventory.sources) for (const gas of Object.keys(source.gases)) present.add(gas);
    const ordered = model.inventory.byGas.map(entry => entry.gas).filter(gas => present.has(gas));
    for (const gas of present) if (!ordered.includes(gas)) ordered.push(gas);
    return ordered;
}

/**
 * The per-source inventory as columns, in the order of the csv and of the
 * xlsx Sources sheet, headers in the report's language.
 */
export function sourceColumns(model: ReportModel): SourceColumn[] {
    const locale = model.locale;
    const t = (id: Parameters<typeof tableText>[0], values?: Record<string, string>) => tableText(id, locale, values);
    return [
        { key: 'id', header: t('id'), kind: 'text', value: s => s.id },
        { key: 'name', header: t('name'), kind: 'text', value: s => s.name },
        { key: 'site', header: reportText('site', locale), kind: 'text', value: s => s.site },
        { key: 'category', header: reportText('category', locale), kind: 'text', value: s => s.category },
        { key: 'scope', header: t('scope'), kind: 'integer', value: s => s.scope },
        { key: 'activityExpression', header: t('activityExpression'), kind: 'text', value: s => s.activity?.expression ?? null },
        { key: 'activityValue', header: t('activityValue'), kind: 'figure', value: s => s.activity?.value ?? null },
        { key: 'activityUnit', header: t('activityUnit'), kind: 'text', value: s => s.activity?.unit ?? null },
        { key: 'factor', header: reportText('factor', locale), kind: 'text', value: s => s.factor?.expression ?? null },
        { key: 'factorSource', header: t('factorSource'), kind: 'text', value: s => s.factor?.source ?? null },
        { key: 'factorYear', header: t('factorYear'), kind: 'integer', value: s => s.factor?.year ?? null },
        ...sourceGases(model).map((gas): SourceColumn => ({
            key: `gas:${gas}`,
            header: t('gasTonnes', { gas }),
            kind: 'figure',
            value: s => s.gases[gas] ?? null
        })),
        { key: 'co2e', header: t('co2e'), kind: 'figure', value: s => s.co2e },
        { key: 'co2eLocation', header: t('co2eLocation'), kind: 'figure', value: s => s.co2eLocation },
        { key: 'co2eMarket', header: t('co2eMarket'), kind: 'figure', value: s => s.co2eMarket },
        { key: 'biogenicCO2', header: t('biogenicCO2'), kind: 'figure', value: s => s.biogenicCO2 },
        { key: 'dataQuality', header: reportText('dataQuality', locale), kind: 'text', value: s => s.dataQuality },
        { key: 'uncertaintyPercent', header: t('uncertaintyPercent'), kind: 'figure', value: s => s.uncertaintyPercent },
        { key: 'computed', header: t('computed'), kind: 'boolean', value: s => s.computed },
        ...monthColumns(model)
    ];
}

/**
 * With a completeness table (docs/months.md), one column per month of the
 * period (`month:2024-01`: `given`, `filled` or `missing`; empty for a source
 * not given month by month) and the filled share; none otherwise.
 */
function monthColumns(model: ReportModel): SourceColumn[] {
    const completeness = model.inventory.completeness;
    if (!completeness) return [];
    const rows = new Map(completeness.sources.map(row => [row.id, row]));
    return [
        ...completeness.months.map((month, index): SourceColumn => ({ key: `month:${month}`, header: month, kind: 'text', value: s => rows.get(s.id)?.months[index] ?? null })),
        { key: 'filledPercent', header: reportText('filledShare', model.locale), kind: 'figure', value: s => rows.get(s.id)?.filledPercent ?? null },
        { key: 'fillMethod', header: reportText('fillMethod', model.locale), kind: 'text', value: s => rows.get(s.id)?.fillMethod ?? null }
    ];
}

/** A UTF-8 byte-order mark: without it spreadsheet programs read a csv as the local code page and garble zh-CN headers. */
export const CSV_BOM = '\uFEFF';

/** One field, RFC 4180: quoted when it holds a comma, a quote, CR or LF (quotes doubled); empty for null. */
export function csvField(value: string | number | boolean | null): string {
    if (value === null) return '';
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The per-source inventory as csv (RFC 4180): a header row in the report's
 * language, one row per source in the model's order, CRLF after every row,
 * preceded by a UTF-8 BOM. Figures are the model's exact decimal strings (no
 * rounding, no grouping), so that a spreadsheet or a csv reader loads them
 * exactly; a value that is not there is an empty field; `computed` is
 * `true`/`false`. Text that a spreadsheet would run as a formula is quoted
 * (spreadsheetText).
 */
export function renderCsv(model: ReportModel): string {
    const columns = sourceColumns(model);
    const lines = [columns.map(column => csvField(spreadsheetText(column.header))).join(',')];
    for (const source of model.inventory.sources) {
        lines.push(
            columns
                .map(column => {
                    const value = column.value(source);
                    return csvField(column.kind === 'text' && typeof value === 'string' ? spreadsheetText(value) : value);
                })
                .join(',')
        );
    }
    return CSV_BOM + lines.map(line => `${line}\r\n`).join('');
}
