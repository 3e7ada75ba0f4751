import { AstUtils } from 'langium';
import type { Expression } from '../generated/ast.js';
import { isGasDecl, isNameReference, isNumberLiteral, isPowerExpression, isUnitDecl, isUnitProduct } from '../generated/ast.js';

/**
 * A value as the user wrote it — a number followed by units only
 * (`320_000 MWh`, `56100 kgCO2/TJ`, `389.31 GJ/(10^4 Nm3)`) — split into the
 * number's text and the unit's text, so that reports show the unit the user
 * chose. Undefined when the expression is anything else (a product of named
 * values, a sum …): then a conventional display unit is used.
 */
export function writtenUnit(expression: Expression | undefined): { number: string; unit: string } | undefined {
    if (!expression?.$cstNode) return undefined;
    const leaves = AstUtils.streamAst(expression)
        .filter(node => isNumberLiteral(node) || isNameReference(node) || isUnitProduct(node))
        .toArray();
    const numbers = leaves.filter(isNumberLiteral);
    const first = numbers[0];
    if (!first || !first.$cstNode || first.$cstNode.offset !== expression.$cstNode.offset) return undefined;
    // any other number must be part of a power in the unit (the 10^4 of `GJ/(10^4 Nm3)`)
    if (!numbers.slice(1).every(number => AstUtils.getContainerOfType(number, isPowerExpression) !== undefined)) return undefined;
    const names = leaves.filter(isNameReference).every(ref => isUnitDecl(ref.target.ref) || isGasDecl(ref.target.ref));
    const units = leaves.filter(isUnitProduct).every(product => isUnitDecl(product.unit.ref) || isGasDecl(product.unit.ref));
    if (!names || !units) return undefined;
    const text = expression.$cstNode.text;
    const rest = text.slice(first.$cstNode.length).trim();
    if (rest === '' || /^[+\-*]/.test(rest)) return undefined;
    return { number: first.value, unit: rest.replace(/\s+/g, ' ') };
}
