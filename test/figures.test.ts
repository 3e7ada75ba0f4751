// Figures of the net balance (language.md §2–§4, cli.md "balance JSON"),
// checked against values computed BY HAND. Every expected string below was
// worked out from the model text with exact fractions (the arithmetic is
// written beside each expectation), never copied from the program's output.
//
// Conventions of the checks:
// - balance totals (emissions, byScope, byCategory, byGas, biogenicCO2,
//   removals, offsets, net) are exact Rationals in tonnes (of CO2e, or of each
//   gas under byGas);
// - per-source figures are in grams and go through `tonnes()`;
// - every figure is compared as the exact decimal string of the JSON output.
import { siteEmissions } from '@cnms/language';
import { describe, expect, test } from 'vitest';
import { buildModel, co2eOf, exact, gas, type BuiltModel } from './helpers/model.js';

interface OrgOptions {
    gwp?: string;
    consolidation?: 'operational-control' | 'financial-control' | 'equity-share';
    scope2?: 'location-based' | 'market-based';
}

/** The organisation block every model starts with: period, consolidation, ms-scope and gwp. */
function organization(options: OrgOptions = {}): string {
    const gwp = options.gwp ?? 'AR6';
    return [
        'organization acme "Acme Steel Co., Ltd." {',
        '    period 2024',
        `    consolidation ${options.consolidation ?? 'operational-control'}`,
        '    ms-scope "Steelmaking at the Hangzhou site, all processes"',
        `    gwp ${gwp}`,
        ...(gwp !== 'AR6' ? ['    gwp-justification "Required by the national reporting guideline"'] : []),
        ...(options.scope2 ? [`    scope2 ${options.scope2}`] : []),
        '}'
    ].join('\n');
}

async function build(body: string, options: OrgOptions = {}): Promise<BuiltModel> {
    return buildModel({ 'org.cnms': `${organization(options)}\n${body}\n` });
}

/** Errors of the language and accounting rules that concern figures: none may stand in a model whose figures are checked. */
function figureErrors(model: BuiltModel) {
    return model.diagnostics().filter(d => d.severity === 1 && (d.code.startsWith('CN-NUM-') || /^CN-6\.2-00[234]$/.test(d.code) || d.code.startsWith('CN-4.3-')));
}

describe('1. fuel chain with a net calorific value', () => {
    const body = `
let ncv_ng "NCV of natural gas, measured" = 389.31 GJ/(10^4 Nm3)
site plant_a "No. 1 plant" { location "Hangzhou, Zhejiang" }
source boiler "Gas boilers" at plant_a {
    category 1
    activity 12_500_000 Nm3 * ncv_ng
    factor ipcc2006.natural_gas
}`;
    // Energy = 12 500 000 Nm3 × 389.31 GJ / 10 000 Nm3 = 1 250 × 389.31 GJ = 486 637.5 GJ = 486.6375 TJ
    // CO2 = 486.6375 TJ × 56 100 kg/TJ = 27 300 363.75 kg = 27 300.36375 t
    // CH4 = 486.6375 TJ × 1 kg/TJ     = 486.6375 kg      = 0.4866375 t
    // N2O = 486.6375 TJ × 0.1 kg/TJ   = 48.66375 kg      = 0.04866375 t

    test('per-gas masses in tonnes of each gas, CO2e under AR6', async () => {
        const model = await build(body);
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        expect(gas(balance, 'CO2')).toBe('27300.36375');
        expect(gas(balance, 'CH4')).toBe('0.4866375');
        expect(gas(balance, 'N2O')).toBe('0.04866375');
        // AR6: 27 300.36375 × 1 + 0.4866375 × 27.9 + 0.04866375 × 273
        //    = 27 300.36375 + 13.57718625 + 13.28520375 = 27 327.22614
        expect(exact(balance.emissions)).toBe('27327.22614');
        expect(co2eOf(balance, 'boiler')).toBe('27327.22614');
        expect(exact(balance.byScope['1'])).toBe('27327.22614');
        expect(exact(balance.byCategory.get('1')!)).toBe('27327.22614');
        expect(exact(balance.byScope['2-location'])).toBe('0');
        expect(exact(balance.byScope['3'])).toBe('0');
        // nothing removed or offset: net = emissions
        expect(exact(balance.net)).toBe('27327.22614');
        expect(balance.netAtOrBelowZero).toBe(false);
        expect(balance.uncomputed).toBe(0);
    });

    test('the same chain under AR5', async () => {
        const balance = (await build(body, { gwp: 'AR5' })).balance();
        // AR5: 27 300.36375 + 0.4866375 × 28 + 0.04866375 × 265
        //    = 27 300.36375 + 13.62585 + 12.89589375 = 27 326.88549375
        expect(exact(balance.emissions)).toBe('27326.88549375');
        // masses of each gas do not depend on the GWP set
        expect(gas(balance, 'CH4')).toBe('0.4866375');
    });
});

describe('2. grid electricity', () => {
    test('86 000 MWh × the built-in national 2022 factor and × a user factor', async () => {
        const model = await build(`
factor grid_user "Grid factor of the regional guideline" = 0.5703 tCO2/MWh {
    source "Regional reporting guideline"
    year 2023
}
site plant_a { location "Hangzhou, Zhejiang" }
site plant_b { location "Hangzhou, Zhejiang" }
source power_a "Purchased electricity, plant A" at plant_a {
    category 2
    activity 86_000 MWh
    factor china_grid.national_2022
}
source power_b "Purchased electricity, plant B" at plant_b {
    category 2
    activity 86_000 MWh
    factor grid_user
}`);
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // 86 000 MWh × 0.5366 tCO2/MWh = 46 147.6 tCO2
        expect(co2eOf(balance, 'power_a')).toBe('46147.6');
        // 86 000 MWh × 0.5703 tCO2/MWh = 49 045.8 tCO2
        expect(co2eOf(balance, 'power_b')).toBe('49045.8');
        // 46 147.6 + 49 045.8 = 95 193.4
        expect(exact(balance.emissions)).toBe('95193.4');
        expect(exact(balance.byScope['2-location'])).toBe('95193.4');
        // no instrument: the market-based figure equals the location-based one
        expect(exact(balance.byScope['2-market'])).toBe('95193.4');
        expect(exact(balance.byScope['1'])).toBe('0');
        expect(exact(balance.byCategory.get('2')!)).toBe('95193.4');
        expect(gas(balance, 'CO2')).toBe('95193.4');
    });
});

describe('3. per-gas factors under AR5 and AR6; SF6 and HFC-134a given directly', () => {
    const body = `
factor oil_boiler "Diesel, stationary combustion" {
    value 74100 kgCO2/TJ
    value 3 kgCH4/TJ
    value 0.6 kgN2O/TJ
    source "IPCC 2006 Guidelines, Vol. 2, Ch. 1, Table 1.4; Ch. 2, Table 2.2"
    year 2006
}
site plant_a { location "Hangzhou" }
source boiler at plant_a {
    category 1
    activity 1_000 t * ipcc2006.ncv_gas_diesel_oil
    factor oil_boiler
}
source switchgear "GIS switchgear leakage" at plant_a {
    category 1
    emissions 12 kgSF6
}
source chillers "Chiller refrigerant top-up" at plant_a {
    category 1
    emissions 50 kgHFC134a
}`;
    // Energy = 1 000 t × 43.0 GJ/t = 43 000 GJ = 43 TJ
    // CO2 = 43 TJ × 74 100 kg/TJ = 3 186 300 kg = 3 186.3 t
    // CH4 = 43 TJ × 3 kg/TJ      = 129 kg       = 0.129 t
    // N2O = 43 TJ × 0.6 kg/TJ    = 25.8 kg      = 0.0258 t
    // SF6 = 12 kg = 0.012 t;  HFC134a = 50 kg = 0.05 t

    test('AR6: CH4 27.9, N2O 273, SF6 25 200, HFC-134a 1 530', async () => {
        const model = await build(body, { gwp: 'AR6' });
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        expect(gas(balance, 'CO2')).toBe('3186.3');
        expect(gas(balance, 'CH4')).toBe('0.129');
        expect(gas(balance, 'N2O')).toBe('0.0258');
        expect(gas(balance, 'SF6')).toBe('0.012');
        expect(gas(balance, 'HFC134a')).toBe('0.05');
        // boiler: 3 186.3 + 0.129 × 27.9 + 0.0258 × 273 = 3 186.3 + 3.5991 + 7.0434 = 3 196.9425
        expect(co2eOf(balance, 'boiler')).toBe('3196.9425');
        // 0.012 t × 25 200 = 302.4
        expect(co2eOf(balance, 'switchgear')).toBe('302.4');
        // 0.05 t × 1 530 = 76.5
        expect(co2eOf(balance, 'chillers')).toBe('76.5');
        // 3 196.9425 + 302.4 + 76.5 = 3 575.8425
        expect(exact(balance.emissions)).toBe('3575.8425');
    });

    test('AR5: CH4 28, N2O 265, SF6 23 500, HFC-134a 1 300', async () => {
        const model = await build(body, { gwp: 'AR5' });
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // masses of the gases are the same as under AR6
        expect(gas(balance, 'CH4')).toBe('0.129');
        expect(gas(balance, 'N2O')).toBe('0.0258');
        // boiler: 3 186.3 + 0.129 × 28 + 0.0258 × 265 = 3 186.3 + 3.612 + 6.837 = 3 196.749
        expect(co2eOf(balance, 'boiler')).toBe('3196.749');
        // 0.012 t × 23 500 = 282
        expect(co2eOf(balance, 'switchgear')).toBe('282');
        // 0.05 t × 1 300 = 65
        expect(co2eOf(balance, 'chillers')).toBe('65');
        // 3 196.749 + 282 + 65 = 3 543.749
        expect(exact(balance.emissions)).toBe('3543.749');
    });
});

describe('4. equity share', () => {
    test('emissions of each site scaled by its share', async () => {
        const model = await build(
            `
site jv "Joint venture" { location "Hangzhou" share 60 % }
site own "Own plant" { location "Hangzhou" share 100 % }
source jv_kiln at jv { category 1 emissions 1_000 tCO2 }
source jv_digester at jv { category 1 emissions 10 tCH4 }
source jv_power at jv { category 2 activity 1_000 MWh factor china_grid.national_2022 }
source own_kiln at own { category 1 emissions 250 tCO2 }`,
            { consolidation: 'equity-share' }
        );
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // 1 000 tCO2 × 60 % = 600
        expect(co2eOf(balance, 'jv_kiln')).toBe('600');
        // 10 tCH4 × 60 % = 6 tCH4; 6 × 27.9 = 167.4
        expect(co2eOf(balance, 'jv_digester')).toBe('167.4');
        // 1 000 MWh × 0.5366 = 536.6; × 60 % = 321.96
        expect(co2eOf(balance, 'jv_power')).toBe('321.96');
        // 250 tCO2 × 100 % = 250
        expect(co2eOf(balance, 'own_kiln')).toBe('250');
        // byGas after the share: CO2 600 + 321.96 + 250 = 1 171.96; CH4 6
        expect(gas(balance, 'CO2')).toBe('1171.96');
        expect(gas(balance, 'CH4')).toBe('6');
        // scope 1: 600 + 167.4 + 250 = 1 017.4; scope 2: 321.96
        expect(exact(balance.byScope['1'])).toBe('1017.4');
        expect(exact(balance.byScope['2-location'])).toBe('321.96');
        // 1 017.4 + 321.96 = 1 339.36
        expect(exact(balance.emissions)).toBe('1339.36');
    });

    test('the same sources under operational control count in full', async () => {
        const balance = (
            await build(`
site jv { location "Hangzhou" share 60 % }
site own { location "Hangzhou" share 100 % }
source jv_kiln at jv { category 1 emissions 1_000 tCO2 }
source own_kiln at own { category 1 emissions 250 tCO2 }`)
        ).balance();
        // shares apply only under equity-share consolidation: 1 000 + 250 = 1 250
        expect(exact(balance.emissions)).toBe('1250');
    });
});

describe('5. market-based scope 2 with a certificate', () => {
    const body = `
site plant_a { location "Hangzhou" }
source power "Purchased electricity" at plant_a {
    category 2
    activity 86_000 MWh
    factor 0.5366 tCO2/MWh
}
instrument gec_2024 "Green electricity certificates" {
    kind GEC
    quantity 20_000 MWh
    covers power
    factor 0 tCO2/MWh
}`;

    test('scope2 market-based counts the market figure', async () => {
        const model = await build(body, { scope2: 'market-based' });
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // market: 20 000 MWh × 0 + (86 000 − 20 000) MWh × 0.5366 = 66 000 × 0.5366 = 35 415.6
        expect(exact(balance.byScope['2-market'])).toBe('35415.6');
        // location: 86 000 × 0.5366 = 46 147.6
        expect(exact(balance.byScope['2-location'])).toBe('46147.6');
        expect(exact(balance.emissions)).toBe('35415.6');
        expect(co2eOf(balance, 'power')).toBe('35415.6');
        expect(exact(balance.byCategory.get('2')!)).toBe('35415.6');
        expect(exact(balance.net)).toBe('35415.6');
        // the gas masses follow the figure that counts
        expect(gas(balance, 'CO2')).toBe('35415.6');
    });

    test('scope2 location-based counts the location figure, both reported', async () => {
        const model = await build(body, { scope2: 'location-based' });
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        expect(exact(balance.byScope['2-market'])).toBe('35415.6');
        expect(exact(balance.byScope['2-location'])).toBe('46147.6');
        expect(exact(balance.emissions)).toBe('46147.6');
        expect(co2eOf(balance, 'power')).toBe('46147.6');
    });

    test('an instrument with a factor of its own', async () => {
        const model = await build(
            `${body}
instrument ppa_2024 "Power purchase agreement, gas-fired" {
    kind PPA
    quantity 10_000 MWh
    covers power
    factor 0.1 tCO2/MWh
}`,
            { scope2: 'market-based' }
        );
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // 20 000 × 0 + 10 000 × 0.1 + (86 000 − 30 000) × 0.5366 = 0 + 1 000 + 30 049.6 = 31 049.6
        expect(exact(balance.byScope['2-market'])).toBe('31049.6');
        expect(exact(balance.byScope['2-location'])).toBe('46147.6');
        expect(exact(balance.emissions)).toBe('31049.6');
    });
});

describe('6. biogenic source', () => {
    test('CO2 only in biogenicCO2; CH4 and N2O in emissions', async () => {
        const model = await build(`
factor wood "Wood, stationary combustion" {
    value 112000 kgCO2/TJ
    value 30 kgCH4/TJ
    value 4 kgN2O/TJ
    source "IPCC 2006 Guidelines, Vol. 2, Ch. 2, Table 2.2"
    year 2006
}
site plant_a { location "Hangzhou" }
source biomass_boiler "Biomass boiler" at plant_a {
    category 1
    biogenic yes
    activity 2_000 t * 15.6 GJ/t
    factor wood
}
source kiln at plant_a { category 1 emissions 100 tCO2 }`);
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // Energy = 2 000 t × 15.6 GJ/t = 31 200 GJ = 31.2 TJ
        // CO2 = 31.2 × 112 000 kg = 3 494 400 kg = 3 494.4 t (biogenic)
        expect(exact(balance.biogenicCO2)).toBe('3494.4');
        // CH4 = 31.2 × 30 kg = 936 kg = 0.936 t; N2O = 31.2 × 4 kg = 124.8 kg = 0.1248 t
        expect(gas(balance, 'CH4')).toBe('0.936');
        expect(gas(balance, 'N2O')).toBe('0.1248');
        // the biogenic CO2 is not in byGas: only the kiln's 100 t
        expect(gas(balance, 'CO2')).toBe('100');
        // boiler: 0.936 × 27.9 + 0.1248 × 273 = 26.1144 + 34.0704 = 60.1848
        expect(co2eOf(balance, 'biomass_boiler')).toBe('60.1848');
        // 60.1848 + 100 = 160.1848
        expect(exact(balance.emissions)).toBe('160.1848');
        expect(exact(balance.net)).toBe('160.1848');
    });
});

describe('7. removal', () => {
    test('removals 120, net = emissions − 120', async () => {
        const model = await build(`
site s { location "Hangzhou" }
source kiln at s { category 1 emissions 1_000 tCO2 }
removal r "Plant greenbelt" at s {
    amount 120 tCO2
    method "Forestry carbon-sink methodology"
}`);
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        expect(exact(balance.emissions)).toBe('1000');
        expect(exact(balance.removals)).toBe('120');
        // 1 000 − 120 = 880
        expect(exact(balance.net)).toBe('880');
        expect(balance.netAtOrBelowZero).toBe(false);
    });
});

describe('8. retired and unretired offsets', () => {
    const offsets = `
offset retired_ok "CCER wind farm, retired for 2024" {
    standard CCER
    project "Wind farm, Inner Mongolia"
    registry "National voluntary GHG emission reduction registry"
    serial "CCER-2023-000001-005000"
    kind reduction
    vintage 2023
    quantity 5_000 tCO2e
    retired 2025-03-15
    retired-for "Acme Steel Co., Ltd."
}
offset not_retired "CCER hydro, not yet retired" {
    standard CCER
    project "Hydro plant, Yunnan"
    registry "National voluntary GHG emission reduction registry"
    serial "CCER-2023-005001-008000"
    kind reduction
    vintage 2023
    quantity 3_000 tCO2e
    retired-for "Acme Steel Co., Ltd."
}
offset other_period "CCER solar, claimed against 2023" {
    standard CCER
    project "Solar farm, Qinghai"
    registry "National voluntary GHG emission reduction registry"
    serial "CCER-2022-000001-002000"
    kind reduction
    vintage 2022
    quantity 2_000 tCO2e
    retired 2024-03-01
    retired-for "Acme Steel Co., Ltd."
    applies-to 2023
}`;

    test('only the retired offset that applies to the period counts', async () => {
        const model = await build(`
site s { location "Hangzhou" }
source kiln at s { category 1 emissions 10_000 tCO2 }
${offsets}`);
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // counted: 5 000 (retired, applies to 2024 by default); 3 000 not retired → 0; 2 000 applies to 2023 → 0
        expect(exact(balance.offsets)).toBe('5000');
        const counts = Object.fromEntries(balance.offsetFigures.map(o => [o.offset.name, o.counts]));
        expect(counts).toEqual({ retired_ok: true, not_retired: false, other_period: false });
        // 10 000 − 0 − 5 000 = 5 000
        expect(exact(balance.net)).toBe('5000');
        expect(balance.netAtOrBelowZero).toBe(false);
    });

    test('offsets and removals that exceed emissions: net below zero', async () => {
        const model = await build(`
site s { location "Hangzhou" }
source kiln at s { category 1 emissions 4_000 tCO2 }
removal greenbelt at s { amount 120 tCO2 }
${offsets}`);
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // 4 000 − 120 − 5 000 = −1 120
        expect(exact(balance.net)).toBe('-1120');
        expect(balance.netAtOrBelowZero).toBe(true);
    });

    test('net exactly zero is at or below zero', async () => {
        const balance = (
            await build(`
site s { location "Hangzhou" }
source kiln at s { category 1 emissions 5_120 tCO2 }
removal greenbelt at s { amount 120 tCO2 }
${offsets}`)
        ).balance();
        // 5 120 − 120 − 5 000 = 0
        expect(exact(balance.net)).toBe('0');
        expect(balance.netAtOrBelowZero).toBe(true);
    });
});

describe('9. user units with exact non-SI conversions', () => {
    test('wan_Nm3, lb (built in since issue 13; declared here before) and tce', async () => {
        const model = await build(`
unit wan_Nm3 "ten thousand normal cubic metres" = 10^4 Nm3
let ncv_ng = 389.31 GJ/wan_Nm3
site s { location "Hangzhou" }
source boiler at s {
    category 1
    activity 1_250 wan_Nm3 * ncv_ng
    factor ipcc2006.natural_gas
}
source scrap_flux at s {
    category 1
    activity 10_000 lb
    factor 0.44 tCO2/t
}
source coal at s {
    category 1
    activity 1_000 tce
    factor ipcc2006.other_bituminous_coal
}`);
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // boiler: 1 250 wan_Nm3 = 12 500 000 Nm3; × 389.31 GJ/wan_Nm3 = 486 637.5 GJ = 486.6375 TJ (as in test 1)
        //   CO2e = 27 327.22614 (test 1)
        expect(co2eOf(balance, 'boiler')).toBe('27327.22614');
        // scrap_flux: 10 000 lb × 0.45359237 kg = 4 535.9237 kg = 4.5359237 t; × 0.44 = 1.995806428 tCO2
        expect(co2eOf(balance, 'scrap_flux')).toBe('1.995806428');
        // coal: 1 000 tce × 29.3076 GJ = 29 307.6 GJ = 29.3076 TJ; × 94 600 kg/TJ = 2 772 498.96 kg = 2 772.49896 t
        expect(co2eOf(balance, 'coal')).toBe('2772.49896');
        // CO2: 27 300.36375 + 1.995806428 + 2 772.49896 = 30 074.858516428
        expect(gas(balance, 'CO2')).toBe('30074.858516428');
        // emissions: 27 327.22614 + 1.995806428 + 2 772.49896 = 30 101.720906428
        expect(exact(balance.emissions)).toBe('30101.720906428');
    });
});

describe('10. emissions given directly by a mass balance', () => {
    test('25 000 t × 0.44 tCO2/t', async () => {
        const model = await build(`
site s { location "Hangzhou" }
source calcination "Limestone calcination" at s {
    category 1
    emissions 25_000 t * 0.44 tCO2/t
}`);
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // 25 000 × 0.44 = 11 000 tCO2
        expect(co2eOf(balance, 'calcination')).toBe('11000');
        expect(gas(balance, 'CO2')).toBe('11000');
        expect(exact(balance.emissions)).toBe('11000');
    });
});

describe('11. carbon converted with co2_per_c', () => {
    test('300 tC × 44/12 tCO2/tC is exactly 1 100 tCO2', async () => {
        const model = await build(`
site s { location "Hangzhou" }
source carbon_balance at s {
    category 1
    emissions 300 tC * co2_per_c
}`);
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // 300 × 44 / 12 = 13 200 / 12 = 1 100 exactly (no rounding of 3.666…)
        expect(co2eOf(balance, 'carbon_balance')).toBe('1100');
        expect(gas(balance, 'CO2')).toBe('1100');
        expect(gas(balance, 'C')).toBe('absent');
        expect(exact(balance.emissions)).toBe('1100');
    });

    test('the same conversion written out: (44/12) tCO2/tC', async () => {
        const model = await build(`
site s { location "Hangzhou" }
source carbon_balance at s {
    category 1
    emissions 300 tC * (44/12) tCO2/tC
}`);
        expect(figureErrors(model)).toEqual([]);
        // 300 × 44 / 12 = 1 100 exactly
        expect(exact(model.balance().emissions)).toBe('1100');
    });

    test('1 tC × co2_per_c shows 44/12 to 34 significant digits', async () => {
        const balance = (
            await build(`
site s { location "Hangzhou" }
source c1 at s { category 1 emissions 1 tC * co2_per_c }`)
        ).balance();
        // 44/12 = 11/3 = 3.666…; 34 significant digits, the last rounded half-even: 3.666666666666666666666666666666667
        expect(exact(balance.emissions)).toBe('3.666666666666666666666666666666667');
    });
});

describe('12. a value without a finite decimal expansion', () => {
    test('100 tCO2 / 3 is shown to 34 significant digits, and × 3 is exactly 100', async () => {
        const model = await build(`
site s { location "Hangzhou" }
source third at s { category 1 emissions 100 tCO2 / 3 }
source back at s { category 1 emissions (100 tCO2 / 3) * 3 }`);
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // 100/3 = 33.333…: 2 digits before the point and 32 after = 34 significant digits
        expect(co2eOf(balance, 'third')).toBe('33.33333333333333333333333333333333');
        // (100/3) × 3 = 100 exactly
        expect(co2eOf(balance, 'back')).toBe('100');
        // 100/3 + 100 = 400/3 = 133.333…: 3 + 31 digits
        expect(exact(balance.emissions)).toBe('133.3333333333333333333333333333333');
    });

    test('three thirds add up to exactly 100', async () => {
        const balance = (
            await build(`
site s { location "Hangzhou" }
source t1 at s { category 1 emissions 100 tCO2 / 3 }
source t2 at s { category 1 emissions 100 tCO2 / 3 }
source t3 at s { category 1 emissions 100 tCO2 / 3 }`)
        ).balance();
        // 3 × 100/3 = 100: the sum is exact, not 99.99…
        expect(exact(balance.emissions)).toBe('100');
        expect(gas(balance, 'CO2')).toBe('100');
    });

    test('below one and negative: 34 significant digits, rounded half-even', async () => {
        const model = await build(`
site s { location "Hangzhou" }
source kiln at s { category 1 emissions 10 tCO2 }
source vent at s { category 1 emissions 2 tCO2 / 3 }
removal sink at s { amount 100 tCO2 / 3 }`);
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // 2/3 = 0.666…: 34 significant digits after "0.", the last rounded up to 7
        expect(co2eOf(balance, 'vent')).toBe('0.6666666666666666666666666666666667');
        // 10 + 2/3 = 32/3 = 10.666…: 2 + 32 digits
        expect(exact(balance.emissions)).toBe('10.66666666666666666666666666666667');
        expect(exact(balance.removals)).toBe('33.33333333333333333333333333333333');
        // net = 32/3 − 100/3 = −68/3 = −22.666… (computed exactly, rounded only when shown)
        expect(exact(balance.net)).toBe('-22.66666666666666666666666666666667');
        expect(balance.netAtOrBelowZero).toBe(true);
    });
});

describe('13. a source referenced in an expression', () => {
    test('a source stands for its CO2e', async () => {
        const model = await build(`
site s { location "Hangzhou" }
source a "Coal mine methane" at s { category 1 emissions 10 tCH4 }
source b "Downstream share" at s {
    category 3
    significant yes "Above the materiality threshold"
    emissions a * 10 %
}`);
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // a: 10 tCH4 × 27.9 = 279 tCO2e
        expect(co2eOf(balance, 'a')).toBe('279');
        // b: 279 tCO2e × 10 % = 27.9 tCO2e
        expect(co2eOf(balance, 'b')).toBe('27.9');
        expect(gas(balance, 'CH4')).toBe('10');
        expect(gas(balance, 'CO2e')).toBe('27.9');
        expect(exact(balance.byScope['1'])).toBe('279');
        expect(exact(balance.byScope['3'])).toBe('27.9');
        expect(exact(balance.byCategory.get('3')!)).toBe('27.9');
        // 279 + 27.9 = 306.9
        expect(exact(balance.emissions)).toBe('306.9');
    });
});

describe('14. percentages, powers, negatives via subtraction', () => {
    test('each expression computed exactly', async () => {
        const model = await build(`
site s { location "Hangzhou" }
source p at s { category 1 emissions 8 % * 10^4 tCO2 }
source q at s { category 1 emissions 3_000_000 kgCO2 * 10^-3 }
source r at s { category 1 emissions 1_000 tCO2 - 250 tCO2 - 2 * 10^2 tCO2 }
source u at s { category 1 emissions -(5 tCO2) + 20 tCO2 }
source v at s { category 1 emissions 2^-2 * 100 tCO2 }
source w at s { category 1 emissions 250 ppm * 10^6 tCO2 }
source x at s { category 1 emissions 12.5 % * (1_000 tCO2 - 200 tCO2) }
source y at s { category 1 emissions 1.2e3 tCO2 * 5 % }
source z at s { category 1 emissions 100 tCO2 - 300 tCO2 + 250 tCO2 }`);
        expect(figureErrors(model)).toEqual([]);
        const balance = model.balance();
        // 8 % × 10^4 t = 0.08 × 10 000 = 800
        expect(co2eOf(balance, 'p')).toBe('800');
        // 3 000 000 kg × 10^-3 = 3 000 kg = 3 t
        expect(co2eOf(balance, 'q')).toBe('3');
        // 1 000 − 250 − 2 × 100 = 550
        expect(co2eOf(balance, 'r')).toBe('550');
        // −5 + 20 = 15
        expect(co2eOf(balance, 'u')).toBe('15');
        // 2^-2 × 100 = 0.25 × 100 = 25
        expect(co2eOf(balance, 'v')).toBe('25');
        // 250 ppm × 10^6 = 250 × 10^-6 × 10^6 = 250
        expect(co2eOf(balance, 'w')).toBe('250');
        // 12.5 % × 800 = 0.125 × 800 = 100
        expect(co2eOf(balance, 'x')).toBe('100');
        // 1.2e3 × 5 % = 1 200 × 0.05 = 60
        expect(co2eOf(balance, 'y')).toBe('60');
        // 100 − 300 + 250 = −200 + 250 = 50 (a negative intermediate value is fine)
        expect(co2eOf(balance, 'z')).toBe('50');
        // 800 + 3 + 550 + 15 + 25 + 250 + 100 + 60 + 50 = 1 853
        expect(exact(balance.emissions)).toBe('1853');
    });

    test('10^-6 of a mass and a let with a percentage', async () => {
        const balance = (
            await build(`
let loss_rate = 1.5 %
let micro = 10^-6
site s { location "Hangzhou" }
source leak at s { category 1 emissions 40 t * 1 tSF6/t * loss_rate * micro }`)
        ).balance();
        // 40 × 0.015 × 0.000001 = 0.0000006 tSF6; × 25 200 = 0.01512 tCO2e
        expect(gas(balance, 'SF6')).toBe('0.0000006');
        expect(exact(balance.emissions)).toBe('0.01512');
    });
});

describe('a source that cannot be computed is left out, the others count', () => {
    test('division by zero in one source', async () => {
        const model = await build(`
site s { location "Hangzhou" }
source fine at s { category 1 emissions 100 tCO2 }
source bad at s { category 1 emissions 10 tCO2 / 0 }
source also_good at s { category 2 activity 1_000 MWh factor china_grid.national_2022 }`);
        const balance = model.balance();
        // 100 + 1 000 × 0.5366 = 100 + 536.6 = 636.6; `bad` left out
        expect(exact(balance.emissions)).toBe('636.6');
        expect(balance.uncomputed).toBe(1);
        expect(balance.sources.find(s => s.source.name === 'bad')!.figures).toBeUndefined();
        expect(model.diagnostics('org.cnms').some(d => d.code === 'CN-NUM-004')).toBe(true);
    });

    test('an unknown unit in one source', async () => {
        const model = await build(`
site s { location "Hangzhou" }
source fine at s { category 1 emissions 100 tCO2 }
source power at s { category 2 activity 45000 MWH factor china_grid.national_2022 }`);
        const balance = model.balance();
        expect(exact(balance.emissions)).toBe('100');
        expect(balance.uncomputed).toBe(1);
        expect(model.diagnostics('org.cnms').some(d => d.code === 'CN-NUM-002')).toBe(true);
    });
});

describe("a site's emissions (siteEmissions: the report's table of sites, the site's code lens)", () => {
    test('each site gets its own sources, in order, and the sum of those that can be computed', async () => {
        const model = await build(`
site a { location "Hangzhou" }
site b { location "Ningbo" }
site empty { location "Wenzhou" }
source a1 at a { category 1 emissions 100 tCO2 }
source b1 at b { category 1 emissions 7.5 tCO2 }
source a2 at a { category 1 emissions 10 tCO2 / 0 }
source a3 at a { category 1 emissions 0.25 tCO2 }`);
        const sites = siteEmissions(model.balance());
        const of = (name: string) => [...sites].find(([site]) => site.name === name)?.[1];
        // a: 100 + 0.25 = 100.25 (a2 cannot be computed, but is one of a's sources); b: 7.5; a site without sources has no entry
        expect(of('a')!.sources.map(entry => entry.source.name)).toEqual(['a1', 'a2', 'a3']);
        expect(exact(of('a')!.co2e)).toBe('100.25');
        expect(of('b')!.sources.map(entry => entry.source.name)).toEqual(['b1']);
        expect(exact(of('b')!.co2e)).toBe('7.5');
        expect(of('empty')).toBeUndefined();
        expect(sites.size).toBe(2);
    });
});
