// Installations, production processes and goods (issue 15, docs/cbam.md):
// specific embedded emissions by Implementing Regulation (EU) 2025/2547,
// Annex III point B (SEE = (AttrEm + Σ M_i × SEE_i) / AL), direct and
// indirect apart. Every expected figure is worked out by hand in the test.
import { describe, expect, test } from 'vitest';
import { isGood, isProcess, Rational, type Good, type Process } from '@cnms/language';
import { buildModel, exact, type BuiltModel } from './helpers/model.js';

const ORGANIZATION = `organization acme "Acme Steel" {
    period 2025
    ms-scope "Steelmaking"
}
site plant { location "Tangshan, Hebei" }
installation works "Integrated works" at plant {
    country "CN"
    city "Tangshan"
}
`;

async function build(body: string, organization = ORGANIZATION): Promise<BuiltModel> {
    return buildModel({ 'org.cnms': `${organization}\n${body}\n` });
}

function processNamed(model: BuiltModel, name: string): Process {
    const file = model.documents.get('org.cnms')!.parseResult.value as { elements: unknown[] };
    const process = file.elements.find((element): element is Process => isProcess(element) && element.name === name);
    if (!process) throw new Error(`no process ${name}`);
    return process;
}

function goodNamed(model: BuiltModel, name: string): Good {
    const file = model.documents.get('org.cnms')!.parseResult.value as { elements: unknown[] };
    for (const element of file.elements) {
        if (isGood(element) && element.name === name) return element;
        if (isProcess(element)) for (const good of element.goods) if (good.name === name) return good;
    }
    throw new Error(`no good ${name}`);
}

const ratio = (numerator: string, denominator: string) => Rational.parse(numerator).dividedBy(Rational.parse(denominator));

function cbamErrors(model: BuiltModel) {
    return model.diagnostics().filter(d => d.code.startsWith('CN-CBAM-') || d.code.startsWith('CN-NUM-'));
}

describe('specific embedded emissions (Annex III point B, Equations 59 and 60)', () => {
    test('1,000 t of fasteners, 30 tCO2e attributed, 1,050 t of wire rod bought at 2.10 tCO2e/t: 2.235 tCO2e/t', async () => {
        const model = await build(`
source furnace "Heat-treatment furnace" at plant { category 1 emissions 30 tCO2 }
good wire_rod "Wire rod" { cn-code "7213 91 10" category "Iron or steel products" embedded-direct 2.10 tCO2e/t }
process fastening "Fastener making" in works {
    sources furnace
    consumes 1_050 t of wire_rod
    good fasteners "Fasteners" { cn-code "7318 15 88" category "Iron or steel products" quantity 1_000 t }
}`);
        expect(cbamErrors(model)).toEqual([]);
        const figures = model.Cnms.semantics.ProductFigures.ofGood(goodNamed(model, 'fasteners'))!;
        // (30 + 1,050 × 2.10) / 1,000 = (30 + 2,205) / 1,000 = 2.235
        expect(exact(figures.seeDirect)).toBe('2.235');
        expect(exact(figures.seeIndirect)).toBe('0');
        const process = model.Cnms.semantics.ProductFigures.ofProcess(processNamed(model, 'fastening'))!;
        expect(exact(process.attributedDirect)).toBe('30');
        expect(exact(process.precursorDirect)).toBe('2205');
        expect(exact(process.activityLevel)).toBe('1000');
    });

    const chain = (heat: boolean) => `
source sinter_fuel "Sinter strand fuels" at plant { category 1 emissions 100_000 tCO2 }
source blast_furnace "Blast furnace" at plant { category 1 emissions 1_200_000 tCO2 }
source converter "Basic oxygen furnace" at plant { category 1 emissions 80_000 tCO2 }
source melt_shop_power "Melt shop electricity" at plant { category 2 activity 50_000 MWh factor 0.5 tCO2/MWh }
source reheating "Reheating furnace" at plant { category 1 emissions 40_000 tCO2 }
process sintering "Sinter plant" in works {
    sources sinter_fuel
    ${heat ? 'heat-out 200_000 GJ factor 0.05 tCO2/GJ' : ''}
    good sinter "Sinter" { cn-code "2601 12 00" category "Sintered ore" quantity 1_000_000 t }
}
process ironmaking "Blast furnace" in works {
    sources blast_furnace
    ${heat ? 'heat-in 200_000 GJ factor 0.05 tCO2/GJ' : ''}
    consumes 1_000_000 t of sinter
    good pig_iron "Hot metal" { cn-code "7201 10 11" category "Pig iron" quantity 800_000 t }
}
process steelmaking "Basic oxygen steelmaking" in works {
    sources converter, melt_shop_power
    consumes 760_000 t of pig_iron
    good slab "Slab" { cn-code "7207 12 10" category "Crude steel" quantity 850_000 t }
}
process rolling "Hot strip mill" in works {
    sources reheating
    consumes 840_000 t of slab
    good hrc "Hot-rolled coil" { cn-code "7208 39 00" category "Iron or steel products" quantity 800_000 t }
}`;

    test('a chain of four processes: the coil carries the chain computed by hand', async () => {
        const model = await build(chain(true));
        expect(cbamErrors(model)).toEqual([]);
        const products = model.Cnms.semantics.ProductFigures;
        // sinter: AttrEm = 100,000 − 200,000 GJ × 0.05 = 90,000; SEE = 90,000 / 1,000,000 = 0.09
        expect(exact(products.ofGood(goodNamed(model, 'sinter'))!.seeDirect)).toBe('0.09');
        // pig iron: (1,200,000 + 10,000 + 1,000,000 × 0.09) / 800,000 = 1,300,000 / 800,000 = 1.625
        expect(exact(products.ofGood(goodNamed(model, 'pig_iron'))!.seeDirect)).toBe('1.625');
        // slab: direct (80,000 + 760,000 × 1.625) / 850,000 = 1,315,000 / 850,000 = 263/170;
        //       indirect 50,000 MWh × 0.5 / 850,000 = 25,000 / 850,000 = 1/34
        const slab = products.ofGood(goodNamed(model, 'slab'))!;
        expect(slab.seeDirect.equals(ratio('263', '170'))).toBe(true);
        expect(slab.seeIndirect.equals(ratio('1', '34'))).toBe(true);
        // coil: direct (40,000 + 840,000 × 263/170) / 800,000 = (680,000 + 22,092,000)/17 / 800,000 = 22,772/13,600 = 5,693/3,400;
        //       indirect 840,000 × 1/34 / 800,000 = 21/680
        const coil = products.ofGood(goodNamed(model, 'hrc'))!;
        expect(coil.seeDirect.equals(ratio('5693', '3400'))).toBe(true);
        expect(coil.seeIndirect.equals(ratio('21', '680'))).toBe(true);
    });

    test('heat exported to another process moves its emissions exactly', async () => {
        const withHeat = await build(chain(true));
        const without = await build(chain(false));
        const attributed = (model: BuiltModel, name: string) => model.Cnms.semantics.ProductFigures.ofProcess(processNamed(model, name))!.attributedDirect;
        // 200,000 GJ × 0.05 tCO2/GJ = 10,000 tCO2e leave the sinter plant and enter the blast furnace
        expect(exact(attributed(without, 'sintering').minus(attributed(withHeat, 'sintering')))).toBe('10000');
        expect(exact(attributed(withHeat, 'ironmaking').minus(attributed(without, 'ironmaking')))).toBe('10000');
        expect(exact(attributed(withHeat, 'sintering').plus(attributed(withHeat, 'ironmaking')))).toBe('1300000');
        // the coil carries the same emissions either way: heat moves between processes of the chain
        const coil = (model: BuiltModel) => model.Cnms.semantics.ProductFigures.ofGood(goodNamed(model, 'hrc'))!.seeDirect;
        expect(coil(withHeat).equals(coil(without))).toBe(true);
    });

    test('the site share does not scale a process: the installation counts its emissions in full', async () => {
        const model = await build(
            `
source furnace at plant { category 1 emissions 30 tCO2 }
process fastening in works {
    sources furnace
    good fasteners { quantity 10 t }
}`,
            ORGANIZATION.replace('site plant { location "Tangshan, Hebei" }', 'site plant { location "Tangshan, Hebei" control joint 50 % }')
        );
        expect(cbamErrors(model)).toEqual([]);
        // 30 / 10 = 3, not 15 / 10
        expect(exact(model.Cnms.semantics.ProductFigures.ofGood(goodNamed(model, 'fasteners'))!.seeDirect)).toBe('3');
    });
});

describe('the rules of products', () => {
    test('CN-CBAM-001: a good without a production quantity', async () => {
        const model = await build(`
source furnace at plant { category 1 emissions 30 tCO2 }
process fastening in works {
    sources furnace
    good fasteners { cn-code "7318 15 88" }
}`);
        expect(cbamErrors(model).map(d => [d.code, d.text, d.message])).toEqual([['CN-CBAM-001', 'fasteners', 'Good fasteners has no `quantity`: its process has no activity level, so no emissions per tonne are computed.']]);
        expect(model.Cnms.semantics.ProductFigures.ofProcess(processNamed(model, 'fastening'))).toBeUndefined();
    });

    test('CN-CBAM-002: a precursor bought without embedded emissions, in English and Chinese', async () => {
        const body = `
source furnace at plant { category 1 emissions 30 tCO2 }
good wire_rod { cn-code "7213 91 10" }
process fastening in works {
    sources furnace
    consumes 1_050 t of wire_rod
    good fasteners { quantity 1_000 t }
}`;
        const model = await build(body);
        expect(cbamErrors(model).map(d => [d.code, d.line, d.text])).toEqual([
            ['CN-CBAM-002', 13, 'wire_rod'],
            ['CN-CBAM-002', 16, '1_050 t of wire_rod']
        ]);
        const zh = await buildModel({ 'org.cnms': `${ORGANIZATION}\n${body}\n` }, 'zh-CN');
        expect(zh.diagnostics().filter(d => d.code === 'CN-CBAM-002')[0].message).toBe('产品 wire_rod 为外购（写在工序之外），但没有给出 `embedded-direct`：使用它的工序不予计算。');
    });

    test('CN-CBAM-003: a reporting period that is not twelve months', async () => {
        const model = await build(`
installation mill "Rolling mill" { country "CN" period 2025-01-01 .. 2025-06-30 }`);
        expect(
            model
                .diagnostics()
                .filter(d => d.code === 'CN-CBAM-003')
                .map(d => d.message)
        ).toEqual(['The reporting period of installation mill is 2025-01-01 .. 2025-06-30, not twelve months.']);
    });

    test('CN-CBAM-004: default values where a process of the model makes the same CN code', async () => {
        const model = await build(`
source furnace at plant { category 1 emissions 30 tCO2 }
source mill at plant { category 1 emissions 10 tCO2 }
good bought_rod { cn-code "7213 91 10" embedded-direct 2.10 tCO2e/t default-value yes }
process rod_mill in works {
    sources mill
    good own_rod { cn-code "72139110" quantity 500 t }
}
process fastening in works {
    sources furnace
    consumes 1_050 t of bought_rod
    good fasteners { quantity 1_000 t }
}`);
        expect(
            model
                .diagnostics()
                .filter(d => d.code === 'CN-CBAM-004')
                .map(d => [d.line, d.text])
        ).toEqual([[21, '1_050 t of bought_rod']]);
    });

    test('a value of the wrong dimension is named by its keyword, as the model writes it', async () => {
        const model = await build(`
source furnace at plant { category 1 emissions 30 tCO2 }
good rod { embedded-direct 2.1 tCO2 }
process fastening in works {
    sources furnace
    consumes 5 MWh of rod
    waste-gas-out 3 GJ
    good fasteners { quantity 1 t }
}`);
        expect(
            model
                .diagnostics()
                .filter(d => d.code === 'CN-NUM-003')
                .map(d => d.message)
        ).toEqual([
            "'embedded-direct' must be a mass of CO2e per mass of good (tCO2e/t), but this value is mass of CO2.",
            "'waste-gas-out' must be a mass of a gas (such as tCO2), but this value is energy.",
            "'consumes' must be a mass (such as t), but this value is energy."
        ]);
    });

    test('CN-NUM-006: two goods of one name, one bought and one made, are a duplicate', async () => {
        const model = await build(`
source furnace at plant { category 1 emissions 30 tCO2 }
good rod { embedded-direct 2.1 tCO2e/t }
process rolling in works {
    sources furnace
    good rod { quantity 1 t }
}`);
        expect(
            model
                .diagnostics()
                .filter(d => d.code === 'CN-NUM-006')
                .map(d => [d.line, d.text])
        ).toEqual([
            [13, 'rod'],
            [16, 'rod']
        ]);
    });

    test('CN-CBAM-006: a carbon balance that does not close, with the gap worked out by hand', async () => {
        const process = (emissions: string) => `
source converter at plant { category 1 emissions ${emissions} tCO2 }
process steelmaking in works {
    sources converter
    carbon-in 1_000 tC
    carbon-out 100 tC
    balance-tolerance 2 %
    good slab { quantity 850_000 t }
}`;
        // 3,000 tCO2 × 12/44 = 818.1818… tC emitted; 1,000 − 100 − 818.18… = 81.8181… tC, beyond 2 % × 1,000 = 20 tC
        const open = await build(process('3_000'));
        expect(
            open
                .diagnostics()
                .filter(d => d.code === 'CN-CBAM-006')
                .map(d => d.message)
        ).toEqual(['The carbon balance of process steelmaking does not close: 1,000.000 tC in − 100.000 tC out − 818.182 tC emitted as CO2 = 81.818 tC, beyond 2.000 % of the carbon in.']);
        const balance = open.Cnms.semantics.ProductFigures.ofProcess(processNamed(open, 'steelmaking'))!.carbonBalance!;
        expect(balance.emitted.equals(ratio('9000', '11'))).toBe(true);
        // 3,300 tCO2 × 12/44 = 900 tC: the balance closes exactly; 3,240 tCO2 → 883.6… tC, a gap of 16.36… tC within 20 tC
        expect((await build(process('3_300'))).diagnostics().filter(d => d.code === 'CN-CBAM-006')).toEqual([]);
        expect((await build(process('3_240'))).diagnostics().filter(d => d.code === 'CN-CBAM-006')).toEqual([]);
    });

    test('CN-CBAM-007: an energy balance that does not close, heat and electricity counted on their side, the gap worked out by hand', async () => {
        const process = (energyOut: string, extra = '') => `
source mill_power at plant { category 2 activity 100_000 MWh factor 0.6 tCO2/MWh }
source furnace at plant { category 1 emissions 1_000 tCO2 }
process rolling in works {
    sources furnace, mill_power
    heat-in 200_000 GJ factor 0.08 tCO2/GJ
    heat-out 40_000 GJ factor 0.08 tCO2/GJ
    energy-in 2_000_000 GJ
    energy-out ${energyOut}
    energy-tolerance 5 %
    ${extra}
    good hrc { quantity 800_000 t }
}`;
        const energy = (model: BuiltModel) => model.diagnostics().filter(d => d.code === 'CN-CBAM-007');
        // in: 2,000,000 + 200,000 heat + 100,000 MWh × 3.6 GJ/MWh = 360,000 → 2,560,000 GJ; 5 % of it = 128,000 GJ
        // out: 2,300,000 + 40,000 heat = 2,340,000 GJ; gap 220,000 GJ, beyond 128,000
        const open = await build(process('2_300_000 GJ'));
        expect(energy(open).map(d => d.message)).toEqual([
            'The energy balance of process rolling does not close: 2,000,000.000 GJ in + 200,000.000 GJ heat in + 360,000.000 GJ electricity − 2,300,000.000 GJ out − 40,000.000 GJ heat out = 220,000.000 GJ, beyond 5.000 % of the energy in (2,560,000.000 GJ).'
        ]);
        // located on the process, at what it declares coming in
        expect(energy(open)[0].text).toBe('2_000_000 GJ');
        const balance = open.Cnms.semantics.ProductFigures.ofProcess(processNamed(open, 'rolling'))!.energyBalance!;
        expect(exact(balance.electricity)).toBe('360000');
        expect(exact(balance.heatIn)).toBe('200000');
        expect(exact(balance.heatOut)).toBe('40000');
        // 2,520,000 out: the balance closes exactly; 2,392,000 out leaves exactly 128,000 GJ (5 %), within; 2,391,999 GJ leaves 128,001, beyond
        expect(energy(await build(process('2_520_000 GJ')))).toEqual([]);
        expect(energy(await build(process('2_392_000 GJ')))).toEqual([]);
        expect(energy(await build(process('2_391_999 GJ'))).length).toBe(1);
        // the same balance in other units: 700,000 MWh = 2,520,000 GJ closes it
        expect(energy(await build(process('700_000 MWh')))).toEqual([]);
    });

    test('CN-CBAM-007: a balance given in part, or whose electricity is not an energy, is said to be unchecked; a wrong unit is CN-NUM-003', async () => {
        const partial = await build(`
source furnace at plant { category 1 emissions 1_000 tCO2 }
process rolling in works { sources furnace energy-out 10 GJ good hrc { quantity 1 t } }`);
        expect(
            partial
                .diagnostics()
                .filter(d => d.code === 'CN-CBAM-007')
                .map(d => d.message)
        ).toEqual(['Process rolling declares only part of its energy balance: give both `energy-in` and `energy-out`, or neither.']);
        const unknown = await build(`
source power at plant { category 2 emissions 60 tCO2 }
process rolling in works { sources power energy-in 10 GJ energy-out 10 GJ good hrc { quantity 1 t } }`);
        expect(
            unknown
                .diagnostics()
                .filter(d => d.code === 'CN-CBAM-007')
                .map(d => d.message)
        ).toEqual(['The energy balance of process rolling is not checked: the electricity of source power is not given as an energy (give its `activity` in MWh).']);
        // its figures are still computed: the energy balance is a check, not an input
        expect(exact(unknown.Cnms.semantics.ProductFigures.ofGood(goodNamed(unknown, 'hrc'))!.seeIndirect)).toBe('60');
        const wrongUnit = await build(`
source furnace at plant { category 1 emissions 1_000 tCO2 }
process rolling in works { sources furnace energy-in 10 t energy-out 10 GJ good hrc { quantity 1 t } }`);
        const messages = wrongUnit.diagnostics().map(d => d.message);
        expect(messages.some(message => message.includes('an amount of energy (such as GJ)'))).toBe(true);
        for (const message of messages) expect(message).not.toMatch(/undefined|null|NaN|\[object Object\]/);
    });

    test('half-typed energy balances: a diagnostic, no crash, nothing undefined', async () => {
        for (const half of ['energy-in', 'energy-in 5', 'energy-in 5 GJ energy-out', 'energy-tolerance', 'energy-in 5 GJ energy-out 5 GJ energy-tolerance %', 'energy-out GJ']) {
            const model = await build(`
source furnace at plant { category 1 emissions 1_000 tCO2 }
process rolling in works { sources furnace ${half} good hrc { quantity 1 t } }`);
            const messages = model.diagnostics().map(d => d.message);
            expect(messages.length, half).toBeGreaterThan(0);
            for (const message of messages) expect(message, half).not.toMatch(/undefined|null|NaN|\[object Object\]/);
        }
    });

    test('CN-CBAM-005: a chain of precursors that leads back to its process', async () => {
        const model = await build(`
source a_fuel at plant { category 1 emissions 1 tCO2 }
process first in works {
    sources a_fuel
    consumes 1 t of second_good
    good first_good { quantity 1 t }
}
process second in works {
    consumes 1 t of first_good
    good second_good { quantity 1 t }
}`);
        expect(
            model
                .diagnostics()
                .filter(d => d.code === 'CN-CBAM-005')
                .map(d => d.message)
        ).toEqual(['Process first uses, through its precursors, its own goods (first → second → first).', 'Process second uses, through its precursors, its own goods (second → first → second).']);
    });
});
