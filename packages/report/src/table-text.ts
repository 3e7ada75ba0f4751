import type { Locale } from '@cnms/language';

/**
 * Words of the tabular formats (md, csv, xlsx) that report-text.ts does not
 * hold: column headers of the per-source table, sheet names, labels of the
 * summary. Same shape as REPORT_TEXT; `{gas}` and `{header}` are filled in.
 */
export const TABLE_TEXT = {
    id: { en: 'ID', 'zh-CN': '编号' },
    name: { en: 'Name', 'zh-CN': '名称' },
    scope: { en: 'Scope', 'zh-CN': '范围' },
    activityExpression: { en: 'Activity as written', 'zh-CN': '活动数据（原文）' },
    activityValue: { en: 'Activity value', 'zh-CN': '活动数据值' },
    activityUnit: { en: 'Activity unit', 'zh-CN': '活动数据单位' },
    emissionsExpression: { en: 'Emissions as written', 'zh-CN': '排放量（原文）' },
    factorSource: { en: 'Factor source', 'zh-CN': '因子来源' },
    factorYear: { en: 'Factor year', 'zh-CN': '因子年份' },
    factorValues: { en: 'Factor values', 'zh-CN': '因子数值' },
    gasTonnes: { en: '{gas} (t)', 'zh-CN': '{gas}（吨）' },
    co2e: { en: 'Emissions (tCO2e)', 'zh-CN': '排放量（tCO2e）' },
    co2eLocation: { en: 'Emissions, location-based (tCO2e)', 'zh-CN': '排放量，基于位置（tCO2e）' },
    co2eMarket: { en: 'Emissions, market-based (tCO2e)', 'zh-CN': '排放量，基于市场（tCO2e）' },
    biogenicCO2: { en: 'Biogenic CO2 (t)', 'zh-CN': '生物质 CO2（吨）' },
    uncertaintyPercent: { en: 'Uncertainty (%)', 'zh-CN': '不确定性（%）' },
    absoluteUncertainty: { en: 'Uncertainty (tCO2e)', 'zh-CN': '不确定性（tCO2e）' },
    assessedEmissions: { en: 'Assessed emissions', 'zh-CN': '已评估排放量' },
    computed: { en: 'Computed', 'zh-CN': '已计算' },
    exact: { en: '{header} (exact)', 'zh-CN': '{header}（精确值）' },
    item: { en: 'Item', 'zh-CN': '项目' },
    value: { en: 'Value', 'zh-CN': '数值' },
    unit: { en: 'Unit', 'zh-CN': '单位' },
    tco2e: { en: 'tCO2e', 'zh-CN': 'tCO2e' },
    emissionsTco2e: { en: 'Emissions (tCO2e)', 'zh-CN': '排放量（tCO2e）' },
    quantityTco2e: { en: 'Quantity (tCO2e)', 'zh-CN': '数量（tCO2e）' },
    quantityMWh: { en: 'Quantity (MWh)', 'zh-CN': '数量（MWh）' },
    totalEmissions: { en: 'Total emissions', 'zh-CN': '排放总量' },
    removalsTotal: { en: 'Removals counted', 'zh-CN': '计入的清除量' },
    minus: { en: 'less {header}', 'zh-CN': '减：{header}' },
    project: { en: 'Project', 'zh-CN': '减排项目' },
    appliesTo: { en: 'Applies to', 'zh-CN': '适用于' },
    reason: { en: 'Counted or why not', 'zh-CN': '是否计入及原因' },
    verdict: { en: 'Verdict', 'zh-CN': '结论' },
    reasons: { en: 'Why', 'zh-CN': '原因' },
    modelErrors: { en: 'Errors in the model', 'zh-CN': '模型中的错误' },
    modelWarnings: { en: 'Warnings in the model', 'zh-CN': '模型中的警告' },
    errors: { en: 'Errors', 'zh-CN': '错误' },
    warnings: { en: 'Warnings', 'zh-CN': '警告' },
    infos: { en: 'Notes', 'zh-CN': '提示' },
    'severity.error': { en: 'error', 'zh-CN': '错误' },
    'severity.warning': { en: 'warning', 'zh-CN': '警告' },
    'severity.info': { en: 'note', 'zh-CN': '提示' },
    title: { en: 'Title', 'zh-CN': '标题' },
    rules: { en: 'Rules', 'zh-CN': '规则' },
    line: { en: 'Line', 'zh-CN': '行' },
    yes: { en: 'yes', 'zh-CN': '是' },
    no: { en: 'no', 'zh-CN': '否' },
    projectedAll: { en: 'Projected emissions of all sources (tCO2e)', 'zh-CN': '全部排放源的预测排放量（tCO2e）' },
    targetYear: { en: 'Target year', 'zh-CN': '目标年份' },
    noRows: { en: 'none', 'zh-CN': '无' },
    noFindings: { en: 'No findings.', 'zh-CN': '无问题。' },
    gwpSource: { en: 'Source of the GWP values', 'zh-CN': 'GWP 值来源' },
    totals: { en: 'Totals', 'zh-CN': '合计' },
    'sheet.summary': { en: 'Summary', 'zh-CN': '摘要' },
    'sheet.sources': { en: 'Sources', 'zh-CN': '排放源' },
    'sheet.offsets': { en: 'Offsets', 'zh-CN': '抵销' },
    'sheet.coverage': { en: 'Coverage', 'zh-CN': '条款覆盖' }
} as const satisfies Record<string, Record<Locale, string>>;

export type TableTextId = keyof typeof TABLE_TEXT;

/** A word of the tabular formats in the report's language, with `{name}` placeholders filled in. */
export function tableText(id: TableTextId, locale: Locale, values: Readonly<Record<string, string>> = {}): string {
    return TABLE_TEXT[id][locale].replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
