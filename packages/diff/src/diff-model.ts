/**
 * What changed between two revisions of a model, as `cnms diff --format json`
 * prints it. Figures are exact decimal strings in tCO2e (delta = after −
 * before); `causes` of a source's change sum exactly to its delta.
 */
export interface ModelDiff {
    readonly format_version: '1.0';
    readonly model: string | null;
    readonly before: { readonly revision: string; readonly commit: string | null };
    readonly after: { readonly revision: string; readonly commit: string | null };
    readonly summary: string;
    readonly changes: readonly DiffChange[];
    readonly totals: {
        readonly emissions: FigureChange;
        readonly removals: FigureChange;
        readonly offsets: FigureChange;
        readonly net: FigureChange & { readonly percent: string | null };
        readonly byCategory: Readonly<Record<string, FigureChange>>;
        readonly byScope: Readonly<Record<'1' | '2-location' | '2-market' | '3', FigureChange>>;
    };
    readonly neutrality: { readonly period: string | null; readonly before: boolean; readonly after: boolean; readonly status: 'kept' | 'lost' | 'gained' | 'still-not'; readonly shortfall: string | null };
    readonly targets: ReadonlyArray<{ readonly id: string; readonly before: number | null | 'absent'; readonly after: number | null | 'absent' }>;
    readonly findings: { readonly gained: readonly DiffFinding[]; readonly lost: readonly DiffFinding[] };
    /** Files that do not parse at one of the revisions: what could be compared still is. */
    readonly unparsable: { readonly before: readonly string[]; readonly after: readonly string[] };
    /**
     * The goods whose specific embedded emissions changed (tCO2e/t; docs/cbam.md), with the causes
     * of the change of their total; present only when a revision declares a process.
     */
    readonly products?: readonly ProductChange[];
}

export interface ProductChange {
    /** The good's name; `process` the process that makes it (at the later revision, else the earlier). */
    readonly id: string;
    readonly process: string;
    readonly action: 'added' | 'removed' | 'changed';
    readonly see: FigureChange;
    readonly seeDirect: FigureChange;
    readonly seeIndirect: FigureChange;
    /** Sum exactly to `see.delta`: attributed-direct, attributed-indirect, precursors, activity-level. */
    readonly causes: ReadonlyArray<{ readonly cause: string; readonly delta: string }>;
}

export interface FigureChange {
    readonly before: string | null;
    readonly after: string | null;
    readonly delta: string | null;
}

export interface DiffChange {
    /** source, removal, offset, instrument, factor, target, plan, claim, site, … and the management-system elements. */
    readonly kind: string;
    readonly id: string;
    readonly action: 'added' | 'removed' | 'changed';
    /** Counted tCO2e for sources, removals and offsets; the declaration's text otherwise. */
    readonly before: string | null;
    readonly after: string | null;
    readonly delta: string | null;
    readonly causes: ReadonlyArray<{ readonly cause: string; readonly delta: string }>;
}

export interface DiffFinding {
    readonly rule: string;
    readonly element: string;
    readonly severity: 'error' | 'warning' | 'info';
    readonly message: string;
}
