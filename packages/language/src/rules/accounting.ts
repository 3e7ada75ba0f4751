import type { Element, Expression, Factor, Meter, Source } from '../generated/ast.js';
import { isFactor, isInstrument, isLibrary, isMeter, isMonthlyValues, isNameReference, isSource, isTarget } from '../generated/ast.js';
import type { LocalizedText } from '../i18n/locale.js';
import { TEXTS } from '../i18n/messages.js';
import { formatPercent } from '../semantics/figure-format.js';
import { formatInDataUnit, gapFilledPart } from '../semantics/gap-fill.js';
import { formatPeriod, isPeriodRange, isTwelveMonths, periodRange } from '../semantics/period.js';
import { yearOf } from '../semantics/dates.js';
import { monthOf, monthsOfPeriod } from '../semantics/months.js';
import { monthlyParts } from '../semantics/monthly-parts.js';
import { GRAMS_PER_TONNE, tonnes } from '../semantics/quantity.js';
import { Dimension } from '../semantics/dimension.js';
import { Rational } from '../semantics/rational.js';
import { isBuiltinNode } from '../workspace/builtin-library.js';
import { metersBySource } from './support.js';
import { defineRule, type Rule } from './rule.js';

/**
 * Clause 6.2: emission accounting (ISO 14064-1, GB/T 32150). CN-6.2-002, 003,
 * 004 and 010 are found while the figures are computed (semantics/), because
 * a figure cannot be computed without them; their entries are here.
 */
export const ACCOUNTING_RULES: readonly Rule[] = [
    defineRule({
        id: 'CN-6.2-001',
        clause: '6.2',
        severity: 'error',
        title: { en: 'Reporting period', 'zh-CN': '报告期' },
        description: { en: 'A reporting `period`; a range must start before it ends; a range that is not 12 months draws a warning.', 'zh-CN': '须有报告期 `period`；日期范围须开始早于结束；不是 12 个月的范围给出警告。' },
        rationale: { en: 'Emissions are accounted for a reporting period (ISO 14064-1 clause 5.2.4, GB/T 32150); a claim is made for a period.', 'zh-CN': '排放按报告期核算（ISO 14064-1 第 5.2.4 条、GB/T 32150）；碳中和声明针对某一期间。' },
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
        id: 'CN-6.2-002',
        clause: '6.2',
        severity: 'error',
        title: { en: 'ISO 14064-1 category of every source', 'zh-CN': '每个排放源的 ISO 14064-1 类别' },
        description: { en: 'Every source has an ISO 14064-1:2018 category 1\u20136, with an optional subcategory such as 4.1.', 'zh-CN': '每个排放源都有 ISO 14064-1:2018 的类别 1–6，可带子类别，如 4.1。' },
        rationale: { en: 'The inventory is reported by category and scope (ISO 14064-1 clause 5.2.4, Annex B).', 'zh-CN': '清单按类别和范围报告（ISO 14064-1 第 5.2.4 条、附录 B）。' },
        messages: {
            missing: { en: 'Source {name} has no `category` (1–6, as in ISO 14064-1:2018); it is left out of the totals.', 'zh-CN': '排放源 {name} 没有 `category`（ISO 14064-1:2018 的类别 1–6），不计入合计。' },
            invalid: { en: "Source {name} has category '{category}'; a category is 1 to 6 with an optional subcategory such as 4.1.", 'zh-CN': '排放源 {name} 的类别为“{category}”；类别应为 1 至 6，可带子类别，如 4.1。' }
        },
        insertsProperty: { missing: 'category ${1:1}' }
    }),
    defineRule({
        id: 'CN-6.2-003',
        clause: '6.2',
        severity: 'error',
        title: { en: 'Activity and factor, or emissions', 'zh-CN': '活动数据与排放因子，或直接给出排放量' },
        description: { en: 'Every source has `activity` and `factor`, or `emissions`, not both and not neither.', 'zh-CN': '每个排放源有 `activity` 和 `factor`，或有 `emissions`；不能两者皆有，也不能都没有。' },
        rationale: {
            en: 'Emissions are quantified as activity data \u00d7 emission factor, or measured directly (ISO 14064-1 clause 6.2, GB/T 32150).',
            'zh-CN': '排放量按活动数据 × 排放因子计算，或直接测量（ISO 14064-1 第 6.2 条、GB/T 32150）。'
        },
        messages: {
            neither: { en: 'Source {name} has neither `activity` with `factor` nor `emissions`; it is left out of the totals.', 'zh-CN': '排放源 {name} 既没有 `activity` 和 `factor`，也没有 `emissions`，不计入合计。' },
            both: { en: 'Source {name} has both `emissions` and `activity`/`factor`; give one or the other.', 'zh-CN': '排放源 {name} 同时给出了 `emissions` 和 `activity`/`factor`，只能二选一。' },
            missingFactor: { en: 'Source {name} has `activity` but no `factor`.', 'zh-CN': '排放源 {name} 有 `activity` 但没有 `factor`。' },
            missingActivity: { en: 'Source {name} has `factor` but no `activity`.', 'zh-CN': '排放源 {name} 有 `factor` 但没有 `activity`。' }
        },
        insertsProperty: { missingFactor: 'factor ${1:0} ${2:tCO2/MWh}', missingActivity: 'activity ${1:0} ${2:MWh}', neither: 'emissions ${1:0} ${2:tCO2e}' }
    }),
    defineRule({
        id: 'CN-6.2-004',
        clause: '6.2',
        severity: 'error',
        title: { en: 'Emissions are masses of gases in the GWP set', 'zh-CN': '排放量为 GWP 值集中气体的质量' },
        description: { en: "Emissions come out as masses of gases that the model's GWP set defines.", 'zh-CN': '排放量为模型所选 GWP 值集中气体的质量。' },
        rationale: {
            en: 'Gases are converted to CO2e with the chosen GWP set (ISO 14064-1 clause 6.3); a gas without a GWP cannot be counted.',
            'zh-CN': '各气体以所选 GWP 值集换算为 CO2e（ISO 14064-1 第 6.3 条）；没有 GWP 的气体无法计入。'
        },
        messages: {
            gasNotInSet: { en: 'Gas {gas} is not in the GWP set {set}; source {name} cannot be converted to CO2e.', 'zh-CN': '气体 {gas} 不在 GWP 值集 {set} 中；排放源 {name} 无法换算为 CO2e。' },
            carbon: { en: 'Source {name} gives a mass of carbon (tC); convert it with a factor such as co2_per_c = 44/12 tCO2/tC.', 'zh-CN': '排放源 {name} 给出的是碳质量（tC）；请用 co2_per_c = 44/12 tCO2/tC 等因子换算。' },
            noGwp: { en: 'Organization {name} declares no `gwp` set, and none could be found to convert gases to CO2e.', 'zh-CN': '组织 {name} 未声明 `gwp` 值集，无法将各气体换算为 CO2e。' },
            residualGas: {
                en: 'Gas {gas} of this residual-mix factor is not in the GWP set {set}; the market-based figures that use it cannot be computed.',
                'zh-CN': '该剩余组合排放因子中的气体 {gas} 不在 GWP 值集 {set} 中；使用它的基于市场的数值无法计算。'
            }
        }
    }),
    defineRule({
        id: 'CN-6.2-005',
        clause: '6.2',
        severity: 'warning',
        title: { en: 'GWP set, and why when older than AR6', 'zh-CN': 'GWP 值集及采用旧值集的理由' },
        description: {
            en: 'The organisation declares its `gwp` set; a set older than AR6 (SAR, AR4, AR5) needs a `gwp-justification "…"` on the organisation.',
            'zh-CN': '组织声明所采用的 `gwp` 值集；采用早于 AR6 的值集（SAR、AR4、AR5）时，须在组织中给出 `gwp-justification "…"`。'
        },
        rationale: {
            en: 'Gases are converted to CO2e with the 100-year GWPs of the latest IPCC assessment report; the report states the GWP values used and, where they are not the latest, why (ISO 14064-1:2018 clauses 6.3 and 9.3, GB/T 32150).',
            'zh-CN': '各温室气体应采用 IPCC 最新评估报告的 100 年 GWP 值换算为 CO2e；报告须说明所用 GWP 值，未采用最新值时须说明理由（ISO 14064-1:2018 第 6.3、9.3 条，GB/T 32150）。'
        },
        messages: {
            missing: { en: 'Organization {name} declares no `gwp` set; AR6 is used by default. State the set the inventory is computed with.', 'zh-CN': '组织 {name} 未声明 `gwp` 值集，默认采用 AR6；请写明清单核算所用的值集。' },
            justification: { en: 'Organization {name} uses GWP set {set}, which is older than AR6, without a `gwp-justification`.', 'zh-CN': '组织 {name} 采用早于 AR6 的 GWP 值集 {set}，但未给出 `gwp-justification` 理由说明。' },
            blankJustification: { en: 'The `gwp-justification` of organization {name} is empty; say why GWP set {set} is used instead of AR6.', 'zh-CN': '组织 {name} 的 `gwp-justification` 为空；请说明为何采用 GWP 值集 {set} 而非 AR6。' }
        },
        insertsProperty: {
            missing: 'gwp ${1:AR6}',
            justification: 'gwp-justification "${1:Why this GWP set is used instead of AR6}"'
        },
        check: context => {
            const organization = context.organization;
            if (!organization) return;
            if (!organization.gwp) {
                context.report('missing', { name: organization.name }, organization, 'name');
                return;
            }
            const set = organization.gwp.ref;
            if (!set || !OLDER_THAN_AR6.has(set.name)) return;
            if (organization.gwpJustification === undefined) {
                context.report('justification', { name: organization.name, set: set.name }, organization, 'gwp');
            } else if (organization.gwpJustification.trim() === '') {
                context.report('blankJustification', { name: organization.name, set: set.name }, organization, 'gwpJustification');
            }
        }
    }),
    defineRule({
        id: 'CN-6.2-006',
        clause: '6.2',
        severity: 'warning',
        title: { en: 'Source and year of every factor', 'zh-CN': '排放因子的来源与年份' },
        description: {
            en: 'Every factor declared in the model has a `source` and a `year`; a source whose factor is written inline, with no declared factor behind it, has neither.',
            'zh-CN': '模型中声明的每个排放因子都有 `source` 和 `year`；排放源中直接写出的内联因子没有已声明的因子支撑，两者皆无。'
        },
        rationale: {
            en: 'Emission factors are documented with their origin so that the inventory can be verified and repeated (ISO 14064-1:2018 clauses 6.2 and 9.3, GB/T 32150 on data sources).',
            'zh-CN': '排放因子须记录其出处，使清单可核查、可重现（ISO 14064-1:2018 第 6.2、9.3 条，GB/T 32150 关于数据来源的要求）。'
        },
        messages: {
            missingSource: { en: 'Factor {name} has no `source`: name the publisher, document and table it comes from.', 'zh-CN': '排放因子 {name} 没有 `source`：请写明发布机构、文件及表号。' },
            missingYear: { en: 'Factor {name} has no `year`: give the year the value applies to.', 'zh-CN': '排放因子 {name} 没有 `year`：请给出该数值适用的年份。' },
            inline: {
                en: 'Source {name} writes its factor inline ({factor}); declare it as a `factor` with its `source` and `year`.',
                'zh-CN': '排放源 {name} 的排放因子为内联写法（{factor}）；请将其声明为 `factor`，并给出 `source` 和 `year`。'
            }
        },
        insertsProperty: {
            missingSource: 'source "${1:publisher, document, table}"',
            missingYear: 'year ${1:2024}'
        },
        check: context => {
            for (const factor of modelFactors(context.elements)) {
                if (!factor.source?.trim()) context.report('missingSource', { name: factor.name }, factor, 'name');
                if (!factor.year) context.report('missingYear', { name: factor.name }, factor, 'name');
            }
            for (const source of context.declarations(isSource)) {
                const expression = source.factor;
                if (!expression) continue;
                // A name (a factor, a `let`) carries its own provenance; any other expression has none.
                if (!isNameReference(expression)) {
                    context.report('inline', { name: source.name, factor: textOf(expression) }, source, 'factor');
                }
            }
        }
    }),
    defineRule({
        id: 'CN-6.2-007',
        clause: '6.2',
        severity: 'warning',
        title: { en: 'Factors close to the reporting period', 'zh-CN': '排放因子的时效性' },
        description: {
            en: 'A factor whose `year` is more than 3 years before the reporting period: a factor declared in the model, or a library grid factor (republished each year) that a source uses.',
            'zh-CN': '排放因子的 `year` 早于报告期 3 年以上：包括模型中声明的因子，以及排放源所引用的内置库电网排放因子（逐年更新发布）。'
        },
        rationale: {
            en: 'Emission factors are to be current and representative of the period accounted for; the latest published factors are used where they exist (ISO 14064-1:2018 clause 6.2, GB/T 32150; the MEE republishes grid factors each year).',
            'zh-CN': '排放因子应具有时效性并能代表所核算的期间；有更新的公布值时应采用最新值（ISO 14064-1:2018 第 6.2 条、GB/T 32150；生态环境部逐年更新电网排放因子）。'
        },
        messages: {
            stale: {
                en: 'Factor {name} is of {year}, {age} years before the reporting period {period}; check whether a more recent factor is published.',
                'zh-CN': '排放因子 {name} 的年份为 {year}，比报告期（{period}）早 {age} 年；请核查是否已发布更新的因子。'
            },
            staleLibrary: {
                en: 'Source {source} uses library factor {name} of {year}, {age} years before the reporting period {period}; check whether a more recent factor is published.',
                'zh-CN': '排放源 {source} 引用的内置库因子 {name} 的年份为 {year}，比报告期（{period}）早 {age} 年；请核查是否已发布更新的因子。'
            }
        },
        check: context => {
            const period = context.settings.period;
            if (!period) return;
            const start = yearOf(period.start);
            const ageOf = (factor: Factor) => (factor.year && /^\d{4}$/.test(factor.year) ? start - Number(factor.year) : undefined);
            for (const factor of modelFactors(context.elements)) {
                const age = ageOf(factor);
                if (age !== undefined && age > MAX_FACTOR_AGE) {
                    context.report('stale', { name: factor.name, year: factor.year!, age: String(age), period: formatPeriod(period) }, factor, 'year');
                }
            }
            for (const source of context.declarations(isSource)) {
                const factor = referencedFactor(source.factor);
                // The library's IPCC defaults carry the year of the guidelines, not of a data vintage;
                // its grid factors (with a `region`) are republished each year.
                if (!factor || !libraryOf(factor) || factor.region === undefined) continue;
                const age = ageOf(factor);
                if (age !== undefined && age > MAX_FACTOR_AGE) {
                    context.report('staleLibrary', { source: source.name, name: qualifiedName(factor), year: factor.year!, age: String(age), period: formatPeriod(period) }, source, 'factor');
                }
            }
        }
    }),
    defineRule({
        id: 'CN-6.2-008',
        clause: '6.2',
        severity: 'warning',
        title: { en: "Grid factor of the site's region", 'zh-CN': '与场所所在区域一致的电网排放因子' },
        description: {
            en: 'A category-2 source at a site whose `location` names a province or a regional grid uses a grid factor of another region or province (library factors carry their `region`, a regional grid or a province; a national factor is not another region).',
            'zh-CN': '类别 2 排放源所在场所的 `location` 写明了省份或区域电网，却采用了其他区域或其他省份的电网排放因子（内置库因子带有 `region`，即区域电网或省份；全国平均因子不视为其他区域）。'
        },
        rationale: {
            en: 'Purchased electricity is accounted with the emission factor of the grid that supplies it; the MEE publishes regional grid factors beside the national average (GB/T 32150, ISO 14064-1:2018 clause 6.2 and Annex E).',
            'zh-CN': '外购电力应采用供电电网的排放因子核算；生态环境部在全国平均值之外还公布区域电网排放因子（GB/T 32150、ISO 14064-1:2018 第 6.2 条及附录 E）。'
        },
        messages: {
            otherRegion: {
                en: 'Source {name} at site {site} ({location}) draws on the {siteRegion} grid, but factor {factor} is of the {factorRegion} grid.',
                'zh-CN': '排放源 {name} 所在场所 {site}（{location}）属于{siteRegion}电网，但排放因子 {factor} 属于{factorRegion}电网。'
            }
        },
        check: context => {
            for (const source of context.declarations(isSource)) {
                if (!/^2(\.\d+)?$/.test(source.category ?? '')) continue;
                const site = source.site?.ref;
                const location = site?.location;
                const factor = referencedFactor(source.factor);
                if (!site || !location || !factor) continue;
                const mismatch = regionMismatch(location, factor);
                if (!mismatch) continue;
                context.report('otherRegion', { name: source.name, site: site.name, location, siteRegion: mismatch.site, factor: qualifiedName(factor), factorRegion: mismatch.factor }, source, 'factor');
            }
        }
    }),
    defineRule({
        id: 'CN-6.2-009',
        clause: '6.2',
        severity: 'warning',
        title: { en: 'Scope 2 with contractual instruments', 'zh-CN': '合同凭证与范围二核算方法' },
        description: {
            en: 'Instruments exist while scope 2 counts location-based only: a warning when the organisation has not chosen a `scope2` method, an info giving both figures when it declared `scope2 location-based`; an instrument covering a source that is not category 2 is an error.',
            'zh-CN': '存在能源属性凭证而范围二仅按基于位置的方法计入：组织未声明 `scope2` 方法时给出警告；已声明 `scope2 location-based` 时给出提示并列出两种数值；凭证覆盖非类别 2 排放源为错误。'
        },
        rationale: {
            en: 'Contractual instruments (green electricity certificates, I-RECs, green-power trades, PPAs) apply only to purchased energy and lower only the market-based scope-2 figure; where they exist both figures are reported and the report says which one counts (ISO 14064-1:2018 Annex E, GHG Protocol Scope 2 Guidance on dual reporting).',
            'zh-CN': '合同凭证（绿证、I-REC、绿电交易、购电协议）只适用于外购能源，且只降低基于市场的范围二排放；存在凭证时须同时报告两种数值，并说明计入的是哪一种（ISO 14064-1:2018 附录 E，GHG Protocol 范围二指南关于双重报告的要求）。'
        },
        messages: {
            locationByDefault: {
                en: 'Organization {name} holds instruments ({instruments}) but declares no `scope2` method, so scope 2 counts location-based and they do not lower the counted emissions; declare `scope2 market-based`, or `scope2 location-based` to say the choice is deliberate.',
                'zh-CN': '组织 {name} 持有能源属性凭证（{instruments}），但未声明 `scope2` 核算方法，范围二默认按基于位置的方法计入，凭证不降低所计排放量；请声明 `scope2 market-based`，或声明 `scope2 location-based` 表明这是有意的选择。'
            },
            locationBased: {
                en: 'Scope 2 counts location-based ({location}); instruments {instruments} count only in the market-based figure ({market}), which is reported beside it.',
                'zh-CN': '范围二按基于位置的方法计入（{location}）；凭证 {instruments} 只计入基于市场的数值（{market}），该数值同时报告。'
            },
            notCategory2: {
                en: 'Instrument {name} covers source {source} of category {category}; contractual instruments apply to purchased energy (category 2) only.',
                'zh-CN': '凭证 {name} 覆盖了类别 {category} 的排放源 {source}；合同凭证只适用于外购能源（类别 2）。'
            }
        },
        messageSeverity: { locationBased: 'info', notCategory2: 'error' },
        insertsProperty: { locationByDefault: 'scope2 ${1:market-based}' },
        check: context => {
            const instruments = context.declarations(isInstrument);
            for (const instrument of instruments) {
                instrument.covers.forEach((reference, index) => {
                    const source = reference.ref;
                    if (!source?.category || !/^[1-6](\.\d+)?$/.test(source.category) || source.category.startsWith('2')) return;
                    context.report('notCategory2', { name: instrument.name, source: source.name, category: source.category }, instrument, 'covers', index);
                });
            }
            const organization = context.organization;
            if (!organization || instruments.length === 0 || context.settings.scope2 === 'market-based') return;
            const names = instruments.map(instrument => instrument.name).join(', ');
            if (!organization.scope2) {
                context.report('locationByDefault', { name: organization.name, instruments: names }, organization, 'name');
                return;
            }
            const scope = context.balance.byScope;
            context.report(
                'locationBased',
                {
                    instruments: names,
                    location: { figure: scope['2-location'].times(GRAMS_PER_TONNE), unit: 'tCO2e' },
                    market: { figure: scope['2-market'].times(GRAMS_PER_TONNE), unit: 'tCO2e' }
                },
                organization,
                'scope2'
            );
        }
    }),
    defineRule({
        id: 'CN-6.2-010',
        clause: '6.2',
        severity: 'error',
        title: { en: 'Instruments within the activity they cover', 'zh-CN': '能源属性凭证不超过所覆盖的活动数据' },
        description: { en: 'Instruments covering a source do not exceed its activity; every instrument covers a source and has a factor.', 'zh-CN': '覆盖某排放源的凭证合计不超过其活动数据；每张凭证都覆盖排放源并有排放因子。' },
        rationale: {
            en: 'Market-based scope 2 subtracts contractual instruments from the electricity they cover (ISO 14064-1 Annex E); more than the activity would be counted twice.',
            'zh-CN': '基于市场的范围二从所覆盖的电量中扣除合同凭证（ISO 14064-1 附录 E）；超过活动数据即重复计算。'
        },
        messages: {
            exceeds: { en: 'Instruments covering source {name} total {covered}, more than its activity {activity}.', 'zh-CN': '覆盖排放源 {name} 的凭证合计 {covered}，超过其活动数据 {activity}。' },
            noSource: { en: 'Instrument {name} covers no source.', 'zh-CN': '凭证 {name} 未覆盖任何排放源。' },
            noFactor: {
                en: 'Instrument {name} has no `factor` (such as 0 tCO2/MWh), so the market-based figure of what it covers cannot be computed.',
                'zh-CN': '凭证 {name} 没有 `factor`（如 0 tCO2/MWh），无法计算其所覆盖排放源的市场法排放量。'
            },
            noActivity: { en: 'Instrument {name} covers source {source}, which has no `activity` to subtract it from.', 'zh-CN': '凭证 {name} 覆盖的排放源 {source} 没有可扣减的 `activity`。' }
        },
        insertsProperty: { noFactor: 'factor ${1:0} tCO2/MWh' }
    }),
    defineRule({
        id: 'CN-6.2-011',
        clause: '6.2',
        severity: 'warning',
        title: { en: 'Significance of indirect sources', 'zh-CN': '间接排放源的重要性' },
        description: { en: 'Every indirect source (categories 3–6) says `significant yes` or `significant no "justification"`.', 'zh-CN': '每个间接排放源（类别 3–6）都声明 `significant yes`，或 `significant no "理由"`。' },
        rationale: {
            en: "The organisation determines which indirect emissions are significant with documented criteria and justifies every exclusion (ISO 14064-1:2018 clauses 5.2.3 and 9.3; ISO 14068-1:2023 on the subject's boundary).",
            'zh-CN': '组织须按成文准则确定哪些间接排放是重要的，并说明每项排除的理由（ISO 14064-1:2018 第 5.2.3、9.3 条；ISO 14068-1:2023 关于碳中和对象边界的要求）。'
        },
        messages: {
            missing: { en: 'Indirect source {name} (category {category}) does not say whether it is `significant`.', 'zh-CN': '间接排放源 {name}（类别 {category}）未声明是否重要（`significant`）。' },
            noJustification: {
                en: 'Source {name} is `significant no` without a justification: say why it is left out, e.g. its share of the total.',
                'zh-CN': '排放源 {name} 声明为 `significant no`，但未给出理由：请说明排除的依据，如其占总排放的比例。'
            }
        },
        insertsProperty: { missing: 'significant ${1:yes}' },
        check: context => {
            for (const source of context.declarations(isSource)) {
                if (!/^[3-6](\.\d+)?$/.test(source.category ?? '')) continue;
                if (!source.significant) {
                    context.report('missing', { name: source.name, category: source.category! }, source, 'name');
                } else if (source.significant === 'no' && !source.justification?.trim()) {
                    context.report('noJustification', { name: source.name }, source, 'significant');
                }
            }
        }
    }),
    defineRule({
        id: 'CN-6.2-012',
        clause: '6.2',
        severity: 'error',
        title: { en: 'Insignificant sources within materiality', 'zh-CN': '不重要排放源不超过重要性阈值' },
        description: {
            en: "An indirect source marked `significant no` whose emissions exceed the organisation's `materiality` share (default 1 %) of total emissions.",
            'zh-CN': '声明为 `significant no` 的间接排放源，其排放量超过组织 `materiality`（默认 1 %）所规定的占总排放比例。'
        },
        rationale: {
            en: "Only indirect emissions below the materiality threshold may be excluded; a larger source must be included and quantified (ISO 14064-1:2018 clause 5.2.3, ISO 14068-1:2023 on the completeness of the subject's emissions).",
            'zh-CN': '只有低于重要性阈值的间接排放才可排除；超过阈值的排放源必须纳入并量化（ISO 14064-1:2018 第 5.2.3 条，ISO 14068-1:2023 关于碳中和对象排放完整性的要求）。'
        },
        messages: {
            aboveMateriality: {
                en: 'Source {name} is marked not significant, but its emissions {emissions} are {share} of the total {total}, above the materiality threshold of {materiality}.',
                'zh-CN': '排放源 {name} 被声明为不重要，但其排放量 {emissions} 占总排放 {total} 的 {share}，超过重要性阈值 {materiality}。'
            }
        },
        check: context => {
            const total = context.balance.emissions;
            if (total.isZero() || total.isNegative()) return;
            const materiality = context.settings.materiality;
            for (const { source, figures } of context.balance.sources) {
                if (!figures || source.significant !== 'no' || figures.scope !== 3) continue;
                const share = tonnes(figures.co2e).dividedBy(total);
                if (share.compare(materiality) <= 0) continue;
                context.report(
                    'aboveMateriality',
                    {
                        name: source.name,
                        emissions: { figure: figures.co2e, unit: 'tCO2e' },
                        total: { figure: total.times(GRAMS_PER_TONNE), unit: 'tCO2e' },
                        share: formatPercent(share, context.services.I18n.locale),
                        materiality: formatPercent(materiality, context.services.I18n.locale)
                    },
                    source,
                    'significant'
                );
            }
        }
    }),
    defineRule({
        id: 'CN-6.2-013',
        clause: '6.2',
        severity: 'warning',
        title: { en: 'Uncertainty and data quality of every source', 'zh-CN': '排放源的不确定性与数据质量' },
        description: {
            en: 'Every source gives its `uncertainty` and its `data-quality` (measured, calculated or estimated).',
            'zh-CN': '每个排放源都给出 `uncertainty` 和 `data-quality`（measured 实测、calculated 计算或 estimated 估算）。'
        },
        rationale: {
            en: 'The organisation assesses the uncertainty of its quantification and manages the quality of its data (ISO 14064-1:2018 clauses 8.1 and 8.3, GB/T 32150 on data quality management).',
            'zh-CN': '组织须评估量化的不确定性并管理数据质量（ISO 14064-1:2018 第 8.1、8.3 条，GB/T 32150 关于数据质量管理的要求）。'
        },
        messages: {
            missingUncertainty: { en: 'Source {name} has no `uncertainty`.', 'zh-CN': '排放源 {name} 没有 `uncertainty`（不确定性）。' },
            missingDataQuality: { en: 'Source {name} has no `data-quality` (measured, calculated or estimated).', 'zh-CN': '排放源 {name} 没有 `data-quality`（measured 实测、calculated 计算或 estimated 估算）。' }
        },
        insertsProperty: {
            missingUncertainty: 'uncertainty ${1:5} %',
            missingDataQuality: 'data-quality ${1:measured}'
        },
        check: context => {
            for (const source of context.declarations(isSource)) {
                if (!source.uncertainty) context.report('missingUncertainty', { name: source.name }, source, 'name');
                if (!source.dataQuality) context.report('missingDataQuality', { name: source.name }, source, 'name');
            }
        }
    }),
    defineRule({
        id: 'CN-6.2-014',
        clause: '6.2',
        severity: 'error',
        title: { en: 'No double counting through meters', 'zh-CN': '计量数据不得重复计算' },
        description: {
            en: 'A meter that `measures` the same source twice, or two sources read from the same meter with the same activity (the same reading counted twice).',
            'zh-CN': '同一计量器具在 `measures` 中两次列出同一排放源，或两个排放源取自同一计量器具且活动数据相同（同一读数计算了两次）。'
        },
        rationale: {
            en: 'Each emission is quantified once: the inventory must avoid double counting (ISO 14064-1:2018 principles of completeness, consistency and accuracy, GB/T 32150).',
            'zh-CN': '每项排放只能量化一次，清单须避免重复计算（ISO 14064-1:2018 完整性、一致性与准确性原则，GB/T 32150）。'
        },
        messages: {
            measuredTwice: { en: 'Meter {meter} lists source {source} twice in `measures`.', 'zh-CN': '计量器具 {meter} 在 `measures` 中两次列出排放源 {source}。' },
            sameActivity: {
                en: 'Source {name} has the same activity ({activity}) from meter {meter} as {others}: the same reading is counted twice.',
                'zh-CN': '排放源 {name} 与 {others} 取自同一计量器具 {meter}，活动数据相同（{activity}），同一读数被重复计算。'
            }
        },
        check: context => {
            const meters = context.declarations(isMeter);
            for (const meter of meters) {
                const seen = new Set<Source>();
                meter.measures.forEach((reference, index) => {
                    const source = reference.ref;
                    if (!source) return;
                    if (seen.has(source)) context.report('measuredTwice', { meter: meter.name, source: source.name }, meter, 'measures', index);
                    seen.add(source);
                });
            }
            // the meters of each source (a meter's `measures` and a source's `monitored-by`), and readings grouped by activity text
            const bySource = metersBySource(context.elements);
            const metersOf = (source: Source): Meter[] => [...(bySource.get(source) ?? [])];
            // only sources read from a meter can share a reading: their activity texts are compared
            const byActivity = new Map<string, Array<{ source: Source; meters: Meter[] }>>();
            for (const source of context.declarations(isSource)) {
                if (!source.activity) continue;
                const meters = metersOf(source);
                if (meters.length === 0) continue;
                const key = normalizedText(source.activity);
                if (!byActivity.has(key)) byActivity.set(key, []);
                byActivity.get(key)!.push({ source, meters });
            }
            for (const readings of byActivity.values()) {
                if (readings.length < 2) continue;
                for (const reading of readings) {
                    let shared: Meter | undefined;
                    const others = readings.filter(other => {
                        if (other === reading) return false;
                        const meter = reading.meters.find(m => other.meters.includes(m));
                        shared ??= meter;
                        return meter !== undefined;
                    });
                    if (others.length === 0 || !shared) continue;
                    context.report(
                        'sameActivity',
                        {
                            name: reading.source.name,
                            meter: shared.name,
                            activity: textOf(reading.source.activity!),
                            others: others.map(other => other.source.name).join(', ')
                        },
                        reading.source,
                        'activity'
                    );
                }
            }
        }
    }),
    defineRule({
        id: 'CN-6.2-015',
        clause: '6.2',
        severity: 'warning',
        title: { en: 'Base year', 'zh-CN': '基准年' },
        description: { en: 'The organisation has a `base-year` when a target exists, and the base year is not after the reporting period.', 'zh-CN': '存在目标时组织须声明 `base-year`，且基准年不得晚于报告期。' },
        rationale: {
            en: 'Targets and performance are measured against a base year for which emissions were quantified (ISO 14064-1:2018 clause 6.4, ISO 14068-1:2023 on the baseline of the carbon-neutrality pathway).',
            'zh-CN': '目标与绩效以已量化排放的基准年为参照（ISO 14064-1:2018 第 6.4 条，ISO 14068-1:2023 关于碳中和路径基准的要求）。'
        },
        messages: {
            missing: { en: 'Organization {name} has targets ({targets}) but no `base-year` to measure them from.', 'zh-CN': '组织 {name} 设有目标（{targets}），但未声明作为参照的 `base-year`。' },
            afterPeriod: { en: 'The base year {year} of organization {name} is after the reporting period {period}.', 'zh-CN': '组织 {name} 的基准年 {year} 晚于报告期 {period}。' }
        },
        insertsProperty: { missing: 'base-year ${1:2020}' },
        check: context => {
            const organization = context.organization;
            if (!organization) return;
            const targets = context.declarations(isTarget);
            if (!organization.baseYear) {
                if (targets.length > 0) context.report('missing', { name: organization.name, targets: targets.map(t => t.name).join(', ') }, organization, 'name');
                return;
            }
            const period = context.settings.period;
            if (period && /^\d{4}$/.test(organization.baseYear) && Number(organization.baseYear) > yearOf(period.end)) {
                context.report('afterPeriod', { name: organization.name, year: organization.baseYear, period: formatPeriod(period) }, organization, 'baseYear');
            }
        }
    }),
    defineRule({
        id: 'CN-6.2-016',
        clause: '6.2',
        severity: 'info',
        title: { en: 'CH4 and N2O of combustion', 'zh-CN': '燃烧排放的 CH4 与 N2O' },
        description: {
            en: "A combustion source, whose factor is (or is built on) a factor of the library's IPCC 2006 stationary-combustion family, with no CH4 or no N2O value.",
            'zh-CN': '燃烧排放源的排放因子来自（或基于）内置库 IPCC 2006 固定源燃烧因子，但没有 CH4 或 N2O 的值。'
        },
        rationale: {
            en: 'Fuel combustion emits CH4 and N2O besides CO2; the inventory covers every greenhouse gas of a source (ISO 14064-1:2018 clause 5.2.2, IPCC 2006 Guidelines Vol. 2 Ch. 2 Tables 2.2–2.5).',
            'zh-CN': '燃料燃烧除 CO2 外还排放 CH4 和 N2O；清单须涵盖排放源的全部温室气体（ISO 14064-1:2018 第 5.2.2 条，IPCC 2006 指南第 2 卷第 2 章表 2.2–2.5）。'
        },
        messages: {
            noCh4N2o: {
                en: 'Factor {factor} of combustion source {name} has no value for {gases}; declare a factor of your own that adds them (IPCC 2006 Guidelines Vol. 2 Ch. 2, Tables 2.2–2.5).',
                'zh-CN': '燃烧排放源 {name} 的排放因子 {factor} 没有 {gases} 的值；请自行声明包含这些气体的排放因子（IPCC 2006 指南第 2 卷第 2 章表 2.2–2.5）。'
            }
        },
        check: context => {
            const evaluator = context.services.semantics.Evaluator;
            // the gases each combustion factor lacks, found once per factor (a group's 10,000 sources use a few)
            const lacking = new Map<Factor, readonly string[]>();
            const missingOf = (factor: Factor): readonly string[] => {
                let missing = lacking.get(factor);
                if (!missing) {
                    const values = isCombustionFactor(factor) ? evaluator.factorValues(factor) : undefined;
                    missing = values ? ['CH4', 'N2O'].filter(gas => !values.some(value => value.gas === gas || value.gas.startsWith(`${gas}_`))) : [];
                    lacking.set(factor, missing);
                }
                return missing;
            };
            for (const source of context.declarations(isSource)) {
                const factor = referencedFactor(source.factor);
                if (!factor) continue;
                const missing = missingOf(factor);
                if (missing.length === 0) continue;
                const gases = { en: missing.join(' and '), 'zh-CN': missing.join(' 和 ') };
                context.report('noCh4N2o', { name: source.name, factor: qualifiedName(factor), gases }, source, 'factor');
            }
        }
    }),
    defineRule({
        id: 'CN-6.2-017',
        clause: '6.2',
        severity: 'info',
        title: { en: 'Residual mix of market-based scope 2', 'zh-CN': '基于市场的范围二的剩余组合因子' },
        description: {
            en: "Under `scope2 market-based`, a category-2 source with energy that no instrument covers, and no `residual-factor` on it or on the organisation: that energy is priced at the source's own factor (info); a `residual-factor` on a source that is not category 2 is not used (warning).",
            'zh-CN': '在 `scope2 market-based` 下，类别 2 排放源有未被凭证覆盖的能源，而排放源和组织都没有 `residual-factor`：这部分能源按排放源自身的因子计算（提示）；非类别 2 排放源上的 `residual-factor` 不会被使用（警告）。'
        },
        rationale: {
            en: "The market-based method prices energy not covered by a contractual instrument at a residual mix, the grid's factor with the attributes sold as instruments taken out, so they are not counted twice (GHG Protocol Scope 2 Guidance, 2015, ch. 6, Table 6.3; in China the national factor excluding market-traded non-fossil electricity of MEE and NBS).",
            'zh-CN':
                '基于市场的方法对未被合同凭证覆盖的能源采用剩余组合因子，即扣除已作为凭证出售的属性后的电网因子，以免重复计算（GHG Protocol 范围二指南，2015 年，第 6 章表 6.3；在中国为生态环境部和国家统计局发布的不包括市场化交易非化石能源电量的全国电力平均因子）。'
        },
        messages: {
            noResidual: {
                en: 'Source {name} has no residual-mix factor (`residual-factor` on it or on the organisation): under `scope2 market-based` the energy no instrument covers ({uncovered}) is priced at its own factor {factor} instead.',
                'zh-CN': '排放源 {name} 没有剩余组合因子（排放源或组织上的 `residual-factor`）：在 `scope2 market-based` 下，未被凭证覆盖的能源（{uncovered}）改按其自身的因子 {factor} 计算。'
            },
            notCategory2: {
                en: 'Source {name} is of category {category}: a `residual-factor` prices purchased energy (category 2) only, so this one is not used.',
                'zh-CN': '排放源 {name} 属于类别 {category}：`residual-factor` 只用于外购能源（类别 2），此处的因子不会被使用。'
            }
        },
        messageSeverity: { notCategory2: 'warning' },
        check: context => {
            for (const source of context.declarations(isSource)) {
                if (!source.residualFactor || !source.category || !/^[1-6](\.\d+)?$/.test(source.category) || source.category.startsWith('2')) continue;
                context.report('notCategory2', { name: source.name, category: source.category }, source, 'residualFactor');
            }
            if (context.settings.scope2 !== 'market-based') return;
            for (const { source, figures } of context.balance.sources) {
                if (!figures || figures.scope !== 2 || figures.inputs.residual || !source.activity || !source.factor) continue;
                const covered = figures.inputs.instruments.reduce((sum, part) => sum.plus(part.quantity), Rational.ZERO);
                const uncovered = figures.inputs.activity.minus(covered);
                if (uncovered.isZero()) continue;
                const activity = context.services.semantics.Evaluator.evaluate(source.activity);
                const energy = activity?.dimension.equals(Dimension.base('energy'));
                context.report(
                    'noResidual',
                    {
                        name: source.name,
                        uncovered: energy ? { figure: uncovered, unit: 'MWh' } : { en: 'the rest of its activity', 'zh-CN': '其余活动数据' },
                        factor: source.factor.$cstNode?.text ?? ''
                    },
                    source,
                    'name'
                );
            }
        }
    }),
    defineRule({
        id: 'CN-6.2-018',
        clause: '6.2',
        severity: 'warning',
        title: { en: 'Every month of the period', 'zh-CN': '报告期的每个月份' },
        description: {
            en: 'A source whose activity is given month by month (`monthly { … }`, or an aggregate of a dataset with a date column) covers every month of the reporting period; months filled by a declared `gap-fill` (`conservative`, or the rule the source names) are named with their filled values (info).',
            'zh-CN': '逐月给出活动数据的排放源（`monthly { … }`，或对含日期列的数据集的汇总）覆盖报告期的每个月份；由声明的 `gap-fill`（`conservative` 或排放源指定的规则）填补的月份连同填补值一并列出（提示）。'
        },
        rationale: {
            en: 'An inventory is complete over its period (ISO 14064-1:2018 clause 5.2, GB/T 32150); the national emissions-trading rules ask for monthly evidence of each parameter, and monitoring is checked month by month (clause 9.1).',
            'zh-CN': '清单须覆盖整个报告期（ISO 14064-1:2018 第 5.2 条，GB/T 32150）；全国碳排放权交易规则要求每个参数都有月度证据，监测按月检查（第 9.1 条）。'
        },
        messages: {
            missingMonths: { en: 'Source {name} has no activity data for {months} of the period {period}.', 'zh-CN': '排放源 {name} 缺少报告期 {period} 中 {months} 的活动数据。' },
            filledMonths: {
                en: 'Source {name} has no activity data for {months} of the period {period}; {filled}: {values}, {share} of its monthly data.',
                'zh-CN': '排放源 {name} 缺少报告期 {period} 中 {months} 的活动数据，{filled}：{values}，占其月度数据的 {share}。'
            }
        },
        messageSeverity: { filledMonths: 'info' },
        check: context => {
            const period = context.settings.period;
            if (!period) return;
            const months = monthsOfPeriod(period);
            const datasets = context.services.semantics.Datasets;
            for (const source of context.declarations(isSource)) {
                if (!source.activity) continue;
                // each part given month by month must cover every month: a part that cannot be computed says so elsewhere
                for (const node of monthlyParts(source.activity)) {
                    const covered = isMonthlyValues(node) ? node.months.map(entry => monthOf(entry.year, entry.month)).filter((month): month is string => month !== undefined) : datasets.monthsOf(node);
                    if (!covered) continue;
                    const have = new Set(covered);
                    const missing = months.filter(month => !have.has(month));
                    if (missing.length === 0) continue;
                    const filled = source.gapFill && node === gapFilledPart(source) ? context.services.semantics.GapFill.of(source) : undefined;
                    if (filled) {
                        const values = filled.filled.map(month => `${month.month} ${formatInDataUnit(month.value.value, filled)}`).join(', ');
                        context.report(
                            'filledMonths',
                            { name: source.name, months: missing.join(', '), period: formatPeriod(period), filled: TEXTS[`fill.${filled.method}`], values, share: formatPercent(filled.filledShare) },
                            source,
                            'gapFill'
                        );
                    } else context.report('missingMonths', { name: source.name, months: missing.join(', '), period: formatPeriod(period) }, node);
                }
            }
        }
    })
];

/** IPCC assessment reports before AR6, whose GWP sets need a justification (CN-6.2-005). */
const OLDER_THAN_AR6 = new Set(['FAR', 'SAR', 'TAR', 'AR1', 'AR2', 'AR3', 'AR4', 'AR5']);

/** Years a factor may lie before the reporting period (CN-6.2-007). */
const MAX_FACTOR_AGE = 3;

/** The factors declared in the model: top-level and in the model's own libraries. */
function modelFactors(elements: readonly Element[]): Factor[] {
    const factors: Factor[] = [];
    for (const element of elements) {
        if (isFactor(element)) factors.push(element);
        else if (isLibrary(element)) factors.push(...element.elements.filter(isFactor));
    }
    return factors;
}

/** The factor an expression names (`factor grid_2022`, `factor china_grid.east_2023`), if it names one. */
function referencedFactor(expression: Expression | undefined): Factor | undefined {
    return isNameReference(expression) && isFactor(expression.target.ref) ? expression.target.ref : undefined;
}

/** The built-in library a factor is shipped in (`ipcc2006`, `china_grid`), or undefined for a factor of the model. */
function libraryOf(factor: Factor): string | undefined {
    return isLibrary(factor.$container) && isBuiltinNode(factor) ? factor.$container.name : undefined;
}

/** A factor's name as a model writes it: `china_grid.north_2023` for a library factor. */
function qualifiedName(factor: Factor): string {
    return isLibrary(factor.$container) ? `${factor.$container.name}.${factor.name}` : factor.name;
}

/** A factor of the library's combustion family (ipcc2006), or a factor of the model built on one (`value ipcc2006.natural_gas`). */
function isCombustionFactor(factor: Factor): boolean {
    if (libraryOf(factor) === COMBUSTION_LIBRARY) return true;
    return factor.values.some(value => {
        const inner = referencedFactor(value);
        return inner !== undefined && libraryOf(inner) === COMBUSTION_LIBRARY;
    });
}
const COMBUSTION_LIBRARY = 'ipcc2006';

function textOf(expression: Expression): string {
    return expression.$cstNode?.text.replace(/\s+/g, ' ').trim() ?? '';
}

/** An expression's text without comments and white space, to compare two activities. */
/** The text of an expression without comments and spaces, kept per node (a node's text never changes). */
const normalizedTexts = new WeakMap<Expression, string>();

function normalizedText(expression: Expression): string {
    let text = normalizedTexts.get(expression);
    if (text === undefined) {
        text = (expression.$cstNode?.text ?? '')
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\/\/[^\n\r]*/g, '')
            .replace(/\s+/g, '');
        normalizedTexts.set(expression, text);
    }
    return text;
}

/** A share as a percentage for a message: `2.35 %`. */

// ---------------------------------------------------------------------------
// CN-6.2-008: provinces and the MEE's regional grids

type GridRegion = 'North China' | 'Northeast' | 'East China' | 'Central China' | 'Northwest' | 'South' | 'Southwest';

const GRID_REGION_TEXT: Readonly<Record<GridRegion, LocalizedText>> = {
    'North China': { en: 'North China', 'zh-CN': '华北' },
    Northeast: { en: 'Northeast', 'zh-CN': '东北' },
    'East China': { en: 'East China', 'zh-CN': '华东' },
    'Central China': { en: 'Central China', 'zh-CN': '华中' },
    Northwest: { en: 'Northwest', 'zh-CN': '西北' },
    South: { en: 'South', 'zh-CN': '南方' },
    Southwest: { en: 'Southwest', 'zh-CN': '西南' }
};

/**
 * The provinces of the mainland by regional grid, as the MEE and NBS group
 * them for the regional grid factors since the 2021 ones (Sichuan, Chongqing
 * and Tibet make the Southwest grid; the older baseline factors counted
 * Sichuan and Chongqing in Central China); Inner Mongolia is split between
 * North China (west) and Northeast (east).
 */
const PROVINCES: ReadonlyArray<{ readonly en: readonly string[]; readonly zh: readonly string[]; readonly region: GridRegion | 'Inner Mongolia' }> = [
    { en: ['Beijing'], zh: ['北京'], region: 'North China' },
    { en: ['Tianjin'], zh: ['天津'], region: 'North China' },
    { en: ['Hebei'], zh: ['河北'], region: 'North China' },
    { en: ['Shanxi'], zh: ['山西'], region: 'North China' },
    { en: ['Shandong'], zh: ['山东'], region: 'North China' },
    { en: ['Inner Mongolia', 'Nei Mongol', 'Neimenggu'], zh: ['内蒙古', '蒙东', '蒙西'], region: 'Inner Mongolia' },
    { en: ['Liaoning'], zh: ['辽宁'], region: 'Northeast' },
    { en: ['Jilin'], zh: ['吉林'], region: 'Northeast' },
    { en: ['Heilongjiang'], zh: ['黑龙江'], region: 'Northeast' },
    { en: ['Shanghai'], zh: ['上海'], region: 'East China' },
    { en: ['Jiangsu'], zh: ['江苏'], region: 'East China' },
    { en: ['Zhejiang'], zh: ['浙江'], region: 'East China' },
    { en: ['Anhui'], zh: ['安徽'], region: 'East China' },
    { en: ['Fujian'], zh: ['福建'], region: 'East China' },
    { en: ['Henan'], zh: ['河南'], region: 'Central China' },
    { en: ['Hubei'], zh: ['湖北'], region: 'Central China' },
    { en: ['Hunan'], zh: ['湖南'], region: 'Central China' },
    { en: ['Jiangxi'], zh: ['江西'], region: 'Central China' },
    { en: ['Shaanxi'], zh: ['陕西'], region: 'Northwest' },
    { en: ['Gansu'], zh: ['甘肃'], region: 'Northwest' },
    { en: ['Qinghai'], zh: ['青海'], region: 'Northwest' },
    { en: ['Ningxia'], zh: ['宁夏'], region: 'Northwest' },
    { en: ['Xinjiang'], zh: ['新疆'], region: 'Northwest' },
    { en: ['Guangdong'], zh: ['广东'], region: 'South' },
    { en: ['Guangxi'], zh: ['广西'], region: 'South' },
    { en: ['Yunnan'], zh: ['云南'], region: 'South' },
    { en: ['Guizhou'], zh: ['贵州'], region: 'South' },
    { en: ['Hainan'], zh: ['海南'], region: 'South' },
    { en: ['Sichuan'], zh: ['四川'], region: 'Southwest' },
    { en: ['Chongqing'], zh: ['重庆'], region: 'Southwest' },
    { en: ['Tibet', 'Xizang'], zh: ['西藏'], region: 'Southwest' }
];

/** Eastern Inner Mongolia (the Mengdong grid, part of the Northeast grid) and the west (Mengxi, part of North China). */
const INNER_MONGOLIA_EAST = { en: ['east', 'eastern', 'Mengdong', 'Hulunbuir', 'Hulun Buir', 'Hinggan', "Xing'an", 'Tongliao', 'Chifeng'], zh: ['蒙东', '东部', '呼伦贝尔', '兴安盟', '通辽', '赤峰'] };
const INNER_MONGOLIA_WEST = {
    en: ['west', 'western', 'Mengxi', 'Hohhot', 'Baotou', 'Wuhai', 'Ordos', 'Bayannur', 'Ulanqab', 'Alxa', 'Alashan', 'Xilingol', 'Xilin Gol'],
    zh: ['蒙西', '西部', '呼和浩特', '包头', '乌海', '鄂尔多斯', '巴彦淖尔', '乌兰察布', '阿拉善', '锡林郭勒']
};

/** The names of the regional grids, in a location or a factor's `region`. */
const REGION_NAMES: ReadonlyArray<{ readonly en: readonly string[]; readonly zh: readonly string[]; readonly region: GridRegion }> = [
    { en: ['North China'], zh: ['华北'], region: 'North China' },
    { en: ['Northeast China', 'Northeast'], zh: ['东北'], region: 'Northeast' },
    { en: ['East China'], zh: ['华东'], region: 'East China' },
    { en: ['Central China'], zh: ['华中'], region: 'Central China' },
    { en: ['Northwest China', 'Northwest'], zh: ['西北'], region: 'Northwest' },
    { en: ['South China', 'Southern China', 'China Southern', 'Southern grid', 'South grid'], zh: ['南方', '华南'], region: 'South' },
    { en: ['Southwest China', 'Southwest'], zh: ['西南'], region: 'Southwest' }
];

function names(text: string, list: { readonly en: readonly string[]; readonly zh: readonly string[] }): boolean {
    if (list.zh.some(name => text.includes(name))) return true;
    return list.en.some(name => wordPattern(name).test(text));
}

const WORD_PATTERNS = new Map<string, RegExp>();

/** A name as a whole word, any case, any spacing between its words; compiled once per name. */
function wordPattern(name: string): RegExp {
    let pattern = WORD_PATTERNS.get(name);
    if (!pattern) WORD_PATTERNS.set(name, (pattern = new RegExp(`(^|[^A-Za-z])${name.replace(/ /g, '\\s+')}($|[^A-Za-z])`, 'i')));
    return pattern;
}

/**
 * The regional grids a site's location lies in: those of the provinces it
 * names, else those of the grid regions it names; none when it names neither.
 * Inner Mongolia belongs to both North China and Northeast unless the east or
 * the west is named.
 */
/** The regions of each location text seen (a model has few locations and many sources). */
const locationRegions = new Map<string, GridRegion[]>();

function gridRegionsOfLocation(location: string): GridRegion[] {
    let regions = locationRegions.get(location);
    if (!regions) {
        regions = regionsOfLocation(location);
        if (locationRegions.size < 10_000) locationRegions.set(location, regions);
    }
    return regions;
}

function regionsOfLocation(location: string): GridRegion[] {
    const regions = new Set<GridRegion>();
    for (const province of PROVINCES) {
        if (!names(location, province)) continue;
        if (province.region !== 'Inner Mongolia') {
            regions.add(province.region);
            continue;
        }
        const east = names(location, INNER_MONGOLIA_EAST);
        const west = names(location, INNER_MONGOLIA_WEST);
        if (east || !west) regions.add('Northeast');
        if (west || !east) regions.add('North China');
    }
    if (regions.size === 0) {
        for (const entry of REGION_NAMES) if (names(location, entry)) regions.add(entry.region);
    }
    return [...regions];
}

type Province = (typeof PROVINCES)[number];

/**
 * Where a site's location and a grid factor's region disagree, the two as a
 * message names them; none when they agree or either names no region. A
 * provincial factor (the library's `region "Hebei"`) fits a location that
 * names its province, or, naming no province, the factor's regional grid.
 */
function regionMismatch(location: string, factor: Factor): { site: LocalizedText; factor: LocalizedText } | undefined {
    const region = regionTextOfFactor(factor);
    if (!region) return undefined;
    const province = provinceNamed(region);
    if (province) {
        const siteProvinces = PROVINCES.filter(entry => names(location, entry));
        if (siteProvinces.length > 0) return siteProvinces.includes(province) ? undefined : { site: provincesText(siteProvinces), factor: provincesText([province]) };
        const siteRegions = gridRegionsOfLocation(location);
        const factorRegions: readonly GridRegion[] = province.region === 'Inner Mongolia' ? ['North China', 'Northeast'] : [province.region];
        if (siteRegions.length === 0 || factorRegions.some(grid => siteRegions.includes(grid))) return undefined;
        return { site: regionsText(siteRegions), factor: provincesText([province]) };
    }
    const factorRegion = gridRegionNamed(region);
    if (!factorRegion) return undefined;
    const siteRegions = gridRegionsOfLocation(location);
    if (siteRegions.length === 0 || siteRegions.includes(factorRegion)) return undefined;
    return { site: regionsText(siteRegions), factor: GRID_REGION_TEXT[factorRegion] };
}

/** A factor's `region`, or that of the single library factor it is made of; none for a national factor. */
function regionTextOfFactor(factor: Factor): string | undefined {
    let region = factor.region;
    if (region === undefined && factor.values.length === 1) region = referencedFactor(factor.values[0])?.region;
    return region || undefined;
}

/** The regional grid a factor's region names. */
function gridRegionNamed(region: string): GridRegion | undefined {
    const known = (Object.keys(GRID_REGION_TEXT) as GridRegion[]).find(name => name.toLowerCase() === region.trim().toLowerCase());
    return known ?? REGION_NAMES.find(entry => names(region, entry))?.region;
}

/** The province a factor's region names (`Hebei`, `河北省`), when it names exactly one and no regional grid. */
function provinceNamed(region: string): Province | undefined {
    const named = PROVINCES.filter(entry => names(region, entry));
    return named.length === 1 && !gridRegionNamed(region) ? named[0] : undefined;
}

function provincesText(provinces: readonly Province[]): LocalizedText {
    return { en: provinces.map(entry => entry.en[0]).join(' or '), 'zh-CN': provinces.map(entry => entry.zh[0]).join('或') };
}

function regionsText(regions: readonly GridRegion[]): LocalizedText {
    return {
        en: regions.map(region => GRID_REGION_TEXT[region].en).join(' or '),
        'zh-CN': regions.map(region => GRID_REGION_TEXT[region]['zh-CN']).join('或')
    };
}
