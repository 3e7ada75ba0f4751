import type { Rule } from './rule.js';

/** Clause 6.5: targets and the carbon-neutrality management plan. */
export const TARGET_RULES: readonly Rule[] = [];
