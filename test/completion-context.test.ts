import { beforeAll, describe, expect, test } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { expectCompletion } from 'langium/test';
import type { CompletionItem } from 'vscode-languageserver-types';
import { addBuiltinDocuments } from '@cnms/language';
import { createCnmsLspServices, type CnmsLspServices } from '@cnms/language/lsp';

let Cnms: CnmsLspServices;
beforeAll(async () => {
    const services = createCnmsLspServices(EmptyFileSystem);
    Cnms = services.Cnms;
    const builtins = addBuiltinDocuments(services.shared.workspace.LangiumDocumentFactory, services.shared.workspace.LangiumDocuments);
    await services.shared.workspace.DocumentBuilder.build(builtins);
});

const ORG = 'organization acme "Acme" { period 2024 consolidation operational-control ms-scope "All" gwp AR6 }\nsite plant_a "No. 1 plant" { location "Hangzhou" }\n';

/** The items offered at `<|>`, in the order a client shows them (by sortText, then label). */
async function offered(text: string): Promise<CompletionItem[]> {
    let items: CompletionItem[] = [];
    await expectCompletion(Cnms)({
        text,
        index: 0,
        disposeAfterCheck: true,
        assert: list => {
            items = list.items;
        }
    });
    const key = (item: CompletionItem) => (item.sortText ?? item.label).toLowerCase();
    // as VS Code orders them: by sort text, compared code unit by code unit, then by label
    return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

const labels = (items: CompletionItem[]) => items.map(i => i.label);

describe('completion knows where it is', () => {
    test('an empty line in a block offers the properties not yet given, those the rules expect first, each with a line of help', async () => {
        const items = await offered(`${ORG}source boiler at plant_a {\n    category 1\n    uncertainty 2 %\n    <|>\n}`);
        // expected (from the source snippet): category, activity, factor, monitored-by, data-quality, uncertainty; then the rest by name
        expect(labels(items)).toEqual(['activity', 'factor', 'monitored-by', 'data-quality', 'acquired', 'biogenic', 'emissions', 'gap-fill', 'residual-factor', 'significant']);
        expect(items.find(i => i.label === 'activity')?.detail).toBe('The activity data, multiplied by the factor: 86_000 MWh');
        for (const item of items) expect(item.detail, item.label).toMatch(/\w/);
    });

    test('right after the opening brace, every property; a flag once set is not offered again', async () => {
        const org = await offered('organization acme {\n    <|>\n}');
        expect(labels(org).slice(0, 3)).toEqual(['industry', 'consolidation', 'period']);
        expect(labels(org)).toHaveLength(12);
        const onItsKeyword = await offered(`${ORG}source s at plant_a {\n    <|>category 1\n}`);
        expect(labels(onItsKeyword)).toContain('category');
        const role = await offered(`${ORG}role gm {\n    top-management\n    <|>\n}`);
        expect(labels(role)).toEqual(['responsibilities', 'authority', 'ms-representative']);
    });

    test('a name partly typed: only the names that match it, as the client would keep them (matched before the items are made)', async () => {
        const meters = ['gas_main', 'gas_kiln', 'power_main', 'steam_01'].map(name => `meter ${name} { measures boiler }\n`).join('');
        const items = await offered(`${ORG}${meters}source boiler at plant_a {\n    category 1\n    monitored-by gas_<|>\n}`);
        // fuzzy, as Langium's matcher: the letters typed in order, the first one at a word's start
        expect(labels(items).sort()).toEqual(['gas_kiln', 'gas_main']);
        const none = await offered(`${ORG}${meters}source boiler at plant_a {\n    category 1\n    monitored-by xyz<|>\n}`);
        expect(labels(none).filter(label => meters.includes(label))).toEqual([]);
    });

    test("the help is in the client's language", async () => {
        Cnms.I18n.locale = 'zh-CN';
        try {
            const items = await offered(`${ORG}offset o {\n    <|>\n}`);
            expect(items.find(i => i.label === 'retired')?.detail).toBe('注销日期；未注销的减排量不计入');
        } finally {
            Cnms.I18n.locale = 'en';
        }
    });

    test("after `factor`, factors only, those per the activity's unit first, with title, value as written, source and year", async () => {
        const items = await offered(`${ORG}factor coke "Coke" = 2.86 tCO2/t { source "Plant lab" year 2024 }\nfactor gas_vol = 1.9 kgCO2/Nm3\nlet k = 2\nsource kiln at plant_a {\n    category 1\n    activity 500 t\n    factor <|>\n}`);
        expect(labels(items)[0]).toBe('coke');
        expect(items[0]?.detail).toBe('Coke · 2.86 tCO2/t · Plant lab, 2024');
        // coke is per tonne, like the activity; the others (per Nm3, per TJ, per MWh) follow, the model's first, then the named value
        expect(labels(items).slice(1, 3)).toEqual(['gas_vol', 'china_grid.anhui_2021']);
        expect(labels(items)).toContain('gas_vol');
        const firstLet = labels(items).indexOf('k');
        expect(items.slice(0, firstLet).every(i => i.detail !== undefined && !i.label.startsWith('ipcc2006.ncv'))).toBe(true); // every factor before the named values
        expect(items.every(i => i.kind !== undefined)).toBe(true);
        expect(labels(items)).not.toContain('MWh');
        expect(labels(items)).not.toContain('kiln');
        expect(labels(items)).not.toContain('activity');
    });

    test('units after a number, first; none after a unit, none on a new line', async () => {
        const afterNumber = await offered(`${ORG}source s at plant_a {\n    category 1\n    activity 10 <|>\n}`);
        expect(labels(afterNumber).slice(0, 3)).toEqual(['%', 'bbl', 'Btu']);
        expect(labels(afterNumber)).toEqual(expect.arrayContaining(['MWh', 'tCO2', 'kgCH4']));
        expect(labels(afterNumber).indexOf('MWh')).toBeLessThan(labels(afterNumber).indexOf('factor'));
        expect(afterNumber.find(i => i.label === 'GJ')?.detail).toBe('gigajoule · = 1000 MJ');
        const afterUnit = await offered(`${ORG}source s at plant_a {\n    category 1\n    activity 10 TJ <|>\n}`);
        expect(labels(afterUnit)).not.toContain('MWh');
        expect(labels(afterUnit)).toContain('factor');
        const afterSlash = await offered(`${ORG}factor f = 0.5 tCO2/<|>`);
        expect(labels(afterSlash)).toEqual(expect.arrayContaining(['MWh', 'TJ']));
        expect(labels(afterSlash).indexOf('MWh')).toBeLessThan(labels(afterSlash).indexOf('f'));
        const afterTimes = await offered(`${ORG}let ncv = 38.9 GJ/(1000 Nm3)\nsource s at plant_a {\n    category 1\n    activity 1000 Nm3 * <|>\n}`);
        expect(labels(afterTimes).slice(0, 2)).toEqual(['co2_per_c', 'ncv']); // the model's named values, then the library's
        const newLine = await offered(`${ORG}source s at plant_a {\n    category 1\n    activity 10\n    <|>\n}`);
        expect(labels(newLine)).toEqual(['factor', 'monitored-by', 'data-quality', 'uncertainty', 'acquired', 'biogenic', 'emissions', 'gap-fill', 'residual-factor', 'significant']);
    });

    test('declaration snippets and keywords at the top level only', async () => {
        const top = await offered(`${ORG}<|>`);
        expect(labels(top)).toEqual(expect.arrayContaining(['audit …', 'claim …', 'audit', 'source']));
        expect(top.find(i => i.label === 'audit')?.detail).toMatch(/internal audit/);
        const inBlock = await offered(`${ORG}audit a {\n    <|>\n}`);
        expect(labels(inBlock)).toEqual(['date', 'auditor', 'scope', 'findings']);
    });

    test('names of the kind the grammar expects, with their titles', async () => {
        const sites = await offered(`${ORG}source s at <|>`);
        expect(labels(sites)).toEqual(['plant_a']);
        expect(sites[0]?.detail).toBe('No. 1 plant · Hangzhou');
        const roles = await offered(`${ORG}role gm "General manager" { top-management }\nrisk r { owner <|> }`);
        expect(roles.map(i => `${i.label}: ${i.detail}`)).toEqual(['gm: General manager']);
    });
});
