import { AstUtils, type AstNode } from 'langium';
import { isFactor, isLet, isNameReference, isSource, type Factor, type Let, type Source } from '../generated/ast.js';
import type { ModelBalance } from './balance.js';
import type { CnmsFigureMemo, FigureStore } from './figure-memo.js';
import { tonnes } from './quantity.js';
import { Rational } from './rational.js';

/** The sources of a model that read a factor or a `let`, and what they emit together. */
export interface Usage {
    /** The sources whose activity, factor, emissions, residual factor or `gap-fill` read it, directly or through other lets and factors. */
    readonly sources: readonly Source[];
    /** Their counted emissions together (tCO2e), the computed ones. */
    readonly co2e: Rational;
    /** Of those sources, how many could not be computed (left out of `co2e`). */
    readonly uncomputed: number;
}

const EMPTY: Usage = { sources: [], co2e: Rational.ZERO, uncomputed: 0 };
const usages = new WeakMap<ModelBalance, Map<AstNode, Usage>>();
/** The factors and lets each source, let and factor names itself, per figure memory. */
const directReads = new WeakMap<CnmsFigureMemo, FigureStore<Source | Let | Factor, ReadonlySet<Factor | Let>>>();

/**
 * Who uses a factor or a `let` in a model: every source that reads it, the
 * emissions of those sources from the model's balance (the evaluator's exact
 * figures). Computed once per balance for every factor and let, from what
 * each declaration names, which the figure memory keeps while the
 * declaration and what its names resolve to are unchanged (a keystroke in one
 * source of a group reads that source again, not the 10,000).
 */
export function usageIn(balance: ModelBalance, named: Factor | Let, memo: CnmsFigureMemo): Usage {
    let byElement = usages.get(balance);
    if (!byElement) {
        byElement = collect(balance, memo);
        usages.set(balance, byElement);
    }
    return byElement.get(named) ?? EMPTY;
}

function collect(balance: ModelBalance, memo: CnmsFigureMemo): Map<AstNode, Usage> {
    const result = new Map<AstNode, { sources: Source[]; co2e: Rational; uncomputed: number }>();
    const closures = new Map<Factor | Let, ReadonlySet<Factor | Let>>();
    for (const { source, figures } of balance.sources) {
        for (const named of readBy(source, memo, closures)) {
            const usage = result.get(named) ?? { sources: [], co2e: Rational.ZERO, uncomputed: 0 };
            usage.sources.push(source);
            if (figures) usage.co2e = usage.co2e.plus(tonnes(figures.co2e));
            else usage.uncomputed++;
            result.set(named, usage);
        }
    }
    return result;
}

/** The factors and lets a source reads, following lets and factors that name others (`closures`: those of lets and factors, for one balance). */
function readBy(source: Source, memo: CnmsFigureMemo, closures: Map<Factor | Let, ReadonlySet<Factor | Let>>): Set<Factor | Let> {
    const found = new Set<Factor | Let>();
    for (const target of namedBy(source, memo)) {
        if (found.has(target)) continue;
        found.add(target);
        let closure = closures.get(target);
        if (!closure) {
            // every let and factor reached from it (a cycle stops where it began)
            const reached = new Set<Factor | Let>();
            const stack = [target];
            while (stack.length > 0) {
                for (const next of namedBy(stack.pop()!, memo)) {
                    if (reached.has(next)) continue;
                    reached.add(next);
                    stack.push(next);
                }
            }
            closures.set(target, (closure = reached));
        }
        for (const next of closure) found.add(next);
    }
    return found;
}

/** The factors and lets a declaration names itself (in a source's activity, factor, emissions, residual factor and `gap-fill`; a let's value; a factor's values). */
function namedBy(node: Source | Let | Factor, memo: CnmsFigureMemo): ReadonlySet<Factor | Let> {
    let store = directReads.get(memo);
    if (!store) {
        // carried to a declaration parsed again unchanged with the names' targets moved to their counterparts
        store = memo.store<Source | Let | Factor, ReadonlySet<Factor | Let>>((value, counterpart) => {
            const moved = new Set<Factor | Let>();
            for (const target of value) {
                const now = counterpart(target);
                if (!now) return undefined;
                moved.add(now);
            }
            return moved;
        });
        directReads.set(memo, store);
    }
    return memo.memo(store, node, () => {
        const found = new Set<Factor | Let>();
        const inputs = isSource(node) ? [node.activity, node.factor, node.emissions, node.residualFactor, node.gapFill] : isLet(node) ? [node.value] : [...node.values, ...node.components];
        for (const input of inputs) {
            if (!input) continue;
            for (const reference of AstUtils.streamAst(input).filter(isNameReference)) {
                const target = reference.target.ref;
                if (isFactor(target) || isLet(target)) found.add(target);
            }
        }
        return found;
    });
}
