import type { Rule } from './rule.js';

/** Clause 10: improvement (10.2 nonconformity and corrective action, 10.3 continual improvement). */
export const IMPROVEMENT_RULES: readonly Rule[] = [];
