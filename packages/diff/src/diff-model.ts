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
    /** Sum exactly to `see.delta`: attributed-direct, attributed-indirect, precursors, activity-level, content. */
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
    readonly causes: readonly DiffCause[];
    /** Where the declaration is in the newer revision (file relative to the repository root, line from 1); null when it was removed. */
    readonly at: { readonly file: string; readonly line: number } | null;
}

/** A part of a source's change: what changed in its input and what that did to the figure. */
export interface DiffCause {
    readonly cause: string;
    /** tCO2e this part adds to the source's counted emissions. */
    readonly delta: string;
    /**
     * The input as written at each revision (`320_000 MWh` → `345_000 MWh`) and,
     * for the activity, its relative change in percent (exact decimal string);
     * null where the cause is no single written input (the GWP set, a site's share, the scope-2 method).
     */
    readonly input: { readonly before: string; readonly after: string; readonly percent: string | null } | null;
}

export interface DiffFinding {
    readonly rule: string;
    readonly element: string;
    readonly severity: 'error' | 'warning' | 'info';
    readonly message: string;
}
