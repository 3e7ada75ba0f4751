import type { Rule } from './rule.js';

/** Clause 6.3: reduction measures. */
export const REDUCTION_RULES: readonly Rule[] = [];
