import type { CnmsFile, Offset, Removal, Site, Target } from '../generated/ast.js';
import { isOffset, isRemoval, isSource } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import { MEMBERS_KEY, ORGANIZATIONS_KEY, type FigureStore } from './figure-memo.js';
import type { OrganizationSettings } from './organization-settings.js';
import { isPeriodRange, periodRange, samePeriod } from './period.js';
import { checkedProperty, MASS_OF_CO2, MASS_OF_CO2E } from './property-checks.js';
import { tonnes } from './quantity.js';
import { Rational } from './rational.js';
import type { SourceFigures } from './source-figures.js';

/** How a removal counts: its amount in tonnes of CO2 after the site's share. */
export interface RemovalFigures {
    readonly removal: Removal;
    readonly amount: Rational;
}

/** How an offset counts: its quantity, and whether it is retired and applies to the period. */
export interface OffsetFigures {
    readonly offset: Offset;
    readonly quantity: Rational;
    readonly counts: boolean;
    readonly reason: 'counted' | 'not-retired' | 'other-period';
}

/**
 * The net balance of one model for its reporting period (language.md §4), in
 * tonnes of CO2e (tonnes of each gas under `byGas`). Sources, removals or
 * offsets that cannot be computed are left out and their problems reported.
 */
export interface ModelBalance {
    readonly model: string;
    readonly settings: OrganizationSettings;
    readonly emissions: Rational;
    readonly byCategory: ReadonlyMap<string, Rational>;
    /** Emissions by the category each source gives (`1`, `1.1`, `4.2` …), for what a target covers. */
    readonly bySubcategory: ReadonlyMap<string, Rational>;
    readonly byScope: { readonly '1': Rational; readonly '2-location': Rational; readonly '2-market': Rational; readonly '3': Rational };
    readonly byGas: ReadonlyMap<string, Rational>;
    readonly sources: ReadonlyArray<{ readonly source: SourceFigures['source']; readonly figures?: SourceFigures }>;
    readonly biogenicCO2: Rational;
    readonly removals: Rational;
    readonly removalFigures: readonly RemovalFigures[];
    readonly offsets: Rational;
    readonly offsetFigures: readonly OffsetFigures[];
    readonly net: Rational;
    /** Net ≤ 0: with no error against the model, the period may be claimed carbon neutral (§4). */
    readonly netAtOrBelowZero: boolean;
    /** Sources, removals and offsets that could not be computed. */
    readonly uncomputed: number;
}

/** A site's sources in a balance (in the balance's order) and the tCO2e of those that could be computed. */
export interface SiteEmissions {
    readonly sources: ModelBalance['sources'];
    readonly co2e: Rational;
}

/**
 * Each site's sources and emissions, in one pass over the balance's sources
 * (a site with no source has no entry): what the report's table of sites and
 * the site's code lens show, without looking through every source per site.
 */
export function siteEmissions(balance: ModelBalance): ReadonlyMap<Site, SiteEmissions> {
    const sites = new Map<Site, { sources: Array<ModelBalance['sources'][number]>; co2e: Rational }>();
    for (const entry of balance.sources) {
        const site = entry.source.site?.ref;
        if (!site) continue;
        let at = sites.get(site);
        if (!at) sites.set(site, (at = { sources: [], co2e: Rational.ZERO }));
        at.sources.push(entry);
        if (entry.figures) at.co2e = at.co2e.plus(tonnes(entry.figures.co2e));
    }
    return sites;
}

/** The part of a model's balance that one file holds: sums of its sources, removals and offsets. */
interface FileBalance {
    readonly emissions: Rational;
    readonly byCategory: ReadonlyMap<string, Rational>;
    readonly bySubcategory: ReadonlyMap<string, Rational>;
    readonly byScope: ModelBalance['byScope'];
    readonly byGas: ReadonlyMap<string, Rational>;
    readonly sources: ModelBalance['sources'];
    readonly biogenicCO2: Rational;
    readonly removalFigures: readonly RemovalFigures[];
    readonly offsetFigures: readonly OffsetFigures[];
    readonly uncomputed: number;
}

/**
 * The balance of a model, summed file by file: each file's part is cached
 * with what its figures were computed from (semantics/figure-memo.ts), so an
 * edit recomputes the part of the edited file (and of files whose figures
 * read it) and adds up the parts again.
 */
export class CnmsBalance {
    private readonly services: CnmsServices;
    private readonly models: FigureStore<object, ModelBalance> = new WeakMap();
    private readonly files: FigureStore<CnmsFile, FileBalance> = new WeakMap();
    private readonly removals: FigureStore<Removal, RemovalFigures | null>;
    private readonly offsets: FigureStore<Offset, OffsetFigures | null>;

    constructor(services: CnmsServices) {
        this.services = services;
        this.removals = services.semantics.FigureMemo.store((figures, counterpart) => {
            const removal = figures && counterpart(figures.removal);
            return figures && removal && { ...figures, removal };
        });
        this.offsets = services.semantics.FigureMemo.store((figures, counterpart) => {
            const offset = figures && counterpart(figures.offset);
            return figures && offset && { ...figures, offset };
        });
    }

    of(model: string): ModelBalance {
        return this.services.semantics.FigureMemo.memo(this.models, this.services.references.Models.keyObject(model), () => this.compute(model));
    }

    removalFigures(removal: Removal): RemovalFigures | undefined {
        return (
            this.services.semantics.FigureMemo.memo(this.removals, removal, () => {
                const evaluator = this.services.semantics.Evaluator;
                const amount = checkedProperty(evaluator, removal, 'amount', MASS_OF_CO2, 'non-negative');
                const share = this.services.semantics.BoundaryShares.shareOf(removal);
                return amount && share ? { removal, amount: tonnes(amount).times(share) } : null;
            }) ?? undefined
        );
    }

    offsetFigures(offset: Offset, settings: OrganizationSettings): OffsetFigures | undefined {
        return (
            this.services.semantics.FigureMemo.memo(this.offsets, offset, () => {
                // the period it counts for is the organisation's
                this.services.semantics.OrganizationSettings.of(this.services.references.Models.modelOfNode(offset));
                const quantity = checkedProperty(this.services.semantics.Evaluator, offset, 'quantity', MASS_OF_CO2E, 'non-negative');
                if (!quantity) return null;
                const appliesTo = offset.appliesTo ? periodRange(offset.appliesTo) : settings.period;
                const applies = !!appliesTo && isPeriodRange(appliesTo) && !!settings.period && samePeriod(appliesTo, settings.period);
                const reason = !offset.retired ? 'not-retired' : applies ? 'counted' : 'other-period';
                return { offset, quantity: tonnes(quantity), counts: reason === 'counted', reason } as const;
            }) ?? undefined
        );
    }

    private compute(model: string): ModelBalance {
        const memo = this.services.semantics.FigureMemo;
        memo.read(MEMBERS_KEY);
        memo.read(ORGANIZATIONS_KEY);
        const settings = this.services.semantics.OrganizationSettings.of(model);
        const parts = this.services.references.Models.documentsOf(model)
            .map(document => document.parseResult.value as CnmsFile)
            .map(file => memo.memo(this.files, file, () => this.fileBalance(file, settings)));
        const byCategory = new Map<string, Rational>();
        const bySubcategory = new Map<string, Rational>();
        const byGas = new Map<string, Rational>();
        const byScope = { '1': Rational.ZERO, '2-location': Rational.ZERO, '2-market': Rational.ZERO, '3': Rational.ZERO };
        let emissions = Rational.ZERO;
        let biogenicCO2 = Rational.ZERO;
        let uncomputed = 0;
        for (const part of parts) {
            emissions = emissions.plus(part.emissions);
            biogenicCO2 = biogenicCO2.plus(part.biogenicCO2);
            uncomputed += part.uncomputed;
            addInto(byCategory, part.byCategory);
            addInto(bySubcategory, part.bySubcategory);
            addInto(byGas, part.byGas);
            for (const key of Object.keys(byScope) as Array<keyof typeof byScope>) byScope[key] = byScope[key].plus(part.byScope[key]);
        }
        const sources = parts.flatMap(part => part.sources);
        const removalFigures = parts.flatMap(part => part.removalFigures);
        const offsetFigures = parts.flatMap(part => part.offsetFigures);
        const removals = removalFigures.reduce((sum, r) => sum.plus(r.amount), Rational.ZERO);
        const offsets = offsetFigures.filter(o => o.counts).reduce((sum, o) => sum.plus(o.quantity), Rational.ZERO);
        const net = emissions.minus(removals).minus(offsets);
        return {
            model,
            settings,
            emissions,
            byCategory,
            bySubcategory,
            byScope,
            byGas,
            sources,
            biogenicCO2,
            removals,
            removalFigures,
            offsets,
            offsetFigures,
            net,
            netAtOrBelowZero: net.isNegative() || net.isZero(),
            uncomputed
        };
    }

    private fileBalance(file: CnmsFile, settings: OrganizationSettings): FileBalance {
        const semantics = this.services.semantics;
        const elements = file.elements ?? [];
        let uncomputed = 0;
        const byCategory = new Map<string, Rational>();
        const bySubcategory = new Map<string, Rational>();
        const byGas = new Map<string, Rational>();
        const byScope = { '1': Rational.ZERO, '2-location': Rational.ZERO, '2-market': Rational.ZERO, '3': Rational.ZERO };
        let emissions = Rational.ZERO;
        let biogenicCO2 = Rational.ZERO;
        const sources = elements.filter(isSource).map(source => {
            const figures = semantics.SourceFigures.of(source);
            if (!figures) {
                uncomputed++;
                return { source };
            }
            const co2e = tonnes(figures.co2e);
            emissions = emissions.plus(co2e);
            byCategory.set(figures.mainCategory, (byCategory.get(figures.mainCategory) ?? Rational.ZERO).plus(co2e));
            bySubcategory.set(figures.category, (bySubcategory.get(figures.category) ?? Rational.ZERO).plus(co2e));
            if (figures.scope === 2) {
                byScope['2-location'] = byScope['2-location'].plus(tonnes(figures.co2eLocation));
                byScope['2-market'] = byScope['2-market'].plus(tonnes(figures.co2eMarket));
            } else {
                const key = figures.scope === 1 ? '1' : '3';
                byScope[key] = byScope[key].plus(co2e);
            }
            for (const [gas, mass] of figures.counted) {
                byGas.set(gas, (byGas.get(gas) ?? Rational.ZERO).plus(tonnes(mass)));
            }
            biogenicCO2 = biogenicCO2.plus(tonnes(figures.biogenicCO2));
            return { source, figures };
        });
        const removalFigures: RemovalFigures[] = [];
        for (const removal of elements.filter(isRemoval)) {
            const figures = this.removalFigures(removal);
            if (figures) removalFigures.push(figures);
            else uncomputed++;
        }
        const offsetFigures: OffsetFigures[] = [];
        for (const offset of elements.filter(isOffset)) {
            const figures = this.offsetFigures(offset, settings);
            if (figures) offsetFigures.push(figures);
            else uncomputed++;
        }
        return { emissions, byCategory, bySubcategory, byScope, byGas, sources, biogenicCO2, removalFigures, offsetFigures, uncomputed };
    }
}

/**
 * Whether a target covers a source's category: a target category `1` covers
 * 1, 1.1, 1.3 …; `1.1` covers only 1.1. A target that names no category
 * covers every source.
 */
export function targetCovers(target: Target, category: string): boolean {
    if (target.categories.length === 0) return true;
    return target.categories.some(covered => covered === category || category.startsWith(`${covered}.`));
}

/** The period's emissions of the sources a target covers, in tCO2e (summed by category, not source by source). */
export function coveredEmissions(target: Target, balance: ModelBalance): Rational {
    if (target.categories.length === 0) return balance.emissions;
    let sum = Rational.ZERO;
    for (const [category, emissions] of balance.bySubcategory) if (targetCovers(target, category)) sum = sum.plus(emissions);
    return sum;
}

function addInto(sums: Map<string, Rational>, part: ReadonlyMap<string, Rational>): void {
    for (const [key, value] of part) sums.set(key, (sums.get(key) ?? Rational.ZERO).plus(value));
}
