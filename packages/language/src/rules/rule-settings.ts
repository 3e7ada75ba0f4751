import type { FileSystemProvider } from 'langium';
import { isModelFolderKey } from '../references/cnms-models.js';
import { URI, UriUtils, WorkspaceCache } from 'langium';
import { closest, distance } from 'fastest-levenshtein';
import type { CnmsServices } from '../cnms-module.js';
import type { ProblemParam } from '../semantics/figure-problems.js';
import { isRuleId, RULES } from './catalogue.js';
import type { RuleSeverity } from './rule.js';

/** How a model's cnms.json sets one rule. */
export type RuleSetting = 'off' | 'on' | RuleSeverity;

/** The rule settings of one model, and what is wrong with its cnms.json. */
export interface RuleSettings {
    readonly overrides: ReadonlyMap<string, RuleSetting>;
    readonly problems: ReadonlyArray<{ readonly key: string; readonly params: Readonly<Record<string, ProblemParam>> }>;
}

export const SETTINGS_FILE = 'cnms.json';
const VALUES = new Set(['off', 'on', 'error', 'warning', 'info']);
const NONE: RuleSettings = { overrides: new Map(), problems: [] };

/**
 * Reads a model's `cnms.json` (beside its organisation file) through Langium's
 * file system, so it works wherever the language runs:
 *
 *     { "rules": { "CN-8.2-001": "off", "CN-6.2-013": "error" } }
 *
 * Clause rules can be switched off or on, or given another severity; the
 * language rules (CN-NUM) are always on. Every mistake is reported (CN-NUM-010).
 */
export class CnmsRuleSettings {
    private readonly fileSystem: FileSystemProvider;
    private readonly cache: WorkspaceCache<string, RuleSettings>;

    constructor(services: CnmsServices) {
        this.fileSystem = services.shared.workspace.FileSystemProvider;
        this.cache = new WorkspaceCache(services.shared);
    }

    of(model: string): RuleSettings {
        return this.cache.get(model, () => this.read(model));
    }

    /** The model's overrides as one text: equal texts, equal severities. */
    fingerprint(model: string): string {
        return [...this.of(model).overrides]
            .map(([rule, setting]) => `${rule}=${setting}`)
            .sort()
            .join(',');
    }

    /** Whether a rule runs in a model, and with which severity for a message. */
    severityOf(model: string, rule: string, defaultSeverity: RuleSeverity, defaultOn: boolean): RuleSeverity | undefined {
        const setting = this.of(model).overrides.get(rule);
        if (setting === 'off') return undefined;
        if (setting === undefined) return defaultOn ? defaultSeverity : undefined;
        return setting === 'on' ? defaultSeverity : setting;
    }

    private read(model: string): RuleSettings {
        if (!isModelFolderKey(model)) return NONE;
        let text: string;
        try {
            const uri = UriUtils.joinPath(URI.parse(model), SETTINGS_FILE);
            if (!this.fileSystem.existsSync(uri)) return NONE;
            text = this.fileSystem.readFileSync(uri);
        } catch {
            return NONE;
        }
        return parseRuleSettings(text);
    }
}

/** Parses and checks the text of a cnms.json. */
export function parseRuleSettings(text: string): RuleSettings {
    const problems: Array<RuleSettings['problems'][number]> = [];
    const overrides = new Map<string, RuleSetting>();
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (error) {
        return { overrides, problems: [{ key: 'json', params: { reason: error instanceof Error ? error.message : String(error) } }] };
    }
    const rules = isObject(json) ? json.rules : undefined;
    if (!isObject(json) || Object.keys(json).some(key => key !== 'rules' && key !== '$schema') || (rules !== undefined && !isObject(rules))) {
        return { overrides, problems: [{ key: 'shape', params: {} }] };
    }
    for (const [rule, value] of Object.entries(rules ?? {})) {
        if (!isRuleId(rule)) {
            const suggestion = closest(
                rule,
                RULES.map(r => r.id)
            );
            problems.push(distance(rule, suggestion) <= 2 ? { key: 'unknownRuleSuggest', params: { rule, suggestion } } : { key: 'unknownRule', params: { rule } });
        } else if (rule.startsWith('CN-NUM-')) {
            problems.push({ key: 'alwaysOn', params: { rule } });
        } else if (typeof value !== 'string' || !VALUES.has(value)) {
            problems.push({ key: 'badValue', params: { rule, value: settingText(value) } });
        } else {
            overrides.set(rule, value as RuleSetting);
        }
    }
    return { overrides, problems };
}

/** A setting's value as the file spells it (an object is not '[object Object]'), shortened to a line's worth. */
function settingText(value: unknown): string {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
