import type { Rule } from './rule.js';

/** Clause 6.4: offset accounting (ISO 14068-1 clause 11). */
export const OFFSET_RULES: readonly Rule[] = [];
