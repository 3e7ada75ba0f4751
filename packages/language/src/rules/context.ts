import { isRemoval, isSite, isSource } from '../generated/ast.js';
import { TEXTS, type TextId } from '../i18n/messages.js';
import { defineRule, type Rule } from './rule.js';

/** The name of a kind of declaration in both languages. */
export function kindText(type: string): { en: string; 'zh-CN': string } {
    const id = `kind.${type}` as TextId;
    return id in TEXTS ? TEXTS[id] : { en: type, 'zh-CN': type };
}

/** Clause 4: context of the organisation (4.1 issues, 4.2 interested parties, 4.3 scope and boundary). */
export const CONTEXT_RULES: readonly Rule[] = [
    defineRule({
        id: 'CN-4.3-003', clause: '4.3', severity: 'error',
        title: { en: 'Sources and removals lie at a declared site', 'zh-CN': '排放源和清除位于已声明的场所' },
        description: { en: "Every source and removal is `at` a declared site of the model.", 'zh-CN': "每个排放源和清除都用 `at` 指明模型中已声明的场所。" },
        rationale: { en: "The organisational boundary (clause 4.3, ISO 14064-1 clause 5.1) is made of sites; a source outside them cannot be consolidated.", 'zh-CN': "组织边界（第 4.3 条、ISO 14064-1 第 5.1 条）由场所组成；边界外的排放源无法合并。" },
        messages: {
            missingSite: { en: "{kind} {name} is not `at` a site of the model; its place in the boundary is unknown.", 'zh-CN': '{kind} {name} 未用 `at` 指明模型中的场所，无法确定其在边界中的位置。' }
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
        id: 'CN-4.3-004', clause: '4.3', severity: 'error',
        title: { en: 'Equity share of every site', 'zh-CN': '各场所的股权比例' },
        description: { en: "Under equity-share consolidation, every site has a `share` in (0, 100 %].", 'zh-CN': "按股权比例合并时，每个场所都有 (0, 100 %] 之间的 `share`。" },
        rationale: { en: "Equity-share consolidation counts each site's emissions and removals by the organisation's share (ISO 14064-1 clause 5.1).", 'zh-CN': "股权比例法按组织所占份额计入各场所的排放与清除（ISO 14064-1 第 5.1 条）。" },
        messages: {
            missingShare: { en: 'Under equity-share consolidation site {name} needs a `share` in (0, 100 %]; its sources are left out of the totals until it has one.', 'zh-CN': '按股权比例合并时，场所 {name} 需要 (0, 100 %] 之间的 `share`；在补充之前，其排放源不计入合计。' },
            zeroShare: { en: 'Under equity-share consolidation the share of site {name} must be above 0 %.', 'zh-CN': '按股权比例合并时，场所 {name} 的股权比例必须大于 0 %。' }
        },
        insertsProperty: { missingShare: 'share ${1:100} %' },
        check: context => {
            if (context.settings.consolidation !== 'equity-share') return;
            for (const site of context.elements.filter(isSite)) {
                if (!site.share) {
                    context.report('missingShare', { name: site.name }, site, 'name');
                } else if (context.services.semantics.BoundaryShares.declaredShare(site)?.isZero()) {
                    context.report('zeroShare', { name: site.name }, site, 'share');
                }
            }
        }
    })
];
