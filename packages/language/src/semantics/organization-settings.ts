import type { Consolidation, GwpSet, Organization, Scope2Method } from '../generated/ast.js';
import { isGwpSet } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import { isBuiltinUri } from '../workspace/builtin-library.js';
import { ORGANIZATIONS_KEY, type FigureStore } from './figure-memo.js';
import { Dimension } from './dimension.js';
import { isPeriodRange, periodRange, type PeriodRange } from './period.js';
import { Rational } from './rational.js';
import type { FactorValue } from './evaluator.js';
import { checkedResidualFactor } from './residual-mix.js';

/** The organisation's properties with their documented defaults (docs/language-defaults.md). */
export interface OrganizationSettings {
    readonly organization?: Organization;
    readonly consolidation: Consolidation;
    readonly scope2: Scope2Method;
    /** The GWP set in force: the declared one, else AR6 from the library. */
    readonly gwpSet?: GwpSet;
    readonly gwpValues: ReadonlyMap<string, Rational>;
    readonly period?: PeriodRange;
    readonly materiality: Rational;
    readonly recalculationThreshold: Rational;
    /** The organisation's `residual-factor` (semantics/residual-mix.ts): the default for its category-2 sources; 'invalid' when it is wrong. */
    readonly residualFactor?: readonly FactorValue[] | 'invalid';
}

export const DEFAULT_GWP_SET = 'AR6';
const ONE_PERCENT = Rational.parse('0.01');
const FIVE_PERCENT = Rational.parse('0.05');

/** Reads the organisation of a model once per workspace state. */
export class CnmsOrganizationSettings {
    private readonly services: CnmsServices;
    private readonly cache: FigureStore<object, OrganizationSettings> = new WeakMap();

    constructor(services: CnmsServices) {
        this.services = services;
    }

    of(model: string): OrganizationSettings {
        const memo = this.services.semantics.FigureMemo;
        return memo.memo(this.cache, this.services.references.Models.keyObject(model), () => this.compute(model));
    }

    private compute(model: string): OrganizationSettings {
        const memo = this.services.semantics.FigureMemo;
        // which file declares the organisation, and what it says
        memo.read(ORGANIZATIONS_KEY);
        const organization = this.services.references.Models.organizationOf(model);
        if (organization) memo.readNode(organization);
        const gwpSet = organization?.gwp ? organization.gwp.ref : this.libraryGwpSet(DEFAULT_GWP_SET);
        if (gwpSet) memo.readNode(gwpSet);
        const gwpValues = new Map<string, Rational>();
        for (const entry of gwpSet?.values ?? []) {
            const gas = entry.gas.ref;
            if (gas) gwpValues.set(gas.name, Rational.parse(entry.value));
        }
        const range = organization?.period ? periodRange(organization.period) : undefined;
        return {
            organization,
            consolidation: organization?.consolidation ?? 'operational-control',
            scope2: organization?.scope2 ?? 'location-based',
            gwpSet,
            gwpValues,
            period: range && isPeriodRange(range) ? range : undefined,
            materiality: this.fraction(organization?.materiality) ?? ONE_PERCENT,
            recalculationThreshold: this.fraction(organization?.recalculationThreshold) ?? FIVE_PERCENT,
            residualFactor: organization ? checkedResidualFactor(this.services.semantics.Evaluator, organization, { values: gwpValues, set: gwpSet?.name ?? '—' }) : undefined
        };
    }

    private fraction(expression: Organization['materiality']): Rational | undefined {
        const quantity = this.services.semantics.Evaluator.evaluate(expression);
        return quantity && quantity.dimension.equals(Dimension.NONE) ? quantity.value : undefined;
    }

    private libraryGwpSet(name: string): GwpSet | undefined {
        const node = this.services.shared.workspace.IndexManager.allElements('GwpSet').find(desc => desc.name === name && isBuiltinUri(desc.documentUri))?.node;
        return isGwpSet(node) ? node : undefined;
    }
}
