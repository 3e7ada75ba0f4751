import type { Removal, Site, Source } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import { checkedProperty, DIMENSIONLESS } from './property-checks.js';
import type { FigureStore } from './figure-memo.js';
import { Rational } from './rational.js';

/**
 * The share of each site's figures that the organisation counts: its equity
 * `share` under equity-share consolidation (language.md §4); under operational
 * or financial control what its `control` says: `full` (the default) 100 %,
 * `joint P %` P, `none` 0 % (GHG Protocol Corporate Standard, ch. 3;
 * docs/methods.md). A share of 0 % is allowed: the site stays in the boundary
 * and counts nothing.
 */
export class CnmsBoundaryShares {
    private readonly services: CnmsServices;
    private readonly shares: FigureStore<Site, Rational | null>;
    private readonly controlShares: FigureStore<Site, Rational | null>;

    constructor(services: CnmsServices) {
        this.services = services;
        this.shares = services.semantics.FigureMemo.store();
        this.controlShares = services.semantics.FigureMemo.store();
    }

    /** The site's checked share (0 … 1) as written, whatever the consolidation; undefined when absent or wrong. */
    declaredShare(site: Site): Rational | undefined {
        return this.services.semantics.FigureMemo.memo(this.shares, site, () => checkedProperty(this.services.semantics.Evaluator, site, 'share', DIMENSIONLESS, 'share')?.value ?? null) ?? undefined;
    }

    /** The share a site counts under operational or financial control: `control full` (default) 1, `joint P %` P, `none` 0; undefined when P is wrong (CN-NUM-003/005). */
    controlShare(site: Site): Rational | undefined {
        // kept per site like its equity share, so a figure that uses it reads the site (a changed `control` recomputes it)
        return (
            this.services.semantics.FigureMemo.memo(this.controlShares, site, () => {
                switch (site.control) {
                    case 'none':
                        return Rational.ZERO;
                    case 'joint':
                        return checkedProperty(this.services.semantics.Evaluator, site, 'jointShare', DIMENSIONLESS, 'share')?.value ?? null;
                    default:
                        return Rational.ONE;
                }
            }) ?? undefined
        );
    }

    /** The share that applies to a source or removal, or undefined when it cannot be known (reported by CN-4.3-003/004, CN-NUM-003/005). */
    shareOf(element: Source | Removal): Rational | undefined {
        const model = this.services.references.Models.modelOfNode(element);
        const settings = this.services.semantics.OrganizationSettings.of(model);
        const site = element.site?.ref;
        if (settings.consolidation !== 'equity-share') return site ? this.controlShare(site) : Rational.ONE;
        return site ? this.declaredShare(site) : undefined;
    }
}
