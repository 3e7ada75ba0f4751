import type { Source } from '../generated/ast.js';
import { isChange, isObligation, isRisk, isSite, isSource, isTarget } from '../generated/ast.js';
import { yearOf } from '../semantics/dates.js';
import { GRAMS_PER_TONNE, tonnes } from '../semantics/quantity.js';
import { Dec, Rational } from '../semantics/rational.js';
import { defineRule, type Rule } from './rule.js';

const HUNDRED = Rational.fromInteger(100);

/** A share as a reader writes it: `12.35 %` (two decimals at most, half-even). */
function percent(share: Rational): string {
    return `${share.times(HUNDRED).toDecimal().toDecimalPlaces(2, Dec.ROUND_HALF_EVEN).toString()} %`;
}

/** A risk or an opportunity, by its kind, for the start of a message. */
function riskKind(kind: string | undefined): { en: string; 'zh-CN': string } {
    return kind === 'opportunity' ? { en: 'Opportunity', 'zh-CN': '机遇' } : { en: 'Risk', 'zh-CN': '风险' };
}

/**
 * Clause 6.1 (risks and opportunities, compliance obligations) and 6.6
 * (planning of changes). The emission-accounting part of planning is in
 * accounting.ts.
 */
export const PLANNING_RULES: readonly Rule[] = [
    defineRule({
        id: 'CN-6.1-001',
        clause: '6.1',
        severity: 'warning',
        title: { en: 'Risks and opportunities', 'zh-CN': '风险和机遇' },
        description: { en: 'The model records at least one `risk` of kind risk and one of kind opportunity.', 'zh-CN': '模型至少记录一个类型为 risk 的风险和一个类型为 opportunity 的机遇（`risk`）。' },
        rationale: {
            en: 'Clause 6.1 asks the organisation to determine the risks and opportunities that need to be addressed, arising from its issues (4.1), the needs of interested parties (4.2) and its compliance obligations.',
            'zh-CN': '第 6.1 条要求组织确定需要应对的风险和机遇，它们来自内外部问题（4.1）、相关方的需求（4.2）和合规义务。'
        },
        messages: {
            none: { en: 'Organization {name} records no `risk`: determine the risks and the opportunities that need to be addressed.', 'zh-CN': '组织 {name} 未记录任何风险和机遇（`risk`）：应确定需要应对的风险和机遇。' },
            noRisk: { en: 'Organization {name} records opportunities but no `risk` of kind risk.', 'zh-CN': '组织 {name} 记录了机遇，但没有类型为 risk 的风险。' },
            noOpportunity: { en: 'Organization {name} records risks but no `risk` of kind opportunity.', 'zh-CN': '组织 {name} 记录了风险，但没有类型为 opportunity 的机遇。' }
        },
        insertsElement: 'risk',
        check: context => {
            const risks = context.declarations(isRisk);
            const hasRisk = risks.some(risk => risk.kind === 'risk');
            const hasOpportunity = risks.some(risk => risk.kind === 'opportunity');
            const name = context.organization?.name ?? '';
            if (!hasRisk && !hasOpportunity) context.reportMissing('none', { name });
            else if (!hasRisk) context.reportMissing('noRisk', { name });
            else if (!hasOpportunity) context.reportMissing('noOpportunity', { name });
        }
    }),
    defineRule({
        id: 'CN-6.1-002',
        clause: '6.1',
        severity: 'warning',
        title: { en: 'Actions on risks and opportunities', 'zh-CN': '应对风险和机遇的措施' },
        description: { en: 'Every `risk` (risk or opportunity) has an `action` and an `owner`.', 'zh-CN': '每个风险或机遇（`risk`）都有应对措施（`action`）和负责人（`owner`）。' },
        rationale: {
            en: 'Clause 6.1 asks the organisation to plan actions to address its risks and opportunities and how to integrate them into its processes; an action without an owner is not planned.',
            'zh-CN': '第 6.1 条要求组织策划应对风险和机遇的措施，以及如何将其纳入体系过程；没有负责人的措施并未真正落实。'
        },
        messages: {
            missingAction: { en: '{kind} {name} has no `action`: plan how it is addressed.', 'zh-CN': '{kind} {name} 没有应对措施 `action`：应策划如何应对。' },
            missingOwner: { en: '{kind} {name} has no `owner`: assign the role responsible for the action.', 'zh-CN': '{kind} {name} 没有负责人 `owner`：应指定负责实施措施的角色。' }
        },
        insertsProperty: {
            missingAction: 'action "${1:action}"',
            missingOwner: 'owner ${1:role_name}'
        },
        check: context => {
            for (const risk of context.declarations(isRisk)) {
                const params = { kind: riskKind(risk.kind), name: risk.name };
                if (!risk.action?.trim()) context.report('missingAction', params, risk, 'name');
                if (!risk.owner) context.report('missingOwner', params, risk, 'name');
            }
        }
    }),
    defineRule({
        id: 'CN-6.1-003',
        clause: '6.1',
        severity: 'warning',
        title: { en: 'Compliance obligations', 'zh-CN': '合规义务' },
        description: {
            en: 'The model records at least one `obligation` (such as national emissions trading, emissions reporting or local energy controls), each with the `source` it comes from.',
            'zh-CN': '模型至少记录一项合规义务（`obligation`，如全国碳排放权交易、排放报告或地方能耗管控要求），每项都注明其来源（`source`）。'
        },
        rationale: {
            en: 'Clause 6.1 asks the organisation to determine and have access to the compliance obligations related to its greenhouse-gas emissions and energy use, and to know where each comes from.',
            'zh-CN': '第 6.1 条要求组织确定并获取与其温室气体排放和能源使用相关的合规义务，并明确每项义务的来源。'
        },
        messages: {
            missing: {
                en: 'Organization {name} records no compliance `obligation` (such as national emissions trading, emissions reporting or local energy controls).',
                'zh-CN': '组织 {name} 未记录任何合规义务（`obligation`），如全国碳排放权交易、排放报告或地方能耗管控要求。'
            },
            missingSource: { en: 'Compliance obligation {name} has no `source`: name the law, regulation or agreement it comes from.', 'zh-CN': '合规义务 {name} 没有来源 `source`：应注明其出自的法律法规或协议。' }
        },
        insertsElement: 'obligation',
        insertsProperty: { missingSource: 'source "${1:law, regulation or agreement}"' },
        check: context => {
            const obligations = context.declarations(isObligation);
            if (obligations.length === 0) {
                context.reportMissing('missing', { name: context.organization?.name ?? '' });
                return;
            }
            for (const obligation of obligations) {
                if (!obligation.source?.trim()) context.report('missingSource', { name: obligation.name }, obligation, 'name');
            }
        }
    }),
    defineRule({
        id: 'CN-6.6-001',
        clause: '6.6',
        severity: 'warning',
        title: { en: 'Planned changes', 'zh-CN': '变更的策划' },
        description: { en: 'Every `change` has a `description`, a `date` and an `owner`.', 'zh-CN': '每项变更（`change`）都有说明（`description`）、日期（`date`）和负责人（`owner`）。' },
        rationale: {
            en: 'When the organisation determines the need for changes to its carbon-neutrality management system, clause 6.6 asks it to carry them out in a planned manner: what changes, when, and who is responsible.',
            'zh-CN': '组织确定需要对碳中和管理体系进行变更时，第 6.6 条要求按所策划的方式实施变更：变更什么、何时变更、由谁负责。'
        },
        messages: {
            missingDescription: { en: 'Change {name} has no `description`.', 'zh-CN': '变更 {name} 没有说明 `description`。' },
            missingDate: { en: 'Change {name} has no `date`.', 'zh-CN': '变更 {name} 没有日期 `date`。' },
            missingOwner: { en: 'Change {name} has no `owner`: assign the role responsible for it.', 'zh-CN': '变更 {name} 没有负责人 `owner`：应指定负责该变更的角色。' }
        },
        insertsProperty: {
            missingDescription: 'description "${1:description}"',
            missingDate: 'date ${1:2024-06-01}',
            missingOwner: 'owner ${1:role_name}'
        },
        check: context => {
            for (const change of context.declarations(isChange)) {
                if (!change.description?.trim()) context.report('missingDescription', { name: change.name }, change, 'name');
                if (!change.date) context.report('missingDate', { name: change.name }, change, 'name');
                if (!change.owner) context.report('missingOwner', { name: change.name }, change, 'name');
            }
        }
    }),
    defineRule({
        id: 'CN-6.6-002',
        clause: '6.6',
        severity: 'warning',
        title: { en: 'Base-year recalculation after a significant change', 'zh-CN': '重大变更后重新计算基准年' },
        description: {
            en: "A `change` that `affects` sites or sources whose emissions in the period together exceed the organisation's `recalculation-threshold` (default 5 %) of the total emissions: the base year must be recalculated. A site stands for every source at it; each source counts once. Only a base year (of the organisation or of a target) before the change's year needs it; without a base year there is nothing to recalculate (CN-6.2-015).",
            'zh-CN':
                '变更（`change`）所涉及（`affects`）的场所或排放源在本期的排放合计超过组织基准年重新计算阈值 `recalculation-threshold`（默认 5 %）占总排放的比例时，应重新计算基准年。场所代表其中的全部排放源，每个排放源只计一次。只有早于变更年份的基准年（组织或目标的基准年）需要重新计算；没有基准年则无需重新计算（见 CN-6.2-015）。'
        },
        rationale: {
            en: 'A structural or methodological change that shifts a significant share of emissions makes the base year incomparable; ISO 14064-1:2018 clause 6.4 asks the base-year inventory to be recalculated when such a change exceeds the significance threshold.',
            'zh-CN': '涉及较大比例排放的结构性或方法学变更会使基准年失去可比性；ISO 14064-1:2018 第 6.4 条要求在此类变更超过显著性阈值时重新计算基准年清单。'
        },
        messages: {
            recalculate: {
                en: "Change {name} affects {share} of the period's emissions ({affected} of {total}), above the recalculation threshold of {threshold}: recalculate the base-year emissions.",
                'zh-CN': '变更 {name} 涉及本期排放的 {share}（{affected}，总排放 {total}），超过基准年重新计算阈值 {threshold}：应重新计算基准年排放。'
            }
        },
        check: context => {
            const total = context.balance.emissions;
            if (total.isZero() || total.isNegative()) return;
            const threshold = context.settings.recalculationThreshold;
            const figures = new Map(context.balance.sources.map(entry => [entry.source, entry.figures]));
            const baseYears = [context.organization?.baseYear, ...context.declarations(isTarget).map(target => target.baseYear)].filter((year): year is string => !!year && /^\d{4}$/.test(year)).map(yearOf);
            for (const change of context.declarations(isChange)) {
                // Only a base year before the change has to be recalculated: a later one already holds it.
                const changed = change.date ? yearOf(change.date) : undefined;
                if (!baseYears.some(year => changed === undefined || year < changed)) continue;
                const affected = new Set<Source>();
                for (const reference of change.affects) {
                    const target = reference.ref;
                    if (isSource(target)) affected.add(target);
                    else if (isSite(target)) {
                        for (const entry of context.balance.sources) {
                            if (entry.source.site?.ref === target) affected.add(entry.source);
                        }
                    }
                }
                let grams = Rational.ZERO;
                for (const source of affected) {
                    const counted = figures.get(source);
                    if (counted) grams = grams.plus(counted.co2e);
                }
                const share = tonnes(grams).dividedBy(total);
                if (share.compare(threshold) <= 0) continue;
                context.report(
                    'recalculate',
                    {
                        name: change.name,
                        share: percent(share),
                        affected: { figure: grams, unit: 'tCO2e' },
                        total: { figure: total.times(GRAMS_PER_TONNE), unit: 'tCO2e' },
                        threshold: percent(threshold)
                    },
                    change,
                    'affects',
                    0
                );
            }
        }
    })
];
