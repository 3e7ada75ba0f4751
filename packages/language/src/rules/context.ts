import type { ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import type { Removal, Site, Source } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import { isBuiltinUri } from '../workspace/builtin-library.js';

/** Clause 4.3: the organisational boundary (the rules that the figures depend on). */
export class CnmsContextRules {
    constructor(private readonly services: CnmsServices) {}

    /** CN-4.3-003: every source and removal is `at` a declared site of the model. */
    checkAtSite(element: Source | Removal, accept: ValidationAcceptor): void {
        const uri = AstUtils.getDocument(element).uri;
        if (isBuiltinUri(uri) || this.services.references.Models.isInNoModel(uri)) return;
        if (!element.site) {
            this.services.rules.Reporter.report(accept, {
                rule: 'CN-4.3-003', key: 'missingSite',
                params: { kind: this.services.I18n.text(element.$type === 'Source' ? 'kind.Source' : 'kind.Removal'), name: element.name },
                node: element, property: 'name'
            });
        }
    }

    /** CN-4.3-004: under equity-share consolidation every site has a share in (0, 100 %]. */
    checkEquityShare(site: Site, accept: ValidationAcceptor): void {
        const models = this.services.references.Models;
        const uri = AstUtils.getDocument(site).uri;
        if (isBuiltinUri(uri) || models.isInNoModel(uri)) return;
        const settings = this.services.semantics.OrganizationSettings.of(models.modelOf(uri));
        if (settings.consolidation !== 'equity-share') return;
        const reporter = this.services.rules.Reporter;
        if (!site.share) {
            reporter.report(accept, { rule: 'CN-4.3-004', key: 'missingShare', params: { name: site.name }, node: site, property: 'name' });
            return;
        }
        const share = this.services.semantics.BoundaryShares.declaredShare(site);
        if (share?.isZero()) {
            reporter.report(accept, { rule: 'CN-4.3-004', key: 'zeroShare', params: { name: site.name }, node: site, property: 'share' });
        }
    }
}
