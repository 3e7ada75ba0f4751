import type { Nonconformity } from '../generated/ast.js';
import { isImprovement, isNonconformity } from '../generated/ast.js';
import { defineRule, type Rule } from './rule.js';

/** The properties a nonconformity needs (CN-10.2-001), by message key, in the order of clause 10.2. */
const REQUIRED: ReadonlyArray<readonly [key: string, property: keyof Nonconformity]> = [
    ['missingCorrection', 'correction'],
    ['missingCause', 'cause'],
    ['missingCorrectiveAction', 'correctiveAction'],
    ['missingOwner', 'owner'],
    ['missingDue', 'due']
];

/** Clause 10: improvement (10.2 nonconformity and corrective action, 10.3 continual improvement). */
export const IMPROVEMENT_RULES: readonly Rule[] = [
    defineRule({
        id: 'CN-10.2-001',
        clause: '10.2',
        severity: 'error',
        title: { en: 'Correction and corrective action of every nonconformity', 'zh-CN': '每项不符合的纠正与纠正措施' },
        description: {
            en: 'Every `nonconformity` records its `correction`, its `cause`, its `corrective-action`, an `owner` and a `due` date.',
            'zh-CN': '每项 `nonconformity` 都记录纠正（`correction`）、原因（`cause`）、纠正措施（`corrective-action`）、负责人（`owner`）和完成期限（`due`）。'
        },
        rationale: {
            en: 'When a nonconformity occurs the organisation reacts to control and correct it, determines its causes, and implements the corrective action needed, retaining documented information of each (clause 10.2).',
            'zh-CN': '出现不符合时，组织应作出应对，控制并纠正不符合，确定其原因，实施所需的纠正措施，并保留相应的成文信息（第 10.2 条）。'
        },
        messages: {
            missingCorrection: {
                en: 'Nonconformity {name} has no `correction`: what was done to control and correct it is not recorded.',
                'zh-CN': '不符合 {name} 没有 `correction`：未记录为控制和纠正该不符合所采取的处置。'
            },
            missingCause: {
                en: 'Nonconformity {name} has no `cause`: its causes have not been determined.',
                'zh-CN': '不符合 {name} 没有 `cause`：未确定不符合的原因。'
            },
            missingCorrectiveAction: {
                en: 'Nonconformity {name} has no `corrective-action` to remove its cause.',
                'zh-CN': '不符合 {name} 没有消除原因的纠正措施（`corrective-action`）。'
            },
            missingOwner: {
                en: 'Nonconformity {name} has no `owner` responsible for its corrective action.',
                'zh-CN': '不符合 {name} 没有负责纠正措施的 `owner`。'
            },
            missingDue: {
                en: 'Nonconformity {name} has no `due` date for its corrective action.',
                'zh-CN': '不符合 {name} 没有纠正措施的完成期限（`due`）。'
            }
        },
        insertsProperty: {
            missingCorrection: 'correction "${1:correction}"',
            missingCause: 'cause "${1:cause}"',
            missingCorrectiveAction: 'corrective-action "${1:corrective action}"',
            missingOwner: 'owner ${1:role_name}',
            missingDue: 'due ${1:2025-03-31}'
        },
        check: context => {
            for (const nonconformity of context.declarations(isNonconformity)) {
                for (const [key, property] of REQUIRED) {
                    const value = nonconformity[property];
                    if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
                        context.report(key, { name: nonconformity.name }, nonconformity, 'name');
                    }
                }
            }
        }
    }),
    defineRule({
        id: 'CN-10.2-002',
        clause: '10.2',
        severity: 'warning',
        title: { en: 'Overdue nonconformities', 'zh-CN': '逾期未关闭的不符合' },
        description: {
            en: 'A nonconformity that is still open (`status open`, or no `status`) at the end of the period has a `due` date that is not before that end.',
            'zh-CN': '报告期结束时仍未关闭（`status open` 或未给出 `status`）的不符合，其完成期限 `due` 不得早于报告期结束日。'
        },
        rationale: {
            en: 'Corrective actions are implemented and their effectiveness reviewed (clause 10.2); an action past its due date is not under control.',
            'zh-CN': '纠正措施应得到实施并评审其有效性（第 10.2 条）；超过完成期限仍未关闭的纠正措施处于失控状态。'
        },
        messages: {
            overdue: {
                en: 'Nonconformity {name} is still open at the end of the period {end}, but was due on {due}.',
                'zh-CN': '不符合 {name} 在报告期结束日 {end} 仍未关闭，而其完成期限为 {due}。'
            }
        },
        check: context => {
            const end = context.settings.period?.end;
            if (!end) return;
            for (const nonconformity of context.declarations(isNonconformity)) {
                if (nonconformity.status !== 'closed' && nonconformity.due && nonconformity.due < end) {
                    context.report('overdue', { name: nonconformity.name, end, due: nonconformity.due }, nonconformity, 'due');
                }
            }
        }
    }),
    defineRule({
        id: 'CN-10.2-003',
        clause: '10.2',
        severity: 'info',
        title: { en: 'Verification of closed nonconformities', 'zh-CN': '已关闭不符合的验证' },
        description: {
            en: 'A `nonconformity` with `status closed` records the date its corrective action was `verified` effective.',
            'zh-CN': '`status closed` 的不符合记录纠正措施经验证有效的日期（`verified`）。'
        },
        rationale: {
            en: 'The organisation reviews the effectiveness of every corrective action taken before closing it (clause 10.2).',
            'zh-CN': '组织应在关闭前评审所采取纠正措施的有效性（第 10.2 条）。'
        },
        messages: {
            unverified: {
                en: 'Nonconformity {name} is closed, but the effectiveness of its corrective action was never `verified`.',
                'zh-CN': '不符合 {name} 已关闭，但未记录其纠正措施有效性的验证（`verified`）。'
            }
        },
        insertsProperty: { unverified: 'verified ${1:2025-01-31}' },
        check: context => {
            for (const nonconformity of context.declarations(isNonconformity)) {
                if (nonconformity.status === 'closed' && !nonconformity.verified) {
                    context.report('unverified', { name: nonconformity.name }, nonconformity, 'name');
                }
            }
        }
    }),
    defineRule({
        id: 'CN-10.3-001',
        clause: '10.3',
        severity: 'info',
        title: { en: 'Continual improvement recorded', 'zh-CN': '持续改进记录' },
        description: {
            en: 'The model records at least one `improvement`.',
            'zh-CN': '模型中至少记录一项持续改进（`improvement`）。'
        },
        rationale: {
            en: 'The organisation continually improves the suitability, adequacy and effectiveness of the management system and its carbon performance (clause 10.3).',
            'zh-CN': '组织应持续改进管理体系的适宜性、充分性和有效性，并持续提升碳绩效（第 10.3 条）。'
        },
        messages: {
            missing: {
                en: 'Organization {name} records no `improvement`.',
                'zh-CN': '组织 {name} 没有持续改进记录（`improvement`）。'
            }
        },
        insertsElement: 'improvement',
        check: context => {
            if (!context.elements.some(isImprovement)) context.reportMissing('missing', { name: context.organization?.name ?? '' });
        }
    })
];
