import { Dec, fillTemplate, formatFigure, Rational, type Locale } from '@cnms/language';
import { REPORT_TEXT, type ReportTextId } from './report-text.js';

/**
 * The words the HTML report needs beyond the shared report words
 * (report-text.ts): the headline, summary figures, table headers of the
 * uncertainty and plan tables, and the values of keyword properties.
 */
export const HTML_TEXT = {
    'month.given': { en: 'read from the data', 'zh-CN': '取自数据' },
    'month.filled': { en: 'filled (gap-fill {method})', 'zh-CN': '已填补（gap-fill {method}）' },
    'month.missing': { en: 'missing', 'zh-CN': '缺失' },
    headline: { en: 'Net balance {period}: ', 'zh-CN': '{period} 年净排放：' },
    headlineRange: { en: 'Net balance {period}: ', 'zh-CN': '净排放（{period}）：' },
    headlineNoPeriod: { en: 'Net balance: ', 'zh-CN': '净排放：' },
    colon: { en: ': ', 'zh-CN': '：' },
    separator: { en: '; ', 'zh-CN': '；' },
    summary: { en: 'Summary', 'zh-CN': '摘要' },
    identifier: { en: 'Identifier', 'zh-CN': '标识符' },
    total: { en: 'Total', 'zh-CN': '合计' },
    unit: { en: 'Unit', 'zh-CN': '单位' },
    scope: { en: 'Scope', 'zh-CN': '范围' },
    scope2Short: { en: 'Scope 2', 'zh-CN': '范围二' },
    errors: { en: 'Errors', 'zh-CN': '错误' },
    warnings: { en: 'Warnings', 'zh-CN': '警告' },
    infos: { en: 'Info', 'zh-CN': '提示' },
    diagnostics: { en: 'Findings against the model: {errors:# error|# errors}, {warnings:# warning|# warnings}; see section 7.', 'zh-CN': '模型问题：{errors} 个错误，{warnings} 个警告；详见第 7 节。' },
    whyNot: { en: 'Why not', 'zh-CN': '原因' },
    project: { en: 'Project', 'zh-CN': '项目' },
    appliesTo: { en: 'Applies to', 'zh-CN': '适用期间' },
    uncertaintyPercent: { en: 'Uncertainty (±%, 95 %)', 'zh-CN': '不确定性（±%，95 %）' },
    uncertaintyAbsolute: { en: 'Absolute (±tCO2e)', 'zh-CN': '绝对值（±tCO2e）' },
    assessedEmissions: { en: 'Assessed emissions', 'zh-CN': '已评估排放量' },
    givenDirectly: { en: 'Emissions given directly', 'zh-CN': '直接给出的排放量' },
    biogenicApart: { en: 'biogenic CO2, apart', 'zh-CN': '生物质 CO2，单独报告' },
    factorUncertainty: { en: 'uncertainty ±{percent}\u00a0%', 'zh-CN': '不确定性 ±{percent}\u00a0%' },
    significant: { en: 'significant', 'zh-CN': '重要排放源' },
    line: { en: 'Line', 'zh-CN': '行' },
    languageRules: { en: 'Language rules (no clause)', 'zh-CN': '语言规则（无条款）' },
    noFindings: { en: 'No findings.', 'zh-CN': '无问题。' },
    noEntries: { en: 'None declared.', 'zh-CN': '未声明。' },
    targets: { en: 'Targets', 'zh-CN': '目标' },
    plan: { en: 'The plan, year by year', 'zh-CN': '逐年计划' },
    projectedAll: { en: 'Projected, all sources', 'zh-CN': '预测（全部排放源）' },
    projectedCovered: { en: 'Projected (what it covers)', 'zh-CN': '预测（目标覆盖范围）' },
    missed: { en: 'missed', 'zh-CN': '未达标' },
    coverageMatrix: { en: 'Clause coverage matrix', 'zh-CN': '条款覆盖矩阵' },
    findingsByClause: { en: 'Findings by clause', 'zh-CN': '按条款列出的问题' },
    rules: { en: 'Rules', 'zh-CN': '规则' },
    outcome: { en: 'Outcome', 'zh-CN': '结果' },
    balanceTable: { en: 'The balance', 'zh-CN': '平衡表' },
    less: { en: 'less ', 'zh-CN': '减：' },
    otherUnitTargets: { en: 'Targets in other units ({units}) are in the table only.', 'zh-CN': '其他单位的目标（{units}）仅列于表中。' },
    noPlan: { en: 'No reduction plan is declared, so there is no trajectory.', 'zh-CN': '未声明减排计划，因此没有排放轨迹。' },
    instrument: { en: 'Instrument', 'zh-CN': '凭证' },
    offset: { en: 'Offset', 'zh-CN': '抵销项目' },
    removal: { en: 'Removal', 'zh-CN': '清除项' },
    inventoryTotal: { en: 'Total emissions of the inventory', 'zh-CN': '清单排放总量' },
    claimPeriod: { en: 'Period', 'zh-CN': '期间' },
    yes: { en: 'yes', 'zh-CN': '是' },
    no: { en: 'no', 'zh-CN': '否' },
    'dataQuality.measured': { en: 'measured', 'zh-CN': '实测' },
    'dataQuality.calculated': { en: 'calculated', 'zh-CN': '计算' },
    'dataQuality.estimated': { en: 'estimated', 'zh-CN': '估算' },
    'offsetKind.reduction': { en: 'reduction', 'zh-CN': '减排' },
    'offsetKind.removal': { en: 'removal', 'zh-CN': '清除' },
    'targetKind.carbon-neutral': { en: 'carbon neutral', 'zh-CN': '碳中和' },
    'targetKind.absolute-reduction': { en: 'absolute reduction', 'zh-CN': '绝对减排' },
    'targetKind.intensity-reduction': { en: 'intensity reduction', 'zh-CN': '强度减排' },
    'claimKind.commitment': { en: 'commitment', 'zh-CN': '承诺声明' },
    'claimKind.achievement': { en: 'achievement', 'zh-CN': '实现声明' },
    'severity.error': { en: 'error', 'zh-CN': '错误' },
    'severity.warning': { en: 'warning', 'zh-CN': '警告' },
    'severity.info': { en: 'info', 'zh-CN': '提示' }
} as const satisfies Record<string, Record<Locale, string>>;

export type HtmlTextId = keyof typeof HTML_TEXT;

/** A word of the HTML report: the shared report words first, then the HTML's own. */
export function htmlText(id: ReportTextId | HtmlTextId, locale: Locale, params: Record<string, string | number> = {}): string {
    const entry = (REPORT_TEXT as Record<string, Record<Locale, string>>)[id] ?? (HTML_TEXT as Record<string, Record<Locale, string>>)[id];
    return fillTemplate(entry[locale], params);
}

/** The localised word of a keyword value (`measured`, `carbon-neutral`), or the value itself when there is none. */
export function keywordText(group: string, value: string, locale: Locale): string {
    const entry = (HTML_TEXT as Record<string, Record<Locale, string>>)[`${group}.${value}`] ?? (REPORT_TEXT as Record<string, Record<Locale, string>>)[`${group}.${value}`];
    return entry ? entry[locale] : value;
}

/** A figure of the model (an exact decimal string, possibly signed) as a Rational; undefined when it is not a number. */
export function figureValue(text: string): Rational | undefined {
    try {
        return Rational.fromDecimal(new Dec(text.trim()));
    } catch {
        return undefined;
    }
}

/** A figure for the reader: rounded half-even to `decimals` places, thousands separators; `—` for a missing figure. */
export function showFigure(text: string | null | undefined, locale: Locale, decimals = 3, signed = false): string {
    if (text === null || text === undefined || text === '') return '—';
    const value = figureValue(text);
    return value ? formatFigure(value, locale, decimals, signed) : text;
}

/**
 * An input figure (an emission factor, a GWP) as given: every decimal it has,
 * at most `maxDecimals`, with thousands separators.
 */
export function showExact(text: string | null | undefined, locale: Locale, maxDecimals = 8): string {
    if (text === null || text === undefined || text === '') return '—';
    const value = figureValue(text);
    if (!value) return text;
    const places = Math.min(value.toDecimal().decimalPlaces(), maxDecimals);
    return formatFigure(value, locale, places);
}

/** A figure as a number, only for the geometry of a chart (never shown, never summed). */
export function chartNumber(text: string | null | undefined): number {
    const value = text ? Number.parseFloat(text) : Number.NaN;
    return Number.isFinite(value) ? value : 0;
}
