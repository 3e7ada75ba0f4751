// Incremental = from scratch: a workspace that is updated edit after edit
// (as the language server updates it) gives the same figures and the same
// diagnostics, at the same places, as a workspace built anew from the same
// files (as the CLI builds it). The edits are random but seeded, on real files.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { URI, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { NodeFileSystem } from 'langium/node';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { addBuiltinDocuments, createCnmsServices, type CnmsServices } from '@cnms/language';
import { generateGroupModel, writeModel } from '../scripts/generate-group-model.mjs';
import { seededRandom } from './helpers/seeded-random.js';

const REPO = new URL('..', import.meta.url).pathname;
const temporary: string[] = [];
/** Edits per sequence: 30 in the suite; `CNMS_INCREMENTAL_EDITS=1000` for a long run. */
const EDITS = Number.parseInt(process.env.CNMS_INCREMENTAL_EDITS ?? '30', 10);
afterAll(() => temporary.forEach(dir => rmSync(dir, { recursive: true, force: true })));

function cnmsFiles(dir: string): string[] {
    return readdirSync(dir)
        .flatMap(name => {
            const path = join(dir, name);
            return statSync(path).isDirectory() ? cnmsFiles(path) : name.endsWith('.cnms') ? [path] : [];
        })
        .sort();
}

interface Workspace {
    readonly shared: LangiumSharedCoreServices;
    readonly Cnms: CnmsServices;
    readonly documents: LangiumDocument[];
}

async function load(dir: string): Promise<Workspace> {
    const { shared, Cnms } = createCnmsServices(NodeFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const all = addBuiltinDocuments(factory, shared.workspace.LangiumDocuments);
    const documents = cnmsFiles(dir).map(file => {
        const document = factory.fromString(readFileSync(file, 'utf8'), URI.file(file));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build([...all, ...documents], { validation: true });
    return { shared, Cnms, documents };
}

/** Each process and good of the model with its specific embedded emissions, or `not computed`. */
function productLines(workspace: Workspace, model: string): string[] {
    const products = workspace.Cnms.semantics.ProductFigures.ofModel(model);
    const see = (figures: { seeDirect: { toString(): string }; seeIndirect: { toString(): string } } | undefined) => (figures ? `${figures.seeDirect.toString()} ${figures.seeIndirect.toString()}` : 'not computed');
    return [
        ...[...products.installations.flatMap(entry => entry.processes), ...products.unplaced].flatMap(entry => [
            `process ${entry.process.name} ${see(entry.figures)} ${entry.figures?.attributedDirect.toString() ?? ''}`,
            ...entry.goods.map(good => `good ${good.good.name} ${see(good.figures)}`)
        ]),
        ...products.bought.map(good => `bought ${good.good.name} ${see(good.figures)}`),
        `uncomputed ${products.uncomputed}`
    ];
}

/** Everything a reader sees: the balance of the model at `dir`, each source's figure, every diagnostic with its place. */
function snapshot(workspace: Workspace, dir: string): unknown {
    const model = URI.file(dir).toString();
    const balance = workspace.Cnms.semantics.Balance.of(model);
    const diagnostics = workspace.shared.workspace.LangiumDocuments.all
        .filter(document => document.uri.scheme === 'file')
        .toArray()
        .sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()))
        .map(document => ({
            file: document.uri.path.slice(dir.length),
            diagnostics: (document.diagnostics ?? [])
                .map(d => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${String(d.code)} ${typeof d.message === 'string' ? d.message : d.message.value}`)
                .sort()
        }));
    return {
        emissions: balance.emissions.toString(),
        removals: balance.removals.toString(),
        offsets: balance.offsets.toString(),
        net: balance.net.toString(),
        uncomputed: balance.uncomputed,
        byGas: [...balance.byGas].map(([gas, value]) => `${gas} ${value.toString()}`).sort(),
        sources: balance.sources.map(entry => `${entry.source.name} ${entry.figures ? entry.figures.co2e.toString() : 'not computed'}`),
        // the product figures (docs/cbam.md): each process's and good's specific embedded emissions
        products: productLines(workspace, model),
        diagnostics
    };
}

/** One random edit of a text: a digit, a name, a unit, a whole line, or the original back. */
function edit(text: string, original: string, next: () => number): string {
    const pick = <T>(items: readonly T[]): T | undefined => (items.length > 0 ? items[Math.floor(next() * items.length)] : undefined);
    const lines = text.split('\n');
    const line = Math.floor(next() * lines.length);
    switch (Math.floor(next() * 8)) {
        case 0: {
            const digits = [...text.matchAll(/[0-9]/g)];
            const at = pick(digits);
            return at ? text.slice(0, at.index) + String(Math.floor(next() * 10)) + text.slice(at.index + 1) : text;
        }
        case 1: {
            // a typo in a name or unit (MWh → MWx), which must not silently shrink a total
            const words = [...text.matchAll(/\b[A-Za-z_][A-Za-z0-9_]{2,}\b/g)];
            const at = pick(words);
            return at ? text.slice(0, at.index + at[0].length - 1) + 'x' + text.slice(at.index + at[0].length) : text;
        }
        case 2:
            return [...lines.slice(0, line), ...lines.slice(line + 1)].join('\n');
        case 3:
            return [...lines.slice(0, line + 1), lines[line], ...lines.slice(line + 1)].join('\n');
        case 4: {
            const swaps: Array<[RegExp, string]> = [
                [/\bAR6\b/, 'AR5'],
                [/\bAR5\b/, 'AR4'],
                [/operational-control/, 'equity-share'],
                [/equity-share/, 'financial-control'],
                [/location-based/, 'market-based'],
                [/market-based/, 'location-based'],
                [/\bperiod 2024\b/, 'period 2023']
            ];
            const swap = pick(swaps.filter(([pattern]) => pattern.test(text)));
            return swap ? text.replace(swap[0], swap[1]) : text;
        }
        case 5: {
            // a let of another file's name, or a cycle
            const names = [...text.matchAll(/^\s*let ([A-Za-z_][A-Za-z0-9_]*)/gm)].map(m => m[1]);
            const name = pick(names);
            return name ? `${text}\nlet ${name}_again = ${name} * 2\nlet ${name}_loop = ${name}_loop2\nlet ${name}_loop2 = ${name}_loop\n` : text;
        }
        case 6: {
            const numbers = [...text.matchAll(/\b[0-9][0-9_]*(\.[0-9]+)?\b/g)];
            const at = pick(numbers);
            return at ? text.slice(0, at.index) + pick(['0', '1/0', '(2 - 2)', '-5', '100 %']) + text.slice(at.index + at[0].length) : text;
        }
        default:
            return original;
    }
}

/** Replays edits from one seed each (so that fast-check can shrink the list of edits, not one seed's whole sequence). */
async function checkEdits(source: string, seeds: readonly number[]): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'cnms-incremental-'));
    temporary.push(dir);
    cpSync(source, dir, { recursive: true });
    const files = cnmsFiles(dir);
    const originals = new Map(files.map(file => [file, readFileSync(file, 'utf8')]));
    const live = await load(dir);
    expect(snapshot(live, dir)).toEqual(snapshot(await load(dir), dir));
    for (const [i, seed] of seeds.entries()) {
        const next = seededRandom(seed);
        const file = files[Math.floor(next() * files.length)];
        writeFileSync(file, edit(readFileSync(file, 'utf8'), originals.get(file)!, next));
        await live.shared.workspace.DocumentBuilder.update([URI.file(file)], []);
        expect(snapshot(live, dir), `edit ${i + 1} of [${seeds.join(', ')}]`).toEqual(snapshot(await load(dir), dir));
    }
}

/**
 * Applies each step (a change of one file's text) to the model at `dir`, as the language server updates
 * it, and compares the figures and diagnostics after each with a build from scratch; the sources'
 * figures seen along the way, so that a test can tell that the steps changed them.
 */
async function replaySteps(dir: string, steps: ReadonlyArray<readonly [string, (text: string) => string]>): Promise<Set<string>> {
    const live = await load(dir);
    const seen = new Set<string>();
    for (const [index, [path, change]] of steps.entries()) {
        const file = join(dir, path);
        writeFileSync(file, change(readFileSync(file, 'utf8')));
        await live.shared.workspace.DocumentBuilder.update([URI.file(file)], []);
        const now = snapshot(live, dir);
        expect(now, `step ${index + 1}: ${path}`).toEqual(snapshot(await load(dir), dir));
        seen.add(JSON.stringify((now as { sources: string[] }).sources));
    }
    return seen;
}

/** `edits` random edits, their seeds drawn from one seed. */
async function checkSequence(source: string, edits: number, seed: number): Promise<void> {
    const next = seededRandom(seed);
    await checkEdits(
        source,
        Array.from({ length: edits }, () => Math.floor(next() * 2 ** 31))
    );
}

describe('incremental figures and diagnostics equal a build from scratch', () => {
    for (const [example, seed] of [
        ['steel', 11],
        ['cement', 23],
        ['electronics', 37],
        ['glass', 41],
        ['cbam-steel', 53]
    ] as const) {
        test(
            `${example}: ${EDITS} random edits`,
            async () => {
                await checkSequence(join(REPO, 'examples', example), EDITS, seed);
            },
            240_000 * Math.max(1, EDITS / 30)
        );
    }
    test(
        `the generated group model (200 sources in 5 files): ${EDITS} random edits`,
        async () => {
            const dir = mkdtempSync(join(tmpdir(), 'cnms-group-'));
            temporary.push(dir);
            writeModel(generateGroupModel({ sources: 200, files: 5, seed: 7 }).files, dir);
            await checkSequence(dir, EDITS, 41);
        },
        240_000 * Math.max(1, EDITS / 30)
    );
});

describe('incremental = from scratch, as a property (fast-check)', () => {
    test('any short list of edits of the steel example', async () => {
        await fc.assert(
            fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { minLength: 1, maxLength: 6 }), async seeds => {
                await checkEdits(join(REPO, 'examples', 'steel'), seeds);
            }),
            { numRuns: 6, seed: 20261129 }
        );
    }, 240_000);
});

describe('a change in one file reaches the figures of files that do not refer to it', () => {
    const files: Record<string, string> = {
        'organization.cnms': 'organization acme "Acme" {\n    consolidation operational-control\n    period 2024\n    gwp AR6\n    scope2 location-based\n    ms-scope "All"\n}\n',
        'sites.cnms': 'site plant_a "Plant A" {\n    location "Hangzhou, Zhejiang"\n    share 60 %\n}\n',
        'plants/sources.cnms':
            'source boiler "Boiler" at plant_a {\n    category 1\n    activity 1_000 t * 48 GJ/t\n    factor ipcc2006.natural_gas\n}\nsource power "Power" at plant_a {\n    category 2\n    activity 1_000 MWh\n    factor china_grid.east_2023\n}\n',
        'plants/more.cnms': '// nothing yet\n'
    };
    const steps: Array<[string, (text: string) => string]> = [
        ['organization.cnms', text => text.replace('gwp AR6', 'gwp AR5')],
        ['organization.cnms', text => text.replace('operational-control', 'equity-share')],
        ['sites.cnms', text => text.replace('share 60 %', 'share 50 %')],
        ['organization.cnms', text => text.replace('scope2 location-based', 'scope2 market-based')],
        ['plants/more.cnms', text => `${text}instrument gec "GEC" {\n    kind GEC\n    quantity 400 MWh\n    covers power\n    factor 0 tCO2/MWh\n}\n`],
        ['plants/more.cnms', text => text.replace('400 MWh', '300 MWh')],
        // a second instrument in a file that has one already: the allocation must see it
        ['plants/more.cnms', text => `${text}instrument gec2 "GEC 2" {\n    kind GEC\n    quantity 200 MWh\n    covers power\n    factor 0 tCO2/MWh\n}\n`],
        // a line above every declaration: the carried figures' problems move with their nodes
        ['plants/sources.cnms', text => `// moved down a line\n${text.replace('1_000 MWh', '1_000 MWh / (2 - 2)')}`],
        ['plants/sources.cnms', text => `// and another\n${text}`],
        // the covered source computed again after its file was parsed again: the instruments' allocation must know its new node
        ['sites.cnms', text => text.replace('share 50 %', 'share 40 %')],
        ['plants/sources.cnms', text => text.replace(' / (2 - 2)', '')],
        ['plants/more.cnms', () => '// removed again\n'],
        ['organization.cnms', text => text.replace('gwp AR5', 'gwp AR4').replace('period 2024', 'period 2023')],
        ['sites.cnms', text => text.replace('plant_a', 'plant_b')],
        ['sites.cnms', text => text.replace('plant_b', 'plant_a')],
        // a residual-mix factor on the organisation, then on the source (docs/methods.md)
        ['organization.cnms', text => text.replace('scope2 market-based', 'scope2 market-based\n    residual-factor 0.6 tCO2/MWh')],
        ['plants/sources.cnms', text => text.replace('factor china_grid.east_2023', 'factor china_grid.east_2023\n    residual-factor 0.7 tCO2/MWh')],
        ['organization.cnms', text => text.replace('residual-factor 0.6 tCO2/MWh', 'residual-factor 0.5 tCO2/MWh')],
        // a site's control under a control approach
        ['organization.cnms', text => text.replace('equity-share', 'financial-control')],
        ['sites.cnms', text => text.replace('share 40 %', 'share 40 %\n    control joint 30 %')],
        ['sites.cnms', text => text.replace('control joint 30 %', 'control none')],
        ['sites.cnms', text => text.replace('control none', 'control full')],
        // a factor given as the CO2e of each gas, weighted again with the model's set
        [
            'plants/more.cnms',
            text => `${text}factor table {\n    value 0.2 kgCO2e/kWh of CO2\n    value 0.00028 kgCO2e/kWh of CH4\n    gwp-basis AR5\n}\nsource lights at plant_a {\n    category 1\n    activity 1_000 kWh\n    factor table\n}\n`
        ],
        ['organization.cnms', text => text.replace('gwp AR4', 'gwp AR6')],
        ['plants/more.cnms', text => text.replace('gwp-basis AR5', 'gwp-basis AR4')],
        // a name declared in the file, away from the declaration that uses it: that declaration is not
        // read again (syntax/declaration-reparse.ts), yet its reference now resolves to the new name
        ['sites.cnms', text => `${text}let k = 2\n`],
        ['plants/sources.cnms', text => text.replace('activity 1_000 t * 48 GJ/t', 'activity 1_000 t * 48 GJ/t * k')],
        ['plants/sources.cnms', text => `${text}\nlet k = 3\n`],
        ['plants/sources.cnms', text => text.replace('let k = 3', 'let k = 4')],
        ['plants/sources.cnms', text => text.replace('\nlet k = 4\n', '')]
    ];

    test('GWP set, consolidation, share, scope-2 method and instruments, step by step', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'cnms-incremental-'));
        temporary.push(dir);
        for (const [path, text] of Object.entries(files)) {
            mkdirSync(dirname(join(dir, path)), { recursive: true });
            writeFileSync(join(dir, path), text);
        }
        // the steps changed the figures (a test that cannot fail would not)
        expect((await replaySteps(dir, steps)).size).toBeGreaterThanOrEqual(9);
    });
});

describe('gap-fill rules and the let they read, step by step (docs/months.md)', () => {
    test('the rule, the let of `gap-fill value` in another file, the period and a month given', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'cnms-incremental-gap-fill-'));
        temporary.push(dir);
        const months = ['01 10', '02 20', '04 10', '05 10', '06 10', '07 10', '08 10', '09 10', '10 10', '11 10'].map(entry => `        2024-${entry} t`).join('\n');
        writeFileSync(join(dir, 'org.cnms'), 'organization acme "Acme" { period 2024 consolidation operational-control ms-scope "All" }\nsite s\n');
        writeFileSync(join(dir, 'values.cnms'), 'let fill_month = 12 t {\n    acquired measured\n}\n');
        writeFileSync(join(dir, 'sources.cnms'), `source diesel at s {\n    category 1\n    activity monthly {\n${months}\n    }\n    factor 1 tCO2/t\n    gap-fill value fill_month\n}\n`);
        const steps: Array<[string, (text: string) => string]> = [
            ['values.cnms', text => text.replace('12 t', '15 t')],
            ['values.cnms', text => text.replace('15 t', '15 MWh')],
            ['values.cnms', text => text.replace('15 MWh', '15_000 kg')],
            ['sources.cnms', text => text.replace('gap-fill value fill_month', 'gap-fill average')],
            ['sources.cnms', text => text.replace('gap-fill average', 'gap-fill neighbours')],
            ['sources.cnms', text => text.replace('gap-fill neighbours', 'gap-fill previous-year')],
            ['sources.cnms', text => text.replace('gap-fill previous-year', 'gap-fill previous-year monthly { 2023-03 1 t 2023-12 2 t }')],
            ['org.cnms', text => text.replace('period 2024', 'period 2023')],
            ['org.cnms', text => text.replace('period 2023', 'period 2024')],
            ['sources.cnms', text => text.replace('2024-02 20 t', '2024-02 20 t\n        2024-03 7 t')],
            ['sources.cnms', text => text.replace(/gap-fill previous-year monthly \{[^}]*\}/, 'gap-fill value fill_month')],
            ['values.cnms', text => text.replace('15_000 kg', '1 t')]
        ];
        // 12 t → 15 t → not computed → 15 t (134, 140, not computed, 140); average 11 t (132); neighbours (140);
        // previous-year: none (not computed), then 1 t and 2 t (113); … the figures changed step by step
        expect((await replaySteps(dir, steps)).size).toBeGreaterThanOrEqual(5);
    });
});

describe('a saved CSV: incremental figures and diagnostics equal a build from scratch', () => {
    /** One random edit of a CSV text: a digit, a broken cell, a line deleted or doubled, a month out of the period, or the original back. */
    function csvEdit(text: string, original: string, next: () => number): string {
        const lines = text.split('\n');
        const line = 1 + Math.floor(next() * Math.max(1, lines.length - 2));
        switch (Math.floor(next() * 6)) {
            case 0: {
                const digits = [...text.matchAll(/[0-9]/g)];
                const at = digits[Math.floor(next() * digits.length)];
                return at ? text.slice(0, at.index) + String(Math.floor(next() * 10)) + text.slice(at.index + 1) : text;
            }
            case 1:
                return [...lines.slice(0, line), lines[line]?.replace(/,([0-9.]+)(,|$)/, ',x$1$2'), ...lines.slice(line + 1)].join('\n');
            case 2:
                return [...lines.slice(0, line), ...lines.slice(line + 1)].join('\n');
            case 3:
                return [...lines.slice(0, line + 1), lines[line], ...lines.slice(line + 1)].join('\n');
            case 4:
                return text.replace(/2024-0[1-9]/, '2023-12');
            default:
                return original;
        }
    }

    test(
        `examples/glass: ${EDITS} random edits of its CSV files, saved and announced`,
        async () => {
            const dir = mkdtempSync(join(tmpdir(), 'cnms-incremental-csv-'));
            temporary.push(dir);
            cpSync(join(REPO, 'examples/glass'), dir, { recursive: true });
            const csvFiles = readdirSync(join(dir, 'data'))
                .map(name => join(dir, 'data', name))
                .sort();
            const originals = new Map(csvFiles.map(file => [file, readFileSync(file, 'utf8')]));
            const live = await load(dir);
            const next = seededRandom(53);
            for (let i = 0; i < EDITS; i++) {
                const file = csvFiles[Math.floor(next() * csvFiles.length)];
                const gone = next() < 0.1;
                if (gone) rmSync(file, { force: true });
                else writeFileSync(file, csvEdit(existsOr(file, originals.get(file)!), originals.get(file)!, next));
                // as the language server does on a watched-file notification (lsp/cnms-request-handlers.ts)
                const uri = URI.file(file).toString();
                live.Cnms.semantics.FigureMemo.fileChanged(uri);
                for (const model of live.Cnms.semantics.Datasets.modelsReading(uri)) live.Cnms.validation.ModelValidation.markModelChanged(model);
                await live.shared.workspace.DocumentBuilder.update([], []);
                expect(snapshot(live, dir), `CSV edit ${i + 1}`).toEqual(snapshot(await load(dir), dir));
            }
        },
        240_000 * Math.max(1, EDITS / 30)
    );
});

function existsOr(file: string, fallback: string): string {
    try {
        return readFileSync(file, 'utf8');
    } catch {
        return fallback;
    }
}
