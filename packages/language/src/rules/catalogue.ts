import { ACCOUNTING_RULES } from './accounting.js';
import { LIBRARY_LOCK_RULES } from './library-lock.js';
import { CONTEXT_RULES } from './context.js';
import { LANGUAGE_RULES } from './language.js';
import { LEADERSHIP_RULES } from './leadership.js';
import { PLANNING_RULES } from './planning.js';
import { FIGURE_RULES } from './figures.js';
import { REDUCTION_RULES } from './reduction.js';
import { OFFSET_RULES } from './offsets.js';
import { TARGET_RULES } from './targets.js';
import { SUPPORT_RULES } from './support.js';
import { OPERATION_RULES } from './operation.js';
import { EVALUATION_RULES } from './evaluation.js';
import { MONTHLY_MONITORING_RULES } from './monthly-monitoring.js';
import { IMPROVEMENT_RULES } from './improvement.js';
import { CLAIM_RULES } from './claims.js';
import { PRODUCT_RULES } from './products.js';
import type { Rule, RuleEntry } from './rule.js';

export type { RuleEntry, RuleSeverity } from './rule.js';
export { RULE_DOCS_BASE_URL, ruleDocUrl } from './rule.js';

/**
 * The catalogue (../shared/spec/rules.md): every rule's entry, in the order of
 * the standard's clauses. The validator, the CLI, SARIF, the docs and the
 * reports all read this one table; each clause group keeps its entries beside
 * their checks.
 */
export const RULE_DEFINITIONS: readonly Rule[] = [
    ...LANGUAGE_RULES,
    ...FIGURE_RULES,
    ...CONTEXT_RULES,
    ...LEADERSHIP_RULES,
    ...PLANNING_RULES,
    ...ACCOUNTING_RULES,
    ...LIBRARY_LOCK_RULES,
    ...REDUCTION_RULES,
    ...OFFSET_RULES,
    ...TARGET_RULES,
    ...SUPPORT_RULES,
    ...OPERATION_RULES,
    // the claim rules of clause 9.1 (CN-9.1-001 … 003) live with the claim gates, and come in clause order here
    ...CLAIM_RULES.filter(rule => rule.clause === '9.1'),
    ...EVALUATION_RULES,
    ...MONTHLY_MONITORING_RULES,
    ...IMPROVEMENT_RULES,
    ...CLAIM_RULES.filter(rule => rule.clause !== '9.1'),
    ...PRODUCT_RULES
];

/** The entries alone (no checks), as data. */
export const RULES: readonly RuleEntry[] = RULE_DEFINITIONS;

const BY_ID = new Map(RULE_DEFINITIONS.map(entry => [entry.id, entry]));

export function ruleById(id: string): Rule {
    const entry = BY_ID.get(id);
    if (!entry) {
        throw new Error(`rule ${id} is not in the catalogue`);
    }
    return entry;
}

export function isRuleId(id: string): boolean {
    return BY_ID.has(id);
}
