import type { Rule } from './rule.js';

/** Clause 8: operation (8.1 operational control, 8.2 design, 8.3 procurement). */
export const OPERATION_RULES: readonly Rule[] = [];
