import type { Rule } from './rule.js';

/** Claim gates (ISO 14068-1): completeness, reduction before offsetting, commitments that age. */
export const CLAIM_RULES: readonly Rule[] = [];
