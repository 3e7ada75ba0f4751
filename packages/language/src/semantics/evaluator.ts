import type { AstNode, Reference } from 'langium';
import { AstUtils } from 'langium';
import type { Expression, Factor, GasComponent, MonthlyValues, Named, UnitDecl } from '../generated/ast.js';
import { isAggregate, isBinaryExpression, isFactor, isGasDecl, isLet, isMonthlyValues, isNameReference, isNegatedExpression, isNumberLiteral, isOutput, isPowerExpression, isSource, isUnitDecl, isUnitProduct } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import { isBuiltinNode, isBuiltinUri } from '../workspace/builtin-library.js';
import { cyclePath } from './cycle-path.js';
import { Dimension } from './dimension.js';
import type { CnmsFigureMemo, FigureStore } from './figure-memo.js';
import type { ProblemParam } from './figure-problems.js';
import type { Expectation } from './property-checks.js';
import { splitGasUnit } from './gas-units.js';
import { monthOf } from './months.js';
import { isGapFilledPart } from './gap-fill.js';
import { Quantity } from './quantity.js';
import { DivisionByZeroError, InexactFigureError, Rational } from './rational.js';

/** One value of a factor: a mass of one gas per unit of activity. */
export interface FactorValue {
    readonly gas: string;
    /** Grams of the gas per base unit of `per`. */
    readonly value: Rational;
    readonly per: Dimension;
    readonly node: Expression;
    /**
     * For a value written as the CO2e of one gas (`0.00026 kgCO2e/kWh of CH4`):
     * the GWP set it was weighted with (the factor's `gwp-basis`); `value` is
     * the mass of the gas itself (docs/methods.md).
     */
    readonly basis?: string;
}

/** A chain of operands this long is evaluated innermost out (CnmsEvaluator.evaluateChain). */
const LONG_CHAIN = 32;

/** The operand an expression is computed from first: the left of `a + b`, the value of `5 MWh`, the base of `10^4`, the operand of `-x`. */
function firstOperand(expression: Expression): Expression | undefined {
    if (isBinaryExpression(expression)) return expression.left;
    if (isUnitProduct(expression)) return expression.value;
    if (isPowerExpression(expression)) return expression.base;
    if (isNegatedExpression(expression)) return expression.operand;
    return undefined;
}

/** `null` in a cache: computed, and it failed (the problem is kept with the figure). */
type Cached<T> = T | null;

/**
 * The single source of figures: one exact `Quantity` per expression and per
 * named value, cached with what it was computed from (semantics/figure-memo.ts).
 * Problems (dimensions, division by zero, cycles) are kept with the figure
 * whose computation found them, at the smallest node that shows them; a
 * failed figure is `undefined` and callers leave it out.
 */
export class CnmsEvaluator {
    private readonly services: CnmsServices;
    private readonly expressions: FigureStore<Expression, Cached<Quantity>>;
    private readonly factors: FigureStore<Factor, Cached<FactorValue[]>>;
    private readonly cycles: FigureStore<Named, boolean>;
    private readonly properties = new Map<string, FigureStore<AstNode, Cached<Quantity>>>();
    /** Mass units of the built-in library by name (`t`, `kg`): the library never changes. */
    private readonly massUnits = new Map<string, Cached<Quantity>>();
    private readonly active = new Set<AstNode>();

    constructor(services: CnmsServices) {
        this.services = services;
        const memo = services.semantics.FigureMemo;
        this.expressions = memo.store();
        this.factors = memo.store((values, counterpart) => {
            if (!values) return values;
            const carried = values.map(value => ({ ...value, node: counterpart(value.node)! }));
            return carried.every(value => value.node) ? carried : undefined;
        });
        this.cycles = memo.store();
    }

    private get memo(): CnmsFigureMemo {
        return this.services.semantics.FigureMemo;
    }

    /** The value of an expression, or undefined when it cannot be computed. */
    evaluate(expression: Expression | undefined): Quantity | undefined {
        if (!expression) return undefined;
        return (
            this.memo.memo(this.expressions, expression, () => {
                this.evaluateChain(expression);
                return this.guarded(expression, () => this.compute(expression)) ?? null;
            }) ?? undefined
        );
    }

    /**
     * Evaluates the chain under a long expression first, innermost out: in
     * `1 + 2 + … + 1000` each sum is the left operand of the next, so each
     * level then finds its operand computed, and the recursion stays a few
     * calls deep however long the chain (the term limit, syntax/limits.ts,
     * leaves a margin; this keeps it wide).
     */
    private evaluateChain(expression: Expression): void {
        const chain: Expression[] = [];
        for (let node = firstOperand(expression); node; node = firstOperand(node)) chain.push(node);
        if (chain.length < LONG_CHAIN) return;
        for (let i = chain.length - 1; i >= 0; i--) this.evaluate(chain[i]);
    }

    /**
     * A property's value, checked against what the property must be
     * (semantics/property-checks.ts); cached per element and property, so
     * its problems are found once, whoever asks first.
     */
    checkedValue(container: AstNode, property: string, expectation: Expectation, range: 'any' | 'non-negative' | 'share', check: () => Quantity | undefined): Quantity | undefined {
        const id = `${property}\n${expectation.label.en}\n${range}`;
        let store = this.properties.get(id);
        if (!store) this.properties.set(id, (store = this.memo.store()));
        return this.memo.memo(store, container, () => check() ?? null) ?? undefined;
    }

    /**
     * CN-NUM-003: a `let`, unit, output, factor or source whose value depends
     * on itself, reported at its own name with the path of the cycle. Checked
     * per declaration by following its references, so every declaration on a
     * cycle is reported, wherever the evaluation started.
     */
    checkCycle(named: Named): boolean {
        return this.memo.memo(this.cycles, named, () => {
            const path = this.cyclePath(named);
            if (path) this.report('CN-NUM-003', 'cycle', { name: named.name, path: path.join(' → ') }, named, 'name');
            return path !== undefined;
        });
    }

    /** The value of a unit, `let`, output or single-valued factor, or a source's counted emissions (mass of CO2e). */
    valueOfNamed(named: Named, refText: string, at: AstNode): Quantity | undefined {
        if (isGasDecl(named)) {
            const split = splitGasUnit(refText, gas => gas === named.name);
            const mass = split ? this.massUnit(split.massUnit) : undefined;
            return mass ? new Quantity(mass.value, Dimension.massOf(named.name)) : undefined;
        }
        if (this.active.has(named)) {
            // a cycle: each declaration on it reports it at its own name (checkCycle)
            return undefined;
        }
        if (isUnitDecl(named)) return this.unitValue(named);
        if (isLet(named) || isOutput(named)) return this.declared(named, () => this.evaluate(named.value));
        if (isFactor(named)) {
            const values = this.factorValues(named);
            if (!values) return undefined;
            if (values.length !== 1) {
                this.report('CN-NUM-003', 'multiValueFactor', { name: named.name }, at);
                return undefined;
            }
            return new Quantity(values[0].value, Dimension.massOf(values[0].gas).dividedBy(values[0].per));
        }
        if (isSource(named)) {
            return this.declared(named, () => this.services.semantics.SourceFigures.countedCo2e(named));
        }
        return undefined;
    }

    /** A unit in base units: `1 MWh` is 3 600 000 000 J. */
    unitValue(unit: UnitDecl): Quantity | undefined {
        if (unit.dimension) {
            const dimension = unit.dimension.ref;
            return dimension ? new Quantity(Rational.ONE, Dimension.base(dimension.name)) : undefined;
        }
        return this.declared(unit, () => this.evaluate(unit.value));
    }

    /** The per-gas values of a factor, checked: masses of gases per one activity dimension, one value per gas. */
    factorValues(factor: Factor): FactorValue[] | undefined {
        return this.memo.memo(this.factors, factor, () => this.declared(factor, () => this.computeFactorValues(factor)) ?? null) ?? undefined;
    }

    /**
     * The values of a source's or instrument's `factor` expression: a reference
     * to a factor gives its values; any other expression is one value.
     */
    factorExpressionValues(expression: Expression | undefined, container: AstNode, property: string): FactorValue[] | undefined {
        if (!expression) return undefined;
        if (isNameReference(expression) && isFactor(expression.target.ref)) {
            return this.factorValues(expression.target.ref);
        }
        const quantity = this.evaluate(expression);
        if (!quantity) return undefined;
        const gasPer = quantity.dimension.gasPer();
        if (!gasPer) {
            this.report('CN-NUM-003', 'factorValue', { actual: quantity.dimension }, container, property);
            return undefined;
        }
        return [{ gas: gasPer.gas, value: quantity.value, per: gasPer.per, node: expression }];
    }

    private computeFactorValues(factor: Factor): FactorValue[] | undefined {
        const values: FactorValue[] = [];
        let failed = false;
        // values and CO2e components (`… of CH4`) in the order written
        const entries = [
            ...factor.values.map((expression, index) => ({ expression, component: undefined as GasComponent | undefined, property: 'values', index })),
            ...factor.components.map((component, index) => ({ expression: component.value, component, property: 'components', index }))
        ].sort((a, b) => (a.expression.$cstNode?.offset ?? 0) - (b.expression.$cstNode?.offset ?? 0));
        for (const { expression, component, property, index } of entries) {
            const quantity = this.evaluate(expression);
            if (!quantity) {
                failed = true;
                continue;
            }
            const gasPer: { gas: string; per: Dimension; value?: Rational; basis?: string } | undefined = component ? this.componentValue(factor, component, quantity, index) : quantity.dimension.gasPer();
            if (!gasPer) {
                if (!component) this.report('CN-NUM-003', 'factorValue', { actual: quantity.dimension }, factor, property, index);
                failed = true;
                continue;
            }
            if (values.some(v => v.gas === gasPer.gas)) {
                this.report('CN-NUM-003', 'factorSameGas', { name: factor.name, gas: gasPer.gas }, factor, property, index);
                failed = true;
                continue;
            }
            if (values.length > 0 && !values[0].per.equals(gasPer.per)) {
                this.report('CN-NUM-003', 'factorActivity', { name: factor.name, first: values[0].per, second: gasPer.per }, factor, property, index);
                failed = true;
                continue;
            }
            values.push({ gas: gasPer.gas, value: gasPer.value ?? quantity.value, per: gasPer.per, node: expression, ...(gasPer.basis ? { basis: gasPer.basis } : {}) });
        }
        return failed || values.length === 0 ? undefined : values;
    }

    /**
     * A CO2e component of one gas (`0.00026 kgCO2e/kWh of CH4`, with the
     * factor's `gwp-basis AR5`) turned back into a mass of the gas: the CO2e
     * divided by the gas's GWP in the basis set (0.00026 / 28 kgCH4/kWh), so the
     * model's own GWP set weights it again. Undefined with its problem.
     */
    private componentValue(factor: Factor, component: GasComponent, quantity: Quantity, index: number): { gas: string; per: Dimension; value: Rational; basis: string } | undefined {
        const gas = component.gas.ref?.name;
        if (!gas) return undefined;
        const gasPer = quantity.dimension.gasPer();
        if (!gasPer || gasPer.gas !== 'CO2e') {
            this.report('CN-NUM-003', 'componentNotCo2e', { gas, actual: quantity.dimension }, factor, 'components', index);
            return undefined;
        }
        const basis = factor.gwpBasis?.ref;
        if (!basis) {
            if (!factor.gwpBasis) this.report('CN-NUM-003', 'noGwpBasis', { name: factor.name, gas }, factor, 'components', index);
            return undefined;
        }
        // the basis set's values are read: a changed user-declared set recomputes the factor
        this.memo.readNode(basis);
        const entry = basis.values.find(value => value.gas.ref?.name === gas);
        const gwp = entry ? Rational.parse(entry.value) : undefined;
        if (!gwp || gwp.isZero() || gwp.isNegative()) {
            this.report('CN-NUM-003', 'basisLacksGas', { set: basis.name, gas }, factor, 'gwpBasis');
            return undefined;
        }
        return { gas, per: gasPer.per, value: quantity.value.dividedBy(gwp), basis: basis.name };
    }

    private compute(expression: Expression): Quantity | undefined {
        if (isNumberLiteral(expression)) {
            return Quantity.dimensionless(Rational.parse(expression.value));
        }
        if (isNameReference(expression)) {
            return this.resolve(expression.target, expression);
        }
        if (isGapFilledPart(expression)) {
            // the month-by-month part of a source's activity with its missing months filled (`gap-fill`)
            const source = AstUtils.getContainerOfType(expression, isSource);
            return source && this.services.semantics.GapFill.of(source)?.total;
        }
        if (isAggregate(expression)) {
            return this.services.semantics.Datasets.aggregate(expression);
        }
        if (isMonthlyValues(expression)) {
            return this.monthlySum(expression);
        }
        if (isUnitProduct(expression)) {
            const value = this.evaluate(expression.value);
            const unit = this.resolve(expression.unit, expression);
            return value && unit ? value.times(unit) : undefined;
        }
        if (isNegatedExpression(expression)) {
            return this.evaluate(expression.operand)?.negated();
        }
        if (isPowerExpression(expression)) {
            // a half-typed `10^` has no exponent: the syntax error says so
            if (expression.exponent === undefined) return undefined;
            const base = this.evaluate(expression.base);
            const exponent = expression.exponent.replace(/\s+/g, '');
            if (!/^-?[0-9][0-9_]*$/.test(exponent)) {
                this.report('CN-NUM-003', 'exponent', { exponent: expression.exponent }, expression, 'exponent');
                return undefined;
            }
            const magnitude = Rational.parse(exponent.replace(/^-/, '')).toSafeInteger();
            if (magnitude === undefined) {
                this.report('CN-NUM-004', 'inexact', { reason: `the exponent ${exponent} is too large` }, expression, 'exponent');
                return undefined;
            }
            if (base && base.value.isZero() && exponent.startsWith('-') && magnitude !== 0) {
                this.report('CN-NUM-004', 'zeroNegativePower', { base: this.textOf(expression.base), exponent }, expression);
                return undefined;
            }
            return base?.pow(exponent.startsWith('-') ? -magnitude : magnitude);
        }
        if (isBinaryExpression(expression)) {
            const left = this.evaluate(expression.left);
            const right = this.evaluate(expression.right);
            if (!left || !right) return undefined;
            switch (expression.operator) {
                case '*':
                    return left.times(right);
                case '/':
                    if (right.value.isZero()) {
                        this.report('CN-NUM-004', 'divisionByZero', { operand: this.textOf(expression.right) }, expression.right);
                        return undefined;
                    }
                    return left.dividedBy(right);
                case '+':
                case '-':
                    if (!left.dimension.equals(right.dimension)) {
                        this.report(
                            'CN-NUM-003',
                            'add',
                            {
                                operation: expression.operator === '+' ? { en: 'add', 'zh-CN': '加法' } : { en: 'subtract', 'zh-CN': '减法' },
                                left: left.dimension,
                                right: right.dimension
                            },
                            expression.right
                        );
                        return undefined;
                    }
                    return expression.operator === '+' ? left.plus(right) : left.minus(right);
            }
        }
        return undefined;
    }

    /** `monthly { 2024-01 1_200 MWh … }`: the sum of its months, each month once, all of one dimension. */
    private monthlySum(expression: MonthlyValues): Quantity | undefined {
        const months = this.monthlyValues(expression);
        if (!months) return undefined;
        let total: Quantity | undefined;
        for (const value of months.values()) total = total ? total.plus(value) : value;
        return total;
    }

    /**
     * The value of each month of `monthly { … }`, in the order written: each
     * month once, all of one dimension, at least one; undefined (with the
     * problems) when not. The sum of a `monthly` value, and what a source's
     * `gap-fill` fills from (semantics/gap-fill.ts).
     */
    monthlyValues(expression: MonthlyValues): Map<string, Quantity> | undefined {
        const months = new Map<string, Quantity>();
        let dimension: Quantity['dimension'] | undefined;
        let failed = false;
        expression.months.forEach((entry, index) => {
            const month = monthOf(entry.year, entry.month);
            if (!month) {
                // (a month still being typed is a syntax error already)
                if (entry.year !== undefined && entry.month !== undefined) this.report('CN-NUM-014', 'badMonth', { value: `${entry.year}-${entry.month}` }, expression, 'months', index);
                failed = true;
                return;
            }
            if (months.has(month)) {
                this.report('CN-NUM-014', 'monthTwice', { month }, expression, 'months', index);
                failed = true;
                return;
            }
            const value = this.evaluate(entry.value);
            if (!value) {
                failed = true;
                return;
            }
            if (dimension && !dimension.equals(value.dimension)) {
                this.report('CN-NUM-003', 'add', { operation: { en: 'add', 'zh-CN': '加法' }, left: dimension, right: value.dimension }, entry.value);
                failed = true;
                return;
            }
            dimension ??= value.dimension;
            months.set(month, value);
        });
        if (failed) return undefined;
        if (months.size === 0) {
            this.report('CN-NUM-014', 'noMonths', {}, expression);
            return undefined;
        }
        return months;
    }

    private resolve(reference: Reference<Named>, at: AstNode): Quantity | undefined {
        const target = reference.ref;
        return target ? this.valueOfNamed(target, reference.$refText, at) : undefined;
    }

    /** The declarations a declaration's value refers to (through its expressions), for the cycle check. */
    private referencedDeclarations(named: Named): Named[] {
        const roots: Array<AstNode | undefined> = isFactor(named)
            ? [...named.values, ...named.components.map(component => component.value)]
            : isSource(named)
              ? [named.activity, named.factor, named.emissions]
              : isLet(named) || isOutput(named) || isUnitDecl(named)
                ? [named.value]
                : [];
        const targets: Named[] = [];
        for (const root of roots) {
            if (!root) continue;
            for (const node of AstUtils.streamAst(root)) {
                if (isNameReference(node) || isUnitProduct(node)) {
                    const target = isNameReference(node) ? node.target.ref : node.unit.ref;
                    if (target && (isLet(target) || isOutput(target) || isUnitDecl(target) || isFactor(target) || isSource(target))) targets.push(target);
                }
            }
        }
        return targets;
    }

    /** The path from a declaration back to itself through its references (depth first), if there is one. */
    private cyclePath(start: Named): string[] | undefined {
        const path = cyclePath(
            start,
            named => this.referencedDeclarations(named),
            target => {
                // the built-in library refers only to itself: no path through it leads back to a model's declaration
                if (isBuiltinNode(target)) return false;
                this.memo.readNode(target);
                return true;
            }
        );
        return path?.map(named => named.name);
    }

    /** Runs a computation, turning division by zero and inexact figures into problems at `node`. */
    guarded<T>(node: AstNode, compute: () => T | undefined): T | undefined {
        try {
            return compute();
        } catch (error) {
            if (error instanceof DivisionByZeroError) {
                this.report('CN-NUM-004', 'divisionByZero', { operand: this.textOf(node) }, node);
                return undefined;
            }
            if (error instanceof InexactFigureError) {
                this.report('CN-NUM-004', 'inexact', { reason: error.reason }, node);
                return undefined;
            }
            throw error;
        }
    }

    /** Evaluates a declaration's value with a guard against cycles (`let a = b`, `let b = a`). */
    private declared<T>(declaration: AstNode, compute: () => T | undefined): T | undefined {
        this.active.add(declaration);
        try {
            return compute();
        } finally {
            this.active.delete(declaration);
        }
    }

    private massUnit(name: string): Quantity | undefined {
        if (!this.massUnits.has(name)) {
            const unit = this.services.shared.workspace.IndexManager.allElements('UnitDecl').find(desc => desc.name === name && isBuiltinUri(desc.documentUri))?.node;
            this.massUnits.set(name, unit && isUnitDecl(unit) ? (this.unitValue(unit) ?? null) : null);
        }
        return this.massUnits.get(name) ?? undefined;
    }

    private textOf(node: AstNode): string {
        return node.$cstNode?.text ?? '';
    }

    /** A problem of the figure under way, kept with it. */
    report(rule: string, key: string, params: Record<string, ProblemParam>, node: AstNode, property?: string, index?: number): void {
        this.memo.report({ rule, key, params, node, property, index });
    }
}
