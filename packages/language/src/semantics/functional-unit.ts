/**
 * The functional unit of a good, which its CN code fixes (Implementing
 * Regulation (EU) 2025/2547, Article 4(2)–(5); docs/cbam.md): tonnes of the
 * good as the general rule, tonnes of clinker contained for cements,
 * kilograms of nitrogen contained for nitric acid, ammonia and mixed
 * fertilisers, and the CN supplementary unit for the other fertilisers.
 */
export type FunctionalUnit = 't' | 't clinker' | 'kg N';

/** What a CN code makes the functional unit: one CNMS computes, or the supplementary unit of Article 4(4)(b). */
export type CnFunctionalUnit = FunctionalUnit | 'supplementary';

/** A CN code compared without its spaces and dots: `7208 39 00` is `72083900`. */
export function cnKey(cn: string): string {
    return cn.replace(/[\s.]/g, '');
}

/** Article 4(5): cement clinker and cements, whose functional unit is the tonnes of clinker they contain. */
const CLINKER_CODES = new Set(['25231000', '25232100', '25232900', '25239000']);
/** Cement clinker itself (2523 10 00): a tonne of it is a tonne of clinker. */
export const CLINKER_CN = '25231000';

/** The functional unit the CN code of a good fixes; tonnes when it has none. */
export function functionalUnitOfCn(cn: string | undefined): CnFunctionalUnit {
    if (cn === undefined) return 't';
    const key = cnKey(cn);
    if (CLINKER_CODES.has(key)) return 't clinker';
    // Article 4(4)(a): 2808 00 00, 2814 and 3105 (3105 60 00, phosphorus and potassium only, is not a CBAM good)
    if (key === '28080000' || key.startsWith('2814') || (key.startsWith('3105') && key !== '31056000')) return 'kg N';
    // Article 4(4)(b): the other fertilisers of Annex I to Regulation (EU) 2023/956, 3102 and 2834 21 00
    if (key.startsWith('3102') || key === '28342100') return 'supplementary';
    return 't';
}
