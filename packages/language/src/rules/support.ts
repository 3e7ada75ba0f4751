import type { Rule } from './rule.js';

/** Clause 7: support (7.1 monitoring resources, 7.2 competence, 7.5 documented information). */
export const SUPPORT_RULES: readonly Rule[] = [];
