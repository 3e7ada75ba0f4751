import type { Audit, Evaluation, Obligation, Review } from '../generated/ast.js';
import { isAudit, isComplianceCheck, isEvaluation, isObligation, isReview } from '../generated/ast.js';
import { addDays, addMonths, isWithin } from '../semantics/dates.js';
import { formatPeriod, type PeriodRange } from '../semantics/period.js';
import { defineRule, type Rule, type RuleContext } from './rule.js';

/** The window "within 12 months before the end of the period": [end − 12 months + 1 day, end]. */
function twelveMonthsBefore(end: string): PeriodRange {
    return { start: addDays(addMonths(end, -12), 1), end };
}

type Dated = Evaluation | Audit | Review;

/**
 * The shared check of "a dated element within a window": none at all is one
 * `missing` on the organisation; some, but none dated in the window, is a
 * `missingDate` on each undated one (the date may be all that is missing),
 * else one `outside` that names the latest.
 */
function checkDated(context: RuleContext, elements: readonly Dated[], window: PeriodRange | undefined, shown: PeriodRange | undefined = window): void {
    const organization = context.organization?.name ?? '';
    if (elements.length === 0) {
        context.reportMissing('missing', { name: organization });
        return;
    }
    if (!window) return;
    if (elements.some(element => element.date && isWithin(element.date, window.start, window.end))) return;
    const undated = elements.filter(element => !element.date);
    if (undated.length > 0) {
        for (const element of undated) context.report('missingDate', { name: element.name }, element, 'name');
        return;
    }
    const latest = [...elements].sort((a, b) => (a.date! < b.date! ? 1 : a.date! > b.date! ? -1 : 0))[0];
    context.reportMissing('outside', { name: organization, start: shown!.start, end: shown!.end, period: formatPeriod(shown!), latest: latest.name, date: latest.date! });
}

/** Clause 9: performance evaluation (9.1 monitoring and evaluation, 9.2 internal audit, 9.3 management review). */
export const EVALUATION_RULES: readonly Rule[] = [
    defineRule({
        id: 'CN-9.1-004',
        clause: '9.1',
        severity: 'warning',
        title: { en: 'Evaluation of carbon-neutrality performance', 'zh-CN': '碳中和绩效评价' },
        description: {
            en: 'The model has an `evaluation` of its carbon-neutrality performance dated within the period or after it.',
            'zh-CN': '模型中有日期在报告期内或报告期之后的碳中和绩效评价 `evaluation`。'
        },
        rationale: {
            en: 'The organisation monitors, measures, analyses and evaluates its carbon performance and the effectiveness of the management system (clause 9.1); the evaluation of a period is made during it or after it.',
            'zh-CN': '组织应对碳绩效和管理体系的有效性进行监视、测量、分析和评价（第 9.1 条）；对某一报告期的评价在期内或期后进行。'
        },
        messages: {
            missing: {
                en: 'Organization {name} records no `evaluation` of its carbon-neutrality performance.',
                'zh-CN': '组织 {name} 没有碳中和绩效评价记录（`evaluation`）。'
            },
            outside: {
                en: 'No `evaluation` is dated within or after the period {period} (from {start} on); the latest, {latest}, is dated {date}.',
                'zh-CN': '没有日期在报告期 {period} 内或之后（{start} 起）的 `evaluation`；最近一次 {latest} 的日期为 {date}。'
            },
            missingDate: {
                en: 'Evaluation {name} has no `date`; it cannot be shown to evaluate the period.',
                'zh-CN': '碳中和评价 {name} 没有 `date`，无法表明其针对本报告期。'
            }
        },
        insertsElement: 'evaluation',
        insertsProperty: { missingDate: 'date ${1:2025-01-31}' },
        check: context => {
            // "Within or after the period": from its first day on, with no end.
            const period = context.settings.period;
            const window = period ? { start: period.start, end: '9999-12-31' } : undefined;
            checkDated(context, context.declarations(isEvaluation), window, period);
        }
    }),
    defineRule({
        id: 'CN-9.1-005',
        clause: '9.1',
        severity: 'warning',
        title: { en: 'Evaluation of compliance with every obligation', 'zh-CN': '每项合规义务的合规性评价' },
        description: {
            en: 'Every `obligation` is named by a `compliance-check` dated within the period.',
            'zh-CN': '每项 `obligation` 都有日期在报告期内的 `compliance-check` 以 `obligations` 指向它。'
        },
        rationale: {
            en: 'The organisation evaluates the fulfilment of its compliance obligations at planned intervals and keeps the results as documented information (clause 9.1.2).',
            'zh-CN': '组织应按策划的时间间隔评价合规义务的履行情况，并保留评价结果的成文信息（第 9.1.2 条）。'
        },
        messages: {
            unchecked: {
                en: 'No `compliance-check` dated within the period {period} names obligation {name}.',
                'zh-CN': '没有日期在报告期 {period} 内的 `compliance-check` 指向合规义务 {name}。'
            },
            neverChecked: {
                en: 'No `compliance-check` names obligation {name}.',
                'zh-CN': '没有任何 `compliance-check` 指向合规义务 {name}。'
            }
        },
        insertsElement: 'compliance-check',
        check: context => {
            const period = context.settings.period;
            const checked = new Set<Obligation>();
            for (const check of context.declarations(isComplianceCheck)) {
                if (period && !(check.date && isWithin(check.date, period.start, period.end))) continue;
                for (const ref of check.obligations) if (ref.ref) checked.add(ref.ref);
            }
            for (const obligation of context.declarations(isObligation)) {
                if (checked.has(obligation)) continue;
                if (period) context.report('unchecked', { name: obligation.name, period: formatPeriod(period) }, obligation, 'name');
                else context.report('neverChecked', { name: obligation.name }, obligation, 'name');
            }
        }
    }),
    defineRule({
        id: 'CN-9.2-001',
        clause: '9.2',
        severity: 'warning',
        title: { en: 'Internal audit in the last 12 months', 'zh-CN': '最近 12 个月内的内部审核' },
        description: {
            en: 'The model has an `audit` dated within the 12 months before the end of the period.',
            'zh-CN': '模型中有日期在报告期结束前 12 个月内的内部审核 `audit`。'
        },
        rationale: {
            en: 'The organisation conducts internal audits at planned intervals to check that the management system conforms and is effectively implemented (clause 9.2); certification expects one audit cycle a year.',
            'zh-CN': '组织应按策划的时间间隔实施内部审核，以确认管理体系符合要求并得到有效实施和保持（第 9.2 条）；认证通常要求每年完成一轮内部审核。'
        },
        messages: {
            missing: {
                en: 'Organization {name} records no internal `audit`.',
                'zh-CN': '组织 {name} 没有内部审核记录（`audit`）。'
            },
            outside: {
                en: 'No internal `audit` between {start} and {end} (the 12 months before the end of the period); the latest, {latest}, is dated {date}.',
                'zh-CN': '{start} 至 {end}（报告期结束前 12 个月）之间没有内部审核（`audit`）；最近一次 {latest} 的日期为 {date}。'
            },
            missingDate: {
                en: 'Audit {name} has no `date`; it cannot be shown to lie within the 12 months before the end of the period.',
                'zh-CN': '内部审核 {name} 没有 `date`，无法表明其在报告期结束前 12 个月内。'
            }
        },
        insertsElement: 'audit',
        insertsProperty: { missingDate: 'date ${1:2024-10-15}' },
        check: context => {
            const end = context.settings.period?.end;
            checkDated(context, context.declarations(isAudit), end ? twelveMonthsBefore(end) : undefined);
        }
    }),
    defineRule({
        id: 'CN-9.3-001',
        clause: '9.3',
        severity: 'warning',
        title: { en: 'Management review in the last 12 months, with decisions', 'zh-CN': '最近 12 个月内的管理评审及其决定' },
        description: {
            en: 'The model has a `review` dated within the 12 months before the end of the period, and every review records its `decisions`.',
            'zh-CN': '模型中有日期在报告期结束前 12 个月内的管理评审 `review`，且每次管理评审都记录了 `decisions`。'
        },
        rationale: {
            en: 'Top management reviews the management system at planned intervals, and the outputs include decisions on continual improvement, changes and resources, retained as documented information (clause 9.3).',
            'zh-CN': '最高管理者应按策划的时间间隔评审管理体系，评审输出应包括持续改进、变更和资源需求的决定，并保留成文信息（第 9.3 条）。'
        },
        messages: {
            missing: {
                en: 'Organization {name} records no management `review`.',
                'zh-CN': '组织 {name} 没有管理评审记录（`review`）。'
            },
            outside: {
                en: 'No management `review` between {start} and {end} (the 12 months before the end of the period); the latest, {latest}, is dated {date}.',
                'zh-CN': '{start} 至 {end}（报告期结束前 12 个月）之间没有管理评审（`review`）；最近一次 {latest} 的日期为 {date}。'
            },
            missingDate: {
                en: 'Management review {name} has no `date`; it cannot be shown to lie within the 12 months before the end of the period.',
                'zh-CN': '管理评审 {name} 没有 `date`，无法表明其在报告期结束前 12 个月内。'
            },
            missingDecisions: {
                en: 'Management review {name} records no `decisions`.',
                'zh-CN': '管理评审 {name} 没有记录评审决定（`decisions`）。'
            }
        },
        insertsElement: 'review',
        insertsProperty: { missingDate: 'date ${1:2024-12-15}', missingDecisions: 'decisions "${1:decisions}"' },
        check: context => {
            const end = context.settings.period?.end;
            const reviews = context.declarations(isReview);
            checkDated(context, reviews, end ? twelveMonthsBefore(end) : undefined);
            for (const review of reviews) {
                if (!review.decisions?.trim()) context.report('missingDecisions', { name: review.name }, review, 'name');
            }
        }
    })
];
