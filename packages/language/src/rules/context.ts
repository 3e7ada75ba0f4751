import { isContextIssue, isObligation, isParty, isRemoval, isSite, isSource } from '../generated/ast.js';
import { kindText } from '../i18n/messages.js';
import { defineRule, type Rule } from './rule.js';

/** Clause 4: context of the organisation (4.1 issues, 4.2 interested parties, 4.3 scope and boundary). */
export const CONTEXT_RULES: readonly Rule[] = [
    defineRule({
        id: 'CN-4.1-001',
        clause: '4.1',
        severity: 'warning',
        title: { en: 'Internal and external issues', 'zh-CN': '内部和外部问题' },
        description: { en: 'The model records at least one `issue` of kind internal and one of kind external.', 'zh-CN': '模型至少记录一个类型为 internal 的内部问题和一个类型为 external 的外部问题（`issue`）。' },
        rationale: {
            en: 'Clause 4.1 asks the organisation to determine the internal and external issues that are relevant to its purpose and affect its ability to achieve the intended outcomes of its carbon-neutrality management system.',
            'zh-CN': '第 4.1 条要求组织确定与其宗旨相关、并影响其实现碳中和管理体系预期结果能力的内部和外部问题。'
        },
        messages: {
            none: { en: 'Organization {name} records no `issue`: determine at least one internal and one external issue.', 'zh-CN': '组织 {name} 未记录任何内外部问题（`issue`）：应至少确定一个内部问题和一个外部问题。' },
            noInternal: { en: 'Organization {name} records no internal `issue` (such as process lock-in, energy mix or data capability).', 'zh-CN': '组织 {name} 未记录内部问题（`issue`，类型 internal），如工艺锁定、能源结构或数据能力。' },
            noExternal: {
                en: 'Organization {name} records no external `issue` (such as emissions trading, customer requirements or climate policy).',
                'zh-CN': '组织 {name} 未记录外部问题（`issue`，类型 external），如碳排放权交易、客户要求或气候政策。'
            }
        },
        insertsElement: 'issue',
        check: context => {
            const issues = context.declarations(isContextIssue);
            const internal = issues.some(issue => issue.kind === 'internal');
            const external = issues.some(issue => issue.kind === 'external');
            const name = context.organization?.name ?? '';
            if (!internal && !external) context.reportMissing('none', { name });
            else if (!internal) context.reportMissing('noInternal', { name });
            else if (!external) context.reportMissing('noExternal', { name });
        }
    }),
    defineRule({
        id: 'CN-4.2-001',
        clause: '4.2',
        severity: 'warning',
        title: { en: 'Interested parties and their obligations', 'zh-CN': '相关方及其合规义务' },
        description: {
            en: 'The model records at least one interested `party`; a party whose requirements are a compliance obligation (`obligation yes`) is covered by an `obligation`. The language does not link a party to an obligation, so such a party counts as covered when the model records at least one `obligation`.',
            'zh-CN': '模型至少记录一个相关方（`party`）；需求构成合规义务（`obligation yes`）的相关方须有合规义务（`obligation`）予以覆盖。语言中相关方与合规义务之间没有引用关系，因此只要模型记录了至少一项 `obligation`，即视为已覆盖。'
        },
        rationale: {
            en: 'Clause 4.2 asks the organisation to determine the interested parties relevant to its carbon-neutrality management system, their relevant needs and expectations, and which of these become compliance obligations (addressed in clause 6.1).',
            'zh-CN': '第 4.2 条要求组织确定与碳中和管理体系有关的相关方及其有关需求和期望，并确定其中哪些成为合规义务（在第 6.1 条中应对）。'
        },
        messages: {
            missing: { en: 'Organization {name} records no interested `party`: determine the interested parties and their needs and expectations.', 'zh-CN': '组织 {name} 未记录任何相关方（`party`）：应确定相关方及其需求和期望。' },
            uncovered: {
                en: 'Interested party {name} has `obligation yes`, but the model records no compliance `obligation` that covers it.',
                'zh-CN': '相关方 {name} 标有 `obligation yes`，但模型中没有记录覆盖它的合规义务（`obligation`）。'
            }
        },
        insertsElement: { missing: 'party', uncovered: 'obligation' },
        check: context => {
            const parties = context.declarations(isParty);
            if (parties.length === 0) {
                context.reportMissing('missing', { name: context.organization?.name ?? '' });
                return;
            }
            if (context.elements.some(isObligation)) return;
            for (const party of parties) {
                if (party.obligation === 'yes') context.report('uncovered', { name: party.name }, party, 'obligation');
            }
        }
    }),
    defineRule({
        id: 'CN-4.3-001',
        clause: '4.3',
        severity: 'error',
        title: { en: 'Scope of the management system', 'zh-CN': '管理体系范围' },
        description: { en: 'The organisation states the scope of its management system: `ms-scope "…"`, the activities, sites and processes it covers.', 'zh-CN': '组织用 `ms-scope "…"` 声明管理体系的范围，即其覆盖的活动、场所和过程。' },
        rationale: {
            en: 'Clause 4.3 asks the organisation to determine the boundaries and applicability of its carbon-neutrality management system and to keep its scope available as documented information.',
            'zh-CN': '第 4.3 条要求组织确定碳中和管理体系的边界和适用性，并以成文信息的形式保持其范围。'
        },
        messages: {
            missing: {
                en: 'Organization {name} has no `ms-scope` statement: state which activities, sites and processes the management system covers.',
                'zh-CN': '组织 {name} 没有管理体系范围声明 `ms-scope`：应说明管理体系覆盖的活动、场所和过程。'
            },
            empty: { en: 'The `ms-scope` statement of organization {name} is empty.', 'zh-CN': '组织 {name} 的管理体系范围声明 `ms-scope` 为空。' }
        },
        insertsProperty: { missing: 'ms-scope "${1:Activities, sites and processes covered by the management system}"' },
        check: context => {
            const organization = context.organization;
            if (!organization) return;
            if (organization.msScope === undefined) {
                context.report('missing', { name: organization.name }, organization, 'name');
            } else if (organization.msScope.trim() === '') {
                context.report('empty', { name: organization.name }, organization, 'msScope');
            }
        }
    }),
    defineRule({
        id: 'CN-4.3-002',
        clause: '4.3',
        severity: 'error',
        title: { en: 'Consolidation approach', 'zh-CN': '合并方法' },
        description: {
            en: 'The organisation declares how it consolidates the emissions and removals of its sites: `consolidation operational-control`, `financial-control` or `equity-share`.',
            'zh-CN': '组织声明其场所排放与清除的合并方法：`consolidation operational-control`、`financial-control` 或 `equity-share`。'
        },
        rationale: {
            en: 'The organisational boundary is set by a consolidation approach, control or equity share (clause 4.3, ISO 14064-1:2018 clause 5.1); until it is declared, nobody can tell whether the totals are complete.',
            'zh-CN': '组织边界按合并方法（控制权法或股权比例法）确定（第 4.3 条、ISO 14064-1:2018 第 5.1 条）；未声明合并方法，就无法判断合计是否完整。'
        },
        messages: {
            missing: {
                en: 'Organization {name} declares no `consolidation` (operational-control, financial-control or equity-share); the figures assume operational control.',
                'zh-CN': '组织 {name} 未声明合并方法 `consolidation`（operational-control、financial-control 或 equity-share）；当前数值按运营控制权法计算。'
            }
        },
        insertsProperty: { missing: 'consolidation ${1|operational-control,financial-control,equity-share|}' },
        check: context => {
            const organization = context.organization;
            if (organization && !organization.consolidation) {
                context.report('missing', { name: organization.name }, organization, 'name');
            }
        }
    }),
    defineRule({
        id: 'CN-4.3-003',
        clause: '4.3',
        severity: 'error',
        title: { en: 'Sources and removals lie at a declared site', 'zh-CN': '排放源和清除位于已声明的场所' },
        description: { en: 'Every source and removal is `at` a declared site of the model.', 'zh-CN': '每个排放源和清除都用 `at` 指明模型中已声明的场所。' },
        rationale: {
            en: 'The organisational boundary (clause 4.3, ISO 14064-1 clause 5.1) is made of sites; a source outside them cannot be consolidated.',
            'zh-CN': '组织边界（第 4.3 条、ISO 14064-1 第 5.1 条）由场所组成；边界外的排放源无法合并。'
        },
        messages: {
            missingSite: { en: '{kind} {name} is not `at` a site of the model; its place in the boundary is unknown.', 'zh-CN': '{kind} {name} 未用 `at` 指明模型中的场所，无法确定其在边界中的位置。' }
        },
        check: context => {
            for (const element of context.elements) {
                if ((isSource(element) || isRemoval(element)) && !element.site) {
                    context.report('missingSite', { kind: kindText(element.$type), name: element.name }, element, 'name');
                }
            }
        }
    }),
    defineRule({
        id: 'CN-4.3-004',
        clause: '4.3',
        severity: 'error',
        title: { en: 'Equity share of every site', 'zh-CN': '各场所的股权比例' },
        description: {
            en: 'Under equity-share consolidation, every site has a `share` in [0, 100 %]; a site at 0 % stays in the boundary and counts nothing.',
            'zh-CN': '按股权比例合并时，每个场所都有 [0, 100 %] 之间的 `share`；比例为 0 % 的场所仍在边界内，但不计入任何排放。'
        },
        rationale: {
            en: "Equity-share consolidation counts each site's emissions and removals by the organisation's share (ISO 14064-1 clause 5.1; GHG Protocol Corporate Standard ch. 3, where a fixed-asset investment counts 0 %).",
            'zh-CN': '股权比例法按组织所占份额计入各场所的排放与清除（ISO 14064-1 第 5.1 条；GHG Protocol 企业标准第 3 章，固定资产投资计为 0 %）。'
        },
        messages: {
            missingShare: {
                en: 'Under equity-share consolidation site {name} needs a `share` in [0, 100 %]; its sources are left out of the totals until it has one.',
                'zh-CN': '按股权比例合并时，场所 {name} 需要 [0, 100 %] 之间的 `share`；在补充之前，其排放源不计入合计。'
            }
        },
        insertsProperty: { missingShare: 'share ${1:100} %' },
        check: context => {
            if (context.settings.consolidation !== 'equity-share') return;
            for (const site of context.declarations(isSite)) {
                if (!site.share) context.report('missingShare', { name: site.name }, site, 'name');
            }
        }
    }),
    defineRule({
        id: 'CN-4.3-005',
        clause: '4.3',
        severity: 'warning',
        title: { en: 'No empty site', 'zh-CN': '无空缺场所' },
        description: {
            en: 'Every site has at least one source `at` it. A site with no source is an empty part of the boundary; a site that holds only removals is not counted as empty.',
            'zh-CN': '每个场所至少有一个位于该场所（`at`）的排放源。没有排放源的场所是边界中的空缺部分；仅有清除的场所不视为空缺。'
        },
        rationale: {
            en: 'The boundary (clause 4.3) is made of sites whose emissions are quantified (ISO 14064-1:2018 clause 5.2); a site with no source either lies outside the boundary or has sources missing from the inventory.',
            'zh-CN': '边界（第 4.3 条）由场所组成，其排放须予以量化（ISO 14064-1:2018 第 5.2 条）；没有排放源的场所要么不在边界内，要么清单遗漏了其排放源。'
        },
        messages: {
            empty: {
                en: 'Site {name} has no source `at` it: an empty part of the boundary. Add its sources, or remove the site if it lies outside the boundary.',
                'zh-CN': '场所 {name} 没有任何排放源（`at` 该场所）：边界中的空缺部分。请补充其排放源；若该场所不在边界内，请将其删除。'
            }
        },
        check: context => {
            const occupied = new Set<unknown>();
            for (const element of context.elements) {
                if ((isSource(element) || isRemoval(element)) && element.site?.ref) occupied.add(element.site.ref);
            }
            for (const site of context.declarations(isSite)) {
                if (!occupied.has(site)) context.report('empty', { name: site.name }, site, 'name');
            }
        }
    })
];
