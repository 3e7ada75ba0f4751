import { beforeAll, describe, expect, test } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import { expectCompletion, expectFormatting, expectGoToDefinition, expectHover, parseHelper } from 'langium/test';
import { addBuiltinDocuments } from '@cnms/language';
import { createCnmsLspServices, DECLARATION_SNIPPETS, type CnmsLspServices } from '@cnms/language/lsp';

// One set of services for the file, with the built-in library loaded, as the server has it.
let Cnms: CnmsLspServices;
beforeAll(async () => {
    const services = createCnmsLspServices(EmptyFileSystem);
    Cnms = services.Cnms;
    const builtins = addBuiltinDocuments(services.shared.workspace.LangiumDocumentFactory, services.shared.workspace.LangiumDocuments);
    await services.shared.workspace.DocumentBuilder.build(builtins);
});

const ORG = 'organization acme "Acme" { period 2024 consolidation operational-control ms-scope "All" gwp AR6 }\nsite plant_a\nlet ncv_ng = 389.31 GJ/(10^4 Nm3)\n';

describe('hover', () => {
    test('a source shows its calculation chain and counted emissions', async () => {
        // 12,500,000 Nm3 × 389.31 GJ/10^4 Nm3 = 486,637.5 GJ = 486.6375 TJ
        // CO2 486.6375 × 56,100 kg = 27,300.36375 t; CH4 0.4866375 t × 27.9 = 13.57718625; N2O 0.04866375 t × 273 = 13.28520375
        // total 27,327.22614 tCO2e, shown as 27,327.226
        await expectHover(Cnms)({
            text: `${ORG}source <|>boiler "Gas boilers" at plant_a { category 1 activity 12_500_000 Nm3 * ncv_ng factor ipcc2006.natural_gas }`,
            index: 0,
            hover: /Activity: `12_500_000 Nm3 \* ncv_ng`\n\n12,500,000 Nm3 × 389\.31 GJ\/\(10\^4 Nm3\) = 486,637\.5 GJ[\s\S]*0\.4866 tCH4 × 27\.9 = 13\.577 tCO2e[\s\S]*`ncv_ng` = 389\.31 GJ\/\(10\^4 Nm3\) — no source given[\s\S]*Counted emissions: 27,327\.226 tCO2e/,
            disposeAfterCheck: true
        });
    });

    test("a unit shows its definition, a gas its GWP in the model's set", async () => {
        await expectHover(Cnms)({ text: `${ORG}let x = 5 <|>MWh`, index: 0, hover: /megawatt-hour[\s\S]*= 3\.600 GJ/, disposeAfterCheck: true });
        await expectHover(Cnms)({ text: `${ORG}let x = 5 <|>kgCH4`, index: 0, hover: /Methane[\s\S]*GWP-100 in AR6: 27\.9/, disposeAfterCheck: true });
    });

    test('a factor shows its values, provenance and users', async () => {
        await expectHover(Cnms)({
            text: `${ORG}factor <|>grid "Grid" = 0.5366 tCO2/MWh { source "MEE 2024" year 2022 uncertainty 5 % }\nsource power at plant_a { category 2 activity 10 MWh factor grid }`,
            index: 0,
            hover: /0\.5366 tCO2\/MWh[\s\S]*Source: MEE 2024[\s\S]*Year: 2022[\s\S]*Uncertainty: 5 %[\s\S]*Used by 1 source: `power`/,
            disposeAfterCheck: true
        });
    });
});

describe('hover links', () => {
    test("a declaration's hover ends with a link to its section of docs/language.md", async () => {
        await expectHover(Cnms)({
            text: `${ORG}source <|>boiler at plant_a { category 1 activity 10 TJ factor ipcc2006.natural_gas }`,
            index: 0,
            disposeAfterCheck: true,
            hover: /\n---\n\n\[Language reference: source\]\(https:\/\/cnms\.dev\/docs\/language#source--an-emission-source\)$/
        });
    });
});

describe('completion', () => {
    const labels = (items: { label: string }[]) => items.map(i => i.label);

    test('sites after `at`, factors after `factor`, roles after `owner`', async () => {
        await expectCompletion(Cnms)({
            text: `${ORG}site plant_b\nsource x at <|>`,
            index: 0,
            disposeAfterCheck: true,
            assert: list => expect(labels(list.items)).toEqual(expect.arrayContaining(['plant_a', 'plant_b']))
        });
        await expectCompletion(Cnms)({
            text: `${ORG}factor f1 = 1 tCO2/t\nsource x at plant_a { factor <|> }`,
            index: 0,
            disposeAfterCheck: true,
            assert: list => expect(labels(list.items)).toEqual(expect.arrayContaining(['f1', 'ipcc2006.natural_gas']))
        });
        await expectCompletion(Cnms)({
            text: `${ORG}role gm { top-management }\nrisk r { owner <|> }`,
            index: 0,
            disposeAfterCheck: true,
            assert: list => expect(labels(list.items)).toContain('gm')
        });
    });

    test('enum values and a snippet for every declaration', async () => {
        await expectCompletion(Cnms)({
            text: 'organization a { consolidation <|> }',
            index: 0,
            disposeAfterCheck: true,
            assert: list => expect(labels(list.items)).toEqual(expect.arrayContaining(['operational-control', 'financial-control', 'equity-share']))
        });
        await expectCompletion(Cnms)({
            text: `${ORG}<|>`,
            index: 0,
            disposeAfterCheck: true,
            assert: list => {
                expect(labels(list.items)).toEqual(expect.arrayContaining(Object.keys(DECLARATION_SNIPPETS).map(name => `${name} …`)));
                const source = list.items.find(i => i.filterText === 'source');
                expect(source?.insertText).toContain('category');
            }
        });
    });
});

describe('formatting', () => {
    test('one canonical layout', async () => {
        await expectFormatting(Cnms)({
            before: 'site   s{location "X" share 50%}\nlet v=10^4   Nm3/ 2',
            after: 'site s {\n    location "X"\n    share 50 %\n}\nlet v = 10^4 Nm3 / 2',
            disposeAfterCheck: true
        });
    });
});

describe('go to definition', () => {
    test('from a reference to its declaration in another part of the model', async () => {
        await expectGoToDefinition(Cnms)({
            text: `${ORG}factor <|grid|> = 0.5 tCO2/MWh\nsource p at plant_a { category 2 activity 1 MWh factor <|>grid }`,
            index: 0,
            rangeIndex: 0,
            disposeAfterCheck: true
        });
    });
});

describe('inlay hints', () => {
    test('emissions after a source header, values after activity and let, what offsets count', async () => {
        const parse = parseHelper(Cnms);
        const document = await parse(`${ORG}source boiler at plant_a {\n    category 1\n    activity 12_500_000 Nm3 * ncv_ng\n    factor ipcc2006.natural_gas\n}\noffset o { quantity 10 tCO2e }\n`, {
            documentUri: URI.file('/hints/org.cnms').toString(),
            validation: true
        });
        const hints = await Cnms.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: document.uri.toString() }, range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } } });
        const labels = (hints ?? []).map(h => String(h.label));
        // 27,327.22614 tCO2e (see the hover test); 486,637.5 GJ with the digits it has; the let `ncv_ng`, a plain literal, is not echoed
        expect(labels).toEqual(['= 27,327.226 tCO2e', '= 486,637.5 GJ', '= 56,100 kgCO2/TJ · 1 kgCH4/TJ · 0.1 kgN2O/TJ', 'counts 0 (not retired)']);
    });
});
