import type { AstNode } from 'langium';
import { Cancellation, interruptAndCheck, WorkspaceCache } from 'langium';
import type { CnmsServices } from '../cnms-module.js';
import type { Element } from '../generated/ast.js';
import { hasSyntaxError } from '../syntax/syntax-errors.js';
import { RULE_DEFINITIONS } from './catalogue.js';
import type { RuleContext } from './rule.js';
import type { Finding } from './rule-reporter.js';

/** The rule that reports a rule whose check failed: the model was not checked against it. */
export const RULE_FAILED = 'CN-NUM-011';

/**
 * Runs the clause rules once per model per build (each rule's check sees the
 * whole model and the evaluator's figures); validation/cnms-model-validation.ts
 * hands each document the findings that lie in it.
 */
export class CnmsModelRules {
    private readonly findings: WorkspaceCache<string, Finding[]>;

    constructor(private readonly services: CnmsServices) {
        this.findings = new WorkspaceCache(services.shared);
    }

    /** Every finding of the clause rules in a model, before settings apply, computed with a pause between rules in which a newer edit can cancel the run. */
    async findingsOfAsync(model: string, token: Cancellation.CancellationToken): Promise<readonly Finding[]> {
        if (this.findings.has(model)) return this.findings.get(model, () => []);
        const findings: Finding[] = [];
        for (const check of this.checks(model, findings)) {
            await interruptAndCheck(token);
            check();
        }
        this.findings.set(model, findings);
        return findings;
    }

    /** CN-NUM-010: what is wrong with the model's cnms.json, at the organisation's name. */
    settingsFindings(model: string): Finding[] {
        const organization = this.services.references.Models.organizationOf(model);
        if (!organization) return [];
        return this.services.rules.Settings.of(model).problems.map(problem => ({ rule: 'CN-NUM-010', key: problem.key, params: problem.params, node: organization, property: 'name' }));
    }

    /** One function per clause rule of the catalogue, each adding its findings to `findings`. */
    private checks(model: string, findings: Finding[]): Array<() => void> {
        const models = this.services.references.Models;
        const semantics = this.services.semantics;
        const elements = models.elementsOf(model);
        const organization = models.organizationOf(model);
        const base = {
            services: this.services,
            model,
            elements,
            declarations: declarationsByGuard(elements),
            organization,
            settings: semantics.OrganizationSettings.of(model),
            balance: semantics.Balance.of(model),
            root: model
        };
        return RULE_DEFINITIONS.filter(rule => rule.check).map(rule => () => {
            const report = (key: string, params: Finding['params'], node: AstNode, property?: string, index?: number) => {
                // a property said missing (one a quick fix would insert) of a declaration with a syntax error in its
                // text may be there, half-typed or past a limit: the syntax error is what the line gets
                if (rule.insertsProperty?.[key] !== undefined && hasSyntaxError(node)) return;
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
                rule.check!(context);
            } catch (error) {
                // A broken rule must not take the others down, nor pass for a rule that found nothing.
                const anchor = organization ?? elements[0];
                if (anchor) findings.push({ rule: RULE_FAILED, key: 'failed', params: { rule: rule.id, title: rule.title, reason: failureReason(error) }, node: anchor, property: 'name' });
            }
        });
    }
}

/** What a failed check threw, on one line and short enough to read in a diagnostic. */
function failureReason(error: unknown): string {
    const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
    const text = message.replace(/\s+/g, ' ').trim() || (error instanceof Error ? error.name : 'Error');
    return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/**
 * `elements.filter(guard)` for generated type guards, each found once: the
 * declarations are bucketed by type in one pass, and a guard that accepts
 * exactly one type gets that type's bucket (in file order, as filtering
 * gives); a guard that accepts several types (an interface) filters.
 */
function declarationsByGuard(elements: readonly Element[]): <T extends Element>(guard: (item: unknown) => item is T) => readonly T[] {
    let byType: Map<string, Element[]> | undefined;
    const found = new Map<(item: unknown) => boolean, readonly Element[]>();
    return <T extends Element>(guard: (item: unknown) => item is T): readonly T[] => {
        let result = found.get(guard);
        if (!result) {
            if (!byType) {
                byType = new Map();
                for (const element of elements) {
                    const bucket = byType.get(element.$type);
                    if (bucket) bucket.push(element);
                    else byType.set(element.$type, [element]);
                }
            }
            const accepted = [...byType.values()].filter(bucket => guard(bucket[0]));
            result = accepted.length === 1 ? accepted[0] : accepted.length === 0 ? [] : elements.filter(guard);
            found.set(guard, result);
        }
        return result as readonly T[];
    };
}
