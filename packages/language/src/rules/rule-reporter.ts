import type { AstNode, ValidationAcceptor } from 'langium';
import type { CnmsI18n } from '../i18n/cnms-i18n.js';
import type { CnmsRuleSettings } from './rule-settings.js';
import { sameProblemParams, type ProblemParam } from '../semantics/figure-problems.js';
import type { Locale } from '../i18n/locale.js';
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
    /**
     * The messages last made for the findings at each node: a run of the rules
     * after an edit finds the same at most nodes, and a message (its figures
     * put into words) costs more than finding it again (`cnms diff`: 2,000
     * findings of 3,400 unchanged in the later revision).
     */
    private readonly messages = new WeakMap<AstNode, MessageMade[]>();

    constructor(
        private readonly i18n: CnmsI18n,
        private readonly settings: () => CnmsRuleSettings
    ) {}

    report(accept: ValidationAcceptor, finding: Finding, model?: string): void {
        const effective = this.severityOf(finding, model);
        if (!effective) return;
        const entry = ruleById(finding.rule);
        accept(effective, this.message(finding), {
            node: finding.node,
            property: finding.property,
            index: finding.index,
            code: entry.id,
            codeDescription: { href: ruleDocUrl(entry.id) },
            data: { rule: entry.id, clause: entry.clause, key: finding.key }
        });
    }

    /** The severity a finding is reported with: its message's or its rule's, as the model's cnms.json sets it; undefined when the rule is off there. */
    severityOf(finding: Finding, model?: string): RuleSeverity | undefined {
        const entry = ruleById(finding.rule);
        const severity = finding.severity ?? entry.messageSeverity?.[finding.key] ?? entry.severity;
        return model ? this.settings().severityOf(model, entry.id, severity, entry.defaultOn) : severity;
    }

    /** The finding's message in the reader's language: the one made last time for the same rule, key and parameters at its node, or a new one. */
    message(finding: Finding): string {
        const locale = this.i18n.locale;
        const params = finding.params ?? {};
        const made = this.messages.get(finding.node);
        const same = made?.find(entry => entry.rule === finding.rule && entry.key === finding.key && entry.locale === locale && sameProblemParams(entry.params, params));
        if (same) return same.text;
        const text = this.i18n.ruleMessage(finding.rule, finding.key, params);
        const entry: MessageMade = { rule: finding.rule, key: finding.key, locale, params, text };
        if (!made) this.messages.set(finding.node, [entry]);
        else {
            made.push(entry);
            // the last few: a node whose figures change edit after edit gets a new message each time
            if (made.length > MESSAGES_KEPT) made.shift();
        }
        return text;
    }
}

interface MessageMade {
    readonly rule: string;
    readonly key: string;
    readonly locale: Locale;
    readonly params: Readonly<Record<string, ProblemParam>>;
    readonly text: string;
}

/** How many messages are kept per node. */
const MESSAGES_KEPT = 8;
