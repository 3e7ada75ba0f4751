import { isPeriodRange, isTwelveMonths, periodRange } from '../semantics/period.js';
import { defineRule, type Rule } from './rule.js';

/**
 * Clause 6.2: emission accounting (ISO 14064-1, GB/T 32150). CN-6.2-002, 003,
 * 004 and 010 are found while the figures are computed (semantics/), because
 * a figure cannot be computed without them; their entries are here.
 */
export const ACCOUNTING_RULES: readonly Rule[] = [
    defineRule({
        id: 'CN-6.2-001', clause: '6.2', severity: 'error',
        title: { en: 'Reporting period', 'zh-CN': '报告期' },
        description: { en: "A reporting `period`; a range must start before it ends; a range that is not 12 months draws a warning.", 'zh-CN': "须有报告期 `period`；日期范围须开始早于结束；不是 12 个月的范围给出警告。" },
        rationale: { en: "Emissions are accounted for a reporting period (ISO 14064-1 clause 5.2.4, GB/T 32150); a claim is made for a period.", 'zh-CN': "排放按报告期核算（ISO 14064-1 第 5.2.4 条、GB/T 32150）；碳中和声明针对某一期间。" },
        messages: {
            missing: { en: 'Organization {name} has no `period`; the balance needs a reporting period.', 'zh-CN': '组织 {name} 未声明 `period`；计算碳中和平衡需要报告期。' },
            order: { en: 'The period starts on {start}, which is not before its end {end}.', 'zh-CN': '报告期开始日期 {start} 不早于结束日期 {end}。' },
            badDate: { en: "'{date}' is not a date of the calendar.", 'zh-CN': '“{date}”不是有效的日历日期。' },
            badYear: { en: "'{year}' is not a year.", 'zh-CN': '“{year}”不是有效的年份。' },
            notTwelveMonths: { en: 'The period {start} .. {end} is not 12 months long.', 'zh-CN': '报告期 {start} .. {end} 不是 12 个月。' }
        },
        messageSeverity: { notTwelveMonths: 'warning' },
        insertsProperty: { missing: 'period ${1:2024}' },
        check: context => {
            const organization = context.organization;
            if (!organization) return;
            if (!organization.period) {
                context.report('missing', { name: organization.name }, organization, 'name');
                return;
            }
            const range = periodRange(organization.period);
            if (!isPeriodRange(range)) {
                context.report(range.key, range.params, organization, 'period');
            } else if (organization.period.start && !isTwelveMonths(range)) {
                context.report('notTwelveMonths', { start: range.start, end: range.end }, organization, 'period');
            }
        }
    }),
    defineRule({
        id: 'CN-6.2-002', clause: '6.2', severity: 'error',
        title: { en: 'ISO 14064-1 category of every source', 'zh-CN': '每个排放源的 ISO 14064-1 类别' },
        description: { en: "Every source has an ISO 14064-1:2018 category 1\u20136, with an optional subcategory such as 4.1.", 'zh-CN': "每个排放源都有 ISO 14064-1:2018 的类别 1–6，可带子类别，如 4.1。" },
        rationale: { en: "The inventory is reported by category and scope (ISO 14064-1 clause 5.2.4, Annex B).", 'zh-CN': "清单按类别和范围报告（ISO 14064-1 第 5.2.4 条、附录 B）。" },
        messages: {
            missing: { en: 'Source {name} has no `category` (1–6, as in ISO 14064-1:2018); it is left out of the totals.', 'zh-CN': '排放源 {name} 没有 `category`（ISO 14064-1:2018 的类别 1–6），不计入合计。' },
            invalid: { en: "Source {name} has category '{category}'; a category is 1 to 6 with an optional subcategory such as 4.1.", 'zh-CN': '排放源 {name} 的类别为“{category}”；类别应为 1 至 6，可带子类别，如 4.1。' }
        }
    }),
    defineRule({
        id: 'CN-6.2-003', clause: '6.2', severity: 'error',
        title: { en: 'Activity and factor, or emissions', 'zh-CN': '活动数据与排放因子，或直接给出排放量' },
        description: { en: "Every source has `activity` and `factor`, or `emissions`, not both and not neither.", 'zh-CN': "每个排放源有 `activity` 和 `factor`，或有 `emissions`；不能两者皆有，也不能都没有。" },
        rationale: { en: "Emissions are quantified as activity data \u00d7 emission factor, or measured directly (ISO 14064-1 clause 6.2, GB/T 32150).", 'zh-CN': "排放量按活动数据 × 排放因子计算，或直接测量（ISO 14064-1 第 6.2 条、GB/T 32150）。" },
        messages: {
            neither: { en: 'Source {name} has neither `activity` with `factor` nor `emissions`; it is left out of the totals.', 'zh-CN': '排放源 {name} 既没有 `activity` 和 `factor`，也没有 `emissions`，不计入合计。' },
            both: { en: 'Source {name} has both `emissions` and `activity`/`factor`; give one or the other.', 'zh-CN': '排放源 {name} 同时给出了 `emissions` 和 `activity`/`factor`，只能二选一。' },
            missingFactor: { en: 'Source {name} has `activity` but no `factor`.', 'zh-CN': '排放源 {name} 有 `activity` 但没有 `factor`。' },
            missingActivity: { en: 'Source {name} has `factor` but no `activity`.', 'zh-CN': '排放源 {name} 有 `factor` 但没有 `activity`。' }
        }
    }),
    defineRule({
        id: 'CN-6.2-004', clause: '6.2', severity: 'error',
        title: { en: 'Emissions are masses of gases in the GWP set', 'zh-CN': '排放量为 GWP 值集中气体的质量' },
        description: { en: "Emissions come out as masses of gases that the model's GWP set defines.", 'zh-CN': "排放量为模型所选 GWP 值集中气体的质量。" },
        rationale: { en: "Gases are converted to CO2e with the chosen GWP set (ISO 14064-1 clause 6.3); a gas without a GWP cannot be counted.", 'zh-CN': "各气体以所选 GWP 值集换算为 CO2e（ISO 14064-1 第 6.3 条）；没有 GWP 的气体无法计入。" },
        messages: {
            gasNotInSet: { en: 'Gas {gas} is not in the GWP set {set}; source {name} cannot be converted to CO2e.', 'zh-CN': '气体 {gas} 不在 GWP 值集 {set} 中；排放源 {name} 无法换算为 CO2e。' },
            carbon: { en: 'Source {name} gives a mass of carbon (tC); convert it with a factor such as co2_per_c = 44/12 tCO2/tC.', 'zh-CN': '排放源 {name} 给出的是碳质量（tC）；请用 co2_per_c = 44/12 tCO2/tC 等因子换算。' },
            noGwp: { en: 'Organization {name} declares no `gwp` set, and none could be found to convert gases to CO2e.', 'zh-CN': '组织 {name} 未声明 `gwp` 值集，无法将各气体换算为 CO2e。' }
        }
    }),
    defineRule({
        id: 'CN-6.2-010', clause: '6.2', severity: 'error',
        title: { en: 'Instruments within the activity they cover', 'zh-CN': '能源属性凭证不超过所覆盖的活动数据' },
        description: { en: "Instruments covering a source do not exceed its activity; every instrument covers a source and has a factor.", 'zh-CN': "覆盖某排放源的凭证合计不超过其活动数据；每张凭证都覆盖排放源并有排放因子。" },
        rationale: { en: "Market-based scope 2 subtracts contractual instruments from the electricity they cover (ISO 14064-1 Annex E); more than the activity would be counted twice.", 'zh-CN': "基于市场的范围二从所覆盖的电量中扣除合同凭证（ISO 14064-1 附录 E）；超过活动数据即重复计算。" },
        messages: {
            exceeds: { en: 'Instruments covering source {name} total {covered}, more than its activity {activity}.', 'zh-CN': '覆盖排放源 {name} 的凭证合计 {covered}，超过其活动数据 {activity}。' },
            noSource: { en: 'Instrument {name} covers no source.', 'zh-CN': '凭证 {name} 未覆盖任何排放源。' },
            noFactor: { en: 'Instrument {name} has no `factor` (such as 0 tCO2/MWh), so the market-based figure of what it covers cannot be computed.', 'zh-CN': '凭证 {name} 没有 `factor`（如 0 tCO2/MWh），无法计算其所覆盖排放源的市场法排放量。' },
            noActivity: { en: 'Instrument {name} covers source {source}, which has no `activity` to subtract it from.', 'zh-CN': '凭证 {name} 覆盖的排放源 {source} 没有可扣减的 `activity`。' }
        }
    })
];
