import type { AstNode, Reference } from 'langium';
import { isReference } from 'langium';
import { isPolicy, isRole } from '../generated/ast.js';
import { isCalendarDate } from '../semantics/dates.js';
import { kindText } from '../i18n/messages.js';
import { defineRule, type Rule } from './rule.js';

/** The properties that name a role, with the keyword a user writes. */
const ROLE_PROPERTIES: ReadonlyArray<{ readonly property: string; readonly keyword: string }> = [
    { property: 'owner', keyword: 'owner' },
    { property: 'roles', keyword: 'for' },
    { property: 'chairedBy', keyword: 'chaired-by' },
    { property: 'approvedBy', keyword: 'approved-by' }
];

/** What a policy commits to, in words, by the keyword of `commits`. */
const COMMITMENTS = {
    compliance: { en: 'fulfilling its compliance obligations', 'zh-CN': '履行合规义务' },
    improvement: { en: 'continual improvement of the management system', 'zh-CN': '持续改进管理体系' }
} as const;

/** Clause 5: leadership (5.1 top management, 5.2 policy, 5.3 roles, responsibilities and authorities). */
export const LEADERSHIP_RULES: readonly Rule[] = [
    defineRule({
        id: 'CN-5.1-001',
        clause: '5.1',
        severity: 'error',
        title: { en: 'Top management', 'zh-CN': '最高管理者' },
        description: { en: 'At least one `role` is marked `top-management`.', 'zh-CN': '至少有一个角色（`role`）标为 `top-management`。' },
        rationale: {
            en: 'Clause 5.1 asks top management to demonstrate leadership and commitment to the carbon-neutrality management system; the model has to say who top management is.',
            'zh-CN': '第 5.1 条要求最高管理者证实其对碳中和管理体系的领导作用和承诺；模型须指明谁是最高管理者。'
        },
        messages: {
            missing: {
                en: 'No role of organization {name} is marked `top-management`: name the role that directs and controls the organisation at the highest level.',
                'zh-CN': '组织 {name} 没有标为 `top-management` 的角色：应指明在最高层指挥和控制组织的角色。'
            }
        },
        insertsElement: 'role',
        check: context => {
            if (!context.elements.some(element => isRole(element) && element.topManagement)) {
                context.reportMissing('missing', { name: context.organization?.name ?? '' });
            }
        }
    }),
    defineRule({
        id: 'CN-5.2-001',
        clause: '5.2',
        severity: 'error',
        title: { en: 'Carbon-neutrality policy', 'zh-CN': '碳中和方针' },
        description: { en: 'The model has a carbon-neutrality `policy`.', 'zh-CN': '模型中有碳中和方针（`policy`）。' },
        rationale: { en: 'Clause 5.2 asks top management to establish, implement and maintain a carbon-neutrality policy.', 'zh-CN': '第 5.2 条要求最高管理者制定、实施并保持碳中和方针。' },
        messages: {
            missing: { en: 'Organization {name} has no carbon-neutrality `policy`.', 'zh-CN': '组织 {name} 没有碳中和方针（`policy`）。' }
        },
        insertsElement: 'policy',
        check: context => {
            if (!context.elements.some(isPolicy)) {
                context.reportMissing('missing', { name: context.organization?.name ?? '' });
            }
        }
    }),
    defineRule({
        id: 'CN-5.2-002',
        clause: '5.2',
        severity: 'warning',
        title: { en: 'Policy approved by top management', 'zh-CN': '方针经最高管理者批准' },
        description: { en: 'Every policy is `approved-by` a role marked `top-management` and dated with `approved`.', 'zh-CN': '每项方针都由标为 `top-management` 的角色批准（`approved-by`），并注明批准日期（`approved`）。' },
        rationale: {
            en: 'The policy is established by top management (clause 5.2) and kept as documented information (clause 7.5); who approved it, and when, is the evidence.',
            'zh-CN': '方针由最高管理者制定（第 5.2 条），并作为成文信息予以保持（第 7.5 条）；批准人和批准日期即为证据。'
        },
        messages: {
            missingApprovedBy: { en: 'Policy {name} has no `approved-by`: name the top-management role that approved it.', 'zh-CN': '方针 {name} 没有 `approved-by`：应指明批准该方针的最高管理者角色。' },
            notTopManagement: { en: 'Policy {name} is approved by {role}, a role that is not marked `top-management`.', 'zh-CN': '方针 {name} 由 {role} 批准，但该角色未标为 `top-management`（最高管理者）。' },
            missingApproved: { en: 'Policy {name} has no `approved` date.', 'zh-CN': '方针 {name} 没有批准日期 `approved`。' },
            badDate: { en: "Policy {name}: '{date}' is not a date of the calendar.", 'zh-CN': '方针 {name}：“{date}”不是有效的日历日期。' }
        },
        insertsProperty: {
            missingApprovedBy: 'approved-by ${1:role_name}',
            missingApproved: 'approved ${1:2024-01-15}'
        },
        check: context => {
            for (const policy of context.declarations(isPolicy)) {
                if (!policy.approvedBy) {
                    context.report('missingApprovedBy', { name: policy.name }, policy, 'name');
                } else {
                    const role = policy.approvedBy.ref;
                    // An unknown role is CN-5.3-002 (and CN-NUM-002).
                    if (role && !role.topManagement) context.report('notTopManagement', { name: policy.name, role: role.name }, policy, 'approvedBy');
                }
                if (!policy.approved) {
                    context.report('missingApproved', { name: policy.name }, policy, 'name');
                } else if (!isCalendarDate(policy.approved)) {
                    context.report('badDate', { name: policy.name, date: policy.approved }, policy, 'approved');
                }
            }
        }
    }),
    defineRule({
        id: 'CN-5.2-003',
        clause: '5.2',
        severity: 'warning',
        title: { en: 'Commitments of the policy', 'zh-CN': '方针中的承诺' },
        description: {
            en: 'Every policy commits to carbon neutrality by a year (`neutral-by`), to fulfilling compliance obligations and to continual improvement (`commits compliance, improvement`).',
            'zh-CN': '每项方针都承诺在某一年前实现碳中和（`neutral-by`），并承诺履行合规义务和持续改进（`commits compliance, improvement`）。'
        },
        rationale: {
            en: 'Clause 5.2 asks the policy to include a commitment to achieve carbon neutrality, to fulfil compliance obligations and to continually improve the management system; ISO 14068-1 asks a carbon-neutrality commitment to name its target year.',
            'zh-CN': '第 5.2 条要求方针包括实现碳中和、履行合规义务和持续改进管理体系的承诺；ISO 14068-1 要求碳中和承诺写明目标年份。'
        },
        messages: {
            missingNeutralBy: { en: 'Policy {name} gives no year by which the organisation commits to be carbon neutral (`neutral-by`).', 'zh-CN': '方针 {name} 未给出承诺实现碳中和的年份（`neutral-by`）。' },
            badYear: { en: "Policy {name}: `neutral-by` '{year}' is not a year.", 'zh-CN': '方针 {name}：`neutral-by` 的值“{year}”不是有效的年份。' },
            missingCommits: {
                en: 'Policy {name} commits neither to fulfilling compliance obligations nor to continual improvement (`commits compliance, improvement`).',
                'zh-CN': '方针 {name} 既未承诺履行合规义务，也未承诺持续改进（`commits compliance, improvement`）。'
            },
            missingCommitment: { en: 'Policy {name} does not commit to {commitment}: add `{keyword}` to `commits`.', 'zh-CN': '方针 {name} 未承诺{commitment}：请在 `commits` 中加入 `{keyword}`。' }
        },
        insertsProperty: {
            missingNeutralBy: 'neutral-by ${1:2060}',
            missingCommits: 'commits compliance, improvement'
        },
        check: context => {
            for (const policy of context.declarations(isPolicy)) {
                if (!policy.neutralBy) {
                    context.report('missingNeutralBy', { name: policy.name }, policy, 'name');
                } else if (!/^\d{4}$/.test(policy.neutralBy)) {
                    context.report('badYear', { name: policy.name, year: policy.neutralBy }, policy, 'neutralBy');
                }
                if (policy.commits.length === 0) {
                    context.report('missingCommits', { name: policy.name }, policy, 'name');
                    continue;
                }
                for (const keyword of ['compliance', 'improvement'] as const) {
                    if (!policy.commits.includes(keyword)) {
                        context.report('missingCommitment', { name: policy.name, commitment: COMMITMENTS[keyword], keyword }, policy, 'commits');
                    }
                }
            }
        }
    }),
    defineRule({
        id: 'CN-5.3-001',
        clause: '5.3',
        severity: 'error',
        title: { en: 'Management-system representative', 'zh-CN': '管理者代表' },
        description: {
            en: "At least one `role` is marked `ms-representative`: responsible for the system's conformity to the standard and for reporting its performance to top management.",
            'zh-CN': '至少有一个角色（`role`）标为 `ms-representative`（管理者代表）：负责确保体系符合标准要求，并向最高管理者报告体系绩效。'
        },
        rationale: {
            en: 'Clause 5.3 asks top management to assign the responsibility and authority for ensuring that the management system conforms to the standard and for reporting on its performance to top management.',
            'zh-CN': '第 5.3 条要求最高管理者分派职责和权限，以确保管理体系符合标准要求，并向最高管理者报告管理体系绩效。'
        },
        messages: {
            missing: {
                en: "No role of organization {name} is marked `ms-representative`: assign the responsibility and authority for the system's conformity and for reporting its performance to top management.",
                'zh-CN': '组织 {name} 没有标为 `ms-representative` 的角色：应分派确保体系符合要求并向最高管理者报告体系绩效的职责和权限。'
            }
        },
        insertsElement: 'role',
        check: context => {
            if (!context.elements.some(element => isRole(element) && element.msRepresentative)) {
                context.reportMissing('missing', { name: context.organization?.name ?? '' });
            }
        }
    }),
    defineRule({
        id: 'CN-5.3-002',
        clause: '5.3',
        severity: 'error',
        title: { en: 'Responsibilities assigned to declared roles', 'zh-CN': '职责分派给已声明的角色' },
        description: {
            en: 'Every `owner`, `for`, `chaired-by` and `approved-by` names a `role` declared in the model. A name that resolves to nothing is also CN-NUM-002 (unknown name); this rule says which responsibility is left without a role.',
            'zh-CN': '每个 `owner`、`for`、`chaired-by` 和 `approved-by` 都指定模型中已声明的角色（`role`）。无法解析的名称同时也是 CN-NUM-002（未知名称）；本规则指出哪项职责因此没有落实到角色。'
        },
        rationale: {
            en: 'Clause 5.3 asks top management to assign and communicate the responsibilities and authorities of relevant roles; a responsibility given to a role that is not declared is assigned to no one.',
            'zh-CN': '第 5.3 条要求最高管理者分派并沟通相关角色的职责和权限；分派给未声明角色的职责实际上无人承担。'
        },
        messages: {
            unknownRole: { en: "{kind} {name}: `{keyword}` names '{role}', which is not a role declared in the model.", 'zh-CN': '{kind} {name}：`{keyword}` 指定的“{role}”不是模型中已声明的角色。' },
            notRole: { en: "{kind} {name}: `{keyword}` names '{role}', which is a {other}, not a role.", 'zh-CN': '{kind} {name}：`{keyword}` 指定的“{role}”是{other}，而不是角色。' }
        },
        check: context => {
            // the declarations by name, made only if a role reference is unresolved
            let byName: Map<string, AstNode> | undefined;
            const named = () => {
                if (!byName) {
                    byName = new Map();
                    for (const element of context.elements) {
                        if ('name' in element && typeof element.name === 'string' && !byName.has(element.name)) byName.set(element.name, element);
                    }
                }
                return byName;
            };
            for (const element of context.elements) {
                const record = element as unknown as Record<string, unknown>;
                for (const { property, keyword } of ROLE_PROPERTIES) {
                    const value = record[property];
                    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
                    const references = Array.isArray(value) ? value : [value];
                    references.forEach((reference, index) => {
                        if (!isReference(reference) || !isUnresolved(reference)) return;
                        const other = named().get(reference.$refText);
                        const kind = kindText(element.$type);
                        const params = {
                            kind: { ...kind, en: kind.en.charAt(0).toUpperCase() + kind.en.slice(1) },
                            name: 'name' in element && typeof element.name === 'string' ? element.name : '',
                            keyword,
                            role: reference.$refText
                        };
                        const at = Array.isArray(value) ? index : undefined;
                        if (other && !isRole(other)) context.report('notRole', { ...params, other: kindText(other.$type) }, element, property, at);
                        else context.report('unknownRole', params, element, property, at);
                    });
                }
            }
        }
    })
];

function isUnresolved(reference: Reference): boolean {
    return reference.$refText !== '' && reference.ref === undefined;
}
