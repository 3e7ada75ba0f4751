import type { ValidationAcceptor } from 'langium';
import type { Organization } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import { isPeriodRange, isTwelveMonths, periodRange } from '../semantics/period.js';

/** Clause 6.2: emission accounting (the rules that the figures depend on). */
export class CnmsAccountingRules {
    constructor(private readonly services: CnmsServices) {}

    /** CN-6.2-001: a reporting period; a range runs forwards and, if not 12 months, is flagged. */
    checkPeriod(organization: Organization, accept: ValidationAcceptor): void {
        const reporter = this.services.rules.Reporter;
        if (!organization.period) {
            reporter.report(accept, { rule: 'CN-6.2-001', key: 'missing', params: { name: organization.name }, node: organization, property: 'name' });
            return;
        }
        const range = periodRange(organization.period);
        if (!isPeriodRange(range)) {
            reporter.report(accept, { rule: 'CN-6.2-001', key: range.key, params: range.params, node: organization, property: 'period' });
            return;
        }
        if (organization.period.start && !isTwelveMonths(range)) {
            reporter.report(accept, { rule: 'CN-6.2-001', key: 'notTwelveMonths', params: { start: range.start, end: range.end }, node: organization, property: 'period', severity: 'warning' });
        }
    }
}
