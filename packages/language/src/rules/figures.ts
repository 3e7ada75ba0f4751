import type { LangiumDocument } from 'langium';
import type { CnmsFile, Element, Factor } from '../generated/ast.js';
import { isFactor, isLibrary } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import { formatFigure } from '../semantics/figure-format.js';
import { splitGasUnit } from '../semantics/gas-units.js';
import { formatFactorValue } from '../semantics/quantity-display.js';
import { Rational } from '../semantics/rational.js';
import { isBuiltinUri } from '../workspace/builtin-library.js';
import { kindText } from '../i18n/messages.js';
import { defineRule, type Rule } from './rule.js';

// ---------------------------------------------------------------------------
// CN-NUM-007: which library factor a user factor's `source` cites

/** The plausible range around a library value: ±30 %. */
const PLAUSIBLE = Rational.parse('0.3');
const HUNDRED = Rational.fromInteger(100);

/**
 * Other names of the fuels of `ipcc2006.*` (English and Chinese), beside the
 * factor's title and name, by the factor's name.
 */
const FUEL_ALIASES: Readonly<Record<string, readonly string[]>> = {
    natural_gas: ['天然气'],
    gas_diesel_oil: ['diesel oil', 'gas oil', 'diesel', '柴油'],
    motor_gasoline: ['gasoline', 'petrol', '汽油'],
    lpg: ['liquefied petroleum gas', '液化石油气'],
    residual_fuel_oil: ['fuel oil', 'heavy fuel oil', '燃料油', '重油'],
    other_bituminous_coal: ['bituminous coal', '烟煤'],
    anthracite: ['无烟煤'],
    sub_bituminous_coal: ['次烟煤'],
    lignite: ['褐煤'],
    coking_coal: ['炼焦煤', '焦煤'],
    coke_oven_coke: ['coke', '焦炭'],
    crude_oil: ['原油'],
    petroleum_coke: ['石油焦'],
    refinery_gas: ['炼厂干气', '炼厂气'],
    coke_oven_gas: ['焦炉煤气'],
    blast_furnace_gas: ['高炉煤气'],
    jet_kerosene: ['kerosene', '航空煤油', '煤油']
};

/** Other names of the grid regions of `china_grid.*`, by the factor's `region`. */
const REGION_ALIASES: Readonly<Record<string, readonly string[]>> = {
    national: ['national', 'nationwide', '全国'],
    'North China': ['north china', '华北'],
    Northeast: ['northeast', 'north-east', 'north east', '东北'],
    'East China': ['east china', '华东'],
    'Central China': ['central china', '华中'],
    Northwest: ['northwest', 'north-west', 'north west', '西北'],
    South: ['south', 'southern', 'south china', '南方', '南网'],
    Southwest: ['southwest', 'south-west', 'south west', '西南']
};

const GRID_WORDS = /grid|electricity|电网|电力/i;

interface LibraryFactor {
    readonly factor: Factor;
    /** As a model names it: `ipcc2006.natural_gas`. */
    readonly qualified: string;
}

function builtinDocuments(services: CnmsServices): LangiumDocument[] {
    return services.shared.workspace.LangiumDocuments.all.filter(doc => isBuiltinUri(doc.uri)).toArray();
}

function libraryFactors(services: CnmsServices): LibraryFactor[] {
    return builtinDocuments(services).flatMap(doc =>
        ((doc.parseResult.value as CnmsFile).elements ?? []).flatMap(element => (isLibrary(element) ? element.elements.filter(isFactor).map(factor => ({ factor, qualified: `${element.name}.${factor.name}` })) : []))
    );
}

/** Lower case, `_` read as a space (names such as `natural_gas`). */
function normalize(text: string | undefined): string {
    // a declaration whose name is being typed has none yet
    return (text ?? '').toLowerCase().replace(/_/g, ' ');
}

/** Whether a phrase occurs in a normalised text: as whole words for Latin phrases, anywhere for Chinese ones. */
function mentions(text: string, phrase: string): boolean {
    if (!/^[\x20-\x7e]+$/.test(phrase)) return text.includes(phrase);
    const escaped = phrase.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    return new RegExp(`(?<![a-z0-9])${escaped}(?![a-z0-9])`).test(text);
}

/** The volumes, chapters and tables a text cites: `vol:2`, `ch:1`, `table:1.4`. */
function citedTables(text: string): Set<string> {
    const cited = new Set<string>();
    for (const match of text.matchAll(/\b(vol(?:ume)?|ch(?:apter)?|table)(?:\.\s*|\s+)(\d+(?:\.\d+)*)/gi)) {
        const kind = match[1].toLowerCase();
        cited.add(`${kind.startsWith('t') ? 'table' : kind.startsWith('v') ? 'vol' : 'ch'}:${match[2]}`);
    }
    return cited;
}

/** The candidate with the longest phrase found in the text; undefined when none is found or two tie. */
function longestMatch<T>(text: string, candidates: ReadonlyArray<{ readonly item: T; readonly phrases: readonly string[] }>): T | undefined {
    let best: T | undefined;
    let bestLength = 0;
    let tie = false;
    for (const { item, phrases } of candidates) {
        const length = Math.max(0, ...phrases.filter(phrase => mentions(text, phrase)).map(phrase => phrase.length));
        if (length === 0) continue;
        if (length > bestLength) {
            best = item;
            bestLength = length;
            tie = false;
        } else if (length === bestLength && item !== best) {
            tie = true;
        }
    }
    return tie ? undefined : best;
}

/**
 * The IPCC 2006 factor that a user factor cites: the source names IPCC 2006,
 * the fuel is named in the source (else the title, else the name), and every
 * volume, chapter or table the source cites is one the library factor cites.
 */
function citedIpccFactor(factor: Factor, library: readonly LibraryFactor[]): LibraryFactor | undefined {
    const source = factor.source ?? '';
    if (!/ipcc/i.test(source) || !/2006/.test(source)) return undefined;
    const fuels = library
        .filter(entry => !entry.factor.region && /ipcc 2006/i.test(entry.factor.source ?? ''))
        .map(entry => ({
            item: entry,
            phrases: [normalize(entry.factor.title ?? ''), normalize(entry.factor.name), ...(FUEL_ALIASES[entry.factor.name] ?? [])].filter(Boolean)
        }));
    let cited: LibraryFactor | undefined;
    for (const text of [source, factor.title ?? '', factor.name]) {
        cited = longestMatch(normalize(text), fuels);
        if (cited) break;
    }
    if (!cited) return undefined;
    const tables = citedTables(cited.factor.source ?? '');
    return [...citedTables(source)].every(table => tables.has(table)) ? cited : undefined;
}

/**
 * The Chinese grid factor that a user factor cites: its source or title names
 * a grid (or electricity) and a grid region, and its `year` (else a year in
 * the source) is the library factor's year. A regional grid is preferred to
 * the national average; of the national variants, fossil-only and
 * excluding-market-traded are chosen only when the text says so.
 */
function citedGridFactor(factor: Factor, library: readonly LibraryFactor[]): LibraryFactor | undefined {
    const source = factor.source ?? '';
    const text = normalize(`${source} ${factor.title ?? ''}`);
    if (!GRID_WORDS.test(text)) return undefined;
    const grid = library.filter(entry => entry.factor.region);
    const regions = [...new Set(grid.map(entry => entry.factor.region!))];
    const phrasesOf = (region: string) => [normalize(region), ...(REGION_ALIASES[region] ?? [])];
    const regional = regions.filter(region => region !== 'national').map(region => ({ item: region, phrases: phrasesOf(region) }));
    const region = longestMatch(text, regional) ?? (phrasesOf('national').some(phrase => mentions(text, phrase)) ? 'national' : undefined);
    if (!region) return undefined;
    const years = factor.year ? [factor.year] : [...source.matchAll(/(?<!\d)(19|20)\d{2}(?!\d)/g)].map(match => match[0]);
    const fossil = /fossil|化石/.test(text);
    const excluding = /exclud|market|市场化/.test(text);
    const candidates = grid.filter(entry => {
        const title = normalize(entry.factor.title ?? '');
        return entry.factor.region === region && years.includes(entry.factor.year ?? '') && title.includes('fossil') === fossil && title.includes('excluding') === excluding;
    });
    return candidates.length === 1 ? candidates[0] : undefined;
}

// ---------------------------------------------------------------------------
// CN-NUM-008: the names the library exports without qualification

/** Which kinds of names a declaration can be found as, by its type: two names clash only where their kinds meet. */
const NAMESPACES: Readonly<Record<string, readonly string[]>> = {
    UnitDecl: ['value'],
    GasDecl: ['value', 'gas'],
    Let: ['value'],
    Factor: ['value'],
    Output: ['value'],
    Source: ['value'],
    DimensionDecl: ['dimension'],
    GwpSet: ['gwp-set'],
    Library: ['library']
};
/** Values that CN-NUM-006 reports when they take a unit's name. */
const VALUE_KINDS = new Set(['Let', 'Factor', 'Output', 'Source']);

function builtinNames(services: CnmsServices): Map<string, Element> {
    const names = new Map<string, Element>();
    for (const doc of builtinDocuments(services)) {
        for (const element of (doc.parseResult.value as CnmsFile).elements ?? []) {
            if ('name' in element && typeof element.name === 'string' && !names.has(element.name)) names.set(element.name, element);
        }
    }
    return names;
}

/** Language and figures beyond the parser and evaluator: CN-NUM-007 (plausible factor values) and CN-NUM-008 (names that shadow the library). */
export const FIGURE_RULES: readonly Rule[] = [
    defineRule({
        id: 'CN-NUM-007',
        clause: null,
        severity: 'warning',
        title: { en: 'Implausible factor value', 'zh-CN': '排放因子值不合理' },
        description: {
            en: "A factor whose `source` cites a factor of the built-in library, and whose value of a gas differs by more than 30 % from that library factor's value of the same gas per the same activity dimension. A source cites an `ipcc2006.*` factor when it names IPCC 2006 and the factor's fuel (in English or Chinese; the fuel may also stand in the factor's title or name) and cites no volume, chapter or table that the library factor does not (another table, such as mobile combustion or another sector, has other defaults). A source cites a `china_grid.*` factor when it (or the title) names a grid or electricity, the grid region, and the library factor's year (the factor's `year`, else a year in the source).",
            'zh-CN':
                '因子的 `source` 引用了内置库中的某个因子，而其某种气体的值与该库因子同一气体、同一活动数据量纲的值相差超过 30 %。`source` 写明 IPCC 2006 及某个 `ipcc2006.*` 因子的燃料（中文或英文；燃料也可写在因子的标题或名称中），且未引用该库因子之外的卷、章或表（其他表，如移动源或其他部门，缺省值不同）时，视为引用该因子。`source`（或标题）写明电网或电力、电网区域以及库因子的年份（取因子的 `year`，否则取 `source` 中的年份）时，视为引用相应的 `china_grid.*` 因子。'
        },
        rationale: {
            en: 'A factor that strays far from the published default it cites is most often a unit or transcription error; ISO 14064-1:2018 clause 6.2 and GB/T 32150 ask for emission factors that are appropriate and traceable to their source.',
            'zh-CN': '与所引公开缺省值相差悬殊的因子，多半是单位或抄录错误；ISO 14064-1:2018 第 6.2 条和 GB/T 32150 要求排放因子适当并可追溯至其来源。'
        },
        messages: {
            deviates: {
                en: 'Factor {name} gives {value} for {gas}, {deviation} from {library} ({libraryValue}), which its source cites; the plausible range is ±30 %.',
                'zh-CN': '排放因子 {name} 的 {gas} 值为 {value}，与其来源所引的内置库因子 {library}（{libraryValue}）相差 {deviation}，超出 ±30 % 的合理范围。'
            }
        },
        check: context => {
            const services = context.services;
            const evaluator = services.semantics.Evaluator;
            const library = libraryFactors(services);
            const factors = context.elements.flatMap(element => (isFactor(element) ? [element] : isLibrary(element) ? element.elements.filter(isFactor) : []));
            for (const factor of factors) {
                const cited = citedIpccFactor(factor, library) ?? citedGridFactor(factor, library);
                if (!cited) continue;
                const values = evaluator.factorValues(factor);
                const reference = evaluator.factorValues(cited.factor);
                if (!values || !reference) continue;
                for (const value of values) {
                    if (value.basis) continue;
                    const expected = reference.find(candidate => candidate.gas === value.gas && candidate.per.equals(value.per));
                    if (!expected || expected.value.isZero()) continue;
                    const difference = value.value.minus(expected.value);
                    const magnitude = difference.isNegative() ? difference.negated() : difference;
                    if (magnitude.compare(expected.value.times(PLAUSIBLE)) <= 0) continue;
                    const deviation = difference.dividedBy(expected.value).times(HUNDRED);
                    context.report(
                        'deviates',
                        {
                            name: factor.name,
                            gas: value.gas,
                            value: formatFactorValue(value),
                            library: cited.qualified,
                            libraryValue: formatFactorValue(expected),
                            deviation: `${formatFigure(deviation, 'en', 1, true)} %`
                        },
                        factor,
                        'values',
                        factor.values.indexOf(value.node)
                    );
                }
            }
        }
    }),
    defineRule({
        id: 'CN-NUM-008',
        clause: null,
        severity: 'info',
        title: { en: 'Name of the built-in library', 'zh-CN': '与内置库同名' },
        description: {
            en: 'A declaration whose name the built-in library already uses without qualification, where the two can be named in the same place: a unit, a gas or a mass of one (`tCO2`), `co2_per_c`, a dimension, a GWP set, or a library (`ipcc2006`, `china_grid`). A `let`, factor, output or source named like a unit is an error of CN-NUM-006 instead.',
            'zh-CN':
                '声明的名称已被内置库以不带限定的方式使用，且两者可在同一位置引用：单位、气体或气体质量（如 `tCO2`）、`co2_per_c`、量纲、GWP 值集或库（`ipcc2006`、`china_grid`）。与单位同名的 `let`、排放因子、产出或排放源属于 CN-NUM-006 的错误。'
        },
        rationale: {
            en: 'With two declarations of one name, a figure depends on which of them a reference resolves to, and a reader cannot tell from the model; every figure must be traceable (ISO 14064-1:2018 clause 6).',
            'zh-CN': '同名的两个声明会使数值取决于引用解析到哪一个，而读者无法从模型中判断；每个数值都必须可追溯（ISO 14064-1:2018 第 6 章）。'
        },
        messages: {
            shadows: {
                en: "The {kind} '{name}' takes the name of the built-in {builtin} '{name}': a reference to '{name}' may resolve to either, so a figure may not use the one you meant. Choose another name.",
                'zh-CN': '{kind}“{name}”与内置库中的{builtin}“{name}”同名：对“{name}”的引用可能解析为其中任何一个，数值未必使用您所指的定义。请另取名称。'
            },
            gasMass: {
                en: "The {kind} '{name}' takes the name of a mass of the built-in gas {gas}: '{name}' may then mean this declaration instead of a mass of {gas}. Choose another name.",
                'zh-CN': '{kind}“{name}”与内置气体 {gas} 的质量单位同名：“{name}”可能因此指本声明，而不再表示 {gas} 的质量。请另取名称。'
            }
        },
        check: context => {
            const builtins = builtinNames(context.services);
            const isBuiltinGas = (gas: string) => builtins.get(gas)?.$type === 'GasDecl';
            for (const element of context.elements) {
                if (!('name' in element) || typeof element.name !== 'string' || !element.name) continue;
                const spaces = NAMESPACES[element.$type];
                if (!spaces) continue;
                const name = element.name;
                const builtin = builtins.get(name);
                const gasMass = spaces.includes('value') ? splitGasUnit(name, isBuiltinGas) : undefined;
                // CN-NUM-006 already reports a value that takes the name of a unit or of a mass of a gas.
                if (VALUE_KINDS.has(element.$type) && (builtin?.$type === 'UnitDecl' || gasMass)) continue;
                if (builtin && (NAMESPACES[builtin.$type] ?? []).some(space => spaces.includes(space))) {
                    context.report('shadows', { kind: kindText(element.$type), name, builtin: kindText(builtin.$type) }, element, 'name');
                } else if (gasMass) {
                    context.report('gasMass', { kind: kindText(element.$type), name, gas: gasMass.gas }, element, 'name');
                }
            }
        }
    })
];
