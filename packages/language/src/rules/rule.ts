import type { AstNode } from 'langium';
import type { Element, Organization } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import type { LocalizedText } from '../i18n/locale.js';
import type { ModelBalance } from '../semantics/balance.js';
import type { ProblemParam } from '../semantics/figure-problems.js';
import type { OrganizationSettings } from '../semantics/organization-settings.js';

export type RuleSeverity = 'error' | 'warning' | 'info';

/**
 * Where the rule pages (docs/rules/<id>.md) are published; every diagnostic's
 * `codeDescription` links there.
 */
export const RULE_DOCS_BASE_URL = 'https://cnms.dev/docs/rules/';

/** The page of a rule, for the diagnostic's `codeDescription.href`. */
export function ruleDocUrl(id: string): string {
    return `${RULE_DOCS_BASE_URL}${id}`;
}

/**
 * One rule of `../shared/spec/rules.md`: the single description of a check
 * that the validator, the CLI, SARIF, the docs and the reports all read.
 */
export interface RuleEntry {
    readonly id: string;
    /** The standard's clause (`4.3`, `6.2` …), `claim` for the claim gates, or null for the language rules (CN-NUM). */
    readonly clause: string | null;
    readonly title: LocalizedText;
    readonly severity: RuleSeverity;
    readonly defaultOn: boolean;
    /** Page under docs/rules/. */
    readonly doc: string;
    /** What the rule checks, in a sentence or two (docs, SARIF full description). */
    readonly description: LocalizedText;
    /** Why: the requirement of the standard behind it, with its clause. */
    readonly rationale: LocalizedText;
    /** Message templates with `{placeholders}`, by message key. */
    readonly messages: Readonly<Record<string, LocalizedText>>;
    /** Messages milder or stronger than the rule's severity (a 13-month period is a warning of an error rule). */
    readonly messageSeverity?: Readonly<Record<string, RuleSeverity>>;
    /**
     * The quick fix of a "missing element" rule: the declaration snippet
     * (lsp/declaration-snippets.ts) to insert into the organisation's file,
     * for every message of the rule or by message key.
     */
    readonly insertsElement?: string | Readonly<Record<string, string>>;
    /**
     * The quick fix of a "missing property" rule, by message key: the property
     * line to insert into the declaration's block, `${1:placeholder}` allowed.
     */
    readonly insertsProperty?: Readonly<Record<string, string>>;
}

/** What a rule's check sees of one model, computed once per build. */
export interface RuleContext {
    readonly services: CnmsServices;
    readonly model: string;
    /** Top-level declarations of the model, in file order. */
    readonly elements: readonly Element[];
    /**
     * The declarations a generated type guard (`isSource`, `isTarget` …)
     * accepts, in file order: `elements.filter(guard)`, found once per run of
     * the rules instead of once per rule (a group's model has 20,000
     * declarations and the rules ask for sources twenty times).
     */
    declarations<T extends Element>(guard: (item: unknown) => item is T): readonly T[];
    readonly organization?: Organization;
    readonly settings: OrganizationSettings;
    /** The evaluator's figures: rules read them, never compute their own. */
    readonly balance: ModelBalance;
    /** The model's root directory URI (where `organization` is declared). */
    readonly root: string;
    /** Reports a finding of the rule being checked, at the smallest node that shows it. */
    report(key: string, params: Readonly<Record<string, ProblemParam>>, node: AstNode, property?: string, index?: number): void;
    /** Reports a missing element once, on the organisation's name (or the model's first declaration). */
    reportMissing(key: string, params?: Readonly<Record<string, ProblemParam>>): void;
}

/** A rule: its catalogue entry and, for the clause rules, the check that runs once per model. */
export interface Rule extends RuleEntry {
    readonly check?: (context: RuleContext) => void;
}

/** Declares a rule with the documented defaults (on, its page under docs/rules/). */
export function defineRule(rule: Omit<Rule, 'doc' | 'defaultOn'> & { readonly defaultOn?: boolean }): Rule {
    return { defaultOn: true, doc: `docs/rules/${rule.id}.md`, ...rule };
}
