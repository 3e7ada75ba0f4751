import type { Rule } from './rule.js';

/** Clause 9: performance evaluation (9.1 monitoring and evaluation, 9.2 internal audit, 9.3 management review). */
export const EVALUATION_RULES: readonly Rule[] = [];
