import type { FunctionalUnit, Good, GoodFigures, ModelProducts, ProcessEntry, Rational } from '@cnms/language';
import { shownName } from '@cnms/language';

/** A good made by a process, as `cnms balance --format json` and `cnms cbam --format json` give it: figures as unrounded decimal strings. */
export interface ProductJson {
    id: string;
    title: string | null;
    installation: string | null;
    process: string;
    cn: string | null;
    category: string | null;
    route: string | null;
    /** Tonnes made in the period. */
    quantity: string | null;
    /** Its functional unit (2025/2547 Art. 4): `t`, `t clinker` or `kg N`; null when not computed. */
    functionalUnit: FunctionalUnit | null;
    /** Functional units in a tonne of it (t clinker or kg N per t; Equations 64–66); null for the tonne. */
    content: string | null;
    unit: 'tCO2e/t';
    /** Specific embedded emissions (tCO2e per t), direct and indirect; null when not computed. */
    seeDirect: string | null;
    seeIndirect: string | null;
    see: string | null;
    computed: boolean;
}

/** A production process: its attributed emissions (tCO2e), activity level (t) and precursors. */
export interface ProcessJson {
    id: string;
    title: string | null;
    installation: string | null;
    computed: boolean;
    directEmissions: string | null;
    heatImported: string | null;
    heatExported: string | null;
    wasteGasImported: string | null;
    wasteGasExported: string | null;
    attributedDirect: string | null;
    attributedIndirect: string | null;
    activityLevel: string | null;
    /** The functional unit of its goods, and its activity level in it (Annex II point F); `seeDirect` and `seeIndirect` are per that unit. */
    functionalUnit: FunctionalUnit | null;
    functionalActivityLevel: string | null;
    precursors: Array<{ good: string; mass: string; seeDirect: string; seeIndirect: string; defaultValue: boolean }>;
    /** EE_InpMat: Σ M_i × SEE_i, direct and indirect (tCO2e). */
    precursorDirect: string | null;
    precursorIndirect: string | null;
    seeDirect: string | null;
    seeIndirect: string | null;
}

/** A lot of a good bought from one installation (`bought-from`), with its mass (t) and specific embedded emissions (tCO2e/t). */
export interface LotJson {
    supplier: string;
    country: string | null;
    mass: string;
    seeDirect: string;
    seeIndirect: string;
    defaultValue: boolean;
    /** The reporting period the lot was produced in (`2024-01-01 .. 2024-12-31`), if given (Art. 14(1)). */
    period: string | null;
}

/**
 * A good bought: its own specific embedded emissions, as its supplier (or the default values) give them,
 * or the mass-weighted average of its lots when it is bought from several installations.
 */
export interface PurchasedJson {
    id: string;
    title: string | null;
    cn: string | null;
    category: string | null;
    supplier: string | null;
    country: string | null;
    defaultValue: boolean;
    seeDirect: string | null;
    seeIndirect: string | null;
    /** Its lots (`bought-from`), whose mass-weighted average `seeDirect` and `seeIndirect` are; empty when it gives its own. */
    lots: LotJson[];
    computed: boolean;
}

const text = (value: Rational | undefined): string | null => (value === undefined ? null : value.toString());

/** Every process of the model, its installation's first, then those whose installation is unknown. */
export function processEntries(products: ModelProducts): Array<{ installation: string | null; entry: ProcessEntry }> {
    return [
        ...products.installations.flatMap(({ installation, processes }) => processes.map(entry => ({ installation: installation.name, entry }))),
        ...products.unplaced.map(entry => ({ installation: entry.process.installation?.$refText ?? null, entry }))
    ];
}

export function productsJson(products: ModelProducts): ProductJson[] {
    return processEntries(products).flatMap(({ installation, entry }) =>
        entry.goods.map(({ good, figures }) => ({
            id: shownName(good),
            title: good.title ?? null,
            installation,
            process: shownName(entry.process),
            cn: good.cn ?? null,
            category: good.category ?? null,
            route: good.route ?? null,
            quantity: text(figures?.quantity),
            functionalUnit: figures ? (figures.functional?.unit ?? 't') : null,
            content: text(figures?.functional?.content),
            unit: 'tCO2e/t' as const,
            ...seeOf(figures),
            computed: figures !== undefined
        }))
    );
}

export function processesJson(products: ModelProducts): ProcessJson[] {
    return processEntries(products).map(({ installation, entry }) => {
        const figures = entry.figures;
        return {
            id: shownName(entry.process),
            title: entry.process.title ?? null,
            installation,
            computed: figures !== undefined,
            directEmissions: text(figures?.directEmissions),
            heatImported: text(figures?.heatImported),
            heatExported: text(figures?.heatExported),
            wasteGasImported: text(figures?.wasteGasImported),
            wasteGasExported: text(figures?.wasteGasExported),
            attributedDirect: text(figures?.attributedDirect),
            attributedIndirect: text(figures?.attributedIndirect),
            activityLevel: text(figures?.activityLevel),
            functionalUnit: figures?.functionalUnit ?? null,
            functionalActivityLevel: text(figures?.functionalActivityLevel),
            precursors: (figures?.precursors ?? []).map(precursor => ({
                good: shownName(precursor.good),
                mass: precursor.mass.toString(),
                seeDirect: precursor.seeDirect.toString(),
                seeIndirect: precursor.seeIndirect.toString(),
                defaultValue: precursor.defaultValue
            })),
            precursorDirect: text(figures?.precursorDirect),
            precursorIndirect: text(figures?.precursorIndirect),
            seeDirect: text(figures?.seeDirect),
            seeIndirect: text(figures?.seeIndirect)
        };
    });
}

export function purchasedJson(products: ModelProducts): PurchasedJson[] {
    return products.bought.map(({ good, figures }) => ({
        id: shownName(good),
        title: good.title ?? null,
        cn: good.cn ?? null,
        category: good.category ?? null,
        supplier: supplierOf(good),
        country: countryOf(good),
        defaultValue: figures?.defaultValue ?? good.defaultValue === 'yes',
        seeDirect: text(figures?.seeDirect),
        seeIndirect: text(figures?.seeIndirect),
        lots: lotsJson(figures),
        computed: figures !== undefined
    }));
}

/** The lots of a good bought from several installations, as written; empty for any other good. */
export function lotsJson(figures: GoodFigures | undefined): LotJson[] {
    return (figures?.lots ?? []).map(lot => ({
        supplier: lot.supplier,
        country: lot.country ?? null,
        mass: lot.mass.toString(),
        seeDirect: lot.seeDirect.toString(),
        seeIndirect: lot.seeIndirect.toString(),
        defaultValue: lot.defaultValue,
        period: lot.period ?? null
    }));
}

/** Who a good was bought from: its `supplier`, else the suppliers of its lots (`bought-from`), in order. */
export function supplierOf(good: Good): string | null {
    return good.supplier ?? joined(good.lots.map(lot => lot.supplier));
}

/** Where a good bought was produced: its `country`, else the countries of its lots, each once. */
export function countryOf(good: Good): string | null {
    return good.country ?? joined(good.lots.map(lot => lot.country));
}

function joined(values: ReadonlyArray<string | undefined>): string | null {
    const given = [...new Set(values.filter((value): value is string => value !== undefined && value !== ''))];
    return given.length > 0 ? given.join('; ') : null;
}

function seeOf(figures: GoodFigures | undefined): { seeDirect: string | null; seeIndirect: string | null; see: string | null } {
    return { seeDirect: text(figures?.seeDirect), seeIndirect: text(figures?.seeIndirect), see: text(figures && figures.seeDirect.plus(figures.seeIndirect)) };
}
