import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import type { CnmsFile } from '../generated/ast.js';
import { isDuration } from '../generated/ast.js';
import { FIRST_YEAR, isDurationInRange, isYearInRange, LAST_YEAR } from '../semantics/dates.js';
import type { Finding } from './rule-reporter.js';

/** Properties that hold a year, with the keyword that writes them (a period's year is written `period 2024`). */
const YEAR_PROPERTIES = { year: 'year', baseYear: 'base-year', vintage: 'vintage', from: 'from', removalsOnlyFrom: 'removals-only-from', neutralBy: 'neutral-by' } as const;
/** Properties that hold a date (`2024-03-01`). */
const DATE_PROPERTIES = ['start', 'end', 'retired', 'updated', 'verifiedOn', 'approved', 'date', 'calibrated', 'due', 'verified'] as const;

/**
 * CN-NUM-012: every year, date and duration written in the file that leaves
 * the years cnms works with (FIRST_YEAR … LAST_YEAR, semantics/dates.ts).
 */
export function yearRangeFindings(file: CnmsFile): Finding[] {
    const findings: Finding[] = [];
    const params = (value: string) => ({ value, first: String(FIRST_YEAR), last: String(LAST_YEAR) });
    for (const node of AstUtils.streamAst(file)) {
        const record = node as AstNode & Record<string, unknown>;
        for (const [property, keyword] of Object.entries(YEAR_PROPERTIES)) {
            const value = record[property];
            if (typeof value !== 'string' || isYearInRange(Number(value.replace(/_/g, '')))) continue;
            findings.push({ rule: 'CN-NUM-012', key: 'year', params: { ...params(value), property: node.$type === 'Period' ? 'period' : keyword }, node, property });
        }
        for (const property of DATE_PROPERTIES) {
            const value = record[property];
            if (typeof value !== 'string' || !/^\d{4}-/.test(value) || isYearInRange(Number(value.slice(0, 4)))) continue;
            findings.push({ rule: 'CN-NUM-012', key: 'date', params: params(value), node, property });
        }
        if (isDuration(node) && !isDurationInRange(node)) {
            findings.push({ rule: 'CN-NUM-012', key: 'duration', params: params(`${node.count} ${node.unit}`), node });
        }
    }
    return findings;
}
