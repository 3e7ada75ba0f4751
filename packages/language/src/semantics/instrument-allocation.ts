import type { Instrument, Source } from '../generated/ast.js';
import { isInstrument } from '../generated/ast.js';
import type { CnmsServices } from '../cnms-module.js';
import type { FactorValue } from './evaluator.js';
import { checkedProperty, ENERGY } from './property-checks.js';
import { INSTRUMENTS_KEY, ORGANIZATIONS_KEY, type FigureStore } from './figure-memo.js';
import type { Quantity } from './quantity.js';
import { Rational } from './rational.js';

/** Part of an instrument's quantity set against one source, with the instrument's factor. */
export interface InstrumentShare {
    readonly instrument: Instrument;
    /** Energy in joules. */
    readonly quantity: Rational;
    readonly factor: readonly FactorValue[];
}

export interface SourceAllocation {
    readonly shares: readonly InstrumentShare[];
    /** False when an instrument that covers the source is wrong, so the market-based figure cannot be computed. */
    readonly complete: boolean;
}

/**
 * Sets contractual instruments (GEC, I-REC, PPA, green power) against the
 * category-2 sources they cover, for the market-based scope-2 figure. An
 * instrument that covers several sources fills them in the order listed, each
 * up to its activity; what is left over exceeds the activity (CN-6.2-010).
 */
export class CnmsInstrumentAllocation {
    private readonly services: CnmsServices;
    private readonly cache: FigureStore<object, Map<Source, SourceAllocation>> = new WeakMap();

    constructor(services: CnmsServices) {
        this.services = services;
    }

    of(source: Source): SourceAllocation {
        return this.ofModel(this.services.references.Models.modelOfNode(source)).get(source) ?? { shares: [], complete: true };
    }

    /** The allocation of every instrument of a model (its problems lie at the instruments). */
    ofModel(model: string): ReadonlyMap<Source, SourceAllocation> {
        return this.services.semantics.FigureMemo.memo(this.cache, this.services.references.Models.keyObject(model), () => this.allocate(model));
    }

    private allocate(model: string): Map<Source, SourceAllocation> {
        const evaluator = this.services.semantics.Evaluator;
        const memo = this.services.semantics.FigureMemo;
        // which files hold instruments (and which model they belong to); each instrument's own file is read below
        memo.read(INSTRUMENTS_KEY);
        memo.read(ORGANIZATIONS_KEY);
        const settings = this.services.semantics.OrganizationSettings.of(model);
        const result = new Map<Source, { shares: InstrumentShare[]; complete: boolean; used: Rational }>();
        const instruments = this.services.references.Models.elementsOf(model).filter(isInstrument);
        for (const instrument of instruments) {
            memo.readNode(instrument);
            const sources = instrument.covers.map(ref => ref.ref).filter((s): s is Source => s !== undefined);
            if (instrument.covers.length === 0) {
                evaluator.report('CN-6.2-010', 'noSource', { name: instrument.name }, instrument, 'name');
                continue;
            }
            const entryOf = (source: Source) => {
                let entry = result.get(source);
                if (!entry) result.set(source, (entry = { shares: [], complete: true, used: Rational.ZERO }));
                return entry;
            };
            const quantity = checkedProperty(evaluator, instrument, 'quantity', ENERGY, 'non-negative');
            const factor = instrument.factor ? evaluator.factorExpressionValues(instrument.factor, instrument, 'factor') : undefined;
            if (!instrument.factor) {
                evaluator.report('CN-6.2-010', 'noFactor', { name: instrument.name }, instrument, 'name');
            }
            const factorFits = factor?.every(value => quantity && value.per.equals(quantity.dimension));
            if (factor && quantity && !factorFits) {
                evaluator.report(
                    'CN-NUM-003',
                    'property',
                    { property: 'factor', expected: { en: 'a mass of a gas per energy (such as tCO2/MWh)', 'zh-CN': '单位能量的气体质量（如 tCO2/MWh）' }, actual: factor[0].per },
                    instrument,
                    'factor'
                );
            }
            if (!quantity || !factor || !factorFits) {
                sources.forEach(source => (entryOf(source).complete = false));
                continue;
            }
            const noGwp = factor.find(value => !settings.gwpValues.has(value.gas));
            if (noGwp) {
                for (const source of sources) {
                    evaluator.report('CN-6.2-004', 'gasNotInSet', { gas: noGwp.gas, set: settings.gwpSet?.name ?? '—', name: source.name }, instrument, 'factor');
                    entryOf(source).complete = false;
                }
                continue;
            }
            let left = quantity.value;
            for (const source of sources) {
                const entry = entryOf(source);
                memo.readNode(source);
                const activity = this.activityOf(source);
                if (!activity) {
                    evaluator.report('CN-6.2-010', 'noActivity', { name: instrument.name, source: source.name }, instrument, 'covers');
                    entry.complete = false;
                    continue;
                }
                if (!activity.dimension.equals(quantity.dimension)) {
                    evaluator.report('CN-NUM-003', 'property', { property: 'quantity', expected: activity.dimension, actual: quantity.dimension }, instrument, 'quantity');
                    entry.complete = false;
                    continue;
                }
                const room = activity.value.minus(entry.used);
                const take = left.compare(room) <= 0 ? left : room;
                if (!take.isZero() || left.isZero()) {
                    entry.shares.push({ instrument, quantity: take, factor });
                }
                entry.used = entry.used.plus(take);
                left = left.minus(take);
            }
            if (!left.isZero() && sources.length > 0) {
                const last = sources[sources.length - 1];
                const activity = this.activityOf(last);
                evaluator.report(
                    'CN-6.2-010',
                    'exceeds',
                    {
                        name: sources.map(s => s.name).join(', '),
                        covered: { figure: quantity.value, unit: 'MWh' },
                        activity: activity ? { figure: activity.value, unit: 'MWh' } : '—'
                    },
                    instrument,
                    'quantity'
                );
                sources.forEach(source => (entryOf(source).complete = false));
            }
        }
        return new Map([...result].map(([source, entry]) => [source, { shares: entry.shares, complete: entry.complete }]));
    }

    private activityOf(source: Source): Quantity | undefined {
        return source.activity ? this.services.semantics.Evaluator.evaluate(source.activity) : undefined;
    }
}
