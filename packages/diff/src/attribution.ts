import { figuresFromInputs, Rational, tonnes, type ProcessFigures, type SourceInputs } from '@cnms/language';

/** The parts of a source's change, in the order they are substituted. */
export type Cause = 'activity' | 'factor' | 'gwp' | 'share' | 'scope2' | 'category';

/**
 * The documented order of sequential substitution: the before-revision's
 * inputs are replaced by the after-revision's one part at a time, and each
 * part is credited with the change it makes; the parts sum exactly to the
 * whole change (a telescoping sum of exact figures).
 */
export const CAUSE_ORDER: readonly Cause[] = ['activity', 'factor', 'gwp', 'share', 'scope2', 'category'];

const REPLACE: Record<Cause, (state: SourceInputs, after: SourceInputs) => SourceInputs> = {
    activity: (state, after) => ({ ...state, activity: after.activity }),
    factor: (state, after) => ({ ...state, factor: after.factor }),
    gwp: (state, after) => ({ ...state, gwp: after.gwp }),
    share: (state, after) => ({ ...state, share: after.share }),
    scope2: (state, after) => ({ ...state, scope2: after.scope2, instruments: after.instruments, residual: after.residual }),
    category: (state, after) => ({ ...state, category: after.category, biogenic: after.biogenic })
};

/**
 * Attributes the change of a source's counted emissions (tCO2e) to its causes.
 * Causes with no effect are left out. Where an intermediate state cannot be
 * computed (a gas that the earlier GWP set lacks), what remains is credited
 * to `other`, so the parts still sum exactly.
 */
export function attribute(before: SourceInputs, after: SourceInputs): Array<{ cause: Cause | 'other'; delta: Rational }> {
    const parts: Array<{ cause: Cause | 'other'; delta: Rational }> = [];
    const start = figuresFromInputs(before);
    const end = figuresFromInputs(after);
    if (!start || !end) return [];
    let state = before;
    let previous = tonnes(start.co2e);
    for (const cause of CAUSE_ORDER) {
        const next = REPLACE[cause](state, after);
        // an input that is the same at both revisions (most are) changes nothing
        if (sameValue(next, state)) continue;
        const figures = figuresFromInputs(next);
        if (!figures) {
            const rest = tonnes(end.co2e).minus(previous);
            if (!rest.isZero()) parts.push({ cause: 'other', delta: rest });
            return parts;
        }
        const value = tonnes(figures.co2e);
        const delta = value.minus(previous);
        if (!delta.isZero()) parts.push({ cause, delta });
        state = next;
        previous = value;
    }
    return parts;
}

/** Exact equality of inputs (then they give the same figures): rationals by value, maps, lists and records member by member. */
function sameValue(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (a instanceof Rational || b instanceof Rational) return a instanceof Rational && b instanceof Rational && a.equals(b);
    if (a instanceof Map || b instanceof Map) {
        if (!(a instanceof Map) || !(b instanceof Map) || a.size !== b.size) return false;
        for (const [key, value] of a) if (!b.has(key) || !sameValue(value, b.get(key))) return false;
        return true;
    }
    if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every(key => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** The parts of a change of a good's specific embedded emissions, in the order they are substituted. */
export type SeeCause = 'attributed-direct' | 'attributed-indirect' | 'precursors' | 'activity-level' | 'content';

export const SEE_CAUSE_ORDER: readonly SeeCause[] = ['attributed-direct', 'attributed-indirect', 'precursors', 'activity-level', 'content'];

/**
 * The terms of a good's SEE = (AttrEm direct + AttrEm indirect + EE_InpMat) /
 * AL × content (docs/cbam.md): AL in the process's functional unit (tonnes,
 * t of clinker or kg of nitrogen), the content the good's functional units
 * per tonne (1 where the unit is the tonne; 2025/2547 Equations 64–66).
 */
interface SeeTerms {
    readonly direct: Rational;
    readonly indirect: Rational;
    readonly precursors: Rational;
    readonly activity: Rational;
    readonly content: Rational;
}

const SEE_REPLACE: Record<SeeCause, (state: SeeTerms, after: SeeTerms) => SeeTerms> = {
    'attributed-direct': (state, after) => ({ ...state, direct: after.direct }),
    'attributed-indirect': (state, after) => ({ ...state, indirect: after.indirect }),
    precursors: (state, after) => ({ ...state, precursors: after.precursors }),
    'activity-level': (state, after) => ({ ...state, activity: after.activity }),
    content: (state, after) => ({ ...state, content: after.content })
};

function termsOf(figures: ProcessFigures, content: Rational): SeeTerms {
    return {
        direct: figures.attributedDirect,
        indirect: figures.attributedIndirect,
        precursors: figures.precursorDirect.plus(figures.precursorIndirect),
        activity: figures.functionalActivityLevel,
        content
    };
}

const seeOf = (terms: SeeTerms) => terms.direct.plus(terms.indirect).plus(terms.precursors).dividedBy(terms.activity).times(terms.content);

/**
 * Attributes the change of a good's specific embedded emissions (tCO2e/t,
 * direct + indirect) to its causes by the same sequential substitution as a
 * source's: the process's attributed direct and indirect emissions, its
 * precursors' embedded emissions (their masses and their own figures), its
 * activity level, then the good's content (clinker or nitrogen per tonne,
 * where that is the functional unit). The parts sum exactly to the change;
 * those with no effect are left out.
 */
export function attributeSee(before: { figures: ProcessFigures; content: Rational }, after: { figures: ProcessFigures; content: Rational }): Array<{ cause: SeeCause; delta: Rational }> {
    const parts: Array<{ cause: SeeCause; delta: Rational }> = [];
    const end = termsOf(after.figures, after.content);
    let state = termsOf(before.figures, before.content);
    let previous = seeOf(state);
    for (const cause of SEE_CAUSE_ORDER) {
        state = SEE_REPLACE[cause](state, end);
        const value = seeOf(state);
        const delta = value.minus(previous);
        if (!delta.isZero()) parts.push({ cause, delta });
        previous = value;
    }
    return parts;
}
