import type { ValidationChecks } from 'langium';
import type { CnmsAstType } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';

/**
 * The one place where the rules are registered with the validator: the
 * language rules per file, and every clause rule of the catalogue through the
 * model-wide runner (rules/model-rules.ts), once per model per build.
 */
export function registerRules(services: CnmsServices): void {
    const rules = services.rules;
    const checks: ValidationChecks<CnmsAstType> = {
        CnmsFile: [
            (file, accept) => rules.Language.checkInModel(file, accept),
            (file, accept) => rules.Language.checkDuplicateProperties(file, accept),
            (file, accept) => rules.Language.checkDuplicateNames(file, accept),
            (file, accept) => rules.Language.checkFigures(file, accept),
            (file, accept) => rules.Model.check(file, accept)
        ]
    };
    services.validation.ValidationRegistry.register(checks);
}
