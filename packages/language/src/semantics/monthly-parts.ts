import { AstUtils } from 'langium';
import type { Aggregate, Expression, MonthlyValues } from '../generated/ast.js';
import { isAggregate, isMonthlyValues } from '../generated/ast.js';

const PARTS = new WeakMap<Expression, ReadonlyArray<Aggregate | MonthlyValues>>();

/**
 * The parts of an expression given month by month — `monthly { … }` and the
 * aggregates of datasets — in order. Found once per syntax tree (a tree never
 * changes; an edit makes a new one): the completeness rule asks it of every
 * source of a group on every run.
 */
export function monthlyParts(expression: Expression): ReadonlyArray<Aggregate | MonthlyValues> {
    let parts = PARTS.get(expression);
    if (!parts) {
        const found: Array<Aggregate | MonthlyValues> = [];
        for (const node of AstUtils.streamAst(expression)) if (isMonthlyValues(node) || isAggregate(node)) found.push(node);
        PARTS.set(expression, (parts = found));
    }
    return parts;
}
