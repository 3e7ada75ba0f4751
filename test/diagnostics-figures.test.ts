// Figure problems (rules.md, "Language and figures": CN-NUM-002 … 006) are
// reported with the right rule code, at the right place (line, column and the
// text of the range), with a message that says what is wrong; a source that
// cannot be computed is left out of the totals while the others still count.
import { describe, expect, test } from 'vitest';
import { buildModel, exact, type BuiltModel } from './helpers/model.js';

const ORG = `organization acme "Acme Steel Co., Ltd." {
    period 2024
    consolidation operational-control
    ms-scope "Steelmaking, all processes"
    gwp AR6
}`;

const EQUITY_ORG = ORG.replace('operational-control', 'equity-share');

type Diagnostic = ReturnType<BuiltModel['diagnostics']>[number];

/**
 * 1-based line and column of the nth occurrence (from 0) of `needle` in
 * `text`; with `after`, of the first occurrence right after that anchor.
 */
function at(text: string, needle: string, nth: number | { after: string } = 0): { line: number; column: number } {
    if (typeof nth === 'object') {
        const anchor = text.indexOf(nth.after);
        if (anchor < 0 || !text.startsWith(needle, anchor + nth.after.length)) throw new Error(`'${needle}' does not follow '${nth.after}'`);
        return position(text, anchor + nth.after.length);
    }
    let index = -1;
    for (let i = 0; i <= nth; i++) {
        index = text.indexOf(needle, index + 1);
        if (index < 0) throw new Error(`'${needle}' (occurrence ${nth}) is not in the model text`);
    }
    return position(text, index);
}

function position(text: string, index: number): { line: number; column: number } {
    const before = text.slice(0, index);
    return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

async function diagnose(text: string): Promise<{ model: BuiltModel; diagnostics: Diagnostic[] }> {
    const model = await buildModel({ 'org.cnms': text });
    return { model, diagnostics: model.diagnostics('org.cnms') };
}

function withCode(diagnostics: Diagnostic[], code: string): Diagnostic[] {
    return diagnostics.filter(d => d.code === code);
}

/** The one diagnostic of `code` whose range is exactly `needle` (its nth occurrence in the text). */
function expectAt(text: string, diagnostics: Diagnostic[], code: string, needle: string, nth: number | { after: string } = 0): Diagnostic {
    const place = at(text, needle, nth);
    const found = diagnostics.filter(d => d.code === code && d.line === place.line && d.column === place.column);
    expect(found, `${code} at ${place.line}:${place.column} ('${needle}'); got ${JSON.stringify(diagnostics.map(d => [d.code, d.line, d.column, d.text]))}`).toHaveLength(1);
    expect(found[0].text).toBe(needle);
    expect(found[0].severity).toBe(1);
    return found[0];
}

describe('CN-NUM-002 unknown unit or name', () => {
    test('an unknown unit, with the nearest known unit suggested', async () => {
        const text = `${ORG}
site s { location "Hangzhou" }
source power at s {
    category 2
    activity 45000 MWH
    factor china_grid.national_2022
}
source kiln at s { category 1 emissions 100 tCO2 }
`;
        const { model, diagnostics } = await diagnose(text);
        const d = expectAt(text, diagnostics, 'CN-NUM-002', 'MWH');
        expect(d.message).toContain("'MWH'");
        expect(d.message).toContain("'MWh'");
        // the unknown unit is the only error: no cascade of further errors on the source
        expect(diagnostics.filter(x => x.severity === 1 && x.code.startsWith('CN-NUM-'))).toHaveLength(1);
        // the source is left out, the other one counts: 100
        const balance = model.balance();
        expect(balance.uncomputed).toBe(1);
        expect(exact(balance.emissions)).toBe('100');
    });

    test('an unknown name, with the nearest known name suggested', async () => {
        const text = `${ORG}
let ncv_coal = 20.9 GJ/t
site s { location "Hangzhou" }
source boiler at s {
    category 1
    activity 1_000 t * ncv_cole
    factor ipcc2006.other_bituminous_coal
}
`;
        const { diagnostics } = await diagnose(text);
        const d = expectAt(text, diagnostics, 'CN-NUM-002', 'ncv_cole');
        expect(d.message).toContain("'ncv_coal'");
    });

    test('an unknown name far from every known name', async () => {
        const text = `${ORG}
site s { location "Hangzhou" }
source boiler at s { category 1 emissions 5 tCO2 * zzqqxx }
`;
        const { diagnostics } = await diagnose(text);
        const d = expectAt(text, diagnostics, 'CN-NUM-002', 'zzqqxx');
        expect(d.message).toContain("'zzqqxx'");
    });
});

describe('CN-NUM-003 dimensions', () => {
    test('adding a mass and an energy names both dimensions', async () => {
        const text = `${ORG}
let bad = 1 t + 1 MWh
`;
        const { diagnostics } = await diagnose(text);
        const found = withCode(diagnostics, 'CN-NUM-003');
        expect(found).toHaveLength(1);
        const d = found[0];
        // the place: the sum, or its operand of the other dimension
        expect(d.line).toBe(at(text, '1 t + 1 MWh').line);
        expect(['1 t + 1 MWh', '1 MWh']).toContain(d.text);
        expect(d.column).toBe(at(text, d.text).column);
        expect(d.message).toContain('mass');
        expect(d.message).toContain('energy');
    });

    test('activity × factor that is not a mass of a gas', async () => {
        const text = `${ORG}
site s { location "Hangzhou" }
source furnace at s {
    category 1
    activity 100 t
    factor 0.5 tCO2/MWh
}
source kiln at s { category 1 emissions 40 tCO2 }
`;
        const { model, diagnostics } = await diagnose(text);
        const found = withCode(diagnostics, 'CN-NUM-003');
        expect(found).toHaveLength(1);
        const d = found[0];
        // reported at the source's factor (or its activity), not elsewhere
        expect(['0.5 tCO2/MWh', '100 t']).toContain(d.text);
        expect({ line: d.line, column: d.column }).toEqual(at(text, d.text));
        // names the dimensions: activity is a mass, the factor is per energy
        expect(d.message).toContain('mass');
        expect(d.message).toContain('energy');
        const balance = model.balance();
        expect(balance.uncomputed).toBe(1);
        expect(exact(balance.emissions)).toBe('40');
    });

    test('emissions that are not a mass of a gas', async () => {
        const text = `${ORG}
site s { location "Hangzhou" }
source odd at s { category 1 emissions 25_000 t * 0.44 }
`;
        const { diagnostics } = await diagnose(text);
        const d = expectAt(text, diagnostics, 'CN-NUM-003', '25_000 t * 0.44');
        expect(d.message).toContain('mass');
    });
});

describe('CN-NUM-004 division by zero', () => {
    test('10 t / 0 is reported at the operand', async () => {
        const text = `${ORG}
let d = 10 t / 0
`;
        const { diagnostics } = await diagnose(text);
        expect(withCode(diagnostics, 'CN-NUM-004')).toHaveLength(1);
        // the divisor `0` right after `10 t / `
        const d = expectAt(text, diagnostics, 'CN-NUM-004', '0', { after: '10 t / ' });
        expect(d.message).toContain('0');
    });

    test('in a source: reported once, at the operand; the source is left out', async () => {
        const text = `${ORG}
let idle_hours = 0 h
site s { location "Hangzhou" }
source rate at s { category 1 emissions 10 tCO2 / idle_hours * 1 h }
source kiln at s { category 1 emissions 7 tCO2 }
`;
        const { model, diagnostics } = await diagnose(text);
        expect(withCode(diagnostics, 'CN-NUM-004')).toHaveLength(1);
        expectAt(text, diagnostics, 'CN-NUM-004', 'idle_hours', { after: '10 tCO2 / ' });
        const balance = model.balance();
        expect(balance.uncomputed).toBe(1);
        expect(exact(balance.emissions)).toBe('7');
    });
});

describe('CN-NUM-005 values out of range', () => {
    test('share 120 %', async () => {
        const text = `${EQUITY_ORG}
site jv { location "Hangzhou" share 120 % }
source kiln at jv { category 1 emissions 10 tCO2 }
`;
        const { diagnostics } = await diagnose(text);
        const d = expectAt(text, diagnostics, 'CN-NUM-005', '120 %');
        expect(d.message).toContain('120 %');
    });

    test('a negative activity', async () => {
        const text = `${ORG}
site s { location "Hangzhou" }
source power at s {
    category 2
    activity -500 MWh
    factor china_grid.national_2022
}
source kiln at s { category 1 emissions 10 tCO2 }
`;
        const { model, diagnostics } = await diagnose(text);
        const d = expectAt(text, diagnostics, 'CN-NUM-005', '-500 MWh');
        expect(d.message).toContain('-500 MWh');
        const balance = model.balance();
        expect(balance.uncomputed).toBe(1);
        expect(exact(balance.emissions)).toBe('10');
    });

    test('negative emissions via subtraction, and a negative removal', async () => {
        const text = `${ORG}
site s { location "Hangzhou" }
source kiln at s { category 1 emissions 10 tCO2 - 15 tCO2 }
removal sink at s { amount 0 tCO2 - 120 tCO2 }
`;
        const { diagnostics } = await diagnose(text);
        expectAt(text, diagnostics, 'CN-NUM-005', '10 tCO2 - 15 tCO2');
        expectAt(text, diagnostics, 'CN-NUM-005', '0 tCO2 - 120 tCO2');
    });
});

describe('CN-NUM-006 duplicate names', () => {
    test('two sources with the same name: both reported', async () => {
        const text = `${ORG}
site s { location "Hangzhou" }
source kiln at s { category 1 emissions 10 tCO2 }
source kiln at s { category 1 emissions 20 tCO2 }
`;
        const { diagnostics } = await diagnose(text);
        expect(withCode(diagnostics, 'CN-NUM-006')).toHaveLength(2);
        expectAt(text, diagnostics, 'CN-NUM-006', 'kiln', 0);
        expectAt(text, diagnostics, 'CN-NUM-006', 'kiln', 1);
    });

    test('a let named like a unit', async () => {
        const text = `${ORG}
let MWh = 1
`;
        const { diagnostics } = await diagnose(text);
        const d = expectAt(text, diagnostics, 'CN-NUM-006', 'MWh');
        expect(d.message).toContain('MWh');
    });

    test('a let named like a mass of a gas', async () => {
        const text = `${ORG}
let tCO2 = 5
`;
        const { diagnostics } = await diagnose(text);
        expectAt(text, diagnostics, 'CN-NUM-006', 'tCO2');
    });

    test('two organizations in one model: the second is reported', async () => {
        const text = `${ORG}
organization acme_trading "Acme Trading Co." { period 2024 }
`;
        const { diagnostics } = await diagnose(text);
        expectAt(text, diagnostics, 'CN-NUM-006', 'acme_trading');
    });
});

describe('every diagnostic carries its rule id', () => {
    test("a block keyword used as a value's name: the syntax error at its place, no failing check", async () => {
        // `status` starts a statement in a block (a reduction's `status`), so an expression could not refer to it and a
        // `let` cannot be named so (docs/language-notes.md; a site or an organisation can)
        const text = `${ORG}
let status = 2 t
`;
        const { diagnostics } = await diagnose(text);
        const d = expectAt(text, diagnostics, 'CN-NUM-001', 'status', { after: '}\nlet ' });
        expect(d.message).toContain("'status'");
        // rules.md: the rule id travels with every diagnostic; none may come from a check that failed
        expect(diagnostics.filter(x => !/^CN-/.test(x.code)).map(x => x.message)).toEqual([]);
    });
});
