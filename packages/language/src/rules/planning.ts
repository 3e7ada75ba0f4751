import type { Rule } from './rule.js';

/** Clause 6.1 (risks, opportunities, compliance obligations) and 6.6 (planning of changes). */
export const PLANNING_RULES: readonly Rule[] = [];
