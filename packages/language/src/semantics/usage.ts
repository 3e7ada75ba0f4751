import { AstUtils, type AstNode } from 'langium';
import { isFactor, isLet, isNameReference, type Factor, type Let, type Source } from '../generated/ast.js';
import type { ModelBalance } from './balance.js';
import { tonnes } from './quantity.js';
import { Rational } from './rational.js';

/** The sources of a model that read a factor or a `let`, and what they emit together. */
export interface Usage {
    /** The sources whose activity, factor, emissions or residual factor read it, directly or through other lets and factors. */
    readonly sources: readonly Source[];
    /** Their counted emissions together (tCO2e), the computed ones. */
    readonly co2e: Rational;
    /** Of those sources, how many could not be computed (left out of `co2e`). */
    readonly uncomputed: number;
}

const EMPTY: Usage = { sources: [], co2e: Rational.ZERO, uncomputed: 0 };
const usages = new WeakMap<ModelBalance, Map<AstNode, Usage>>();

/**
 * Who uses a factor or a `let` in a model: every source that reads it, the
 * emissions of those sources from the model's balance (the evaluator's exact
 * figures). Computed once per balance for every factor and let.
 */
export function usageIn(balance: ModelBalance, named: Factor | Let): Usage {
    let byElement = usages.get(balance);
    if (!byElement) {
        byElement = collect(balance);
        usages.set(balance, byElement);
    }
    return byElement.get(named) ?? EMPTY;
}

function collect(balance: ModelBalance): Map<AstNode, Usage> {
    const result = new Map<AstNode, { sources: Source[]; co2e: Rational; uncomputed: number }>();
    for (const { source, figures } of balance.sources) {
        for (const named of readBy(source)) {
            const usage = result.get(named) ?? { sources: [], co2e: Rational.ZERO, uncomputed: 0 };
            usage.sources.push(source);
            if (figures) usage.co2e = usage.co2e.plus(tonnes(figures.co2e));
            else usage.uncomputed++;
            result.set(named, usage);
        }
    }
    return result;
}

/** The factors and lets a source reads, following lets and factors that name others. */
function readBy(source: Source): Set<Factor | Let> {
    const found = new Set<Factor | Let>();
    const visit = (node: AstNode | undefined) => {
        if (!node) return;
        for (const reference of AstUtils.streamAst(node).filter(isNameReference)) {
            const target = reference.target.ref;
            if ((isFactor(target) || isLet(target)) && !found.has(target)) {
                found.add(target);
                if (isLet(target)) visit(target.value);
                else for (const value of [...target.values, ...target.components]) visit(value);
            }
        }
    };
    for (const input of [source.activity, source.factor, source.emissions, source.residualFactor]) visit(input);
    return found;
}
