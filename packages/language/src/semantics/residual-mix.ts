import type { Organization, Source } from '../generated/ast.js';
import { Dimension } from './dimension.js';
import type { CnmsEvaluator, FactorValue } from './evaluator.js';
import type { Rational } from './rational.js';

/** What a `residual-factor` must be: a mass of a gas per energy. */
const PER_ENERGY = { en: 'a mass of a gas per energy (such as tCO2/MWh)', 'zh-CN': '单位能量的气体质量（如 tCO2/MWh）' };

/**
 * The residual-mix factor written on an organisation (the default) or on a
 * category-2 source: the factor of the electricity left once the contractual
 * instruments sold are taken out, with which market-based scope 2 prices the
 * energy no instrument covers (GHG Protocol Scope 2 Guidance, 2015, ch. 6,
 * Table 6.3, the market-based hierarchy; the Chinese ministry's national factor excluding market-traded
 * non-fossil electricity). Its values per gas, each a mass per energy of a
 * gas in the GWP set; undefined when none is written, 'invalid' when it is
 * wrong (CN-NUM-003, CN-NUM-005, CN-6.2-004 at the property).
 */
export function checkedResidualFactor(evaluator: CnmsEvaluator, container: Organization | Source, gwp: { readonly values: ReadonlyMap<string, Rational>; readonly set: string }): FactorValue[] | 'invalid' | undefined {
    if (!container.residualFactor) return undefined;
    const values = evaluator.factorExpressionValues(container.residualFactor, container, 'residualFactor');
    if (!values) return 'invalid';
    const energy = Dimension.base('energy');
    for (const value of values) {
        if (!value.per.equals(energy)) {
            evaluator.report('CN-NUM-003', 'property', { property: 'residual-factor', expected: PER_ENERGY, actual: Dimension.massOf(value.gas).dividedBy(value.per) }, container, 'residualFactor');
            return 'invalid';
        }
        if (value.value.isNegative()) {
            evaluator.report('CN-NUM-005', 'negative', { property: 'residual-factor', value: container.residualFactor.$cstNode?.text ?? '' }, container, 'residualFactor');
            return 'invalid';
        }
        if (!gwp.values.has(value.gas)) {
            evaluator.report('CN-6.2-004', 'residualGas', { gas: value.gas, set: gwp.set }, container, 'residualFactor');
            return 'invalid';
        }
    }
    return values;
}
