import type { AstNode } from 'langium';
import { GrammarAST } from 'langium';
import { propertyKeywords, propertyStartedBy } from '../syntax/property-keywords.js';
import type { LocalizedText } from '../i18n/locale.js';
import { Dimension } from './dimension.js';
import type { CnmsEvaluator } from './evaluator.js';
import type { Quantity } from './quantity.js';
import { Rational } from './rational.js';

/** What a property's value must be; the label names it in messages. */
export interface Expectation {
    readonly fits: (dimension: Dimension) => boolean;
    readonly label: LocalizedText;
}

export const DIMENSIONLESS: Expectation = {
    fits: dimension => dimension.isDimensionless(),
    label: { en: 'dimensionless (a number or a percentage)', 'zh-CN': '无量纲（数值或百分比）' }
};
export const MASS_OF_GAS: Expectation = {
    fits: dimension => dimension.gasOfMass() !== undefined,
    label: { en: 'a mass of a gas (such as tCO2 or kgCH4)', 'zh-CN': '气体质量（如 tCO2、kgCH4）' }
};
export const MASS_OF_CO2: Expectation = {
    fits: dimension => dimension.equals(Dimension.massOf('CO2')) || dimension.equals(Dimension.massOf('CO2e')),
    label: { en: 'a mass of CO2 (tCO2)', 'zh-CN': 'CO2 质量（tCO2）' }
};
export const MASS_OF_CO2E: Expectation = {
    fits: dimension => dimension.equals(Dimension.massOf('CO2e')),
    label: { en: 'a mass of CO2e (tCO2e)', 'zh-CN': 'CO2 当量质量（tCO2e）' }
};
export const ENERGY: Expectation = {
    fits: dimension => dimension.equals(Dimension.base('energy')),
    label: { en: 'an energy (such as MWh)', 'zh-CN': '能量（如 MWh）' }
};
export const CUTS: Expectation = {
    fits: dimension => dimension.isDimensionless() || dimension.equals(Dimension.massOf('CO2e')) || dimension.equals(Dimension.massOf('CO2e').dividedBy(Dimension.base('time'))),
    label: { en: 'a share (%) or an amount per year (tCO2e)', 'zh-CN': '比例（%）或每年的量（tCO2e）' }
};
export const ANY: Expectation = { fits: () => true, label: { en: 'any value', 'zh-CN': '任意值' } };

const HUNDRED_PERCENT = Rational.ONE;

/**
 * Evaluates a property and checks it against what the property must be
 * (CN-NUM-003), and, where asked, that it is not negative or lies within
 * 0 … 100 % (CN-NUM-005). Returns the value only when it passes.
 */
export function checkedProperty(evaluator: CnmsEvaluator, container: AstNode, property: string, expectation: Expectation, range: 'any' | 'non-negative' | 'share' = 'any'): Quantity | undefined {
    return evaluator.checkedValue(container, property, expectation, range, () => check(evaluator, container, property, expectation, range));
}

function check(evaluator: CnmsEvaluator, container: AstNode, property: string, expectation: Expectation, range: 'any' | 'non-negative' | 'share'): Quantity | undefined {
    const expression = (container as unknown as Record<string, unknown>)[property] as Parameters<CnmsEvaluator['evaluate']>[0];
    const quantity = evaluator.evaluate(expression);
    if (!quantity) return undefined;
    // the keyword is looked up only when a problem is reported: most values pass
    const shown = () => propertyText(container, property);
    if (!expectation.fits(quantity.dimension)) {
        evaluator.report('CN-NUM-003', 'property', { property: shown(), expected: expectation.label, actual: quantity.dimension }, container, property);
        return undefined;
    }
    // the expression's text only for a message: a CST node's text is found by walking down to its first and last tokens
    const text = () => expression?.$cstNode?.text ?? '';
    if (range !== 'any' && quantity.value.isNegative()) {
        evaluator.report('CN-NUM-005', range === 'share' ? 'share' : 'negative', { property: shown(), value: text() }, container, property);
        return undefined;
    }
    if (range === 'share' && quantity.dimension.isDimensionless() && quantity.value.compare(HUNDRED_PERCENT) > 0) {
        evaluator.report('CN-NUM-005', 'share', { property: shown(), value: text() }, container, property);
        return undefined;
    }
    return quantity;
}

/**
 * A property as the model writes it: its keyword (`waste-gas-out`,
 * `recalculation-threshold`); for a part of a statement that has no keyword
 * of its own (the mass in `consumes 1 t of rod`), the statement's keyword;
 * else the property's name.
 */
function propertyText(container: AstNode, property: string): string {
    for (const leaf of propertyKeywords(container, true)) {
        if (GrammarAST.isKeyword(leaf.grammarSource) && propertyStartedBy(leaf.grammarSource)?.name === property) return leaf.text;
    }
    const parent = container.$container;
    const holder = container.$containerProperty;
    if (parent && holder) {
        for (const leaf of propertyKeywords(parent, true)) {
            if (GrammarAST.isKeyword(leaf.grammarSource) && propertyStartedBy(leaf.grammarSource)?.name === holder) return leaf.text;
        }
    }
    return property;
}
