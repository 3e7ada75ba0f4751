import { isReduction, isRemoval, isSource, isUnitDecl, type Source } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import { yearOf } from '../semantics/dates.js';
import { Dimension } from '../semantics/dimension.js';
import { formatPeriod } from '../semantics/period.js';
import { Rational } from '../semantics/rational.js';
import { isBuiltinUri } from '../workspace/builtin-library.js';
import { defineRule, type Rule } from './rule.js';

/** Clause 6.3: reduction measures. */
export const REDUCTION_RULES: readonly Rule[] = [
    defineRule({
        id: 'CN-6.3-001',
        clause: '6.3',
        severity: 'warning',
        title: { en: 'What each reduction acts on, cuts, when and by whom', 'zh-CN': '减排措施的对象、减排量、起始年、状态与负责人' },
        description: {
            en: 'Every reduction says which sources it acts `on`, what it `cuts`, `from` which year, its `status` and its `owner`.',
            'zh-CN': '每项减排措施都写明作用的排放源 `on`、减排量 `cuts`、起始年 `from`、状态 `status` 和负责人 `owner`。'
        },
        rationale: {
            en: 'Actions to reduce emissions are planned with what they act on, the expected result, the timing and who is responsible, so that they can be followed up (ISO 14068-1:2023 on the carbon-neutrality management plan, ISO 14064-1:2018 clause 7.1).',
            'zh-CN': '减排行动须明确作用对象、预期效果、时间安排和责任人，以便跟踪实施（ISO 14068-1:2023 关于碳中和管理计划的要求，ISO 14064-1:2018 第 7.1 条）。'
        },
        messages: {
            missingOn: { en: 'Reduction {name} does not say which sources it acts `on`.', 'zh-CN': '减排措施 {name} 未写明作用的排放源（`on`）。' },
            missingCuts: { en: 'Reduction {name} does not say what it `cuts` (a share such as 8 %, or an amount per year such as 1_500 tCO2e).', 'zh-CN': '减排措施 {name} 未写明减排量 `cuts`（比例，如 8 %；或每年的量，如 1_500 tCO2e）。' },
            missingFrom: { en: 'Reduction {name} does not say `from` which year it takes effect.', 'zh-CN': '减排措施 {name} 未写明从哪一年起生效（`from`）。' },
            missingStatus: { en: 'Reduction {name} has no `status` (planned, in-progress, implemented or verified).', 'zh-CN': '减排措施 {name} 没有 `status`（planned 计划、in-progress 实施中、implemented 已实施或 verified 已验证）。' },
            missingOwner: { en: 'Reduction {name} has no `owner` responsible for it.', 'zh-CN': '减排措施 {name} 没有负责人 `owner`。' }
        },
        insertsProperty: {
            missingOn: 'on ${1:boiler}',
            missingCuts: 'cuts ${1:5} %',
            missingFrom: 'from ${1:2026}',
            missingStatus: 'status ${1:planned}',
            missingOwner: 'owner ${1:energy_manager}'
        },
        check: context => {
            for (const reduction of context.declarations(isReduction)) {
                const params = { name: reduction.name };
                if (reduction.on.length === 0) context.report('missingOn', params, reduction, 'name');
                if (!reduction.cuts) context.report('missingCuts', params, reduction, 'name');
                if (!reduction.from) context.report('missingFrom', params, reduction, 'name');
                if (!reduction.status) context.report('missingStatus', params, reduction, 'name');
                if (!reduction.owner) context.report('missingOwner', params, reduction, 'name');
            }
        }
    }),
    defineRule({
        id: 'CN-6.3-002',
        clause: '6.3',
        severity: 'error',
        title: { en: 'A reduction cuts no more than the sources emit', 'zh-CN': '减排量不超过所作用排放源的排放量' },
        description: { en: 'A reduction whose `cuts`, as an amount per year, exceeds the current emissions of the sources it acts on.', 'zh-CN': '减排措施以每年的量给出的 `cuts` 超过其所作用排放源的当前排放量。' },
        rationale: {
            en: "A measure cannot remove more than the sources emit; the projected path to the targets would go below what is possible (ISO 14068-1:2023: the plan's reductions are quantified against the current emissions).",
            'zh-CN': '一项措施的减排量不可能超过排放源本身的排放量，否则通往目标的预测路径会低于实际可能（ISO 14068-1:2023：计划中的减排量以当前排放量为基础量化）。'
        },
        messages: {
            exceeds: { en: 'Reduction {name} cuts {cuts} a year, more than the current emissions of {sources}, {emissions}.', 'zh-CN': '减排措施 {name} 每年减排 {cuts}，超过其所作用排放源 {sources} 的当前排放量 {emissions}。' }
        },
        check: context => {
            const evaluator = context.services.semantics.Evaluator;
            const perYear = Dimension.massOf('CO2e').dividedBy(Dimension.base('time'));
            for (const reduction of context.declarations(isReduction)) {
                const cuts = evaluator.evaluate(reduction.cuts);
                if (!cuts) continue;
                let amount: Rational | undefined;
                if (cuts.dimension.equals(Dimension.massOf('CO2e'))) {
                    amount = cuts.value;
                } else if (cuts.dimension.equals(perYear)) {
                    const year = oneYear(context.services);
                    amount = year ? cuts.value.times(year) : undefined;
                }
                if (!amount) continue;
                const sources = reduction.on.map(reference => reference.ref).filter(isSource);
                if (sources.length === 0) continue;
                const figures = sources.map(source => context.services.semantics.SourceFigures.of(source));
                if (figures.some(f => f === undefined)) continue;
                const emissions = figures.reduce((sum, f) => sum.plus(f!.co2e), Rational.ZERO);
                if (amount.compare(emissions) <= 0) continue;
                context.report(
                    'exceeds',
                    {
                        name: reduction.name,
                        cuts: { figure: amount, unit: 'tCO2e' },
                        emissions: { figure: emissions, unit: 'tCO2e' },
                        sources: sources.map((source: Source) => source.name).join(', ')
                    },
                    reduction,
                    'cuts'
                );
            }
        }
    }),
    defineRule({
        id: 'CN-6.3-003',
        clause: '6.3',
        severity: 'error',
        title: { en: 'A reduction acts on sources of the model', 'zh-CN': '减排措施作用于模型中的排放源' },
        description: { en: 'A reduction acts `on` a name that is no source of the model, or on a removal.', 'zh-CN': '减排措施的 `on` 指向模型中不存在的排放源，或指向清除。' },
        rationale: {
            en: 'Reductions lower emissions of sources inside the boundary; removals are enhanced separately and are never netted into reductions (ISO 14068-1:2023 on reductions and removals, ISO 14064-1:2018 clause 5.2).',
            'zh-CN': '减排措施降低的是边界内排放源的排放；清除应单独核算，不得计作减排（ISO 14068-1:2023 关于减排与清除的要求，ISO 14064-1:2018 第 5.2 条）。'
        },
        messages: {
            unknown: { en: "Reduction {name} acts on '{target}', which is no source of the model.", 'zh-CN': '减排措施 {name} 作用于“{target}”，但模型中没有该排放源。' },
            removal: {
                en: 'Reduction {name} acts on removal {target}; a reduction acts on emission sources, and removals are accounted on their own.',
                'zh-CN': '减排措施 {name} 作用于清除 {target}；减排措施只能作用于排放源，清除应单独核算。'
            }
        },
        check: context => {
            for (const reduction of context.declarations(isReduction)) {
                reduction.on.forEach((reference, index) => {
                    const target = reference.ref;
                    if (!target) {
                        if (reference.$refText) context.report('unknown', { name: reduction.name, target: reference.$refText }, reduction, 'on', index);
                    } else if (isRemoval(target)) {
                        context.report('removal', { name: reduction.name, target: target.name }, reduction, 'on', index);
                    }
                });
            }
        }
    }),
    defineRule({
        id: 'CN-6.3-004',
        clause: '6.3',
        severity: 'warning',
        title: { en: 'Status of a reduction matches its year', 'zh-CN': '减排措施的状态与起始年一致' },
        description: {
            en: 'A reduction `implemented` or `verified` whose `from` year is after the reporting period, or `planned` whose `from` year is before it.',
            'zh-CN': '状态为 `implemented` 或 `verified` 的减排措施，其 `from` 年份晚于报告期；或状态为 `planned` 的措施，其 `from` 年份早于报告期。'
        },
        rationale: {
            en: 'The plan reports the progress of its actions truthfully: a measure cannot be implemented in a year still to come, nor still planned for a year already past (ISO 14068-1:2023 on the carbon-neutrality management plan, ISO 14064-1:2018 clause 9).',
            'zh-CN': '管理计划须如实报告各项行动的进展：措施不可能在尚未到来的年份已实施，也不应在已过去的年份仍处于计划状态（ISO 14068-1:2023 关于碳中和管理计划的要求，ISO 14064-1:2018 第 9 章）。'
        },
        messages: {
            doneLater: { en: 'Reduction {name} is {status} but takes effect from {year}, after the reporting period {period}.', 'zh-CN': '减排措施 {name} 的状态为 {status}，但其起始年 {year} 晚于报告期 {period}。' },
            plannedEarlier: {
                en: 'Reduction {name} is still planned but takes effect from {year}, before the reporting period {period}: update its status or its year.',
                'zh-CN': '减排措施 {name} 仍处于计划状态，但其起始年 {year} 早于报告期 {period}：请更新其状态或起始年。'
            }
        },
        check: context => {
            const period = context.settings.period;
            if (!period) return;
            for (const reduction of context.declarations(isReduction)) {
                if (!reduction.from || !/^\d{4}$/.test(reduction.from)) continue;
                const year = Number(reduction.from);
                const params = { name: reduction.name, status: reduction.status ?? '', year: reduction.from, period: formatPeriod(period) };
                if ((reduction.status === 'implemented' || reduction.status === 'verified') && year > yearOf(period.end)) {
                    context.report('doneLater', params, reduction, 'from');
                } else if (reduction.status === 'planned' && year < yearOf(period.start)) {
                    context.report('plannedEarlier', params, reduction, 'from');
                }
            }
        }
    })
];

/** One year (the library's `yr`, 365 days) in the base unit of time. */
function oneYear(services: CnmsServices): Rational | undefined {
    const node = services.shared.workspace.IndexManager.allElements('UnitDecl').find(desc => desc.name === 'yr' && isBuiltinUri(desc.documentUri))?.node;
    return isUnitDecl(node) ? services.semantics.Evaluator.unitValue(node)?.value : undefined;
}
