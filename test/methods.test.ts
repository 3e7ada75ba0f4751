// Accounting methods of published inventories (issue 13, docs/methods.md):
// customary units, residual mix, control approaches, per-gas CO2e components.
// Every expected figure is worked out by hand from the model text (the
// arithmetic is written beside it), never copied from the program's output.
import { describe, expect, test } from 'vitest';
import { tonnes, type ModelBalance } from '@cnms/language';
import { buildModel, co2eOf, exact, gas, type BuiltModel } from './helpers/model.js';
import { runCli, tempModel } from './helpers/cli.js';

interface OrgOptions {
    gwp?: string;
    consolidation?: 'operational-control' | 'financial-control' | 'equity-share';
    scope2?: 'location-based' | 'market-based';
    extra?: string[];
}

function organization(options: OrgOptions = {}): string {
    const gwp = options.gwp ?? 'AR6';
    return [
        'organization acme "Acme Co." {',
        '    period 2024',
        `    consolidation ${options.consolidation ?? 'operational-control'}`,
        '    ms-scope "All operations"',
        `    gwp ${gwp}`,
        ...(gwp !== 'AR6' ? ['    gwp-justification "Required by the national reporting guideline"'] : []),
        ...(options.scope2 ? [`    scope2 ${options.scope2}`] : []),
        ...(options.extra ?? []).map(line => `    ${line}`),
        '}'
    ].join('\n');
}

async function build(body: string, options: OrgOptions = {}): Promise<BuiltModel> {
    return buildModel({ 'org.cnms': `${organization(options)}\n${body}\n` });
}

/** Errors of the language and accounting rules that concern figures. */
function figureErrors(model: BuiltModel) {
    return model.diagnostics().filter(d => d.severity === 1 && (d.code.startsWith('CN-NUM-') || /^CN-6\.2-0(0[234]|10)$/.test(d.code) || d.code.startsWith('CN-4.3-')));
}

describe('customary units (docs/methods.md, "Customary units")', () => {
    const body = `
site s { location "Houston, Texas" }
source pounds at s { category 1 activity 10_000 lb factor 1 tCO2/t }
source short_tons at s { category 1 activity 1 short_ton factor 1 tCO2/t }
source long_tons at s { category 1 activity 1 long_ton factor 1 tCO2/t }
source gallons at s { category 1 activity 1000 gal factor 1 tCO2/m3 }
source barrels at s { category 1 activity 1 bbl factor 1 tCO2/m3 }
source btus at s { category 1 activity 1_000_000 Btu factor 1 kgCO2/MJ }
source therms at s { category 1 activity 1 therm factor 1 tCO2/GJ }
source mmbtus at s { category 1 activity 1000 MMBtu factor 53.06 kgCO2/MMBtu }
source mmbtu_in_gj at s { category 1 activity 1 MMBtu factor 1 tCO2/GJ }
source gas_scf at s { category 1 activity 2 Mscf factor 0.05444 kgCO2/scf }
source miles at s { category 3 significant yes activity 100 mile factor 1 kgCO2/km }
source freight at s { category 3 significant yes activity 1000 ton_mile factor 1 kgCO2/tkm }
source engine at s { category 1 activity 1000 hp_h factor 1 kgCO2/kWh }
source egrid at s { category 2 activity 1000 MWh factor 800 lbCO2/MWh }`;

    test('each converts exactly', async () => {
        const model = await build(body);
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // 10 000 lb × 0.45359237 kg = 4 535.9237 kg = 4.5359237 t
        expect(co2eOf(balance, 'pounds')).toBe('4.5359237');
        // 2 000 lb × 0.45359237 kg = 907.18474 kg = 0.90718474 t
        expect(co2eOf(balance, 'short_tons')).toBe('0.90718474');
        // 2 240 lb × 0.45359237 kg = 1 016.0469088 kg = 1.0160469088 t
        expect(co2eOf(balance, 'long_tons')).toBe('1.0160469088');
        // 1 000 gal × 3.785411784 L = 3 785.411784 L = 3.785411784 m3
        expect(co2eOf(balance, 'gallons')).toBe('3.785411784');
        // 42 gal × 3.785411784 L = 158.987294928 L = 0.158987294928 m3
        expect(co2eOf(balance, 'barrels')).toBe('0.158987294928');
        // 10^6 Btu × 1 055.05585262 J = 1 055 055 852.62 J = 1 055.05585262 MJ → 1 055.05585262 kg
        expect(co2eOf(balance, 'btus')).toBe('1.05505585262');
        // 1 therm = 100 000 × 1 055.05585262 J = 105 505 585.262 J = 0.105505585262 GJ → t
        expect(co2eOf(balance, 'therms')).toBe('0.105505585262');
        // 1 000 MMBtu × 53.06 kg/MMBtu = 53 060 kg
        expect(co2eOf(balance, 'mmbtus')).toBe('53.06');
        // 1 MMBtu = 1 055 055 852.62 J = 1.05505585262 GJ → t
        expect(co2eOf(balance, 'mmbtu_in_gj')).toBe('1.05505585262');
        // 2 Mscf = 2 000 scf × 0.05444 kg/scf = 108.88 kg
        expect(co2eOf(balance, 'gas_scf')).toBe('0.10888');
        // 100 mile × 1.609344 km = 160.9344 km → 160.9344 kg
        expect(co2eOf(balance, 'miles')).toBe('0.1609344');
        // 1 ton_mile = 0.90718474 t × 1.609344 km:
        //   0.90718474 × 1.6 = 1.451495584; 0.90718474 × 0.009344 = 0.00847673421056; sum 1.45997231821056 tkm
        //   × 1 000 × 1 kg/tkm = 1 459.97231821056 kg
        expect(co2eOf(balance, 'freight')).toBe('1.45997231821056');
        // 1 000 hp_h × 745.69987158227022 Wh = 745.69987158227022 kWh → kg
        expect(co2eOf(balance, 'engine')).toBe('0.74569987158227022');
        // 1 000 MWh × 800 lb/MWh = 800 000 lb × 0.45359237 kg = 362 873.896 kg
        expect(co2eOf(balance, 'egrid')).toBe('362.873896');
        expect(gas(balance, 'CO2')).toBe(
            // 4.5359237 + 0.90718474 = 5.44310844; + 1.0160469088 = 6.4591553488; + 3.785411784 = 10.2445671328;
            // + 0.158987294928 = 10.403554427728; + 1.05505585262 = 11.458610280348; + 0.105505585262 = 11.56411586561;
            // + 53.06 = 64.62411586561; + 1.05505585262 = 65.67917171823; + 0.10888 = 65.78805171823;
            // + 0.1609344 = 65.94898611823; + 1.45997231821056 = 67.40895843644056;
            // + 0.74569987158227022 = 68.15465830802283022; + 362.873896 = 431.02855430802283022
            '431.02855430802283022'
        );
    });

    test('a standard cubic foot is no normal cubic metre, nor a cubic metre', async () => {
        const model = await build(`
let mixed = 1 scf + 1 Nm3
let mixed2 = 1 scf + 1 m3`);
        const errors = model.languageDiagnostics().filter(d => d.severity === 1);
        expect(errors.map(d => d.code)).toEqual(['CN-NUM-003', 'CN-NUM-003']);
        expect(errors[0].message).toContain('standard volume (60 °F)');
        expect(errors[0].message).toContain('normal volume');
    });

    test("a user unit that takes a customary unit's name is CN-NUM-008, as for every built-in unit", async () => {
        const model = await build(`
unit gal "imperial gallon" = 4.54609 L`);
        expect(model.languageDiagnostics().map(d => [d.code, d.text])).toEqual([['CN-NUM-008', 'gal']]);
    });
});

/** A source's market-based and location-based CO2e, in tonnes, as exact strings. */
function scope2Of(balance: ModelBalance, name: string): { location: string; market: string } {
    const entry = balance.sources.find(s => s.source.name === name);
    expect(entry?.figures, `figures of ${name}`).toBeDefined();
    return { location: exact(tonnes(entry!.figures!.co2eLocation)), market: exact(tonnes(entry!.figures!.co2eMarket)) };
}

describe('residual mix of market-based scope 2 (docs/methods.md, "Residual mix")', () => {
    const sources = `
site s { location "Shanghai" }
source power "Purchased electricity" at s {
    category 2
    activity 10_000 MWh
    factor china_grid.national_2022
}
source power_b "Second plant" at s {
    category 2
    activity 2_000 MWh
    factor china_grid.east_2022
    residual-factor 0.6 tCO2/MWh
}
instrument gec "Green certificates" {
    kind GEC
    quantity 4_000 MWh
    covers power
    factor 0 tCO2/MWh
}`;

    test("the organisation's residual factor prices what no instrument covers; a source's own one wins", async () => {
        const model = await build(sources, { scope2: 'market-based', extra: ['residual-factor china_grid.national_excl_market_2022'] });
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // power: location 10 000 MWh × 0.5366 = 5 366 t
        //        market  4 000 MWh × 0 + (10 000 − 4 000) MWh × 0.5856 (residual, organisation) = 3 513.6 t
        expect(scope2Of(balance, 'power')).toEqual({ location: '5366', market: '3513.6' });
        // power_b: location 2 000 × 0.5617 = 1 123.4 t; market 2 000 × 0.6 (its own residual) = 1 200 t
        expect(scope2Of(balance, 'power_b')).toEqual({ location: '1123.4', market: '1200' });
        // counted market-based: 3 513.6 + 1 200 = 4 713.6
        expect(exact(balance.emissions)).toBe('4713.6');
        expect(exact(balance.byScope['2-location'])).toBe('6489.4');
        expect(exact(balance.byScope['2-market'])).toBe('4713.6');
        expect(model.diagnostics().filter(d => d.code === 'CN-6.2-017')).toEqual([]);
    });

    test("without a residual factor the source's own factor is used, and an info finding says so", async () => {
        const model = await build(sources.replace('    residual-factor 0.6 tCO2/MWh\n', ''), { scope2: 'market-based' });
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // power: market 4 000 × 0 + 6 000 × 0.5366 = 3 219.6 t; power_b: 2 000 × 0.5617 = 1 123.4 t (no instrument: as location)
        expect(scope2Of(balance, 'power')).toEqual({ location: '5366', market: '3219.6' });
        expect(scope2Of(balance, 'power_b')).toEqual({ location: '1123.4', market: '1123.4' });
        expect(exact(balance.emissions)).toBe('4343');
        const infos = model.diagnostics().filter(d => d.code === 'CN-6.2-017');
        expect(infos.map(d => [d.severity, d.text, d.message])).toEqual([
            [
                3,
                'power',
                'Source power has no residual-mix factor (`residual-factor` on it or on the organisation): under `scope2 market-based` the energy no instrument covers (6,000.000 MWh) is priced at its own factor china_grid.national_2022 instead.'
            ],
            [
                3,
                'power_b',
                'Source power_b has no residual-mix factor (`residual-factor` on it or on the organisation): under `scope2 market-based` the energy no instrument covers (2,000.000 MWh) is priced at its own factor china_grid.east_2022 instead.'
            ]
        ]);
    });

    test('under location-based the market figure still uses the residual factor, and nothing is said', async () => {
        const model = await build(sources, { scope2: 'location-based', extra: ['residual-factor china_grid.national_excl_market_2021'] });
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // power market: 6 000 MWh × 0.5942 (2021, excluding market-traded non-fossil) = 3 565.2 t
        expect(scope2Of(balance, 'power')).toEqual({ location: '5366', market: '3565.2' });
        // counted location-based: 5 366 + 1 123.4 = 6 489.4
        expect(exact(balance.emissions)).toBe('6489.4');
        expect(model.diagnostics().filter(d => d.code === 'CN-6.2-017')).toEqual([]);
    });

    test('a residual factor that is not a mass per energy is an error, and the electricity is not computed', async () => {
        const model = await build(sources.replace('    residual-factor 0.6 tCO2/MWh\n', ''), { scope2: 'market-based', extra: ['residual-factor 5 tCO2'] });
        expect(
            model
                .languageDiagnostics()
                .filter(d => d.severity === 1)
                .map(d => [d.code, d.text])
        ).toEqual([['CN-NUM-003', '5 tCO2']]);
        const balance = model.balance();
        expect(balance.sources.filter(s => !s.figures).map(s => s.source.name)).toEqual(['power', 'power_b']);
    });

    test('the 2021, 2022 and 2023 national factors excluding market-traded non-fossil electricity are in the library', async () => {
        const model = await build(`
site s { location "x" }
source a at s { category 2 activity 1_000 MWh factor china_grid.national_excl_market_2021 }
source b at s { category 2 activity 1_000 MWh factor china_grid.national_excl_market_2022 }
source c at s { category 2 activity 1_000 MWh factor china_grid.national_excl_market_2023 }`);
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // 1 000 MWh × 0.5942 / 0.5856 / 0.6096 tCO2/MWh
        expect([co2eOf(balance, 'a'), co2eOf(balance, 'b'), co2eOf(balance, 'c')]).toEqual(['594.2', '585.6', '609.6']);
    });
});

describe("control approaches: a table like Holland Industries' (GHG Protocol Corporate Standard, ch. 3, Table 2)", () => {
    type Approach = 'equity-share' | 'financial-control' | 'operational-control';
    // Operations of a group modelled on the Corporate Standard's example: equity share (chained through
    // a subsidiary where it is held by one: 83 % × 50 %), and control under each control approach.
    const operations: Array<{ site: string; share: string; financial: string; operational: string; emissions: number }> = [
        { site: 'holland_switzerland', share: '100 %', financial: 'full', operational: 'full', emissions: 1000 },
        { site: 'holland_america', share: '83 %', financial: 'full', operational: 'full', emissions: 2000 },
        { site: 'bgb', share: '83 % * 50 %', financial: 'joint 50 %', operational: 'none', emissions: 4000 },
        { site: 'irw', share: '83 % * 75 %', financial: 'full', operational: 'full', emissions: 800 },
        { site: 'kahuna', share: '33.3 %', financial: 'joint 33.3 %', operational: 'full', emissions: 3000 },
        { site: 'quickfix', share: '43 %', financial: 'full', operational: 'full', emissions: 500 },
        { site: 'nallo', share: '56 %', financial: 'none', operational: 'none', emissions: 600 },
        { site: 'syntal', share: '0 %', financial: 'none', operational: 'none', emissions: 10000 }
    ];
    const body = (approach: Approach) =>
        operations
            .map(
                op => `
site ${op.site} {
    location "x"
    share ${op.share}
    control ${approach === 'operational-control' ? op.operational : op.financial}
}
source ${op.site}_ops at ${op.site} { category 1 emissions ${op.emissions} tCO2 }`
            )
            .join('\n');

    test('equity share: each operation at its (chained) equity share; a 0 % investment stays in the boundary', async () => {
        const model = await build(body('equity-share'), { consolidation: 'equity-share' });
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // 1 000 × 1 = 1 000; 2 000 × 0.83 = 1 660; 4 000 × 0.83 × 0.5 = 4 000 × 0.415 = 1 660; 800 × 0.83 × 0.75 = 800 × 0.6225 = 498;
        // 3 000 × 0.333 = 999; 500 × 0.43 = 215; 600 × 0.56 = 336; 10 000 × 0 = 0
        expect(operations.map(op => co2eOf(balance, `${op.site}_ops`))).toEqual(['1000', '1660', '1660', '498', '999', '215', '336', '0']);
        // 1 000 + 1 660 + 1 660 + 498 + 999 + 215 + 336 + 0 = 6 368
        expect(exact(balance.emissions)).toBe('6368');
        expect(model.diagnostics().filter(d => d.code === 'CN-4.3-004')).toEqual([]);
    });

    test('financial control: full 100 %, joint financial control at the equity share held, none 0 %', async () => {
        const model = await build(body('financial-control'), { consolidation: 'financial-control' });
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // 1 000; 2 000; 4 000 × 0.5 = 2 000; 800; 3 000 × 0.333 = 999; 500; 0; 0
        expect(operations.map(op => co2eOf(balance, `${op.site}_ops`))).toEqual(['1000', '2000', '2000', '800', '999', '500', '0', '0']);
        // 1 000 + 2 000 + 2 000 + 800 + 999 + 500 = 7 299
        expect(exact(balance.emissions)).toBe('7299');
    });

    test('operational control: full 100 %, none 0 %', async () => {
        const model = await build(body('operational-control'), { consolidation: 'operational-control' });
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // 1 000; 2 000; 0 (its partner operates it); 800; 3 000; 500; 0; 0
        expect(operations.map(op => co2eOf(balance, `${op.site}_ops`))).toEqual(['1000', '2000', '0', '800', '3000', '500', '0', '0']);
        // 1 000 + 2 000 + 800 + 3 000 + 500 = 7 300
        expect(exact(balance.emissions)).toBe('7300');
    });

    test("a site counted at 0 % still appears in the report's boundary (cnms report as a process)", () => {
        const dir = tempModel({ 'org.cnms': `${organization({ consolidation: 'operational-control' })}\n${body('operational-control')}\n` });
        const result = runCli(['report', '.', '--format', 'json'], { cwd: dir });
        const report = JSON.parse(result.stdout) as { boundary: { sites: Array<{ id: string; co2e: string; sources: number; sharePercent: string | null }> }; inventory: { sources: Array<{ id: string; co2e: string | null }> } };
        const bgb = report.boundary.sites.find(site => site.id === 'bgb');
        // the share that counts under operational control (control none), not the equity share 41.5 %
        expect(bgb).toEqual(expect.objectContaining({ co2e: '0', sources: 1, sharePercent: '0' }));
        expect(report.boundary.sites.find(site => site.id === 'kahuna')?.sharePercent).toBe('100');
        expect(report.inventory.sources.find(source => source.id === 'bgb_ops')?.co2e).toBe('0');
    });

    test("a joint share outside 0 … 100 % is an error at it, and the site's sources are not computed", async () => {
        const model = await build(
            `
site jv { location "x" control joint 150 % }
source a at jv { category 1 emissions 10 tCO2 }`,
            { consolidation: 'financial-control' }
        );
        expect(model.languageDiagnostics().map(d => [d.code, d.text])).toEqual([['CN-NUM-005', '150 %']]);
        expect(model.balance().sources.map(s => s.figures === undefined)).toEqual([true]);
    });
});

describe('per-gas CO2e components (docs/methods.md, "CO2e of one gas")', () => {
    // A national conversion-factor table gives kg CO2e of each gas per kWh, weighted with AR5.
    const body = `
factor grid_table "Grid electricity, per gas, as a conversion-factor table gives it" {
    value 0.19338 kgCO2e/kWh of CO2
    value 0.00028 kgCO2e/kWh of CH4
    value 0.00265 kgCO2e/kWh of N2O
    gwp-basis AR5
    source "A national conversion-factor table (values chosen for the test)"
}
site s { location "x" }
source power at s { category 2 activity 1_000_000 kWh factor grid_table }`;
    // Masses of the gases, whatever the model's set: CO2 0.19338 / 1 kg/kWh × 10^6 kWh = 193 380 kg = 193.38 t;
    // CH4 0.00028 / 28 = 0.00001 kg/kWh × 10^6 kWh = 10 kg = 0.01 t; N2O 0.00265 / 265 = 0.00001 kg/kWh → 0.01 t.

    test("under AR5 (the basis) the CO2e is the table's: 193.38 + 0.01 × 28 + 0.01 × 265 = 196.31", async () => {
        const model = await build(body, { gwp: 'AR5' });
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        expect([gas(balance, 'CO2'), gas(balance, 'CH4'), gas(balance, 'N2O')]).toEqual(['193.38', '0.01', '0.01']);
        expect(co2eOf(balance, 'power')).toBe('196.31');
    });

    test('under AR6 the gases are weighted again: 193.38 + 0.01 × 27.9 + 0.01 × 273 = 196.389', async () => {
        const model = await build(body, { gwp: 'AR6' });
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        expect([gas(balance, 'CO2'), gas(balance, 'CH4'), gas(balance, 'N2O')]).toEqual(['193.38', '0.01', '0.01']);
        expect(co2eOf(balance, 'power')).toBe('196.389');
    });

    test('under AR4: 193.38 + 0.01 × 25 + 0.01 × 298 = 196.61', async () => {
        const model = await build(body, { gwp: 'AR4' });
        expect(figureErrors(model)).toEqual([]);
        expect(co2eOf(model.balance(), 'power')).toBe('196.61');
    });

    test('the report gives a component as the mass of its gas (cnms report as a process)', () => {
        const dir = tempModel({ 'org.cnms': `${organization({ gwp: 'AR6' })}\n${body}\n` });
        const result = runCli(['report', '.', '--format', 'json'], { cwd: dir });
        const report = JSON.parse(result.stdout) as { inventory: { sources: Array<{ id: string; factor: { values: Array<{ gas: string; value: string; unit: string }> } }>; byGas: Array<{ gas: string; tonnes: string }> } };
        const values = report.inventory.sources.find(source => source.id === 'power')!.factor.values;
        expect(values.map(value => value.gas)).toEqual(['CO2', 'CH4', 'N2O']);
        expect(values.every(value => !value.unit.includes('CO2e'))).toBe(true);
        expect(report.inventory.byGas.find(entry => entry.gas === 'CH4')?.tonnes).toBe('0.01');
    });

    test('a component needs a gwp-basis, a CO2e value and a basis that knows the gas', async () => {
        const model = await build(`
factor no_basis { value 0.00028 kgCO2e/kWh of CH4 }
factor not_co2e { value 0.00028 kgCH4/kWh of CH4 gwp-basis AR5 }
factor sar_nf3 { value 1 kgCO2e/kWh of NF3 gwp-basis SAR }`);
        expect(model.languageDiagnostics().map(d => [d.code, d.text, d.message])).toEqual([
            ['CN-NUM-003', '0.00028 kgCO2e/kWh of CH4', 'Factor no_basis gives the CO2e of CH4 but no `gwp-basis`: name the GWP set its publisher weighted the gas with (such as `gwp-basis AR5`).'],
            ['CN-NUM-003', '0.00028 kgCH4/kWh of CH4', 'A value `of CH4` is the CO2e of that gas per unit of activity (such as kgCO2e/kWh), but this value is mass of CH4/energy.'],
            ['CN-NUM-003', 'SAR', 'The GWP set SAR of `gwp-basis` has no value for NF3, so its CO2e cannot be turned back into a mass of NF3.']
        ]);
    });
});

describe('library: IPCC 2006 net calorific values and CH4/N2O by sector (docs/methods.md, "Library")', () => {
    /** A source's counted mass of one gas, in tonnes, as an exact string. */
    function massOf(balance: ModelBalance, source: string, gasName: string): string {
        const entry = balance.sources.find(s => s.source.name === source);
        const grams = entry?.figures?.counted.get(gasName);
        expect(grams, `${gasName} of ${source}`).toBeDefined();
        return exact(tonnes(grams!));
    }

    test('NCVs of Table 1.2 and the sector tables 2.2–2.5, figures worked by hand', async () => {
        const model = await build(`
site s { location "x" }
source home_coal at s { category 1 activity 100 t * ipcc2006.ncv_sub_bituminous_coal factor ipcc2006.sub_bituminous_coal_residential }
source works_coal at s { category 1 activity 1_000 t * ipcc2006.ncv_coking_coal factor ipcc2006.coking_coal_manufacturing }
source plant_coke at s { category 1 activity 500 t * ipcc2006.ncv_coke_oven_coke factor ipcc2006.coke_oven_coke_energy }
source office_gas at s { category 1 activity 1 TJ factor ipcc2006.natural_gas_commercial }
source old_name at s { category 1 activity 1 TJ factor ipcc2006.natural_gas }
source new_name at s { category 1 activity 1 TJ factor ipcc2006.natural_gas_energy }`);
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // home_coal: 100 t × 18.9 GJ/t = 1 890 GJ = 1.89 TJ; CO2 96 100 × 1.89 = 181 629 kg; CH4 300 × 1.89 = 567 kg; N2O 1.5 × 1.89 = 2.835 kg
        expect(['CO2', 'CH4', 'N2O'].map(g => massOf(balance, 'home_coal', g))).toEqual(['181.629', '0.567', '0.002835']);
        // AR6: 181.629 + 0.567 × 27.9 + 0.002835 × 273 = 181.629 + 15.8193 + 0.773955 = 198.222255
        expect(co2eOf(balance, 'home_coal')).toBe('198.222255');
        // works_coal: 1 000 t × 28.2 GJ/t = 28.2 TJ; CO2 94 600 × 28.2 = 2 667 720 kg; CH4 10 × 28.2 = 282 kg; N2O 1.5 × 28.2 = 42.3 kg
        expect(['CO2', 'CH4', 'N2O'].map(g => massOf(balance, 'works_coal', g))).toEqual(['2667.72', '0.282', '0.0423']);
        // plant_coke: 500 t × 28.2 GJ/t = 14.1 TJ; CO2 107 000 × 14.1 = 1 508 700 kg; CH4 1 × 14.1 = 14.1 kg; N2O 1.5 × 14.1 = 21.15 kg
        expect(['CO2', 'CH4', 'N2O'].map(g => massOf(balance, 'plant_coke', g))).toEqual(['1508.7', '0.0141', '0.02115']);
        // office_gas: 1 TJ; CO2 56 100 kg; CH4 5 kg (Table 2.4); N2O 0.1 kg
        expect(['CO2', 'CH4', 'N2O'].map(g => massOf(balance, 'office_gas', g))).toEqual(['56.1', '0.005', '0.0001']);
        // the old name carries the energy-industries values (Table 2.2): CH4 1 kg, N2O 0.1 kg per TJ, as natural_gas_energy
        expect(['CO2', 'CH4', 'N2O'].map(g => massOf(balance, 'old_name', g))).toEqual(['56.1', '0.001', '0.0001']);
        expect(co2eOf(balance, 'old_name')).toBe(co2eOf(balance, 'new_name'));
    });
});
