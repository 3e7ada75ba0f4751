import type { CnmsServices, Installation } from '@cnms/language';
import { isPeriodRange, isProcess, periodRange, shownName } from '@cnms/language';
import { countryOf, lotsJson, processEntries, processesJson, productsJson, supplierOf, type LotJson, type ProcessJson, type ProductJson } from './products-json.js';

/**
 * The installation operator's communication to EU importers (docs/cbam.md):
 * the content of the Commission's communication template for installations,
 * from the model's figures. Every figure is the evaluator's, as an exact
 * decimal string (the same strings as `cnms balance --format json`); a
 * mandatory field the model does not give is null and listed in `missing`.
 */
export interface CbamCommunication {
    /** The template whose content this follows (docs/cbam.md says what was and was not reproduced). */
    readonly template: 'CBAM communication template for installations';
    readonly installation: {
        readonly id: string;
        readonly name: string;
        readonly operator: string | null;
        readonly country: string | null;
        readonly city: string | null;
        readonly unlocode: string | null;
        readonly site: string | null;
        readonly location: string | null;
        readonly period: { readonly start: string; readonly end: string } | null;
        readonly categories: readonly string[];
    };
    /** B_EmInst: the emission sources inside the installation's processes, each counted in full. */
    readonly sources: ReadonlyArray<{ readonly id: string; readonly title: string | null; readonly process: string; readonly category: string | null; readonly kind: 'direct' | 'indirect'; readonly co2e: string }>;
    /** D_Processes. */
    readonly processes: readonly ProcessJson[];
    /** E_PurchPrec: goods bought and used by the installation's processes, one row per use. */
    readonly purchasedPrecursors: ReadonlyArray<{
        readonly id: string;
        readonly title: string | null;
        readonly cn: string | null;
        readonly category: string | null;
        readonly supplier: string | null;
        readonly country: string | null;
        readonly defaultValue: boolean;
        readonly usedBy: string;
        readonly mass: string;
        readonly seeDirect: string;
        readonly seeIndirect: string;
        /** A good bought from several installations: its lots, whose mass-weighted average the SEE is. */
        readonly lots: readonly LotJson[];
    }>;
    /** Summary_Communication: the goods the installation makes. */
    readonly products: readonly ProductJson[];
    /** Mandatory fields without a value, and figures that could not be computed. */
    readonly missing: ReadonlyArray<{ readonly sheet: string; readonly item: string; readonly field: string }>;
    /** True when nothing is missing and every figure is computed. */
    readonly complete: boolean;
}

/** The installations of a model, in file order. */
export function modelInstallations(services: CnmsServices, model: string): Installation[] {
    return services.semantics.ProductFigures.ofModel(model).installations.map(entry => entry.installation);
}

/** The communication of one installation of a model. */
export function buildCbamCommunication(services: CnmsServices, model: string, installation: Installation): CbamCommunication {
    const products = services.semantics.ProductFigures.ofModel(model);
    const settings = services.semantics.OrganizationSettings.of(model);
    const entries = processEntries(products).filter(({ entry }) => entry.process.installation?.ref === installation);
    const own = new Set(entries.map(({ entry }) => entry.process));
    const missing: Array<{ sheet: string; item: string; field: string }> = [];
    const need = (sheet: string, item: string, field: string, value: string | null | undefined): string | null => {
        if (value === undefined || value === null || value.trim() === '') {
            missing.push({ sheet, item, field });
            return null;
        }
        return value;
    };

    const range = installation.period ? periodRange(installation.period) : settings.period;
    const period = range && isPeriodRange(range) ? { start: range.start, end: range.end } : null;
    if (!period) missing.push({ sheet: 'A_InstData', item: installation.name, field: 'Reporting period' });
    const site = installation.site?.ref;
    const made = productsJson(products).filter(product => product.installation === installation.name);
    const categories = [...new Set(made.map(product => product.category).filter((category): category is string => category !== null))];
    const header = {
        id: installation.name,
        name: need('A_InstData', installation.name, 'Name of the installation', installation.title ?? installation.name) ?? installation.name,
        operator: need('A_InstData', installation.name, 'Name of the operator', settings.organization?.title ?? settings.organization?.name),
        country: need('A_InstData', installation.name, 'Country', installation.country),
        city: need('A_InstData', installation.name, 'City', installation.city),
        unlocode: need('A_InstData', installation.name, 'UN/LOCODE', installation.unlocode),
        site: site?.name ?? null,
        location: site?.location ?? null,
        period,
        categories
    };

    const sources = entries.flatMap(({ entry }) =>
        (entry.figures?.sources ?? []).map(({ source, co2e, direct }) => ({
            id: shownName(source),
            title: source.title ?? null,
            process: shownName(entry.process),
            category: source.category ?? null,
            kind: direct ? ('direct' as const) : ('indirect' as const),
            co2e: co2e.toString()
        }))
    );
    const processes = processesJson(products).filter(process => process.installation === installation.name);
    for (const process of processes) if (!process.computed) missing.push({ sheet: 'D_Processes', item: process.id, field: 'Attributed emissions' });

    const purchasedPrecursors = entries.flatMap(({ entry }) =>
        (entry.figures?.precursors ?? [])
            // a good made by another process of this installation is not purchased; one made elsewhere is
            .filter(precursor => !(isProcess(precursor.good.$container) && own.has(precursor.good.$container)))
            .map(precursor => {
                const good = precursor.good;
                return {
                    id: shownName(good),
                    title: good.title ?? null,
                    cn: need('E_PurchPrec', good.name, 'CN code', good.cn),
                    category: need('E_PurchPrec', good.name, 'Aggregated goods category', good.category),
                    supplier: supplierOf(good),
                    country: need('E_PurchPrec', good.name, 'Country of production', countryOf(good)),
                    defaultValue: precursor.defaultValue,
                    usedBy: shownName(entry.process),
                    mass: precursor.mass.toString(),
                    seeDirect: precursor.seeDirect.toString(),
                    seeIndirect: precursor.seeIndirect.toString(),
                    lots: lotsJson(services.semantics.ProductFigures.ofGood(good))
                };
            })
    );

    for (const product of made) {
        need('Summary_Communication', product.id, 'CN code', product.cn);
        need('Summary_Communication', product.id, 'Aggregated goods category', product.category);
        if (!product.computed) missing.push({ sheet: 'Summary_Communication', item: product.id, field: 'Specific embedded emissions' });
    }
    if (made.length === 0) missing.push({ sheet: 'Summary_Communication', item: installation.name, field: 'Goods produced' });
    return {
        template: 'CBAM communication template for installations',
        installation: header,
        sources,
        processes,
        purchasedPrecursors,
        products: made,
        missing,
        complete: missing.length === 0
    };
}
