import { figuresFromInputs, Rational, tonnes, type SourceInputs } from '@cnms/language';

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
