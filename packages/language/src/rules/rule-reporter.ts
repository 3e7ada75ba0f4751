import type { AstNode, ValidationAcceptor } from 'langium';
import type { CnmsI18n } from '../i18n/cnms-i18n.js';
import type { CnmsRuleSettings } from './rule-settings.js';
import type { ProblemParam } from '../semantics/figure-problems.js';
import { ruleById } from './catalogue.js';
import { ruleDocUrl, type RuleSeverity } from './rule.js';

/** A rule's finding: which message of which rule, and the smallest place that shows it. */
export interface Finding {
    readonly rule: string;
    readonly key: string;
    readonly params?: Readonly<Record<string, ProblemParam>>;
    readonly node: AstNode;
    readonly property?: string;
    readonly index?: number;
    /** Where a rule's message is milder than the rule (a 13-month period under the period rule). */
    readonly severity?: RuleSeverity;
}

/**
 * Turns findings into diagnostics: severity (from the catalogue, the message,
 * or the model's cnms.json), code (the rule id), clause and message.
 */
export class CnmsRuleReporter {
    constructor(
        private readonly i18n: CnmsI18n,
        private readonly settings: () => CnmsRuleSettings
    ) {}

    report(accept: ValidationAcceptor, finding: Finding, model?: string): void {
        const entry = ruleById(finding.rule);
        const severity = finding.severity ?? entry.messageSeverity?.[finding.key] ?? entry.severity;
        const effective = model ? this.settings().severityOf(model, entry.id, severity, entry.defaultOn) : severity;
        if (!effective) return;
        accept(effective, this.i18n.ruleMessage(finding.rule, finding.key, finding.params ?? {}), {
            node: finding.node,
            property: finding.property,
            index: finding.index,
            code: entry.id,
            codeDescription: { href: ruleDocUrl(entry.id) },
            data: { rule: entry.id, clause: entry.clause, key: finding.key }
        });
    }
}
