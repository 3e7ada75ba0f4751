import type { Rule } from './rule.js';

/** Clause 5: leadership (5.1 leadership and commitment, 5.2 policy, 5.3 roles). */
export const LEADERSHIP_RULES: readonly Rule[] = [];
