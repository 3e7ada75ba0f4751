import { beforeAll, describe, expect, test } from 'vitest';
import { runCli } from './helpers/cli.js';

/**
 * The three example models under examples/, run through the real `cnms` CLI
 * as a child process. Every expected figure is computed by hand from the
 * model's inputs, with the arithmetic written beside it, and compared as an
 * exact decimal string (no floats anywhere).
 *
 * GWP values (packages/language/src/builtins/gases.cnms):
 *   AR5: CH4 28, N2O 265.
 *   AR6: CH4 27.9, CH4_nonfossil 27.0, N2O 273, SF6 25200, NF3 17400, HFC32 771,
 *        HFC125 3740, HFC134a 1530, CF4 7380, C2F6 12400.
 * co2_per_c (library) = 44/12 tCO2/tC.
 * Library factors used: ipcc2006.coke_oven_coke 107000 kgCO2/TJ,
 *   ipcc2006.anthracite 98300 kgCO2/TJ, ipcc2006.ncv_anthracite 26.7 GJ/t,
 *   ipcc2006.other_bituminous_coal 94600 kgCO2/TJ,
 *   ipcc2006.natural_gas 56100 kgCO2/TJ + 1 kgCH4/TJ + 0.1 kgN2O/TJ,
 *   ipcc2006.ncv_natural_gas 48.0 GJ/t,
 *   ipcc2006.gas_diesel_oil 74100 kgCO2/TJ + 3 kgCH4/TJ + 0.6 kgN2O/TJ,
 *   ipcc2006.ncv_gas_diesel_oil 43.0 GJ/t,
 *   china_grid.north_2023 0.6361 tCO2/MWh, china_grid.east_2023 0.5500 tCO2/MWh.
 */

interface SourceJson {
    id: string;
    site: string | null;
    category: string | null;
    scope: number | null;
    gases: Record<string, string>;
    co2e: string | null;
    co2eLocation?: string;
    co2eMarket?: string;
    biogenicCO2?: string;
    computed: boolean;
}

interface BalanceJson {
    model: string | null;
    gwp: string | null;
    consolidation: string;
    scope2: string;
    emissions: string;
    byCategory: Record<string, string>;
    byScope: Record<string, string>;
    byGas: Record<string, string>;
    sources: SourceJson[];
    biogenicCO2: string;
    removals: string;
    offsets: string;
    net: string;
    neutral: boolean;
    errors: number;
    warnings: number;
}

interface DiagnosticJson {
    severity: 'error' | 'warning' | 'info';
    rule: string;
    file: string;
    line: number;
    message: string;
}

function balanceOf(example: string): BalanceJson {
    const result = runCli(['balance', `examples/${example}`, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as BalanceJson;
}

function sourceOf(balance: BalanceJson, id: string): SourceJson {
    const source = balance.sources.find(s => s.id === id);
    if (!source) throw new Error(`no source ${id} in the balance of ${balance.model}`);
    expect(source.computed).toBe(true);
    return source;
}

function expectValid(example: string): void {
    const result = runCli(['validate', `examples/${example}`, '--format', 'json']);
    const diagnostics = JSON.parse(result.stdout).diagnostics as DiagnosticJson[];
    expect(diagnostics.filter(d => d.severity === 'error')).toEqual([]);
    expect(result.code).toBe(0);
}

// ---------------------------------------------------------------------------

describe('examples/steel: BF-BOF plant, operational control, AR5, location-based', () => {
    let balance: BalanceJson;
    beforeAll(() => {
        balance = balanceOf('steel');
    });

    test('validates with no errors', () => {
        expectValid('steel');
        expect(balance.errors).toBe(0);
    });

    test('settings', () => {
        expect(balance.model).toBe('shigang');
        expect(balance.gwp).toBe('AR5');
        expect(balance.consolidation).toBe('operational-control');
        expect(balance.scope2).toBe('location-based');
    });

    test('sources', () => {
        // bf_coke: 504_000 t × 28.435 GJ/t (ncv_coke) = 14,331,240 GJ = 14,331.24 TJ;
        //   × 107,000 kgCO2/TJ = 1,533,442,680 kg = 1,533,442.68 tCO2 (× GWP 1)
        expect(sourceOf(balance, 'bf_coke').co2e).toBe('1533442.68');
        // pci_coal: 210_000 t × 26.7 GJ/t = 5,607,000 GJ = 5,607 TJ;
        //   × 98,300 kgCO2/TJ = 551,168,100 kg = 551,168.1 tCO2
        expect(sourceOf(balance, 'pci_coal').co2e).toBe('551168.1');
        // sinter_coke_breeze: 105_000 t × 28.435 GJ/t = 2,985,675 GJ = 2,985.675 TJ;
        //   × 107,000 kgCO2/TJ = 319,467,225 kg = 319,467.225 tCO2
        expect(sourceOf(balance, 'sinter_coke_breeze').co2e).toBe('319467.225');

        // reheating_ng: 38_000_000 Nm3 × 389.31 GJ/10^4 Nm3 = 3,800 × 389.31 GJ = 1,479,378 GJ = 1,479.378 TJ
        //   CO2: 1,479.378 TJ × 56,100 kg/TJ = 82,993,105.8 kg = 82,993.1058 t
        //   CH4: 1,479.378 TJ × 1 kg/TJ = 1,479.378 kg = 1.479378 t
        //   N2O: 1,479.378 TJ × 0.1 kg/TJ = 147.9378 kg = 0.1479378 t
        //   CO2e (AR5): 82,993.1058 + 1.479378 × 28 (= 41.422584) + 0.1479378 × 265 (= 39.203517) = 83,073.731901
        const ng = sourceOf(balance, 'reheating_ng');
        expect(ng.gases).toEqual({ CO2: '82993.1058', CH4: '1.479378', N2O: '0.1479378' });
        expect(ng.co2e).toBe('83073.731901');

        // fluxes: 280_000 t × 0.440 tCO2/t = 123,200 t; 120_000 t × 0.471 tCO2/t = 56,520 t; sum 179,720 t
        expect(sourceOf(balance, 'fluxes').co2e).toBe('179720');
        // electrodes: 1_500 t × 0.99 tC/t = 1,485 tC; × 44/12 tCO2/tC = 65,340 / 12 = 5,445 tCO2
        expect(sourceOf(balance, 'electrodes').co2e).toBe('5445');

        // ladle_diesel: 1_200 t × 43.0 GJ/t = 51,600 GJ = 51.6 TJ
        //   CO2: 51.6 × 74,100 = 3,823,560 kg = 3,823.56 t
        //   CH4: 51.6 × 3 = 154.8 kg = 0.1548 t; × 28 = 4.3344
        //   N2O: 51.6 × 0.6 = 30.96 kg = 0.03096 t; × 265 = 8.2044
        //   CO2e: 3,823.56 + 4.3344 + 8.2044 = 3,836.0988
        const diesel = sourceOf(balance, 'ladle_diesel');
        expect(diesel.gases).toEqual({ CO2: '3823.56', CH4: '0.1548', N2O: '0.03096' });
        expect(diesel.co2e).toBe('3836.0988');

        // lime_kiln_lng: 18_500 t × 48.0 GJ/t = 888,000 GJ = 888 TJ
        //   CO2: 888 × 56,100 = 49,816,800 kg = 49,816.8 t
        //   CH4: 888 × 1 = 888 kg = 0.888 t; × 28 = 24.864
        //   N2O: 888 × 0.1 = 88.8 kg = 0.0888 t; × 265 = 23.532
        //   CO2e: 49,816.8 + 24.864 + 23.532 = 49,865.196
        expect(sourceOf(balance, 'lime_kiln_lng').co2e).toBe('49865.196');
        // lime_calcination: 240_000 t × 0.75 tCO2/t = 180,000 tCO2
        expect(sourceOf(balance, 'lime_calcination').co2e).toBe('180000');

        // purchased_power: 320_000 MWh × 0.6361 tCO2/MWh = 203,552 tCO2 (no instrument: location = market)
        const power = sourceOf(balance, 'purchased_power');
        expect(power.co2e).toBe('203552');
        expect(power.co2eLocation).toBe('203552');
        expect(power.co2eMarket).toBe('203552');

        // ore_shipping: 2_300_000 t × 6_800 km = 15,640,000,000 tkm; × 3.5 gCO2e/tkm = 54,740,000,000 g = 54,740 tCO2e
        expect(sourceOf(balance, 'ore_shipping').co2e).toBe('54740');
        // purchased_pellets: 650_000 t × 0.125 tCO2e/t = 81,250 tCO2e
        expect(sourceOf(balance, 'purchased_pellets').co2e).toBe('81250');
        // business_travel: given directly, 850 tCO2e (significant no, still reported and counted)
        expect(sourceOf(balance, 'business_travel').co2e).toBe('850');
    });

    test('totals', () => {
        // Category 1: 1,533,442.68 (bf_coke) + 551,168.1 (pci_coal) + 319,467.225 (sinter_coke_breeze)
        //   + 83,073.731901 (reheating_ng) + 179,720 (fluxes) + 5,445 (electrodes) + 3,836.0988 (ladle_diesel)
        //   + 49,865.196 (lime_kiln_lng) + 180,000 (lime_calcination) = 2,906,018.031701
        // Category 2: 203,552 (purchased_power)
        // Category 3: 54,740 (ore_shipping) + 850 (business_travel) = 55,590
        // Category 4: 81,250 (purchased_pellets)
        expect(balance.byCategory).toEqual({ '1': '2906018.031701', '2': '203552', '3': '55590', '4': '81250' });
        // Scope 1 = category 1; scope 2 location = market = 203,552; scope 3 = 55,590 + 81,250 = 136,840
        expect(balance.byScope).toEqual({ '1': '2906018.031701', '2-location': '203552', '2-market': '203552', '3': '136840' });
        // Emissions: 2,906,018.031701 + 203,552 + 55,590 + 81,250 = 3,246,410.031701
        expect(balance.emissions).toBe('3246410.031701');
        // No biogenic source
        expect(balance.biogenicCO2).toBe('0');
        // Removals: greenbelt 1,850 tCO2 (operational control: share 1)
        expect(balance.removals).toBe('1850');
        // Offsets: ccer_forest_2024 20,000 (retired 2025-03-20, applies to 2024) counts;
        //   ccer_wind_reserve 30,000 is not retired and counts for nothing
        expect(balance.offsets).toBe('20000');
        // Net: 3,246,410.031701 − 1,850 − 20,000 = 3,224,560.031701
        expect(balance.net).toBe('3224560.031701');
        expect(balance.neutral).toBe(false);
    });
});

// ---------------------------------------------------------------------------

describe('examples/cement: clinker plant, equity share, AR6, location-based', () => {
    let balance: BalanceJson;
    beforeAll(() => {
        balance = balanceOf('cement');
    });

    test('validates with no errors', () => {
        expectValid('cement');
        expect(balance.errors).toBe(0);
    });

    test('settings', () => {
        expect(balance.model).toBe('wanjiang_cement');
        expect(balance.gwp).toBe('AR6');
        expect(balance.consolidation).toBe('equity-share');
        expect(balance.scope2).toBe('location-based');
    });

    test('sources (kiln_line and quarry at share 100 %, grinding_station at 60 %)', () => {
        // calcination: clinker 1_550_000 t × 0.5252 tCO2/t = 814,060 tCO2; × 100 % = 814,060
        expect(sourceOf(balance, 'calcination').co2e).toBe('814060');
        // raw_meal_toc: 2_400_000 t × 1 kgC/t = 2,400,000 kgC = 2,400 tC; × 44/12 = 105,600 / 12 = 8,800 tCO2
        expect(sourceOf(balance, 'raw_meal_toc').co2e).toBe('8800');

        // kiln_coal: 210_000 t × 22.8 GJ/t = 4,788,000 GJ = 4,788 TJ
        //   CO2: 4,788 × 94,600 = 452,944,800 kg = 452,944.8 t
        //   CH4: 4,788 × 10 = 47,880 kg = 47.88 t; × 27.9 = 1,335.852
        //   N2O: 4,788 × 1.5 = 7,182 kg = 7.182 t; × 273 = 1,960.686
        //   CO2e: 452,944.8 + 1,335.852 + 1,960.686 = 456,241.338
        const coal = sourceOf(balance, 'kiln_coal');
        expect(coal.gases).toEqual({ CO2: '452944.8', CH4: '47.88', N2O: '7.182' });
        expect(coal.co2e).toBe('456241.338');

        // kiln_power: 62_000 MWh × 0.5500 tCO2/MWh = 34,100 tCO2
        expect(sourceOf(balance, 'kiln_power').co2e).toBe('34100');
        // coal_rail: 210_000 t × 1_150 km = 241,500,000 tkm; × 9.5 gCO2e/tkm = 2,294,250,000 g = 2,294.25 tCO2e
        expect(sourceOf(balance, 'coal_rail').co2e).toBe('2294.25');

        // quarry_diesel: 2_600 t × 43.0 GJ/t = 111,800 GJ = 111.8 TJ
        //   CO2: 111.8 × 74,100 = 8,284,380 kg = 8,284.38 t
        //   CH4: 111.8 × 4.15 = 463.97 kg = 0.46397 t; × 27.9 = 12.944763
        //   N2O: 111.8 × 28.6 = 3,197.48 kg = 3.19748 t; × 273 = 872.91204
        //   CO2e: 8,284.38 + 12.944763 + 872.91204 = 9,170.236803
        expect(sourceOf(balance, 'quarry_diesel').co2e).toBe('9170.236803');

        // grinding_power: 38_400 MWh × 0.5500 = 21,120 tCO2; × 60 % = 12,672
        const grinding = sourceOf(balance, 'grinding_power');
        expect(grinding.co2e).toBe('12672');
        expect(grinding.co2eLocation).toBe('12672');

        // slag_dryer_ng: 1_500_000 Nm3 × 389.31 GJ/10^4 Nm3 = 150 × 389.31 = 58,396.5 GJ = 58.3965 TJ
        //   CO2: 58.3965 × 56,100 = 3,276,043.65 kg = 3.27604365 kt; × 60 % = 1,965.62619 t
        //   CH4: 58.3965 × 1 = 58.3965 kg = 0.0583965 t; × 60 % = 0.0350379 t
        //   N2O: 58.3965 × 0.1 = 5.83965 kg = 0.00583965 t; × 60 % = 0.00350379 t
        //   CO2e: 1,965.62619 + 0.0350379 × 27.9 (= 0.97755741) + 0.00350379 × 273 (= 0.95653467) = 1,967.56028208
        //   (= (3,276.04365 + 1.62926235 + 1.59422445) × 0.6 = 3,279.2671368 × 0.6)
        const dryer = sourceOf(balance, 'slag_dryer_ng');
        expect(dryer.gases).toEqual({ CO2: '1965.62619', CH4: '0.0350379', N2O: '0.00350379' });
        expect(dryer.co2e).toBe('1967.56028208');

        // purchased_clinker: 150_000 t × 0.86 tCO2e/t = 129,000; × 60 % = 77,400 tCO2e
        expect(sourceOf(balance, 'purchased_clinker').co2e).toBe('77400');
        // cement_delivery: 1_200_000 t × 60 km = 72,000,000 tkm; × 62 gCO2e/tkm = 4,464,000,000 g = 4,464 t; × 60 % = 2,678.4
        expect(sourceOf(balance, 'cement_delivery').co2e).toBe('2678.4');
    });

    test('totals', () => {
        // Category 1: 814,060 (calcination) + 8,800 (raw_meal_toc) + 456,241.338 (kiln_coal)
        //   + 9,170.236803 (quarry_diesel) + 1,967.56028208 (slag_dryer_ng) = 1,290,239.13508508
        // Category 2: 34,100 (kiln_power) + 12,672 (grinding_power) = 46,772
        // Category 3: 2,294.25 (coal_rail) + 2,678.4 (cement_delivery) = 4,972.65
        // Category 4: 77,400 (purchased_clinker)
        expect(balance.byCategory).toEqual({ '1': '1290239.13508508', '2': '46772', '3': '4972.65', '4': '77400' });
        // Scope 3: 4,972.65 + 77,400 = 82,372.65
        expect(balance.byScope).toEqual({ '1': '1290239.13508508', '2-location': '46772', '2-market': '46772', '3': '82372.65' });
        // Emissions: 1,290,239.13508508 + 46,772 + 4,972.65 + 77,400 = 1,419,383.78508508
        expect(balance.emissions).toBe('1419383.78508508');
        expect(balance.biogenicCO2).toBe('0');
        // Removals: quarry_restoration 1,260 × 100 % + jv_greenbelt 150 × 60 % (= 90) = 1,350
        expect(balance.removals).toBe('1350');
        // Offsets: ccer_2024 15,000 counts; ccer_2023 (12,000) is retired but applies to 2023;
        //   vcs_reserve (20,000) is not retired: 15,000
        expect(balance.offsets).toBe('15000');
        // Net: 1,419,383.78508508 − 1,350 − 15,000 = 1,403,033.78508508
        expect(balance.net).toBe('1403033.78508508');
        expect(balance.neutral).toBe(false);
    });
});

// ---------------------------------------------------------------------------

describe('examples/electronics: wafer fab, operational control, AR6, market-based', () => {
    let balance: BalanceJson;
    beforeAll(() => {
        balance = balanceOf('electronics');
    });

    test('validates with no errors', () => {
        expectValid('electronics');
        expect(balance.errors).toBe(0);
    });

    test('settings', () => {
        expect(balance.model).toBe('suzhou_micro');
        expect(balance.gwp).toBe('AR6');
        expect(balance.consolidation).toBe('operational-control');
        expect(balance.scope2).toBe('market-based');
    });

    test('scope 2 with instruments', () => {
        // fab_power: location 180_000 MWh × 0.5500 = 99,000 tCO2;
        //   market: GEC 100_000 MWh × 0 + (180,000 − 100,000) MWh × 0.5500 = 80,000 × 0.55 = 44,000 tCO2 (counts)
        const fab = sourceOf(balance, 'fab_power');
        expect(fab.co2eLocation).toBe('99000');
        expect(fab.co2eMarket).toBe('44000');
        expect(fab.co2e).toBe('44000');
        expect(fab.gases).toEqual({ CO2: '44000' });
        // assembly_power: location 36_000 × 0.5500 = 19,800;
        //   market: green power 12_000 × 0 + (36,000 − 12,000) × 0.5500 = 13,200 (counts)
        const assembly = sourceOf(balance, 'assembly_power');
        expect(assembly.co2eLocation).toBe('19800');
        expect(assembly.co2eMarket).toBe('13200');
        expect(assembly.co2e).toBe('13200');
    });

    test('direct sources', () => {
        // fab_boilers: 2_400_000 Nm3 × 389.31 GJ/10^4 Nm3 = 240 × 389.31 = 93,434.4 GJ = 93.4344 TJ
        //   CO2: 93.4344 × 56,100 = 5,241,669.84 kg = 5,241.66984 t
        //   CH4: 93.4344 × 1 = 93.4344 kg = 0.0934344 t; × 27.9 = 2.60681976
        //   N2O: 93.4344 × 0.1 = 9.34344 kg = 0.00934344 t; × 273 = 2.55075912
        //   CO2e: 5,241.66984 + 2.60681976 + 2.55075912 = 5,246.82741888
        const boilers = sourceOf(balance, 'fab_boilers');
        expect(boilers.gases).toEqual({ CO2: '5241.66984', CH4: '0.0934344', N2O: '0.00934344' });
        expect(boilers.co2e).toBe('5246.82741888');

        // after_abatement = 1 − 80 % × 90 % = 1 − 0.72 = 0.28
        // cvd_c2f6: C2F6 2_400 kg × 0.6 × 0.28 = 403.2 kg = 0.4032 t; × 12,400 = 4,999.68
        //           CF4  2_400 kg × 0.1 × 0.28 = 67.2 kg = 0.0672 t; × 7,380 = 495.936
        //   CO2e: 4,999.68 + 495.936 = 5,495.616
        const cvd = sourceOf(balance, 'cvd_c2f6');
        expect(cvd.gases).toEqual({ C2F6: '0.4032', CF4: '0.0672' });
        expect(cvd.co2e).toBe('5495.616');
        // nf3_clean: 12_000 kgNF3 × 2 % × 0.28 = 67.2 kg = 0.0672 t; × 17,400 = 1,169.28
        expect(sourceOf(balance, 'nf3_clean').co2e).toBe('1169.28');
        // sf6_etch: 3_000 kgSF6 × 20 % × 0.28 = 168 kg = 0.168 t; × 25,200 = 4,233.6
        expect(sourceOf(balance, 'sf6_etch').co2e).toBe('4233.6');
        // cf4_etch: 1_500 kgCF4 × 70 % × 0.28 = 294 kg = 0.294 t; × 7,380 = 2,169.72
        expect(sourceOf(balance, 'cf4_etch').co2e).toBe('2169.72');
        // chiller_hfc134a: 420 kg = 0.42 t; × 1,530 = 642.6
        expect(sourceOf(balance, 'chiller_hfc134a').co2e).toBe('642.6');
        // ac_r410a: 160 kg × 0.5 = 80 kg HFC32 = 0.08 t × 771 = 61.68;
        //           160 kg × 0.5 = 80 kg HFC125 = 0.08 t × 3,740 = 299.2; CO2e 61.68 + 299.2 = 360.88
        const r410a = sourceOf(balance, 'ac_r410a');
        expect(r410a.gases).toEqual({ HFC32: '0.08', HFC125: '0.08' });
        expect(r410a.co2e).toBe('360.88');

        // canteen_biomass (biogenic): 380 t × 16.5 GJ/t = 6,270 GJ = 6.27 TJ
        //   CO2: 6.27 × 112,000 = 702,240 kg = 702.24 t → biogenicCO2, not emissions
        //   CH4_nonfossil: 6.27 × 300 = 1,881 kg = 1.881 t; × 27.0 = 50.787
        //   N2O: 6.27 × 4 = 25.08 kg = 0.02508 t; × 273 = 6.84684
        //   CO2e: 50.787 + 6.84684 = 57.63384
        const canteen = sourceOf(balance, 'canteen_biomass');
        expect(canteen.gases).toEqual({ CH4_nonfossil: '1.881', N2O: '0.02508' });
        expect(canteen.biogenicCO2).toBe('702.24');
        expect(canteen.co2e).toBe('57.63384');
    });

    test('indirect sources', () => {
        // purchased_materials: 85_000 万元 × 0.52 tCO2e/万元 = 44,200 tCO2e
        expect(sourceOf(balance, 'purchased_materials').co2e).toBe('44200');
        // hazwaste: 1_300 t × 0.45 tCO2e/t = 585 tCO2e
        expect(sourceOf(balance, 'hazwaste').co2e).toBe('585');
        // inbound_logistics: 3_800 t × 1_150 km = 4,370,000 tkm; × 78 gCO2e/tkm = 340,860,000 g = 340.86 tCO2e
        expect(sourceOf(balance, 'inbound_logistics').co2e).toBe('340.86');
        // business_travel: 180 tCO2e
        expect(sourceOf(balance, 'business_travel').co2e).toBe('180');
    });

    test('totals', () => {
        // Category 1: 5,246.82741888 (fab_boilers) + 5,495.616 (cvd_c2f6) + 1,169.28 (nf3_clean)
        //   + 4,233.6 (sf6_etch) + 2,169.72 (cf4_etch) + 642.6 (chiller_hfc134a) + 360.88 (ac_r410a)
        //   + 57.63384 (canteen_biomass, CH4 and N2O only) = 19,376.15725888
        // Category 2 (market-based counts): 44,000 + 13,200 = 57,200
        // Category 3: 340.86 (inbound_logistics) + 180 (business_travel) = 520.86
        // Category 4: 44,200 (purchased_materials) + 585 (hazwaste) = 44,785
        expect(balance.byCategory).toEqual({ '1': '19376.15725888', '2': '57200', '3': '520.86', '4': '44785' });
        // Scope 2 location: 99,000 + 19,800 = 118,800; market: 44,000 + 13,200 = 57,200;
        // scope 3: 520.86 + 44,785 = 45,305.86
        expect(balance.byScope).toEqual({ '1': '19376.15725888', '2-location': '118800', '2-market': '57200', '3': '45305.86' });
        // Emissions (scope 2 market-based): 19,376.15725888 + 57,200 + 520.86 + 44,785 = 121,882.01725888
        expect(balance.emissions).toBe('121882.01725888');
        // Biogenic CO2: canteen_biomass 702.24 t
        expect(balance.biogenicCO2).toBe('702.24');
        // Removals: fab_greenbelt 85 tCO2
        expect(balance.removals).toBe('85');
        // Offsets: ccer_2024 8,000 (retired 2025-02-26, applies to 2024); gs_cookstove (5,000) not retired
        expect(balance.offsets).toBe('8000');
        // Net: 121,882.01725888 − 85 − 8,000 = 113,797.01725888
        expect(balance.net).toBe('113797.01725888');
        expect(balance.neutral).toBe(false);
    });
});
