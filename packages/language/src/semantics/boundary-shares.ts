import type { Removal, Site, Source } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import { checkedProperty, DIMENSIONLESS } from './property-checks.js';
import type { FigureStore } from './figure-memo.js';
import { Rational } from './rational.js';

/**
 * The share of each site's figures that the organisation counts: its equity
 * `share` under equity-share consolidation, all of it under control
 * approaches (language.md §4).
 */
export class CnmsBoundaryShares {
    private readonly services: CnmsServices;
    private readonly shares: FigureStore<Site, Rational | null>;

    constructor(services: CnmsServices) {
        this.services = services;
        this.shares = services.semantics.FigureMemo.store();
    }

    /** The site's checked share (0 … 1) as written, whatever the consolidation; undefined when absent or wrong. */
    declaredShare(site: Site): Rational | undefined {
        return this.services.semantics.FigureMemo.memo(this.shares, site, () =>
            checkedProperty(this.services.semantics.Evaluator, site, 'share', DIMENSIONLESS, 'share')?.value ?? null
        ) ?? undefined;
    }

    /** The share that applies to a source or removal, or undefined when it cannot be known (reported by CN-4.3-003/004). */
    shareOf(element: Source | Removal): Rational | undefined {
        const model = this.services.references.Models.modelOfNode(element);
        const settings = this.services.semantics.OrganizationSettings.of(model);
        if (settings.consolidation !== 'equity-share') return Rational.ONE;
        const site = element.site?.ref;
        if (!site) return undefined;
        const share = this.declaredShare(site);
        return share && !share.isZero() ? share : undefined;
    }
}
