import type { Claim } from '../generated/ast.js';
import { isClaim } from '../generated/ast.js';
import { addMonths } from '../semantics/dates.js';
import { Dimension } from '../semantics/dimension.js';
import { formatFigure, formatPercent } from '../semantics/figure-format.js';
import { formatPeriod, isPeriodRange, periodRange, samePeriod, type PeriodRange } from '../semantics/period.js';
import { GRAMS_PER_TONNE, tonnes } from '../semantics/quantity.js';
import { Rational } from '../semantics/rational.js';
import { nothingRecorded } from '../semantics/verdict.js';
import { defineRule, type Rule, type RuleContext } from './rule.js';

const claims = (context: RuleContext) => context.declarations(isClaim);

/** The claim's period, if it states a valid one. */
function claimPeriod(claim: Claim): PeriodRange | undefined {
    if (!claim.period) return undefined;
    const range = periodRange(claim.period);
    return isPeriodRange(range) ? range : undefined;
}

/**
 * Whether the model's figures are those of the claim's period: the claim
 * states no period or the organisation's. A claim for another period is
 * CN-9.1-002's finding, and the model holds no figures for it.
 */
function judgedOnModelPeriod(claim: Claim, context: RuleContext): boolean {
    if (!context.settings.period) return false;
    if (!claim.period) return true;
    const range = claimPeriod(claim);
    return !!range && samePeriod(range, context.settings.period);
}

/** Tonnes as a message figure (`{ figure, unit }` holds base units, grams). */
function tCO2e(value: Rational): { figure: Rational; unit: string } {
    return { figure: value.times(GRAMS_PER_TONNE), unit: 'tCO2e' };
}

/** A share for a reader: `1.25 %`. */

const DIRECT_CATEGORY = /^([12])(\.|$)/;
const INDIRECT_CATEGORY = /^([3-6])(\.|$)/;

/** Performance evaluation of claims (clause 9.1) and the claim gates of ISO 14068-1. */
export const CLAIM_RULES: readonly Rule[] = [
    defineRule({
        id: 'CN-9.1-001',
        clause: '9.1',
        severity: 'error',
        title: { en: 'Achievement claims need a net balance at or below zero', 'zh-CN': '实现类声明要求净排放不高于零' },
        description: {
            en: "A claim of kind `achievement` whose period's net balance (emissions − removals − retired offsets) is above zero (the message gives the figure), or whose period records no emissions at all (a placeholder model: its zero net shows nothing).",
            'zh-CN': '类型为 `achievement` 的声明，其所属期间的净排放（排放 − 清除 − 已注销的抵销）高于零（消息给出具体数值），或该期间未记录任何排放（占位模型：其零净排放不能说明任何问题）。'
        },
        rationale: {
            en: 'Carbon neutrality is achieved for a period only when the GHG emissions of the subject are balanced by removals and retired offsets (ISO 14068-1 clauses 9 and 10; language.md §4); an achievement claim with a positive net balance is false.',
            'zh-CN': '只有当对象在某一期间的温室气体排放被清除量和已注销的抵销量完全平衡时，才实现了碳中和（ISO 14068-1 第 9、10 条；语言规范 §4）；净排放为正的实现类声明不成立。'
        },
        messages: {
            netAboveZero: { en: 'Claim {name}: the net balance for {period} is {net}; an achievement claim needs a net balance ≤ 0.', 'zh-CN': '声明 {name}：报告期 {period} 的净排放为 {net}；实现类碳中和声明要求净排放 ≤ 0。' },
            nothingRecorded: {
                en: "Claim {name}: no emissions are recorded for {period}, so its net balance of zero shows nothing; record the period's emissions before claiming carbon neutrality.",
                'zh-CN': '声明 {name}：报告期 {period} 未记录任何排放，净排放为零并不能说明任何问题；请先记录本期排放，再声明碳中和。'
            }
        },
        check: context => {
            const balance = context.balance;
            for (const claim of claims(context)) {
                if (claim.kind !== 'achievement' || !judgedOnModelPeriod(claim, context)) continue;
                if (balance.netAtOrBelowZero && nothingRecorded(balance)) {
                    context.report('nothingRecorded', { name: claim.name, period: formatPeriod(context.settings.period!) }, claim, 'kind');
                    continue;
                }
                if (balance.netAtOrBelowZero) continue;
                context.report(
                    'netAboveZero',
                    {
                        name: claim.name,
                        period: formatPeriod(context.settings.period!),
                        net: `${formatFigure(balance.net, context.services.I18n.locale, 3, true)} tCO2e`
                    },
                    claim,
                    'kind'
                );
            }
        }
    }),
    defineRule({
        id: 'CN-9.1-002',
        clause: '9.1',
        severity: 'error',
        title: { en: 'Claims are for the reporting period', 'zh-CN': '声明针对本报告期' },
        description: {
            en: "A claim whose `period` differs from the organisation's period, or that states none.",
            'zh-CN': '声明的 `period` 与组织的报告期不同，或未声明期间。'
        },
        rationale: {
            en: "A carbon-neutrality claim is made for a stated period, and its figures are the ones quantified for that period (ISO 14068-1 clause 9); the model holds the figures of the organisation's period only.",
            'zh-CN': '碳中和声明针对明确的期间，其数据是该期间的量化结果（ISO 14068-1 第 9 条）；模型只包含组织报告期的数据。'
        },
        messages: {
            differs: { en: "Claim {name} is for {claimPeriod}, but the organisation's reporting period is {period}.", 'zh-CN': '声明 {name} 针对 {claimPeriod}，但组织的报告期为 {period}。' },
            missing: { en: 'Claim {name} states no `period`; a claim is made for the reporting period {period}.', 'zh-CN': '声明 {name} 未声明期间 `period`；声明应针对报告期 {period}。' }
        },
        insertsProperty: { missing: 'period ${1:2024}' },
        check: context => {
            const period = context.settings.period;
            if (!period) return;
            for (const claim of claims(context)) {
                if (!claim.period) {
                    context.report('missing', { name: claim.name, period: formatPeriod(period) }, claim, 'name');
                    continue;
                }
                const range = claimPeriod(claim);
                if (range && !samePeriod(range, period)) {
                    context.report('differs', { name: claim.name, claimPeriod: formatPeriod(range), period: formatPeriod(period) }, claim, 'period');
                }
            }
        }
    }),
    defineRule({
        id: 'CN-9.1-003',
        clause: '9.1',
        severity: 'warning',
        title: { en: 'Claims are verified and disclosed', 'zh-CN': '声明经过核证并公开' },
        description: {
            en: 'A claim without `verified-by` (the verification or validation body), or without `disclosure` (where the claim and its supporting report are published).',
            'zh-CN': '声明没有 `verified-by`（核查或审定机构），或没有 `disclosure`（声明及其支持性报告的公开位置）。'
        },
        rationale: {
            en: 'ISO 14068-1 clause 9 asks that a carbon-neutrality claim be substantiated by verification and publicly disclosed with the information that supports it.',
            'zh-CN': 'ISO 14068-1 第 9 条要求碳中和声明经过核查证实，并连同支持信息一起公开披露。'
        },
        messages: {
            missingVerifiedBy: { en: 'Claim {name} has no `verified-by`: a claim should be verified by an independent body.', 'zh-CN': '声明 {name} 没有 `verified-by`：声明应经独立机构核证。' },
            missingDisclosure: { en: 'Claim {name} has no `disclosure`: where is the claim published?', 'zh-CN': '声明 {name} 没有 `disclosure`：声明在何处公开？' }
        },
        insertsProperty: {
            missingVerifiedBy: 'verified-by "${1:certification body}" on ${2:2025-04-30}',
            missingDisclosure: 'disclosure "${1:https://example.com/report.pdf}"'
        },
        check: context => {
            for (const claim of claims(context)) {
                if (!claim.verifiedBy?.trim()) context.report('missingVerifiedBy', { name: claim.name }, claim, 'name');
                if (!claim.disclosure?.trim()) context.report('missingDisclosure', { name: claim.name }, claim, 'name');
            }
        }
    }),
    defineRule({
        id: 'CN-CLM-001',
        clause: 'ISO 14068-1',
        severity: 'error',
        title: { en: 'Complete inventory for an achievement claim', 'zh-CN': '实现类声明的排放清单完整' },
        description: {
            en: 'With a claim of kind `achievement`: every category 1 and 2 source is included in the balance (computed, not marked `significant no`), and each excluded indirect source (`significant no`) stays under `materiality` of the total emissions.',
            'zh-CN': '存在 `achievement` 类声明时：每个类别 1、2 排放源都计入平衡（可计算，且未标记 `significant no`）；每个被排除的间接排放源（`significant no`）的排放不超过总排放的 `materiality`。'
        },
        rationale: {
            en: 'A carbon-neutrality claim covers all direct emissions and energy-indirect emissions of its subject, and other indirect emissions except those shown to be immaterial (ISO 14068-1 clause 7, ISO 14064-1 clause 5.2.3).',
            'zh-CN': '碳中和声明须覆盖对象的全部直接排放和能源间接排放，以及除已证明不重要者以外的其他间接排放（ISO 14068-1 第 7 条、ISO 14064-1 第 5.2.3 条）。'
        },
        messages: {
            directNotComputed: {
                en: 'Source {name} (category {category}) is not in the balance because its emissions cannot be computed; achievement claim {claim} needs every category 1 and 2 source.',
                'zh-CN': '排放源 {name}（类别 {category}）的排放无法计算，未计入平衡；实现类声明 {claim} 要求计入全部类别 1、2 排放源。'
            },
            directExcluded: {
                en: 'Source {name} (category {category}) is marked `significant no`, but achievement claim {claim} cannot exclude a category 1 or 2 source.',
                'zh-CN': '排放源 {name}（类别 {category}）标记为 `significant no`，但实现类声明 {claim} 不能排除类别 1、2 排放源。'
            },
            aboveMateriality: {
                en: 'Excluded source {name} emits {emissions}, {share} of the total, above the materiality of {materiality}: achievement claim {claim} must include it.',
                'zh-CN': '被排除的排放源 {name} 排放 {emissions}，占总排放的 {share}，超过重要性阈值 {materiality}：实现类声明 {claim} 必须将其计入。'
            },
            excludedNotComputed: {
                en: 'Excluded source {name} cannot be computed, so achievement claim {claim} cannot show that it stays under the materiality of {materiality}.',
                'zh-CN': '被排除的排放源 {name} 无法计算，实现类声明 {claim} 无法证明其低于重要性阈值 {materiality}。'
            }
        },
        check: context => {
            const claim = claims(context).find(c => c.kind === 'achievement');
            if (!claim) return;
            const balance = context.balance;
            const materiality = context.settings.materiality;
            const threshold = balance.emissions.times(materiality);
            for (const { source, figures } of balance.sources) {
                const category = figures?.category ?? source.category ?? '';
                const excluded = source.significant === 'no';
                if (DIRECT_CATEGORY.test(category)) {
                    if (!figures) context.report('directNotComputed', { name: source.name, category, claim: claim.name }, source, 'name');
                    else if (excluded) context.report('directExcluded', { name: source.name, category, claim: claim.name }, source, 'significant');
                } else if (INDIRECT_CATEGORY.test(category) && excluded) {
                    if (!figures) {
                        context.report('excludedNotComputed', { name: source.name, claim: claim.name, materiality: formatPercent(materiality, context.services.I18n.locale) }, source, 'significant');
                        continue;
                    }
                    const emissions = tonnes(figures.co2e);
                    if (emissions.compare(threshold) > 0) {
                        context.report(
                            'aboveMateriality',
                            {
                                name: source.name,
                                claim: claim.name,
                                emissions: tCO2e(emissions),
                                share: formatPercent(emissions.dividedBy(balance.emissions), context.services.I18n.locale),
                                materiality: formatPercent(materiality, context.services.I18n.locale)
                            },
                            source,
                            'significant'
                        );
                    }
                }
            }
        }
    }),
    defineRule({
        id: 'CN-CLM-002',
        clause: 'ISO 14068-1',
        severity: 'error',
        title: { en: 'Reduction before offsetting', 'zh-CN': '先减排，后抵销' },
        description: {
            en: 'A claim in a period after the first claimed period whose emissions are not below those of the previous claimed period, given on the claim as `previous 12_345 tCO2e`. A claim that follows an earlier claim of the model must give `previous`.',
            'zh-CN': '首个声明期之后的声明，其本期排放不低于上一声明期的排放（在声明中以 `previous 12_345 tCO2e` 给出）。模型中已有更早期间声明的，后续声明必须给出 `previous`。'
        },
        rationale: {
            en: 'ISO 14068-1 puts reduction before offsetting: after the first claim, each further claim must show emissions reduced from the previous claimed period (ISO 14068-1 clauses 8 and 9); offsets may cover residual emissions only.',
            'zh-CN': 'ISO 14068-1 要求先减排、后抵销：首次声明之后，每一次声明都须表明排放较上一声明期有所下降（ISO 14068-1 第 8、9 条）；抵销只能用于剩余排放。'
        },
        messages: {
            notBelow: {
                en: "Claim {name}: the period's emissions {emissions} are not below {previous} of the previous claimed period; reduce before offsetting.",
                'zh-CN': '声明 {name}：本期排放 {emissions} 不低于上一声明期的 {previous}；应先减排，后抵销。'
            },
            missingPrevious: {
                en: "Claim {name} follows claim {earlier} of an earlier period, but does not give the previous claimed period's emissions (`previous … tCO2e`).",
                'zh-CN': '声明 {name} 在较早期间的声明 {earlier} 之后，但未给出上一声明期的排放量（`previous … tCO2e`）。'
            }
        },
        insertsProperty: { missingPrevious: 'previous ${1:150_000} tCO2e' },
        check: context => {
            const all = claims(context);
            const evaluator = context.services.semantics.Evaluator;
            for (const claim of all) {
                if (!judgedOnModelPeriod(claim, context)) continue;
                if (!claim.previous) {
                    const start = context.settings.period!.start;
                    const earlier = all.find(other => other !== claim && (claimPeriod(other)?.end ?? start) < start);
                    if (earlier) context.report('missingPrevious', { name: claim.name, earlier: earlier.name }, claim, 'name');
                    continue;
                }
                const previous = evaluator.evaluate(claim.previous);
                if (!previous || !previous.dimension.equals(Dimension.massOf('CO2e'))) continue;
                const emissions = context.balance.emissions;
                if (emissions.compare(tonnes(previous.value)) >= 0) {
                    context.report('notBelow', { name: claim.name, emissions: tCO2e(emissions), previous: { figure: previous.value, unit: 'tCO2e' } }, claim, 'previous');
                }
            }
        }
    }),
    defineRule({
        id: 'CN-CLM-003',
        clause: 'ISO 14068-1',
        severity: 'warning',
        title: { en: 'Commitments are renewed', 'zh-CN': '承诺类声明及时更新' },
        description: {
            en: 'A commitment claim older than one year at the end of the period: its date is its verification date (`verified-by … on`), else the end of its period.',
            'zh-CN': '承诺类声明在报告期结束时已超过一年：声明日期取其核证日期（`verified-by … on`），没有时取其期间的结束日。'
        },
        rationale: {
            en: "A carbon-neutrality commitment is maintained only while its plan is kept and its progress is reported; ISO 14068-1 (clauses 8 and 9) expects it to be renewed with each period's figures, so one older than a year no longer stands.",
            'zh-CN': '碳中和承诺只有在持续执行计划并报告进展时才有效；ISO 14068-1（第 8、9 条）要求随每期数据更新承诺，超过一年未更新的承诺不再成立。'
        },
        messages: {
            staleVerified: {
                en: 'Commitment claim {name} was verified on {date}, more than a year before the end of the period ({end}); renew it for this period.',
                'zh-CN': '承诺类声明 {name} 的核证日期为 {date}，早于报告期结束日（{end}）一年以上；请针对本期更新声明。'
            },
            stalePeriod: {
                en: 'Commitment claim {name} is for a period that ended on {date}, more than a year before the end of the period ({end}); renew it for this period.',
                'zh-CN': '承诺类声明 {name} 所针对的期间于 {date} 结束，早于报告期结束日（{end}）一年以上；请针对本期更新声明。'
            }
        },
        check: context => {
            const period = context.settings.period;
            if (!period) return;
            const limit = addMonths(period.end, -12);
            for (const claim of claims(context)) {
                if (claim.kind !== 'commitment') continue;
                if (claim.verifiedOn) {
                    if (claim.verifiedOn < limit) context.report('staleVerified', { name: claim.name, date: claim.verifiedOn, end: period.end }, claim, 'verifiedOn');
                    continue;
                }
                const range = claimPeriod(claim);
                if (range && range.end < limit) context.report('stalePeriod', { name: claim.name, date: range.end, end: period.end }, claim, 'period');
            }
        }
    })
];
