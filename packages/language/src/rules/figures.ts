import type { Rule } from './rule.js';

/** Language and figures beyond the parser and evaluator: CN-NUM-007 (plausible factor values) and CN-NUM-008 (names that shadow the library). */
export const FIGURE_RULES: readonly Rule[] = [];
