import type { AstNode } from 'langium';
import type { LocalizedText } from '../i18n/locale.js';
import type { Dimension } from './dimension.js';
import type { Rational } from './rational.js';

/** A message parameter; dimensions, figures and texts are put into words in the reader's language when reported. */
export type ProblemParam = string | Dimension | LocalizedText | { figure: Rational; unit: string };

/**
 * A problem that computing a figure found: which rule, which message, and
 * where. It is kept with the figure whose computation found it
 * (semantics/figure-memo.ts), never recorded on the side.
 */
export interface FigureProblem {
    readonly rule: string;
    readonly key: string;
    readonly params: Readonly<Record<string, ProblemParam>>;
    readonly node: AstNode;
    readonly property?: string;
    readonly index?: number;
}
