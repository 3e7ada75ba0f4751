import { beforeAll, describe, expect, test } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { expectHover } from 'langium/test';
import { addBuiltinDocuments } from '@cnms/language';
import { createCnmsLspServices, type CnmsLspServices } from '@cnms/language/lsp';

let Cnms: CnmsLspServices;
beforeAll(async () => {
    const services = createCnmsLspServices(EmptyFileSystem);
    Cnms = services.Cnms;
    const builtins = addBuiltinDocuments(services.shared.workspace.LangiumDocumentFactory, services.shared.workspace.LangiumDocuments);
    await services.shared.workspace.DocumentBuilder.build(builtins);
});

const ORG = 'organization acme "Acme" { period 2024 consolidation operational-control ms-scope "All" gwp AR6 }\nsite plant_a\n';

/** The hover text at `<|>`. */
async function hoverAt(text: string): Promise<string> {
    let shown = '';
    await expectHover(Cnms)({
        text,
        index: 0,
        disposeAfterCheck: true,
        hover: {
            test: (value: string) => {
                shown = value;
                return true;
            }
        } as unknown as RegExp
    });
    return shown;
}

const RULE = '\n\n---\n\n';
const COKE = `${ORG}let ncv_coke "Coke NCV" = 28.435 GJ/t { source "Plant lab, 2024 report" year 2024 uncertainty 1.5 % }\nfactor coke "Coke oven coke" = 107000 kgCO2/TJ { source "IPCC 2006, Vol. 2, Table 1.4" year 2006 }\n`;

describe('hover text', () => {
    test('a source: sections between rules, one fact a paragraph, the chain with operand values, every value used with its provenance', async () => {
        // 504,000 t × 28.435 GJ/t = 14,331,240 GJ = 14,331.24 TJ; × 107,000 kgCO2/TJ = 1,533,442,680 kg = 1,533,442.68 t
        const text = await hoverAt(`${COKE}source <|>coke_oven "Coke ovens" at plant_a { category 1 activity 504_000 t * ncv_coke factor coke }`);
        expect(text).toBe(
            [
                '**coke_oven** — Coke ovens',
                'Activity: `504_000 t * ncv_coke`\n\n504,000 t × 28.435 GJ/t = 14,331,240 GJ\n\nFactor: `coke`\n\nCO2: 14,331,240 GJ × 107,000 kgCO2/TJ = 1,533,442.68 tCO2',
                'Gas mass × GWP (AR6) = CO2e\n\n1,533,442.68 tCO2 × 1 = 1,533,442.68 tCO2e',
                '**Values used**\n\n`ncv_coke` = 28.435 GJ/t — Source: Plant lab, 2024 report · Year: 2024 · Uncertainty: 1.5 %\n\n`coke` = 107,000 kgCO2/TJ — Source: IPCC 2006, Vol. 2, Table 1.4 · Year: 2006',
                '**Counted emissions: 1,533,442.68 tCO2e**',
                '[Language reference: source](https://cnms.dev/docs/language#source--an-emission-source)'
            ].join(RULE)
        );
    });

    test("several gases: one line each, the factor's values as the library writes them, the GWP of each", async () => {
        // 10 TJ: CO2 10 × 56,100 kg = 561 t; CH4 10 × 1 kg = 0.01 t × 27.9 = 0.279; N2O 10 × 0.1 kg = 0.001 t × 273 = 0.273
        const text = await hoverAt(`${ORG}source <|>boiler at plant_a { category 1 activity 10 TJ factor ipcc2006.natural_gas }`);
        expect(text).toContain('Factor: `ipcc2006.natural_gas`\n\nCO2: 10 TJ × 56,100 kgCO2/TJ = 561 tCO2\n\nCH4: 10 TJ × 1 kgCH4/TJ = 0.01 tCH4\n\nN2O: 10 TJ × 0.1 kgN2O/TJ = 0.001 tN2O');
        expect(text).toContain('561 tCO2 × 1 = 561 tCO2e\n\n0.01 tCH4 × 27.9 = 0.279 tCO2e\n\n0.001 tN2O × 273 = 0.273 tCO2e');
        expect(text).toContain('`ipcc2006.natural_gas` = 56,100 kgCO2/TJ · 1 kgCH4/TJ · 0.1 kgN2O/TJ — Source: IPCC 2006 Guidelines');
        expect(text).toContain('**Counted emissions: 561.552 tCO2e**');
        // the activity is a plain literal: not echoed back
        expect(text).not.toContain('= 10 TJ');
    });

    test('emissions given directly: the chain with a unit that belongs to its number', async () => {
        const text = await hoverAt(`${ORG}source <|>lime at plant_a { category 1 emissions 25_000 t * 0.44 tCO2/t }`);
        expect(text).toContain('Emissions (given): `25_000 t * 0.44 tCO2/t`\n\n25,000 t × 0.44 tCO2/t = 11,000 tCO2');
        expect(text).not.toContain('Values used');
    });

    test("a factor of the library is used by the model's sources, counted with a plural", async () => {
        const two = await hoverAt(`${ORG}source boiler at plant_a { category 1 activity 10 TJ factor ipcc2006.<|>natural_gas }\nsource b2 at plant_a { category 1 activity 1 TJ factor ipcc2006.natural_gas }`);
        expect(two).toContain(`${RULE}Used by 2 sources: \`boiler\`, \`b2\`${RULE}`);
        expect(two).toContain('CO2: 56,100 kgCO2/TJ\n\nCH4: 1 kgCH4/TJ\n\nN2O: 0.1 kgN2O/TJ');
        const one = await hoverAt(`${COKE}source s at plant_a { category 1 activity 5 t * ncv_coke factor <|>coke }`);
        expect(one).toContain('Used by 1 source: `s`');
        expect(one).toContain('Source: IPCC 2006, Vol. 2, Table 1.4\n\nYear: 2006');
    });

    test('a source whose name is being typed is counted among the users, and not named (never `undefined`)', async () => {
        // (found by pnpm fuzz: a deleted character left a source with no name)
        const text = await hoverAt(`${ORG}source boiler at plant_a { category 1 activity 10 TJ factor ipcc2006.<|>natural_gas }\nsource "Boiler two" at plant_a { category 1 activity 1 TJ factor ipcc2006.natural_gas }`);
        expect(text).toContain(`${RULE}Used by 2 sources: \`boiler\`${RULE}`);
        expect(text).not.toContain('undefined');
    });

    test('a named value: its provenance; its value only when it is computed, not the literal again', async () => {
        const literal = await hoverAt(`${COKE}let x = <|>ncv_coke`);
        expect(literal).toBe(
            ['**ncv_coke** — Coke NCV', 'Source: Plant lab, 2024 report\n\nYear: 2024\n\nUncertainty: 1.5 %', '[Language reference: named value](https://cnms.dev/docs/language#unit-let--your-own-units-and-named-values)'].join(RULE)
        );
        const computed = await hoverAt(`${COKE}let <|>coke_energy = 2_000 t * ncv_coke`);
        expect(computed).toContain(`${RULE}2,000 t × 28.435 GJ/t = 56,870 GJ${RULE}`);
        const sum = await hoverAt(`${COKE}let <|>two = 1 GJ + 1_500 MJ`);
        expect(sum).toContain(`${RULE}= 2.5 GJ${RULE}`);
    });

    test('in Chinese', async () => {
        Cnms.I18n.locale = 'zh-CN';
        try {
            const text = await hoverAt(`${COKE}source <|>coke_oven at plant_a { category 1 activity 504_000 t * ncv_coke factor coke }`);
            expect(text).toContain('活动数据：`504_000 t * ncv_coke`');
            expect(text).toContain('**所用数值**');
            expect(text).toContain('来源：Plant lab, 2024 report · 年份：2024 · 不确定性：1.5 %');
            expect(text).toContain('**计入排放量：1,533,442.68 tCO2e**');
        } finally {
            Cnms.I18n.locale = 'en';
        }
    });
});

describe('hover of a gap-filled source', () => {
    test('each filled month with the values it was the highest of, in the unit of the data', async () => {
        // (the model of test/gap-fill.test.ts: March max(15, 20, 10) = 20 t, December max(50, 10) = 50 t; 70 of 180 t)
        const months = ['01 10', '02 20', '04 10', '05 10', '06 10', '07 10', '08 10', '09 10', '10 10', '11 10'].map(entry => `2024-${entry} t`).join(' ');
        const text = await hoverAt(`${ORG}source <|>diesel at plant_a { category 1 activity monthly { ${months} } factor 1 tCO2/t gap-fill conservative previous-year monthly { 2023-03 15 t 2023-12 50 t } }`);
        expect(text).toContain('**Filled months (gap-fill conservative): 2 months, 70 t, 38.89 % of the monthly data**');
        expect(text).toContain('- 2024-03: 20 t filled, the highest of 2023-03 (a year before) 15 t, 2024-02 20 t, 2024-04 10 t');
        expect(text).toContain('- 2024-12: 50 t filled, the highest of 2023-12 (a year before) 50 t, 2024-11 10 t');
    });

    test('the rule the source names: the year before alone, or the nearest months around', async () => {
        // previous-year: March 2023-03 15 t, December 2023-12 50 t (65 of 175 t); neighbours: March max(20, 10) = 20 t,
        // December 2024-11 10 t, the year before not a neighbour (30 of 140 t)
        const months = ['01 10', '02 20', '04 10', '05 10', '06 10', '07 10', '08 10', '09 10', '10 10', '11 10'].map(entry => `2024-${entry} t`).join(' ');
        const source = (rule: string) => `${ORG}source <|>diesel at plant_a { category 1 activity monthly { ${months} } factor 1 tCO2/t gap-fill ${rule} monthly { 2023-03 15 t 2023-12 50 t } }`;
        const previous = await hoverAt(source('previous-year'));
        expect(previous).toContain('**Filled months (gap-fill previous-year): 2 months, 65 t, 37.14 % of the monthly data**');
        expect(previous).toContain('- 2024-03: 15 t filled, the value of 2023-03 (a year before) 15 t');
        expect(previous).toContain('- 2024-12: 50 t filled, the value of 2023-12 (a year before) 50 t');
        const neighbours = await hoverAt(source('neighbours previous-year'));
        expect(neighbours).toContain('**Filled months (gap-fill neighbours): 2 months, 30 t, 21.43 % of the monthly data**');
        expect(neighbours).toContain('- 2024-03: 20 t filled, the highest of 2024-02 20 t, 2024-04 10 t');
        expect(neighbours).toContain('- 2024-12: 10 t filled, the value of 2024-11 10 t');
    });
});
