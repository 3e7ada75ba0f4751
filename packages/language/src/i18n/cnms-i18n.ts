import { Dimension } from '../semantics/dimension.js';
import { formatDimension } from '../semantics/dimension-names.js';
import { formatInUnit } from '../semantics/figure-format.js';
import type { ProblemParam } from '../semantics/figure-problems.js';
import { ruleById } from '../rules/catalogue.js';
import { fillTemplate, type Locale } from './locale.js';
import { TEXTS, type TextId } from './messages.js';

/**
 * The language of messages for one set of services: the CLI sets it from
 * `--lang` or the locale, the language server from the client's.
 */
export class CnmsI18n {
    locale: Locale = 'en';

    text(id: TextId, params: Record<string, string | number> = {}): string {
        return fillTemplate(TEXTS[id][this.locale], params);
    }

    /** A rule's message in the current language, its parameters put into words. */
    ruleMessage(rule: string, key: string, params: Readonly<Record<string, ProblemParam>> = {}): string {
        const template = ruleById(rule).messages[key];
        if (!template) {
            throw new Error(`rule ${rule} has no message '${key}'`);
        }
        const words: Record<string, string> = {};
        for (const [name, value] of Object.entries(params)) {
            words[name] = this.param(value);
        }
        return fillTemplate(template[this.locale], words);
    }

    private param(value: ProblemParam | undefined): string {
        if (value === undefined || value === null) return '—';
        if (typeof value === 'string') return value;
        if (value instanceof Dimension) return formatDimension(value, this.locale);
        if ('figure' in value) return formatInUnit(value.figure, value.unit, this.locale);
        return value[this.locale];
    }
}
