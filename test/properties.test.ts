// Properties that hold for every input, checked on inputs fast-check makes
// up (and shrinks to the smallest one that breaks them): unit conversions
// round-trip exactly, sums do not depend on their order, formatting is
// idempotent and never changes a figure, and `cnms balance` is the sum of its
// sources. (Incremental = from scratch is in test/incremental-figures.test.ts.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { AstUtils, EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isLet, Rational, type Let } from '@cnms/language';
import { createCnmsLspServices } from '@cnms/language/lsp';
import { LANGUAGE_ONLY_SETTINGS, REPO, runCli, tempModel } from './helpers/cli.js';
import { exact, reusedBuildModel, type BuiltModel } from './helpers/model.js';

const ORG = 'organization acme "Acme" {\n    period 2024\n    consolidation operational-control\n    ms-scope "All"\n}\n';
/** An exact rational from a decimal, with its sign (Rational.parse reads magnitudes). */
const R = (text: string) => (text.startsWith('-') ? Rational.parse(text.slice(1)).negated() : Rational.parse(text));

/** Sizes in the base unit, worked out by hand from packages/language/src/builtins/units.cnms. */
const UNITS: Record<string, Record<string, string>> = {
    mass: { g: '1', kg: '1000', t: '1000000', kt: '1000000000', Mt: '1000000000000' },
    energy: {
        J: '1',
        kJ: '1000',
        MJ: '1000000',
        GJ: '1000000000',
        TJ: '1000000000000',
        PJ: '1000000000000000',
        Wh: '3600',
        kWh: '3600000',
        MWh: '3600000000',
        GWh: '3600000000000',
        TWh: '3600000000000000',
        tce: '29307600000',
        toe: '41868000000'
    },
    volume: { m3: '1', L: '0.001' },
    time: { h: '1', d: '24', yr: '8760' }
};

/** A decimal as the language writes it: digits, an optional fraction, an optional sign. */
const decimal = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.nat({ max: 6 })).map(([negative, digits, scale]) => {
    const text = digits.toString().padStart(scale + 1, '0');
    const body = scale === 0 ? text : `${text.slice(0, -scale)}.${text.slice(-scale)}`;
    return `${negative && digits !== 0n ? '-' : ''}${body}`;
});

function lets(model: BuiltModel): Map<string, Let> {
    const found = new Map<string, Let>();
    for (const document of model.documents.values()) {
        for (const node of AstUtils.streamAst(document.parseResult.value)) if (isLet(node)) found.set(node.name, node);
    }
    return found;
}

describe('unit conversions round-trip exactly', () => {
    const pair = fc.constantFrom(...Object.keys(UNITS)).chain(dimension => fc.tuple(fc.constant(dimension), fc.constantFrom(...Object.keys(UNITS[dimension])), fc.constantFrom(...Object.keys(UNITS[dimension]))));

    test('x U1 in U2 is x × size(U1) / size(U2), and back in U1 is x U1 again', async () => {
        await fc.assert(
            fc.asyncProperty(fc.array(fc.tuple(decimal, pair), { minLength: 1, maxLength: 12 }), async cases => {
                const text = cases.map(([x, [, from, to]], i) => `let a${i} = (${x}) ${from}\nlet r${i} = a${i} / (1 ${to})\nlet back${i} = r${i} * 1 ${to}\n`).join('');
                const model = await reusedBuildModel({ 'org.cnms': ORG + text });
                expect(model.languageDiagnostics()).toEqual([]);
                const byName = lets(model);
                const evaluate = (name: string) => model.Cnms.semantics.Evaluator.evaluate(byName.get(name)!.value)!;
                cases.forEach(([x, [dimension, from, to]], i) => {
                    const ratio = evaluate(`r${i}`);
                    expect(ratio.dimension.isDimensionless()).toBe(true);
                    expect(exact(ratio.value), `${x} ${from} in ${to}`).toBe(exact(R(x).times(R(UNITS[dimension][from])).dividedBy(R(UNITS[dimension][to]))));
                    const back = evaluate(`back${i}`);
                    const start = evaluate(`a${i}`);
                    expect(back.dimension.equals(start.dimension)).toBe(true);
                    expect(exact(back.value)).toBe(exact(start.value));
                });
            }),
            { numRuns: 25 }
        );
    }, 120_000);
});

/** Sources with emissions in tCO2e or kgCO2e, and their exact sum in tCO2e worked out here. */
const sourcesArbitrary = fc.array(
    fc.tuple(
        decimal.map(d => d.replace(/^-/, '')),
        fc.constantFrom('tCO2e', 'kgCO2e'),
        fc.constantFrom('1', '2', '3', '4')
    ),
    { minLength: 1, maxLength: 15 }
);
type GeneratedSource = [string, string, string];

function sourceText([amount, unit, category]: GeneratedSource, i: number): string {
    return `source s${i} "Source ${i}" at plant {\n    category ${category}\n    emissions ${amount} ${unit}\n}\n`;
}
const tonnesOf = ([amount, unit]: GeneratedSource) => (unit === 'kgCO2e' ? R(amount).dividedBy(R('1000')) : R(amount));

describe('sums do not depend on their order', () => {
    test('a sum of quantities and its permutation are the same figure', async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.array(fc.tuple(decimal, fc.constantFrom('t', 'kg', 'g', 'Mt')), { minLength: 2, maxLength: 30 }).chain(terms =>
                    fc.tuple(
                        fc.constant(terms),
                        fc.shuffledSubarray(
                            terms.map((_, i) => i),
                            { minLength: terms.length, maxLength: terms.length }
                        )
                    )
                ),
                async ([terms, order]) => {
                    const written = (indices: number[]) => indices.map(i => `(${terms[i][0]}) ${terms[i][1]}`).join(' + ');
                    const model = await reusedBuildModel({ 'org.cnms': `${ORG}let s = ${written(terms.map((_, i) => i))}\nlet p = ${written(order)}\n` });
                    expect(model.languageDiagnostics()).toEqual([]);
                    const byName = lets(model);
                    const s = model.Cnms.semantics.Evaluator.evaluate(byName.get('s')!.value)!;
                    const p = model.Cnms.semantics.Evaluator.evaluate(byName.get('p')!.value)!;
                    const grams = terms.reduce((sum, [x, unit]) => sum.plus(R(x).times(R(UNITS.mass[unit]))), Rational.ZERO);
                    expect(exact(s.value)).toBe(exact(grams));
                    expect(exact(p.value)).toBe(exact(grams));
                }
            ),
            { numRuns: 25 }
        );
    }, 120_000);

    test('the balance of sources spread over files in any order is their sum', async () => {
        await fc.assert(
            fc.asyncProperty(
                sourcesArbitrary.chain(sources => fc.tuple(fc.constant(sources), fc.array(fc.nat({ max: 3 }), { minLength: sources.length, maxLength: sources.length }))),
                async ([sources, fileOf]) => {
                    const files: Record<string, string> = { 'org.cnms': `${ORG}site plant "Plant" { location "Here" }\n` };
                    // declared in reverse order, each in the file fileOf says
                    [...sources.entries()].reverse().forEach(([i, source]) => {
                        const file = `f${fileOf[i]}.cnms`;
                        files[file] = (files[file] ?? '') + sourceText(source, i);
                    });
                    const balance = (await reusedBuildModel(files)).balance();
                    const expected = sources.reduce((sum, source) => sum.plus(tonnesOf(source)), Rational.ZERO);
                    expect(exact(balance.emissions)).toBe(exact(expected));
                    expect(exact(balance.net)).toBe(exact(expected));
                }
            ),
            { numRuns: 20 }
        );
    }, 120_000);
});

describe('cnms balance is the sum of its sources', () => {
    test('emissions = Σ sources, net = emissions − removals − offsets, in the json of the CLI', () => {
        fc.assert(
            fc.property(sourcesArbitrary, sources => {
                const dir = tempModel({
                    'organization.cnms': `${ORG}site plant "Plant" { location "Here" }\n`,
                    'sources.cnms': sources.map(sourceText).join(''),
                    'cnms.json': LANGUAGE_ONLY_SETTINGS
                });
                const result = runCli(['balance', dir, '--format', 'json']);
                expect(result.code, result.stderr).toBe(0);
                const json = JSON.parse(result.stdout);
                const sum = (json.sources as Array<{ co2e: string }>).reduce((total, s) => total.plus(R(s.co2e)), Rational.ZERO);
                expect(json.emissions).toBe(exact(sum));
                expect(json.emissions).toBe(exact(sources.reduce((total, source) => total.plus(tonnesOf(source)), Rational.ZERO)));
                expect(json.net).toBe(exact(R(json.emissions).minus(R(json.removals)).minus(R(json.offsets))));
            }),
            { numRuns: 4 }
        );
    }, 120_000);
});

describe('formatting is idempotent and never changes a figure', () => {
    const { shared, Cnms } = createCnmsLspServices(EmptyFileSystem);
    let count = 0;
    async function format(text: string): Promise<string> {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/format/${count++}.cnms`));
        expect(document.parseResult.parserErrors).toEqual([]);
        const edits = await Cnms.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
        return TextDocument.applyEdits(TextDocument.create(document.uri.toString(), 'cnms', 1, text), edits);
    }

    /** The text with its layout disturbed: spaces and tabs between tokens, indentation, blank lines; strings and comments kept. */
    const messy = (text: string) =>
        fc.array(fc.tuple(fc.constantFrom(' ', '  ', '\t', ' \t '), fc.integer({ min: 0, max: 3 })), { minLength: 64, maxLength: 64 }).map(choices => {
            let k = 0;
            const choose = () => choices[k++ % choices.length];
            return text
                .split('\n')
                .flatMap(line => {
                    const [space, blank] = choose();
                    const comment = line.indexOf('//');
                    const code = comment >= 0 ? line.slice(0, comment) : line;
                    const rest = comment >= 0 ? line.slice(comment) : '';
                    const parts = code.split('"').map((part, i) => (i % 2 === 1 ? part : part.replace(/[ \t]+/g, () => choose()[0])));
                    const moved = `${blank === 3 ? space : ''}${parts.join('"').trimStart()}${rest}`;
                    return blank === 0 ? [moved, ''] : [moved];
                })
                .join('\n');
        });

    for (const file of ['examples/steel/sites/main_works.cnms', 'examples/steel/factors.cnms', 'test/fixtures/every-construct/sites/plant_a.cnms']) {
        test(`${file}: format(format(x)) = format(x), and its figures are those of x`, async () => {
            const original = readFileSync(join(REPO, file), 'utf8');
            const others: Record<string, string> = file.startsWith('examples/steel/')
                ? {
                      'organization.cnms': readFileSync(join(REPO, 'examples/steel/organization.cnms'), 'utf8'),
                      'factors.cnms': readFileSync(join(REPO, 'examples/steel/factors.cnms'), 'utf8'),
                      'sites/lime_plant.cnms': readFileSync(join(REPO, 'examples/steel/sites/lime_plant.cnms'), 'utf8')
                  }
                : { 'organization.cnms': readFileSync(join(REPO, 'test/fixtures/every-construct/organization.cnms'), 'utf8'), 'factors.cnms': readFileSync(join(REPO, 'test/fixtures/every-construct/factors.cnms'), 'utf8') };
            const name = file.startsWith('examples/steel/') ? file.slice('examples/steel/'.length) : 'sites/plant_a.cnms';
            const figures = async (text: string) => {
                const model = await reusedBuildModel({ ...others, [name]: text });
                const balance = model.balance();
                return {
                    net: exact(balance.net),
                    emissions: exact(balance.emissions),
                    sources: balance.sources.map(entry => `${entry.source.name} ${entry.figures ? exact(entry.figures.co2e) : 'not computed'}`),
                    diagnostics: model
                        .diagnostics(name)
                        .map(d => `${d.code} ${d.message}`)
                        .sort()
                };
            };
            const before = await figures(original);
            let disturbed = 0;
            await fc.assert(
                fc.asyncProperty(messy(original), async text => {
                    const once = await format(text);
                    if (once !== text) disturbed++;
                    expect(await format(once)).toBe(once);
                    expect(await figures(once)).toEqual(before);
                }),
                { numRuns: 8 }
            );
            // the layouts were disturbed, and the formatter had work to do (a test that cannot fail would not)
            expect(disturbed).toBeGreaterThan(0);
        }, 180_000);
    }
});
