import type { AstNode, ValidationAcceptor } from 'langium';
import { AstUtils, WorkspaceCache } from 'langium';
import type { CnmsFile } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import { isBuiltinUri } from '../workspace/builtin-library.js';
import { RULE_DEFINITIONS } from './catalogue.js';
import type { RuleContext } from './rule.js';
import type { Finding } from './rule-reporter.js';

/**
 * Runs the clause rules once per model per build (each rule's check sees the
 * whole model and the evaluator's figures) and hands each document the
 * findings that lie in it.
 */
export class CnmsModelRules {
    private readonly findings: WorkspaceCache<string, Finding[]>;

    constructor(private readonly services: CnmsServices) {
        this.findings = new WorkspaceCache(services.shared);
    }

    /** Every finding of the clause rules in a model, before settings apply. */
    findingsOf(model: string): readonly Finding[] {
        return this.findings.get(model, () => this.run(model));
    }

    /** Reports the findings that lie in this file, as the model's cnms.json says. */
    check(file: CnmsFile, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(file);
        const models = this.services.references.Models;
        if (isBuiltinUri(document.uri) || models.isInNoModel(document.uri)) return;
        const model = models.modelOf(document.uri);
        const uri = document.uri.toString();
        const reporter = this.services.rules.Reporter;
        for (const finding of this.findingsOf(model)) {
            if (AstUtils.getDocument(finding.node).uri.toString() === uri) reporter.report(accept, finding, model);
        }
        const organization = models.organizationOf(model);
        if (organization && AstUtils.getDocument(organization).uri.toString() === uri) {
            for (const problem of this.services.rules.Settings.of(model).problems) {
                reporter.report(accept, { rule: 'CN-NUM-010', key: problem.key, params: problem.params, node: organization, property: 'name' }, model);
            }
        }
    }

    private run(model: string): Finding[] {
        const models = this.services.references.Models;
        const semantics = this.services.semantics;
        const elements = models.elementsOf(model);
        const organization = models.organizationOf(model);
        const findings: Finding[] = [];
        const base = {
            services: this.services,
            model,
            elements,
            organization,
            settings: semantics.OrganizationSettings.of(model),
            balance: semantics.Balance.of(model),
            root: model
        };
        for (const rule of RULE_DEFINITIONS) {
            if (!rule.check) continue;
            const report = (key: string, params: Finding['params'], node: AstNode, property?: string, index?: number) => {
                findings.push({ rule: rule.id, key, params, node, property, index });
            };
            const context: RuleContext = {
                ...base,
                report,
                reportMissing: (key, params = {}) => {
                    const anchor = organization ?? elements[0];
                    if (anchor) report(key, params, anchor, 'name');
                }
            };
            try {
                rule.check(context);
            } catch (error) {
                // A broken rule must not take the others down; it says so in the server's log.
                console.error(`rule ${rule.id} failed:`, error);
            }
        }
        return findings;
    }
}
