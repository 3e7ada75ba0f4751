import { AstUtils } from 'langium';
import type { Source } from '../generated/ast.js';
import { isAggregate, isMonthlyValues } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import { monthOf } from './months.js';

/** The months a source's activity gives month by month, and those its `gap-fill` filled. */
export interface SourceMonths {
    /** Months given by every month-by-month part of the activity together (a month is given when any part gives it), in order. */
    readonly given: readonly string[];
    /** Months of the period filled by the source's `gap-fill`, in order. */
    readonly filled: readonly string[];
}

/**
 * The months a source's activity covers, when it is given month by month
 * (`monthly { … }`, or an aggregate of a dataset with a date column, anywhere
 * in the activity); undefined when no part of it is, or such a part cannot be
 * computed. What the completeness table, data acquisition and evidence
 * deadlines read (docs/months.md).
 */
export function sourceMonths(services: CnmsServices, source: Source): SourceMonths | undefined {
    if (!source.activity) return undefined;
    const given = new Set<string>();
    let monthly = false;
    for (const node of AstUtils.streamAst(source.activity)) {
        if (isMonthlyValues(node)) {
            monthly = true;
            for (const entry of node.months) {
                const month = monthOf(entry.year, entry.month);
                if (month) given.add(month);
            }
        } else if (isAggregate(node)) {
            const months = services.semantics.Datasets.monthsOf(node);
            if (!months) continue;
            monthly = true;
            for (const month of months) given.add(month);
        }
    }
    if (!monthly) return undefined;
    const filled = services.semantics.GapFill.of(source)?.filled.map(month => month.month) ?? [];
    return { given: [...given].sort(), filled };
}
