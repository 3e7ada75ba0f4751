import type { AstNode } from 'langium';
import type { LocalizedText } from '../i18n/locale.js';
import { Dimension } from './dimension.js';
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

/** Whether two findings' parameters say the same (texts alike, dimensions equal, figures equal in the same unit): their messages are the same. */
export function sameProblemParams(a: Readonly<Record<string, ProblemParam>>, b: Readonly<Record<string, ProblemParam>>): boolean {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every(key => sameParam(a[key], b[key]));
}

function sameParam(a: ProblemParam | undefined, b: ProblemParam | undefined): boolean {
    if (a === b) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (a instanceof Dimension || b instanceof Dimension) return a instanceof Dimension && b instanceof Dimension && a.equals(b);
    if ('figure' in a || 'figure' in b) return 'figure' in a && 'figure' in b && a.unit === b.unit && a.figure.equals(b.figure);
    return a.en === b.en && a['zh-CN'] === b['zh-CN'];
}
