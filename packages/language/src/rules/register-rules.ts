import type { ValidationChecks } from 'langium';
import type { CnmsAstType } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';

/** The one place where every rule is registered with the validator, on the node type it checks. */
export function registerRules(services: CnmsServices): void {
    const rules = services.rules;
    const checks: ValidationChecks<CnmsAstType> = {
        CnmsFile: [
            (file, accept) => rules.Language.checkInModel(file, accept),
            (file, accept) => rules.Language.checkDuplicateProperties(file, accept),
            (file, accept) => rules.Language.checkDuplicateNames(file, accept),
            (file, accept) => rules.Language.checkFigures(file, accept)
        ],
        Organization: (node, accept) => rules.Accounting.checkPeriod(node, accept),
        Site: (node, accept) => rules.Context.checkEquityShare(node, accept),
        Source: (node, accept) => rules.Context.checkAtSite(node, accept),
        Removal: (node, accept) => rules.Context.checkAtSite(node, accept)
    };
    services.validation.ValidationRegistry.register(checks);
}
