import { Dimension } from './dimension.js';
import type { FactorValue } from './evaluator.js';
import { displayUnit } from './quantity-display.js';
import { Rational } from './rational.js';
import { writtenUnit } from './written-unit.js';

/** One value of a factor as a reader sees it: an exact decimal string and its unit. */
export interface ShownFactorValue {
    readonly gas: string;
    readonly value: string;
    readonly unit: string;
}

/**
 * A factor's value per gas as written (`56100 kgCO2/TJ`), else in a
 * conventional unit of its dimension; a CO2e component (`… of CH4`) as the
 * mass of its gas; the value an exact decimal string (to 34 significant
 * digits where it does not terminate).
 */
export function shownFactorValue(value: FactorValue): ShownFactorValue {
    const written = value.basis ? undefined : writtenUnit(value.node);
    if (written) return { gas: value.gas, value: Rational.parse(written.number).toString(), unit: written.unit };
    const unit = displayUnit(Dimension.massOf(value.gas).dividedBy(value.per), value.value);
    return { gas: value.gas, value: value.value.dividedBy(unit.size).toString(), unit: unit.name };
}
