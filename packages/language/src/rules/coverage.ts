import { AstUtils } from 'langium';
import type { Element } from '../generated/ast.js';
import { isPolicy, isRole } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import type { LocalizedText } from '../i18n/locale.js';
import { isRuleId, ruleById } from './catalogue.js';

/** The clauses of the standard that the coverage matrix lists, with the kinds of declaration that evidence each. */
export const CLAUSES: ReadonlyArray<{ readonly clause: string; readonly title: LocalizedText; readonly evidence: (element: Element) => boolean }> = [
    { clause: '4.1', title: { en: 'Understanding the organisation and its context', 'zh-CN': '理解组织及其所处的环境' }, evidence: e => e.$type === 'ContextIssue' },
    { clause: '4.2', title: { en: 'Needs and expectations of interested parties', 'zh-CN': '理解相关方的需求和期望' }, evidence: e => e.$type === 'Party' },
    { clause: '4.3', title: { en: 'Scope and boundary of the management system', 'zh-CN': '确定管理体系的范围与边界' }, evidence: e => e.$type === 'Site' || (e.$type === 'Organization' && !!e.msScope) },
    { clause: '5.1', title: { en: 'Leadership and commitment', 'zh-CN': '领导作用和承诺' }, evidence: e => isRole(e) && e.topManagement },
    { clause: '5.2', title: { en: 'Carbon-neutrality policy', 'zh-CN': '碳中和方针' }, evidence: e => e.$type === 'Policy' },
    { clause: '5.3', title: { en: 'Roles, responsibilities and authorities', 'zh-CN': '岗位、职责和权限' }, evidence: e => e.$type === 'Role' },
    { clause: '6.1', title: { en: 'Risks, opportunities and compliance obligations', 'zh-CN': '应对风险和机遇的措施、合规义务' }, evidence: e => e.$type === 'Risk' || e.$type === 'Obligation' },
    { clause: '6.2', title: { en: 'Emission accounting', 'zh-CN': '温室气体排放核算' }, evidence: e => e.$type === 'Source' || e.$type === 'Factor' },
    { clause: '6.3', title: { en: 'Emission reduction', 'zh-CN': '减排' }, evidence: e => e.$type === 'Reduction' },
    { clause: '6.4', title: { en: 'Offset accounting', 'zh-CN': '抵销核算' }, evidence: e => e.$type === 'Offset' || e.$type === 'Removal' },
    { clause: '6.5', title: { en: 'Carbon-neutrality targets and plan', 'zh-CN': '碳中和目标及其实现的策划' }, evidence: e => e.$type === 'Target' || e.$type === 'Plan' },
    { clause: '6.6', title: { en: 'Planning of changes', 'zh-CN': '变更的策划' }, evidence: e => e.$type === 'Change' },
    { clause: '7.1', title: { en: 'Resources; monitoring and measurement resources', 'zh-CN': '资源；监视和测量资源' }, evidence: e => e.$type === 'Meter' },
    { clause: '7.2', title: { en: 'Competence', 'zh-CN': '能力' }, evidence: e => e.$type === 'Training' },
    { clause: '7.3', title: { en: 'Awareness', 'zh-CN': '意识' }, evidence: e => e.$type === 'Training' },
    { clause: '7.4', title: { en: 'Communication', 'zh-CN': '信息交流' }, evidence: e => isPolicy(e) && e.communicated === 'yes' },
    { clause: '7.5', title: { en: 'Documented information', 'zh-CN': '文件化信息' }, evidence: e => e.$type === 'DocumentInfo' },
    { clause: '8.1', title: { en: 'Operational planning and control', 'zh-CN': '运行策划和控制' }, evidence: e => e.$type === 'Control' },
    { clause: '8.2', title: { en: 'Design', 'zh-CN': '设计' }, evidence: e => e.$type === 'Design' },
    { clause: '8.3', title: { en: 'Procurement', 'zh-CN': '采购' }, evidence: e => e.$type === 'Procurement' },
    { clause: '9.1', title: { en: 'Monitoring, measurement, analysis and evaluation', 'zh-CN': '监视、测量、分析和评价' }, evidence: e => e.$type === 'Evaluation' || e.$type === 'ComplianceCheck' || e.$type === 'Claim' },
    { clause: '9.2', title: { en: 'Internal audit', 'zh-CN': '内部审核' }, evidence: e => e.$type === 'Audit' },
    { clause: '9.3', title: { en: 'Management review', 'zh-CN': '管理评审' }, evidence: e => e.$type === 'Review' },
    { clause: '10.1', title: { en: 'Improvement: general', 'zh-CN': '改进：总则' }, evidence: e => e.$type === 'Nonconformity' || e.$type === 'Improvement' },
    { clause: '10.2', title: { en: 'Nonconformity and corrective action', 'zh-CN': '不符合和纠正措施' }, evidence: e => e.$type === 'Nonconformity' },
    { clause: '10.3', title: { en: 'Continual improvement', 'zh-CN': '持续改进' }, evidence: e => e.$type === 'Improvement' }
];

export type CoverageStatus = 'satisfied' | 'findings' | 'not-applicable';

/** One row of the clause coverage matrix. */
export interface ClauseCoverage {
    readonly clause: string;
    readonly title: LocalizedText;
    /** `findings` when an error or warning of the clause's rules stands, `satisfied` when the clause has evidence and none, else `not-applicable`. */
    readonly status: CoverageStatus;
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
    /** The declarations that evidence the clause: `kind name (file:line)`. */
    readonly evidence: readonly string[];
    /** The rule ids with findings. */
    readonly rules: readonly string[];
}

/** A diagnostic as the matrix counts it. */
export interface CoverageFinding {
    readonly rule: string;
    readonly severity: 'error' | 'warning' | 'info';
}

/**
 * The clause coverage matrix of one model (4.1 … 10.3): for each clause, the
 * declarations that evidence it and the findings of its rules. The claim
 * gates (ISO 14068-1) count under 9.1, where claims are evaluated.
 */
export function clauseCoverage(services: CnmsServices, model: string, findings: readonly CoverageFinding[]): ClauseCoverage[] {
    const elements = services.references.Models.elementsOf(model);
    return CLAUSES.map(({ clause, title, evidence }) => {
        const mine = findings.filter(f => isRuleId(f.rule) && clauseOfRule(f.rule) === clause);
        const errors = mine.filter(f => f.severity === 'error').length;
        const warnings = mine.filter(f => f.severity === 'warning').length;
        const infos = mine.filter(f => f.severity === 'info').length;
        const shown = elements.filter(evidence).map(element => {
            const document = AstUtils.getDocument(element);
            const line = (element.$cstNode?.range.start.line ?? 0) + 1;
            return `${
                element.$type === 'DocumentInfo'
                    ? 'document'
                    : element.$type
                          .replace(/^ContextIssue$/, 'issue')
                          .replace(/([a-z])([A-Z])/g, '$1-$2')
                          .toLowerCase()
            } ${'name' in element ? element.name : ''} (${document.uri.path.split('/').pop()}:${line})`;
        });
        const status: CoverageStatus = errors + warnings > 0 ? 'findings' : shown.length > 0 ? 'satisfied' : 'not-applicable';
        return { clause, title, status, errors, warnings, infos, evidence: shown, rules: [...new Set(mine.map(f => f.rule))].sort() };
    });
}

function clauseOfRule(rule: string): string | null {
    const clause = ruleById(rule).clause;
    return clause === 'ISO 14068-1' ? '9.1' : clause;
}
