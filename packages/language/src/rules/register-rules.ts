import type { ValidationChecks } from 'langium';
import type { CnmsAstType } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';

/**
 * The one place where the rules are registered with the validator: the
 * language rules that depend on one file alone. The figures' problems, the
 * duplicate names and the clause rules of the catalogue depend on the whole
 * model; validation/cnms-model-validation.ts runs them (rules/model-rules.ts
 * once per model per build).
 */
export function registerRules(services: CnmsServices): void {
    const rules = services.rules;
    const checks: ValidationChecks<CnmsAstType> = {
        CnmsFile: [(file, accept) => rules.Language.checkInModel(file, accept), (file, accept) => rules.Language.checkDuplicateProperties(file, accept), (file, accept) => rules.Language.checkYears(file, accept)]
    };
    services.validation.ValidationRegistry.register(checks);
}
