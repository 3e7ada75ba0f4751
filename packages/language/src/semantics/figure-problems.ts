import type { AstNode, LangiumSharedCoreServices } from 'langium';
import { AstUtils, WorkspaceCache } from 'langium';
import type { LocalizedText } from '../i18n/locale.js';
import type { Dimension } from './dimension.js';
import type { Rational } from './rational.js';

/** A message parameter; dimensions, figures and texts are put into words in the reader's language when reported. */
export type ProblemParam = string | Dimension | LocalizedText | { figure: Rational; unit: string };

/** A problem that computing a figure found: which rule, which message, and where. */
export interface FigureProblem {
    readonly rule: string;
    readonly key: string;
    readonly params: Readonly<Record<string, ProblemParam>>;
    readonly node: AstNode;
    readonly property?: string;
    readonly index?: number;
}

/**
 * The problems found while computing figures, by document. Each figure is
 * computed once per workspace state (the evaluator caches it), so each
 * problem is recorded once and reported by the document that holds it.
 */
export class CnmsFigureProblems {
    private readonly byDocument: WorkspaceCache<string, FigureProblem[]>;

    constructor(shared: LangiumSharedCoreServices) {
        this.byDocument = new WorkspaceCache(shared);
    }

    add(problem: FigureProblem): void {
        const uri = AstUtils.getDocument(problem.node).uri.toString();
        this.byDocument.get(uri, () => []).push(problem);
    }

    forDocument(uri: string): readonly FigureProblem[] {
        return this.byDocument.get(uri, () => []);
    }
}
