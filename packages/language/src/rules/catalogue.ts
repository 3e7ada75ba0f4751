import type { LocalizedText } from '../i18n/locale.js';

export type RuleSeverity = 'error' | 'warning' | 'info';

/**
 * One rule of `../shared/spec/rules.md`: the single description of a check
 * that the validator, the CLI, SARIF, the docs and the reports all read.
 */
export interface RuleEntry {
    readonly id: string;
    /** The standard's clause, or null for the language rules (CN-NUM). */
    readonly clause: string | null;
    readonly title: LocalizedText;
    readonly severity: RuleSeverity;
    readonly defaultOn: boolean;
    /** Page under docs/rules/. */
    readonly doc: string;
    /** Message templates with `{placeholders}`, by message key. */
    readonly messages: Readonly<Record<string, LocalizedText>>;
}

/**
 * Where the rule pages (docs/rules/<id>.md) are published; every diagnostic's
 * `codeDescription` links there.
 */
export const RULE_DOCS_BASE_URL = 'https://cnms.dev/docs/rules/';

/** The page of a rule, for the diagnostic's `codeDescription.href`. */
export function ruleDocUrl(id: string): string {
    return `${RULE_DOCS_BASE_URL}${id}`;
}

function rule(entry: Omit<RuleEntry, 'doc' | 'defaultOn'> & { defaultOn?: boolean }): RuleEntry {
    return { defaultOn: true, doc: `docs/rules/${entry.id}.md`, ...entry };
}

export const RULES: readonly RuleEntry[] = [
    rule({
        id: 'CN-NUM-001', clause: null, severity: 'error',
        title: { en: 'Syntax', 'zh-CN': '语法' },
        messages: {
            unexpected: { en: 'Syntax error: expected {expected}, found {found}.', 'zh-CN': '语法错误：此处应为 {expected}，实际为 {found}。' },
            unexpectedEnd: { en: 'Syntax error: the file ends where {expected} was expected.', 'zh-CN': '语法错误：文件在应为 {expected} 处结束。' },
            redundant: { en: 'Syntax error: {found} is not expected here; a statement starts with a keyword such as source, factor or site.', 'zh-CN': '语法错误：此处不应出现 {found}；语句应以 source、factor、site 等关键字开头。' },
            lexing: { en: 'Syntax error: unexpected character {found}.', 'zh-CN': '语法错误：无法识别的字符 {found}。' },
            duplicateProperty: { en: "'{property}' is given twice in {kind} {name}; a property may appear once.", 'zh-CN': '{kind} {name} 中的属性“{property}”出现了两次；每个属性只能出现一次。' },
            notText: { en: 'This file is not UTF-8 text ({reason}).', 'zh-CN': '该文件不是 UTF-8 文本（{reason}）。' }
        }
    }),
    rule({
        id: 'CN-NUM-002', clause: null, severity: 'error',
        title: { en: 'Unknown name, unit or gas', 'zh-CN': '未知的名称、单位或气体' },
        messages: {
            unknown: { en: "Unknown {kind} '{name}'.", 'zh-CN': '未知的{kind}“{name}”。' },
            unknownSuggest: { en: "Unknown {kind} '{name}'; did you mean '{suggestion}'?", 'zh-CN': '未知的{kind}“{name}”；是否应为“{suggestion}”？' }
        }
    }),
    rule({
        id: 'CN-NUM-003', clause: null, severity: 'error',
        title: { en: 'Dimensions', 'zh-CN': '量纲' },
        messages: {
            add: { en: "Cannot {operation} {left} and {right}: the dimensions differ.", 'zh-CN': '无法对{left}与{right}进行{operation}运算：量纲不同。' },
            property: { en: "'{property}' must be {expected}, but this value is {actual}.", 'zh-CN': '“{property}”应为{expected}，而该值为{actual}。' },
            product: { en: 'Activity × factor is {actual}, not a mass of a gas (activity is {activity}, factor value is {factor}).', 'zh-CN': '活动数据 × 排放因子的量纲为{actual}，不是气体质量（活动数据为{activity}，因子值为{factor}）。' },
            factorValue: { en: 'A factor value must be a mass of a gas per unit of activity, but this value is {actual}.', 'zh-CN': '排放因子值应为单位活动数据的气体质量，而该值为{actual}。' },
            factorSameGas: { en: 'Factor {name} gives two values for {gas}.', 'zh-CN': '排放因子 {name} 对 {gas} 给出了两个值。' },
            factorActivity: { en: 'The values of factor {name} are per different activity dimensions ({first} and {second}).', 'zh-CN': '排放因子 {name} 的各个值对应不同的活动数据量纲（{first} 与 {second}）。' },
            multiValueFactor: { en: 'Factor {name} has several gas values and can only be used alone, as `factor {name}`.', 'zh-CN': '排放因子 {name} 含多个气体值，只能单独使用，即 `factor {name}`。' },
            exponent: { en: 'An exponent must be an integer, not {exponent}.', 'zh-CN': '指数必须为整数，而不是 {exponent}。' },
            cycle: { en: '{name} depends on itself.', 'zh-CN': '{name} 依赖于自身（循环引用）。' }
        }
    }),
    rule({
        id: 'CN-NUM-004', clause: null, severity: 'error',
        title: { en: 'Division by zero or inexact value', 'zh-CN': '除以零或无法精确计算' },
        messages: {
            divisionByZero: { en: 'Division by zero: {operand} is 0.', 'zh-CN': '除以零：{operand} 的值为 0。' },
            inexact: { en: 'This value cannot be computed exactly: {reason}.', 'zh-CN': '该值无法精确计算：{reason}。' }
        }
    }),
    rule({
        id: 'CN-NUM-005', clause: null, severity: 'error',
        title: { en: 'Value out of range', 'zh-CN': '数值超出范围' },
        messages: {
            share: { en: "'{property}' must lie between 0 and 100 %, but it is {value}.", 'zh-CN': '“{property}”应在 0 至 100 % 之间，而其值为 {value}。' },
            negative: { en: "'{property}' must not be negative, but it is {value}.", 'zh-CN': '“{property}”不能为负数，而其值为 {value}。' }
        }
    }),
    rule({
        id: 'CN-NUM-006', clause: null, severity: 'error',
        title: { en: 'Duplicate name', 'zh-CN': '名称重复' },
        messages: {
            duplicate: { en: "{kind} '{name}' is declared more than once in this model (also in {other}).", 'zh-CN': '{kind}“{name}”在本模型中重复声明（另见 {other}）。' },
            duplicateValue: { en: "The name '{name}' is used by both a {kind} and a {otherKind} ({other}); names used in expressions must be unique.", 'zh-CN': '名称“{name}”同时被{kind}和{otherKind}使用（{other}）；表达式中可引用的名称必须唯一。' },
            unitName: { en: "'{name}' is the name of a unit; choose another name.", 'zh-CN': '“{name}”是单位名称，请另取名称。' },
            secondOrganization: { en: "A model has exactly one organization; '{name}' is a second one (the first is {other}).", 'zh-CN': '一个模型只能有一个组织；“{name}”是第二个（第一个见 {other}）。' }
        }
    }),
    rule({
        id: 'CN-NUM-009', clause: null, severity: 'warning',
        title: { en: 'File in no model', 'zh-CN': '文件不属于任何模型' },
        messages: {
            noModel: { en: 'This file belongs to no model: no file in this folder or above it declares an organization, so its names resolve only within the file and its figures count in no balance.', 'zh-CN': '该文件不属于任何模型：其所在目录及上级目录中没有声明 organization 的文件，因此其中的名称只在本文件内解析，其数值不计入任何碳中和平衡。' }
        }
    }),
    rule({
        id: 'CN-4.3-003', clause: '4.3', severity: 'error',
        title: { en: 'Sources and removals lie at a declared site', 'zh-CN': '排放源和清除位于已声明的场所' },
        messages: {
            missingSite: { en: "{kind} {name} is not `at` a site of the model; its place in the boundary is unknown.", 'zh-CN': '{kind} {name} 未用 `at` 指明模型中的场所，无法确定其在边界中的位置。' }
        }
    }),
    rule({
        id: 'CN-4.3-004', clause: '4.3', severity: 'error',
        title: { en: 'Equity share of every site', 'zh-CN': '各场所的股权比例' },
        messages: {
            missingShare: { en: 'Under equity-share consolidation site {name} needs a `share` in (0, 100 %]; its sources are left out of the totals until it has one.', 'zh-CN': '按股权比例合并时，场所 {name} 需要 (0, 100 %] 之间的 `share`；在补充之前，其排放源不计入合计。' },
            zeroShare: { en: 'Under equity-share consolidation the share of site {name} must be above 0 %.', 'zh-CN': '按股权比例合并时，场所 {name} 的股权比例必须大于 0 %。' }
        }
    }),
    rule({
        id: 'CN-6.2-001', clause: '6.2', severity: 'error',
        title: { en: 'Reporting period', 'zh-CN': '报告期' },
        messages: {
            missing: { en: 'Organization {name} has no `period`; the balance needs a reporting period.', 'zh-CN': '组织 {name} 未声明 `period`；计算碳中和平衡需要报告期。' },
            order: { en: 'The period starts on {start}, which is not before its end {end}.', 'zh-CN': '报告期开始日期 {start} 不早于结束日期 {end}。' },
            badDate: { en: "'{date}' is not a date of the calendar.", 'zh-CN': '“{date}”不是有效的日历日期。' },
            badYear: { en: "'{year}' is not a year.", 'zh-CN': '“{year}”不是有效的年份。' },
            notTwelveMonths: { en: 'The period {start} .. {end} is not 12 months long.', 'zh-CN': '报告期 {start} .. {end} 不是 12 个月。' }
        }
    }),
    rule({
        id: 'CN-6.2-002', clause: '6.2', severity: 'error',
        title: { en: 'ISO 14064-1 category of every source', 'zh-CN': '每个排放源的 ISO 14064-1 类别' },
        messages: {
            missing: { en: 'Source {name} has no `category` (1–6, as in ISO 14064-1:2018); it is left out of the totals.', 'zh-CN': '排放源 {name} 没有 `category`（ISO 14064-1:2018 的类别 1–6），不计入合计。' },
            invalid: { en: "Source {name} has category '{category}'; a category is 1 to 6 with an optional subcategory such as 4.1.", 'zh-CN': '排放源 {name} 的类别为“{category}”；类别应为 1 至 6，可带子类别，如 4.1。' }
        }
    }),
    rule({
        id: 'CN-6.2-003', clause: '6.2', severity: 'error',
        title: { en: 'Activity and factor, or emissions', 'zh-CN': '活动数据与排放因子，或直接给出排放量' },
        messages: {
            neither: { en: 'Source {name} has neither `activity` with `factor` nor `emissions`; it is left out of the totals.', 'zh-CN': '排放源 {name} 既没有 `activity` 和 `factor`，也没有 `emissions`，不计入合计。' },
            both: { en: 'Source {name} has both `emissions` and `activity`/`factor`; give one or the other.', 'zh-CN': '排放源 {name} 同时给出了 `emissions` 和 `activity`/`factor`，只能二选一。' },
            missingFactor: { en: 'Source {name} has `activity` but no `factor`.', 'zh-CN': '排放源 {name} 有 `activity` 但没有 `factor`。' },
            missingActivity: { en: 'Source {name} has `factor` but no `activity`.', 'zh-CN': '排放源 {name} 有 `factor` 但没有 `activity`。' }
        }
    }),
    rule({
        id: 'CN-6.2-004', clause: '6.2', severity: 'error',
        title: { en: 'Emissions are masses of gases in the GWP set', 'zh-CN': '排放量为 GWP 值集中气体的质量' },
        messages: {
            gasNotInSet: { en: 'Gas {gas} is not in the GWP set {set}; source {name} cannot be converted to CO2e.', 'zh-CN': '气体 {gas} 不在 GWP 值集 {set} 中；排放源 {name} 无法换算为 CO2e。' },
            carbon: { en: 'Source {name} gives a mass of carbon (tC); convert it with a factor such as co2_per_c = 44/12 tCO2/tC.', 'zh-CN': '排放源 {name} 给出的是碳质量（tC）；请用 co2_per_c = 44/12 tCO2/tC 等因子换算。' },
            noGwp: { en: 'Organization {name} declares no `gwp` set, and none could be found to convert gases to CO2e.', 'zh-CN': '组织 {name} 未声明 `gwp` 值集，无法将各气体换算为 CO2e。' }
        }
    }),
    rule({
        id: 'CN-6.2-010', clause: '6.2', severity: 'error',
        title: { en: 'Instruments within the activity they cover', 'zh-CN': '能源属性凭证不超过所覆盖的活动数据' },
        messages: {
            exceeds: { en: 'Instruments covering source {name} total {covered}, more than its activity {activity}.', 'zh-CN': '覆盖排放源 {name} 的凭证合计 {covered}，超过其活动数据 {activity}。' },
            noSource: { en: 'Instrument {name} covers no source.', 'zh-CN': '凭证 {name} 未覆盖任何排放源。' },
            noFactor: { en: 'Instrument {name} has no `factor` (such as 0 tCO2/MWh), so the market-based figure of what it covers cannot be computed.', 'zh-CN': '凭证 {name} 没有 `factor`（如 0 tCO2/MWh），无法计算其所覆盖排放源的市场法排放量。' },
            noActivity: { en: 'Instrument {name} covers source {source}, which has no `activity` to subtract it from.', 'zh-CN': '凭证 {name} 覆盖的排放源 {source} 没有可扣减的 `activity`。' }
        }
    })
];

const BY_ID = new Map(RULES.map(entry => [entry.id, entry]));

export function ruleById(id: string): RuleEntry {
    const entry = BY_ID.get(id);
    if (!entry) {
        throw new Error(`rule ${id} is not in the catalogue`);
    }
    return entry;
}
